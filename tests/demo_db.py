"""Opening a copy of a database built once a test session (the ``demo_template``
fixture of tests/conftest.py builds the demo wards)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from tgdesk.services.context import Context, open_context

TODAY = date(2026, 11, 24)      # the conftest ctx fixture's today


def open_copy(template: Path, folder: Path, today: date = TODAY) -> Context:
    """A context on a fresh copy of ``template`` in ``folder``; close it when done."""
    target = folder / template.name
    shutil.copy(template, target)
    return open_context(target, today=lambda: today)
