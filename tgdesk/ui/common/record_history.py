"""A record's “Lịch sử thay đổi…”: the record lists ask here, the audit area
answers (ui/audit/history_dialog.py). The areas do not import each other, so
``tgdesk/ui/__init__.py`` lends the dialog with :func:`set_history_opener`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from tgdesk.services.context import Context

# (ctx, record uuid, what the record is, parent) -> the dialog, shown
HistoryOpener = Callable[[Context, str, str, QWidget | None], QDialog]

_opener: HistoryOpener | None = None


def set_history_opener(opener: HistoryOpener) -> None:
    global _opener
    _opener = opener


def open_history(ctx: Context, record_uuid: str, what: str,
                 parent: QWidget | None = None) -> QDialog | None:
    """Show the record's history; None when no area lends the dialog."""
    return _opener(ctx, record_uuid, what, parent) if _opener is not None else None
