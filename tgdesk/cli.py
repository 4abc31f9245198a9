"""Headless commands on the same services as the window. Never imports Qt.

The command names and options here are a contract; extend, never rename.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from tgdesk import __version__
from tgdesk import vnformat as vf
from tgdesk.cli_exchange import add_exchange_commands, run_exchange
from tgdesk.cli_maintenance import add_maintenance_commands, run_maintenance
from tgdesk.domain.enums import Attitude, Concern, FollowUp, MeetingType, StudyForm
from tgdesk.domain.period import Period, PeriodError
from tgdesk.services import lists, stats
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

RECORD_KINDS = ("meetings", "studies", "opinions")


class VietnameseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one plain line, exit 2
        self.exit(2, f"tgdesk: lệnh không hợp lệ: {message}. Xem: tgdesk --help\n")


def _date_arg(text: str) -> date:
    parsed = vf.parse_short_date(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(
            f"“{text}” không phải ngày hợp lệ (dùng 2026-11-05 hoặc 05/11/2026)")
    return parsed


def build_parser() -> argparse.ArgumentParser:
    p = VietnameseArgumentParser(
        prog="tgdesk",
        description="tgdesk: quản lý công tác tuyên giáo cấp phường, xã. "
                    "Không có lệnh: mở cửa sổ ứng dụng.")
    p.add_argument("--version", action="version", version=f"tgdesk {__version__}")
    p.add_argument("--db", metavar="FILE", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu "
                   "của người dùng)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=VietnameseArgumentParser)

    demo = sub.add_parser("demo", help="nạp dữ liệu mẫu của một phường")
    demo.add_argument("--years", type=int, default=2, help="số năm dữ liệu (mặc định 2)")
    demo.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (mặc định 1)")
    demo.add_argument("--scale", type=int, default=1, metavar="N",
                      help="khối lượng lớn để đo hiệu năng: hội nghị ×N, học tập ×3N, ý kiến dư "
                           "luận ×5N (mặc định 1)")

    imp = sub.add_parser("import", help="nhập bản ghi từ tệp JSON (docs/data-format.md)")
    imp.add_argument("file", metavar="FILE.json")

    ls = sub.add_parser("list", help="liệt kê hội nghị, học tập hoặc ý kiến dư luận")
    ls.add_argument("kind", choices=RECORD_KINDS)
    ls.add_argument("--from", dest="date_from", type=_date_arg, metavar="D")
    ls.add_argument("--to", dest="date_to", type=_date_arg, metavar="D")
    ls.add_argument("--search", metavar="TEXT",
                    help="tìm theo nội dung; gõ không dấu thì tìm cả có dấu và không dấu")
    ls.add_argument("--type", dest="meeting_type", choices=MeetingType.codes(),
                    help="hội nghị: loại hội nghị")
    ls.add_argument("--form", dest="study_form", choices=StudyForm.codes(),
                    help="học tập: hình thức")
    ls.add_argument("--attitude", choices=Attitude.codes(), help="dư luận: thái độ")
    ls.add_argument("--concern", choices=Concern.codes(), help="dư luận: mức độ quan tâm")
    ls.add_argument("--hot", action="store_true",
                    help="dư luận: chỉ điểm nóng (như --concern diem_nong)")
    ls.add_argument("--status", dest="follow_up", choices=["open", *FollowUp.codes()],
                    help="dư luận: tình trạng xử lý; open = chưa giải quyết xong")
    ls.add_argument("--overdue", action="store_true",
                    help="dư luận: quá hạn xử lý mà chưa giải quyết xong")
    ls.add_argument("--sort", metavar="COLUMN",
                    help="sắp xếp theo cột (vd. noted_on, concern, summary, category)")
    ls.add_argument("--asc", action="store_true", help="sắp xếp tăng dần (mặc định giảm dần)")
    ls.add_argument("--trash", action="store_true", help="liệt kê bản ghi trong thùng rác")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")

    st = sub.add_parser("stats", help="số liệu báo cáo của một kỳ")
    st.add_argument("--period", required=True, metavar="P",
                    help="2026-11 (tháng), 2026-Q4 (quý), 2026-H2 (6 tháng), 2026 (năm)")
    st.add_argument("--json", action="store_true", help="in dạng JSON")

    rep = sub.add_parser("report", help="lập báo cáo DOCX/PDF theo thể thức văn bản của Đảng")
    rep.add_argument("--kind", choices=("work", "opinion"),
                     help="work: công tác tuyên giáo; opinion: tình hình tư tưởng, dư luận xã hội")
    rep.add_argument("--period", metavar="P", help="2026-11, 2026-Q4, 2026-H2, 2026")
    rep.add_argument("--cutoff", type=_date_arg, metavar="D", help="ngày chốt số liệu")
    rep.add_argument("--out", required=True, metavar="DIR", help="thư mục ghi tệp")
    rep.add_argument("--format", default="docx,pdf", metavar="docx,pdf")
    rep.add_argument("--issue", action="store_true",
                     help="ban hành: lấy số tiếp theo, đóng ngày, lưu nguyên bản vào sổ")
    rep.add_argument("--issued", type=int, metavar="ID",
                     help="xuất lại đúng bản đã ban hành có mã ID (xem: tgdesk issued)")

    iss = sub.add_parser("issued", help="sổ báo cáo đã ban hành")
    iss.add_argument("--json", action="store_true", help="in dạng JSON")

    shots = sub.add_parser("screenshots", help="chụp mọi màn hình chính ra tệp PNG")
    shots.add_argument("dir", metavar="DIR")
    add_exchange_commands(sub)
    add_maintenance_commands(sub)
    return p


def run(ctx: Context, args: argparse.Namespace) -> int:
    if (code := run_exchange(ctx, args)) is not None:
        return code
    if (code := run_maintenance(ctx, args)) is not None:
        return code
    handler = {"demo": _demo, "import": _import, "list": _list, "stats": _stats,
               "report": _report, "issued": _issued}[args.command]
    try:
        return handler(ctx, args)
    except PeriodError as exc:
        print(f"tgdesk: {exc}", file=sys.stderr)
        return 2


# --- commands --------------------------------------------------------------

def _demo(ctx: Context, args) -> int:
    from tgdesk.services.demo import load_demo

    if args.years < 1 or args.years > 30:
        raise UserError("--years phải từ 1 đến 30.")
    if args.scale < 1 or args.scale > 1000:
        raise UserError("--scale phải từ 1 đến 1000.")
    summary = load_demo(ctx, years=args.years, seed=args.seed, scale=args.scale)
    print(summary.text())
    return 0


def _import(ctx: Context, args) -> int:
    from tgdesk.services.jsonio import import_file

    result = import_file(ctx, Path(args.file))
    print(result.text())
    return 0


def _jsonable(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _list(ctx: Context, args) -> int:
    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise UserError("--to phải sau --from.")
    if args.sort and args.sort not in lists.sort_keys(args.kind):
        raise UserError(f"Không sắp xếp được theo “{args.sort}”. Các cột: "
                        + ", ".join(lists.sort_keys(args.kind)) + ".")
    if args.hot and args.concern and args.concern != "diem_nong":
        raise UserError("--hot và --concern khác nhau: chỉ dùng một trong hai.")
    flt = lists.ListFilter(date_from=args.date_from, date_to=args.date_to, search=args.search,
                           meeting_type=args.meeting_type, study_form=args.study_form,
                           attitude=args.attitude,
                           concern="diem_nong" if args.hot else args.concern,
                           follow_up=args.follow_up, overdue=args.overdue, sort=args.sort,
                           descending=not args.asc, deleted=args.trash)
    ids = lists.record_ids(ctx, args.kind, flt)
    rows = lists.rows(ctx, args.kind, ids)
    if args.json:
        out = [{k: _jsonable(v) for k, v in r.items()} for r in rows]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    columns = TABLE_COLUMNS[args.kind]
    table = [[title for title, _ in columns]]
    table += [[fmt(r) for _, fmt in columns] for r in rows]
    widths = [min(max(len(line[i]) for line in table), 60) for i in range(len(columns))]
    for n, line in enumerate(table):
        print("  ".join(cell[:60].ljust(w) for cell, w in zip(line, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print(f"\n{vf.number(len(rows))} bản ghi.")
    return 0


def _label(enum, code) -> str:
    member = enum.from_code(code)
    return member.label if member else (code or "")


TABLE_COLUMNS = {
    "meetings": [
        ("Ngày", lambda r: vf.short_date(r["held_on"])),
        ("Loại", lambda r: _label(MeetingType, r["meeting_type"])),
        ("Tên hội nghị", lambda r: r["title"]),
        ("Số người dự", lambda r: "" if r["attendance"] is None else vf.number(r["attendance"])),
    ],
    "studies": [
        ("Ngày", lambda r: vf.short_date(r["held_on"])),
        ("Nội dung", lambda r: r["title"]),
        ("Văn bản", lambda r: ", ".join(r["documents"])),
        ("Chi bộ", lambda r: r["cell"] or "Toàn Đảng bộ"),
        ("Hình thức", lambda r: _label(StudyForm, r["form"])),
        ("ĐV dự/triệu tập", lambda r: f"{r['party_members_present']}/{r['party_members_expected']}"),
    ],
    "opinions": [
        ("Ngày", lambda r: vf.short_date(r["noted_on"])),
        ("Lĩnh vực", lambda r: r["category"]),
        ("Khu dân cư", lambda r: r["area"] or ""),
        ("Thái độ", lambda r: _label(Attitude, r["attitude"])),
        ("Mức độ", lambda r: _label(Concern, r["concern"])),
        ("Xử lý", lambda r: _label(FollowUp, r["follow_up"])),
        ("Nội dung", lambda r: r["summary"]),
    ],
}


def _stats(ctx: Context, args) -> int:
    period = Period.parse(args.period)
    figures = stats.figures(ctx, period)
    if args.json:
        out = {"period": period.code(), "label": period.label(), **stats.figures_json(figures)}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"Số liệu {period.label()} ({vf.short_date(period.start)}–{vf.short_date(period.end)})")
    lines = stats.figure_lines(figures)
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label.ljust(width)}  {value}")
    return 0


def _formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("docx", "pdf")]
    if bad or not formats:
        raise UserError(f"--format: “{text}” không hợp lệ; dùng docx, pdf hoặc docx,pdf.")
    return formats


def _report(ctx: Context, args) -> int:
    from tgdesk.services import issuing

    formats = _formats(args.format)
    out = Path(args.out)
    if args.issued is not None:
        paths = issuing.export_issued(ctx, args.issued, out, formats)
    else:
        if not args.kind or not args.period:
            raise UserError("Cần --kind và --period (hoặc --issued ID để xuất lại bản đã ban hành).")
        period = Period.parse(args.period)
        if args.issue:
            done = issuing.issue(ctx, args.kind, period, args.cutoff, None, out, formats)
            print(f"Đã ban hành báo cáo số {done.entry.number_text} ngày "
                  f"{vf.short_date(done.entry.issued_on)} (mã {done.entry.id} trong sổ).")
            paths = done.files
        else:
            paths = issuing.export_draft(ctx, args.kind, period, out, formats, args.cutoff)
    for path in paths:
        print(path)
    return 0


def _issued(ctx: Context, args) -> int:
    from tgdesk.services import register

    entries = register.issued_reports(ctx)
    if args.json:
        out = [{"id": e.id, "uuid": e.uuid, "kind": e.kind, "period": e.period_code,
                "number": e.number, "number_text": e.number_text,
                "issued_on": _jsonable(e.issued_on)} for e in entries]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not entries:
        print("Chưa có báo cáo nào được ban hành.")
        return 0
    for e in entries:
        print(f"{e.id:>4}  Số {e.number_text:<14} {vf.short_date(e.issued_on)}  "
              f"{register.KIND_LABELS.get(e.kind, e.kind)} {Period.parse(e.period_code).label()}")
    return 0
