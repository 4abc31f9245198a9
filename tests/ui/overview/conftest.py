"""Fixtures shared by the overview's tests: the links it calls, a page maker, a month of data."""

from __future__ import annotations

import pytest
from overview_pages import Calls, add_data, page_maker


@pytest.fixture
def calls():
    return Calls()


@pytest.fixture
def make_page(qtbot, ctx, calls):
    return page_maker(qtbot, ctx, calls)


@pytest.fixture
def data(ctx, catalogue):
    return add_data(ctx, catalogue)
