"""What a list asks for: a date range, live records or the trash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ListFilter:
    date_from: date | None = None
    date_to: date | None = None
    deleted: bool = False          # True: the trash (deleted rows only)
    search: str | None = None      # words typed in the search box (see store/search.py)
