"""What the search matched, marked: in a list's text cells (a delegate that paints
the matched words bold on a yellow ground, starting the cell near the first
match when it would be cut off) and in HTML for the detail pane.

Where a query matches is decided below the window (domain/search_query.py);
this module only draws it. The mark's colours are explicit, text and ground, so
they read the same in a light or a dark theme."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from tgdesk.domain.search_query import SearchQuery, match_ranges, snippet_start

MARK_BACKGROUND = "#ffe066"
MARK_TEXT = "#1a1a1a"
ELLIPSIS = "…"


def marked_html(text: str, query: SearchQuery | None) -> str:
    """``text`` as HTML (escaped, line breaks kept) with what ``query`` matched
    in ``<span class="mark">`` styled bold on the mark's ground."""
    ranges = match_ranges(text, query) if query else []
    out, at = [], 0
    for start, end in ranges:
        out.append(html.escape(text[at:start]))
        out.append(f'<span style="background-color:{MARK_BACKGROUND}; color:{MARK_TEXT}; '
                   f'font-weight:bold">{html.escape(text[start:end])}</span>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


def shown_part(text: str, ranges: list[tuple[int, int]], fits: Callable[[str], bool]
               ) -> tuple[str, list[tuple[int, int]]]:
    """The text a narrow cell shows: all of it when the first match (with the
    marked words right after it) fits (``fits(prefix)``), else from shortly before that match (less context
    the narrower the cell), after "…"."""
    if not ranges:
        return text, ranges
    start, end = ranges[0]
    for s, e in ranges[1:]:        # words marked side by side are seen together
        if s - end > 2:
            break
        end = e
    if fits(text[:end]):
        return text, ranges
    for context in (24, 12, 6, 0):
        cut = snippet_start(text, start, context)
        if fits(ELLIPSIS + text[cut:end]):
            break
    shift = cut - len(ELLIPSIS)
    return ELLIPSIS + text[cut:], [(s - shift, e - shift) for s, e in ranges if e > cut]


class MatchDelegate(QStyledItemDelegate):
    """Paints a text cell with the words the list's search matched marked; a
    cell with no match is painted as usual. ``query`` gives the current search."""

    def __init__(self, query: Callable[[], SearchQuery], parent=None):
        super().__init__(parent)
        self._query = query

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        query = self._query()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        ranges = match_ranges(opt.text, query) if query else []
        if not ranges:
            super().paint(painter, option, index)
            return
        text = opt.text
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(margin, 0, -margin, 0)
        plain, bold = QFont(opt.font), QFont(opt.font)
        bold.setBold(True)
        metrics = (QFontMetrics(plain), QFontMetrics(bold))
        text, ranges = shown_part(text, ranges,
                                  lambda s: metrics[1].horizontalAdvance(s) <= rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        painter.save()
        painter.setClipRect(rect)
        x = rect.left()
        for piece, marked in _pieces(text, ranges):
            fm = metrics[marked]
            room = rect.right() + 1 - x
            if room <= 0:
                break
            cut_off = fm.horizontalAdvance(piece) > room
            if cut_off:
                piece = fm.elidedText(piece, Qt.TextElideMode.ElideRight, room)
            width = fm.horizontalAdvance(piece)
            box = QRect(x, rect.top(), width, rect.height())
            painter.setFont(bold if marked else plain)
            if marked:
                painter.fillRect(box.adjusted(0, 3, 0, -3), QColor(MARK_BACKGROUND))
                painter.setPen(QColor(MARK_TEXT))
            else:
                painter.setPen(colour)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             piece)
            if cut_off:
                break
            x += width
        painter.restore()


def _pieces(text: str, ranges: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    out, at = [], 0
    for start, end in ranges:
        if start > at:
            out.append((text[at:start], False))
        out.append((text[max(start, at):end], True))
        at = end
    if at < len(text):
        out.append((text[at:], False))
    return [(piece, marked) for piece, marked in out if piece]
