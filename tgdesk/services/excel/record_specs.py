"""The columns of the Excel files of the propaganda activities, the online team's
entries and the exemplary models (issue 15): headers, fields, how to read them,
help. The same ColumnSpec as the catalogues; the references to catalogues are
read by name (record_cells.py)."""

from __future__ import annotations

from tgdesk.domain.enums import (PROPAGANDA_QUANTITIES, QUANTITIES_BY_FORM, Classification,
                                 ModelSubject, OnlineAction, OnlineChannel, OnlineEntryKind,
                                 PropagandaForm, Recognition, WrongContentKind)
from tgdesk.domain.records import ExemplaryModel, OnlineEntry, PropagandaActivity
from tgdesk.store import tables as t

from .specs import CatalogueSpec, ColumnSpec

# Parse kinds of a record column beyond the catalogues' (specs.ColumnSpec.parse):
# a catalogue row by its name.
REF_CATALOGUE = {"area": "areas", "cell": "cells", "campaign": "campaigns", "person": "people"}
CATALOGUE_NOUN = {"areas": "khu dân cư", "cells": "chi bộ", "campaigns": "đợt, chủ đề "
                  "tuyên truyền", "people": "Mạng lưới"}

_SHORT = {m.value: m.label.split(" (")[0] for m in PropagandaForm}


def _quantity_help(fld: str) -> str:
    forms = [_SHORT[form] for form, fields in QUANTITIES_BY_FORM.items() if fld in fields]
    return ("Số nguyên, không âm; chỉ ghi cho hình thức " + ", ".join(forms)
            + ". Để trống là 0.")


_QUANTITY_ALIASES = {"flags": ("Cờ", "Cờ Tổ quốc"), "bulletins": ("Bản tin", "Lượt phát"),
                     "minutes_on_air": ("Thời lượng", "Số phút"),
                     "reach": ("Lượt tiếp cận",), "copies": ("Tờ rơi", "Số bản"),
                     "performances": ("Chương trình", "Tiết mục"),
                     "sessions": ("Số buổi",), "people": ("Lượt người", "Số người")}

CLASSIFICATION = ColumnSpec(
    "Độ mật", "classification", "enum", enum=Classification, width=10,
    help="Thường hoặc Mật; để trống là Thường. Bản ghi Mật không bao giờ được đưa vào gói "
         "gửi cấp trên.", example="Thường", aliases=("Mật", "Phân loại"))
AREA = ColumnSpec("Khu dân cư", "area_id", "area", width=20,
                  help="Tên một khu dân cư đã có trong danh mục (để trống nếu không có).",
                  example="Khu phố 3", aliases=("Khu phố", "Tổ dân phố"))
CELL = ColumnSpec("Chi bộ", "cell_id", "cell", width=22,
                  help="Tên một chi bộ đã có trong danh mục (để trống nếu không có).",
                  example="Chi bộ Khu phố 3", aliases=("Tên chi bộ",))

PROPAGANDA = CatalogueSpec("propaganda", "Tuyên truyền", "Danh sách hoạt động tuyên truyền",
                           PropagandaActivity, t.PropagandaRow, (
    ColumnSpec("Ngày*", "held_on", "date", True, width=12,
               help="Ngày thực hiện (ngày đầu nếu kéo dài nhiều ngày); ngày/tháng/năm, không "
                    "sau hôm nay.", example="15/01/2026",
               aliases=("Ngày thực hiện", "Từ ngày", "Ngày bắt đầu")),
    ColumnSpec("Đến ngày", "ends_on", "date", width=12,
               help="Ngày cuối nếu hoạt động kéo dài nhiều ngày; để trống nếu một ngày.",
               example="05/02/2026", aliases=("Ngày kết thúc",)),
    ColumnSpec("Hình thức*", "form", "enum", True, enum=PropagandaForm, width=24,
               help="Một trong các giá trị cho phép bên dưới (ghi phần đầu cũng được: Trực "
                    "quan, Loa, Trên mạng, Tờ rơi, Văn hóa, Nói chuyện).", example="Trực quan",
               aliases=("Hình thức tuyên truyền",)),
    ColumnSpec("Nội dung tuyên truyền*", "title", "text", True, width=40,
               example="Tuyên truyền chào mừng Đại hội XIV của Đảng",
               aliases=("Nội dung", "Tên hoạt động")),
    ColumnSpec("Đợt, chủ đề", "campaign_id", "campaign", width=30,
               help="Tên một đợt, chủ đề đã có trong danh mục Đợt tuyên truyền (để trống nếu "
                    "không thuộc đợt nào).", example="Chào mừng Đại hội XIV của Đảng",
               aliases=("Đợt tuyên truyền", "Chủ đề", "Đợt")),
    ColumnSpec("Địa điểm, kênh", "place", "text", width=24,
               help="Nơi treo, nơi tổ chức, hoặc kênh (trang, nhóm Zalo, đài).",
               example="Đường Nguyễn Trãi", aliases=("Địa điểm", "Kênh", "Nơi")),
    AREA, CELL,
    *(ColumnSpec(label, fld, "int", width=11, help=_quantity_help(fld), example="",
                 aliases=_QUANTITY_ALIASES.get(fld, ()))
      for fld, label, _unit in PROPAGANDA_QUANTITIES),
    ColumnSpec("Ghi chú", "note", "text", width=30, help="Tùy ý."),
    CLASSIFICATION,
))

ONLINE = CatalogueSpec("online", "Nhóm trên mạng", "Danh sách việc của nhóm tuyên truyền trên "
                       "mạng (Nghị quyết 35)", OnlineEntry, t.OnlineEntryRow, (
    ColumnSpec("Ngày*", "noted_on", "date", True, width=12, help="Ngày/tháng/năm, không sau "
               "hôm nay.", example="10/11/2026", aliases=("Ngày ghi nhận",)),
    ColumnSpec("Loại việc*", "entry_kind", "enum", True, enum=OnlineEntryKind, width=30,
               help="Đăng, chia sẻ thông tin tích cực; phát hiện thông tin sai trái, thù địch; "
                    "hoặc bài dự thi.", example="Đăng, chia sẻ thông tin tích cực",
               aliases=("Loại",)),
    ColumnSpec("Thành viên nhóm", "member_id", "person", width=24,
               help="Họ tên một người đã có trong danh mục Mạng lưới (để trống nếu là việc "
                    "chung của nhóm).", example="Trần Thị Bích Ngọc",
               aliases=("Thành viên", "Người thực hiện", "Họ tên")),
    ColumnSpec("Kênh*", "channel", "enum", True, enum=OnlineChannel, width=16,
               example="Facebook", aliases=("Mạng xã hội", "Nền tảng")),
    ColumnSpec("Nội dung*", "summary", "text", True, width=40,
               example="Chia sẻ bài viết về Đại hội XIV trên trang của phường",
               aliases=("Tóm tắt", "Nội dung thông tin")),
    ColumnSpec("Đường dẫn", "link", "text", width=30, example="https://…",
               aliases=("Link", "Liên kết")),
    ColumnSpec("Bài đăng", "posts", "int", width=10, help="Số nguyên, không âm; để trống là 0.",
               aliases=("Số bài đăng",)),
    ColumnSpec("Lượt chia sẻ", "shares", "int", width=11, help="Số nguyên, không âm; để trống "
               "là 0.", aliases=("Chia sẻ",)),
    ColumnSpec("Lượt tiếp cận", "reach", "int", width=11, help="Nếu biết; để trống là 0.",
               aliases=("Tiếp cận",)),
    ColumnSpec("Loại thông tin xấu", "content_kind", "enum", enum=WrongContentKind, width=24,
               help="Chỉ ghi cho việc “Phát hiện thông tin sai trái, thù địch” (bắt buộc khi "
                    "đó).", example="Xuyên tạc, bôi nhọ", aliases=("Loại thông tin",)),
    ColumnSpec("Biện pháp xử lý", "action", "enum", enum=OnlineAction, width=26,
               help="Chỉ ghi cho việc phát hiện thông tin xấu (bắt buộc khi đó).",
               example="Báo cáo vi phạm với nền tảng", aliases=("Xử lý", "Biện pháp")),
    ColumnSpec("Chuyển cho", "passed_to", "text", width=20, example="Công an phường",
               aliases=("Báo cáo cho", "Chuyển đến")),
    ColumnSpec("Số bài dự thi", "entries", "int", width=11, help="Chỉ cho việc “Bài dự thi”; "
               "để trống là 0.", aliases=("Bài dự thi",)),
    ColumnSpec("Độ mật", "classification", "enum", enum=Classification, width=10,
               help="Thường hoặc Mật; để trống là Thường, riêng việc phát hiện thông tin xấu "
                    "để trống là Mật. Bản ghi Mật không được đưa vào gói gửi cấp trên.",
               example="Thường", aliases=("Mật", "Phân loại")),
))

MODELS = CatalogueSpec("models", "Mô hình, điển hình", "Danh sách mô hình, điển hình (Chỉ thị "
                       "05)", ExemplaryModel, t.ModelRow, (
    ColumnSpec("Ngày đăng ký*", "noted_on", "date", True, width=13,
               help="Ngày đăng ký hoặc ghi nhận; ngày/tháng/năm, không sau hôm nay.",
               example="15/03/2026", aliases=("Ngày", "Ngày ghi nhận")),
    ColumnSpec("Loại*", "subject", "enum", True, enum=ModelSubject, width=22,
               example="Mô hình, cách làm hay", aliases=("Loại mô hình",)),
    ColumnSpec("Tên mô hình, tập thể, cá nhân*", "name", "text", True, width=36,
               example="Mô hình “Tuyến đường văn minh”", aliases=("Tên", "Tên mô hình")),
    ColumnSpec("Mô tả", "description", "text", width=36, aliases=("Nội dung",)),
    ColumnSpec("Chuyên đề năm", "theme", "text", width=26, aliases=("Chuyên đề",)),
    CELL, AREA,
    ColumnSpec("Đã đăng ký", "registered", "yesno", width=11, help="Có hoặc Không; để trống "
               "là Có.", example="Có", aliases=("Đăng ký",)),
    ColumnSpec("Đã đánh giá", "assessed", "yesno", width=11, help="Có hoặc Không; để trống là "
               "Không.", example="Không", aliases=("Đánh giá",)),
    ColumnSpec("Đã nhân rộng", "replicated", "yesno", width=12, help="Có hoặc Không; để trống "
               "là Không.", example="Không", aliases=("Nhân rộng",)),
    ColumnSpec("Biểu dương, khen thưởng", "recognition", "enum", enum=Recognition, width=16,
               help="Chưa, Biểu dương hoặc Khen thưởng; để trống là Chưa.", example="Biểu dương",
               aliases=("Khen thưởng", "Hình thức khen")),
    ColumnSpec("Cấp khen", "recognition_level", "text", width=18, example="Đảng ủy phường",
               aliases=("Cấp",)),
    ColumnSpec("Quyết định khen", "recognition_doc", "text", width=22,
               example="Quyết định số 12-QĐ/ĐU", aliases=("Quyết định", "Số quyết định")),
    ColumnSpec("Ngày khen", "recognized_on", "date", width=12, example="20/05/2026",
               aliases=("Ngày quyết định",)),
    CLASSIFICATION,
))

RECORD_SPECS: dict[str, CatalogueSpec] = {s.kind: s for s in (PROPAGANDA, ONLINE, MODELS)}

# Short forms officers write for the coded values of these kinds (loosely
# compared, as cells.key does): key -> code.
ENUM_ALIASES: dict[type, dict[str, str]] = {
    PropagandaForm: {"truc quan": "truc_quan", "co khau hieu": "truc_quan",
                     "loa": "loa_dai", "dai": "loa_dai", "loa dai": "loa_dai",
                     "truyen thanh": "loa_dai", "tren mang": "truc_tuyen",
                     "truc tuyen": "truc_tuyen", "mang xa hoi": "truc_tuyen",
                     "to roi": "an_pham", "an pham": "an_pham", "tai lieu": "an_pham",
                     "van hoa": "van_hoa", "van nghe": "van_hoa", "the thao": "van_hoa",
                     "noi chuyen": "mieng", "tuyen truyen mieng": "mieng", "mieng": "mieng"},
    OnlineEntryKind: {"dang tin": "dang_tin", "chia se": "dang_tin", "dang bai": "dang_tin",
                      "phat hien": "phat_hien", "thong tin xau": "phat_hien",
                      "du thi": "du_thi", "bai du thi": "du_thi"},
    OnlineChannel: {"fb": "facebook", "web": "website", "trang web": "website",
                    "khac": "khac"},
    WrongContentKind: {"sai su that": "sai_su_that", "xuyen tac": "xuyen_tac",
                       "thu dich": "thu_dich", "sai trai": "thu_dich", "kich dong": "kich_dong"},
    OnlineAction: {"bao cao": "bao_cao_nen_tang", "bao cao nen tang": "bao_cao_nen_tang",
                   "phan bac": "phan_bac", "dinh huong": "phan_bac",
                   "chuyen co quan": "chuyen_co_quan", "da go": "da_go", "go bo": "da_go",
                   "theo doi": "theo_doi"},
    ModelSubject: {"mo hinh": "mo_hinh", "tap the": "tap_the", "ca nhan": "ca_nhan"},
    Recognition: {"khong": "chua", "chua co": "chua"},
}


def record_spec(kind: str) -> CatalogueSpec:
    try:
        return RECORD_SPECS[kind]
    except KeyError:
        raise ValueError(f"unknown record kind {kind!r}") from None
