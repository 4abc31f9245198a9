"""The standard catalogues a new database starts with: the opinion fields (lĩnh vực)
a ward's public-opinion reports group notes by, the central Party documents a
ward studies, and the propaganda campaigns and themes of the years. Offered, all
ticked, when the unit is set up (window or ``tgdesk init``); the demo ward uses
the same names.

Meeting types need no catalogue: they are an enum (``enums.MeetingType``).
Numbers, dates and issuers are the documents' own; a congress resolution has no
number, so its "số, ký hiệu" is its name without the kind.
"""

from __future__ import annotations

import uuid
from datetime import date

# Standard rows have the same UUID in every database (derived from their kind and
# key), so a catalogue sent by the level above matches the ward's own copy of a
# standard row instead of adding a second row of the same name.
STARTER_NAMESPACE = uuid.UUID("5d0f6a0e-7c1b-4f3e-9a51-2b8e6c4d9f10")


def starter_uuid(kind: str, key: str) -> str:
    """The UUID of the standard row ``key`` (its name, or number and symbol) of ``kind``."""
    return str(uuid.uuid5(STARTER_NAMESPACE, f"{kind}:{key}"))


# (name, description)
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("Đất đai – môi trường", "Bồi thường, giải phóng mặt bằng, cấp giấy chứng nhận, rác thải, "
     "ngập nước"),
    ("Trật tự đô thị", "Lấn chiếm vỉa hè, lòng đường, xây dựng không phép"),
    ("Giao thông, hạ tầng", "Đường sá, chiếu sáng, ùn tắc, an toàn giao thông"),
    ("Giá cả, đời sống", "Giá điện, nước, xăng dầu, thực phẩm; việc làm, thu nhập"),
    ("Thủ tục hành chính", "Giải quyết hồ sơ, dịch vụ công trực tuyến, thái độ phục vụ"),
    ("Sắp xếp tổ chức bộ máy", "Sắp xếp đơn vị hành chính, tinh gọn bộ máy, chế độ cán bộ"),
    ("An sinh xã hội", "Chính sách người có công, hộ nghèo, bảo hiểm xã hội, bảo hiểm y tế"),
    ("Giáo dục, y tế", "Trường lớp, học phí, khám chữa bệnh, dịch bệnh"),
    ("An ninh trật tự", "Trộm cắp, tệ nạn xã hội, tín dụng đen, lừa đảo qua mạng"),
    ("Tôn giáo, dân tộc", "Hoạt động tôn giáo, tín ngưỡng; chính sách dân tộc"),
    ("Xây dựng Đảng, chính quyền", "Tác phong cán bộ, đảng viên; phòng, chống tham nhũng, "
     "lãng phí, tiêu cực"),
    ("Thông tin trên mạng xã hội", "Tin giả, thông tin xấu độc, quan điểm sai trái, thù địch"),
    ("Chủ trương, chính sách mới", "Nghị quyết, luật, chính sách mới ban hành"),
    ("Thời sự trong nước, quốc tế", "Sự kiện chính trị, kinh tế trong nước; tình hình thế giới, "
     "khu vực, Biển Đông"),
)

CC = "Ban Chấp hành Trung ương"
BCT = "Bộ Chính trị"

# (kind, number_symbol, issued_on, issuer, title), oldest first.
DOCUMENTS: tuple[tuple[str, str, date, str, str], ...] = (
    ("chi_thi", "05-CT/TW", date(2016, 5, 15), BCT,
     "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("nghi_quyet", "04-NQ/TW", date(2016, 10, 30), CC,
     "Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính "
     "trị, đạo đức, lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ"),
    ("nghi_quyet", "18-NQ/TW", date(2017, 10, 25), CC,
     "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, "
     "hoạt động hiệu lực, hiệu quả"),
    ("nghi_quyet", "35-NQ/TW", date(2018, 10, 22), BCT,
     "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, "
     "thù địch trong tình hình mới"),
    ("nghi_quyet", "Đại hội XIII", date(2021, 2, 1),
     "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
     "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"),
    ("ket_luan", "01-KL/TW", date(2021, 5, 18), BCT,
     "Về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII về đẩy mạnh học tập và "
     "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("ket_luan", "21-KL/TW", date(2021, 10, 25), CC,
     "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, "
     "xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện "
     "“tự diễn biến”, “tự chuyển hóa”"),
    ("nghi_quyet", "21-NQ/TW", date(2022, 6, 16), CC,
     "Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên "
     "trong giai đoạn mới"),
    ("nghi_quyet", "44-NQ/TW", date(2023, 11, 24), CC,
     "Về Chiến lược bảo vệ Tổ quốc trong tình hình mới"),
    ("quy_dinh", "144-QĐ/TW", date(2024, 5, 9), BCT,
     "Về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới"),
    ("nghi_quyet", "57-NQ/TW", date(2024, 12, 22), BCT,
     "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"),
    ("nghi_quyet", "59-NQ/TW", date(2025, 1, 24), BCT,
     "Về hội nhập quốc tế trong tình hình mới"),
    ("nghi_quyet", "66-NQ/TW", date(2025, 4, 30), BCT,
     "Về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước "
     "trong kỷ nguyên mới"),
    ("nghi_quyet", "68-NQ/TW", date(2025, 5, 4), BCT,
     "Về phát triển kinh tế tư nhân"),
)

# (name, starts_on, ends_on, note): the propaganda campaigns and themes of 2025–2026.
# A campaign marking an event or anniversary is dated by the event itself (the
# Congress sat from 19 to 23/01/2026; the elections were held on Sunday 15/03/2026);
# an ongoing one has a start only; a recurring theme has no dates. Oldest first,
# recurring themes last.
CAMPAIGNS: tuple[tuple[str, date | None, date | None, str], ...] = (
    ("Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 – 3/2/2025)",
     date(2025, 2, 3), date(2025, 2, 3), "Mừng Đảng, mừng Xuân Ất Tỵ 2025"),
    ("Kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 – 30/4/2025)",
     date(2025, 4, 30), date(2025, 4, 30), ""),
    ("Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2025)",
     date(2025, 5, 19), date(2025, 5, 19), ""),
    ("Sắp xếp đơn vị hành chính, tổ chức chính quyền địa phương hai cấp", date(2025, 7, 1),
     None, "Chính quyền địa phương hai cấp hoạt động từ ngày 01/7/2025"),
    ("Kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9 (1945–2025)",
     date(2025, 8, 19), date(2025, 9, 2),
     "Cách mạng tháng Tám 19/8/1945; Quốc khánh nước Việt Nam Dân chủ Cộng hòa 2/9/1945"),
    ("Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
     date(2026, 1, 19), date(2026, 1, 23), "Đại hội họp từ ngày 19 đến ngày 23/01/2026 tại Hà Nội"),
    ("Kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 – 3/2/2026)",
     date(2026, 2, 3), date(2026, 2, 3), "Mừng Đảng, mừng Xuân Bính Ngọ 2026"),
    ("Chào mừng bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026–2031",
     date(2026, 3, 15), date(2026, 3, 15), "Ngày bầu cử: Chủ nhật, 15/03/2026"),
    ("Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026)",
     date(2026, 5, 19), date(2026, 5, 19), ""),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", None, None,
     "Chỉ thị 05-CT/TW; chuyên đề của từng năm"),
    ("Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
     None, None, "Nghị quyết 35-NQ/TW"),
    ("Tháng hành động vì môi trường", None, None,
     "Tháng 6 hằng năm; Ngày Môi trường thế giới 5/6"),
    ("Tháng hành động phòng, chống ma túy", None, None,
     "Tháng 6 hằng năm; Ngày toàn dân phòng, chống ma túy 26/6"),
    ("An toàn giao thông", None, None, "Cao điểm dịp Tết, lễ hội"),
)
