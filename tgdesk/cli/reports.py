"""Commands on reports: report (drafts, issuing, re-export, consolidated) and issued."""

from __future__ import annotations

import sys
from pathlib import Path

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period
from tgdesk.services import placeholders
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError
from tgdesk.services.placeholders import PlaceholdersLeft

from .output import dump_json, jsonable
from .parser_kit import date_arg

NOT_ISSUED = ("Chưa ban hành. Điền các chỗ này (trang “Báo cáo” của cửa sổ; số và ngày hướng "
              "dẫn của cấp trên ở trang “Cài đặt đơn vị”) rồi ban hành lại, hoặc thêm "
              "--allow-placeholders để vẫn ban hành.")


def add_commands(sub) -> None:
    rep = sub.add_parser("report", help="lập báo cáo DOCX/PDF theo thể thức văn bản của Đảng")
    rep.add_argument("--kind", choices=("work", "opinion", "campaign"),
                     help="work: công tác tuyên giáo; opinion: tình hình tư tưởng, dư luận xã "
                          "hội; campaign: kết quả tuyên truyền một đợt, chủ đề (cần --campaign)")
    rep.add_argument("--period", metavar="P",
                     help="2026-11, 2026-Q4, 2026-H2, 2026; báo cáo đợt tuyên truyền: mặc định "
                          "từ ngày bắt đầu đến ngày kết thúc của đợt")
    rep.add_argument("--campaign", metavar="MÃ|TÊN",
                     help="báo cáo đợt tuyên truyền (--kind campaign): mã hoặc tên đúng của đợt, "
                          "chủ đề")
    rep.add_argument("--cutoff", type=date_arg, metavar="D", help="ngày chốt số liệu")
    rep.add_argument("--out", required=True, metavar="DIR", help="thư mục ghi tệp")
    rep.add_argument("--format", default="docx,pdf", metavar="docx,pdf")
    rep.add_argument("--issue", action="store_true",
                     help="ban hành: lấy số tiếp theo, đóng ngày, lưu nguyên bản vào sổ")
    rep.add_argument("--allow-placeholders", action="store_true",
                     help="vẫn ban hành khi báo cáo còn chỗ chưa điền (“[Nêu …]”, “số …”); "
                          "không có tùy chọn này, --issue từ chối và liệt kê các chỗ đó")
    rep.add_argument("--issued", type=int, metavar="ID",
                     help="xuất lại đúng bản đã ban hành có mã ID (xem: tgdesk issued)")
    rep.add_argument("--exclude-notes", metavar="MÃ,MÃ",
                     help="báo cáo dư luận: không nêu các ý kiến bức xúc, điểm nóng có mã này "
                          "(thay cho lựa chọn đã lưu ở bản nháp; \"\" để nêu tất cả; xem mã bằng "
                          "list opinions --json)")

    iss = sub.add_parser("issued", help="sổ báo cáo đã ban hành")
    iss.add_argument("--json", action="store_true", help="in dạng JSON")
    rep.add_argument("--children", metavar="all|ĐƠN-VỊ,ĐƠN-VỊ",
                     help="báo cáo tổng hợp số liệu các đơn vị cấp dưới gửi lên: all "
                          "(mọi đơn vị) hoặc số/mã đơn vị cách nhau dấu phẩy")


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
        args.kind, period = _kind_and_period(ctx, args)   # "campaign" -> "campaign:12"
        texts = _texts(ctx, args, period)
        if args.issue:
            try:
                done = issuing.issue(ctx, args.kind, period, args.cutoff, texts, out, formats,
                                     allow_placeholders=args.allow_placeholders)
            except PlaceholdersLeft as exc:
                print(f"tgdesk: {placeholders.summary(exc.items)}\n{NOT_ISSUED}", file=sys.stderr)
                return 2
            print(f"Đã ban hành báo cáo số {done.entry.number_text} ngày "
                  f"{vf.short_date(done.entry.issued_on)} (mã {done.entry.id} trong sổ).")
            paths = done.files
        else:
            paths = issuing.export_draft(ctx, args.kind, period, out, formats, args.cutoff,
                                         texts=texts)
        if args.kind == "opinion":
            _listed_notes(ctx, args, period, texts)
    for path in paths:
        print(path)
    return 0


def _kind_and_period(ctx: Context, args) -> tuple[str, Period]:
    """The register kind and the period: a campaign report's kind names its campaign
    ("campaign:12") and its period defaults to the campaign's days."""
    from tgdesk.services import campaign_report

    if args.kind == "campaign":
        if not args.campaign:
            raise UserError("Báo cáo đợt tuyên truyền cần --campaign MÃ hoặc tên đúng của đợt, "
                            "chủ đề.")
        campaign = campaign_report.find_campaign(ctx, args.campaign)
        period = (Period.parse(args.period) if args.period
                  else campaign_report.campaign_period(ctx, campaign))
        return campaign_report.campaign_kind(campaign.id), period
    if args.campaign:
        raise UserError("--campaign chỉ dùng cho báo cáo đợt tuyên truyền (--kind campaign).")
    if not args.kind or not args.period:
        raise UserError("Cần --kind và --period (hoặc --issued ID để xuất lại bản đã ban hành).")
    return args.kind, Period.parse(args.period)


def _texts(ctx: Context, args, period: Period) -> dict | None:
    """The saved words, with --exclude-notes in place of the saved choice of notes."""
    from tgdesk.services import reports

    if args.exclude_notes is None:
        return None
    texts, unknown = reports.texts_leaving_out(ctx, args.kind, period, args.exclude_notes,
                                               args.cutoff)
    if unknown:
        print(f"tgdesk: mã {', '.join(map(str, unknown))} không phải ý kiến bức xúc, điểm nóng "
              f"của {period.label()}; bỏ qua.", file=sys.stderr)
    return texts


def _listed_notes(ctx: Context, args, period: Period, texts: dict | None) -> None:
    """Which notes the opinion report lists, by id (for --exclude-notes), on stderr."""
    from tgdesk.services import register, reports

    if texts is None:
        texts = register.starting_texts(ctx, args.kind, period.code())
    left_out = reports.excluded_notes(texts)
    notes = reports.opinion_candidates(ctx, period, args.cutoff)
    listed = [n.id for n in notes if n.id not in left_out]
    if notes:
        print(f"Báo cáo nêu {len(listed)}/{len(notes)} ý kiến bức xúc, điểm nóng"
              + (f" (mã {', '.join(map(str, listed))})" if listed else "")
              + "; muốn bỏ ý kiến nào, thêm --exclude-notes MÃ,MÃ.", file=sys.stderr)


def _issued(ctx: Context, args) -> int:
    from tgdesk.services import register
    from tgdesk.services.campaign_report import entry_label

    entries = register.issued_reports(ctx)
    if args.json:
        out = [{"id": e.id, "uuid": e.uuid, "kind": e.kind, "period": e.period_code,
                "number": e.number, "number_text": e.number_text,
                "issued_on": jsonable(e.issued_on)} for e in entries]
        dump_json(out)
        return 0
    if not entries:
        print("Chưa có báo cáo nào được ban hành.")
        return 0
    for e in entries:
        print(f"{e.id:>4}  Số {e.number_text:<14} {vf.short_date(e.issued_on)}  "
              f"{entry_label(ctx, e.kind)} {Period.parse(e.period_code).label()}")
    return 0


def _report_children(ctx, args) -> int:
    from tgdesk.services.exchange.consolidated import export_consolidated, parse_children

    if args.issue or args.issued is not None:
        raise UserError("Báo cáo tổng hợp (--children) là bản dự thảo: không dùng cùng "
                        "--issue hoặc --issued.")
    if args.kind == "campaign":
        raise UserError("Báo cáo đợt tuyên truyền không lập bản tổng hợp (--children).")
    if not args.kind or not args.period:
        raise UserError("Cần --kind và --period cho báo cáo tổng hợp (--children).")
    formats = _formats(args.format)
    period = Period.parse(args.period)
    units = parse_children(ctx, args.children)
    for path in export_consolidated(ctx, args.kind, period, Path(args.out), formats, units,
                                    args.cutoff):
        print(path)
    return 0


def _report_or_consolidated(ctx: Context, args) -> int:
    return _report_children(ctx, args) if args.children else _report(ctx, args)


HANDLERS = {"report": _report_or_consolidated, "issued": _issued}
