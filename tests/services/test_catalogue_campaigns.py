"""Catalogue upkeep (services/catalogue_ops.py) of the campaigns catalogue, and the
catalogue rows the propaganda, online-team and exemplary-model records use: they
count as uses, block a delete and move with a merge."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.records import (Area, Campaign, Cell, ExemplaryModel, OnlineEntry, Person,
                                   PropagandaActivity)
from tgdesk.services import catalogue_ops as ops
from tgdesk.services import lists
from tgdesk.services.errors import ValidationFailed
from tgdesk.services.kinds import (AREAS, CAMPAIGNS, CELLS, MODELS, ONLINE, PEOPLE, PROPAGANDA)


def activity(ctx, campaign: int | None = None, area: int | None = None,
             cell: int | None = None, day: int = 2) -> int:
    return PROPAGANDA.create(ctx, PropagandaActivity(
        held_on=date(2026, 11, day), form="truc_quan", title=f"Treo băng rôn ngày {day}",
        campaign_id=campaign, area_id=area, cell_id=cell, banners=3)).id


def test_a_campaign_ending_before_it_starts_is_refused(ctx):
    with pytest.raises(ValidationFailed) as err:
        CAMPAIGNS.create(ctx, Campaign(name="Bầu cử", starts_on=date(2026, 3, 15),
                                       ends_on=date(2026, 3, 1)))
    assert {i.field: i.message for i in err.value.verdict.errors} == {
        "ends_on": "Ngày kết thúc: không được trước ngày bắt đầu."}
    assert lists.catalogue(ctx, "campaigns") == []


def test_merging_campaigns_moves_the_activities(ctx):
    keep = CAMPAIGNS.create(ctx, Campaign(name="Chào mừng Đại hội XIV của Đảng")).id
    drop = CAMPAIGNS.create(ctx, Campaign(name="Chao mung Dai hoi XIV")).id
    a1, a2 = activity(ctx, drop, day=2), activity(ctx, drop, day=3)
    PROPAGANDA.delete(ctx, a2)                      # in the trash: moved all the same
    assert ops.usage_by_table(ctx, "campaigns", drop) == {"propaganda_activity": 1}
    assert ops.usage_text(ops.usage_by_table(ctx, "campaigns", drop)) == \
        "1 hoạt động tuyên truyền"
    [result] = ops.merge_many(ctx, "campaigns", keep, [drop])
    assert result.repointed == {"propaganda_activity": 2}
    assert PROPAGANDA.get(ctx, a1).campaign_id == keep
    assert [r["id"] for r in lists.catalogue(ctx, "campaigns")] == [keep]
    [row] = lists.rows(ctx, "propaganda", [a1])
    assert row["campaign"] == "Chào mừng Đại hội XIV của Đảng"


def test_a_campaign_in_use_is_not_deleted_an_unused_one_is(ctx):
    used = CAMPAIGNS.create(ctx, Campaign(name="An toàn giao thông")).id
    unused = CAMPAIGNS.create(ctx, Campaign(name="Tháng hành động vì môi trường")).id
    activity(ctx, used)
    with pytest.raises(ops.InUse) as err:
        ops.delete_unused(ctx, "campaigns", used)
    assert "đang được dùng trong 1 hoạt động tuyên truyền" in str(err.value)
    ops.delete_unused(ctx, "campaigns", unused)
    ops.set_active(ctx, "campaigns", used, False)
    assert [(r["name"], r["active"]) for r in lists.catalogue(ctx, "campaigns")] == [
        ("An toàn giao thông", False)]


def test_the_new_records_count_as_uses_of_cells_areas_and_people(ctx):
    cell = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3", member_count=40)).id
    cell_dup = CELLS.create(ctx, Cell(name="Chi bo KP3", member_count=40)).id
    area = AREAS.create(ctx, Area(name="Khu phố 3")).id
    member = PEOPLE.create(ctx, Person(full_name="Lê Thị Hoa", online_team=True)).id
    member_dup = PEOPLE.create(ctx, Person(full_name="Le Thi Hoa", online_team=True)).id
    activity(ctx, area=area, cell=cell_dup)
    MODELS.create(ctx, ExemplaryModel(noted_on=date(2026, 3, 1), name="Khu phố sáng, xanh",
                                      cell_id=cell_dup, area_id=area))
    entry = ONLINE.create(ctx, OnlineEntry(noted_on=date(2026, 11, 5), member_id=member_dup,
                                           summary="Chia sẻ bài về Đại hội", shares=5)).id
    assert ops.usage_by_table(ctx, "cells", cell_dup) == {"propaganda_activity": 1,
                                                         "exemplary_model": 1}
    assert ops.usage_by_table(ctx, "areas", area) == {"propaganda_activity": 1,
                                                     "exemplary_model": 1}
    for kind, row_id in (("cells", cell_dup), ("areas", area), ("people", member_dup)):
        with pytest.raises(ops.InUse):
            ops.delete_unused(ctx, kind, row_id)
    assert ops.merge(ctx, "cells", cell, cell_dup).repointed == {"propaganda_activity": 1,
                                                                 "exemplary_model": 1}
    assert ops.merge(ctx, "people", member, member_dup).repointed == {"online_entry": 1}
    assert ONLINE.get(ctx, entry).member_id == member
