"""One year of demo data (seed 1), loaded once and copied per test."""

from __future__ import annotations

import shutil

import pytest

from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo

from demo_rows import TODAY


@pytest.fixture(scope="session")
def demo_template(template_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copy(template_db, path)
    ctx = open_context(path, today=lambda: TODAY)
    load_demo(ctx, years=1, seed=1)
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    return path


@pytest.fixture
def demo(demo_template, tmp_path):
    """A copy of the one-year demo database."""
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, target)
    ctx = open_context(target, today=lambda: TODAY)
    yield ctx
    ctx.close()
