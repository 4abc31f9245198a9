"""One year of demo data (seed 1), loaded once and copied per test."""

from __future__ import annotations


import pytest


from demo_db import open_copy


@pytest.fixture
def demo(demo_template, tmp_path):
    """A copy of the one-year demo database."""
    ctx = open_copy(demo_template(years=1, seed=1), tmp_path)
    yield ctx
    ctx.close()
