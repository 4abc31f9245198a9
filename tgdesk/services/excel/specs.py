"""The columns of each catalogue's Excel file: headers, fields, how to read them, help."""

from __future__ import annotations

from dataclasses import dataclass

from tgdesk.domain.enums import AreaKind, DocumentKind, Labelled, PersonRole
from tgdesk.domain.records import Area, Campaign, Cell, OpinionCategory, PartyDocument, Person
from tgdesk.store import tables as t

GUIDE_SHEET = "Hướng dẫn"


@dataclass(frozen=True)
class ColumnSpec:
    header: str                 # as written in the template; "*" marks a required column
    field: str                  # attribute of the domain record
    parse: str                  # text | phone | int | date | enum | area | active | yesno
    required: bool = False
    enum: type[Labelled] | None = None
    width: int = 22
    help: str = ""
    example: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.header.rstrip("*").strip()


@dataclass(frozen=True)
class CatalogueSpec:
    kind: str
    sheet: str                  # title of the data sheet
    title: str                  # "Danh mục chi bộ"
    record: type
    row: type
    columns: tuple[ColumnSpec, ...]


ACTIVE = ColumnSpec("Đang dùng", "active", "active", width=12,
                    help="Có: đang dùng; Không: ngừng dùng (không còn hiện trong các ô chọn). "
                         "Để trống là Có. Cột này có trong tệp xuất, không bắt buộc.",
                    example="Có", aliases=("Con dung", "Trang thai"))

SPECS: dict[str, CatalogueSpec] = {
    "cells": CatalogueSpec("cells", "Chi bộ", "Danh mục chi bộ", Cell, t.CellRow, (
        ColumnSpec("Tên chi bộ*", "name", "text", True, width=34,
                   help="Tên đầy đủ của chi bộ.", example="Chi bộ Khu phố 3",
                   aliases=("Chi bộ", "Tên")),
        ColumnSpec("Bí thư", "secretary", "text", width=26, help="Họ tên bí thư chi bộ.",
                   example="Lê Văn Đức", aliases=("Bí thư chi bộ", "Họ tên bí thư")),
        ColumnSpec("Số đảng viên", "member_count", "int", width=14,
                   help="Số nguyên, không âm.", example="42",
                   aliases=("Số ĐV", "Số lượng đảng viên", "Đảng viên")),
        ColumnSpec("Ghi chú", "note", "text", width=40, help="Tùy ý."),
    )),
    "areas": CatalogueSpec("areas", "Khu dân cư", "Danh mục khu dân cư", Area, t.AreaRow, (
        ColumnSpec("Tên khu dân cư*", "name", "text", True, width=34,
                   help="Tên khu phố, tổ dân phố, ấp…", example="Khu phố 3",
                   aliases=("Khu dân cư", "Tên")),
        ColumnSpec("Loại", "kind", "enum", enum=AreaKind, width=16,
                   help="Một trong các giá trị cho phép bên dưới; để trống là Khu phố.",
                   example="Khu phố", aliases=("Loại khu dân cư",)),
        ColumnSpec("Ghi chú", "note", "text", width=40, help="Tùy ý."),
    )),
    "documents": CatalogueSpec("documents", "Văn bản", "Danh mục văn bản của Đảng",
                               PartyDocument, t.DocumentRow, (
        ColumnSpec("Loại văn bản*", "kind", "enum", True, enum=DocumentKind, width=16,
                   help="Một trong các giá trị cho phép bên dưới.", example="Nghị quyết",
                   aliases=("Loại",)),
        ColumnSpec("Số, ký hiệu*", "number_symbol", "text", True, width=16,
                   help="Số và ký hiệu như in trên văn bản.", example="35-NQ/TW",
                   aliases=("Số ký hiệu", "Số hiệu", "Ký hiệu")),
        ColumnSpec("Ngày ban hành*", "issued_on", "date", True, width=16,
                   help="Ngày/tháng/năm, ví dụ 22/10/2018 (ô kiểu Ngày hoặc chữ đều được); "
                        "không được sau hôm nay.", example="22/10/2018",
                   aliases=("Ngày", "Ngày ký")),
        ColumnSpec("Cơ quan ban hành*", "issuer", "text", True, width=24,
                   example="Bộ Chính trị", aliases=("Cơ quan",)),
        ColumnSpec("Trích yếu*", "title", "text", True, width=60,
                   help="Trích yếu nội dung văn bản.",
                   example="Về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
                   aliases=("Tên văn bản", "Nội dung")),
        ColumnSpec("Hạn học tập", "study_deadline", "date", width=16,
                   help="Hạn cấp trên đặt để các chi bộ học tập, quán triệt xong văn bản; "
                        "ngày/tháng/năm, không được trước ngày ban hành. Để trống nếu không có "
                        "hạn.", example="31/12/2018",
                   aliases=("Hạn học tập, quán triệt", "Hạn quán triệt")),
    )),
    "people": CatalogueSpec("people", "Mạng lưới", "Danh sách báo cáo viên, tuyên truyền "
                            "viên, cộng tác viên", Person, t.PersonRow, (
        ColumnSpec("Họ tên*", "full_name", "text", True, width=28, example="Trần Thị Bích Ngọc",
                   aliases=("Họ và tên", "Tên")),
        ColumnSpec("Vai trò*", "role", "enum", True, enum=PersonRole, width=30,
                   help="Một trong các giá trị cho phép bên dưới.", example="Báo cáo viên"),
        ColumnSpec("Điện thoại", "phone", "phone", width=16,
                   help="Nên định dạng ô là Văn bản để giữ số 0 đầu; một số 9 chữ số "
                        "(Excel đã bỏ số 0) được thêm lại số 0.", example="0903 123 456",
                   aliases=("Số điện thoại", "SĐT", "ĐT")),
        ColumnSpec("Nơi công tác", "workplace", "text", width=28, example="Đảng ủy phường",
                   aliases=("Đơn vị", "Cơ quan")),
        ColumnSpec("Khu dân cư", "area_id", "area", width=22,
                   help="Tên một khu dân cư đã có trong danh mục Khu dân cư (để trống nếu "
                        "không thuộc khu nào).", example="Khu phố 3",
                   aliases=("Khu phố", "Tổ dân phố")),
        ColumnSpec("Nhóm 35", "online_team", "yesno", width=12,
                   help="Có: thành viên nhóm 35 (tổ tuyên truyền trên mạng theo Nghị quyết "
                        "35-NQ/TW); Không hoặc để trống: không.", example="Có",
                   aliases=("Thành viên nhóm 35", "Nhóm 35 (NQ35)", "Tổ tuyên truyền trên mạng")),
    )),
    "categories": CatalogueSpec("categories", "Lĩnh vực", "Danh mục lĩnh vực dư luận",
                                OpinionCategory, t.CategoryRow, (
        ColumnSpec("Tên lĩnh vực*", "name", "text", True, width=30, example="Đất đai",
                   aliases=("Lĩnh vực", "Tên")),
        ColumnSpec("Mô tả", "description", "text", width=50, example="Bồi thường, tái định cư",
                   aliases=("Ghi chú",)),
    )),
    "campaigns": CatalogueSpec("campaigns", "Đợt tuyên truyền", "Danh mục đợt, chủ đề tuyên "
                               "truyền", Campaign, t.CampaignRow, (
        ColumnSpec("Tên đợt, chủ đề*", "name", "text", True, width=60,
                   help="Tên đợt hoặc chủ đề tuyên truyền.",
                   example="Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
                   aliases=("Đợt, chủ đề", "Chủ đề", "Đợt tuyên truyền", "Tên")),
        ColumnSpec("Ngày bắt đầu", "starts_on", "date", width=14,
                   help="Ngày/tháng/năm; để trống nếu là chủ đề thường xuyên, không có thời hạn.",
                   example="19/01/2026", aliases=("Từ ngày", "Bắt đầu")),
        ColumnSpec("Ngày kết thúc", "ends_on", "date", width=14,
                   help="Ngày/tháng/năm, không được trước ngày bắt đầu; để trống nếu không có.",
                   example="23/01/2026", aliases=("Đến ngày", "Kết thúc")),
        ColumnSpec("Ghi chú", "note", "text", width=40, help="Tùy ý."),
    )),
}


def spec_of(kind: str) -> CatalogueSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise ValueError(f"unknown catalogue kind {kind!r}") from None
