"""The campaigns catalogue and the people's online-team flag in a JSON records file."""

from __future__ import annotations

import copy
from datetime import date

from tgdesk.services import lists
from tgdesk.services.jsonio import import_file

from json_records import GOOD, error_of, write   # tests/services/jsonio on path

CAMPAIGNS = [
    {"name": "Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
     "starts_on": "2026-01-19", "ends_on": "2026-01-23", "note": "Đại hội họp tại Hà Nội"},
    {"name": "An toàn giao thông"},
]


def test_campaigns_and_the_online_team_are_imported(ctx, tmp_path):
    data = {"format": "tgdesk-records", "version": 1, "campaigns": CAMPAIGNS,
            "people": [{"full_name": "Lê Thị Hoa", "online_team": True},
                       {"full_name": "Trần Văn Nam"}]}
    result = import_file(ctx, write(tmp_path, data))
    assert result.counts == {"people": 2, "campaigns": 2}
    assert "2 đợt, chủ đề tuyên truyền" in result.text()
    rows = {r["name"]: r for r in lists.catalogue(ctx, "campaigns")}
    congress = rows["Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"]
    assert (congress["starts_on"], congress["ends_on"]) == (date(2026, 1, 19), date(2026, 1, 23))
    assert rows["An toàn giao thông"]["starts_on"] is None
    team = {r["full_name"]: r["online_team"] for r in lists.catalogue(ctx, "people")}
    assert team == {"Lê Thị Hoa": True, "Trần Văn Nam": False}
    # the same file again: the names are in the catalogue, nothing is added twice
    again = import_file(ctx, write(tmp_path, data, "again.json"))
    assert again.counts == {"people": 0, "campaigns": 0}
    assert again.reused == {"people": 2, "campaigns": 2}


def test_a_campaign_ending_before_it_starts_is_refused(ctx, tmp_path):
    data = {"format": "tgdesk-records", "version": 1,
            "campaigns": [{"name": "Bầu cử", "starts_on": "2026-03-15",
                           "ends_on": "2026-03-01"}]}
    message = error_of(ctx, write(tmp_path, data))
    assert ("campaigns[0] “Bầu cử”, trường “ends_on”: Ngày kết thúc: không được trước ngày "
            "bắt đầu.") in message
    assert lists.catalogue(ctx, "campaigns") == []


def test_the_online_team_flag_must_be_true_or_false(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["people"][0]["online_team"] = "có"
    message = error_of(ctx, write(tmp_path, data))
    assert "trường “online_team”: phải là true hoặc false." in message
