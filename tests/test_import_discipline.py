"""Each path imports only what it uses (docs/design.md, "Import discipline"): the
window started and quit after its first paint, ``list`` and ``stats`` leave the
heavy libraries unloaded; a report loads its renderers on first use.

Each case runs ``tgdesk.app.main`` in a fresh interpreter and reads sys.modules
after it returns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tgdesk.domain.records import UnitSettings
from tgdesk.services.context import open_context
from tgdesk.services.unit import save_unit

HEAVY = ("PySide6", "openpyxl", "reportlab", "docx", "cryptography", "alembic")
# The window needs Qt; the rest is used only by some pages and commands.
NOT_AT_WINDOW_START = ("openpyxl", "reportlab", "docx", "cryptography", "alembic",
                       "tgdesk.services.exchange", "tgdesk.services.excel",
                       "tgdesk.ui.catalogues.catalogue_page", "tgdesk.ui.records.record_page")

CHILD = r"""
import json, sys
from tgdesk.app import main
code = main(sys.argv[1:])
tops = sorted({name.split(".")[0] for name in sys.modules} | set(sys.modules))
print("\nMODULES " + json.dumps({"code": code, "modules": tops}))
"""


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    """A current database with a unit (no first-run dialog) and a few records."""
    path = tmp_path_factory.mktemp("imports") / "tgdesk.sqlite"
    ctx = open_context(path)
    try:
        save_unit(ctx, UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ TP",
                                    place_name="Bình Tiên", signer_name="Nguyễn Văn An"))
        from tgdesk.services.demo import load_demo
        load_demo(ctx, years=1, seed=1)
    finally:
        ctx.close()
    return path


def loaded(database: Path, *args: str, window: bool = False) -> set[str]:
    """The modules loaded by ``tgdesk --db DATABASE ARGS`` run to its end."""
    home = database.parent / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("TGDESK_QUIT_AFTER_PAINT", None)
    if window:
        env["TGDESK_QUIT_AFTER_PAINT"] = "1"
    done = subprocess.run([sys.executable, "-c", CHILD, "--db", str(database), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=180)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("MODULES ")), None)
    assert done.returncode == 0 and line is not None, done.stdout + done.stderr
    found = json.loads(line.removeprefix("MODULES "))
    assert found["code"] == 0, done.stderr
    return set(found["modules"])


def test_the_window_starts_without_the_pages_and_libraries_it_does_not_show(database):
    modules = loaded(database, window=True)
    assert "PySide6" in modules and "tgdesk.ui.overview.overview_page" in modules
    assert sorted(m for m in NOT_AT_WINDOW_START if m in modules) == []


@pytest.mark.parametrize("args", [("list", "opinions"), ("stats", "--period", "2026-10")],
                         ids=["list", "stats"])
def test_list_and_stats_load_no_heavy_library(database, args):
    modules = loaded(database, *args)
    assert "sqlalchemy" in modules
    assert sorted(m for m in (*HEAVY, "tgdesk.services.exchange") if m in modules) == []


def test_a_report_loads_its_renderers_on_first_use(database, tmp_path):
    """The check itself: what a command uses does show in sys.modules."""
    modules = loaded(database, "report", "--kind", "work", "--period", "2026-10",
                     "--format", "docx,pdf", "--out", str(tmp_path))
    assert {"docx", "reportlab"} <= modules
    assert sorted(m for m in ("PySide6", "openpyxl", "cryptography", "alembic")
                  if m in modules) == []
    assert len(list(tmp_path.glob("*.pdf"))) == 1


def test_alembic_is_loaded_only_to_upgrade(tmp_path):
    """A new file is made by running the migrations (Alembic loads); opening it
    again, at the head, reads the revision by plain SQL (Alembic stays unloaded)."""
    code = ("import sys; from tgdesk.services.context import open_context; "
            "open_context(sys.argv[1]).close(); print('alembic' in sys.modules)")
    path = tmp_path / "moi.sqlite"
    runs = [subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                           text=True, timeout=120) for _ in range(2)]
    assert [run.stdout.strip() for run in runs] == ["True", "False"], runs[-1].stderr
