"""Choosing an Excel file to read or write, and its default name: the file dialogs
of the catalogue tabs and the record lists (tests replace ``choose_open_path`` /
``choose_save_path`` in the module that calls them)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from tgdesk.domain.text import fold

XLSX_FILTER = "Tệp Excel (*.xlsx);;Mọi tệp (*)"


def choose_open_path(parent: QWidget | None, title: str, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, XLSX_FILTER)
    return path or None


def choose_save_path(parent: QWidget | None, title: str, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, XLSX_FILTER)
    return path or None


def file_stem(text: str) -> str:
    """"Danh mục chi bộ" -> "danh_muc_chi_bo" (a file name safe everywhere)."""
    return "_".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


def xlsx_path(path: str | Path) -> Path:
    """``path`` with the .xlsx suffix the officer may not have typed."""
    p = Path(path)
    return p if p.suffix.lower() == ".xlsx" else p.with_name(p.name + ".xlsx")
