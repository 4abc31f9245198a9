"""The frozen programs build and work: installer/build.sh runs PyInstaller with
installer/tgdesk.spec, checks that every data file is in the bundle, runs the smoke
run (tests/smoke.py) on the frozen tgdesk-cli and tgdesk from a folder outside the
checkout, and compiles installer/tgdesk.nsi with the Linux build standing in for the
Windows payload. A missing data file, a failed smoke step or a broken installer
script fails the script, and so this test."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

import tgdesk

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="installer/build.sh builds on Linux (Windows: build-windows.ps1)"),
]

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "build" / "frozen" / "dist" / "tgdesk"
SETUP = ROOT / "build" / f"tgdesk-{tgdesk.__version__}-setup.exe"


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path, float]:
    """(the finished build.sh, its work folder, when it started)."""
    work = tmp_path_factory.mktemp("frozen")
    started = time.time()
    done = subprocess.run(["bash", str(ROOT / "installer" / "build.sh"), "--work", str(work),
                           "--runs", "1"], cwd=ROOT, capture_output=True, text=True)
    return done, work, started


def test_build_check_and_installer_script_succeed(build):
    done, _, _ = build
    assert done.returncode == 0, f"{done.stdout[-6000:]}\n{done.stderr[-6000:]}"
    assert "smoke run of tgdesk-cli and tgdesk: ok" in done.stdout


def test_one_folder_holds_both_programs_and_the_data(build):
    done, _, started = build
    assert done.returncode == 0
    for program in ("tgdesk", "tgdesk-cli"):
        assert (DIST / program).is_file() and (DIST / program).stat().st_mtime >= started
    inside = DIST / "_internal"
    assert (inside / "resources" / "profiles" / "party.json").is_file()
    assert (inside / "resources" / "translations" / "qtbase_vi.qm").is_file()
    assert (inside / "tgdesk" / "store" / "migrations" / "env.py").is_file()
    assert sorted(p.stem for p in (inside / "babel" / "locale-data").glob("*.dat")) == \
        ["en", "root", "vi"]


def test_smoke_run_left_its_outputs_outside_the_checkout(build):
    done, work, _ = build
    assert done.returncode == 0
    run = work / "run"
    assert not run.resolve().is_relative_to(ROOT)
    assert len(list((run / "reports").glob("*.pdf"))) == 1
    assert len(list((run / "shots").glob("*.png"))) >= 9


def test_installer_compiled_from_this_build(build):
    done, _, started = build
    assert done.returncode == 0
    assert SETUP.is_file() and SETUP.stat().st_mtime >= started
    with SETUP.open("rb") as setup:
        assert setup.read(2) == b"MZ"
