"""The demo data: deterministic, valid, in the past, and useful for reports."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date

from sqlalchemy import select

from tgdesk.domain import validation as v
from tgdesk.domain.period import Period
from tgdesk.domain.records import UnitSettings
from tgdesk.services import kinds, stats
from tgdesk.services.context import open_context
from tgdesk.services.crud import known_ids
from tgdesk.services.demo import load_demo
from tgdesk.services.unit import get_unit, save_unit
from tgdesk.store import tables as t

TODAY = date(2026, 11, 24)  # the conftest ctx fixture's today

VOLATILE = {"created_at", "updated_at"}


def dump(ctx) -> dict[str, list[tuple]]:
    out = {}
    with ctx.reading() as session:
        for table in t.Base.metadata.sorted_tables:
            cols = [c for c in table.columns if c.name not in VOLATILE]
            out[table.name] = [tuple(r) for r in session.execute(
                select(*cols).order_by(*table.primary_key.columns))]
    return out


def fresh(template_db, tmp_path, name: str):
    path = tmp_path / name
    shutil.copy(template_db, path)
    return open_context(path, today=lambda: TODAY)


def test_same_seed_gives_identical_rows_uuids_included(template_db, tmp_path):
    a, b = fresh(template_db, tmp_path, "a.sqlite"), fresh(template_db, tmp_path, "b.sqlite")
    try:
        load_demo(a, years=1, seed=7)
        load_demo(b, years=1, seed=7)
        rows_a, rows_b = dump(a), dump(b)
        assert rows_a == rows_b
        assert len(rows_a["opinion_note"]) > 100
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
    text = summary.text()
    assert text.startswith("Đã nạp dữ liệu mẫu: ")
    assert "(từ 01/12/2024 đến 24/11/2026)" in text
    if summary.opinions >= 1000:
        assert "." in text.split("ý kiến dư luận")[0].split(",")[-1]


def test_unit_set_up_on_an_empty_database(ctx):
    assert get_unit(ctx) is None
    summary = load_demo(ctx, years=1)
    unit = get_unit(ctx)
    assert unit is not None and unit.is_complete()
    assert unit.name == unit.name.upper()
    assert summary.unit_created == unit.name
    assert v.validate_unit(unit).ok


def test_existing_unit_is_not_overwritten(ctx):
    mine = UnitSettings(name="ĐẢNG ỦY XÃ AN PHÚ", parent_name="ĐẢNG BỘ TỈNH AN GIANG",
                        place_name="An Phú", signer_name="Lê Văn Tám")
    save_unit(ctx, mine)
    summary = load_demo(ctx, years=1)
    assert get_unit(ctx) == mine
    assert summary.unit_created is None
    assert "Đã thiết lập đơn vị" not in summary.text()


def test_nothing_in_the_future_and_sundays_are_rare(ctx):
    load_demo(ctx, years=2, seed=5)
    with ctx.reading() as session:
        days = (session.scalars(select(t.MeetingRow.held_on)).all()
                + session.scalars(select(t.StudyRow.held_on)).all()
                + session.scalars(select(t.OpinionRow.noted_on)).all())
        docs = session.scalars(select(t.DocumentRow.issued_on)).all()
    assert days and max(days) <= TODAY and max(docs) <= TODAY
    assert min(days) >= date(2024, 12, 1)
    sundays = sum(1 for d in days if d.weekday() == 6)
    assert sundays / len(days) < 0.03


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


def test_a_month_has_figures_worth_reporting(ctx):
    load_demo(ctx, years=1, seed=1)
    f = stats.figures(ctx, Period.month(2026, 10))
    assert 4 <= f.meetings_total <= 12
    assert f.study_sessions > 0 and f.documents
    assert 0.85 <= f.party_rate <= 1.0
    assert 10 <= f.opinions_total <= 25
    assert f.opinions_by_attitude.get("dong_tinh", 0) + f.opinions_by_attitude.get(
        "ban_khoan", 0) > f.opinions_by_attitude.get("buc_xuc", 0)
    year = stats.figures(ctx, Period.year(2026))
    assert year.meetings_by_type.get("giao_ban", 0) == max(year.meetings_by_type.values())
    assert year.meetings_by_type.get("so_ket", 0) >= 2


def test_loading_twice_adds_records_but_reuses_catalogues(ctx):
    first = load_demo(ctx, years=1, seed=1)
    second = load_demo(ctx, years=1, seed=1)
    assert second.cells == second.areas == second.documents == second.categories == 0
    assert second.meetings == first.meetings
    with ctx.reading() as session:
        assert len(session.scalars(select(t.CellRow.id)).all()) == first.cells
        assert len(session.scalars(select(t.MeetingRow.id)).all()) == 2 * first.meetings


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
