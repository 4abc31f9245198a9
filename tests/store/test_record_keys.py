"""store/queries.record_keys: what likely duplicates are compared on, read in one query."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from tgdesk.domain.records import (Area, Cell, Meeting, OpinionCategory, OpinionNote,
                                   PartyDocument, StudySession)
from tgdesk.services.kinds import (AREAS, CATEGORIES, CELLS, DOCUMENTS, MEETINGS, OPINIONS,
                                   STUDIES)
from tgdesk.store import queries
from tgdesk.store import tables as t


def _unit(session) -> int:
    unit = t.ExchangeUnitRow(uuid=t.new_uuid(), name="Phường B", relation="child",
                             sign_public=b"s" * 32, box_public=b"b" * 32, fingerprint="0")
    session.add(unit)
    session.flush()
    return unit.id


def test_live_records_of_the_range_and_origin(ctx):
    cell = CELLS.create(ctx, Cell(name="Chi bộ 1")).id
    area = AREAS.create(ctx, Area(name="Khu phố 1")).id
    cat = CATEGORIES.create(ctx, OpinionCategory(name="Giá cả")).id
    doc = DOCUMENTS.create(ctx, PartyDocument(number_symbol="35-NQ/TW", issuer="Bộ Chính trị",
                                              issued_on=date(2018, 10, 22), title="NQ")).id
    for day, title in ((date(2026, 9, 30), "Trước kỳ"), (date(2026, 10, 1), "Đầu kỳ"),
                       (date(2026, 10, 31), "Cuối kỳ"), (date(2026, 10, 5), "Đã xóa"),
                       (date(2026, 10, 6), "Nhận được")):
        MEETINGS.create(ctx, Meeting(held_on=day, title=title))
    STUDIES.create(ctx, StudySession(held_on=date(2026, 10, 6), title="Học tập", cell_id=cell,
                                     document_ids=[doc], key_cadres=3))
    OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 10, 7), summary="Ý kiến",
                                     area_id=area, category_id=cat))
    with ctx.transaction() as session:
        other = _unit(session)
        m = t.MeetingRow
        session.execute(update(m).where(m.title == "Đã xóa").values(deleted=True))
        session.execute(update(m).where(m.title == "Nhận được").values(origin_unit_id=other))
    october = (date(2026, 10, 1), date(2026, 10, 31))
    with ctx.reading() as session:
        own = queries.record_keys(session, "meetings", *october)
        assert [(r[1], r[2], r[3]) for r in own] == [(date(2026, 10, 1), None, "Đầu kỳ"),
                                                     (date(2026, 10, 31), None, "Cuối kỳ")]
        theirs = queries.record_keys(session, "meetings", *october, origin=[other])
        assert [r[3] for r in theirs] == ["Nhận được"]
        [study] = queries.record_keys(session, "studies", *october)
        assert study[1:] == (date(2026, 10, 6), cell, "Học tập")
        [note] = queries.record_keys(session, "opinions", *october)
        assert note[1:] == (date(2026, 10, 7), area, "Ý kiến")
