"""Running tgdesk as a real child process, then killing it (SIGKILL) at a random
moment of its work, or starving it of disk space (RLIMIT_FSIZE); and the
figures every scenario records for the summary (conftest.py prints them).

The moment of a kill: the child's start-up (Python importing tgdesk) is not
the interesting part, so the clock starts at a marker, the log file the child
creates just before it opens the database (logsetup.setup_logging). One un-killed
calibration run per scenario measures the marker time and the total; the kill
delay after the marker is then drawn uniformly in [0, 1.1 × (total − marker)].
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("TGDESK_FAULT_SEED", "20261202"))
# Trials run this many at a time (each its own child and folder); calibration
# runs as many at once, so a trial's child works under the load it was timed in.
WORKERS = max(1, int(os.environ.get("TGDESK_FAULT_WORKERS", str(min(2, os.cpu_count() or 1)))))
TIMEOUT = 300.0          # an un-killed child taking longer than this is a hang
POLL = 0.002
# app.main's last resort for a defect: a full disk is no defect and has its own words.
UNEXPECTED = "lỗi không mong muốn"
ENGLISH = ("Traceback", "File too large", "disk is full", "Errno", "sqlite3.",
           "OperationalError", "database or disk")


def rng(scenario: str) -> random.Random:
    """The scenario's own random stream: the same delays for the same seed, and
    one scenario's trial count does not shift another's draws."""
    return random.Random(f"{SEED}:{scenario}")


# --- figures ----------------------------------------------------------------------

@dataclass
class Tally:
    """One scenario's trials, each classified by its oracle."""

    trials: int = 0
    none: int = 0            # the operation left no trace
    all: int = 0             # the operation is wholly there
    failed: int = 0
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def record(self, trial: str, outcome: str | None, problems: list[str]) -> None:
        self.trials += 1
        if problems:
            self.failed += 1
            self.failures.append(f"{trial}: " + "; ".join(problems))
        elif outcome == "none":
            self.none += 1
        elif outcome == "all":
            self.all += 1
        else:
            self.failed += 1
            self.failures.append(f"{trial}: neither none nor all of the operation ({outcome})")

    def report(self, scenario: str) -> str:
        """The assertion message: every failing trial, one a line."""
        shown = self.failures[:25]
        more = len(self.failures) - len(shown)
        return (f"{scenario} (seed {SEED}): {self.failed} of {self.trials} trials failed:\n  "
                + "\n  ".join(shown) + (f"\n  … and {more} more" if more else ""))


FIGURES: dict[str, Tally] = {}


def tally(scenario: str) -> Tally:
    FIGURES[scenario] = Tally()
    return FIGURES[scenario]


# --- children -----------------------------------------------------------------------

def child_env(home: Path) -> dict[str, str]:
    """tgdesk's per-user folders (log, data, settings) and temporary files inside
    ``home``; no display needed."""
    env = dict(os.environ)
    dirs = {"XDG_DATA_HOME": "data", "XDG_CONFIG_HOME": "config", "XDG_STATE_HOME": "state",
            "XDG_CACHE_HOME": "cache", "TMPDIR": "tmp"}
    for var, sub in dirs.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env["HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.pop("TGDESK_LOCK_WAIT", None)
    return env


def marker_of(home: Path) -> Path:
    """The log file tgdesk creates (``logs/`` in the data folder under XDG_DATA_HOME)."""
    return home / "data" / "tgdesk" / "logs" / "tgdesk.log"


def _full_disk(limit: int):
    def apply() -> None:   # in the child, between fork and exec
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # writes fail with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@dataclass
class Run:
    args: list[str]
    returncode: int          # -9 when killed
    killed: bool             # SIGKILL was sent while it still ran
    marker_at: float | None  # seconds from start to the marker, None if never seen
    elapsed: float
    stdout: str
    stderr: str
    starved: bool = False    # run under RLIMIT_FSIZE: failing is allowed, with a message

    def brief(self) -> str:
        tail = (self.stderr.strip().splitlines() or [""])[-1][:300]
        return f"exit {self.returncode}, stderr: {tail!r}"


def run_tgdesk(db: Path, args: list[str], home: Path, *, kill_after: float | None = None,
               fsize_limit: int | None = None) -> Run:
    """``python -m tgdesk --db DB ARGS`` in a fresh process. ``kill_after``:
    SIGKILL that many seconds after the marker (if still running).
    ``fsize_limit``: no file the child writes may grow past that many bytes."""
    home.mkdir(parents=True, exist_ok=True)
    env = child_env(home)
    marker = marker_of(home)
    out_path, err_path = home / "stdout.txt", home / "stderr.txt"
    cmd = [sys.executable, "-m", "tgdesk", "--db", str(db), *args]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                cwd=str(home),
                                preexec_fn=_full_disk(fsize_limit) if fsize_limit else None)
        marker_at = None
        killed = False
        try:
            while proc.poll() is None and time.monotonic() - start < TIMEOUT:
                if marker_at is None and marker.exists():
                    marker_at = time.monotonic() - start
                    if kill_after is not None:
                        _sleep_while_running(proc, kill_after)
                        if proc.poll() is None:
                            # Not yet reaped, so the pid cannot have been reused.
                            os.kill(proc.pid, signal.SIGKILL)
                            killed = True
                        break
                time.sleep(POLL)
            if proc.poll() is None and not killed:
                proc.kill()
                proc.wait()
                raise AssertionError(f"tgdesk {' '.join(args)} ran over {TIMEOUT:.0f} s")
            proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        elapsed = time.monotonic() - start
    if marker_at is None and marker.exists():
        marker_at = elapsed
    return Run(cmd[3:], proc.returncode, killed, marker_at, elapsed,
               out_path.read_text("utf-8", "replace"), err_path.read_text("utf-8", "replace"),
               starved=fsize_limit is not None)


def _sleep_while_running(proc: subprocess.Popen, seconds: float) -> None:
    end = time.monotonic() + seconds
    while proc.poll() is None:
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, 0.01))


@dataclass(frozen=True)
class Window:
    """When the work happens, measured on un-killed runs (see calibrate)."""

    marker_at: float
    total: float

    def draw(self, random_: random.Random) -> float:
        return random_.uniform(0.0, 1.1 * max(self.total - self.marker_at, 0.05))

    def text(self) -> str:
        return (f"work window {self.total - self.marker_at:.2f} s after start-up "
                f"{self.marker_at:.2f} s")


def calibrate(runs: Sequence[tuple[Path, list[str], Path]]) -> Window:
    """Time un-killed runs of the command (``WORKERS`` of them at once, as the
    trials will run): the mean marker time and the mean total."""
    def one(spec: tuple[Path, list[str], Path]) -> Run:
        db, args, home = spec
        run = run_tgdesk(db, args, home)
        assert run.returncode == 0, f"calibration run of tgdesk {' '.join(args)}: {run.brief()}"
        assert run.marker_at is not None, "calibration: tgdesk wrote no log file (the marker)"
        return run

    with ThreadPoolExecutor(WORKERS) as pool:
        done = list(pool.map(one, runs))
    return Window(sum(r.marker_at for r in done) / len(done),
                  sum(r.elapsed for r in done) / len(done))


def run_trials(t: Tally, plans: Sequence, trial: Callable) -> None:
    """``trial(plan) -> (label, outcome, problems)`` for every plan, ``WORKERS``
    at a time; recorded in plan order. A harness error fails that trial only."""
    def guarded(plan):
        try:
            return trial(plan)
        except Exception as exc:   # reported as that trial's failure
            return f"plan {plan!r}", "error", [f"harness: {type(exc).__name__}: {exc}"]

    with ThreadPoolExecutor(WORKERS) as pool:
        for label, outcome, problems in pool.map(guarded, plans):
            t.record(label, outcome, problems)


def plain_message(run: Run) -> list[str]:
    """A refused command: non-zero exit and one Vietnamese message, no traceback,
    no English system text, and not the catch-all for defects."""
    problems = []
    if run.returncode == 0:
        problems.append("exit 0 although it failed")
    if run.returncode < 0:
        problems.append(f"died of signal {-run.returncode}")
    text = run.stderr
    if not text.strip():
        problems.append("nothing on stderr")
    elif not any(ord(ch) > 127 for ch in text):
        problems.append(f"stderr is not Vietnamese: {text.strip()[:200]!r}")
    for word in ENGLISH:
        if word in text:
            problems.append(f"stderr holds {word!r}: {text.strip()[-300:]!r}")
            break
    if UNEXPECTED in text:
        problems.append(f"handled as a defect (exit {run.returncode}, “{UNEXPECTED}”), not "
                        "as a full disk")
    return problems
