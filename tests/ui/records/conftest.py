"""Fixtures shared by the record lists' tests: notes and opinion notes in the database."""

from __future__ import annotations

import pytest
from record_lists import (
    ini_settings,
    make_notes,
    make_page,
)


@pytest.fixture
def notes(ctx, catalogue):
    return make_notes(ctx, catalogue)


@pytest.fixture
def opinions(qtbot, ctx, notes, tmp_path):
    return make_page(qtbot, ctx, settings=ini_settings(tmp_path))
