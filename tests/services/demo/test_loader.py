"""Loading the demo (services/demo/loader.py): deterministic, valid, counted."""

from __future__ import annotations

import unicodedata
from datetime import date

from sqlalchemy import select

from tgdesk.services import kinds
from tgdesk.services.crud import known_ids
from tgdesk.services.demo import load_demo
from tgdesk.store import tables as t

from demo_rows import TODAY, dump, fresh


def test_same_seed_gives_identical_rows_uuids_included(template_db, tmp_path):
    a, b = fresh(template_db, tmp_path, "a.sqlite"), fresh(template_db, tmp_path, "b.sqlite")
    try:
        load_demo(a, years=1, seed=7)
        load_demo(b, years=1, seed=7)
        rows_a, rows_b = dump(a), dump(b)
        assert rows_a == rows_b
        assert len(rows_a["opinion_note"]) > 100
        for table in ("campaign", "propaganda_activity", "online_entry", "exemplary_model"):
            assert rows_a[table], table
    finally:
        a.close()
        b.close()


def test_other_seed_gives_other_data(template_db, tmp_path):
    a, b = fresh(template_db, tmp_path, "a.sqlite"), fresh(template_db, tmp_path, "b.sqlite")
    try:
        load_demo(a, years=1, seed=1)
        load_demo(b, years=1, seed=2)
        assert dump(a)["meeting"] != dump(b)["meeting"]
        assert dump(a)["opinion_note"] != dump(b)["opinion_note"]
    finally:
        a.close()
        b.close()


def test_summary_counts_and_text(ctx):
    summary = load_demo(ctx, years=2, seed=1)
    assert 8 <= summary.cells <= 15
    assert 8 <= summary.areas <= 12
    assert 8 <= summary.categories <= 10
    assert summary.start == date(2024, 12, 1) and summary.end == TODAY
    with ctx.reading() as session:
        assert summary.meetings == len(session.scalars(select(t.MeetingRow.id)).all())
        assert summary.opinions == len(session.scalars(select(t.OpinionRow.id)).all())
        for row, n in ((t.CampaignRow, summary.campaigns), (t.PropagandaRow, summary.propaganda),
                       (t.OnlineEntryRow, summary.online), (t.ModelRow, summary.models)):
            assert n == len(session.scalars(select(row.id)).all()) > 0, row
        team = session.scalars(select(t.PersonRow.id).where(t.PersonRow.online_team)).all()
        assert summary.online_team == len(team)
    text = summary.text()
    assert text.startswith("Đã nạp dữ liệu mẫu: ")
    assert "(từ 01/12/2024 đến 24/11/2026)" in text
    assert f"{summary.propaganda} hoạt động tuyên truyền" in text.replace(".", "")
    assert f"({summary.online_team} thành viên)" in text
    assert "đợt tuyên truyền" in text and "mô hình, điển hình" in text
    if summary.opinions >= 1000:
        assert "." in text.split("ý kiến dư luận")[0].split(",")[-1]


def test_every_record_passes_validation(ctx):
    load_demo(ctx, years=1, seed=3)
    with ctx.reading() as session:
        known = known_ids(session)
        for kind in (*kinds.RECORD_KINDS.values(), *kinds.CATALOGUE_KINDS.values()):
            rows = session.scalars(select(kind.row)).all()
            assert rows, kind.name
            for row in rows:
                rec = kind.to_record(row)
                assert kind.validate(rec, known, TODAY).ok, rec
                for f in ("title", "summary", "name", "full_name", "contents"):
                    value = getattr(rec, f, None)
                    if value:

                        assert unicodedata.is_normalized("NFC", value)


def test_a_second_load_links_its_own_rows_to_their_ids(ctx):
    """Follow-up steps and studied documents go to the rows of the same load, in order,
    though the database already holds a load's rows (loader.insert_ids)."""
    load_demo(ctx, years=1, seed=1)
    load_demo(ctx, years=1, seed=1)
    with ctx.reading() as session:
        notes = {n.id: n for n in session.scalars(select(t.OpinionRow))}
        first = {}
        for step in session.scalars(select(t.FollowUpRow).order_by(t.FollowUpRow.id)):
            first.setdefault(step.opinion_id, step)
        unlinked = [s.id for s in session.scalars(select(t.StudyRow)) if not s.documents]
    assert set(first) == set(notes)
    assert all(first[i].changed_on == n.noted_on and first[i].status == "moi"
               for i, n in notes.items())
    assert unlinked == []
