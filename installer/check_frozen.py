"""Check a frozen tgdesk (the PyInstaller one-folder output of installer/tgdesk.spec):
every data file is in the bundle, both programs run in UTF-8 mode, the smoke run
(tests/smoke.py) passes on them, and how long they take to start beside
``python -m tgdesk``. Exits non-zero on any failure.

    python installer/check_frozen.py --dist build/frozen/dist/tgdesk --work DIR [--runs 5]

Run by installer/build.sh (Linux) and installer/build-windows.ps1 (Windows), with the
Python of the build's virtual environment (it reads the programs' archives with
PyInstaller's reader)."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from smoke import SmokeFailed, check, clean_env, smoke_run  # noqa: E402

SUFFIX = ".exe" if sys.platform == "win32" else ""
BABEL_LOCALES = {"vi", "en", "root"}


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def check_bundle(dist: Path) -> None:
    """The data files tgdesk reads at run time are all in ``dist/_internal``."""
    inside = dist / "_internal"
    for name in ("tgdesk", "tgdesk-cli"):
        check((dist / f"{name}{SUFFIX}").is_file(), f"no {name}{SUFFIX} in {dist}")
    missing = files_under(ROOT / "resources") - files_under(inside / "resources")
    check(not missing, f"resources missing from the bundle: {sorted(missing)}")
    migrations = ROOT / "tgdesk" / "store" / "migrations"
    wanted = {p for p in files_under(migrations) if p.endswith((".py", ".mako"))}
    missing = wanted - files_under(inside / "tgdesk" / "store" / "migrations")
    check(not missing, f"migrations missing from the bundle: {sorted(missing)}")
    import docx
    templates = Path(docx.__file__).parent / "templates"
    missing = files_under(templates) - files_under(inside / "docx" / "templates")
    check(not missing, f"python-docx templates missing from the bundle: {sorted(missing)}")
    check((inside / "docx" / "parts").is_dir(), "python-docx is not collected as source")
    locales = {p.stem for p in (inside / "babel" / "locale-data").glob("*.dat")}
    check(locales == BABEL_LOCALES, f"Babel locale data {sorted(locales)}, "
                                    f"expected {sorted(BABEL_LOCALES)}")
    check((inside / "babel" / "global.dat").is_file(), "no babel/global.dat")


def check_utf8_mode(dist: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader
    for name in ("tgdesk", "tgdesk-cli"):
        options = CArchiveReader(str(dist / f"{name}{SUFFIX}")).options
        check("X utf8_mode=1" in options, f"{name} does not run in UTF-8 mode: {options}")


def timed(args: list, cwd: Path, env: dict[str, str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True)
        out.append(time.perf_counter() - start)
        check(done.returncode == 0, f"{args} -> exit {done.returncode}: {done.stderr!r}")
    return out


def start_times(dist: Path, work: Path, env: dict[str, str], runs: int) -> None:
    """Wall time of a few commands, frozen beside ``python -m tgdesk`` (same database)."""
    commands = {
        "--version": ["--version"],
        "units list": ["--db", "d.sqlite", "units", "list"],
        "list --search": ["--db", "d.sqlite", "list", "opinions", "--search", "dat dai"],
    }
    programs = {
        "tgdesk-cli (frozen)": [dist / f"tgdesk-cli{SUFFIX}"],
        "python -m tgdesk": [sys.executable, "-m", "tgdesk"],
    }
    print(f"\nstart times, {runs} runs each, seconds (min / median):")
    print(f"  {'command':<16}" + "".join(f"{name:>26}" for name in programs))
    for label, args in commands.items():
        cells = []
        for prefix in programs.values():
            times = timed([*prefix, *args], work, env, runs)
            cells.append(f"{min(times):.3f} / {statistics.median(times):.3f}")
        print(f"  {label:<16}" + "".join(f"{c:>26}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", required=True, help="the one-folder output (…/dist/tgdesk)")
    parser.add_argument("--work", required=True, help="an empty folder outside the checkout")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (0: none)")
    args = parser.parse_args(argv)
    dist, work = Path(args.dist).resolve(), Path(args.work).resolve()
    home = work / "home"
    env = clean_env(home)
    try:
        check_bundle(dist)
        check_utf8_mode(dist)
        print("bundle: resources, migrations, docx templates, Babel vi/en/root; UTF-8 mode: ok")
        smoke_run([dist / f"tgdesk-cli{SUFFIX}"], work / "run", env,
                  window=[dist / f"tgdesk{SUFFIX}"],
                  logs=home if sys.platform.startswith("linux") else None)
        print("smoke run of tgdesk-cli and tgdesk: ok")
        if args.runs > 0:
            start_times(dist, work / "run", env, args.runs)
    except SmokeFailed as exc:
        print(f"check_frozen: FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
