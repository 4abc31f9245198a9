"""A list's first page (``ranked_ids(..., limit=n)``) is exactly the head of the
whole list, in every sort and in a ranked search, and ids come back in one
fetch: never one ``fetchone`` per id."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event
from sqlalchemy.engine.default import DefaultExecutionContext

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.records import Area, Meeting, OpinionCategory, OpinionNote
from tgdesk.services import lists
from tgdesk.services.kinds import AREAS, CATEGORIES, MEETINGS, OPINIONS
from tgdesk.store import queries

TEXTS = ["Tranh chấp đất đai ở khu phố {i}",              # the phrase
         "Đất ở khu phố {i} bị lấn chiếm, giải quyết kéo dài",   # the words apart
         "Đường khu phố {i} xuống cấp",                   # neither
         "Hồ sơ ĐẤT ĐAI khu phố {i} bị trả lại"]         # the phrase, in capitals
CONCERNS = ["thap", "trung_binh", "cao", "diem_nong"]
FOLLOW_UPS = ["moi", "dang_xu_ly", "da_giai_quyet"]


@pytest.fixture
def notes(ctx) -> int:
    """26 notes over 9 days (several on one day), two categories, three areas
    (one note without), every concern and follow-up; returns how many."""
    cats = [CATEGORIES.create(ctx, OpinionCategory(name=n)).id for n in ("Đất đai", "An ninh")]
    areas = [AREAS.create(ctx, Area(name=f"Khu phố {c}")).id for c in "CAB"]
    n = 26
    for i in range(n):
        OPINIONS.create(ctx, OpinionNote(
            noted_on=date(2026, 11, 1 + i % 9), category_id=cats[i % 2],
            area_id=None if i % 7 == 0 else areas[i % 3],
            summary=TEXTS[i % 4].format(i=i), concern=CONCERNS[i % 4],
            follow_up=FOLLOW_UPS[i % 3],
            due_on=date(2026, 12, 1 + i % 5) if i % 2 else None))
    return n


def head_and_whole(ctx, kind: str, flt: ListFilter, limits) -> None:
    whole, phrase = lists.ranked_ids(ctx, kind, flt)
    for limit in limits:
        ids, lead = lists.ranked_ids(ctx, kind, flt, limit=limit)
        assert ids == whole[:limit], (flt, limit)
        assert lead == (None if phrase is None else min(limit, phrase)), (flt, limit)


@pytest.mark.parametrize("descending", [True, False])
def test_first_page_is_the_head_of_the_list_in_every_sort(ctx, notes, descending):
    for key in [None, *lists.sort_keys("opinions")]:
        flt = ListFilter(sort=key, descending=descending)
        head_and_whole(ctx, "opinions", flt, [1, 3, 10, notes - 1, notes, notes + 5])
        head_and_whole(ctx, "opinions", ListFilter(sort=key, descending=descending,
                                                   search="khu pho"), [1, 4, 30])


@pytest.mark.parametrize("search", ["dat dai", "đất đai", "DAT   dai,", "khu pho"])
def test_first_page_of_a_ranked_search_keeps_the_phrase_matches_first(ctx, notes, search):
    whole, phrase = lists.ranked_ids(ctx, "opinions", ListFilter(search=search))
    assert phrase is not None and 0 < phrase <= len(whole)
    head_and_whole(ctx, "opinions", ListFilter(search=search), range(1, len(whole) + 3))
    head_and_whole(ctx, "opinions", ListFilter(search=search, concern="cao"), [1, 2, 5])


def test_dat_dai_puts_the_phrase_before_the_words_apart_on_every_page(ctx, notes):
    whole, phrase = lists.ranked_ids(ctx, "opinions", ListFilter(search="dat dai"))
    rows = {r["id"]: r["summary"] for r in lists.rows(ctx, "opinions", whole)}
    apart = [i for i in whole if "lấn chiếm" in rows[i]]
    assert whole[phrase:] == apart and phrase == len(whole) - len(apart) > 0
    ids, lead = lists.ranked_ids(ctx, "opinions", ListFilter(search="dat dai"),
                                 limit=phrase + 2)
    assert ids[phrase:] == apart[:2] and lead == phrase


def test_first_page_of_meetings_in_every_sort(ctx):
    for day, title in [(3, "Giao ban"), (3, "Sơ kết"), (1, "Hội nghị"), (9, "Ăn mừng"),
                       (5, "Giao ban")]:
        MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, day), title=title))
    for key in [None, *lists.sort_keys("meetings")]:
        for descending in (True, False):
            head_and_whole(ctx, "meetings", ListFilter(sort=key, descending=descending),
                           [1, 2, 4, 6])


class CountingCursor:
    """The driver's cursor, counting how rows are taken from it."""

    def __init__(self, cursor, seen: dict[str, int]):
        self._cursor = cursor
        self._seen = seen

    def __getattr__(self, name):
        if name in ("fetchone", "fetchmany", "fetchall"):
            self._seen[name] += 1
        return getattr(self._cursor, name)

    def __iter__(self):
        self._seen["iterated"] += 1
        return iter(self._cursor)


@pytest.fixture
def fetches(ctx, monkeypatch):
    """What the database is asked: SELECT statements run, and how rows are taken
    from the driver's cursors: one at a time (fetchone), in batches, all at once."""
    seen = {"select": 0, "fetchone": 0, "fetchmany": 0, "fetchall": 0, "iterated": 0}
    real = DefaultExecutionContext.create_default_cursor
    monkeypatch.setattr(DefaultExecutionContext, "create_default_cursor",
                        lambda self: CountingCursor(real(self), seen))

    def before(conn, cur, statement, *args):
        if statement.lstrip().upper().startswith("SELECT"):
            seen["select"] += 1
    event.listen(ctx.engine, "before_cursor_execute", before)
    yield seen
    event.remove(ctx.engine, "before_cursor_execute", before)


@pytest.mark.parametrize("flt", [
    ListFilter(),
    ListFilter(sort="category", descending=False),
    ListFilter(search="khu pho"),               # ranked: one query, the rank a column
])
def test_every_id_comes_in_one_statement_and_one_fetch(ctx, notes, fetches, flt):
    with ctx.reading() as session:
        ids, _phrase = queries.ranked_ids(session, "opinions", flt)
    assert len(ids) == notes
    assert fetches["select"] == 1
    assert fetches["fetchall"] == 1
    assert fetches["fetchone"] == fetches["fetchmany"] == fetches["iterated"] == 0


def test_a_ranked_first_page_takes_at_most_two_statements(ctx, notes, fetches):
    with ctx.reading() as session:
        ids, lead = queries.ranked_ids(session, "opinions", ListFilter(search="dat dai"),
                                       limit=notes)
    assert lead is not None and len(ids) > lead
    assert fetches["select"] == fetches["fetchall"] == 2    # the phrase matches, the rest
    assert fetches["fetchone"] == fetches["fetchmany"] == fetches["iterated"] == 0
