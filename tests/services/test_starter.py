"""The standard catalogues a new database starts with (services/starter.py)."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date

import pytest

from tgdesk.domain import starter as data
from tgdesk.domain import validation as v
from tgdesk.domain.records import OpinionCategory, UnitSettings
from tgdesk.services import lists, starter
from tgdesk.services.demo import load_demo
from tgdesk.services.errors import ValidationFailed
from tgdesk.services.kinds import CATEGORIES
from tgdesk.services.unit import get_unit, save_unit

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                    place_name="Bình Tiên", signer_name="Nguyễn Thị Hạnh")


def names(ctx, kind: str) -> list[str]:
    key = "name" if kind == "categories" else "number_symbol"
    return [row[key] for row in lists.catalogue(ctx, kind)]


def test_the_standard_lists_are_valid_composed_and_unique(ctx):
    rows = starter.standard_rows(ctx.today())
    assert {r.kind for r in rows} == {"categories", "documents"}
    for kind in ("categories", "documents"):
        keys = [r.key for r in rows if r.kind == kind]
        assert len(keys) == len(set(keys)) >= 10, kind
    for row in rows:
        rec = row.record()
        verdict = (v.validate_category(rec) if row.kind == "categories"
                   else v.validate_document(rec, ctx.today()))
        assert verdict.ok, (row.key, verdict.errors)
        for value in dataclasses.astuple(rec):
            if isinstance(value, str):
                assert unicodedata.is_normalized("NFC", value), value
    labels = {r.key: r.label for r in rows}
    assert labels["35-NQ/TW"] == "Nghị quyết 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị"
    assert labels["Đại hội XIII"] == "Nghị quyết Đại hội XIII"
    assert "Đất đai – môi trường" in labels


def test_documents_issued_later_than_today_are_not_offered():
    early = starter.standard_rows(date(2025, 1, 1))
    keys = {r.key for r in early if r.kind == "documents"}
    assert "57-NQ/TW" in keys and "68-NQ/TW" not in keys


def test_a_new_database_gets_the_ticked_rows_and_not_the_unticked(ctx):
    offered = starter.offered(ctx)
    assert len(offered) == len(starter.standard_rows(ctx.today()))
    unticked = {"Tôn giáo, dân tộc", "44-NQ/TW"}
    picked = [r for r in offered if r.key not in unticked]
    added = save_unit(ctx, UNIT, starter=picked)
    assert get_unit(ctx).name == UNIT.name
    cats, docs = names(ctx, "categories"), names(ctx, "documents")
    assert added == {"categories": len(data.CATEGORIES) - 1, "documents": len(docs)}
    assert "Đất đai – môi trường" in cats and "Tôn giáo, dân tộc" not in cats
    assert "35-NQ/TW" in docs and "44-NQ/TW" not in docs
    assert len(docs) == len(data.DOCUMENTS) - 1
    doc = next(r for r in lists.catalogue(ctx, "documents") if r["number_symbol"] == "05-CT/TW")
    assert (doc["kind"], doc["issued_on"], doc["issuer"]) == ("chi_thi", date(2016, 5, 15),
                                                              "Bộ Chính trị")
    assert starter.offered(ctx) == []                      # once: nothing offered again
    assert save_unit(ctx, UNIT, starter=picked) == {}      # and nothing added twice
    assert len(names(ctx, "categories")) == len(cats)


def test_a_catalogue_in_use_gets_nothing_the_empty_one_does(ctx):
    CATEGORIES.create(ctx, OpinionCategory(name="Đất đai"))
    offered = starter.offered(ctx)
    assert {r.kind for r in offered} == {"documents"}
    everything = starter.standard_rows(ctx.today())
    added = save_unit(ctx, UNIT, starter=everything)
    assert added == {"documents": len(data.DOCUMENTS)}
    assert names(ctx, "categories") == ["Đất đai"]


def test_a_catalogue_whose_rows_are_all_in_the_trash_is_not_empty(ctx):
    CATEGORIES.delete(ctx, CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id)
    assert save_unit(ctx, UNIT, starter=starter.standard_rows(ctx.today())) == {
        "documents": len(data.DOCUMENTS)}
    assert names(ctx, "categories") == []


def test_a_wrong_unit_adds_no_rows_either(ctx):
    with pytest.raises(ValidationFailed):
        save_unit(ctx, UnitSettings(), starter=starter.offered(ctx))
    assert names(ctx, "categories") == [] and names(ctx, "documents") == []


def test_the_demo_reuses_the_standard_rows(ctx):
    save_unit(ctx, UNIT, starter=starter.offered(ctx))
    before = names(ctx, "categories")
    summary = load_demo(ctx, years=1, seed=1)
    assert summary.categories == 0 and summary.documents == 0
    assert names(ctx, "categories") == before
    used = {row["category"] for row in lists.rows(ctx, "opinions",
                                                  lists.record_ids(ctx, "opinions"))}
    assert used <= set(before) and "Đất đai – môi trường" in used
