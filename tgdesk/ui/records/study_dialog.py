"""Học tập – quán triệt: the dialog to add or edit one study session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Classification, DocumentKind, PersonRole, StudyForm
from tgdesk.domain.records import StudySession
from tgdesk.domain.text import nfc, nfc_keep
from tgdesk.services import lists
from tgdesk.services.kinds import STUDIES

from tgdesk.ui.common.catalogue_choice import AddBeside, combo_with_add
from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.record_dialog import RecordDialog
from tgdesk.ui.common.widgets import (IssueForm, code_combo, count_spin, id_combo,
                      set_combo_data, text_edit)

WHOLE_UNIT = "Toàn Đảng bộ"
NO_DOCUMENTS = "Danh mục văn bản đang trống: bấm “Thêm…” để thêm văn bản vào danh mục."

# (field, label) of the number boxes, in the order officers fill them in.
COUNTS = (
    ("party_members_expected", "Đảng viên được triệu tập:"),
    ("party_members_present", "Đảng viên dự:"),
    ("key_cadres", "Cán bộ chủ chốt:"),
    ("non_party_officials", "CB, CC không là đảng viên:"),
    ("core_masses", "Quần chúng nòng cốt:"),
    ("union_members", "Đoàn viên, hội viên:"),
    ("reflections", "Bài thu hoạch:"),
)


def document_text(doc: dict) -> str:
    kind = DocumentKind.from_code(doc["kind"])
    kind_label = kind.label if kind else doc["kind"]
    return (f"{kind_label} {doc['number_symbol']} ngày {vf.short_date(doc['issued_on'])} "
            f"– {doc['title']}")


class StudyDialog(RecordDialog):
    kind = STUDIES
    new_title = "Thêm buổi học tập – quán triệt"
    edit_title = "Sửa buổi học tập – quán triệt"
    dialog_size = (800, 760)

    def blank(self) -> StudySession:
        return StudySession(held_on=self.ctx.today())

    def build(self, form: IssueForm) -> None:
        ctx = self.ctx
        self.held_on = form.add("Ngày học tập:", DateField(ctx.today(), today=ctx.today()),
                                "held_on")
        self.title = form.add("Nội dung học tập:", QLineEdit(), "title")
        self.title.setPlaceholderText("Ví dụ: Quán triệt Nghị quyết số 35-NQ/TW")

        self.documents = QListWidget()
        self.documents.setMinimumHeight(150)
        self._fill_documents(set())
        self.documents_add = AddBeside(ctx, self.documents, "documents")
        self.documents_add.added.connect(self._document_added)
        form.add("Văn bản học tập:", self.documents_add, "document_ids")
        self.no_documents = None
        if self.documents.count() == 0:
            self.no_documents = form.add("", QLabel(NO_DOCUMENTS))

        self.cell = id_combo(self._cells(), WHOLE_UNIT)
        self.cell_add = form.add("Chi bộ:", combo_with_add(ctx, self.cell, "cells", self._cells),
                                 "cell_id")
        self.form_combo = form.add("Hình thức:", code_combo(StudyForm), "form")

        self.speaker = QComboBox()
        self.speaker.setEditable(True)
        self.speaker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.speaker.addItem("", None)
        for text, person_id in self._speakers():
            self.speaker.addItem(text, person_id)
        self.speaker.lineEdit().setPlaceholderText("Chọn báo cáo viên hoặc gõ họ tên")
        self.speaker_add = form.add("Báo cáo viên:", combo_with_add(
            ctx, self.speaker, "people", self._speakers, self._new_speaker), "speaker_id")
        self.place = form.add("Địa điểm:", QLineEdit(), "place")

        self.counts = {}
        for fld, label in COUNTS:
            self.counts[fld] = form.add(label, count_spin(), fld)
            self.counts[fld].valueChanged.connect(self._update_rate)
        self.rate = QLabel()
        self.rate.setObjectName("party_rate")
        form.add("Tỷ lệ đảng viên dự:", self.rate)
        self.total = QLabel()
        form.add("Tổng lượt tham dự:", self.total)
        self.note = form.add("Ghi chú:", text_edit(), "note")
        self.classification = form.add("Độ mật:", code_combo(Classification), "classification")

    # --- the catalogue choices, offered again after a “Thêm…” -------------------
    def _cells(self) -> list[tuple[str, int]]:
        return [(c["name"], c["id"]) for c in lists.catalogue(self.ctx, "cells")
                if c["active"] or c["id"] == self.original.cell_id]

    def _speakers(self) -> list[tuple[str, int]]:
        return [(p["full_name"], p["id"]) for p in lists.catalogue(self.ctx, "people")
                if p["role"] == PersonRole.BAO_CAO_VIEN.value
                and (p["active"] or p["id"] == self.original.speaker_id)]

    def _new_speaker(self) -> dict:
        """A person added beside “Báo cáo viên” is one, under the name typed there."""
        speaker_id, name = self._speaker()
        return {"role": PersonRole.BAO_CAO_VIEN.value,
                **({"full_name": name} if speaker_id is None and name else {})}

    def _fill_documents(self, checked: set[int]) -> None:
        keep = set(self.original.document_ids) | checked
        self.documents.clear()
        for doc in lists.catalogue(self.ctx, "documents"):
            if not doc["active"] and doc["id"] not in keep:
                continue
            item = QListWidgetItem(document_text(doc))
            item.setToolTip(document_text(doc))
            item.setData(Qt.ItemDataRole.UserRole, doc["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked_now = doc["id"] in checked
            item.setCheckState(Qt.CheckState.Checked if checked_now else Qt.CheckState.Unchecked)
            self.documents.addItem(item)

    def _document_added(self, document_id: int) -> None:
        """The list again, with what was ticked still ticked and the new document ticked."""
        self._fill_documents(set(self.checked_documents()))
        self.check_document(document_id)
        for i in range(self.documents.count()):
            if self.documents.item(i).data(Qt.ItemDataRole.UserRole) == document_id:
                self.documents.setCurrentRow(i)
                self.documents.scrollToItem(self.documents.item(i))
        if self.no_documents is not None:
            self.no_documents.hide()

    def _update_rate(self) -> None:
        expected = self.counts["party_members_expected"].value()
        present = self.counts["party_members_present"].value()
        rate = vf.percent(present / expected) if expected else "–"
        self.rate.setText(f"{rate} ({vf.number(present)}/{vf.number(expected)})")
        total = sum(self.counts[f].value() for f in
                    ("key_cadres", "party_members_present", "non_party_officials",
                     "core_masses", "union_members"))
        self.total.setText(vf.number(total))

    def load(self, s: StudySession) -> None:
        if s.held_on is not None:
            self.held_on.set_value(s.held_on)
        self.title.setText(s.title)
        chosen = set(s.document_ids)
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        set_combo_data(self.cell, s.cell_id)
        set_combo_data(self.form_combo, s.form)
        if s.speaker_id is not None and set_combo_data(self.speaker, s.speaker_id):
            pass
        else:
            self.speaker.setCurrentIndex(0)
            self.speaker.setEditText(s.speaker_name or "")
        self.place.setText(s.place or "")
        for fld, _ in COUNTS:
            self.counts[fld].setValue(getattr(s, fld))
        self.note.setPlainText(s.note or "")
        set_combo_data(self.classification, s.classification)
        self._update_rate()

    def checked_documents(self) -> list[int]:
        out = []
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def check_document(self, document_id: int, on: bool = True) -> None:
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == document_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _speaker(self) -> tuple[int | None, str | None]:
        text = nfc_keep(self.speaker.currentText())   # an NFD name finds its entry
        i = self.speaker.findText(text, Qt.MatchFlag.MatchFixedString)
        if text and i > 0:
            return self.speaker.itemData(i), None
        return None, nfc(text)

    def record(self) -> StudySession:
        speaker_id, speaker_name = self._speaker()
        rec = StudySession(
            held_on=self.held_on.value(),
            title=self.title.text(),
            document_ids=self.checked_documents(),
            cell_id=self.cell.currentData(),
            form=self.form_combo.currentData(),
            speaker_id=speaker_id,
            speaker_name=speaker_name,
            place=nfc(self.place.text()),
            note=nfc(self.note.toPlainText()),
            classification=self.classification.currentData(),
        )
        for fld, _ in COUNTS:
            setattr(rec, fld, self.counts[fld].value())
        return rec
