"""The pages of a report PDF as images (pypdfium2) in a scroll area, with the
page count and zoom; and printing those pages at the printer's resolution."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout,
                               QWidget)

from tgdesk.services.errors import UserError

FIT_WIDTH = 0.0
ZOOMS = (("Vừa chiều rộng", FIT_WIDTH), ("50%", 0.5), ("75%", 0.75), ("100%", 1.0),
         ("125%", 1.25), ("150%", 1.5), ("200%", 2.0))
SCREEN_DPI = 96
PRINT_DPI_MAX = 300       # enough for text; a 1200 dpi A4 page would need 550 MB


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UserError(f"Không đọc được tệp PDF của báo cáo ({exc}).") from exc


def page_image(page: pdfium.PdfPage, scale: float) -> QImage:
    """One page at ``scale`` (1 = 72 dpi) as an RGB image that owns its pixels."""
    bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGBX8888)
    return image.copy()


def page_count(data: bytes) -> int:
    pdf = open_pdf(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint every page of ``data`` onto ``printer``, each page filling the
    paper as in the PDF; returns the number of pages printed."""
    pdf = open_pdf(data)
    try:
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError("Không mở được máy in. Hãy kiểm tra máy in rồi thử lại.")
        try:
            dpi = min(printer.resolution(), PRINT_DPI_MAX)
            for i in range(len(pdf)):
                if i:
                    printer.newPage()
                page = pdf[i]
                image = page_image(page, dpi / 72)
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
                page.close()
            return len(pdf)
        finally:
            painter.end()
    finally:
        pdf.close()


class PdfView(QWidget):
    """Shows the pages of one PDF, or a message when there is none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._data: bytes | None = None
        self._pages = 0      # the document is opened only while drawing: nothing left open
        self.pages_label = QLabel()
        self.zoom = QComboBox()
        for text, value in ZOOMS:
            self.zoom.addItem(text, value)
        self.zoom.setToolTip("Thu phóng trang")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.holder = QWidget()
        self.holder.setStyleSheet("background: #8a8f96;")
        self.column = QVBoxLayout(self.holder)
        self.column.setSpacing(12)
        self.column.setContentsMargins(12, 12, 12, 12)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.holder)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.labels: list[QLabel] = []
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(120)
        self._resize_timer.timeout.connect(self._render)
        self._scroll_to = 0.0
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(0)
        self._scroll_timer.timeout.connect(self._restore_scroll)

        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        zoom_label = QLabel("Thu phóng:")
        zoom_label.setBuddy(self.zoom)
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.message)
        lay.addWidget(self.scroll, 1)
        self.zoom.currentIndexChanged.connect(self._render)
        self.show_message("Chưa có trang xem trước.")

    # --- content ---------------------------------------------------------
    def data(self) -> bytes | None:
        return self._data

    def page_count(self) -> int:
        return self._pages

    def set_pdf(self, data: bytes) -> None:
        n = page_count(data)
        if data != self._data:
            self.scroll.verticalScrollBar().setValue(0)
        self._data, self._pages = data, n
        self.pages_label.setText(f"{n} trang")
        self.message.hide()
        self.scroll.show()
        self._render()

    def show_message(self, text: str) -> None:
        """No pages: say why (no unit set up, a period in the future, …)."""
        self._data, self._pages = None, 0
        self._clear_labels()
        self.pages_label.setText("")
        self.message.setText(text)
        self.message.show()
        self.scroll.hide()

    def _clear_labels(self) -> None:
        for label in self.labels:
            self.column.removeWidget(label)
            label.deleteLater()
        self.labels = []

    # --- drawing ---------------------------------------------------------
    def _scale_for(self, page: pdfium.PdfPage) -> float:
        zoom = self.zoom.currentData()
        if zoom == FIT_WIDTH:
            bar = self.scroll.verticalScrollBar()
            room = self.scroll.width() - 2 * self.scroll.frameWidth() - 24 - 2
            room -= bar.sizeHint().width()      # pages are long: the bar will be there
            width_pt = page.get_width()
            return max(0.2, room / width_pt) if width_pt else 1.0
        return zoom * SCREEN_DPI / 72

    def _render(self) -> None:
        if self._data is None:
            return
        bar = self.scroll.verticalScrollBar()
        where = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._clear_labels()
        ratio = self.devicePixelRatioF() or 1.0
        pdf = open_pdf(self._data)
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                image = page_image(page, self._scale_for(page) * ratio)
                page.close()
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                label = QLabel()
                label.setPixmap(pixmap)
                label.setStyleSheet("background: white;")
                label.setToolTip(f"Trang {i + 1}")
                self.column.addWidget(label)
                self.labels.append(label)
        finally:
            pdf.close()
        self.holder.adjustSize()
        self._scroll_to = where             # once the new pages are laid out
        self._scroll_timer.start()

    def _restore_scroll(self) -> None:
        bar = self.scroll.verticalScrollBar()
        bar.setValue(round(self._scroll_to * bar.maximum()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._data is not None and self.zoom.currentData() == FIT_WIDTH:
            self._resize_timer.start()
