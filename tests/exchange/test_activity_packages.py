"""The kinds of issue 15 travel in packages (item 6): propaganda activities,
online-team entries and exemplary models go up with the campaigns and people
they name, Mật ones stay home and are counted; the level above sees them per
unit; campaigns (and documents with their study deadlines) go down. A package
of an older tgdesk, without these kinds, still imports."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

from sqlalchemy import delete, select

from tgdesk.domain import exchange as dx
from tgdesk.domain.period import Period
from tgdesk.domain.records import Campaign, PropagandaActivity
from tgdesk.services import exchange as ex
from tgdesk.services import lists
from tgdesk.services.exchange.export import collect_catalogue, collect_records
from tgdesk.services.kinds import CAMPAIGNS, PROPAGANDA, RECORD_KINDS
from tgdesk.store import tables as t

from activity_samples import CAMPAIGN, MEMBER, add_samples
from .test_package_content import MEETING, STAMP, build, reasons, summary_of

NOVEMBER = Period.parse("2026-11")
KINDS = ("propaganda", "online", "models")


def _uuids(ctx, kind, ids) -> set[str]:
    return {RECORD_KINDS[kind].get(ctx, i).uuid for i in ids}


def _plain(rec) -> dict:
    return {k: v for k, v in dataclasses.asdict(rec).items()
            if k not in ("id", "uuid", "campaign_id", "area_id", "cell_id", "member_id")}


def test_the_new_kinds_go_up_and_the_level_above_sees_them_per_unit(pair):
    ward, upper = pair.ward, pair.upper
    s = add_samples(ward)
    res = ex.export_records(ward, pair.tmp / "nov.tgx", period=NOVEMBER)
    assert res.held_back["online"] >= 1
    assert "việc của nhóm trên mạng được đánh dấu Mật không được đưa vào gói" in res.text()
    report = ex.import_packages(upper, pair.tmp / "nov.tgx")
    assert report.summaries[0].refused == []
    unit = lists.catalogue(upper, "cells")        # the level above's own lists: untouched
    assert all(c["name"] != "Chi bộ Khu phố Mười Bốn" for c in unit)
    assert lists.count(upper, "propaganda") == 0
    for kind in KINDS:
        got = {r["uuid"]: r for r in ex.received_rows(upper, kind, str(pair.ward_unit_id))}
        in_period = [i for i in s.ids[kind]
                     if NOVEMBER.start <= getattr(RECORD_KINDS[kind].get(ward, i),
                                                  "held_on" if kind == "propaganda"
                                                  else "noted_on") <= NOVEMBER.end]
        sent = _uuids(ward, kind, in_period)
        assert sent <= set(got), kind
        assert all(got[u]["unit_id"] == pair.ward_unit_id and got[u]["unit"] for u in sent)
        for rid in in_period:
            mine = RECORD_KINDS[kind].get(ward, rid)
            theirs = RECORD_KINDS[kind].get(upper, next(r["id"] for r in got.values()
                                                        if r["uuid"] == mine.uuid))
            assert _plain(theirs) == _plain(mine), kind
    visual = next(r for r in ex.received_rows(upper, "propaganda")
                  if r["form"] == "truc_quan" and r["campaign"] == CAMPAIGN)
    assert (visual["banners"], visual["flags"], visual["area"]) == (12, 300, "Khu phố Mười Bốn")
    online = {r["uuid"]: r for r in ex.received_rows(upper, "online")}
    assert any(r["member"] == MEMBER for r in online.values())
    # the Mật entry stayed home
    assert RECORD_KINDS["online"].get(ward, s.secret["online"]).uuid not in online
    # the member travels with the online-team flag, as a row of the sending unit
    with upper.reading() as session:
        person = session.scalars(select(t.PersonRow).where(t.PersonRow.full_name == MEMBER)).one()
        campaign = session.scalars(select(t.CampaignRow)
                                   .where(t.CampaignRow.name == CAMPAIGN)).one()
    assert person.online_team is True and person.origin_unit_id == pair.ward_unit_id
    assert campaign.origin_unit_id == pair.ward_unit_id


def test_a_changed_activity_goes_up_again_and_updates_the_copy(pair):
    ward, upper = pair.ward, pair.upper
    s = add_samples(ward)
    ex.export_records(ward, pair.tmp / "a.tgx", period=NOVEMBER)
    ex.import_packages(upper, pair.tmp / "a.tgx")
    rec = PROPAGANDA.get(ward, s.ids["propaganda"][0])
    rec.banners = 20
    PROPAGANDA.update(ward, rec.id, rec)
    gone = PROPAGANDA.get(ward, s.ids["propaganda"][1]).uuid
    PROPAGANDA.delete(ward, s.ids["propaganda"][1])
    ex.export_records(ward, pair.tmp / "b.tgx", since_last=True)
    summary = ex.import_packages(upper, pair.tmp / "b.tgx").summaries[0]
    assert summary.updated >= 1 and summary.deleted >= 1
    got = {r["uuid"]: r for r in ex.received_rows(upper, "propaganda")}
    assert got[rec.uuid]["banners"] == 20
    assert gone not in got


def test_a_mat_or_damaged_row_of_the_new_kinds_is_refused_with_its_reason(pair):
    def activity(**over):
        return {"held_on": "2026-11-03", "ends_on": None, "form": "truc_quan",
                "title": "Treo băng rôn", "place": None, "campaign": None, "area": None,
                "cell": None, **{f: 0 for f in ("banners", "slogans", "panos", "posters",
                                                "flags", "bulletins", "minutes_on_air", "posts",
                                                "shares", "reach", "copies", "performances",
                                                "sessions", "people")},
                "note": None, "classification": "thuong", **STAMP, **over}

    good, secret, alien, negative, wrong_ref = (str(uuid.uuid4()) for _ in range(5))
    content = {"propaganda": {good: activity(banners=3),
                              secret: activity(classification="mat"),
                              alien: activity(form="bieu_tinh"),
                              negative: activity(banners=-4),
                              wrong_ref: activity(campaign=str(uuid.uuid4()))},
               "models": {str(uuid.uuid4()): {"noted_on": "2026-11-03", "subject": "mo_hinh",
                                              "name": "Mô hình", "registered": "có", **STAMP}}}
    s = summary_of(pair, build(pair, content))
    why = reasons(s)
    assert s.added == 1, why
    assert f"{secret}: bản ghi Mật không được nhận qua gói" in why
    assert f"{alien}: Hình thức: giá trị “bieu_tinh” không có trong danh sách" in why
    assert f"{negative}: Băng rôn: không được là số âm" in why
    assert f"{wrong_ref}: tham chiếu “campaign” đến một mục không có trong gói" in why
    assert "trường “registered” phải là đúng/sai" in why
    assert [r["uuid"] for r in ex.received_rows(pair.upper, "propaganda")] == [good]


def test_a_package_without_the_new_kinds_still_imports_and_is_written_for_old_readers(pair):
    # what a tgdesk before issue 15 wrote: three record kinds, no campaigns
    old = build(pair, {"meetings": {str(uuid.uuid4()): MEETING}},
                tweak=lambda d: d.update(held_back={"meetings": 0, "studies": 0,
                                                    "opinions": 5}))
    assert summary_of(pair, old).added == 1
    # a ward with none of the new records writes nothing an older reader refuses
    with pair.ward.transaction() as session:      # (the demo may have made some)
        for row in (t.PropagandaRow, t.OnlineEntryRow, t.ModelRow):
            session.execute(delete(row))
    with pair.ward.reading() as session:
        content, counts, held = collect_records(session, NOVEMBER, None)
    assert set(content) <= set(dx.FIRST_KINDS) and set(held) <= set(dx.FIRST_KINDS)
    with pair.upper.reading() as session:
        down, _ = collect_catalogue(session)
    assert "campaigns" not in down


def test_campaigns_go_down_and_a_wards_activity_links_to_the_level_aboves_row(pair):
    ward, upper = pair.ward, pair.upper
    mine = CAMPAIGNS.create(upper, Campaign(name="Kỷ niệm 80 năm Quốc khánh (quận)",
                                            starts_on=date(2025, 8, 1)))
    ex.export_catalogue(upper, str(pair.ward_unit_id), pair.tmp / "dm.tgx")
    summary = ex.import_packages(ward, pair.tmp / "dm.tgx").summaries[0]
    assert summary.refused == []
    [there] = [c for c in lists.catalogue(ward, "campaigns") if c["uuid"] == mine.uuid]
    assert there["name"] == "Kỷ niệm 80 năm Quốc khánh (quận)"
    act = PROPAGANDA.create(ward, PropagandaActivity(
        held_on=date(2026, 11, 4), form="mieng", title="Nói chuyện chuyên đề Quốc khánh",
        campaign_id=there["id"], sessions=2, people=150))
    ex.export_records(ward, pair.tmp / "up.tgx", period=NOVEMBER)
    assert ex.import_packages(upper, pair.tmp / "up.tgx").summaries[0].refused == []
    got = next(r for r in ex.received_rows(upper, "propaganda") if r["uuid"] == act.uuid)
    assert got["campaign_id"] == mine.id
    # a renamed campaign follows down; the ward's copy is updated
    renamed = CAMPAIGNS.get(upper, mine.id)
    renamed.name = "Kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9"
    CAMPAIGNS.update(upper, mine.id, renamed)
    ex.export_catalogue(upper, str(pair.ward_unit_id), pair.tmp / "dm2.tgx")
    ex.import_packages(ward, pair.tmp / "dm2.tgx")
    [there] = [c for c in lists.catalogue(ward, "campaigns") if c["uuid"] == mine.uuid]
    assert there["name"] == renamed.name


def test_the_cli_lists_what_units_below_sent_of_the_new_kinds(pair, capsys):
    import json

    from tgdesk import cli

    add_samples(pair.ward)
    ex.export_records(pair.ward, pair.tmp / "n.tgx", period=NOVEMBER)
    ex.import_packages(pair.upper, pair.tmp / "n.tgx")
    for argv in (["received", "models", "--json"], ["list", "models", "--received", "--json"]):
        args = cli.build_parser().parse_args(argv)
        assert cli.run(pair.upper, args) == 0
        rows = json.loads(capsys.readouterr().out)
        mine = [r for r in rows if r["name"] == "Bà Nguyễn Thị Gương Mẫu"]
        assert len(mine) == 1 and mine[0]["unit"] and mine[0]["noted_on"] == "2026-11-03"
    args = cli.build_parser().parse_args(["received", "online"])
    assert cli.run(pair.upper, args) == 0
    assert "Chia sẻ bài viết về Đại hội" in capsys.readouterr().out
