"""Printing a record list: the matching records as a table in a QTextDocument,
sent to a printer chosen in the print dialog (Ctrl+P on a list page)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from tgdesk import vnformat as vf
from tgdesk.services import lists
from tgdesk.services.context import Context

from tgdesk.ui.records.record_model import RecordModel

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


def prepare(printer: QPrinter) -> None:
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)


def print_to(printer: QPrinter, doc: QTextDocument) -> None:
    prepare(printer)
    doc.print_(printer)


def print_dialog(parent: QWidget, doc: QTextDocument) -> bool:
    """Ask for a printer, then print. Returns whether it was printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In danh sách")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    doc.print_(printer)
    return True
