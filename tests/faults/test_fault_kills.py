"""Real tgdesk processes killed with SIGKILL at random moments of their work:
first open, upgrade, import, issue, backup, restore, encrypt. After each kill the file
passes integrity_check, tgdesk opens it, and it holds all of the operation or
none of it (fault_oracles.py). docs/fault-tests.md describes each scenario."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fault_data import UNIT, counts, issued_ids, original_columns, original_rows, schema
from fault_harness import WORKERS, calibrate, rng, run_tgdesk, run_trials, tally

import fault_oracles as oracle

pytestmark = pytest.mark.slow

TRIALS = int(os.environ.get("TGDESK_FAULT_TRIALS", "20"))
MAX_ATTEMPTS = 3       # upgrade: killed up to this many times before the last open


def kill_scenario(scenario: str, tmp_path: Path, template: Path | None,
                  args_for: Callable[[Path], list[str]], check: Callable, *,
                  attempts: int = 1, note: str = "") -> None:
    """Calibrate, then TRIALS trials: a fresh copy of ``template`` (None: no
    database yet) in its own folder, the command killed (up to ``attempts``
    times, each at its own random moment), then ``check(db, runs, folder)``."""
    t = tally(scenario)

    def folder(name: str) -> Path:
        d = tmp_path / name
        d.mkdir()
        if template is not None:
            shutil.copy(template, d / "tgdesk.sqlite")
            if (template.parent / "backups").is_dir():
                shutil.copytree(template.parent / "backups", d / "backups")
        return d

    cal = [folder(f"cal{w}") for w in range(WORKERS)]
    window = calibrate([(d / "tgdesk.sqlite", args_for(d), d / "home") for d in cal])
    t.notes.append((note + "; " if note else "") + window.text())
    draws = rng(scenario)
    plans = [(i, [window.draw(draws) for _ in range(draws.randint(1, attempts))])
             for i in range(TRIALS)]

    def trial(plan):
        i, delays = plan
        d = folder(f"t{i}")
        db = d / "tgdesk.sqlite"
        runs = []
        for a, delay in enumerate(delays):
            runs.append(run_tgdesk(db, args_for(d), d / f"home{a}", kill_after=delay))
            if not runs[-1].killed:
                break
        outcome, problems = check(db, runs, d)
        if not problems:
            shutil.rmtree(d)      # tens of MB each; a failing trial's folder stays
        kills = ", ".join(f"+{r:.3f}" for r in delays[:len(runs)])
        return f"trial {i} (kill at {kills} s)", outcome, problems

    run_trials(t, plans, trial)
    assert t.failed == 0, t.report(scenario)


def test_kill_during_first_open(tmp_path):
    args = ["init", "--unit", UNIT["name"], "--parent", UNIT["parent_name"],
            "--place", UNIT["place_name"]]
    reference = tmp_path / "reference"
    reference.mkdir()
    ref = run_tgdesk(reference / "tgdesk.sqlite", args, reference / "home")
    assert ref.returncode == 0, ref.brief()
    clean = schema(reference / "tgdesk.sqlite")
    kill_scenario("kill: first open (init)", tmp_path, None, lambda d: args,
                  lambda db, runs, d: oracle.first_open(db, runs[0], UNIT, clean))


def test_kill_during_upgrade(old_db, tmp_path):
    columns = original_columns(old_db)
    before = counts(old_db, tuple(columns))
    rows = original_rows(old_db, columns)
    kill_scenario("kill: upgrade (1-3 kills)", tmp_path, old_db,
                  lambda d: ["stats", "--period", "2026-10"],
                  lambda db, runs, d: oracle.upgrade(db, runs, before, columns, rows),
                  attempts=MAX_ATTEMPTS, note=f"{before['opinion_note']:,} notes")


def test_kill_during_import(unit_db, records_json, tmp_path):
    source, gains = records_json
    before = counts(unit_db)
    records = sum(gains[k] for k in ("meeting", "study_session", "opinion_note"))
    kill_scenario("kill: import", tmp_path, unit_db, lambda d: ["import", str(source)],
                  lambda db, runs, d: oracle.imported(db, runs[0], before, gains),
                  note=f"{records:,} records")


def issue_args(d: Path) -> list[str]:
    return ["report", "--kind", "work", "--period", "2026-10", "--issue",
            "--allow-placeholders", "--out", str(d / "out")]


def test_kill_during_issue(issued_db, tmp_path):
    before = issued_ids(issued_db)
    kill_scenario("kill: issue --out", tmp_path, issued_db, issue_args,
                  lambda db, runs, d: oracle.issued(db, runs[0], d / "out", before,
                                                    d / "stored"))


def test_kill_during_backup(demo_db, tmp_path):
    before = oracle.fingerprint(demo_db)
    kill_scenario("kill: backup", tmp_path, demo_db, lambda d: ["backup"],
                  lambda db, runs, d: oracle.backed_up(db, runs[0], before),
                  note=f"{demo_db.stat().st_size / 2**20:.0f} MB")


def test_kill_during_restore(restore_pair, tmp_path):
    live, backup = restore_pair
    live_counts, backup_counts = counts(live), counts(backup)
    assert live_counts != backup_counts

    def args_for(d: Path) -> list[str]:
        return ["restore", str(d / "backups" / backup.name), "--yes"]

    def check(db, runs, d):
        return oracle.restored(db, runs[0], live_counts, backup_counts,
                               d / "backups" / backup.name)

    kill_scenario("kill: restore", tmp_path, live, args_for, check)


def test_kill_during_encrypt(demo_db, tmp_path, monkeypatch):
    """``encrypt`` (a plain database made encrypted in place, its backups too)."""
    monkeypatch.setenv("TGDESK_PASSWORD", oracle.ENCRYPT_PASSWORD)
    before = counts(demo_db)
    kill_scenario("kill: encrypt", tmp_path, demo_db,
                  lambda d: ["encrypt", "--name", "Nguyễn Văn An"],
                  lambda db, runs, d: oracle.encrypted(db, runs[0], before),
                  note=f"{demo_db.stat().st_size / 2**20:.0f} MB")
