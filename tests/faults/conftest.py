"""Templates the fault scenarios copy per trial (each built once per session),
and the figures printed at the end of the run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fault_data import UNIT, build_old_database, checkpoint, records_file
from fault_harness import FIGURES, SEED, run_tgdesk

from tgdesk.domain.period import Period
from tgdesk.services import issuing
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo
from tgdesk.services.exchange import init_unit
from tgdesk.services.jsonio import import_file

DEMO_YEARS, DEMO_SCALE = 2, 3      # about 10 MB: a backup takes a while
OLD_COPIES = 3000                  # rows per record table of the old database
IMPORT_RECORDS = 3000


def _settle(path: Path) -> Path:
    checkpoint(path)
    for suffix in ("-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


@pytest.fixture(scope="session")
def unit_db(tmp_path_factory) -> Path:
    """At the newest revision, with the unit set up (tgdesk init)."""
    path = tmp_path_factory.mktemp("fault-unit") / "tgdesk.sqlite"
    ctx = open_context(path)
    try:
        init_unit(ctx, UNIT["name"], UNIT["parent_name"], UNIT["place_name"])
    finally:
        ctx.close()
    return _settle(path)


@pytest.fixture(scope="session")
def issued_db(unit_db, tmp_path_factory) -> Path:
    """unit_db with one report issued already (the next takes number 2)."""
    path = tmp_path_factory.mktemp("fault-issued") / "tgdesk.sqlite"
    shutil.copy(unit_db, path)
    ctx = open_context(path)
    try:
        issuing.issue(ctx, "work", Period.parse("2026-09"), allow_placeholders=True)
    finally:
        ctx.close()
    return _settle(path)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fault-demo") / "tgdesk.sqlite"
    ctx = open_context(path)
    try:
        load_demo(ctx, years=DEMO_YEARS, seed=1, scale=DEMO_SCALE)
    finally:
        ctx.close()
    return _settle(path)


@pytest.fixture(scope="session")
def old_db(tmp_path_factory) -> Path:
    """At the first migration, with thousands of rows (the upgrade takes a while)."""
    path = tmp_path_factory.mktemp("fault-old") / "tgdesk.sqlite"
    build_old_database(path, OLD_COPIES)
    return _settle(path)


@pytest.fixture(scope="session")
def records_json(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("fault-records") / "records.json"
    return path, records_file(path, IMPORT_RECORDS)


@pytest.fixture(scope="session")
def restore_pair(demo_db, tmp_path_factory) -> tuple[Path, Path]:
    """(live database, backup of it made by `tgdesk backup`); the live database
    has since gained records, so the two differ."""
    folder = tmp_path_factory.mktemp("fault-restore")
    live = folder / "tgdesk.sqlite"
    shutil.copy(demo_db, live)
    run = run_tgdesk(live, ["backup"], folder / "home")
    assert run.returncode == 0, f"tgdesk backup (making the restore template): {run.brief()}"
    (backup,) = sorted((folder / "backups").glob("*.sqlite"))
    extra = folder / "extra.json"
    records_file(extra, 60, tag="khôi phục ")
    ctx = open_context(live)
    try:
        import_file(ctx, extra)
    finally:
        ctx.close()
    return _settle(live), backup


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not FIGURES:
        return
    tr = terminalreporter
    tr.write_sep("=", f"fault tests: figures (seed {SEED})")
    head = f"{'scenario':<28} {'trials':>6} {'none':>5} {'all':>5} {'failed':>6}  notes"
    tr.write_line(head)
    tr.write_line("-" * len(head))
    total = [0, 0, 0, 0]
    for name, t in FIGURES.items():
        tr.write_line(f"{name:<28} {t.trials:>6} {t.none:>5} {t.all:>5} {t.failed:>6}  "
                      + "; ".join(t.notes))
        for i, n in enumerate((t.trials, t.none, t.all, t.failed)):
            total[i] += n
    tr.write_line("-" * len(head))
    tr.write_line(f"{'total':<28} {total[0]:>6} {total[1]:>5} {total[2]:>5} {total[3]:>6}")
    tr.write_line("none: killed (or refused) before the work committed, nothing of it is there; "
                  "all: after, all of it is there; failed: neither, or a check failed "
                  "(docs/fault-tests.md)")
