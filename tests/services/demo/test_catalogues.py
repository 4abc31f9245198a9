"""The demo's unit and catalogues (services/demo/catalogues.py): set up once, reused."""

from __future__ import annotations

from sqlalchemy import select

from tgdesk.domain import validation as v
from tgdesk.domain.records import UnitSettings
from tgdesk.services.demo import load_demo
from tgdesk.services.unit import get_unit, save_unit
from tgdesk.store import tables as t


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


def test_loading_twice_adds_records_but_reuses_catalogues(ctx):
    first = load_demo(ctx, years=1, seed=1)
    second = load_demo(ctx, years=1, seed=1)
    assert second.cells == second.areas == second.documents == second.categories == 0
    assert second.meetings == first.meetings
    with ctx.reading() as session:
        assert len(session.scalars(select(t.CellRow.id)).all()) == first.cells
        assert len(session.scalars(select(t.MeetingRow.id)).all()) == 2 * first.meetings
