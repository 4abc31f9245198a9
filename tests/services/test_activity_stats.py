"""Figures of the propaganda activities, the online team and the models (store/
activity_stats.py) against tests/activity_data.py counted by hand; ``stats --json``."""

from __future__ import annotations

import json
from datetime import date

import pytest
from activity_data import DAI_HOI, MAT_TRAN, fill_activities

from tgdesk.domain.figures import ActivityCount
from tgdesk.domain.period import Period
from tgdesk.services import reports, stats
from tgdesk.store.stats import period_figures

NOV = Period.month(2026, 11)


@pytest.fixture
def data(ctx):
    return fill_activities(ctx)


def test_propaganda_by_form_and_campaign(ctx, data):
    f = stats.figures(ctx, NOV)
    assert f.propaganda_total == 8
    assert f.propaganda_by_form == {
        "truc_quan": ActivityCount(2, {"banners": 12, "slogans": 30, "panos": 2, "posters": 10,
                                       "flags": 300}),
        "loa_dai": ActivityCount(1, {"bulletins": 20, "minutes_on_air": 150}),
        "truc_tuyen": ActivityCount(1, {"posts": 5, "shares": 40, "reach": 1200}),
        "an_pham": ActivityCount(1, {"copies": 500}),
        "van_hoa": ActivityCount(1, {"performances": 3, "people": 400}),
        "mieng": ActivityCount(2, {"sessions": 3, "people": 210}),
    }
    assert f.propaganda_quantities["people"] == 610
    assert [(c.name, c.activities) for c in f.propaganda_by_campaign] == [(DAI_HOI, 4),
                                                                         (MAT_TRAN, 2)]
    dai_hoi = f.propaganda_by_campaign[0]
    assert dai_hoi.quantities == {"banners": 12, "slogans": 30, "flags": 300, "bulletins": 20,
                                  "minutes_on_air": 150, "copies": 500, "sessions": 1,
                                  "people": 60}
    assert dai_hoi.campaign_id == data["campaigns"][0]


def test_online_team_figures(ctx, data):
    f = stats.figures(ctx, NOV)
    assert (f.online_entries, f.online_posts, f.online_shares, f.online_reach) == (9, 17, 75,
                                                                                  3800)
    assert f.wrong_found == 4
    assert f.wrong_by_kind == {"sai_su_that": 2, "xuyen_tac": 1, "thu_dich": 1}
    assert list(f.wrong_by_kind) == ["sai_su_that", "xuyen_tac", "thu_dich"]   # enum order
    assert f.wrong_by_action == {"bao_cao_nen_tang": 1, "phan_bac": 1, "chuyen_co_quan": 1,
                                 "da_go": 1}
    assert f.essay_entries == 5
    assert f.online_members_active == 3          # three members wrote; one entry has none
    assert f.online_team_members == 2            # the third member is no longer active


def test_models_noted_and_recognised(ctx, data):
    f = stats.figures(ctx, NOV)
    assert f.models_total == 5
    assert f.models_by_subject == {"mo_hinh": 3, "tap_the": 1, "ca_nhan": 1}
    assert (f.models_registered, f.models_assessed, f.models_replicated) == (4, 3, 1)
    # recognised by the decision's day (March's model in November), else the day noted
    assert f.recognised == {"bieu_duong": {"mo_hinh": 1, "ca_nhan": 1},
                            "khen_thuong": {"mo_hinh": 1}}
    assert (f.recognised_count(), f.recognised_count("khen_thuong")) == (3, 1)


def test_previous_month_and_same_month_last_year(ctx, data):
    oct_ = stats.figures(ctx, NOV.previous())
    assert oct_.propaganda_total == 2
    assert oct_.propaganda_by_form["truc_quan"].quantities == {"banners": 5}
    assert (oct_.online_entries, oct_.online_posts, oct_.wrong_found) == (2, 6, 1)
    assert (oct_.models_total, oct_.recognised) == (1, {"khen_thuong": {"ca_nhan": 1}})
    last = stats.figures(ctx, NOV.same_last_year())
    assert (last.propaganda_total, last.online_posts, last.models_total) == (1, 3, 1)
    assert last.recognised == {} and last.wrong_found == 0


def test_received_records_count_for_their_unit_only(ctx, data):
    with ctx.reading() as session:
        theirs = period_figures(session, NOV.start, NOV.end, origin=[data["other"]])
    assert theirs.propaganda_total == 1
    assert theirs.propaganda_by_form["truc_quan"].quantities == {"banners": 7}
    assert (theirs.online_entries, theirs.online_posts) == (1, 7)
    assert theirs.models_by_subject == {"ca_nhan": 1}
    assert theirs.online_team_members == 0


def test_the_first_record_day_counts_the_new_kinds(ctx):
    assert reports.data_since(ctx) is None
    fill_activities(ctx)
    assert reports.data_since(ctx) == date(2025, 11, 2)


def test_stats_json_has_every_key_of_the_new_kinds(ctx, data):
    out = json.loads(json.dumps(stats.figures_json(stats.figures(ctx, NOV))))
    prop = out["propaganda"]
    assert prop["total"] == 8
    assert prop["quantities"]["flags"] == 300 and prop["quantities"]["people"] == 610
    assert len(prop["quantities"]) == 14
    assert prop["by_form"]["mieng"] == {"activities": 2,
                                        "quantities": {"sessions": 3, "people": 210}}
    assert prop["by_form"]["loa_dai"]["quantities"] == {"bulletins": 20, "minutes_on_air": 150}
    assert prop["by_campaign"][1] == {"id": data["campaigns"][1], "name": MAT_TRAN,
                                      "activities": 2,
                                      "quantities": {"panos": 2, "posters": 10,
                                                     "performances": 3, "people": 400}}
    assert out["online"] == {
        "team_members": 2, "members_active": 3, "entries": 9, "posts": 17, "shares": 75,
        "reach": 3800, "wrong_found": 4,
        "wrong_by_kind": {"sai_su_that": 2, "xuyen_tac": 1, "thu_dich": 1, "kich_dong": 0},
        "wrong_by_action": {"bao_cao_nen_tang": 1, "phan_bac": 1, "chuyen_co_quan": 1,
                            "da_go": 1, "theo_doi": 0},
        "essay_entries": 5}
    assert out["models"] == {
        "total": 5, "by_subject": {"mo_hinh": 3, "tap_the": 1, "ca_nhan": 1},
        "registered": 4, "assessed": 3, "replicated": 1,
        "recognised": {"bieu_duong": {"mo_hinh": 1, "tap_the": 0, "ca_nhan": 1},
                       "khen_thuong": {"mo_hinh": 1, "tap_the": 0, "ca_nhan": 0}},
        "recognised_total": 3}
    empty = stats.figures_json(stats.figures(ctx, Period.month(2026, 9)))
    assert empty["propaganda"]["by_form"]["truc_quan"] == {
        "activities": 0, "quantities": {"banners": 0, "slogans": 0, "panos": 0, "posters": 0,
                                        "flags": 0}}
    assert empty["propaganda"]["by_campaign"] == []


def test_figure_lines_give_the_new_kinds(ctx, data):
    listed = stats.figure_lines(stats.figures(ctx, NOV))
    lines = dict(listed)
    assert lines["Hoạt động tuyên truyền"] == "8"
    at = listed.index(("  – Nói chuyện, tuyên truyền miệng", "2"))
    assert listed[at + 1:at + 3] == [("    + Buổi nói chuyện", "3"), ("    + Lượt người", "210")]
    assert lines[f"  Đợt “{DAI_HOI}”"] == "4 hoạt động"
    assert lines["  Tin, bài đăng"] == "17" and lines["  Lượt tiếp cận"] == "3.800"
    assert lines["    – Thông tin sai sự thật"] == "2"
    assert lines["  Khen thưởng"] == "1" and lines["  Biểu dương"] == "2"


def test_the_stats_command_prints_the_new_keys(ctx, data, capsys):
    from tgdesk import cli

    args = cli.build_parser().parse_args(["stats", "--period", "2026-11", "--json"])
    assert cli.run(ctx, args) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["propaganda"]["total"], out["online"]["posts"], out["models"]["total"]) == \
        (8, 17, 5)
    assert out["propaganda"]["by_campaign"][0]["name"] == DAI_HOI
    args = cli.build_parser().parse_args(["stats", "--period", "2026-11"])
    assert cli.run(ctx, args) == 0
    text = capsys.readouterr().out
    assert any(line.startswith("Hoạt động tuyên truyền") and line.split()[-1] == "8"
               for line in text.splitlines())


def test_models_of_the_year_so_far_and_their_theme(ctx, data):
    from activity_data import THEME

    from tgdesk.store.activity_stats import models_to_date, year_theme

    with ctx.reading() as session:
        year = models_to_date(session, date(2026, 1, 1), date(2026, 11, 30))
        theme = year_theme(session, date(2026, 1, 1), date(2026, 11, 30))
        none = year_theme(session, date(2024, 1, 1), date(2024, 12, 31))
    # November 5, March 1, October 1; recognised: 3 in November, 1 in October
    assert (year.models_total, year.models_registered, year.recognised_count()) == (7, 6, 4)
    assert year.propaganda_total == 0            # only the models are counted
    assert (theme, none) == (THEME, None)
