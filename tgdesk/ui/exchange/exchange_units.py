"""Trao đổi dữ liệu › Đơn vị & khóa: this unit's key (fingerprint to read over
the phone, key file out), registering another unit from its key file, and the
registered units (rename, merge, move to another parent)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.services import exchange as ex
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from tgdesk.ui.common import kit as common
from tgdesk.ui.common.kit import Column, RowsModel, rows_view, selected_rows
from tgdesk.ui.common.widgets import confirm, error_text, save_cancel, show_error

RELATION_TEXT = {"parent": "Cấp trên", "child": "Cấp dưới"}
KEY_FILTER = "Tệp khóa tgdesk (*.key);;Mọi tệp (*)"
CHANGE_FILTER = "Tệp đổi khóa tgdesk (*.keychange);;Mọi tệp (*)"
REKEY_QUESTION = ("Đổi khóa của đơn vị này?\n\nDùng khi nghi khóa bị lộ (máy bị mất, bản sao dữ "
                  "liệu để ở chỗ dùng chung). Chương trình tạo cặp khóa mới và ghi một tệp đổi "
                  "khóa; hãy gửi tệp đó cho cấp trên và các đơn vị cấp dưới. Gói lập từ nay ký "
                  "bằng khóa mới: nơi nhận chỉ nhập được sau khi đã nhận tệp đổi khóa.")
FINGERPRINT_BACKGROUND, FINGERPRINT_TEXT = "#f5f5f0", "#1b1b1b"


def spoken(fingerprint: str) -> str:
    """``3F2A-91C0-…`` as two lines of four groups, spaced for reading aloud."""
    groups = fingerprint.split("-")
    return "   ".join(groups[:4]) + "\n" + "   ".join(groups[4:])


def fingerprint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10) * 1.8)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # Both colours: the text read aloud over the phone must stay dark on its light box
    # even when the system's palette is dark (white text on near-white otherwise).
    label.setStyleSheet(f"background: {FINGERPRINT_BACKGROUND}; color: {FINGERPRINT_TEXT}; "
                        "padding: 10px; border: 1px solid #d0d0c8; border-radius: 4px;")
    # Room for both lines from the start (the text arrives after the first layout).
    label.setText(spoken("-".join(["WWWW"] * 8)))
    label.setMinimumSize(label.sizeHint())
    label.setText(text)
    return label


def _state(u) -> str:
    if u.active:
        return "Đang hoạt động"
    return "Đã sáp nhập" if u.merged_into_id else "Ngừng"


class RegisterDialog(QDialog):
    """Shows the name and fingerprint of a key file to confirm before saving."""

    def __init__(self, key, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Đăng ký đơn vị từ tệp khóa")
        self.key = key
        self.relation = QComboBox()
        self.relation.addItem("Cấp dưới (đơn vị gửi báo cáo lên đây)", "child")
        self.relation.addItem("Cấp trên (nơi đơn vị này gửi báo cáo)", "parent")
        form = QFormLayout()
        name = QLabel(key.name)
        name.setWordWrap(True)
        form.addRow("Đơn vị:", name)
        form.addRow("Mã đơn vị:", QLabel(key.unit_uuid))
        form.addRow("Đăng ký là:", self.relation)
        self.fingerprint = fingerprint_label(spoken(key.fingerprint))
        ask = common.note_label(
            "Gọi điện cho đơn vị này và đọc từng nhóm 4 ký tự của dấu vân tay dưới đây. Chỉ "
            "bấm “Lưu” khi mọi nhóm đều khớp với dấu vân tay đơn vị đó thấy trên máy của họ.",
            common.INFO_STYLE)
        buttons, _save = save_cancel(self.accept, self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel("Dấu vân tay:"))
        lay.addWidget(self.fingerprint)
        lay.addWidget(ask)
        lay.addWidget(buttons)
        self.setMinimumWidth(560)


class UnitsTab(QWidget):
    status = Signal(str)
    changed = Signal()
    open_settings = Signal()     # "Cài đặt đơn vị" asked for: the unit is not set yet

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: RegisterDialog | None = None
        self.units: list = []

        self.me_name = QLabel()
        self.me_name.setWordWrap(True)
        self.me_fingerprint = fingerprint_label()
        self.export_key_button = QPushButton("Xuất tệp khóa…")
        self.export_key_button.clicked.connect(self.export_key)
        me_box = QGroupBox("Khóa của đơn vị này")
        me = QVBoxLayout(me_box)
        me.addWidget(self.me_name)
        me.addWidget(QLabel("Dấu vân tay (đọc cho đơn vị kia đối chiếu qua điện thoại):"))
        row = QHBoxLayout()
        row.addWidget(self.me_fingerprint)
        row.addStretch(1)
        me.addLayout(row)
        self.settings_button = QPushButton("Mở trang “Cài đặt đơn vị”")
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_button.hide()
        self.rekey_button = QPushButton("Đổi khóa…")
        self.rekey_button.setToolTip("Tạo cặp khóa mới khi nghi khóa cũ bị lộ, và ghi tệp đổi "
                                     "khóa để gửi các đơn vị trao đổi")
        self.rekey_button.clicked.connect(self.rekey)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_key_button)
        buttons.addWidget(self.rekey_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        me.addLayout(buttons)

        self.model = RowsModel([
            Column("Tên đơn vị", lambda u: u.name),
            Column("Quan hệ", lambda u: RELATION_TEXT.get(u.relation, u.relation)),
            Column("Dấu vân tay", lambda u: u.fingerprint),
            Column("Trạng thái", _state),
            Column("Gói đã nhập", lambda u: vf.number(u.packages), align_right=True),
            Column("Lần nhập gần nhất",
                   lambda u: common.local_time(u.last_import)),
        ])
        self.view = rows_view(self.model, stretch=0)
        self.register_button = QPushButton("Đăng ký đơn vị từ tệp khóa…")
        self.register_button.clicked.connect(self.register)
        self.rename_button = QPushButton("Đổi tên…")
        self.rename_button.clicked.connect(self.rename)
        self.merge_button = QPushButton("Sáp nhập vào…")
        self.merge_button.clicked.connect(self.merge)
        self.move_button = QPushButton("Chuyển đơn vị cha…")
        self.move_button.clicked.connect(self.move)
        self.key_change_button = QPushButton("Nhận tệp đổi khóa…")
        self.key_change_button.setToolTip("Một đơn vị đã đăng ký vừa đổi khóa: nhận tệp đổi khóa "
                                          "của đơn vị đó")
        self.key_change_button.clicked.connect(self.take_key_change)
        bar = QHBoxLayout()
        for b in (self.register_button, self.key_change_button, self.rename_button,
                  self.merge_button, self.move_button):
            bar.addWidget(b)
        bar.addStretch(1)
        units_box = QGroupBox("Các đơn vị đã đăng ký")
        ul = QVBoxLayout(units_box)
        ul.addLayout(bar)
        ul.addWidget(self.view, 1)

        lay = QVBoxLayout(self)
        lay.addWidget(me_box)
        lay.addWidget(units_box, 1)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    # --- showing ---------------------------------------------------------------
    def refresh(self) -> None:
        try:
            ident = ex.ensure_identity(self.ctx)
        except UserError as exc:
            self.me_name.setText(error_text(exc))
            self.me_fingerprint.setText("—")
            self.export_key_button.setEnabled(False)
            self.rekey_button.setEnabled(False)
            self.settings_button.setVisible(isinstance(exc, ex.UnitNotSet))
        else:
            self.settings_button.hide()
            self.me_name.setText(f"<b>{ident.name}</b><br>Mã đơn vị: {ident.unit_uuid}")
            self.me_fingerprint.setText(spoken(ident.fingerprint))
            self.export_key_button.setEnabled(True)
            self.rekey_button.setEnabled(True)
        self.units = ex.list_units(self.ctx)
        self.model.set_rows(self.units)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.current() is not None
        for b in (self.rename_button, self.merge_button, self.move_button):
            b.setEnabled(has)

    def current(self):
        rows = selected_rows(self.view)
        return self.model.row_at(rows[0]) if rows else None

    def select_unit(self, unit_id: int) -> None:
        for r, u in enumerate(self.model.rows):
            if u.id == unit_id:
                self.view.selectRow(r)

    # --- this unit's key ----------------------------------------------------------------
    def export_key(self) -> None:
        path = common.ask_save_file(self, "Xuất tệp khóa", "khoa-don-vi.key", KEY_FILTER)
        if not path:
            return
        try:
            ident = ex.write_key_file(self.ctx, Path(path))
        except UserError as exc:
            show_error(self, exc)
            return
        self.status.emit(f"Đã ghi tệp khóa vào “{path}”. Dấu vân tay: {ident.fingerprint}")

    def rekey(self) -> None:
        if not confirm(self, "Đổi khóa", REKEY_QUESTION):
            return
        path = common.ask_save_file(self, "Ghi tệp đổi khóa", "doi-khoa.keychange", CHANGE_FILTER)
        if not path:
            return
        try:
            change = ex.change_keys(self.ctx, Path(path))
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.status.emit(f"Đã đổi khóa; tệp đổi khóa ghi tại “{path}”. Dấu vân tay mới: "
                         f"{change.new_fingerprint}")

    def take_key_change(self) -> None:
        path = common.ask_open_file(self, "Chọn tệp đổi khóa của đơn vị", CHANGE_FILTER)
        if not path:
            return
        try:
            change = ex.accept_change(self.ctx, Path(path))
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.changed.emit()
        self.status.emit(f"Đã nhận khóa mới của {change.name}. Dấu vân tay mới (đối chiếu qua "
                         f"điện thoại): {change.new_fingerprint}")

    # --- registering another unit -------------------------------------------------------
    def register(self) -> None:
        path = common.ask_open_file(self, "Chọn tệp khóa của đơn vị", KEY_FILTER)
        if path:
            self.open_key_file(Path(path))

    def open_key_file(self, path: Path) -> RegisterDialog | None:
        """Read the key file and show its fingerprint to confirm before saving."""
        try:
            key = ex.read_key_file(path)
        except UserError as exc:
            show_error(self, exc)
            return None
        self.dialog = RegisterDialog(key, self)
        self.dialog.accepted.connect(lambda: self._save_registration(path))
        self.dialog.open()
        return self.dialog

    def _save_registration(self, path: Path) -> None:
        relation = self.dialog.relation.currentData()
        try:
            info = ex.add_unit(self.ctx, path, relation)
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.select_unit(info.id)
        self.changed.emit()
        self.status.emit(f"Đã đăng ký {RELATION_TEXT[info.relation].lower()}: {info.name}.")

    # --- the hierarchy ---------------------------------------------------------------------
    def _run(self, fn, *args) -> None:
        try:
            info = fn(self.ctx, *args)
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.select_unit(info.id)
        self.changed.emit()

    def rename(self) -> None:
        unit = self.current()
        if unit is None:
            return
        name = common.ask_text(self, "Đổi tên đơn vị", "Tên mới (bản ghi đã nhận giữ tên cũ):",
                               unit.name)
        if name is not None:
            self._run(ex.rename_unit, str(unit.id), name)
            self.status.emit("Đã đổi tên đơn vị.")

    def _others(self, unit) -> list:
        return [u for u in self.units if u.id != unit.id and u.active]

    def merge(self) -> None:
        unit = self.current()
        if unit is None:
            return
        others = self._others(unit)
        if not others:
            show_error(self, "Không có đơn vị đang hoạt động nào khác để sáp nhập vào.")
            return
        names = [f"{u.name} (số {u.id})" for u in others]
        choice = common.ask_item(self, "Sáp nhập đơn vị",
                                 f"Sáp nhập “{unit.name}” vào đơn vị (số liệu đã nhận của đơn "
                                 "vị này sẽ tính cho đơn vị được chọn):", names)
        if choice is not None:
            target = others[names.index(choice)]
            self._run(ex.merge_unit, str(unit.id), str(target.id))
            self.status.emit(f"Đã sáp nhập “{unit.name}” vào “{target.name}”.")

    def move(self) -> None:
        unit = self.current()
        if unit is None:
            return
        others = self._others(unit)
        names = ["(không có đơn vị cha)"] + [f"{u.name} (số {u.id})" for u in others]
        choice = common.ask_item(self, "Chuyển đơn vị cha", f"Đơn vị cha mới của “{unit.name}”:",
                                 names)
        if choice is None:
            return
        target = None if choice == names[0] else str(others[names.index(choice) - 1].id)
        self._run(ex.move_unit, str(unit.id), target)
        self.status.emit(f"Đã chuyển “{unit.name}”.")
