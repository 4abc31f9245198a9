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
    key = "number_symbol" if kind == "documents" else "name"
    return [row[key] for row in lists.catalogue(ctx, kind)]


def test_the_standard_lists_are_valid_composed_and_unique(ctx):
    rows = starter.standard_rows(ctx.today())
    assert {r.kind for r in rows} == {"categories", "documents", "campaigns"}
    for kind in ("categories", "documents", "campaigns"):
        keys = [r.key for r in rows if r.kind == kind]
        assert len(keys) == len(set(keys)) >= 10, kind
    for row in rows:
        rec = row.record()
        verdict = v.validate_record(row.kind, rec, v.Known(), ctx.today())
        assert verdict.ok, (row.key, verdict.errors)
        for value in dataclasses.astuple(rec):
            if isinstance(value, str):
                assert unicodedata.is_normalized("NFC", value), value
    labels = {r.key: r.label for r in rows}
    assert labels["35-NQ/TW"] == "Nghị quyết 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị"
    assert labels["Đại hội XIII"] == "Nghị quyết Đại hội XIII"
    assert "Đất đai – môi trường" in labels
    details = {r.key: r.detail for r in rows if r.kind == "campaigns"}
    assert details["Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"].startswith(
        "từ 19/01/2026 đến 23/01/2026")
    assert details["Tháng hành động vì môi trường"].startswith("thường xuyên")


def test_the_standard_campaigns_carry_the_right_dates():
    """The dates of the events the campaigns mark, checked against the anniversaries."""
    by_name = {c[0]: c for c in data.CAMPAIGNS}
    assert len(by_name) == len(data.CAMPAIGNS)
    for name, starts_on, ends_on, _note in data.CAMPAIGNS:
        assert (starts_on is None) <= (ends_on is None), name      # an end needs a start
        if starts_on and ends_on:
            assert starts_on <= ends_on, name
    expected = {
        "Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng":
            (date(2026, 1, 19), date(2026, 1, 23)),
        "Kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9 (1945–2025)":
            (date(2025, 8, 19), date(2025, 9, 2)),
        "Chào mừng bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ "
        "2026–2031": (date(2026, 3, 15), date(2026, 3, 15)),
        "Tháng hành động vì môi trường": (None, None),
        "An toàn giao thông": (None, None),
    }
    for name, dates in expected.items():
        assert by_name[name][1:3] == dates, name
    assert date(2026, 3, 15).isoweekday() == 7          # the elections: a Sunday
    # "96 năm … (3/2/1930 – 3/2/2026)": the years in the name agree with the date
    for name, starts_on, _end, _note in data.CAMPAIGNS:
        if name.startswith("Kỷ niệm") and "năm Ngày" in name:
            years = int(name.split()[2])
            assert starts_on.year - years in (1890, 1930, 1975), name
            assert f"{starts_on.day}/{starts_on.month}/{starts_on.year}" in name, name


def test_campaigns_over_before_last_year_are_not_offered():
    keys = {r.key for r in starter.standard_rows(date(2027, 3, 1)) if r.kind == "campaigns"}
    assert "Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" in keys       # 2026
    assert not any("2025)" in k for k in keys)                                          # 2025
    assert "An toàn giao thông" in keys                                        # recurring


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
    assert added == {"categories": len(data.CATEGORIES) - 1, "documents": len(docs),
                     "campaigns": len(data.CAMPAIGNS)}
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
    assert {r.kind for r in offered} == {"documents", "campaigns"}
    everything = starter.standard_rows(ctx.today())
    added = save_unit(ctx, UNIT, starter=everything)
    assert added == {"documents": len(data.DOCUMENTS), "campaigns": len(data.CAMPAIGNS)}
    assert names(ctx, "categories") == ["Đất đai"]


def test_a_catalogue_whose_rows_are_all_in_the_trash_is_not_empty(ctx):
    CATEGORIES.delete(ctx, CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id)
    assert save_unit(ctx, UNIT, starter=starter.standard_rows(ctx.today())) == {
        "documents": len(data.DOCUMENTS), "campaigns": len(data.CAMPAIGNS)}
    assert names(ctx, "categories") == []


def test_a_wrong_unit_adds_no_rows_either(ctx):
    with pytest.raises(ValidationFailed):
        save_unit(ctx, UnitSettings(), starter=starter.offered(ctx))
    assert names(ctx, "categories") == [] and names(ctx, "documents") == []
    assert names(ctx, "campaigns") == []


def test_the_standard_campaigns_are_added_once_with_their_dates(ctx):
    offered = starter.offered(ctx)
    campaigns = [r for r in offered if r.kind == "campaigns"]
    unticked = "Tháng hành động phòng, chống ma túy"
    save_unit(ctx, UNIT, starter=[r for r in campaigns if r.key != unticked])
    rows = {r["name"]: r for r in lists.catalogue(ctx, "campaigns")}
    assert len(rows) == len(data.CAMPAIGNS) - 1 and unticked not in rows
    congress = rows["Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"]
    assert (congress["starts_on"], congress["ends_on"]) == (date(2026, 1, 19), date(2026, 1, 23))
    assert congress["note"] and congress["active"]
    assert rows["An toàn giao thông"]["starts_on"] is None
    # the newest first, the recurring themes after them
    order = list(rows)
    assert order[0].startswith("Kỷ niệm 136 năm") and order[-1] == "An toàn giao thông"
    # the catalogue is in use now: not offered again, never added twice
    assert not any(r.kind == "campaigns" for r in starter.offered(ctx))
    assert save_unit(ctx, UNIT, starter=campaigns) == {}
    assert len(lists.catalogue(ctx, "campaigns")) == len(data.CAMPAIGNS) - 1
    assert starter.added_text({"campaigns": 3}) == "3 đợt, chủ đề tuyên truyền"


def test_the_demo_reuses_the_standard_rows(ctx):
    save_unit(ctx, UNIT, starter=starter.offered(ctx))
    before = names(ctx, "categories")
    summary = load_demo(ctx, years=1, seed=1)
    assert summary.categories == 0 and summary.documents == 0
    assert names(ctx, "categories") == before
    used = {row["category"] for row in lists.rows(ctx, "opinions",
                                                  lists.record_ids(ctx, "opinions"))}
    assert used <= set(before) and "Đất đai – môi trường" in used
