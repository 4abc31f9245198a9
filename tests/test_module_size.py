"""No module of the package passes 400 lines (docs/design.md: small modules named
for what they hold). A module that grows past it is split by concept."""

from __future__ import annotations

from pathlib import Path

import tgdesk

LIMIT = 400
PACKAGE = Path(tgdesk.__file__).parent


def test_no_module_over_the_limit():
    over = {str(path.relative_to(PACKAGE)): n
            for path in sorted(PACKAGE.rglob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert over == {}, f"modules over {LIMIT} lines: {over}"


def test_the_check_sees_the_whole_package():
    # A wrong root would make the test above pass vacuously.
    names = {p.name for p in PACKAGE.rglob("*.py")}
    assert {"app.py", "tables.py", "docx.py"} <= names
