"""Two databases on one machine: a ward and the level above, keys exchanged."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date

import pytest
from db_dump import dump  # noqa: F401  (used here and by tests importing it from here)

from tgdesk.services.context import Context, open_context
from tgdesk.services import exchange as ex
from tgdesk.services.demo import load_demo

TODAY = date(2026, 11, 24)


@dataclass
class Pair:
    ward: Context
    upper: Context
    tmp: object
    ward_unit_id: int      # the ward as registered at the level above
    parent_id: int         # the level above as registered at the ward


@pytest.fixture
def pair(template_db, tmp_path) -> Pair:
    paths = {}
    for name in ("ward", "upper"):
        (tmp_path / name).mkdir()
        paths[name] = tmp_path / name / "tgdesk.sqlite"
        shutil.copy(template_db, paths[name])
    ward = open_context(paths["ward"], today=lambda: TODAY)
    upper = open_context(paths["upper"], today=lambda: TODAY)
    load_demo(ward, years=1, seed=7)
    ex.init_unit(upper, "BAN TUYÊN GIÁO VÀ DÂN VẬN ĐẢNG ỦY QUẬN", "ĐẢNG BỘ THÀNH PHỐ", "Hà Nội")
    ex.write_key_file(ward, tmp_path / "ward.key")
    ex.write_key_file(upper, tmp_path / "upper.key")
    child = ex.add_unit(upper, tmp_path / "ward.key", "child")
    parent = ex.add_unit(ward, tmp_path / "upper.key", "parent")
    yield Pair(ward, upper, tmp_path, child.id, parent.id)
    ward.close()
    upper.close()


