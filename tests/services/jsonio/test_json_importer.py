"""Applying a records file (services/jsonio/importer.py): references, all or nothing, messages."""

from __future__ import annotations

import copy
import unicodedata

from sqlalchemy import select

from tgdesk.services.jsonio import import_file
from tgdesk.services.lists import ListFilter, record_ids, rows
from tgdesk.store import tables as t

from json_records import GOOD, TABLES, counts, error_of, write   # tests/services/jsonio on path


def test_a_good_file_imports_every_kind_with_references(ctx, tmp_path):
    result = import_file(ctx, write(tmp_path, GOOD))
    assert result.counts == {"cells": 1, "areas": 2, "documents": 2, "categories": 1,
                             "people": 2, "meetings": 2, "studies": 2, "opinions": 1}
    assert counts(ctx) == [1, 2, 2, 1, 2, 0, 0, 0, 0, 2, 2, 1]
    study = rows(ctx, "studies", record_ids(ctx, "studies", ListFilter()))
    by_title = {r["title"]: r for r in study}
    one = by_title["Học tập, quán triệt Nghị quyết 35"]
    assert one["documents"] == ["35-NQ/TW", "144-QĐ/TW"]
    assert one["cell"] == "Chi bộ Khu phố 1" and one["speaker"] == "Trần Thị Mai"
    assert by_title["Hội nghị toàn Đảng bộ"]["cell"] is None
    op = rows(ctx, "opinions", record_ids(ctx, "opinions", ListFilter()))[0]
    assert (op["area"], op["reporter"], op["category"]) == ("Khu phố 1", "Lê Văn Tâm",
                                                              "Đất đai – môi trường")
    assert op["classification"] == "mat"
    meetings = rows(ctx, "meetings", record_ids(ctx, "meetings", ListFilter()))
    assert "0f8e7c1a-5b2d-4c3e-9a10-2b3c4d5e6f70" in {m["uuid"] for m in meetings}
    text = result.text()
    assert text.startswith("Đã nhập từ tệp “records.json”: 1 chi bộ, 2 khu dân cư")
    assert "2 hội nghị" in text


def test_references_to_rows_already_in_the_database(ctx, tmp_path):
    import_file(ctx, write(tmp_path, GOOD))
    later = {"format": "tgdesk-records", "version": 1,
             "areas": [{"name": "Khu phố 1"}],
             "opinions": [{"noted_on": "2026-11-20", "area": "khu phố 1",
                           "category": "Đất đai – môi trường", "summary": "Băn khoăn."}]}
    result = import_file(ctx, write(tmp_path, later, "later.json"))
    assert result.counts["opinions"] == 1 and result.counts["areas"] == 0
    assert result.reused["areas"] == 1
    assert any("areas[0]" in w and "đã có" in w for w in result.warnings)
    assert counts(ctx)[1] == 2


def test_one_bad_record_imports_nothing_and_names_record_and_field(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["meetings"].append({"held_on": "2026-11-06", "title": "Giao ban khối",
                             "attendance": -3})
    message = error_of(ctx, write(tmp_path, data))
    assert counts(ctx) == [0] * len(TABLES)
    assert "chưa bản ghi nào được thêm" in message
    line = next(ln for ln in message.splitlines() if ln.startswith("meetings[2]"))
    assert "Giao ban khối" in line and "06/11/2026" in line
    assert "“attendance”" in line and "số âm" in line


def test_all_errors_are_collected(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["meetings"][0]["held_on"] = "05/11/2026"
    data["opinions"][0]["attitude"] = "vui"
    data["studies"][0]["party_members_present"] = 41
    message = error_of(ctx, write(tmp_path, data))
    assert "có 3 lỗi" in message
    assert "meetings[0]" in message and "“held_on”" in message and "YYYY-MM-DD" in message
    assert "opinions[0]" in message and "“attitude”" in message and "“vui”" in message
    assert "studies[0]" in message and "“party_members_present”" in message


def test_unknown_references(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["studies"][0]["documents"] = ["35-NQ/TW", "99-NQ/TW"]
    data["studies"][1]["cell"] = "Chi bộ Khu phố 9"
    data["opinions"][0]["category"] = "Giá cả"
    message = error_of(ctx, write(tmp_path, data))
    assert "studies[0]" in message and "“99-NQ/TW”" in message and "“documents”" in message
    assert "studies[1]" in message and "“Chi bộ Khu phố 9”" in message
    assert "opinions[0]" in message and "“category”" in message and "“Giá cả”" in message


def test_duplicate_uuid_in_database_and_in_file(ctx, tmp_path):
    import_file(ctx, write(tmp_path, GOOD))
    again = {"format": "tgdesk-records", "version": 1,
             "meetings": [GOOD["meetings"][0]]}
    message = error_of(ctx, write(tmp_path, again, "again.json"))
    assert "meetings[0]" in message and "đã có" in message and "“uuid”" in message
    twice = {"format": "tgdesk-records", "version": 1,
             "meetings": [dict(GOOD["meetings"][1], uuid="11111111-1111-4111-8111-111111111111"),
                          dict(GOOD["meetings"][1], uuid="11111111-1111-4111-8111-111111111111")]}
    assert "lặp lại" in error_of(ctx, write(tmp_path, twice, "twice.json"))


def test_nfd_text_is_stored_nfc(ctx, tmp_path):
    data = {"format": "tgdesk-records", "version": 1,
            "categories": [{"name": unicodedata.normalize("NFD", "  Giá cả, đời sống ")}],
            "opinions": [{"noted_on": "2026-11-12", "category": "Giá cả, đời sống",
                          "summary": unicodedata.normalize("NFD", "Người dân băn khoăn về giá "
                                                                  "điện.")}]}
    import_file(ctx, write(tmp_path, data))
    with ctx.reading() as session:
        assert session.scalar(select(t.CategoryRow.name)) == "Giá cả, đời sống"
        summary = session.scalar(select(t.OpinionRow.summary))
    assert summary == "Người dân băn khoăn về giá điện."
    assert unicodedata.is_normalized("NFC", summary)


def test_warnings_do_not_block(ctx, tmp_path):
    data = {"format": "tgdesk-records", "version": 1,
            "meetings": [{"held_on": "2026-11-22", "title": "Hội thi cuối tuần",
                          "meeting_type": "hoi_thi"}]}
    result = import_file(ctx, write(tmp_path, data))
    assert result.counts["meetings"] == 1
    assert any("meetings[0]" in w and "Chủ nhật" in w for w in result.warnings)
    assert "Lưu ý (1)" in result.text()


def test_errors_are_capped(ctx, tmp_path):
    data = {"format": "tgdesk-records", "version": 1,
            "meetings": [{"held_on": "bad", "title": f"Họp {i}"} for i in range(60)]}
    message = error_of(ctx, write(tmp_path, data))
    assert "có 60 lỗi" in message
    assert len([ln for ln in message.splitlines() if ln.startswith("meetings[")]) == 50
    assert message.endswith("… và 10 lỗi khác.")


def test_a_backup_is_taken_before_an_import(ctx, tmp_path):
    import json
    from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)

    src = tmp_path / "one.json"
    src.write_text(json.dumps({"format": "tgdesk-records", "version": 1,
                               "cells": [{"name": "Chi bộ Khu phố 9"}]}), encoding="utf-8")
    result = import_file(ctx, src)
    assert result.backup is not None and result.backup.exists()
    assert result.backup.parent == ctx.db_path.parent / "backups"
    conn = sqlite3.connect(result.backup)
    try:  # the copy is the state before the import
        assert conn.execute("SELECT count(*) FROM cell").fetchone()[0] == 0
    finally:
        conn.close()


def test_study_citing_a_document_the_file_failed_to_add_is_refused(ctx, tmp_path):
    """Once a FlushError: the study's document list held None for the failed one."""
    data = copy.deepcopy(GOOD)
    data["documents"][0]["issued_on"] = "2030-01-01"           # 35-NQ/TW fails
    data["studies"][1]["uuid"] = "6f1b6a52-3f0e-4b7e-9a55-0c3e8d1f2a41"   # a query between
    message = error_of(ctx, write(tmp_path, data))
    assert "documents[0]" in message and "tương lai" in message
    lines = [ln for ln in message.splitlines() if ln.startswith("studies[")]
    assert len(lines) == 2
    assert all("“documents”" in ln and "“35-NQ/TW”" in ln and "có lỗi" in ln for ln in lines)
