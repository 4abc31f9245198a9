"""docs/design.md lists every package of tgdesk (its rooms), and nothing that is gone."""

from __future__ import annotations

import re
from pathlib import Path

import tgdesk

PACKAGE = Path(tgdesk.__file__).parent
DESIGN = PACKAGE.parent / "docs" / "design.md"


def _packages() -> set[str]:
    return {str(init.parent.relative_to(PACKAGE)) + "/"
            for init in PACKAGE.rglob("__init__.py") if init.parent != PACKAGE}


def _listed() -> set[str]:
    text = DESIGN.read_text(encoding="utf-8")
    house = text.split("## The house", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^- `([a-z_/]+/)`", house, flags=re.M))


def test_every_room_is_listed_and_every_listed_room_exists():
    assert _listed() == _packages()


def test_the_tree_has_rooms():
    assert {"ui/records/", "cli/", "ui/common/"} <= _packages()
