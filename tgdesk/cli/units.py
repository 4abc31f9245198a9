"""Commands on this unit and the units it exchanges with: init, units (their services
are imported by the handlers, see cli/exchange.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tgdesk import vnformat as vf
from tgdesk.services.errors import UserError

from .output import dump_json


def add_commands(sub) -> None:
    p = sub.add_parser("init", help="thiết lập đơn vị không cần cửa sổ (tên, cấp trên, địa danh)")
    p.add_argument("--unit", required=True, metavar="TÊN", help="tên đơn vị, ví dụ "
                   "“ĐẢNG ỦY PHƯỜNG BÌNH TIÊN”")
    p.add_argument("--parent", required=True, metavar="TÊN", help="tên cấp trên")
    p.add_argument("--place", required=True, metavar="TÊN", help="địa danh ghi ở dòng ngày tháng")
    p.add_argument("--abbrev", default="ĐU", metavar="KÝ-HIỆU", help="ký hiệu văn bản (mặc định ĐU)")
    p.add_argument("--signer", metavar="HỌ-TÊN", help="họ tên người ký")
    p.add_argument("--guidance-number", metavar="SỐ", help="số, ký hiệu hướng dẫn về báo cáo "
                   "của cấp trên mà báo cáo trích dẫn, ví dụ 12-HD/BTGDVTU (cùng --guidance-date)")
    p.add_argument("--guidance-date", metavar="NGÀY", help="ngày của hướng dẫn đó, dd/mm/yyyy")
    p.add_argument("--no-starter-catalogues", dest="starter", action="store_false",
                   help="không thêm danh mục ban đầu (các lĩnh vực dư luận, văn bản học tập, "
                        "đợt tuyên truyền thường dùng, chỉ thêm vào danh mục còn trống)")

    u = sub.add_parser("units", help="khóa của đơn vị và các đơn vị trao đổi dữ liệu")
    us = u.add_subparsers(dest="units_command", metavar="LỆNH", required=True)
    k = us.add_parser("key", help="ghi tệp khóa công khai của đơn vị này (.key)")
    k.add_argument("--out", required=True, metavar="TỆP.key")
    a = us.add_parser("add", help="đăng ký một đơn vị từ tệp khóa của đơn vị đó")
    a.add_argument("file", metavar="TỆP.key")
    a.add_argument("--as", dest="relation", required=True, choices=("parent", "child"))
    a.add_argument("--parent", metavar="ĐƠN-VỊ", help="đơn vị cha trong danh sách (nếu có)")
    ls = us.add_parser("list", help="liệt kê các đơn vị đã đăng ký")
    ls.add_argument("--json", action="store_true")
    rn = us.add_parser("rename", help="đổi tên một đơn vị đã đăng ký")
    rn.add_argument("unit", metavar="ĐƠN-VỊ")
    rn.add_argument("name", metavar="TÊN-MỚI")
    mg = us.add_parser("merge", help="sáp nhập một đơn vị vào đơn vị khác")
    mg.add_argument("unit", metavar="ĐƠN-VỊ")
    mg.add_argument("--into", required=True, metavar="ĐƠN-VỊ")
    mv = us.add_parser("move", help="chuyển một đơn vị sang đơn vị cha khác")
    mv.add_argument("unit", metavar="ĐƠN-VỊ")
    mv.add_argument("--parent", required=True, metavar="ĐƠN-VỊ|none")
    rk = us.add_parser("rekey", help="đổi khóa của đơn vị này: tạo cặp khóa mới và ghi tệp đổi "
                                     "khóa (ký bằng khóa cũ và khóa mới) để gửi đơn vị trao đổi")
    rk.add_argument("--out", required=True, metavar="TỆP.keychange")
    kc = us.add_parser("key-change", help="nhận tệp đổi khóa của một đơn vị đã đăng ký: từ đó "
                                          "chỉ nhận gói ký bằng khóa mới")
    kc.add_argument("file", metavar="TỆP.keychange")


def _init(ctx, args) -> int:
    from tgdesk.services import exchange as ex, starter
    from tgdesk.services.unit import Guidance

    guidance = None
    if args.guidance_number is not None or args.guidance_date is not None:
        day = vf.parse_short_date(args.guidance_date) if args.guidance_date else None
        if args.guidance_date and day is None:
            raise UserError(f"Ngày hướng dẫn “{args.guidance_date}” không đúng dạng "
                            "ngày/tháng/năm, ví dụ 05/01/2026.")
        guidance = Guidance(args.guidance_number or "", day)
    rows = starter.offered(ctx) if args.starter else []
    ident, todo = ex.init_unit(ctx, args.unit, args.parent, args.place, args.abbrev, args.signer,
                               starter=rows, guidance=guidance)
    print(f"Đã thiết lập đơn vị: {ident.name}.")
    added = starter.added_text(Counter(row.kind for row in rows))
    if added:
        print(f"Đã thêm danh mục ban đầu: {added} (sửa, bỏ bớt ở trang “Danh mục”).")
    print(f"Mã đơn vị: {ident.unit_uuid}")
    print(f"Dấu vân tay khóa: {ident.fingerprint}")
    print("Cần bổ sung ở trang “Cài đặt đơn vị” của cửa sổ: " + "; ".join(todo) + ".")
    return 0


def _units(ctx, args) -> int:
    from tgdesk.services import exchange as ex

    sc = args.units_command
    if sc == "key":
        ident = ex.write_key_file(ctx, Path(args.out))
        print(f"Đã ghi tệp khóa của {ident.name} vào “{args.out}”.")
        print(f"Dấu vân tay (đọc cho đơn vị nhận để đối chiếu): {ident.fingerprint}")
        return 0
    if sc == "rekey":
        change = ex.change_keys(ctx, Path(args.out))
        print(f"Đã đổi khóa của {change.name}; tệp đổi khóa: “{args.out}”.")
        print(f"Khóa cũ: {change.old_fingerprint}")
        print(f"Khóa mới: {change.new_fingerprint}")
        print("Gửi tệp này cho cấp trên (và cấp dưới) để họ nhận: tgdesk units key-change TỆP. "
              "Gói lập từ nay được ký bằng khóa mới.")
        return 0
    if sc == "key-change":
        change = ex.accept_change(ctx, Path(args.file))
        print(f"Đã nhận khóa mới của {change.name} (đổi lúc {change.changed_at}).")
        print(f"Dấu vân tay mới: {change.new_fingerprint}")
        print("Hãy gọi điện cho đơn vị đó và đối chiếu dấu vân tay mới. Gói ký bằng khóa cũ "
              "sẽ bị từ chối.")
        return 0
    if sc == "add":
        info = ex.add_unit(ctx, Path(args.file), args.relation, args.parent)
        rel = "cấp trên" if info.relation == "parent" else "cấp dưới"
        print(f"Đã đăng ký {rel}: {info.name} (số {info.id}).")
        print(f"Dấu vân tay: {info.fingerprint}")
        print("Hãy gọi điện cho đơn vị đó và đối chiếu từng nhóm 4 ký tự.")
        return 0
    if sc == "list":
        units = ex.list_units(ctx)
        if args.json:
            dump_json([u.to_json() for u in units])
            return 0
        for u in units:
            rel = "cấp trên" if u.relation == "parent" else "cấp dưới"
            state = "" if u.active else " (đã sáp nhập)" if u.merged_into_id else " (ngừng)"
            print(f"{u.id:>3}  {rel:<8}  {u.name}{state}")
            print(f"     mã {u.uuid}  vân tay {u.fingerprint}  "
                  f"{u.packages} gói đã nhập")
        print(f"\n{len(units)} đơn vị.")
        return 0
    if sc == "rename":
        info = ex.rename_unit(ctx, args.unit, args.name)
        print(f"Đã đổi tên đơn vị số {info.id} thành “{info.name}”. Bản ghi đã nhận vẫn giữ "
              "tên cũ trong gói đã gửi.")
        return 0
    if sc == "merge":
        info = ex.merge_unit(ctx, args.unit, args.into)
        print(f"Đã sáp nhập “{info.name}”; số liệu đã nhận của đơn vị này tính cho đơn vị "
              f"số {info.merged_into_id}.")
        return 0
    info = ex.move_unit(ctx, args.unit, args.parent)
    print(f"Đã chuyển “{info.name}”.")
    return 0


HANDLERS = {"init": _init, "units": _units}
