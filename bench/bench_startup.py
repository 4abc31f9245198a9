"""Benchmark of whole processes against their anchors (run by hand, prints a table,
asserts nothing):

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [--db FILE]

On a copy of a 100k demo database (``demo --years 5 --scale 20``; ``--db`` names
one, else /tmp/big14.sqlite, else one is built), each line as a ratio against its
anchor measured in the same run, the runs interleaved:

- start to first painted window: ``python -m tgdesk --db COPY`` with
  ``TGDESK_QUIT_AFTER_PAINT=1`` (the window quits right after its first paint,
  docs/design.md) against bench/bare_window.py (a bare PySide6 window shown and
  painted, then quit); the whole process, interpreter start to exit;
- peak memory of those two processes (ru_maxrss of each child, from wait4);
- ``report --kind work --period 2026-10 --format docx,pdf``, the whole command,
  against ``soffice --headless --convert-to pdf`` of the DOCX it wrote (after a
  warm-up conversion that makes LibreOffice's profile); skipped with a note when
  soffice is not installed;
- ``stats`` and ``list`` of a month, whole commands, against ``python -c pass``
  (what any Python command costs), for the import discipline.

Each process runs RUNS times after one warm-up (the warm-up upgrades the copy
if needed and writes the compiled modules to a cache in the temporary folder,
PYTHONPYCACHEPREFIX, as an installed program has them); the table shows medians.
``--old`` times a revision without TGDESK_QUIT_AFTER_PAINT: the window is quit by
a wrapper that replaces QApplication.exec instead.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = Path(__file__).resolve().with_name("bare_window.py")
DEFAULT_DB = Path("/tmp/big14.sqlite")
RUNS = 7
PERIOD = "2026-10"

# For --old: run tgdesk's main with QApplication.exec replaced by "wait for the
# main window's first paint"; the same work up to that paint as the hook does.
OLD_WRAPPER = r"""
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class _Painted(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            _Painted.seen = True
        return False

def _exec(self=None):
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
    spy = _Painted(window)
    window.installEventFilter(spy)
    while not _Painted.seen:
        app.processEvents()
    return 0

QApplication.exec = _exec
from tgdesk.app import main
sys.exit(main(sys.argv[1:]))
"""


def run_child(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of one process run to its end."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return wall, usage.ru_maxrss


def prepare_db(source: Path | None, tmp: Path) -> Path:
    copy = tmp / "big.sqlite"
    if source is None and DEFAULT_DB.exists():
        source = DEFAULT_DB
    if source is not None:
        print(f"Copying {source} ({source.stat().st_size / 2**20:.0f} MB) …", flush=True)
        shutil.copyfile(source, copy)
        return copy
    print("Building a demo database (--years 5 --scale 20), a few minutes …", flush=True)
    subprocess.run([sys.executable, "-m", "tgdesk", "--db", str(copy), "demo", "--years", "5",
                    "--scale", "20"], check=True, cwd=ROOT)
    return copy


def median(values: list[float]) -> float:
    return statistics.median(values)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Whole processes against their anchors.")
    ap.add_argument("--db", type=Path, help=f"the 100k demo database to copy ({DEFAULT_DB})")
    ap.add_argument("--runs", type=int, default=RUNS, help=f"runs per process ({RUNS})")
    ap.add_argument("--old", action="store_true",
                    help="a revision without TGDESK_QUIT_AFTER_PAINT (see the docstring)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="tgdesk-bench-startup-"))
    home = tmp / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local"),
           "XDG_CACHE_HOME": str(home / ".cache"), "XDG_STATE_HOME": str(home / ".state"),
           "TGDESK_QUIT_AFTER_PAINT": "1",
           # compiled modules cached as an installed program has them (the warm-up
           # writes them), outside the checkout even where bytecode writing is off
           "PYTHONPYCACHEPREFIX": str(tmp / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    db = prepare_db(args.db, tmp)
    py = sys.executable
    tg = [py, "-m", "tgdesk", "--db", str(db)]
    window = [py, "-c", OLD_WRAPPER, "--db", str(db)] if args.old else tg
    out = tmp / "out"
    report = tg + ["report", "--kind", "work", "--period", PERIOD, "--format", "docx,pdf",
                   "--out", str(out)]
    soffice = shutil.which("soffice")
    lo_profile, lo_out = tmp / "lo_profile", tmp / "lo_out"

    procs: dict[str, list[str]] = {
        "bare": [py, str(BARE)],
        "window": window,
        "python": [py, "-c", "pass"],
        "stats": tg + ["stats", "--period", PERIOD],
        "list": tg + ["list", "meetings", "--from", f"{PERIOD}-01", "--to", f"{PERIOD}-31"],
        "report": report,
    }
    for name, cmd in procs.items():      # warm-up: upgrade, the day's backup, disk cache
        run_child(cmd, env)
    docx = next(out.glob("*.docx"), None)
    if soffice and docx is not None:
        lo = ["soffice", f"-env:UserInstallation=file://{lo_profile}", "--headless",
              "--convert-to", "pdf", "--outdir", str(lo_out), str(docx)]
        procs["soffice"] = lo
        run_child(lo, env)
    times: dict[str, list[float]] = {k: [] for k in procs}
    rss: dict[str, list[int]] = {k: [] for k in procs}
    for i in range(args.runs):
        for name, cmd in procs.items():
            if name == "report":
                shutil.rmtree(out, ignore_errors=True)
            wall, peak = run_child(cmd, env)
            times[name].append(wall)
            rss[name].append(peak)
        print(f"  run {i + 1}/{args.runs} done", flush=True)

    def t(name: str) -> float:
        return median(times[name])

    def m(name: str) -> float:
        return median(rss[name]) / 1024

    rows = [
        ("start to first painted window", f"{t('window'):.2f} s",
         f"bare PySide6 window: {t('bare'):.2f} s", t("window") / t("bare"), "≤ 3×"),
        ("peak memory, window start", f"{m('window'):.0f} MiB",
         f"bare window: {m('bare'):.0f} MiB", m("window") / m("bare"), "≤ 2.5×"),
    ]
    if "soffice" in procs:
        rows.append((f"report --kind work --period {PERIOD} docx,pdf", f"{t('report'):.2f} s",
                     f"soffice DOCX→PDF: {t('soffice'):.2f} s", t("report") / t("soffice"),
                     "≤ 0.5×"))
    rows += [
        (f"stats --period {PERIOD}", f"{t('stats'):.2f} s",
         f"python -c pass: {t('python'):.2f} s", t("stats") / t("python"), "-"),
        (f"list meetings of {PERIOD}", f"{t('list'):.2f} s",
         f"python -c pass: {t('python'):.2f} s", t("list") / t("python"), "-"),
    ]
    print()
    print("| measure | tgdesk | anchor | ratio | goal |")
    print("|---|---|---|---|---|")
    for name, ours, anchor, ratio, goal in rows:
        print(f"| {name} | {ours} | {anchor} | {ratio:.2f}× | {goal} |")
    print()
    print(f"Medians of {args.runs} interleaved runs per process, after one warm-up each; "
          "whole processes (interpreter start to exit), peak RSS from wait4.")
    if "soffice" not in procs:
        print("soffice is not installed (or the report wrote no DOCX): the report line "
              "is skipped.")
    print(f"Database: a copy of {args.db or DEFAULT_DB} in {tmp}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
