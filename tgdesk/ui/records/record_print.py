"""Printing a record list: the matching records as a table in a QTextDocument,
shown in a print preview first (Ctrl+P on a list page), then sent to the printer
chosen in the print dialog - all pages, or the range the officer chose."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QAction, QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import (QAbstractPrintDialog, QPrintDialog, QPrinter,
                                    QPrintPreviewDialog, QPrintPreviewWidget)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from tgdesk import vnformat as vf
from tgdesk.services import lists
from tgdesk.services.context import Context

from tgdesk.ui.records.record_model import RecordModel
from tgdesk.ui.common.screen_fit import fit_to_screen

PRINT_LIMIT = 5000      # rows; a longer list is cut, and the heading says so
CHUNK = 500


def print_document(ctx: Context, heading: str, model: RecordModel, description: str = ""
                   ) -> QTextDocument:
    ids = model.all_ids()
    shown = ids[:PRINT_LIMIT]
    columns = model.columns
    parts = [f"<h2>{escape(heading)}</h2>"]
    lines = [f"In ngày {vf.short_date(ctx.today())}"]
    if description:
        lines.append(escape(description))
    count = f"{vf.number(len(ids))} bản ghi"
    if len(shown) < len(ids):
        count += (f"; chỉ in {vf.number(len(shown))} bản ghi đầu – hãy lọc bớt để in "
                  "đủ danh sách")
    lines.append(count)
    parts.append("<p>" + "<br>".join(lines) + "</p>")
    parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%">')
    parts.append("<thead><tr><th>TT</th>"
                 + "".join(f'<th{" width=34%" if c.stretch else ""}>{escape(c.title)}</th>'
                           for c in columns) + "</tr></thead>")
    n = 0
    for start in range(0, len(shown), CHUNK):
        for row in lists.rows(ctx, model.kind, shown[start:start + CHUNK]):
            n += 1
            cells = "".join(
                f'<td{" align=right" if c.numeric else ""}>{escape(c.text(row))}</td>'
                for c in columns)
            parts.append(f"<tr><td align=right>{n}</td>{cells}</tr>")
    parts.append("</table>")
    doc = QTextDocument()
    font = QFont(doc.defaultFont())
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml("".join(parts))
    return doc


def prepare(printer: QPrinter) -> QPrinter:
    """A4 landscape with 12 mm margins: what a list is printed on unless the officer
    changes it in the preview or the print dialog."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    return printer


def new_printer() -> QPrinter:
    return prepare(QPrinter(QPrinter.PrinterMode.HighResolution))


def print_to(printer: QPrinter, doc: QTextDocument) -> None:
    """Print ``doc`` on a printer set up for a list (A4 landscape)."""
    prepare(printer)
    doc.print_(printer)


def print_dialog_for(printer: QPrinter, pages: int, parent: QWidget | None) -> QPrintDialog:
    """The print dialog, with "Từ trang … đến …" offered for the ``pages`` pages of
    the list. QTextDocument.print_ prints only the pages of the printer's page
    ranges, which the dialog sets when the officer chooses a range; the bounds
    matter to Windows' own dialog, which refuses page numbers without them."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In danh sách")
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, max(1, pages))
    return dialog


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; whether it was accepted. Tests replace this."""
    return dialog.exec() == QDialog.DialogCode.Accepted


class ListPreview(QPrintPreviewDialog):
    """"Xem trước khi in": the list as it will come out of the printer (zoom, one
    or two pages, portrait or landscape), and "In…" there opens the print dialog
    with the list's page count, so "Từ trang 2 đến 3" prints exactly those pages."""

    def __init__(self, doc: QTextDocument, heading: str, parent: QWidget | None = None):
        printer = new_printer()
        printer.setDocName(f"Danh sách {heading.lower()}")   # the job in the printer queue
        super().__init__(printer, parent)
        self.doc = doc
        self._printer = printer         # the dialog does not own it: keep it alive
        self.setWindowTitle(f"Xem trước khi in – {heading}")
        self.printed = False
        self.paintRequested.connect(self.doc.print_)
        self.view = self.findChild(QPrintPreviewWidget)
        # Qt's own "Print" button would open a print dialog that knows nothing of the
        # list's pages; ours does (and prints from the same printer settings).
        qt_print = QCoreApplication.translate("QPrintPreviewDialog", "Print")
        for action in self.findChildren(QAction):
            if action.text() == qt_print:
                action.triggered.disconnect()
                action.triggered.connect(self.ask_and_print)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton("&In…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setDefault(True)
        close = buttons.addButton("Đó&ng", QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.ask_and_print)
        close.clicked.connect(self.reject)
        self.layout().addWidget(buttons)
        fit_to_screen(self, 1000, 720)

    def page_count(self) -> int:
        """The pages the list fills with the current printer settings."""
        if self.view.pageCount() == 0:
            self.view.updatePreview()
        return self.view.pageCount()

    def print_dialog(self) -> QPrintDialog:
        return print_dialog_for(self.printer(), self.page_count(), self)

    def ask_and_print(self) -> bool:
        if not run_dialog(self.print_dialog()):
            return False
        self.view.print_()          # paintRequested on the printer the dialog set up
        self.printed = True
        self.accept()
        return True
