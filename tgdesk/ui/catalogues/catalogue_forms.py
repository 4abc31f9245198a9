"""The catalogues (Chi bộ, Khu dân cư, Văn bản, Người, Lĩnh vực, Đợt tuyên truyền)
described by field specs, and one generic dialog built from a spec."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple, dataclass, field, replace

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from tgdesk import vnformat as vf
from tgdesk.domain.enums import AreaKind, DocumentKind, PersonRole
from tgdesk.domain.records import Area, Campaign, Cell, OpinionCategory, PartyDocument, Person
from tgdesk.domain.text import nfc
from tgdesk.services import lists
from tgdesk.services.context import Context
from tgdesk.services.crud import Kind
from tgdesk.services.kinds import AREAS, CAMPAIGNS, CATEGORIES, CELLS, DOCUMENTS, PEOPLE

from tgdesk.ui.catalogues.member_rows import MemberRows
from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.catalogue_choice import combo_with_add
from tgdesk.ui.common.record_dialog import RecordDialog
from tgdesk.ui.common.widgets import (IssueForm, code_combo, id_combo, optional_count,
                      optional_count_spin, set_combo_data)


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    # text | opt_text | count | members (a cell's, with its history) | enum | date |
    # opt_date | bool | area
    type: str = "text"
    enum: type | None = None
    tip: str = ""


@dataclass(frozen=True)
class Listed:
    title: str
    text: Callable[[dict], str]
    width: int = 140


@dataclass(frozen=True)
class Only:
    """A tick box under a catalogue's table that shows only the rows it keeps."""
    label: str                 # "Chỉ thành viên nhóm 35"
    tip: str
    keeps: Callable[[dict], bool]
    noun: str                  # "thành viên nhóm 35": the count and the empty state
    hint: str = ""             # how a row comes to be kept, for the empty state


@dataclass(frozen=True)
class CatalogueSpec:
    kind: str                  # "cells" (lists.catalogue kind)
    service: Kind
    record: type
    tab: str                   # tab title
    noun: str                  # "chi bộ"
    fields: list[Field]
    columns: list[Listed]
    describe: Callable[[dict], str]
    empty_text: str = ""
    extra: dict = field(default_factory=dict)
    only: Only | None = None
    size: tuple[int, int] = (560, 380)      # the form's size (fit to the screen)


def _enum_label(enum, key):
    def text(row):
        member = enum.from_code(row.get(key))
        return member.label if member else (row.get(key) or "")
    return text


def _active(row: dict) -> str:
    return "Đang dùng" if row.get("active") else "Ngừng dùng"


ACTIVE = Field("active", "Đang dùng", "bool")
DEADLINE_TIP = ("Ngày cấp trên yêu cầu các chi bộ học tập, quán triệt xong văn bản (nếu có). "
                "Tiến độ học tập và báo cáo tính số chi bộ chưa tổ chức, quá hạn theo ngày này.")
ONLINE_TEAM = "Thành viên nhóm 35 (tổ tuyên truyền trên mạng, Nghị quyết 35-NQ/TW)"
ONLINE_TEAM_TIP = ("Người thuộc nhóm (tổ) tuyên truyền, bảo vệ nền tảng tư tưởng của Đảng trên "
                   "mạng xã hội của đơn vị; các việc của nhóm trên mạng ghi theo từng thành viên.")
CAMPAIGN_DATE_TIP = "Để trống nếu là chủ đề tuyên truyền thường xuyên, không có thời hạn."

CATALOGUES = (
    CatalogueSpec(
        "cells", CELLS, Cell, "Chi bộ", "chi bộ",
        [Field("name", "Tên chi bộ:"), Field("secretary", "Bí thư:", "opt_text"),
         Field("member_count", "Số đảng viên:", "members"),
         Field("note", "Ghi chú:", "opt_text"),
         ACTIVE],
        [Listed("Tên chi bộ", lambda r: r["name"], 260),
         Listed("Bí thư", lambda r: r.get("secretary") or "", 200),
         Listed("Số đảng viên", lambda r: "" if r.get("member_count") is None
                else vf.number(r["member_count"]), 110),
         Listed("Trạng thái", _active, 110), Listed("Ghi chú", lambda r: r.get("note") or "")],
        lambda r: r["name"]),
    CatalogueSpec(
        "areas", AREAS, Area, "Khu dân cư", "khu dân cư",
        [Field("name", "Tên khu dân cư:"), Field("kind", "Loại:", "enum", AreaKind),
         Field("note", "Ghi chú:", "opt_text"), ACTIVE],
        [Listed("Tên", lambda r: r["name"], 260),
         Listed("Loại", _enum_label(AreaKind, "kind"), 140),
         Listed("Trạng thái", _active, 110), Listed("Ghi chú", lambda r: r.get("note") or "")],
        lambda r: r["name"]),
    CatalogueSpec(
        "documents", DOCUMENTS, PartyDocument, "Văn bản", "văn bản",
        [Field("kind", "Loại văn bản:", "enum", DocumentKind),
         Field("number_symbol", "Số, ký hiệu:"), Field("issued_on", "Ngày ban hành:", "date"),
         Field("issuer", "Cơ quan ban hành:"), Field("title", "Trích yếu:"),
         Field("study_deadline", "Hạn học tập:", "opt_date", tip=DEADLINE_TIP), ACTIVE],
        [Listed("Loại", _enum_label(DocumentKind, "kind"), 110),
         Listed("Số, ký hiệu", lambda r: r["number_symbol"], 130),
         Listed("Ngày ban hành", lambda r: vf.short_date(r.get("issued_on")), 110),
         Listed("Hạn học tập", lambda r: vf.short_date(r.get("study_deadline")), 100),
         Listed("Cơ quan ban hành", lambda r: r["issuer"], 170),
         Listed("Trạng thái", _active, 100), Listed("Trích yếu", lambda r: r["title"])],
        lambda r: r["number_symbol"]),
    CatalogueSpec(
        "people", PEOPLE, Person, "Người (mạng lưới)", "người",
        [Field("full_name", "Họ tên:"), Field("role", "Vai trò:", "enum", PersonRole),
         Field("phone", "Điện thoại:", "opt_text"), Field("workplace", "Nơi công tác:", "opt_text"),
         Field("area_id", "Khu dân cư:", "area"),
         Field("online_team", ONLINE_TEAM, "bool", tip=ONLINE_TEAM_TIP), ACTIVE],
        [Listed("Họ tên", lambda r: r["full_name"], 200),
         Listed("Vai trò", _enum_label(PersonRole, "role"), 200),
         Listed("Nhóm 35", lambda r: "Có" if r.get("online_team") else "", 75),
         Listed("Điện thoại", lambda r: r.get("phone") or "", 115),
         Listed("Trạng thái", _active, 95),
         Listed("Nơi công tác", lambda r: r.get("workplace") or "")],
        lambda r: r["full_name"],
        only=Only("Chỉ thành viên nhóm 35", "Chỉ hiện những người thuộc nhóm 35 (tổ tuyên "
                  "truyền trên mạng, Nghị quyết 35-NQ/TW)", lambda r: bool(r.get("online_team")),
                  "thành viên nhóm 35", "Chọn một người, bấm “Sửa” rồi đánh dấu “Thành viên "
                  "nhóm 35”."), size=(660, 400)),
    CatalogueSpec(
        "categories", CATEGORIES, OpinionCategory, "Lĩnh vực dư luận", "lĩnh vực",
        [Field("name", "Tên lĩnh vực:"), Field("description", "Mô tả:", "opt_text"), ACTIVE],
        [Listed("Tên lĩnh vực", lambda r: r["name"], 260),
         Listed("Trạng thái", _active, 110),
         Listed("Mô tả", lambda r: r.get("description") or "")],
        lambda r: r["name"]),
    CatalogueSpec(
        "campaigns", CAMPAIGNS, Campaign, "Đợt, chủ đề tuyên truyền", "đợt, chủ đề tuyên truyền",
        [Field("name", "Tên đợt, chủ đề:"),
         Field("starts_on", "Ngày bắt đầu:", "opt_date", tip=CAMPAIGN_DATE_TIP),
         Field("ends_on", "Ngày kết thúc:", "opt_date", tip=CAMPAIGN_DATE_TIP),
         Field("note", "Ghi chú:", "opt_text"), ACTIVE],
        [Listed("Tên đợt, chủ đề", lambda r: r["name"], 380),
         Listed("Ngày bắt đầu", lambda r: vf.short_date(r.get("starts_on")), 100),
         Listed("Ngày kết thúc", lambda r: vf.short_date(r.get("ends_on")), 100),
         Listed("Trạng thái", _active, 95), Listed("Ghi chú", lambda r: r.get("note") or "")],
        lambda r: r["name"], size=(720, 360)),
)


class CatalogueDialog(RecordDialog):
    """Add or edit one catalogue entry; the widgets come from the spec."""

    def __init__(self, ctx: Context, spec: CatalogueSpec, record_id: int | None = None,
                 parent: QWidget | None = None):
        self.spec = spec
        self.kind = spec.service
        self.new_title = f"Thêm {spec.noun}"
        self.edit_title = f"Sửa {spec.noun}"
        self.dialog_size = spec.size
        self.inputs: dict[str, QWidget] = {}
        self.members: MemberRows | None = None
        if any(f.type == "members" for f in spec.fields):
            self.dialog_size = (spec.size[0], 470)
        super().__init__(ctx, record_id, parent)

    def blank(self):
        rec = self.spec.record()
        if "issued_on" in {f.name for f in self.spec.fields}:
            rec.issued_on = None
        return rec

    def build(self, form: IssueForm) -> None:
        for f in self.spec.fields:
            if f.type in ("text", "opt_text"):
                w = QLineEdit()
            elif f.type == "count":
                w = optional_count_spin(None)
            elif f.type == "enum":
                w = code_combo(f.enum)
            elif f.type == "date":
                w = DateField(self.ctx.today(), today=self.ctx.today())
            elif f.type == "opt_date":
                w = DateField(None, optional=True, placeholder="— Không có —",
                              today=self.ctx.today())
            elif f.type == "members":
                self.members = MemberRows(self.ctx, form, self.record_id)
                self.inputs[f.name] = self.members.count
                continue
            elif f.type == "bool":
                w = QCheckBox(f.label)
                w.setToolTip(f.tip)
                form.add("", w, f.name)
                self.inputs[f.name] = w
                continue
            elif f.type == "area":
                current = getattr(self.original, f.name)

                def areas(current=current):
                    return [(a["name"], a["id"]) for a in lists.catalogue(self.ctx, "areas")
                            if a["active"] or a["id"] == current]
                w = self.inputs[f.name] = id_combo(areas(), "— Không ghi —")
                form.add(f.label, combo_with_add(self.ctx, w, "areas", areas), f.name)
                continue
            else:
                raise ValueError(f.type)
            if f.tip:
                w.setToolTip(f.tip)
            self.inputs[f.name] = form.add(f.label, w, f.name)

    def load(self, rec) -> None:
        for f in self.spec.fields:
            w, value = self.inputs[f.name], getattr(rec, f.name)
            if f.type in ("text", "opt_text"):
                w.setText(value or "")
                w.setCursorPosition(0)          # a long name shows its beginning
            elif f.type == "count":
                w.setValue(-1 if value is None else value)
            elif f.type == "members":
                self.members.load(value)
            elif f.type in ("enum", "area"):
                set_combo_data(w, value)
            elif f.type == "opt_date" or (f.type == "date" and value is not None):
                w.set_value(value)
            elif f.type == "bool":
                w.setChecked(bool(value))

    def record(self):
        values = {}
        for f in self.spec.fields:
            w = self.inputs[f.name]
            if f.type == "text":
                values[f.name] = w.text()
            elif f.type == "opt_text":
                values[f.name] = nfc(w.text())
            elif f.type in ("count", "members"):
                values[f.name] = optional_count(w)
            elif f.type in ("enum", "area"):
                values[f.name] = w.currentData()
            elif f.type in ("date", "opt_date"):
                values[f.name] = w.value()
            elif f.type == "bool":
                values[f.name] = w.isChecked()
        # Fields the form does not show keep their value.
        return replace(self.original, **values)

    def try_save(self) -> bool:
        """A cell whose count is new or changed: the count is saved as a step of the
        day it applies from (member_rows.py), checked with the cell."""
        count = self.members.changed_count() if self.members is not None else None
        if count is None:
            return super().try_save()
        rec = self._filled()
        day = self.members.since.value()

        def check():
            verdict = self.kind.check(self.ctx, rec)
            step = self.members.check(count)       # the count's own bounds are said once
            verdict.errors.extend(i for i in step.errors if i not in verdict.errors)
            verdict.warnings.extend(i for i in step.warnings if i not in verdict.warnings)
            return verdict

        def save() -> None:
            self.saved = self.members.save(self.kind, rec, count)

        return self.checked.run(check, (astuple(rec), day), save)
