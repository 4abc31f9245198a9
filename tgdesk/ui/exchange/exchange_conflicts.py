"""Trao đổi dữ liệu › Xung đột: records changed here and in a newer package;
each shows this database's version beside the one sent, field by field, and
the officer keeps one of them. Nothing was overwritten before that."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from tgdesk.domain.exchange import KIND_LABELS
from tgdesk.services import exchange as ex
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from tgdesk.ui.common import kit as common
from tgdesk.ui.common.kit import Column, RowsModel, rows_view, selected_rows
from tgdesk.ui.common.widgets import show_error

FIELD_LABELS = {
    "held_on": "Ngày", "noted_on": "Ngày ghi nhận", "meeting_type": "Loại hội nghị",
    "title": "Tên, nội dung", "place": "Địa điểm", "chaired_by": "Chủ trì",
    "participants": "Thành phần", "attendance": "Số người dự", "contributions": "Ý kiến tham luận",
    "contents": "Nội dung", "conclusions": "Kết luận", "classification": "Độ mật",
    "form": "Hình thức", "speaker_name": "Báo cáo viên", "key_cadres": "Cán bộ chủ chốt",
    "party_members_expected": "Đảng viên triệu tập", "party_members_present": "Đảng viên dự",
    "non_party_officials": "Cán bộ ngoài Đảng", "core_masses": "Quần chúng nòng cốt",
    "union_members": "Đoàn viên, hội viên", "reflections": "Bài thu hoạch", "note": "Ghi chú",
    "source": "Nguồn", "summary": "Nội dung ý kiến", "attitude": "Thái độ",
    "concern": "Mức độ", "proposal": "Kiến nghị", "follow_up": "Xử lý",
    "passed_to": "Chuyển đến", "due_on": "Hạn xử lý", "deleted": "Đã xóa", "name": "Tên",
    "active": "Đang dùng", "number_symbol": "Số, ký hiệu", "issued_on": "Ngày ban hành",
    "issuer": "Cơ quan ban hành", "full_name": "Họ tên", "role": "Vai trò",
}


def _text(value) -> str:
    if value is None:
        return "—"
    if value is True:
        return "có"
    if value is False:
        return "không"
    return str(value)


class ConflictsTab(QWidget):
    status = Signal(str)
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel([
            Column("Số", lambda c: str(c.id), align_right=True),
            Column("Loại", lambda c: KIND_LABELS.get(c.kind, c.kind).capitalize()),
            Column("Đơn vị gửi", lambda c: c.unit),
            Column("Bản gửi đến sửa lúc", lambda c: common.local_time(c.their_updated_at)),
        ])
        self.view = rows_view(self.model, stretch=2)
        self.diff = RowsModel([
            Column("Trường", lambda d: FIELD_LABELS.get(d[0], d[0])),
            Column("Bản của tôi", lambda d: _text(d[1]), lambda d: common.AMBER),
            Column("Bản gửi đến", lambda d: _text(d[2]), lambda d: "#dbe9f8"),
        ])
        self.diff_view = rows_view(self.diff, stretch=1)
        self.diff_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.diff_view.setWordWrap(True)
        self.mine_button = QPushButton("Giữ bản của tôi")
        self.mine_button.clicked.connect(lambda: self.resolve("mine"))
        self.theirs_button = QPushButton("Nhận bản gửi đến")
        self.theirs_button.clicked.connect(lambda: self.resolve("theirs"))
        self.empty = common.note_label("", common.INFO_STYLE)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel("Khác nhau giữa hai bản:"))
        rl.addWidget(self.diff_view, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.mine_button)
        bar.addWidget(self.theirs_button)
        bar.addStretch(1)
        rl.addLayout(bar)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(split, 1)
        self.view.selectionModel().selectionChanged.connect(self._show_current)

    def refresh(self) -> None:
        items = ex.list_conflicts(self.ctx)
        self.model.set_rows(items)
        self.empty.setText(f"{len(items)} xung đột chưa giải quyết: bản ghi đã sửa ở đây, rồi "
                           "đơn vị gửi lại bản mới hơn. Chọn từng xung đột, so sánh, rồi giữ "
                           "một bản." if items else "Không có xung đột nào cần quyết định.")
        if items:
            self.view.selectRow(0)
        self._show_current()

    def current(self):
        rows = selected_rows(self.view)
        return self.model.row_at(rows[0]) if rows else None

    def _show_current(self) -> None:
        c = self.current()
        self.diff.set_rows(c.differences() if c else [])
        self.diff_view.resizeRowsToContents()
        self.mine_button.setEnabled(c is not None)
        self.theirs_button.setEnabled(c is not None)

    def resolve(self, keep: str) -> None:
        c = self.current()
        if c is None:
            return
        try:
            text = ex.resolve_conflict(self.ctx, c.id, keep)
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.changed.emit()
        self.status.emit(text)
