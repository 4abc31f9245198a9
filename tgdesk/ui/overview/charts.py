"""Small month charts drawn with QPainter: stacked bars, with an optional line
on a percentage axis at the right.

Why not QtCharts: it is deprecated since Qt 6.10 (Qt's own documentation says
to use Qt Graphs), it would add pyside6-addons (about 60 MB) to every
installer, and Qt Graphs draws through Qt Quick and the GPU, which old office
PCs and the offscreen test platform do not reliably have. The overview needs
three plain charts of 12 bars; a painter does that in a page of code that the
tests can render and click.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from tgdesk import vnformat as vf

# Distinct, print-friendly colours (Okabe–Ito and Tableau), then grey for "Khác".
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8c6d31",
           "#7f7f7f")
OTHER_COLOR = "#b0b0b0"
LINE_COLOR = "#b3261e"


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]
    color: str


def nice_ceiling(value: float) -> tuple[float, float]:
    """(top of the axis, tick step) for values up to ``value``: 1, 2 or 5 × 10^k."""
    if value <= 0:
        return 4.0, 1.0
    raw = value / 4
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m == 2.5 and mag < 10:
            continue
        step = m * mag
        if step >= raw:
            break
    step = max(step, 1.0)
    return step * math.ceil(value / step), step


class MonthChart(QWidget):
    """Stacked bars per month (``bars``), and optionally one line (``line``) of
    ratios 0–1 drawn against a 0–100 % axis at the right. Clicking a bar emits
    ``bar_clicked(month index, series name or "")``."""

    bar_clicked = Signal(int, str)

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.bars: list[Series] = []
        self.line: Series | None = None
        self.unit = ""                       # e.g. "lượt"
        self.setMinimumSize(360, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._columns: list[tuple[QRectF, list[tuple[QRectF, str]]]] = []

    def sizeHint(self) -> QSize:
        return QSize(620, 320)

    def set_data(self, labels: list[str], bars: list[Series], line: Series | None = None,
                 unit: str = "") -> None:
        self.labels, self.bars, self.line, self.unit = list(labels), list(bars), line, unit
        self.update()

    def totals(self) -> list[float]:
        return [sum((s.values[i] or 0) for s in self.bars) for i in range(len(self.labels))]

    # --- geometry ------------------------------------------------------------------
    def _legend_items(self) -> list[tuple[str, str, bool]]:
        items = [(s.name, s.color, False) for s in self.bars]
        if self.line is not None:
            items.append((self.line.name, self.line.color, True))
        return items

    def _legend_rows(self, fm: QFontMetrics, width: float) -> list[list[tuple[str, str, bool]]]:
        rows: list[list[tuple[str, str, bool]]] = [[]]
        x = 0.0
        for item in self._legend_items():
            w = 18 + fm.horizontalAdvance(item[0]) + 14
            if rows[-1] and x + w > width:
                rows.append([])
                x = 0.0
            rows[-1].append(item)
            x += w
        return rows if rows[0] else []

    # --- painting --------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        fm = p.fontMetrics()
        line_h = fm.height()
        margin = 8
        width = self.width() - 2 * margin
        y = margin
        title_font = p.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(QColor("#202124"))
        p.drawText(QRectF(margin, y, width, line_h + 2),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        title_font.setBold(False)
        p.setFont(title_font)
        y += line_h + 6
        for row in self._legend_rows(fm, width):
            x = float(margin)
            for name, color, is_line in row:
                mid = y + line_h / 2
                if is_line:
                    p.setPen(QPen(QColor(color), 2))
                    p.drawLine(QPointF(x, mid), QPointF(x + 12, mid))
                else:
                    p.fillRect(QRectF(x, mid - 5, 12, 10), QColor(color))
                p.setPen(QColor("#202124"))
                p.drawText(QPointF(x + 18, y + fm.ascent()), name)
                x += 18 + fm.horizontalAdvance(name) + 14
            y += line_h + 2
        y += 4
        n = len(self.labels)
        top, step = nice_ceiling(max(self.totals(), default=0))
        left_w = fm.horizontalAdvance(vf.number(int(top))) + 10
        right_w = fm.horizontalAdvance("100 %") + 10 if self.line is not None else 6
        plot = QRectF(margin + left_w, y + line_h / 2, width - left_w - right_w,
                      self.height() - y - line_h / 2 - margin - line_h - 6)
        self._columns = []
        if n == 0 or plot.height() < 20 or plot.width() < 20:
            p.end()
            return
        # grid and left axis
        ticks = int(round(top / step))
        for i in range(ticks + 1):
            gy = plot.bottom() - plot.height() * i / ticks
            p.setPen(QPen(QColor("#e0e0e0"), 1))
            p.drawLine(QPointF(plot.left(), gy), QPointF(plot.right(), gy))
            p.setPen(QColor("#5f6368"))
            p.drawText(QRectF(margin, gy - line_h / 2, left_w - 6, line_h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       vf.number(int(step * i)))
            if self.line is not None:
                p.drawText(QRectF(plot.right() + 4, gy - line_h / 2, right_w - 4, line_h),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           f"{round(100 * i / ticks)} %")
        # bars
        slot = plot.width() / n
        bar_w = max(4.0, slot * 0.62)
        for i in range(n):
            x = plot.left() + slot * i + (slot - bar_w) / 2
            base = plot.bottom()
            parts = []
            for s in self.bars:
                v = s.values[i] or 0
                if v <= 0:
                    continue
                h = plot.height() * v / top
                rect = QRectF(x, base - h, bar_w, h)
                p.fillRect(rect, QColor(s.color))
                parts.append((rect, s.name))
                base -= h
            self._columns.append((QRectF(plot.left() + slot * i, plot.top(), slot,
                                         plot.height()), parts))
        # the line (ratios 0–1 against the right axis)
        if self.line is not None:
            path = QPainterPath()
            started = False
            p.setPen(QPen(QColor(self.line.color), 2))
            for i, v in enumerate(self.line.values):
                if v is None:
                    started = False
                    continue
                pt = QPointF(plot.left() + slot * (i + 0.5), plot.bottom() - plot.height() * v)
                if started:
                    path.lineTo(pt)
                else:
                    path.moveTo(pt)
                    started = True
                p.drawEllipse(pt, 2.5, 2.5)
            p.drawPath(path)
        # month labels: every k-th when they do not fit
        label_w = max(fm.horizontalAdvance(t) for t in self.labels) + 6
        every = max(1, math.ceil(label_w / slot))
        p.setPen(QColor("#3c4043"))
        for i, text in enumerate(self.labels):
            if (n - 1 - i) % every:
                continue
            cx = plot.left() + slot * (i + 0.5)
            p.drawText(QRectF(cx - label_w / 2, plot.bottom() + 4, label_w, line_h),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        p.setPen(QPen(QColor("#9aa0a6"), 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.end()

    # --- interaction -------------------------------------------------------------------
    def hit(self, pos: QPointF) -> tuple[int, str] | None:
        """(month index, series name or "") under ``pos``, from the last painting."""
        for i, (column, parts) in enumerate(self._columns):
            if column.contains(pos):
                for rect, name in parts:
                    if rect.contains(pos):
                        return i, name
                return i, ""
        return None

    def bar_center(self, index: int) -> QPointF:
        """The centre of a month's stack (for tests and keyboard users)."""
        column, parts = self._columns[index]
        if parts:
            return QRectF(parts[0][0]).united(parts[-1][0]).center()
        return column.center()

    def segment_center(self, index: int, name: str) -> QPointF | None:
        """The centre of one series' part of a month's stack, if it is drawn."""
        for rect, part in self._columns[index][1]:
            if part == name:
                return rect.center()
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position())
        if found is None:
            self.setToolTip("")
            self.unsetCursor()
            return
        i, name = found
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        lines = [f"{self.labels[i]}: {vf.number(int(self.totals()[i]))} {self.unit}".rstrip()]
        for s in self.bars:
            if s.values[i]:
                mark = "▶ " if s.name == name else ""
                lines.append(f"{mark}{s.name}: {vf.number(int(s.values[i]))}")
        if self.line is not None:
            lines.append(f"{self.line.name}: {vf.percent(self.line.values[i])}")
        self.setToolTip("\n".join(lines))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.hit(event.position())
            if found is not None:
                self.bar_clicked.emit(*found)
