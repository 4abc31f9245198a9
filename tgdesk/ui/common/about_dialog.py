"""Trợ giúp › Giới thiệu tgdesk: the version, where the database, the data and the
log files are (with buttons to open those folders), the Qt, PySide6 and Python
versions, and the licence of the bundled fonts; "Sao chép" puts it all on the
clipboard for a message to whoever helps."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

import tgdesk
from tgdesk import paths
from tgdesk.services.context import Context

from tgdesk.ui.common.headings import heading_label

TITLE = "Giới thiệu tgdesk"
DESCRIPTION = "Sổ tay điện tử công tác tuyên giáo cấp phường, xã — chạy không cần mạng."
COPY, COPIED = "&Sao chép", "Đã &sao chép"
FONT_LICENCE = ("Phông chữ Liberation Serif đi kèm chương trình được phân phối theo Giấy phép "
                "SIL Open Font License 1.1 (OFL); bản giấy phép nằm cạnh các tệp phông chữ.")


def about_lines(ctx: Context) -> list[tuple[str, str]]:
    """(label, value) of what the dialog shows, in order."""
    return [
        ("Phiên bản", tgdesk.__version__),
        ("Cơ sở dữ liệu", str(ctx.db_path) + (" (chỉ xem)" if ctx.read_only else "")),
        ("Thư mục dữ liệu", str(paths.data_dir())),
        ("Thư mục nhật ký", str(paths.log_dir())),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", f"{platform.python_version()} ({platform.system()} {platform.release()})"),
    ]


def open_folder(path: Path) -> bool:
    """Show ``path`` in the system's file manager (Explorer on Windows)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AboutDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.lines = about_lines(ctx)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for label, value in self.lines:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            form.addRow(f"{label}:", shown)
            self.values[label] = shown
        self.licence = QLabel(FONT_LICENCE)
        self.licence.setWordWrap(True)
        self.data_button = QPushButton("Mở thư mục &dữ liệu")
        self.data_button.clicked.connect(lambda: open_folder(paths.data_dir()))
        self.log_button = QPushButton("Mở thư mục &nhật ký")
        self.log_button.clicked.connect(lambda: open_folder(paths.log_dir()))
        self.copy_button = QPushButton(COPY)
        self.copy_button.setToolTip("Chép các thông tin trên để gửi cho người hỗ trợ")
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        for button in (self.data_button, self.log_button, self.copy_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("tgdesk"))
        lay.addWidget(QLabel(DESCRIPTION))
        lay.addLayout(form)
        lay.addWidget(self.licence)
        lay.addWidget(buttons)
        self.setMinimumWidth(560)

    def text(self) -> str:
        """What "Sao chép" copies: one line per item."""
        return "\n".join(["tgdesk"] + [f"{label}: {value}" for label, value in self.lines])

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(COPIED)

    def showEvent(self, event) -> None:
        self.copy_button.setText(COPY)       # opened again: nothing copied yet
        super().showEvent(event)
