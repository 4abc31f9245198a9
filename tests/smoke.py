"""The smoke run of an installed or frozen tgdesk, shared by the installed-wheel
test (tests/test_installed_wheel.py) and the frozen build's check
(installer/check_frozen.py, run by installer/build.sh and tests/test_frozen_build.py).

It runs, in a work folder outside the checkout and with a clean home: ``--version``,
``demo``, ``report`` in DOCX and PDF, ``list opinions --search "dat dai"`` (must find
"Đất đai"), ``units key`` and ``screenshots`` (offscreen), and checks what each left.
Any failure raises ``SmokeFailed`` (plain ``assert`` would vanish under ``python -O``).

Also usable on its own, e.g. on Windows after building::

    python tests/smoke.py --cli dist\\tgdesk\\tgdesk-cli.exe --window dist\\tgdesk\\tgdesk.exe --work W
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

MIN_SHOTS = 9       # one per page of the window


class SmokeFailed(AssertionError):
    pass


def check(condition: object, message: str) -> None:
    if not condition:
        raise SmokeFailed(message)


def clean_env(home: Path) -> dict[str, str]:
    """The environment with a fresh home and per-user folders (Linux XDG; on Windows
    the per-user folders come from the shell, and only the database is the work
    folder's), offscreen Qt, and nothing pointing Python at the checkout."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"), XDG_CONFIG_HOME=str(home / "config"))
    return env


def run(args: Sequence[object], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace")
    check(done.returncode == 0,
          f"{' '.join(map(str, args))} -> exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def smoke_run(cli: Sequence[object], work: Path, env: dict[str, str],
              window: Sequence[object] | None = None, logs: Path | None = None) -> None:
    """Run the smoke commands with the command prefix ``cli`` (the program, or a
    Python with a wrapper script) in ``work``; ``screenshots`` and one ``--version``
    also with ``window`` (the windowed program) when given. Every tgdesk log under
    ``logs`` (the home of ``clean_env``), when given, must hold no error at the end."""
    work.mkdir(parents=True, exist_ok=True)
    window = list(window) if window is not None else list(cli)

    def tgdesk(*args: object, prefix: Sequence[object] = cli) -> subprocess.CompletedProcess:
        return run([*prefix, "--db", "d.sqlite", *args], work, env)

    for prefix in (cli, window):
        version = run([*prefix, "--version"], work, env)
        check(version.stdout.startswith("tgdesk "), f"--version printed {version.stdout!r}")

    tgdesk("demo")
    tgdesk("report", "--kind", "work", "--period", "2026-10", "--format", "docx,pdf",
           "--out", "reports")
    found = tgdesk("list", "opinions", "--search", "dat dai")
    tgdesk("units", "key", "--out", "unit.key")
    tgdesk("screenshots", "shots", prefix=window)

    check("Đất đai" in found.stdout, f"list --search found no “Đất đai”:\n{found.stdout}")
    docx = sorted((work / "reports").glob("*.docx"))
    pdf = sorted((work / "reports").glob("*.pdf"))
    check(len(docx) == 1 and len(pdf) == 1, f"report wrote {docx + pdf}")
    check(zipfile.is_zipfile(docx[0]), f"{docx[0]} is not a DOCX")
    check("word/document.xml" in zipfile.ZipFile(docx[0]).namelist(), f"{docx[0]} has no body")
    data = pdf[0].read_bytes()
    check(data.startswith(b"%PDF"), f"{pdf[0]} is not a PDF")
    check(b"LiberationSerif" in data, f"{pdf[0]} does not embed the shipped font")
    key = work / "unit.key"
    check(key.is_file() and key.stat().st_size > 0, "units key wrote nothing")
    shots = sorted((work / "shots").glob("*.png"))
    check(len(shots) >= MIN_SHOTS and all(s.stat().st_size > 0 for s in shots),
          f"screenshots wrote {[s.name for s in shots]}")
    for log in sorted(logs.rglob("tgdesk.log*")) if logs is not None else ():
        text = log.read_text(encoding="utf-8", errors="replace")
        check(" ERROR " not in text and " CRITICAL " not in text and "Traceback" not in text,
              f"the log {log} holds errors:\n{text[-3000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="smoke run of a built tgdesk")
    parser.add_argument("--cli", required=True, help="the console program")
    parser.add_argument("--window", help="the windowed program (default: --cli)")
    parser.add_argument("--work", required=True, help="an empty folder outside the checkout")
    parser.add_argument("--home", help="a fresh home folder (Linux: default WORK/home)")
    args = parser.parse_args(argv)
    work = Path(args.work).resolve()
    home = Path(args.home).resolve() if args.home else work / "home"
    env = clean_env(home)
    try:
        smoke_run([Path(args.cli).resolve()], work / "run", env,
                  window=[Path(args.window).resolve()] if args.window else None,
                  logs=home if sys.platform.startswith("linux") else None)
    except SmokeFailed as exc:
        print(f"smoke run FAILED: {exc}", file=sys.stderr)
        return 1
    print("smoke run passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
