"""Lists of records for the window and the command line."""

from __future__ import annotations

from collections.abc import Sequence

from tgdesk.domain.filters import ListFilter
from tgdesk.store import queries

from .context import Context

__all__ = ["ListFilter", "record_ids", "rows", "count", "catalogue"]


def record_ids(ctx: Context, kind: str, flt: ListFilter = ListFilter()) -> list[int]:
    with ctx.reading() as session:
        return queries.record_ids(session, kind, flt)


def rows(ctx: Context, kind: str, ids: Sequence[int]) -> list[dict]:
    if not ids:
        return []
    with ctx.reading() as session:
        return queries.ROWS[kind](session, list(ids))


def count(ctx: Context, kind: str, flt: ListFilter = ListFilter()) -> int:
    with ctx.reading() as session:
        return queries.count(session, kind, flt)


def catalogue(ctx: Context, kind: str, include_inactive: bool = True) -> list[dict]:
    with ctx.reading() as session:
        return queries.catalogue_rows(session, kind, include_inactive)
