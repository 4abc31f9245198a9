"""The installed package is complete: build the wheel, install it (not editable) into a
fresh virtual environment, and run the program there from a folder outside the
checkout. Every Python-level open or folder listing of the run is watched, and none
may touch the checkout - fonts, format profiles and migrations must come from the
installed package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("tgdesk", "resources", "pyproject.toml", "setup.py", "README.md")
PIP = ("-m", "pip", "--disable-pip-version-check", "-q")

# Runs tgdesk's entry point with an audit hook that records every file the run
# opens or lists under the checkout (written through a pre-opened descriptor, so the
# hook itself opens nothing).
GUARD = '''
import os, sys
checkout, log = sys.argv[1], sys.argv[2]
fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
def _watch(event, args):
    if event in ("open", "os.listdir", "os.scandir", "glob.glob") and args:
        target = args[0]
        if isinstance(target, (str, bytes, os.PathLike)):
            path = os.path.abspath(os.fsdecode(target))
            if path == checkout or path.startswith(checkout + os.sep):
                os.write(fd, (event + " " + path + "\\n").encode())
sys.addaudithook(_watch)
sys.argv = ["tgdesk"] + sys.argv[3:]
from tgdesk.app import main
sys.exit(main())
'''


def _run(args, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"), XDG_CONFIG_HOME=str(home / "config"))
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """(venv, wheel, environment): the wheel built from a copy of the sources and
    installed with the locked dependencies into a fresh venv."""
    base = tmp_path_factory.mktemp("wheel")
    env = _clean_env(base / "home")
    source = base / "src"
    source.mkdir()
    for name in SOURCES:
        item = ROOT / name
        if item.is_dir():
            shutil.copytree(item, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(item, source / name)
    wheels = base / "dist"
    _run([sys.executable, *PIP, "wheel", "--no-deps", "-w", wheels, source], base, env)
    (wheel,) = wheels.glob("tgdesk-*.whl")
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", venv], base, env)
    python = venv / "bin" / "python"
    _run([python, *PIP, "install", "--no-deps", wheel], base, env)
    _run([python, *PIP, "install", "-r", ROOT / "requirements-lock.txt"], base, env)
    return venv, wheel, env


def test_wheel_carries_resources_and_migrations(installed):
    _, wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"tgdesk/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
                for p in (ROOT / "resources").rglob("*") if p.is_file()
                and "__pycache__" not in p.parts}
    expected |= {f"tgdesk/store/migrations/versions/{p.name}"
                 for p in (ROOT / "tgdesk/store/migrations/versions").glob("*.py")}
    expected |= {"tgdesk/store/migrations/env.py", "tgdesk/store/migrations/script.py.mako"}
    assert "tgdesk/resources/profiles/party.json" in expected
    assert expected <= names, sorted(expected - names)


def test_install_points_nowhere_into_the_checkout(installed, tmp_path):
    venv, _, env = installed
    (site,) = (venv / "lib").glob("python*/site-packages")
    assert not list(site.glob("__editable__*")), "an editable install"
    for pth in site.glob("*.pth"):
        assert str(ROOT) not in pth.read_text(encoding="utf-8"), pth
    done = _run([venv / "bin" / "python", "-c",
                 "import sys, tgdesk, tgdesk.paths as p; "
                 "print(tgdesk.__file__); print(p.resources_dir()); print(*sys.path, sep='\\n')"],
                tmp_path, env)
    module, resources, *search_path = done.stdout.splitlines()
    assert Path(module).is_relative_to(site)
    assert Path(resources) == site / "tgdesk" / "resources"
    assert not [p for p in search_path if p and Path(p).resolve().is_relative_to(ROOT)]


def test_smoke_run_of_the_installed_program(installed, tmp_path):
    venv, _, env = installed
    guard, log = tmp_path / "guard.py", tmp_path / "checkout-reads.log"
    guard.write_text(GUARD, encoding="utf-8")
    log.touch()
    version = _run([venv / "bin" / "tgdesk", "--version"], tmp_path, env)
    assert version.stdout.startswith("tgdesk ")

    def tgdesk(*args):
        return _run([venv / "bin" / "python", guard, ROOT, log, "--db", "d.sqlite", *args],
                    tmp_path, env)

    tgdesk("demo")
    tgdesk("report", "--kind", "work", "--period", "2026-10", "--format", "docx,pdf",
           "--out", "reports")
    found = tgdesk("list", "opinions", "--search", "dat dai")
    tgdesk("units", "key", "--out", "unit.key")
    tgdesk("screenshots", "shots")

    assert "Đất đai" in found.stdout
    (docx,) = (tmp_path / "reports").glob("*.docx")
    (pdf,) = (tmp_path / "reports").glob("*.pdf")
    assert zipfile.is_zipfile(docx)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert b"LiberationSerif" in pdf.read_bytes()
    assert (tmp_path / "unit.key").stat().st_size > 0
    shots = sorted((tmp_path / "shots").glob("*.png"))
    assert len(shots) >= 9 and all(s.stat().st_size > 0 for s in shots)
    assert log.read_text(encoding="utf-8") == ""
