"""Lists of records for the window and the command line."""

from __future__ import annotations

from collections.abc import Sequence

from tgdesk.domain.filters import ListFilter
from tgdesk.store import queries

from .context import Context

__all__ = ["ListFilter", "record_ids", "ranked_ids", "rows", "count", "catalogue", "sort_keys",
           "recent_themes"]


def record_ids(ctx: Context, kind: str, flt: ListFilter = ListFilter()) -> list[int]:
    """Ids of the records matching ``flt`` (every filter, the search and the sort)."""
    with ctx.reading() as session:
        return queries.record_ids(session, kind, flt, today=ctx.today())


def ranked_ids(ctx: Context, kind: str, flt: ListFilter = ListFilter(),
               limit: int | None = None) -> tuple[list[int], int | None]:
    """The ids as ``record_ids`` gives them, and how many at the head hold the
    searched words together (as a phrase); None when the order is not ranked
    (one word, quotes, or a column sort). See store/search.py. ``limit``: only
    the first ``limit`` ids (a list's first page), the phrase count among them."""
    with ctx.reading() as session:
        return queries.ranked_ids(session, kind, flt, today=ctx.today(), limit=limit)


def rows(ctx: Context, kind: str, ids: Sequence[int]) -> list[dict]:
    if not ids:
        return []
    with ctx.reading() as session:
        return queries.ROWS[kind](session, list(ids))


def count(ctx: Context, kind: str, flt: ListFilter = ListFilter()) -> int:
    with ctx.reading() as session:
        return queries.count(session, kind, flt, today=ctx.today())


def catalogue(ctx: Context, kind: str, include_inactive: bool = True) -> list[dict]:
    with ctx.reading() as session:
        return queries.catalogue_rows(session, kind, include_inactive)


def recent_themes(ctx: Context) -> list[tuple[str, int]]:
    """The yearly themes of the Chỉ thị 05 models, newest first, with the year each
    was last used (the model form's suggestions)."""
    from tgdesk.store.activity_queries import recent_themes as read

    with ctx.reading() as session:
        return read(session)


def sort_keys(kind: str) -> list[str]:
    """The column keys a list of ``kind`` can be sorted by (ListFilter.sort)."""
    return queries.sort_keys(kind)
