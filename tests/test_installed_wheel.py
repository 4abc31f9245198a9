"""The installed package is complete: build the wheel, install it (not editable) into a
fresh virtual environment, and run the program there from a folder outside the
checkout. Every Python-level open or folder listing of the run is watched, and none
may touch the checkout - fonts, format profiles and migrations must come from the
installed package."""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from smoke import clean_env, run, smoke_run

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


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """(venv, wheel, environment): the wheel built from a copy of the sources and
    installed with the locked dependencies into a fresh venv."""
    base = tmp_path_factory.mktemp("wheel")
    env = clean_env(base / "home")
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
    run([sys.executable, *PIP, "wheel", "--no-deps", "-w", wheels, source], base, env)
    (wheel,) = wheels.glob("tgdesk-*.whl")
    venv = base / "venv"
    run([sys.executable, "-m", "venv", venv], base, env)
    python = venv / "bin" / "python"
    run([python, *PIP, "install", "--no-deps", wheel], base, env)
    run([python, *PIP, "install", "-r", ROOT / "requirements" / "runtime.txt"], base, env)
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
    done = run([venv / "bin" / "python", "-c",
                "import sys, tgdesk, tgdesk.paths as p; "
                "print(tgdesk.__file__); print(p.resources_dir()); print(*sys.path, sep='\\n')"],
               tmp_path, env)
    module, resources, *search_path = done.stdout.splitlines()
    assert Path(module).is_relative_to(site)
    assert Path(resources) == site / "tgdesk" / "resources"
    assert not [p for p in search_path if p and Path(p).resolve().is_relative_to(ROOT)]


def test_smoke_run_of_the_installed_program(installed, tmp_path):
    venv, _, _ = installed
    env = clean_env(tmp_path / "home")
    guard, log = tmp_path / "guard.py", tmp_path / "checkout-reads.log"
    guard.write_text(GUARD, encoding="utf-8")
    log.touch()
    # The console script once; every smoke command through the guard.
    version = run([venv / "bin" / "tgdesk", "--version"], tmp_path, env)
    assert version.stdout.startswith("tgdesk ")
    smoke_run([venv / "bin" / "python", guard, ROOT, log], tmp_path / "work", env,
              logs=tmp_path / "home")
    assert log.read_text(encoding="utf-8") == ""
