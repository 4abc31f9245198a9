"""The ``coverage`` command: study coverage per document (services/coverage.py, imported
by the handler so that other commands start without it)."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.coverage import CoverageState, DocumentCoverage
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from .output import dump_json, print_table
from .parser_kit import date_arg


def add_commands(sub) -> None:
    c = sub.add_parser("coverage", help="tiến độ học tập, quán triệt từng văn bản: chi bộ đã tổ "
                                        "chức, đảng viên đã học, chi bộ còn lại và số ngày trễ hạn")
    c.add_argument("--document", metavar="MÃ|SỐ-KÝ-HIỆU",
                   help="một văn bản, theo mã hoặc số, ký hiệu (ví dụ 35-NQ/TW, không phân biệt "
                        "hoa thường), kèm từng chi bộ; mặc định: mọi văn bản đang dùng")
    c.add_argument("--from", dest="since", type=date_arg, metavar="D",
                   help="chỉ tính các buổi học từ ngày D (văn bản học lại hằng năm)")
    c.add_argument("--to", dest="as_of", type=date_arg, metavar="D",
                   help="tính đến ngày D (mặc định hôm nay): các buổi học đến ngày đó, số ngày "
                        "trễ hạn tính đến ngày đó")
    out = c.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="in dạng JSON")
    out.add_argument("--xlsx", metavar="TỆP",
                     help="ghi ra tệp Excel thay cho bảng: trang “Văn bản” (mỗi văn bản một "
                          "dòng) và trang “Chi bộ” (từng chi bộ của mỗi văn bản)")


def _late(dc: DocumentCoverage) -> str:
    if not dc.days_late:
        return ""
    return f"{vf.number(dc.cells_late)} chi bộ, {vf.number(dc.days_late)} ngày"


def _members(dc: DocumentCoverage) -> str:
    return f"{vf.number(dc.members_covered)}/{vf.number(dc.members_total)}"


def _overview(found: list[DocumentCoverage]) -> None:
    table = [["Mã", "Văn bản", "Hạn học tập", "Chi bộ đã tổ chức", "Đảng viên đã học",
              "Tỷ lệ", "Chi bộ quá hạn", "Trích yếu"]]
    for dc in found:
        table.append([str(dc.document.id), dc.document.number_symbol,
                      vf.short_date(dc.deadline) if dc.deadline else "",
                      f"{vf.number(dc.cells_done)}/{vf.number(dc.cells_total)}", _members(dc),
                      vf.percent(dc.members_rate) if dc.members_rate is not None else "",
                      _late(dc), dc.document.title])
    print_table(table, 50)
    print(f"\n{vf.number(len(found))} văn bản; tính đến {vf.short_date(found[0].as_of)}."
          if found else "Chưa có văn bản nào đang dùng trong danh mục.")


def _detail(dc: DocumentCoverage) -> None:
    d = dc.document
    print(f"{d.number_symbol} ngày {vf.short_date(d.issued_on)} – {d.title}")
    deadline = (f"hạn học tập {vf.short_date(dc.deadline)}" if dc.deadline
                else "không có hạn học tập")
    print(f"Tính đến {vf.short_date(dc.as_of)}; {deadline}.")
    table = [["Chi bộ", "Buổi", "Ngày học", "ĐV dự", "Số ĐV", "ĐV đã học", "Tình trạng",
              "Trễ (ngày)"]]
    for c in dc.cells:
        members = vf.number(c.members) + ("" if c.members_known else "*")
        table.append([c.name, vf.number(len(c.sessions)),
                      ", ".join(vf.short_date(s.held_on) for s in c.sessions),
                      vf.number(c.present) if c.sessions else "", members, vf.number(c.covered),
                      c.state.label, vf.number(c.days_late) if c.days_late else ""])
    print()
    print_table(table, 44)
    if dc.ward_sessions:
        present = sum(s.present for s in dc.ward_sessions)
        days = ", ".join(vf.short_date(s.held_on) for s in dc.ward_sessions)
        print(f"\nToàn Đảng bộ: {vf.number(len(dc.ward_sessions))} buổi ({days}), "
              f"{vf.number(present)} lượt đảng viên dự; tính thêm {vf.number(dc.ward_covered)} "
              "đảng viên vào số đã học.")
    print(f"\nChi bộ đã tổ chức: {vf.number(dc.cells_done)}/{vf.number(dc.cells_total)}"
          + (f" ({vf.percent(dc.cells_rate)})" if dc.cells_rate is not None else "") + ".")
    print(f"Đảng viên đã học: {_members(dc)}"
          + (f" ({vf.percent(dc.members_rate)})" if dc.members_rate is not None else "") + ".")
    todo = dc.cells_todo
    if todo:
        late = [c for c in todo if c.state is CoverageState.QUA_HAN]
        line = f"Chi bộ chưa tổ chức ({vf.number(len(todo))}"
        if late:
            line += f", quá hạn {vf.number(dc.days_late)} ngày"
        print(line + "): " + ", ".join(c.name for c in todo) + ".")
    if dc.cells_without_count:
        print("* Chi bộ chưa có số đảng viên: tạm lấy số đảng viên được triệu tập nhiều nhất "
              "trong các buổi học.")


def _coverage(ctx: Context, args) -> int:
    from tgdesk.services import coverage as cov

    if args.since and args.as_of and args.as_of < args.since:
        raise UserError("--to phải sau --from.")
    if args.as_of and args.as_of > ctx.today():
        raise UserError(f"--to: ngày {vf.short_date(args.as_of)} còn ở tương lai.")
    ids = [cov.find_document(ctx, args.document)] if args.document is not None else None
    found = cov.coverage(ctx, ids, args.as_of, args.since)
    if args.xlsx:
        from tgdesk.services.excel.coverage_export import write_coverage
        path = write_coverage(found, args.xlsx, args.as_of or ctx.today(), args.since)
        print(f"Đã ghi tiến độ học tập của {vf.number(len(found))} văn bản ra tệp {path}.")
        return 0
    if ids is not None:
        (dc,) = found
        if args.json:
            dump_json(cov.detail_json(dc))
        else:
            _detail(dc)
        return 0
    if args.json:
        dump_json({"as_of": (args.as_of or ctx.today()).isoformat(),
                   "documents": [cov.summary_json(dc) for dc in found]})
        return 0
    _overview(found)
    return 0


HANDLERS = {"coverage": _coverage}
