"""Commands of the exchange between levels (docs/package-format.md): packages out and in,
conflicts, completeness, what units below sent.

The exchange services (and the cryptography they sign with) are imported by the
handlers, never at module level: ``tgdesk list`` builds this parser too."""

from __future__ import annotations

import sys
from pathlib import Path

from tgdesk import vnformat as vf
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period
from tgdesk.services.errors import UserError

from .output import dump_json, print_table

# The record kinds a unit below sends (domain/exchange.py RECORD_KINDS).
RECEIVED_KINDS = ("meetings", "studies", "opinions", "propaganda", "online", "models")


def add_commands(sub) -> None:
    e = sub.add_parser("export", help="xuất gói số liệu gửi cấp trên (.tgx)")
    g = e.add_mutually_exclusive_group(required=True)
    g.add_argument("--period", metavar="KỲ", help="2026-11, 2026-Q4, 2026-H2, 2026")
    g.add_argument("--since-last", action="store_true",
                   help="mọi thay đổi kể từ lần xuất trước cho cùng nơi nhận")
    g.add_argument("--again", type=int, metavar="SỐ", help="ghi lại đúng tệp của lần xuất SỐ")
    e.add_argument("--to", default="parent", metavar="parent|ĐƠN-VỊ")
    e.add_argument("--out", required=True, metavar="TỆP.tgx")

    el = sub.add_parser("exports", help="danh sách các lần xuất gói")
    el.add_argument("--json", action="store_true")

    ec = sub.add_parser("export-catalogue", help="xuất gói danh mục gửi cấp dưới (.tgx)")
    ec.add_argument("--to", required=True, metavar="ĐƠN-VỊ|children")
    ec.add_argument("--out", required=True, metavar="TỆP.tgx|THƯ-MỤC",
                    help="với --to children: thư mục, mỗi đơn vị một tệp")

    ip = sub.add_parser("import-package", help="nhập một gói .tgx hoặc mọi gói trong thư mục")
    ip.add_argument("path", metavar="TỆP|THƯ-MỤC")
    ip.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không thay đổi dữ liệu")
    ip.add_argument("--receipt", metavar="THƯ-MỤC", help="ghi biên nhận có chữ ký gửi lại")
    ip.add_argument("--keep-duplicates", action="store_true",
                    help="vẫn nhập bản ghi mới có vẻ trùng với bản ghi cùng đơn vị đã gửi "
                         "trước (cùng ngày, cùng chi bộ hoặc khu dân cư, cùng tên hoặc nội "
                         "dung); mặc định bỏ qua chúng")

    c = sub.add_parser("conflicts", help="xung đột khi nhập gói: xem và quyết định")
    cs = c.add_subparsers(dest="conflicts_command", metavar="LỆNH", required=True)
    cl = cs.add_parser("list", help="liệt kê xung đột chưa giải quyết")
    cl.add_argument("--json", action="store_true")
    cr = cs.add_parser("resolve", help="giải quyết một xung đột")
    cr.add_argument("id", type=int, metavar="SỐ")
    cr.add_argument("--keep", required=True, choices=("mine", "theirs"))

    cp = sub.add_parser("completeness", help="bảng đơn vị cấp dưới đã gửi / chưa gửi báo cáo")
    cp.add_argument("--period", required=True, action="append", metavar="KỲ")
    cp.add_argument("--json", action="store_true")

    rv = sub.add_parser("received", help="bản ghi nhận được từ đơn vị cấp dưới")
    rv.add_argument("kind", choices=RECEIVED_KINDS)
    rv.add_argument("--unit", default="all", metavar="ĐƠN-VỊ|all")
    rv.add_argument("--json", action="store_true")

    st = sub.add_parser("unit-stats", help="số liệu một kỳ theo từng đơn vị cấp dưới")
    st.add_argument("--period", required=True, metavar="KỲ")
    st.add_argument("--unit", default="all", metavar="ĐƠN-VỊ|all")
    st.add_argument("--json", action="store_true")

    rc = sub.add_parser("receipt-check", help="kiểm tra biên nhận cấp trên gửi lại")
    rc.add_argument("file", metavar="TỆP")

    # An option of a command defined with the records (extend, never rename).
    listing = sub.choices.get("list")
    if listing is not None:
        listing.add_argument("--received", nargs="?", const="all", metavar="ĐƠN-VỊ",
                             help="bản ghi nhận được từ đơn vị cấp dưới, kèm tên đơn vị "
                                  "(mọi đơn vị, hoặc một đơn vị)")


def _progress(done: int, total: int, text: str) -> None:
    print(f"[{done}/{total}] {text}", file=sys.stderr, flush=True)


def list_received(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise UserError("--to phải sau --from.")
    flt = ListFilter(date_from=args.date_from, date_to=args.date_to, search=args.search)
    rows = ex.received_rows(ctx, args.kind, args.received, flt)
    if args.json:
        dump_json([{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
               for r in rows])
        return 0
    from tgdesk.services.duplicates import DAY, TEXT

    day, text = DAY[args.kind], TEXT[args.kind]
    table = [("Ngày", "Đơn vị", "Gửi với tên", "Nội dung")]
    table += [(vf.short_date(r[day]), r["unit"] or "", r["sent_as"] or "", r[text] or "")
              for r in rows]
    print_table(table, 48)
    print(f"\n{vf.number(len(rows))} bản ghi nhận được từ đơn vị cấp dưới.")
    return 0


def _export(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    if args.again is not None:
        res = ex.export_again(ctx, args.again, Path(args.out))
        print(f"Đã ghi lại tệp của lần xuất số {res.export_id} vào “{res.path}” "
              f"(SHA-256 {res.sha256}).")
        return 0
    period = Period.parse(args.period) if args.period else None
    res = ex.export_records(ctx, Path(args.out), args.to, period=period,
                            since_last=args.since_last)
    print(res.text())
    return 0


def _exports(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    rows = ex.list_exports(ctx)
    if args.json:
        dump_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        what = r.period_code or ("danh mục" if r.kind == "catalogue" else "thay đổi")
        n = sum(c.get("records", 0) for c in r.counts.values())
        rec = f", biên nhận {vf.short_date(r.receipt_at.date())}" if r.receipt_at else ""
        print(f"{r.id:>3}  {r.created_at:%d/%m/%Y %H:%M}  {what:<10} gửi {r.recipient}: "
              f"{n} mục{rec}")
    print(f"\n{len(rows)} lần xuất.")
    return 0


def _export_catalogue(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    for res in ex.export_catalogue(ctx, args.to, Path(args.out)):
        print(res.text())
    return 0


def _import_package(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    report = ex.import_packages(ctx, Path(args.path), dry_run=args.dry_run, progress=_progress,
                                keep_duplicates=args.keep_duplicates)
    print(report.text())
    if report.duplicate_count() and not args.keep_duplicates:
        # the skipped records were not taken: the same packages bring them in again
        print("Để nhập cả các bản ghi có vẻ trùng: chạy lại lệnh với --keep-duplicates.")
    if args.receipt and not args.dry_run and report.package_ids:
        for p in ex.write_receipts(ctx, report.package_ids, Path(args.receipt)):
            print(f"Đã ghi biên nhận: {p}")
    return 0 if report.ok else 1


def _conflicts(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    if args.conflicts_command == "resolve":
        print(ex.resolve_conflict(ctx, args.id, args.keep))
        return 0
    items = ex.list_conflicts(ctx)
    if args.json:
        dump_json([c.to_json() for c in items])
        return 0
    for c in items:
        print(f"{c.id:>3}  {c.kind} {c.uuid} từ {c.unit}:")
        for f, mine, theirs in c.differences():
            print(f"       {f}: ở đây “{mine}” / nhận được “{theirs}”")
    print(f"\n{len(items)} xung đột chưa giải quyết.")
    return 0


def _completeness(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    periods = [Period.parse(p) for p in args.period]
    board = ex.completeness(ctx, periods)
    if args.json:
        dump_json(board.to_json())
        return 0
    for p in periods:
        print(f"Kỳ {p.label()}:")
        for uid, name in board.units:
            c = board.cells[(uid, p.code())]
            extra = f", gửi {vf.short_date(c.sent_on)}" if c.sent_on else ""
            due = f" (hạn {vf.short_date(c.due)})" if c.due else ""
            print(f"  {name}: {c.label}{extra}{due}")
        missing = board.missing(p.code())
        print(f"  Chưa gửi: {len(missing)}/{len(board.units)} đơn vị.")
    return 0


def _received(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    rows = ex.received_rows(ctx, args.kind, args.unit, ListFilter())
    if args.json:
        dump_json([{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
               for r in rows])
        return 0
    from tgdesk.services.duplicates import DAY, TEXT

    day, text = DAY[args.kind], TEXT[args.kind]
    for r in rows:
        print(f"{vf.short_date(r[day])}  {(r['unit'] or '')[:40]:<40}  {r[text][:60]}")
    print(f"\n{vf.number(len(rows))} bản ghi nhận được.")
    return 0


def _unit_stats(ctx, args) -> int:
    from tgdesk.services import exchange as ex, stats

    period = Period.parse(args.period)
    units = {u.id: u.name for u in ex.list_units(ctx)}
    ids = None if args.unit == "all" else [ex.resolve(ctx, args.unit).id]
    figs = ex.child_figures(ctx, period, ids)
    if args.json:
        dump_json({"period": period.code(), "units": [
            {"id": uid, "name": units.get(uid), **stats.figures_json(f)}
            for uid, f in figs.items()]})
        return 0
    for uid, f in figs.items():
        print(f"{units.get(uid)} – {period.label()}:")
        for label, value in stats.figure_lines(f):
            print(f"  {label}: {value}")
    return 0


def _receipt_check(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    print(ex.check_receipt(ctx, Path(args.file)))
    return 0


HANDLERS = {"export": _export, "exports": _exports, "export-catalogue": _export_catalogue,
            "import-package": _import_package, "conflicts": _conflicts,
            "completeness": _completeness, "received": _received, "unit-stats": _unit_stats,
            "receipt-check": _receipt_check}
