"""Benchmark of the lists at scale (run by hand, prints figures, asserts nothing):

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_lists.py [--db FILE]

Builds (or reuses, with ``--db``; it may be upgraded, so pass a copy) a database
of ``demo --years 5 --scale 20`` (about 100,000 opinion notes and 24,000 study
sessions), then measures in one run, each line as a ratio against its anchor:

- opening the opinions list: first page painted (from the page switch to the
  painted rows) against raw stdlib ``sqlite3`` fetching that first page (LIMIT);
  and all ids counted (the background task done) against raw sqlite3 fetching
  every matching id in order;
- a search's first page and count, typed without diacritics ("dat dai") and with
  them ("đất đai"), the same way; beside the FTS5 first page, the same page
  ranked (phrase matches first) in one raw query;
- scrolling to the end (fetchMore until done, last row painted);
- opening the lists of issue 15 (propaganda activities, the online team's entries,
  the exemplary models) the same way, each against raw sqlite3 fetching its first
  page with the same joins;
- the floor of painting: a bare QTableView given the raw first page, built and
  painted at the list's size (the first page's time against it: what tgdesk adds
  to what Qt costs);
- where a first page's time goes: queries, model, paint;
- the peak memory of this process (ru_maxrss).

Start to first painted window and its memory: bench/bench_startup.py. Each step
runs REPEAT times (a count left running is waited for between runs); the tables
show medians and the run counts.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPEAT = 5
YEARS, SCALE = 5, 20
PAGE = 100
SEARCHES = ("dat dai", "đất đai")

# The same first page as the opinions list: its columns, newest first, 100 rows.
RAW_PAGE = """
SELECT o.id, o.uuid, o.noted_on, o.area_id, a.name, o.reporter_id, p.full_name,
       o.category_id, k.name, o.source, o.summary, o.attitude, o.concern, o.proposal,
       o.follow_up, o.passed_to, o.due_on, o.classification, o.deleted, o.created_at,
       o.updated_at
FROM opinion_note o
LEFT JOIN area a ON a.id = o.area_id
LEFT JOIN person p ON p.id = o.reporter_id
JOIN opinion_category k ON k.id = o.category_id
WHERE o.deleted = 0 AND o.origin_unit_id IS NULL {search}
ORDER BY o.noted_on DESC, o.id DESC
LIMIT {page}
"""
RAW_SEARCH = "AND o.id IN (SELECT rowid FROM opinion_note_fts WHERE opinion_note_fts MATCH ?)"
# The same page ranked as a search of several words is: the notes holding the
# words together (the phrase) first, then the others, each newest first.
RAW_PAGE_RANKED = RAW_PAGE.format(
    search="AND o.id IN (SELECT rowid FROM opinion_note_fts WHERE opinion_note_fts MATCH ?)",
    page="{page}").replace(
    "ORDER BY o.noted_on DESC",
    "ORDER BY CASE WHEN o.id IN (SELECT rowid FROM opinion_note_fts "
    "WHERE opinion_note_fts MATCH ?) THEN 0 ELSE 1 END, o.noted_on DESC")
# The first pages of the lists of issue 15 (store/activity_queries.py): page key,
# what the table says, the table, the page's joined names, its date column.
NEW_LISTS = (
    ("propaganda", "propaganda activities", "propaganda_activity",
     "LEFT JOIN campaign k ON k.id = x.campaign_id LEFT JOIN area a ON a.id = x.area_id "
     "LEFT JOIN cell c ON c.id = x.cell_id", "k.name, a.name, c.name", "held_on"),
    ("online", "online-team entries", "online_entry",
     "LEFT JOIN person p ON p.id = x.member_id", "p.full_name", "noted_on"),
    ("models", "exemplary models", "exemplary_model",
     "LEFT JOIN area a ON a.id = x.area_id LEFT JOIN cell c ON c.id = x.cell_id",
     "a.name, c.name", "noted_on"),
)
RAW_NEW_PAGE = """
SELECT x.*, {names} FROM {table} x {joins}
WHERE x.deleted = 0 AND x.origin_unit_id IS NULL
ORDER BY x.{day} DESC, x.id DESC
LIMIT {page}
"""
RAW_NEW_IDS = """
SELECT x.id FROM {table} x WHERE x.deleted = 0 AND x.origin_unit_id IS NULL
ORDER BY x.{day} DESC, x.id DESC
"""
# What the lazy model's design needs at the least: every matching id in order
# (for the total and for scrolling), then the first page's rows.
RAW_IDS = """
SELECT o.id FROM opinion_note o
WHERE o.deleted = 0 AND o.origin_unit_id IS NULL {search}
ORDER BY o.noted_on DESC, o.id DESC
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def timed(fn: Callable[[], object], repeat: int = REPEAT) -> tuple[float, float, object]:
    """(first run, median of the runs, the last result)."""
    runs, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - t0)
    return runs[0], statistics.median(runs), result


def bare_table(rows: list[tuple], size) -> None:
    """A plain QTableView on a QStandardItemModel of ``rows``, shown at ``size`` and
    painted: the anchor of what painting a first page costs in Qt itself."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    view = QTableView()
    view.resize(size)
    model = QStandardItemModel(len(rows), len(rows[0]) if rows else 0)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setItem(r, c, QStandardItem("" if value is None else str(value)))
    view.setModel(model)
    view.show()
    view.viewport().repaint()
    QApplication.processEvents()
    view.close()
    view.deleteLater()


def build(db: Path) -> None:
    from tgdesk.services.context import open_context
    from tgdesk.services.demo import load_demo
    print(f"Building {db} (demo --years {YEARS} --scale {SCALE}) …", flush=True)
    t0 = time.perf_counter()
    ctx = open_context(db)
    summary = load_demo(ctx, years=YEARS, seed=1, scale=SCALE)
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    print(f"  built in {time.perf_counter() - t0:.1f} s: {summary.text()}", flush=True)


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    tables = ("opinion_note", "study_session", "meeting",
              *(table for _key, _what, table, *_rest in NEW_LISTS))
    have = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    out = {t: conn.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0]
           if t in have else 0 for t in tables}
    conn.close()
    return out


class Shares:
    """Where the time of one step goes: the queries the window runs on its own
    thread (ids, rows), the painting (less the row queries it triggers), the rest
    (controls, model reset, footer, remembered state) is the model's."""

    def __init__(self) -> None:
        from tgdesk.services import lists
        self.query = 0.0
        self.paint = 0.0
        for name in ("ranked_ids", "rows"):
            setattr(lists, name, self._timed(getattr(lists, name)))

    def _timed(self, fn):
        main = threading.main_thread()

        def wrapper(*args, **kw):
            if threading.current_thread() is not main:     # the background count
                return fn(*args, **kw)
            t0 = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                self.query += time.perf_counter() - t0
        return wrapper


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Benchmark of the lists at 100,000 records.")
    ap.add_argument("--db", type=Path, help="reuse (or build into) this database file")
    ap.add_argument("--repeat", type=int, default=REPEAT, help=f"runs per step ({REPEAT})")
    args = ap.parse_args(argv)
    repeat = args.repeat
    tmp = Path(tempfile.mkdtemp(prefix="tgdesk-bench-lists-"))
    db = args.db or tmp / "bench.sqlite"
    if not db.exists() or counts(db)["opinion_note"] == 0:
        build(db)
    n = counts(db)
    print(f"Database {db} ({db.stat().st_size / 2**20:.0f} MB): "
          f"{n['opinion_note']:,} opinion notes, {n['study_session']:,} study sessions, "
          f"{n['meeting']:,} meetings, {n['propaganda_activity']:,} propaganda activities, "
          f"{n['online_entry']:,} online-team entries, {n['exemplary_model']:,} models")

    from PySide6.QtCore import QEventLoop, QSettings, QThreadPool
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp / "settings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp / "settings"))
    from PySide6.QtWidgets import QApplication

    from tgdesk.domain.filters import ListFilter
    from tgdesk.services.context import open_context
    from tgdesk.store.search import match_expression, rank_expression
    from tgdesk.ui.common.events import DataBus
    from tgdesk.ui.launch import ensure_app
    from tgdesk.ui.main_window import MainWindow
    from tgdesk.ui.screenshots import SCREEN_SIZE

    app = ensure_app()
    ctx = open_context(db)
    shares = Shares()
    window = MainWindow(ctx, DataBus())
    window.resize(SCREEN_SIZE)
    window.show()
    QApplication.processEvents()
    page = window.show_page("opinions")
    model, view = page.model, page.view
    pool = QThreadPool.globalInstance()

    def settle() -> None:
        """No count left running from the step before."""
        pool.waitForDone()
        QApplication.processEvents()

    def paint() -> None:
        """The visible rows painted now (into the window's backing store)."""
        query = shares.query
        t0 = time.perf_counter()
        view.viewport().repaint()
        shares.paint += time.perf_counter() - t0 - (shares.query - query)

    def apply(flt: ListFilter) -> None:
        page.show_filtered(flt)
        paint()

    def wait_counted() -> None:
        if getattr(model, "is_counted", lambda: True)():   # older models count first
            return
        loop = QEventLoop()
        model.counted.connect(loop.quit)
        if not model.is_counted():
            loop.exec()
        model.counted.disconnect(loop.quit)

    def step(show: Callable[[], None]) -> dict[str, float]:
        """One run of a step: first page painted, then the total counted."""
        settle()
        window.show_page("overview")
        QApplication.processEvents()
        shares.query = shares.paint = 0.0
        t0 = time.perf_counter()
        show()
        first = time.perf_counter() - t0
        query, painted = shares.query, shares.paint
        QApplication.processEvents()
        wait_counted()
        return {"first": first, "counted": time.perf_counter() - t0, "query": query,
                "paint": painted, "model": first - query - painted}

    def runs(show: Callable[[], None], times: int) -> dict[str, list[float]]:
        out: dict[str, list[float]] = {}
        for _ in range(times):
            for key, value in step(show).items():
                out.setdefault(key, []).append(value)
        return out

    def open_list(flt: ListFilter, key: str = "opinions") -> Callable[[], None]:
        def show() -> None:
            nonlocal page, model, view
            page = window.show_page(key)
            model, view = page.model, page.view
            apply(flt)
        return show

    def scroll_to_end() -> None:
        QApplication.processEvents()
        while model.canFetchMore():
            model.fetchMore()
        view.scrollToBottom()
        paint()

    conn = sqlite3.connect(db)

    def raw(sql: str, args: tuple) -> float:
        return timed(lambda: conn.execute(sql, args).fetchall(), repeat)[1]

    lines = []       # (measure, runs, anchor name, anchor seconds, goal)
    steps = [("Open the opinions list", ListFilter(), "", ())]
    steps += [(f"Search “{q}”", ListFilter(search=q), RAW_SEARCH, (match_expression(q),))
              for q in SEARCHES]
    for name, flt, search, params in steps:
        got = runs(open_list(flt), repeat)
        page_raw = raw(RAW_PAGE.format(search=search, page=PAGE), params)
        ids_raw = raw(RAW_IDS.format(search=search), params)
        total = f"{model.total():,}"
        lines.append((f"{name}, first page painted", got, "first",
                      "raw sqlite3, that first page (LIMIT)", page_raw, "≤ 3×"))
        lines.append((f"{name}, all {total} counted", got, "counted",
                      "raw sqlite3, every matching id in order", ids_raw, "-"))
        if flt.search and rank_expression(flt.search):
            ranked = RAW_PAGE_RANKED.format(page=PAGE)
            phrase = rank_expression(flt.search)
            lines.append((f"{name}, first page painted", got, "first",
                          "raw sqlite3, that first page ranked (phrase first)",
                          raw(ranked, (params[0], phrase)), "-"))
    # The floor of painting: a bare QTableView given the raw first page, built and
    # painted in a view the size of the list's (what Qt costs before tgdesk does anything).
    opened = lines[0]
    bare = timed(lambda: bare_table(conn.execute(RAW_PAGE.format(search="", page=PAGE))
                                    .fetchall(), view.size()), repeat)[1]
    lines.insert(1, (opened[0], opened[1], "first",
                     "a bare QTableView given that raw first page, built and painted", bare,
                     "-"))
    # Scrolling: open the list, then every page down to the last row, painted.
    scrolls = runs(lambda: (apply(ListFilter()), scroll_to_end()), max(1, min(repeat, 3)))
    lines.append((f"Scroll to the end, {model.rowCount():,} rows", scrolls, "first",
                  "raw sqlite3, every id in order", raw(RAW_IDS.format(search=""), ()), "-"))
    # The lists of issue 15, beside the opinions list above.
    for key, what, table, joins, names, day in NEW_LISTS:
        got = runs(open_list(ListFilter(), key), repeat)
        sql = dict(table=table, joins=joins, names=names, day=day, page=PAGE)
        lines.append((f"Open the {what} list ({model.total():,}), first page painted", got,
                      "first", "raw sqlite3, that first page (LIMIT)",
                      raw(RAW_NEW_PAGE.format(**sql), ()), "≤ 3×"))
        lines.append((f"Open the {what} list, all counted", got, "counted",
                      "raw sqlite3, every id in order", raw(RAW_NEW_IDS.format(**sql), ()), "-"))
    conn.close()

    print()
    print("| measure | tgdesk | anchor | ratio | goal | runs |")
    print("|---|---|---|---|---|---|")
    for name, got, key, anchor, anchor_s, goal in lines:
        ours = statistics.median(got[key])
        print(f"| {name} | {ms(ours).strip()} | {anchor}: {ms(anchor_s).strip()} | "
              f"{ours / anchor_s:.1f}× | {goal} | {len(got[key])} |")
    print()
    print("Where a first page's time goes (medians): query = ids and rows asked on the "
          "window's thread; paint = painting the visible rows (the view's repaint, into "
          "the backing store); model = the rest (controls, model reset, footer, saved "
          "state). Painted = from the page switch to the rows painted.")
    print()
    print("| measure | painted | query | model | paint |")
    print("|---|---|---|---|---|")
    for name, got, key, *_rest in lines:
        if key == "first" and "ranked" not in _rest[0] and "bare" not in _rest[0]:
            cells = " | ".join(ms(statistics.median(got[k])).strip()
                               for k in ("first", "query", "model", "paint"))
            print(f"| {name} | {cells} |")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print()
    print(f"Peak memory (ru_maxrss) of this process: {self_rss / 1024:.0f} MiB (window, "
          "lists scrolled to the end).")
    print(f"Medians of {repeat} runs ({max(1, min(repeat, 3))} for scrolling), anchors "
          f"{repeat} runs each, in this process. The start-up line is bench/bench_startup.py's.")
    sys.stdout.flush()
    window.close()
    ctx.close()
    app.quit()


if __name__ == "__main__":
    main()
