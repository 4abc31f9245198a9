"""Bảo vệ nền tảng tư tưởng (Nghị quyết 35-NQ/TW): the dialog to add or edit one
entry of the online team's work.

Its fields follow the kind of entry: a post or share of positive information
has its posts, shares and reach; wrong or hostile content found has its kind,
the action taken and whom it went to; an essay-contest entry its number of
entries. Choosing another kind hides the other fields and empties them. A new
entry of wrong content found starts Mật (it is kept home like an opinion note),
unless the officer chose the classification himself."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from tgdesk.domain.activity_validation import MAX_REACH
from tgdesk.domain.enums import (Classification, OnlineAction, OnlineChannel, OnlineEntryKind,
                                 WrongContentKind)
from tgdesk.domain.records import OnlineEntry
from tgdesk.domain.text import nfc
from tgdesk.services.kinds import ONLINE

from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.record_dialog import RecordDialog
from tgdesk.ui.common.widgets import (IssueForm, code_combo, count_spin, id_combo,
                                      set_combo_data, text_edit)
from tgdesk.ui.records.catalogue_items import catalogue_choice

POSTED, FOUND, CONTEST = (OnlineEntryKind.DANG_TIN.value, OnlineEntryKind.PHAT_HIEN.value,
                          OnlineEntryKind.DU_THI.value)
# The fields of each kind of entry (the others are hidden and empty).
KIND_FIELDS = {POSTED: ("posts", "shares", "reach"),
               FOUND: ("content_kind", "action", "passed_to"),
               CONTEST: ("entries",)}
NO_TEAM = ("Chưa có ai được đánh dấu là thành viên nhóm 35: đánh dấu ở trang “Danh mục” → "
           "“Người”, hoặc bấm “Thêm…” để thêm người vào nhóm.")


def is_team_member(row: dict) -> bool:
    return bool(row.get("online_team"))


class OnlineDialog(RecordDialog):
    kind = ONLINE
    new_title = "Thêm hoạt động trên mạng"
    edit_title = "Sửa hoạt động trên mạng"
    dialog_size = (660, 560)

    def blank(self) -> OnlineEntry:
        return OnlineEntry(noted_on=self.ctx.today())

    def build(self, form: IssueForm) -> None:
        ctx, o = self.ctx, self.original
        today = ctx.today()
        self.noted_on = form.add("Ngày:", DateField(today, today=today), "noted_on")
        self.entry_kind = form.add("Loại việc:", code_combo(OnlineEntryKind), "entry_kind")
        self.member, self.member_add = catalogue_choice(
            ctx, "people", "— Không ghi —", o.member_id, "full_name", is_team_member,
            lambda: {"online_team": True})
        form.add("Thành viên nhóm:", self.member_add, "member_id")
        self.member.setToolTip("Những người được đánh dấu “Thành viên nhóm 35” trong danh mục "
                               "Người")
        self.no_team = form.add("", QLabel(NO_TEAM))
        self.no_team.setWordWrap(True)
        self._show_no_team()
        self.member_add.added.connect(self._show_no_team)
        self.channel = form.add("Kênh:", code_combo(OnlineChannel), "channel")
        self.summary = form.add("Nội dung:", text_edit(80), "summary")
        self.link = form.add("Đường dẫn:", QLineEdit(), "link")
        self.link.setPlaceholderText("https://…")
        self.posts = form.add("Bài đăng:", count_spin(), "posts")
        self.shares = form.add("Lượt chia sẻ:", count_spin(), "shares")
        self.reach = form.add("Lượt tiếp cận (nếu biết):", count_spin(), "reach")
        self.content_kind = form.add("Loại thông tin xấu:", id_combo(
            [(m.label, m.value) for m in WrongContentKind], "— Chọn loại thông tin —"),
            "content_kind")
        self.action = form.add("Biện pháp xử lý:", id_combo(
            [(m.label, m.value) for m in OnlineAction], "— Chọn biện pháp —"), "action")
        self.passed_to = form.add("Chuyển cho:", QLineEdit(), "passed_to")
        self.passed_to.setPlaceholderText("Ví dụ: Công an phường; Ban Tuyên giáo và Dân vận")
        self.entries = form.add("Số bài dự thi:", count_spin(), "entries")
        for spin in (self.posts, self.shares, self.reach, self.entries):
            spin.setMaximum(MAX_REACH)
        self.classification = form.add("Độ mật:", code_combo(Classification), "classification")
        self.classification_chosen = False      # by the officer: kept whatever the kind
        self.classification.activated.connect(self._classification_chosen)
        self.entry_kind.currentIndexChanged.connect(self._kind_changed)
        self._show_fields()

    def _show_no_team(self, *_args) -> None:
        """The hint while no one in the catalogue is a member of the team."""
        self.form.form.setRowVisible(self.no_team, self.member.count() <= 1)

    def _classification_chosen(self) -> None:
        self.classification_chosen = True

    # --- the fields of the kind ------------------------------------------------------
    def _fields(self) -> dict[str, QWidget]:
        return {"posts": self.posts, "shares": self.shares, "reach": self.reach,
                "content_kind": self.content_kind, "action": self.action,
                "passed_to": self.passed_to, "entries": self.entries}

    def _kind_changed(self) -> None:
        own = KIND_FIELDS.get(self.entry_kind.currentData(), ())
        for fld, widget in self._fields().items():
            if fld in own:
                continue
            if isinstance(widget, QLineEdit):
                widget.clear()
            elif hasattr(widget, "setValue"):
                widget.setValue(0)
            else:
                widget.setCurrentIndex(0)
        if self.record_id is None and not self.classification_chosen:
            found = self.entry_kind.currentData() == FOUND
            set_combo_data(self.classification, (Classification.MAT if found
                                                 else Classification.THUONG).value)
        self._show_fields()

    def _show_fields(self) -> None:
        own = KIND_FIELDS.get(self.entry_kind.currentData(), ())
        for fld, widget in self._fields().items():
            self.form.form.setRowVisible(widget.parentWidget(), fld in own)

    def shown_fields(self) -> list[str]:
        return [f for f, w in self._fields().items() if not w.parentWidget().isHidden()]

    # --- record ----------------------------------------------------------------------
    def load(self, e: OnlineEntry) -> None:
        if e.noted_on is not None:
            self.noted_on.set_value(e.noted_on)
        with QSignalBlocker(self.entry_kind):       # the record's own fields, kept
            set_combo_data(self.entry_kind, e.entry_kind)
        set_combo_data(self.member, e.member_id)
        set_combo_data(self.channel, e.channel)
        self.summary.setPlainText(e.summary)
        self.link.setText(e.link or "")
        self.posts.setValue(e.posts or 0)
        self.shares.setValue(e.shares or 0)
        self.reach.setValue(e.reach or 0)
        set_combo_data(self.content_kind, e.content_kind)
        set_combo_data(self.action, e.action)
        self.passed_to.setText(e.passed_to or "")
        self.entries.setValue(e.entries or 0)
        set_combo_data(self.classification, e.classification)
        self._show_fields()
        for edit in (self.link, self.passed_to):
            edit.setCursorPosition(0)           # a long text shows its beginning

    def record(self) -> OnlineEntry:
        """The entry, with only its own kind's fields (the others as in a blank one)."""
        rec = OnlineEntry(
            noted_on=self.noted_on.value(),
            entry_kind=self.entry_kind.currentData(),
            member_id=self.member.currentData(),
            channel=self.channel.currentData(),
            summary=self.summary.toPlainText(),
            link=nfc(self.link.text()),
            posts=self.posts.value(),
            shares=self.shares.value(),
            reach=self.reach.value(),
            content_kind=self.content_kind.currentData(),
            action=self.action.currentData(),
            passed_to=nfc(self.passed_to.text()),
            entries=self.entries.value(),
            classification=self.classification.currentData(),
        )
        blank, own = OnlineEntry(), KIND_FIELDS.get(rec.entry_kind, ())
        for fld in self._fields():
            if fld not in own:
                setattr(rec, fld, getattr(blank, fld))
        return rec
