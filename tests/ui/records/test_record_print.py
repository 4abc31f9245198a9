"""Printing a list: "In…" (Ctrl+P) shows the preview with the list's pages; printing
from there goes through the print dialog, and "Từ trang 2 đến 3" prints exactly
those two pages. The printer is a PDF file, its pages counted with pypdfium2."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import SIGNAL, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QLineEdit, QRadioButton, QSpinBox
from record_lists import meetings_page

from tgdesk.ui.records import record_print

pytestmark = pytest.mark.gui


@pytest.fixture
def long_list(qtbot, ctx, make_meetings):
    make_meetings(ctx, 300)
    return meetings_page(qtbot, ctx)


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def pdf_printer(path: Path) -> QPrinter:
    printer = record_print.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def choose_pages(dialog, first: int, last: int, out: Path) -> bool:
    """What the officer does in Qt's print dialog: the PDF "printer", a file name,
    "Từ trang first đến last", "In"."""
    dialog.show()
    printers = dialog.findChild(QComboBox, "printers")
    printers.setCurrentIndex(printers.findText("PDF", flags=Qt.MatchFlag.MatchContains))
    dialog.findChild(QLineEdit, "filename").setText(str(out))
    dialog.findChild(QRadioButton, "printRange").setChecked(True)
    dialog.findChild(QSpinBox, "from").setValue(first)
    dialog.findChild(QSpinBox, "to").setValue(last)
    dialog.accept()
    return True


def test_the_chosen_page_range_is_printed_and_nothing_else(qtbot, long_list, tmp_path):
    doc = long_list.print_document()
    whole = print_whole(doc, tmp_path / "all.pdf")
    assert len(whole) >= 5

    printer = pdf_printer(tmp_path / "range.pdf")
    dialog = record_print.print_dialog_for(printer, len(whole), None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.maxPage() == len(whole)
    assert dialog.findChild(QSpinBox, "to").maximum() == len(whole)
    choose_pages(dialog, 2, 3, tmp_path / "range.pdf")
    assert (printer.fromPage(), printer.toPage()) == (2, 3)
    doc.print_(printer)
    assert pdf_pages(tmp_path / "range.pdf") == whole[1:3]


def print_whole(doc, out: Path) -> list[str]:
    doc.print_(pdf_printer(out))
    return pdf_pages(out)


def test_in_shows_the_preview_and_prints_from_it(qtbot, long_list, tmp_path, monkeypatch):
    whole = print_whole(long_list.print_document(), tmp_path / "all.pdf")
    long_list.print_button.click()
    preview = long_list.print_preview
    assert preview.isVisible() and preview.windowTitle() == "Xem trước khi in – Hội nghị"
    assert preview.page_count() == len(whole) >= 5           # as it will come out
    seen = []

    def officer(dialog):
        seen.append((dialog.windowTitle(), dialog.maxPage()))
        return choose_pages(dialog, 2, 3, tmp_path / "from-preview.pdf")

    monkeypatch.setattr(record_print, "run_dialog", officer)
    with qtbot.waitSignal(long_list.status) as said:
        preview.print_button.click()
    assert seen == [("In danh sách", len(whole))]
    assert said.args == ["Đã gửi danh sách đi in."]
    assert pdf_pages(tmp_path / "from-preview.pdf") == whole[1:3]
    assert preview.printed and not preview.isVisible()


def test_closing_the_preview_prints_nothing(qtbot, long_list, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(record_print, "run_dialog", lambda d: asked.append(d) or False)
    preview = long_list.print_list()
    preview.print_button.click()                 # the print dialog cancelled
    assert len(asked) == 1 and preview.isVisible() and not preview.printed
    preview.reject()
    assert not preview.printed


def test_the_preview_toolbar_print_button_opens_the_lists_print_dialog(qtbot, long_list,
                                                                       monkeypatch):
    """Qt's own "In" button of the preview no longer opens Qt's print dialog (which
    knows nothing of the list's pages): it opens ours, and only ours."""
    asked = []
    monkeypatch.setattr(record_print, "run_dialog",
                        lambda d: asked.append((d.windowTitle(), d.maxPage())) or False)
    preview = long_list.print_list()
    [action] = [a for a in preview.findChildren(QAction)
                if a.text() == QCoreApplication.translate("QPrintPreviewDialog", "Print")]
    assert action.receivers(SIGNAL("triggered(bool)")) == 1
    action.trigger()
    assert asked == [("In danh sách", preview.page_count())]
    preview.reject()
