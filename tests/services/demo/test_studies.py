"""The demo's study sessions (services/demo/studies.py): documents studied, after issue."""

from __future__ import annotations

from sqlalchemy import select

from tgdesk.domain.period import Period
from tgdesk.services import stats
from tgdesk.services.demo import load_demo
from tgdesk.store import tables as t

from demo_rows import fresh


def test_a_month_has_study_sessions_worth_reporting(demo):
    f = stats.figures(demo, Period.month(2026, 10))
    assert f.study_sessions > 0 and f.documents
    assert 0.85 <= f.party_rate <= 1.0


def test_documents_are_never_studied_before_they_were_issued(template_db, tmp_path):
    ctx = fresh(template_db, tmp_path, "long.sqlite")
    try:
        load_demo(ctx, years=12, seed=4)
        with ctx.reading() as session:
            early = session.execute(
                select(t.StudyRow.id).join(t.study_document,
                                           t.study_document.c.study_id == t.StudyRow.id)
                .join(t.DocumentRow, t.DocumentRow.id == t.study_document.c.document_id)
                .where(t.StudyRow.held_on <= t.DocumentRow.issued_on)).all()
        assert early == []
    finally:
        ctx.close()
