"""Qt's own file and print dialogs in Vietnamese, as far as Qt draws them (on Linux
and wherever Qt's own dialog is used; Windows' native dialogs speak the system's
language). The project's translation (resources/translations/qtbase_vi.ts, built
to .qm with pyside6-lrelease) applies only where context and source text match
Qt's exactly, so the dialogs themselves are built and read here."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QFileDialog, QGroupBox, QLabel,
                               QTabWidget, QTreeView, QWidget)

from tgdesk.paths import resources_dir

pytestmark = pytest.mark.gui

TRANSLATIONS = resources_dir() / "translations"
# Words of Qt's English dialogs: none may be left on screen.
ENGLISH = re.compile(r"\b(Look|File|Files|Folder|Directory|Name|Size|Type|Date|Modified|Open|"
                     r"Save|Cancel|Back|Forward|Parent|Detail|List|View|Print|Printer|Pages?|"
                     r"Copies|Collate|Reverse|Options|Color|Grayscale|Duplex|Properties|Location|"
                     r"Output|Preview|Zoom|Fit|Portrait|Landscape|Setup|Export|Show|Next|Previous|"
                     r"First|Last|Paper|Margins|Orientation|Width|Height|Selection|Current|Range|"
                     r"Off|Job|Advanced|Scroll|Help)\b")


@pytest.fixture
def vietnamese(qapp):
    """The project's Qt translation and the Vietnamese locale, removed afterwards."""
    before = QLocale()
    translator = QTranslator()
    assert translator.load("qtbase_vi", str(TRANSLATIONS))
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    yield translator
    qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def messages() -> list[tuple[str, str, str]]:
    root = ET.parse(TRANSLATIONS / "qtbase_vi.ts").getroot()
    return [(ctx.findtext("name"), m.findtext("source"), m.findtext("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


def mnemonics(text: str) -> list[str]:
    """The letters marked with a single "&" ("&&" is a literal ampersand)."""
    return re.findall(r"(?<!&)&([^&])", text.replace("&&", ""))


def shown_texts(root: QWidget) -> list[str]:
    """The words a dialog shows: labels, buttons, group and tab titles, combo items,
    tool tips and the headers of its views."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QComboBox) and not w.isEditable():
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTreeView) and w.model() is not None:
            out += [str(w.model().headerData(c, Qt.Orientation.Horizontal))
                    for c in range(w.model().columnCount())]
        out.append(w.toolTip())
    for action in root.findChildren(QAction):
        out += [action.text(), action.toolTip()]
    return [t.replace("&", "") for t in out if t]


def english(texts: list[str]) -> list[str]:
    return [t for t in texts if ENGLISH.search(t)]


def test_every_translation_keeps_placeholders_and_one_typable_mnemonic():
    found = messages()
    assert len(found) > 250
    for ctx, source, translation in found:
        where = f"{ctx}: {source!r} -> {translation!r}"
        assert translation and translation.strip(), where
        assert sorted(re.findall(r"%\d|%n", source)) == \
            sorted(re.findall(r"%\d|%n", translation)), where
        marked = mnemonics(translation)
        assert len(marked) == len(mnemonics(source)) <= 1, where
        assert all(c.isascii() and c.isalnum() for c in marked), where   # Alt+letter


def test_the_qm_file_is_built_from_the_ts_file(tmp_path):
    lrelease = [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import "
                "lrelease; sys.argv[0] = 'lrelease'; lrelease()"]
    built = tmp_path / "qtbase_vi.qm"
    subprocess.run([*lrelease, str(TRANSLATIONS / "qtbase_vi.ts"), "-qm", str(built)],
                   check=True, capture_output=True)
    assert built.read_bytes() == (TRANSLATIONS / "qtbase_vi.qm").read_bytes(), (
        "rebuild: .venv/bin/pyside6-lrelease resources/translations/qtbase_vi.ts "
        "-qm resources/translations/qtbase_vi.qm")


@pytest.mark.parametrize("context, source, expected", [
    ("QFileDialog", "Look in:", "Tìm trong:"),
    ("QFileDialog", "File &name:", "Tê&n tệp:"),
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?",
     "Tệp %1 đã có.\nGhi đè lên tệp đó?"),
    ("QFileDialog", "Create New Folder", "Tạo thư mục mới"),
    ("QFileSystemModel", "Date Modified", "Ngày sửa"),
    ("QFileSystemModel", "My Computer", "Máy tính"),
    ("QPrintDialog", "&Print", "&In"),
    ("QPrintSettingsOutput", "Pages from", "Từ trang"),
    ("QPrintSettingsOutput", "Print range", "Phạm vi in"),
    ("QPrintWidget", "Printer", "Máy in"),
    ("QPrintPreviewDialog", "Print Preview", "Xem trước khi in"),
    ("QPrintPreviewDialog", "Fit width", "Vừa chiều rộng"),
    ("QPageSetupWidget", "Landscape", "Khổ ngang"),
    ("QPrintPropertiesDialog", "Printer Properties", "Thuộc tính máy in"),
    ("QScrollBar", "Scroll here", "Cuộn đến đây"),
    ("QInputDialog", "Enter a value:", "Nhập giá trị:"),
])
def test_sample_of_each_context_is_vietnamese(vietnamese, context, source, expected):
    assert QCoreApplication.translate(context, source) == expected


def test_qt_file_dialog_speaks_vietnamese(vietnamese, qtbot, tmp_path):
    (tmp_path / "goi-thang-11.tgx").write_bytes(b"tgx")
    dialog = QFileDialog(None, "Chọn gói dữ liệu", str(tmp_path),
                         "Gói dữ liệu tgdesk (*.tgx);;Mọi tệp (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = shown_texts(dialog)
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Mở", "Hủy", "Tên", "Kích thước",
            "Ngày sửa", "Lùi lại", "Tiến tới", "Thư mục cha", "Tạo thư mục mới",
            "Xem danh sách", "Xem chi tiết"} <= set(texts)
    assert english(texts) == []
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert "Lưu" in shown_texts(dialog)


def test_print_preview_and_print_dialog_speak_vietnamese(vietnamese, qtbot, tmp_path):
    doc = QTextDocument()
    doc.setPlainText("Hội nghị\n" * 200)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "in-thu.pdf"))
    preview = QPrintPreviewDialog(printer)
    preview.paintRequested.connect(doc.print_)
    qtbot.addWidget(preview)
    preview.show()
    texts = shown_texts(preview)
    assert {"Xem trước khi in", "Trang sau", "Trang trước", "Phóng to", "Thu nhỏ",
            "Vừa chiều rộng", "Vừa cả trang", "Khổ dọc", "Khổ ngang", "In",
            "Thiết lập trang"} <= set(texts) | {preview.windowTitle()}
    assert english(texts) == []

    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    for button in dialog.findChildren(QAbstractButton):
        if button.text().replace("&", "") == "Tùy chọn >>":
            button.click()                                  # the "Số bản" and options tabs
    texts = shown_texts(dialog)
    assert {"Máy in", "Tên:", "Thuộc tính", "Phạm vi in", "In tất cả", "Từ trang", "đến",
            "Số bản:", "In", "Hủy"} <= set(texts)
    assert english(texts) == []
