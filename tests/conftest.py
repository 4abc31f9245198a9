"""Shared fixtures: a migrated template database copied per test (fast), and a
Context on it with a fixed "today"."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tgdesk.services.context import Context, open_context  # noqa: E402

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def cheap_passwords(monkeypatch):
    """Argon2 at a test's cost (the real one takes ~0.2 s per password on purpose);
    every hash and key slot keeps its own cost, so nothing else changes."""
    from tgdesk.services import passwords
    monkeypatch.setattr(passwords, "COST", passwords.Cost(memory_kib=8 * 1024, iterations=1,
                                                          lanes=1))


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    ctx = open_context(path)
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    return path


@pytest.fixture
def db_path(template_db, tmp_path) -> Path:
    target = tmp_path / "tgdesk.sqlite"
    shutil.copy(template_db, target)
    return target


@pytest.fixture
def ctx(db_path) -> Context:
    context = open_context(db_path, today=lambda: TODAY)
    yield context
    context.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, template_db):
    """``build(years, seed)``: the path of a database holding that demo ward, built
    once a test session (tests that share a demo share the build); open a copy
    with ``demo_db.open_copy``."""
    from tgdesk.services.demo import load_demo

    built: dict[tuple[int, int], Path] = {}

    def build(years: int = 1, seed: int = 1) -> Path:
        if (years, seed) not in built:
            path = tmp_path_factory.mktemp(f"demo-{years}y-{seed}") / "demo.sqlite"
            shutil.copy(template_db, path)
            context = open_context(path, today=lambda: TODAY)
            load_demo(context, years=years, seed=seed)
            with context.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            context.close()
            built[(years, seed)] = path
        return built[(years, seed)]
    return build
