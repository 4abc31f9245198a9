"""A full disk, simulated: the child runs under RLIMIT_FSIZE (SIGXFSZ ignored,
so a write past the limit fails with EFBIG), during import, issue and backup.
It either succeeds wholly or exits non-zero with one Vietnamese message and no
traceback, and the database holds all of the operation or none of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fault_data import counts, issued_ids
from fault_harness import plain_message, run_tgdesk, tally

import fault_oracles as oracle

pytestmark = pytest.mark.slow


def limits(size: int) -> list[int]:
    """Just above the database's size (the case the issue names), and around it,
    so the writes fail at different points of the work."""
    return [size + 4096, size + 64 * 1024, size // 4, size // 2, size * 9 // 10, size * 2]


def _starve(scenario: str, template, tmp_path, args_for, check, *, may_finish_later=False):
    """Run the command once per limit on a fresh copy of ``template``.
    ``may_finish_later``: after a refusal, reopening may complete the operation
    (an interrupted issue is finished by the recovery) instead of undoing it."""
    t = tally(scenario)
    size = template.stat().st_size

    def folder(name: str) -> Path:
        (tmp_path / name).mkdir()
        return Path(shutil.copy(template, tmp_path / name / "tgdesk.sqlite"))

    db = folder("unlimited")      # without a limit the command works, wholly
    run = run_tgdesk(db, args_for(db.parent), db.parent / "home")
    assert run.returncode == 0, f"{scenario}, without a limit: {run.brief()}"
    assert check(db, run, db.parent) == ("all", []), f"{scenario}, without a limit"
    refused = 0
    for i, limit in enumerate(limits(size)):
        db = folder(f"t{i}")
        d = db.parent
        run = run_tgdesk(db, args_for(d), d / "home", fsize_limit=limit)
        outcome, problems = check(db, run, d)
        if run.returncode != 0:
            refused += 1
            problems += plain_message(run)
            if outcome == "all" and not may_finish_later:
                problems.append("refused, yet the operation was done")
        elif outcome != "all":
            problems.append(f"exit 0, yet the oracle found {outcome}")
        t.record(f"limit {limit:,} B ({limit / size:.2f} × database)", outcome, problems)
        if not problems:
            shutil.rmtree(d)      # a failing trial's folder stays
    t.notes.append(f"{refused} refused with a message; database {size / 1024:,.0f} KiB, "
                   f"limits {min(limits(size)) / 1024:,.0f}–{max(limits(size)) / 1024:,.0f} KiB")
    assert refused, f"{scenario}: no limit made the command fail; the harness tests nothing"
    assert t.failed == 0, t.report(scenario)


def test_full_disk_during_import(unit_db, records_json, tmp_path):
    source, gains = records_json
    before = counts(unit_db)
    _starve("full disk: import", unit_db, tmp_path, lambda d: ["import", str(source)],
            lambda db, run, d: oracle.imported(db, run, before, gains))


def test_full_disk_during_issue(issued_db, tmp_path):
    before_ids = issued_ids(issued_db)
    _starve("full disk: issue --out", issued_db, tmp_path,
            lambda d: ["report", "--kind", "work", "--period", "2026-10", "--issue",
                       "--allow-placeholders",
                       "--out", str(d / "out")],
            lambda db, run, d: oracle.issued(db, run, d / "out", before_ids, d / "stored"),
            may_finish_later=True)


def test_full_disk_during_backup(demo_db, tmp_path):
    before = oracle.fingerprint(demo_db)
    _starve("full disk: backup", demo_db, tmp_path, lambda d: ["backup"],
            lambda db, run, d: oracle.backed_up(db, run, before))
