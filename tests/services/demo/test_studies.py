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


def test_no_document_is_named_with_its_kind_twice(demo):
    # "Nghị quyết Nghị quyết Đại hội XIII": a kind label followed by a symbol that repeats it
    from tgdesk.domain.enums import DocumentKind
    from tgdesk.reports.compose import cite
    from tgdesk.domain.figures import DocumentStudied

    with demo.reading() as session:
        docs = session.scalars(select(t.DocumentRow)).all()
        titles = session.scalars(select(t.StudyRow.title)).all()
    assert docs
    for d in docs:
        label = DocumentKind.from_code(d.kind).label
        assert not d.number_symbol.lower().startswith(label.lower()), d.number_symbol
        text = cite(DocumentStudied(d.id, d.kind, d.number_symbol, d.issued_on, d.issuer,
                                    d.title))
        assert f"{label} {label}".lower() not in text.lower(), text
    assert titles and not any("Nghị quyết Nghị quyết" in title for title in titles)
    congress = next(d for d in docs if "XIII" in d.number_symbol)
    assert congress.number_symbol == "Đại hội XIII"
