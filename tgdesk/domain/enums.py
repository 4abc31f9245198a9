"""Coded values stored in the database, each with its Vietnamese label.

The database stores the code (ASCII, stable); screens and reports show the
label. Adding a member is safe; renaming a code needs a migration.
"""

from __future__ import annotations

from enum import Enum


class Labelled(str, Enum):
    """A str enum whose members carry a Vietnamese label."""

    def __new__(cls, code: str, label: str) -> "Labelled":
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label  # type: ignore[attr-defined]
        return obj

    @classmethod
    def from_code(cls, code: str | None):
        if code is None:
            return None
        for member in cls:
            if member.value == code:
                return member
        return None

    @classmethod
    def codes(cls) -> list[str]:
        return [m.value for m in cls]


class MeetingType(Labelled):
    SO_KET = ("so_ket", "Sơ kết")
    TONG_KET = ("tong_ket", "Tổng kết")
    GIAO_BAN = ("giao_ban", "Giao ban")
    TRIEN_KHAI = ("trien_khai", "Triển khai")
    TAP_HUAN = ("tap_huan", "Tập huấn")
    HOI_THI = ("hoi_thi", "Hội thi")
    TOA_DAM = ("toa_dam", "Tọa đàm")
    DOI_THOAI = ("doi_thoai", "Đối thoại")
    KHAC = ("khac", "Khác")


class StudyForm(Labelled):
    TRUC_TIEP = ("truc_tiep", "Trực tiếp")
    TRUC_TUYEN = ("truc_tuyen", "Trực tuyến")
    KET_HOP = ("ket_hop", "Kết hợp trực tiếp và trực tuyến")


class Attitude(Labelled):
    DONG_TINH = ("dong_tinh", "Đồng tình")
    BAN_KHOAN = ("ban_khoan", "Băn khoăn")
    BUC_XUC = ("buc_xuc", "Bức xúc")
    TRAI_CHIEU = ("trai_chieu", "Trái chiều")


class Concern(Labelled):
    """Level of concern, in increasing order; the last is a hot spot."""

    THAP = ("thap", "Thấp")
    TRUNG_BINH = ("trung_binh", "Trung bình")
    CAO = ("cao", "Cao")
    DIEM_NONG = ("diem_nong", "Điểm nóng")


class FollowUp(Labelled):
    MOI = ("moi", "Mới ghi nhận")
    DA_BAO_CAO = ("da_bao_cao", "Đã báo cáo cấp ủy")
    DANG_XU_LY = ("dang_xu_ly", "Đang xử lý")
    DA_GIAI_QUYET = ("da_giai_quyet", "Đã giải quyết")


class OpinionSource(Labelled):
    CTV = ("ctv", "Cộng tác viên dư luận xã hội")
    CHI_BO = ("chi_bo", "Sinh hoạt chi bộ")
    TO_DAN_PHO = ("to_dan_pho", "Tổ dân phố, khu dân cư")
    HOI_NGHI = ("hoi_nghi", "Hội nghị")
    TIEP_XUC_CU_TRI = ("tiep_xuc_cu_tri", "Tiếp xúc cử tri")
    MANG_XA_HOI = ("mang_xa_hoi", "Mạng xã hội")


class PersonRole(Labelled):
    BAO_CAO_VIEN = ("bao_cao_vien", "Báo cáo viên")
    TUYEN_TRUYEN_VIEN = ("tuyen_truyen_vien", "Tuyên truyền viên")
    CTV_DLXH = ("ctv_dlxh", "Cộng tác viên dư luận xã hội")


class DocumentKind(Labelled):
    NGHI_QUYET = ("nghi_quyet", "Nghị quyết")
    CHI_THI = ("chi_thi", "Chỉ thị")
    KET_LUAN = ("ket_luan", "Kết luận")
    QUY_DINH = ("quy_dinh", "Quy định")
    HUONG_DAN = ("huong_dan", "Hướng dẫn")
    KE_HOACH = ("ke_hoach", "Kế hoạch")
    THONG_BAO = ("thong_bao", "Thông báo")
    CHUYEN_DE = ("chuyen_de", "Chuyên đề")
    KHAC = ("khac", "Văn bản khác")


class AreaKind(Labelled):
    KHU_PHO = ("khu_pho", "Khu phố")
    TO_DAN_PHO = ("to_dan_pho", "Tổ dân phố")
    KHU_DAN_CU = ("khu_dan_cu", "Khu dân cư")
    AP = ("ap", "Ấp")
    THON = ("thon", "Thôn")


class Classification(Labelled):
    """Security marking. Classified records never leave in an export."""

    THUONG = ("thuong", "Thường")
    MAT = ("mat", "Mật")



class PropagandaForm(Labelled):
    """How a propaganda activity reached people (its quantities: PROPAGANDA_QUANTITIES)."""

    TRUC_QUAN = ("truc_quan", "Trực quan (băng rôn, khẩu hiệu, pano, áp phích, cờ)")
    LOA_DAI = ("loa_dai", "Loa, đài truyền thanh")
    TRUC_TUYEN = ("truc_tuyen", "Trên mạng (trang, fanpage, nhóm Zalo)")
    AN_PHAM = ("an_pham", "Tờ rơi, tài liệu")
    VAN_HOA = ("van_hoa", "Văn hóa, văn nghệ, thể thao")
    MIENG = ("mieng", "Nói chuyện, tuyên truyền miệng")


class OnlineEntryKind(Labelled):
    """What an online-team entry records (Nghị quyết 35-NQ/TW)."""

    DANG_TIN = ("dang_tin", "Đăng, chia sẻ thông tin tích cực")
    PHAT_HIEN = ("phat_hien", "Phát hiện thông tin sai trái, thù địch")
    DU_THI = ("du_thi", "Bài dự thi bảo vệ nền tảng tư tưởng")


# Online-team entries that start Mật when no classification is given (the
# dialog, Excel and JSON imports): wrong or hostile content found.
CLASSIFIED_ONLINE_KINDS = frozenset({"phat_hien"})


class OnlineChannel(Labelled):
    FACEBOOK = ("facebook", "Facebook")
    ZALO = ("zalo", "Zalo")
    TIKTOK = ("tiktok", "TikTok")
    YOUTUBE = ("youtube", "YouTube")
    WEBSITE = ("website", "Trang thông tin điện tử")
    KHAC = ("khac", "Kênh khác")


class WrongContentKind(Labelled):
    SAI_SU_THAT = ("sai_su_that", "Thông tin sai sự thật")
    XUYEN_TAC = ("xuyen_tac", "Xuyên tạc, bôi nhọ")
    THU_DICH = ("thu_dich", "Quan điểm sai trái, thù địch")
    KICH_DONG = ("kich_dong", "Kích động, gây rối")


class OnlineAction(Labelled):
    """What was done about wrong or hostile content found online."""

    BAO_CAO_NEN_TANG = ("bao_cao_nen_tang", "Báo cáo vi phạm với nền tảng")
    PHAN_BAC = ("phan_bac", "Đăng bài phản bác, định hướng")
    CHUYEN_CO_QUAN = ("chuyen_co_quan", "Chuyển cơ quan chức năng")
    DA_GO = ("da_go", "Đã được gỡ bỏ")
    THEO_DOI = ("theo_doi", "Tiếp tục theo dõi")


class ModelSubject(Labelled):
    """What a Chỉ thị 05-CT/TW record is about."""

    MO_HINH = ("mo_hinh", "Mô hình, cách làm hay")
    TAP_THE = ("tap_the", "Tập thể điển hình")
    CA_NHAN = ("ca_nhan", "Cá nhân điển hình")


class Recognition(Labelled):
    CHUA = ("chua", "Chưa")
    BIEU_DUONG = ("bieu_duong", "Biểu dương")
    KHEN_THUONG = ("khen_thuong", "Khen thưởng")


# The quantities of a propaganda activity: (field, label in forms, unit in reports).
PROPAGANDA_QUANTITIES: tuple[tuple[str, str, str], ...] = (
    ("banners", "Băng rôn", "băng rôn"),
    ("slogans", "Khẩu hiệu", "khẩu hiệu"),
    ("panos", "Pano", "pano"),
    ("posters", "Áp phích", "áp phích"),
    ("flags", "Cờ (Tổ quốc, Đảng)", "lá cờ"),
    ("bulletins", "Bản tin, lượt phát", "lượt phát thanh"),
    ("minutes_on_air", "Thời lượng (phút)", "phút phát sóng"),
    ("posts", "Bài đăng", "bài đăng"),
    ("shares", "Lượt chia sẻ", "lượt chia sẻ"),
    ("reach", "Lượt tiếp cận (nếu biết)", "lượt tiếp cận"),
    ("copies", "Tờ rơi, tài liệu (bản)", "tờ rơi, tài liệu"),
    ("performances", "Chương trình, tiết mục", "chương trình, tiết mục"),
    ("sessions", "Buổi nói chuyện", "buổi nói chuyện"),
    ("people", "Lượt người tham dự", "lượt người"),
)

# Which quantities fit each form (the dialog shows only these; others stay 0).
QUANTITIES_BY_FORM: dict[str, tuple[str, ...]] = {
    "truc_quan": ("banners", "slogans", "panos", "posters", "flags"),
    "loa_dai": ("bulletins", "minutes_on_air"),
    "truc_tuyen": ("posts", "shares", "reach"),
    "an_pham": ("copies",),
    "van_hoa": ("performances", "people"),
    "mieng": ("sessions", "people"),
}

# Attendance categories of a study session, in report order.
ATTENDANCE_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("key_cadres", "cán bộ chủ chốt"),
    ("party_members_present", "đảng viên"),
    ("non_party_officials", "cán bộ, công chức không là đảng viên"),
    ("core_masses", "quần chúng nòng cốt"),
    ("union_members", "đoàn viên, hội viên"),
)
