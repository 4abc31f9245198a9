"""Benchmark of the lists at scale (run by hand, prints figures, asserts nothing):

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_lists.py [--db FILE]

Builds (or reuses, with ``--db``) a database of ``demo --years 5 --scale 20``
(about 110,000 opinion notes and 24,000 study sessions), then measures in one run:

- start to first painted main window, in a fresh process (interpreter start,
  imports, opening the database, building every page, first paint);
- opening the opinions list (query, model reset, first page painted);
- scrolling to the end (fetchMore until done, last row painted);
- a search's first page, typed without diacritics ("dat dai") and with them
  ("đất đai");
- beside each, the raw stdlib ``sqlite3`` query that fetches the same first page;
- the peak memory of this process and of the start-up process (ru_maxrss).

Each timed step runs REPEAT times; the table shows the first run and the median.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
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
# What the lazy model's design needs at the least: every matching id in order
# (for the total and for scrolling), then the first page's rows.
RAW_IDS = """
SELECT o.id FROM opinion_note o
WHERE o.deleted = 0 AND o.origin_unit_id IS NULL {search}
ORDER BY o.noted_on DESC, o.id DESC
"""

STARTUP_CHILD = r"""
import os, sys, time, resource
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, sys.argv[2])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from tgdesk.services.context import open_context
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.launch import ensure_app
from tgdesk.ui.main_window import MainWindow

class Painted(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            Painted.seen = True
        return False

ctx = open_context(sys.argv[1])
app = ensure_app()
window = MainWindow(ctx, DataBus())
spy = Painted()
window.current_page().installEventFilter(spy)
window.show()
while not Painted.seen:
    app.processEvents()
t = time.perf_counter() - t0
print(f"{t:.6f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
os._exit(0)
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
    out = {t: conn.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0]
           for t in ("opinion_note", "study_session", "meeting")}
    conn.close()
    return out


def startup(db: Path, settings_dir: str) -> tuple[float, float, int]:
    """(wall time seen by the parent, time seen by the child, child's ru_maxrss KiB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", STARTUP_CHILD, str(db), settings_dir],
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    line = proc.stdout.readline()
    wall = time.perf_counter() - t0
    proc.wait()
    child, rss = line.split()
    return wall, float(child), int(rss)


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
          f"{n['meeting']:,} meetings")

    # --- start-up, in a fresh process each time ------------------------------------
    starts = [startup(db, str(tmp / "settings")) for _ in range(min(repeat, 3))]
    walls = [s[0] for s in starts]

    # --- the window in this process --------------------------------------------------
    from PySide6.QtCore import QSettings
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp / "settings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp / "settings"))
    from PySide6.QtWidgets import QApplication

    from tgdesk.domain.filters import ListFilter
    from tgdesk.services.context import open_context
    from tgdesk.store.search import match_expression
    from tgdesk.ui.common.events import DataBus
    from tgdesk.ui.launch import ensure_app
    from tgdesk.ui.screenshots import SCREEN_SIZE
    from tgdesk.ui.main_window import MainWindow

    app = ensure_app()
    ctx = open_context(db)
    window = MainWindow(ctx, DataBus())
    window.resize(SCREEN_SIZE)
    window.show()
    QApplication.processEvents()
    page = window.show_page("opinions")
    model, view = page.model, page.view

    def paint() -> None:
        view.viewport().repaint()
        QApplication.processEvents()

    def apply(flt: ListFilter) -> int:
        if hasattr(page, "show_filtered"):
            page.show_filtered(flt)
        else:
            model.load(flt)
        paint()
        return model.total()

    def open_list() -> int:
        window.show_page("overview")
        QApplication.processEvents()
        window.show_page("opinions")
        return apply(ListFilter())

    def scroll_to_end() -> int:
        apply(ListFilter())
        while model.canFetchMore():
            model.fetchMore()
        view.scrollToBottom()
        paint()
        return model.rowCount()

    conn = sqlite3.connect(db)

    def raw(search: str, args: tuple) -> tuple[float, float]:
        """(median of the raw first page, median of raw ids + first page)."""
        page_sql = RAW_PAGE.format(search=search, page=PAGE)
        ids_sql = RAW_IDS.format(search=search)
        page = timed(lambda: conn.execute(page_sql, args).fetchall(), repeat)[1]
        both = timed(lambda: (conn.execute(ids_sql, args).fetchall(),
                              conn.execute(page_sql, args).fetchall()), repeat)[1]
        return page, both

    results: list[tuple[str, float, float, str, tuple[float, float] | None]] = []
    first, median, total = timed(open_list, repeat)
    results.append(("Open the opinions list", first, median, f"{total:,} notes", raw("", ())))
    first, median, rows = timed(scroll_to_end, max(1, min(repeat, 3)))
    results.append(("Scroll to the end (fetchMore)", first, median, f"{rows:,} rows", None))
    for query in SEARCHES:
        first, median, total = timed(lambda q=query: apply(ListFilter(search=q)), repeat)
        results.append((f"Search “{query}”, first page", first, median, f"{total:,} found",
                        raw(RAW_SEARCH, (match_expression(query),))))
    conn.close()
    apply(ListFilter())

    print()
    head = f"{'Step':34} {'first':>11} {'median':>11} | {'raw page':>11} {'ratio':>7} | "
    print(head + f"{'raw ids+page':>12} {'ratio':>6} | what")
    print(f"{'Start to first painted window':34} {ms(walls[0]):>11} "
          f"{ms(statistics.median(walls)):>11} | {'':>11} {'':>7} | {'':>12} {'':>6} | "
          f"fresh process (child's own clock {ms(starts[0][1]).strip()})")
    for name, first, median, what, raws in results:
        cols = f"{'':>11} {'':>7} | {'':>12} {'':>6}"
        if raws:
            page, both = raws
            cols = (f"{ms(page):>11} {median / page:6.1f}× | {ms(both):>12} "
                    f"{median / both:5.1f}×")
        print(f"{name:34} {ms(first):>11} {ms(median):>11} | {cols} | {what}")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print()
    print(f"Peak memory (ru_maxrss): this process {self_rss / 1024:.0f} MiB "
          f"(window, lists scrolled to the end); start-up process "
          f"{max(s[2] for s in starts) / 1024:.0f} MiB")
    print(f"Median of {repeat} runs ({min(repeat, 3)} for start-up and scrolling). Raw page: "
          f"the same first {PAGE} rows in one stdlib sqlite3 query (LIMIT). Raw ids+page: "
          "every matching id in order, then that page (the least the lazy model needs).")
    sys.stdout.flush()
    window.close()
    ctx.close()
    app.quit()


if __name__ == "__main__":
    main()
