"""The demo gives coverage something to show: membership that changed, deadlines."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from tgdesk.services import coverage, lists, membership
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo

from demo_rows import TODAY


def test_cells_have_a_membership_history_consistent_with_their_count(demo):
    cells = lists.catalogue(demo, "cells")
    histories = {c["id"]: membership.history(demo, c["id"]) for c in cells}
    assert all(histories.values())
    changed = [h for h in histories.values() if len(h) > 1]
    assert 2 <= len(changed) <= 4
    for c in cells:
        assert histories[c["id"]][-1].member_count == c["member_count"]
        assert all(e.effective_on <= TODAY for e in histories[c["id"]])


@pytest.fixture
def two_years(template_db, tmp_path):
    """Two years back from 24/11/2026: the documents of 12/2024–05/2025 are rolled out
    in the window (one year holds only the yearly ones)."""
    path = tmp_path / "demo2.sqlite"
    shutil.copy(template_db, path)
    ctx = open_context(path, today=lambda: TODAY)
    load_demo(ctx, years=2, seed=1)
    yield ctx
    ctx.close()


def test_recent_documents_have_deadlines_and_coverage_shows_late_cells(two_years):
    demo = two_years
    docs = lists.catalogue(demo, "documents")
    with_deadline = [d for d in docs if d["study_deadline"] is not None]
    assert 2 <= len(with_deadline) < len(docs)
    assert all(d["study_deadline"] >= d["issued_on"] for d in with_deadline)
    found = coverage.coverage(demo)
    assert len(found) == len(docs)
    states = Counter(c.state.value for dc in found for c in dc.cells)
    assert states["da_to_chuc"] and states["chua_to_chuc"] + states["qua_han"]
    assert all(dc.members_covered <= dc.members_total for dc in found)
    assert any(0 < (dc.members_rate or 0) < 1 for dc in found)
