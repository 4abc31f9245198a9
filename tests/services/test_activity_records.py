"""The propaganda activities, the online team's entries and the exemplary
models through the shared record services: save, validate, list, filter,
search, sort, delete (issue 15, items 1–3)."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.records import (Area, Campaign, Cell, ExemplaryModel, OnlineEntry, Person,
                                   PropagandaActivity)
from tgdesk.services import lists
from tgdesk.services.errors import ValidationFailed
from tgdesk.services.kinds import (AREAS, CAMPAIGNS, CELLS, MODELS, ONLINE, PEOPLE, PROPAGANDA,
                                   RECORD_KINDS)


def messages(err) -> dict[str, str]:
    return {i.field: i.message for i in err.value.verdict.errors}


@pytest.fixture
def refs(ctx):
    return {"campaign": CAMPAIGNS.create(ctx, Campaign(name="Chào mừng Đại hội XIV của Đảng")).id,
            "area": AREAS.create(ctx, Area(name="Khu phố 3")).id,
            "cell": CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3", member_count=40)).id,
            "member": PEOPLE.create(ctx, Person(full_name="Lê Thị Hoa", online_team=True)).id}


def test_a_propaganda_activity_round_trips_with_its_names(ctx, refs):
    rec = PropagandaActivity(held_on=date(2026, 11, 2), ends_on=date(2026, 11, 20),
                             form="truc_quan", title="Treo băng rôn chào mừng Đại hội",
                             campaign_id=refs["campaign"], area_id=refs["area"],
                             cell_id=refs["cell"], banners=12, flags=300)
    saved = PROPAGANDA.create(ctx, rec)
    back = PROPAGANDA.get(ctx, saved.id)
    assert (back.banners, back.flags, back.ends_on) == (12, 300, date(2026, 11, 20))
    [row] = lists.rows(ctx, "propaganda", [saved.id])
    assert (row["campaign"], row["area"], row["cell"], row["quantity"]) == (
        "Chào mừng Đại hội XIV của Đảng", "Khu phố 3", "Chi bộ Khu phố 3", 312)


def test_quantities_of_another_form_and_a_reversed_range_are_refused(ctx, refs):
    rec = PropagandaActivity(held_on=date(2026, 11, 2), ends_on=date(2026, 11, 1),
                             form="loa_dai", title="Phát thanh", bulletins=4, banners=3)
    with pytest.raises(ValidationFailed) as err:
        PROPAGANDA.create(ctx, rec)
    found = messages(err)
    assert "không thuộc hình thức “Loa, đài truyền thanh”" in found["banners"]
    assert "không được trước ngày bắt đầu" in found["ends_on"]
    assert lists.count(ctx, "propaganda") == 0


def test_wrong_content_needs_its_kind_and_action_and_others_must_not_have_them(ctx, refs):
    found = OnlineEntry(noted_on=date(2026, 11, 5), entry_kind="phat_hien", channel="tiktok",
                        summary="Clip xuyên tạc chủ trương sáp nhập")
    with pytest.raises(ValidationFailed) as err:
        ONLINE.create(ctx, found)
    assert set(messages(err)) == {"content_kind", "action"}
    post = OnlineEntry(noted_on=date(2026, 11, 5), entry_kind="dang_tin", summary="Bài tích cực",
                       posts=2, action="da_go")
    with pytest.raises(ValidationFailed) as err:
        ONLINE.create(ctx, post)
    assert "chỉ ghi cho việc" in messages(err)["action"]
    found.content_kind, found.action = "xuyen_tac", "bao_cao_nen_tang"
    found.member_id, found.classification = refs["member"], "mat"
    saved = ONLINE.create(ctx, found)
    [row] = lists.rows(ctx, "online", [saved.id])
    assert row["member"] == "Lê Thị Hoa"


def test_a_model_recognition_must_agree_with_its_decision(ctx, refs):
    rec = ExemplaryModel(noted_on=date(2026, 3, 1), name="Mô hình “Tuyến phố văn minh”",
                         recognition="chua", recognition_doc="Quyết định 12-QĐ/ĐU")
    with pytest.raises(ValidationFailed) as err:
        MODELS.create(ctx, rec)
    assert "recognition" in messages(err)
    rec.recognition = "khen_thuong"
    saved = MODELS.create(ctx, rec)
    assert [w.field for w in saved.warnings] == ["recognition_level"]


def test_lists_filter_search_and_sort_the_new_kinds(ctx, refs):
    for day, form, title, extra in (
            (1, "truc_quan", "Pano chào mừng Đại hội", {"panos": 2}),
            (3, "truc_tuyen", "Đăng tin về Đại hội trên fanpage", {"posts": 5, "shares": 40}),
            (7, "mieng", "Nói chuyện chuyên đề an toàn giao thông", {"sessions": 1, "people": 80})):
        PROPAGANDA.create(ctx, PropagandaActivity(held_on=date(2026, 11, day), form=form,
                                                  title=title, campaign_id=refs["campaign"]
                                                  if "Đại hội" in title else None, **extra))
    assert len(lists.record_ids(ctx, "propaganda")) == 3
    online = lists.record_ids(ctx, "propaganda", ListFilter(propaganda_form="truc_tuyen"))
    assert [r["title"] for r in lists.rows(ctx, "propaganda", online)] == [
        "Đăng tin về Đại hội trên fanpage"]
    by_campaign = lists.record_ids(ctx, "propaganda", ListFilter(campaign_id=refs["campaign"]))
    assert len(by_campaign) == 2
    hits = lists.record_ids(ctx, "propaganda", ListFilter(search="dai hoi"))
    assert len(hits) == 2
    by_people = lists.record_ids(ctx, "propaganda", ListFilter(sort="people"))
    assert lists.rows(ctx, "propaganda", by_people[:1])[0]["people"] == 80
    for kind in ("propaganda", "online", "models"):
        for key in lists.sort_keys(kind):
            lists.record_ids(ctx, kind, ListFilter(sort=key, search="a"))


def test_a_deleted_activity_goes_to_the_trash_and_comes_back(ctx, refs):
    saved = PROPAGANDA.create(ctx, PropagandaActivity(held_on=date(2026, 11, 2), form="an_pham",
                                                      title="Phát tờ rơi", copies=500))
    PROPAGANDA.delete(ctx, saved.id)
    assert lists.record_ids(ctx, "propaganda") == []
    assert lists.record_ids(ctx, "propaganda", ListFilter(deleted=True)) == [saved.id]
    PROPAGANDA.restore(ctx, saved.id)
    assert lists.record_ids(ctx, "propaganda") == [saved.id]
    assert set(RECORD_KINDS) >= {"propaganda", "online", "models"}
