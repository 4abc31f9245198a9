"""The unit's own settings."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date

import pytest

from tgdesk.domain.records import UnitSettings
from tgdesk.services.errors import ValidationFailed
from tgdesk.services.settings_store import GUIDANCE, set_setting
from tgdesk.services.unit import Guidance, get_guidance, get_unit, save_guidance, save_unit

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                    place_name="Bình Tiên", doc_abbrev="ĐU", signer_authority="T/M ĐẢNG ỦY",
                    signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Thị Hạnh", profile="party",
                    term_start=date(2025, 10, 1))


def unit_rows(ctx) -> int:
    with ctx.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM unit").scalar()


def test_fresh_database_has_no_unit(ctx):
    assert get_unit(ctx) is None
    assert unit_rows(ctx) == 0


def test_save_then_get_round_trip(ctx):
    save_unit(ctx, UNIT)
    got = get_unit(ctx)
    assert got == UNIT
    assert got is not UNIT
    assert got.is_complete()


def test_saving_again_updates_the_one_row(ctx):
    save_unit(ctx, UNIT)
    changed = dataclasses.replace(UNIT, signer_title="BÍ THƯ", signer_name="Lê Văn Đức",
                                  signer_authority="", term_start=None)
    with pytest.raises(ValidationFailed):
        save_unit(ctx, changed)
    changed.signer_authority = "T/M ĐẢNG ỦY"
    save_unit(ctx, changed)
    assert unit_rows(ctx) == 1
    assert get_unit(ctx) == changed


def test_text_is_normalised(ctx):
    nfd = dataclasses.replace(UNIT, name=unicodedata.normalize("NFD", "  Đảng ủy phường Bình Tiên "),
                              place_name=unicodedata.normalize("NFD", "Bình Tiên"))
    save_unit(ctx, nfd)
    got = get_unit(ctx)
    assert got.name == "Đảng ủy phường Bình Tiên"
    assert got.place_name == "Bình Tiên"


@pytest.mark.parametrize("fld,message", [
    ("name", "Tên đơn vị: chưa nhập."),
    ("parent_name", "Tên cấp trên: chưa nhập."),
    ("place_name", "Địa danh: chưa nhập."),
    ("signer_name", "Họ tên người ký: chưa nhập."),
])
def test_missing_fields_are_refused_and_nothing_saved(ctx, fld, message):
    with pytest.raises(ValidationFailed) as err:
        save_unit(ctx, dataclasses.replace(UNIT, **{fld: "   "}))
    assert [(i.field, i.message) for i in err.value.issues] == [(fld, message)]
    assert get_unit(ctx) is None
    assert unit_rows(ctx) == 0


def test_failed_save_keeps_the_previous_settings(ctx):
    save_unit(ctx, UNIT)
    with pytest.raises(ValidationFailed) as err:
        save_unit(ctx, dataclasses.replace(UNIT, name="", doc_abbrev="BC-ĐU"))
    assert [i.field for i in err.value.issues] == ["name", "doc_abbrev"]
    assert get_unit(ctx) == UNIT


# --- the guidance the reports cite ---------------------------------------------------

def test_the_guidance_is_saved_with_the_unit_and_cleaned(ctx):
    save_unit(ctx, UNIT, Guidance("  Hướng dẫn số  12-HD/BTGDVTU ", date(2026, 1, 5)))
    assert get_guidance(ctx) == Guidance("12-HD/BTGDVTU", date(2026, 1, 5))
    assert get_unit(ctx) == UNIT
    save_unit(ctx, UNIT)                                   # without it: kept as it was
    assert get_guidance(ctx).is_set()
    save_guidance(ctx, Guidance("", None))                 # emptied: cleared
    assert get_guidance(ctx) == Guidance() and not get_guidance(ctx).is_set()


@pytest.mark.parametrize("guidance, field, words", [
    (Guidance("12-HD/BTGDVTU", None), "guidance_date", "chưa nhập"),
    (Guidance("", date(2026, 1, 5)), "guidance_number", "chưa nhập"),
    (Guidance("…-HD/BTGDVTU", date(2026, 1, 5)), "guidance_number", "ghi đủ số"),
    (Guidance("HD/BTGDVTU", date(2026, 1, 5)), "guidance_number", "ghi đủ số"),
    (Guidance("12-HD/BTGDVTU", date(2026, 11, 25)), "guidance_date", "sau ngày hôm nay"),
    (Guidance("1" * 41, date(2026, 1, 5)), "guidance_number", "dài quá 40"),
])
def test_a_wrong_guidance_saves_nothing_and_says_where(ctx, guidance, field, words):
    with pytest.raises(ValidationFailed) as exc:
        save_unit(ctx, UNIT, guidance)
    assert [(i.field, words in i.message) for i in exc.value.issues] == [(field, True)]
    assert get_unit(ctx) is None and get_guidance(ctx) == Guidance()
    with pytest.raises(ValidationFailed):
        save_guidance(ctx, guidance)


def test_an_unreadable_guidance_setting_reads_as_none(ctx):
    set_setting(ctx, GUIDANCE, {"number": 12, "issued_on": "05/01/2026"})
    assert get_guidance(ctx) == Guidance()
    set_setting(ctx, GUIDANCE, ["12-HD/BTGDVTU"])
    assert get_guidance(ctx) == Guidance()
