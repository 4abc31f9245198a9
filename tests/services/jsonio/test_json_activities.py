"""The JSON records file carries the kinds of issue 15: propaganda activities
(with their campaign), online-team entries (with their member) and exemplary
models; codes and references by name as for the other kinds."""

from __future__ import annotations

import copy
from datetime import date

from tgdesk.services import lists
from tgdesk.services.jsonio import import_file
from tgdesk.services.kinds import RECORD_KINDS

from json_records import error_of, write   # tests/services/jsonio on sys.path

FILE = {
    "format": "tgdesk-records", "version": 1,
    "campaigns": [{"name": "Chào mừng Đại hội XIV", "starts_on": "2026-01-05"}],
    "cells": [{"name": "Chi bộ Khu phố 1"}],
    "areas": [{"name": "Khu phố 1"}],
    "people": [{"full_name": "Lê Thị Mạng", "role": "tuyen_truyen_vien", "online_team": True}],
    "propaganda": [
        {"held_on": "2026-11-02", "ends_on": "2026-11-20", "form": "truc_quan",
         "title": "Treo băng rôn chào mừng Đại hội", "campaign": "Chào mừng Đại hội XIV",
         "area": "Khu phố 1", "cell": "Chi bộ Khu phố 1", "place": "Đường số 5",
         "banners": 12, "flags": 300, "uuid": "5f1e2d3c-4b5a-4697-8877-665544332211"},
        {"held_on": "2026-11-09", "form": "loa_dai", "title": "Phát thanh về Đại hội",
         "bulletins": 6, "minutes_on_air": 45}],
    "online": [
        {"noted_on": "2026-11-05", "entry_kind": "dang_tin", "member": "Lê Thị Mạng",
         "channel": "zalo", "summary": "Chia sẻ tin Đại hội", "posts": 3, "shares": 40},
        {"noted_on": "2026-11-06", "entry_kind": "phat_hien", "member": "Lê Thị Mạng",
         "channel": "tiktok", "summary": "Clip xuyên tạc", "content_kind": "xuyen_tac",
         "action": "bao_cao_nen_tang"},
        {"noted_on": "2026-11-07", "entry_kind": "phat_hien", "channel": "facebook",
         "summary": "Bài sai sự thật đã được gỡ", "content_kind": "sai_su_that",
         "action": "da_go", "classification": "thuong"}],
    "models": [
        {"noted_on": "2026-03-01", "subject": "mo_hinh", "name": "Tuyến phố văn minh",
         "cell": "Chi bộ Khu phố 1", "area": "Khu phố 1", "assessed": True,
         "recognition": "bieu_duong", "recognition_level": "Đảng ủy phường",
         "recognized_on": "2026-05-19"}],
}


def _rows(ctx, kind):
    return lists.rows(ctx, kind, lists.record_ids(ctx, kind))


def test_the_new_kinds_import_with_their_references_and_values(ctx, tmp_path):
    result = import_file(ctx, write(tmp_path, FILE))
    assert {k: result.counts[k] for k in ("campaigns", "propaganda", "online", "models")} == {
        "campaigns": 1, "propaganda": 2, "online": 3, "models": 1}
    assert "2 hoạt động tuyên truyền, 3 việc của nhóm trên mạng, 1 mô hình, điển hình" \
        in result.text()
    visual = next(r for r in _rows(ctx, "propaganda") if r["form"] == "truc_quan")
    assert (visual["campaign"], visual["area"], visual["cell"], visual["banners"],
            visual["flags"], visual["ends_on"], visual["uuid"]) == (
        "Chào mừng Đại hội XIV", "Khu phố 1", "Chi bộ Khu phố 1", 12, 300, date(2026, 11, 20),
        "5f1e2d3c-4b5a-4697-8877-665544332211")
    online = {r["summary"]: r for r in _rows(ctx, "online")}
    assert online["Chia sẻ tin Đại hội"]["member"] == "Lê Thị Mạng"
    # wrong content found starts Mật unless the file says otherwise
    assert online["Clip xuyên tạc"]["classification"] == "mat"
    assert online["Bài sai sự thật đã được gỡ"]["classification"] == "thuong"
    assert online["Chia sẻ tin Đại hội"]["classification"] == "thuong"
    [model] = _rows(ctx, "models")
    rec = RECORD_KINDS["models"].get(ctx, model["id"])
    assert (rec.registered, rec.assessed, rec.replicated, rec.recognition,
            rec.recognized_on, model["cell"]) == (True, True, False, "bieu_duong",
                                                  date(2026, 5, 19), "Chi bộ Khu phố 1")
    member = next(p for p in lists.catalogue(ctx, "people") if p["full_name"] == "Lê Thị Mạng")
    assert member["online_team"] is True


def test_bad_values_of_the_new_kinds_stop_the_whole_file(ctx, tmp_path):
    bad = copy.deepcopy(FILE)
    bad["propaganda"][0]["campaign"] = "Đợt không có"
    bad["propaganda"][1]["banners"] = 3                      # not a quantity of loa_dai
    bad["online"][0]["channel"] = "Zalo"                     # a label, not the code
    bad["models"][0]["registered"] = "có"
    message = error_of(ctx, write(tmp_path, bad))
    assert "chưa bản ghi nào được thêm" in message
    assert ("propaganda[0] “Treo băng rôn chào mừng Đại hội” (02/11/2026), trường “campaign”: "
            "“Đợt không có” không có trong danh mục đợt, chủ đề tuyên truyền") in message
    assert "propaganda[1] “Phát thanh về Đại hội” (09/11/2026), trường “banners”: Băng rôn: " \
           "không thuộc hình thức “Loa, đài truyền thanh”" in message
    assert "online[0] “Chia sẻ tin Đại hội” (05/11/2026), trường “channel”" in message
    assert "models[0] “Tuyến phố văn minh” (01/03/2026), trường “registered”: phải là true " \
           "hoặc false" in message
    assert lists.count(ctx, "propaganda") == 0 and lists.catalogue(ctx, "campaigns") == []


def test_a_second_import_skips_the_likely_duplicates_unless_kept(ctx, tmp_path):
    once = copy.deepcopy(FILE)
    del once["propaganda"][0]["uuid"]
    import_file(ctx, write(tmp_path, once))
    again = import_file(ctx, write(tmp_path, once, "again.json"))
    assert {k: again.counts[k] for k in ("propaganda", "online", "models")} == {
        "propaganda": 0, "online": 0, "models": 0}
    assert len(again.duplicates) == 6
    assert "trùng với hoạt động tuyên truyền đã có ngày 02/11/2026" in again.text()
    kept = import_file(ctx, write(tmp_path, once, "kept.json"), keep_duplicates=True)
    assert kept.counts["models"] == 1
    assert lists.count(ctx, "online") == 6
