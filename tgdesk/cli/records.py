"""Commands on the records: demo, import, list, stats."""

from __future__ import annotations

from pathlib import Path

from tgdesk import vnformat as vf
from tgdesk.domain.enums import (Attitude, Concern, FollowUp, MeetingType, PropagandaForm,
                                 StudyForm)
from tgdesk.domain.period import Period
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from . import activity_list
from .output import dump_json, print_table, jsonable
from .parser_kit import date_arg

RECORD_KINDS = ("meetings", "studies", "opinions", *activity_list.ACTIVITY_KINDS)


def add_commands(sub) -> None:
    demo = sub.add_parser("demo", help="nạp dữ liệu mẫu của một phường")
    demo.add_argument("--years", type=int, default=2, help="số năm dữ liệu (mặc định 2)")
    demo.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (mặc định 1)")
    demo.add_argument("--scale", type=int, default=1, metavar="N",
                      help="khối lượng lớn để đo hiệu năng: hội nghị ×N, học tập ×3N, ý kiến dư "
                           "luận ×5N, hoạt động tuyên truyền và việc của nhóm trực tuyến ×2N, "
                           "mô hình, điển hình ×4N (mặc định 1)")

    imp = sub.add_parser("import", help="nhập bản ghi từ tệp JSON (docs/data-format.md)")
    imp.add_argument("file", metavar="FILE.json")
    imp.add_argument("--keep-duplicates", action="store_true",
                     help="vẫn nhập bản ghi có vẻ trùng (không có uuid, cùng ngày, cùng chi bộ "
                          "hoặc khu dân cư, cùng tên hoặc nội dung với bản ghi đã có hoặc bản "
                          "ghi ở trước trong tệp); mặc định bỏ qua chúng")
    imp.add_argument("--dry-run", action="store_true",
                     help="chỉ xem trước (kể cả bản ghi trùng), không thay đổi dữ liệu")

    ls = sub.add_parser("list", help="liệt kê hội nghị, học tập, ý kiến dư luận, hoạt động "
                                     "tuyên truyền, việc của nhóm trên mạng (Nghị quyết 35) "
                                     "hoặc mô hình, điển hình (Chỉ thị 05)")
    ls.add_argument("kind", choices=RECORD_KINDS,
                    help="meetings (hội nghị), studies (học tập), opinions (dư luận), "
                         "propaganda (tuyên truyền), online (nhóm trên mạng), models (mô hình, "
                         "điển hình)")
    ls.add_argument("--from", dest="date_from", type=date_arg, metavar="D")
    ls.add_argument("--to", dest="date_to", type=date_arg, metavar="D")
    ls.add_argument("--search", metavar="TEXT",
                    help="tìm theo nội dung; gõ không dấu thì tìm cả có dấu và không dấu; "
                         "bản ghi có các chữ liền nhau đúng thứ tự xếp trước (khi xếp mặc "
                         "định, mới nhất trước); đặt trong ngoặc kép để chỉ tìm đúng cụm từ")
    ls.add_argument("--type", dest="meeting_type", choices=MeetingType.codes(),
                    help="hội nghị: loại hội nghị")
    ls.add_argument("--form", dest="study_form", choices=activity_list.FORM_CODES,
                    help="học tập: hình thức (" + ", ".join(StudyForm.codes()) + "); tuyên "
                         "truyền: hình thức (" + ", ".join(PropagandaForm.codes()) + ")")
    ls.add_argument("--attitude", choices=Attitude.codes(), help="dư luận: thái độ")
    ls.add_argument("--concern", choices=Concern.codes(), help="dư luận: mức độ quan tâm")
    ls.add_argument("--hot", action="store_true",
                    help="dư luận: chỉ điểm nóng (như --concern diem_nong)")
    ls.add_argument("--status", dest="follow_up", choices=["open", *FollowUp.codes()],
                    help="dư luận: tình trạng xử lý; open = chưa giải quyết xong")
    ls.add_argument("--overdue", action="store_true",
                    help="dư luận: quá hạn xử lý mà chưa giải quyết xong")
    activity_list.add_options(ls)
    ls.add_argument("--sort", metavar="COLUMN",
                    help="sắp xếp theo cột (vd. noted_on, concern, summary, category)")
    ls.add_argument("--asc", action="store_true", help="sắp xếp tăng dần (mặc định giảm dần)")
    ls.add_argument("--trash", action="store_true", help="liệt kê bản ghi trong thùng rác")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")

    st = sub.add_parser("stats", help="số liệu báo cáo của một kỳ")
    st.add_argument("--period", required=True, metavar="P",
                    help="2026-11 (tháng), 2026-Q4 (quý), 2026-H2 (6 tháng), 2026 (năm)")
    st.add_argument("--json", action="store_true", help="in dạng JSON")


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

    result = import_file(ctx, Path(args.file), keep_duplicates=args.keep_duplicates,
                         dry_run=args.dry_run)
    print(result.text())
    if result.duplicates and not args.keep_duplicates:
        if args.dry_run:
            print("Để nhập cả các bản ghi này: chạy lại với --keep-duplicates.")
        else:
            print("Nếu đó không phải bản ghi trùng: đưa riêng các bản ghi đó vào một tệp và "
                  "nhập với --keep-duplicates (nhập lại cả tệp này với --keep-duplicates sẽ "
                  "nhân đôi các bản ghi vừa nhập).")
    return 0


def _list(ctx: Context, args) -> int:
    from tgdesk.services import lists   # each command imports its own services

    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise UserError("--to phải sau --from.")
    if args.sort and args.sort not in lists.sort_keys(args.kind):
        raise UserError(f"Không sắp xếp được theo “{args.sort}”. Các cột: "
                        + ", ".join(lists.sort_keys(args.kind)) + ".")
    if args.hot and args.concern and args.concern != "diem_nong":
        raise UserError("--hot và --concern khác nhau: chỉ dùng một trong hai.")
    flt = lists.ListFilter(date_from=args.date_from, date_to=args.date_to, search=args.search,
                           meeting_type=args.meeting_type,
                           **activity_list.filter_fields(ctx, args), attitude=args.attitude,
                           concern="diem_nong" if args.hot else args.concern,
                           follow_up=args.follow_up, overdue=args.overdue, sort=args.sort,
                           descending=not args.asc, deleted=args.trash)
    ids = lists.record_ids(ctx, args.kind, flt)
    rows = lists.rows(ctx, args.kind, ids)
    if args.json:
        dump_json([{k: jsonable(v) for k, v in r.items()} for r in rows])
        return 0
    columns = TABLE_COLUMNS[args.kind]
    table = [[title for title, _ in columns]]
    table += [[fmt(r) for _, fmt in columns] for r in rows]
    print_table(table, 60)
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
    **activity_list.TABLE_COLUMNS,
}


def _stats(ctx: Context, args) -> int:
    from tgdesk.services import coverage, stats

    period = Period.parse(args.period)
    figures = stats.figures(ctx, period)
    studied = coverage.period_coverage(ctx, period)
    if args.json:
        dump_json({"period": period.code(), "label": period.label(),
                   **stats.figures_json(figures),
                   "coverage": [coverage.summary_json(dc) for dc in studied]})
        return 0
    print(f"Số liệu {period.label()} ({vf.short_date(period.start)}–{vf.short_date(period.end)})")
    lines = stats.figure_lines(figures) + coverage.summary_lines(studied)
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label.ljust(width)}  {value}")
    return 0


HANDLERS = {"demo": _demo, "import": _import, "list": _list, "stats": _stats}
