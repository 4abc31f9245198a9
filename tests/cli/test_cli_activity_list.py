"""`tgdesk list propaganda|online|models`: every field and catalogue name in
--json, the filters that apply to each kind, the text table (issue 15)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tgdesk.app import main
from tgdesk.domain.records import ExemplaryModel, OnlineEntry, PropagandaActivity
from tgdesk.services.context import open_context

from activity_samples import AREA, CAMPAIGN, CELL, MEMBER, add_samples

RECORDS = {"propaganda": PropagandaActivity, "online": OnlineEntry, "models": ExemplaryModel}
NAMES = {"propaganda": ("campaign", "area", "cell"), "online": ("member",),
         "models": ("area", "cell")}


@pytest.fixture
def samples_db(db_path):
    from datetime import date

    ctx = open_context(db_path, today=lambda: date(2026, 11, 24))
    try:
        samples = add_samples(ctx)
    finally:
        ctx.close()
    return db_path, samples


def run(db, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(db, capsys, kind, *extra) -> list[dict]:
    code, out, err = run(db, "list", kind, "--json", *extra, capsys=capsys)
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_json_has_every_field_and_the_catalogue_names(samples_db, capsys, kind):
    db, samples = samples_db
    items = listed(db, capsys, kind)
    assert {i["id"] for i in items} == set(samples.ids[kind]) | (
        {samples.secret[kind]} if kind in samples.secret else set())
    fields = {f.name for f in dataclasses.fields(RECORDS[kind])}
    for item in items:
        assert fields | set(NAMES[kind]) <= set(item), fields - set(item)
        assert "origin_unit_id" not in item
    first = items[-1] if kind != "online" else next(i for i in items if i["member"])
    if kind == "propaganda":
        assert (first["campaign"], first["area"], first["cell"], first["held_on"],
                first["ends_on"], first["banners"]) == (CAMPAIGN, AREA, CELL, "2026-11-02",
                                                       "2026-11-20", 12)
    elif kind == "online":
        assert first["member"] == MEMBER
    else:
        assert (first["cell"], first["area"], first["recognized_on"], first["replicated"]) == (
            CELL, AREA, "2026-05-19", True)


def test_the_filters_that_apply(samples_db, capsys):
    db, samples = samples_db
    assert [i["form"] for i in listed(db, capsys, "propaganda", "--form", "loa_dai")] \
        == ["loa_dai"]
    by_campaign = listed(db, capsys, "propaganda", "--campaign", "chao mung dai hoi xiv cua "
                         "dang (thu)")
    assert [i["campaign"] for i in by_campaign] == [CAMPAIGN]
    cell_id = samples.refs["cell"]
    assert len(listed(db, capsys, "propaganda", "--cell", str(cell_id))) == 1
    assert len(listed(db, capsys, "models", "--area", AREA)) == 1
    assert [i["title"] for i in listed(db, capsys, "propaganda", "--search", "bang ron")] \
        == ["Treo băng rôn, cờ chào mừng Đại hội"]
    assert [i["entry_kind"] for i in listed(db, capsys, "online", "--entry-kind", "du_thi")] \
        == ["du_thi"]
    assert [i["channel"] for i in listed(db, capsys, "online", "--channel", "zalo")] == ["zalo"]
    assert [i["subject"] for i in listed(db, capsys, "models", "--subject", "ca_nhan")] \
        == ["ca_nhan"]
    assert len(listed(db, capsys, "models", "--recognition", "khen_thuong")) == 1
    asc = listed(db, capsys, "propaganda", "--sort", "quantity", "--asc")
    assert [i["quantity"] for i in asc] == sorted(i["quantity"] for i in asc)
    assert listed(db, capsys, "online", "--from", "2026-11-10") == listed(
        db, capsys, "online", "--entry-kind", "du_thi")


def test_a_form_of_another_kind_or_an_unknown_catalogue_name_is_refused(samples_db, capsys):
    db, _ = samples_db
    code, out, err = run(db, "list", "propaganda", "--form", "truc_tiep", capsys=capsys)
    assert code == 2 and "không phải hình thức của loại propaganda" in out + err
    code, out, err = run(db, "list", "propaganda", "--campaign", "Không có", capsys=capsys)
    assert code == 2 and "Không có đợt, chủ đề “Không có” trong danh mục" in out + err


def test_the_text_table_reads_in_vietnamese(samples_db, capsys):
    db, _ = samples_db
    code, out, _ = run(db, "list", "propaganda", capsys=capsys)
    assert code == 0
    head = out.splitlines()[0]
    assert head.split()[:3] == ["Ngày", "Hình", "thức"]
    assert "12 băng rôn, 4 khẩu hiệu, 300 lá cờ" in out
    assert "02/11/2026–20/11/2026" in out and out.rstrip().endswith("2 bản ghi.")
    code, out, _ = run(db, "list", "models", capsys=capsys)
    assert "đăng ký, đánh giá, nhân rộng" in out and "Khen thưởng (Đảng ủy phường)" in out
    code, out, _ = run(db, "list", "online", capsys=capsys)
    assert "Báo cáo vi phạm với nền tảng" in out and "5 bài dự thi" in out
