"""The heading at the top of every page (a larger, bold label)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label
