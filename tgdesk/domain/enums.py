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


# Attendance categories of a study session, in report order.
ATTENDANCE_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("key_cadres", "cán bộ chủ chốt"),
    ("party_members_present", "đảng viên"),
    ("non_party_officials", "cán bộ, công chức không là đảng viên"),
    ("core_masses", "quần chúng nòng cốt"),
    ("union_members", "đoàn viên, hội viên"),
)
