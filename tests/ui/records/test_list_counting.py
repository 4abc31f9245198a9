"""Lists paint before they count: the first page shows at once, every id and the
total follow from a background task; a newer filter drops an older count, and
what needs the rest (scrolling, finding a record, printing) gets it at once."""

from __future__ import annotations

import threading

import pytest
from record_lists import meetings_page

from tgdesk.domain.filters import ListFilter
from tgdesk.services import lists
from tgdesk.ui.records import record_model
from tgdesk.ui.records.record_model import RecordModel
from tgdesk.ui.records.record_print import print_document

pytestmark = pytest.mark.gui


class HeldCounts:
    """``lists.ranked_ids`` with the counts (the calls without a limit, made on a
    pool thread) held until ``release(search)``: the first page comes back, the
    count waits, so a test sees the list between the two."""

    def __init__(self, monkeypatch):
        self.real = lists.ranked_ids
        self.events: dict[tuple[str, str | None], threading.Event] = {}
        self.entered: list[str | None] = []       # counts that began querying
        self.counted: list[str | None] = []       # counts that returned, in order
        monkeypatch.setattr(lists, "ranked_ids", self)

    def event(self, what: str, search: str | None) -> threading.Event:
        return self.events.setdefault((what, search), threading.Event())

    def __call__(self, ctx, kind, flt=ListFilter(), limit=None):
        if limit is None and threading.current_thread() is not threading.main_thread():
            self.entered.append(flt.search)
            self.event("started", flt.search).set()
            assert self.event("gate", flt.search).wait(30), "count held too long"
            result = self.real(ctx, kind, flt)
            self.counted.append(flt.search)
            return result
        return self.real(ctx, kind, flt, limit)

    def release(self, search: str | None) -> None:
        self.event("gate", search).set()


@pytest.fixture
def held(monkeypatch):
    counts = HeldCounts(monkeypatch)
    yield counts
    for event in list(counts.events.values()):     # nothing left waiting at teardown
        event.set()


def test_first_page_shows_before_the_total_is_known(ctx, qtbot, make_meetings, held,
                                                    monkeypatch):
    monkeypatch.setattr(record_model, "COUNT_DELAY_MS", 60_000)   # only the paint starts it
    ids = make_meetings(ctx, 250)
    page = meetings_page(qtbot, ctx)        # loads on opening
    model = page.model
    assert model.count_waiting() and held.entered == []
    qtbot.waitUntil(lambda: held.entered == [None])     # the first page painted: counting
    assert model.rowCount() == model.page_size == 100
    assert not model.is_counted() and model.total() == 100
    assert model.canFetchMore()
    assert page.footer.text() == "Hơn 100 hội nghị (đang hiện 100, đang đếm…)"
    with qtbot.waitSignal(model.counted):
        held.release(None)
    assert model.is_counted() and model.total() == 250
    assert model.rowCount() == 100          # the rows come as the view scrolls
    assert page.footer.text() == "250 hội nghị (đang hiện 100)"
    assert model.all_ids() == lists.record_ids(ctx, "meetings")
    assert set(model.all_ids()) == set(ids)


def test_a_stale_count_after_a_new_filter_is_dropped(ctx, qtbot, make_meetings, held):
    make_meetings(ctx, 250)
    model = RecordModel(ctx, "meetings")
    model.load()                             # count of everything: held
    model.start_count()                      # (a page starts it once painted)
    assert held.event("started", None).wait(10)
    model.load(ListFilter(search="giao ban"))   # every meeting too, in another count
    head = [model.id_at(r) for r in range(model.rowCount())]
    seen = []
    model.counted.connect(lambda: seen.append(model.total()))
    held.release(None)                       # the old count returns first …
    qtbot.waitUntil(lambda: held.counted == [None])
    qtbot.wait(50)                           # … and its result is delivered, then dropped
    assert seen == [] and not model.is_counted()
    assert [model.id_at(r) for r in range(model.rowCount())] == head
    with qtbot.waitSignal(model.counted):
        held.release("giao ban")
    assert seen == [250] and model.filter.search == "giao ban"


def test_a_count_not_started_when_the_filter_changes_is_skipped(ctx, qtbot, make_meetings,
                                                               held):
    from PySide6.QtCore import QThreadPool
    make_meetings(ctx, 250)
    model = RecordModel(ctx, "meetings")
    pool = QThreadPool.globalInstance()
    free = threading.Event()
    for _ in range(pool.maxThreadCount()):   # the counts queue behind this work
        pool.start(lambda: free.wait(10))
    model.load()
    model.load(ListFilter(search="giao"))
    held.release("giao")
    with qtbot.waitSignal(model.counted):
        free.set()
    assert pool.waitForDone(10000)
    assert held.counted == ["giao"]
    assert held.entered == ["giao"]          # the stale count never queried


def test_finding_a_record_beyond_the_first_page_before_the_count(ctx, qtbot, make_meetings):
    ids = make_meetings(ctx, 250)
    page = meetings_page(qtbot, ctx)         # not painted yet: the count waits
    oldest = lists.record_ids(ctx, "meetings")[-1]
    assert oldest in ids and not page.model.is_counted()
    assert page.select_id(oldest)            # after a save or an undo: found, not lost
    assert page.selected_id() == oldest
    assert page.model.rowCount() == 250 and page.model.is_counted()


def test_scrolling_past_the_first_page_before_the_count(ctx, qtbot, make_meetings, held):
    make_meetings(ctx, 250)
    model = RecordModel(ctx, "meetings")
    model.load()
    model.fetchMore()                        # the count had not begun: fetched here
    assert model.rowCount() == 200 and model.is_counted()
    assert [model.id_at(r) for r in range(200)] == lists.record_ids(ctx, "meetings")[:200]
    assert held.entered == []


def test_scrolling_while_the_count_runs_waits_for_it(ctx, qtbot, make_meetings, held):
    make_meetings(ctx, 250)
    model = RecordModel(ctx, "meetings")
    model.load()
    model.start_count()
    assert held.event("started", None).wait(10)
    threading.Timer(0.2, held.release, [None]).start()
    model.fetchMore()                        # waits for the running count …
    assert model.rowCount() == 200 and model.is_counted() and model.total() == 250
    assert held.entered == [None]            # … instead of asking a second time


def test_printing_before_the_count_prints_every_record(ctx, qtbot, make_meetings):
    make_meetings(ctx, 150)
    page = meetings_page(qtbot, ctx)
    assert not page.model.is_counted()
    text = print_document(ctx, "Hội nghị", page.model).toPlainText()
    assert "150 bản ghi" in text and text.count("Giao ban số ") == 150


def test_a_small_list_is_counted_with_its_first_page(ctx, qtbot, make_meetings, held):
    make_meetings(ctx, 100)                  # exactly one page: nothing left to count
    model = RecordModel(ctx, "meetings")
    model.load()
    assert model.is_counted() and model.total() == 100 and not model.canFetchMore()
    assert held.entered == []


@pytest.fixture
def land_notes(ctx, catalogue):
    """12 notes holding “đất đai” (the newest of all), then 8 with the words apart."""
    from datetime import date

    from tgdesk.domain.records import OpinionNote
    from tgdesk.services.kinds import OPINIONS
    for i in range(20):
        summary = (f"Tranh chấp đất đai số {i}" if i >= 8
                   else f"Đất ở tổ {i} bị lấn chiếm, kéo dài")
        OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 10, 1 + i),
                                         category_id=catalogue["category"], summary=summary))


@pytest.mark.parametrize("page_size, before", [(10, None), (15, 12)])
def test_the_phrase_count_shows_when_known(ctx, qtbot, land_notes, page_size, before):
    """Ranked, the phrase matches lead: their number is known from the first page
    when a record without the phrase is on it, else once everything is counted."""
    model = RecordModel(ctx, "opinions", page_size=page_size)
    model.load(ListFilter(search="dat dai"))
    assert model.rowCount() == page_size and not model.is_counted()
    assert model.phrase_count == before
    with qtbot.waitSignal(model.counted):
        model.start_count()
    assert model.phrase_count == 12 and model.total() == 20
    assert model.all_ids() == lists.record_ids(ctx, "opinions", ListFilter(search="dat dai"))
