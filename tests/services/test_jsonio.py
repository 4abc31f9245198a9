"""Bulk import from a JSON records file: all or nothing, precise messages."""

from __future__ import annotations

import copy
import json
import unicodedata

import pytest
from sqlalchemy import func, select

from tgdesk.services.errors import UserError
from tgdesk.services.jsonio import import_file
from tgdesk.services.lists import ListFilter, record_ids, rows
from tgdesk.store import tables as t

GOOD = {
    "format": "tgdesk-records",
    "version": 1,
    "cells": [{"name": "Chi bộ Khu phố 1", "secretary": "Nguyễn Văn Hùng", "member_count": 42}],
    "areas": [{"name": "Khu phố 1", "kind": "khu_pho"}, {"name": "Khu phố 2"}],
    "documents": [{"kind": "nghi_quyet", "number_symbol": "35-NQ/TW",
                   "issued_on": "2018-10-22", "issuer": "Bộ Chính trị",
                   "title": "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng"},
                  {"kind": "quy_dinh", "number_symbol": "144-QĐ/TW", "issued_on": "2024-05-09",
                   "issuer": "Bộ Chính trị", "title": "Về chuẩn mực đạo đức cách mạng"}],
    "categories": [{"name": "Đất đai – môi trường"}],
    "people": [{"full_name": "Trần Thị Mai", "role": "bao_cao_vien"},
               {"full_name": "Lê Văn Tâm", "role": "ctv_dlxh", "area": "Khu phố 1"}],
    "meetings": [{"held_on": "2026-11-05", "meeting_type": "giao_ban",
                  "title": "Giao ban công tác tuyên giáo tháng 11/2026", "attendance": 32,
                  "contributions": 6, "uuid": "0f8e7c1a-5b2d-4c3e-9a10-2b3c4d5e6f70"},
                 {"held_on": "2026-10-20", "meeting_type": "so_ket",
                  "title": "Sơ kết công tác tuyên giáo 9 tháng"}],
    "studies": [{"held_on": "2026-11-10", "title": "Học tập, quán triệt Nghị quyết 35",
                 "documents": ["35-NQ/TW", "144-QĐ/TW"], "cell": "Chi bộ Khu phố 1",
                 "speaker": "Trần Thị Mai", "party_members_expected": 40,
                 "party_members_present": 38, "core_masses": 12},
                {"held_on": "2026-11-11", "title": "Hội nghị toàn Đảng bộ",
                 "documents": ["35-NQ/TW"], "key_cadres": 30}],
    "opinions": [{"noted_on": "2026-11-12", "area": "Khu phố 1", "reporter": "Lê Văn Tâm",
                  "category": "Đất đai – môi trường", "summary": "Nhân dân phấn khởi.",
                  "attitude": "dong_tinh", "concern": "thap"}],
}
TABLES = (t.CellRow, t.AreaRow, t.DocumentRow, t.CategoryRow, t.PersonRow, t.MeetingRow,
          t.StudyRow, t.OpinionRow)


def write(tmp_path, data, name="records.json") -> object:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def counts(ctx) -> list[int]:
    with ctx.reading() as session:
        return [session.scalar(select(func.count()).select_from(row)) for row in TABLES]


def error_of(ctx, path) -> str:
    before = counts(ctx)
    with pytest.raises(UserError) as info:
        import_file(ctx, path)
    assert counts(ctx) == before, "a failed import must change nothing"
    return str(info.value)


def test_a_good_file_imports_every_kind_with_references(ctx, tmp_path):
    result = import_file(ctx, write(tmp_path, GOOD))
    assert result.counts == {"cells": 1, "areas": 2, "documents": 2, "categories": 1,
                             "people": 2, "meetings": 2, "studies": 2, "opinions": 1}
    assert counts(ctx) == [1, 2, 2, 1, 2, 2, 2, 1]
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


@pytest.mark.parametrize("content,expected", [
    (b"{not json", "không phải JSON hợp lệ"),
    (b"[1, 2]", "đối tượng JSON"),
    ('{"format": "khác", "version": 1}'.encode(), "không phải tệp bản ghi tgdesk"),
    (b'{"format": "tgdesk-records", "version": 9}', "phiên bản định dạng"),
    ("{\"format\": \"tgdesk-records\", \"version\": 1, \"meetings\": [{\"title\": \"Hội\"}]}"
     .encode("utf-16"), "UTF-8"),
    (b'{"format": "tgdesk-records", "version": 1, "meetings": {}}', "“meetings” phải là"),
])
def test_bad_files(ctx, tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert expected in error_of(ctx, path)


def test_missing_file(ctx, tmp_path):
    assert "Không tìm thấy tệp" in error_of(ctx, tmp_path / "nowhere.json")


def test_unknown_keys_are_named(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["extras"] = []
    message = error_of(ctx, write(tmp_path, data))
    assert "“extras”" in message
    data = copy.deepcopy(GOOD)
    data["meetings"][1]["tittle"] = "typo"
    data["opinions"][0]["area_id"] = 3
    message = error_of(ctx, write(tmp_path, data))
    assert "meetings[1]" in message and "“tittle”" in message
    assert "opinions[0]" in message and "“area_id”" in message and "“area”" in message


def test_bad_date_type_and_impossible_date(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["meetings"][0]["held_on"] = "2026-02-30"
    data["meetings"][1]["attendance"] = "30"
    data["studies"][0]["held_on"] = "2027-01-01"
    message = error_of(ctx, write(tmp_path, data))
    assert "2026-02-30" in message and "không có thật" in message
    assert "meetings[1]" in message and "số nguyên" in message
    assert "studies[0]" in message and "tương lai" in message


def test_unknown_code(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["people"][0]["role"] = "bao_cao"
    message = error_of(ctx, write(tmp_path, data))
    assert "people[0] “Trần Thị Mai”" in message and "“role”" in message


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
    import sqlite3

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


# --- bad input: every one refused with a message, nothing changed (issue 9) -------

def write_ascii(tmp_path, data, name="bad.json"):
    """JSON with \\u escapes, so a lone surrogate can be written."""
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    return path


def test_lone_surrogate_in_name_is_refused(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["cells"][0]["name"] = "Chi bộ \ud800"
    data["opinions"][0]["summary"] = "Băn khoăn \udc00 về giá"
    message = error_of(ctx, write_ascii(tmp_path, data))
    assert "cells[0]" in message and "“name”" in message and "U+D800" in message
    assert "opinions[0]" in message and "“summary”" in message and "U+DC00" in message
    message.encode("utf-8")          # printable: the CLI can write it


def test_control_character_in_a_field_is_refused(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["meetings"][0]["title"] = "Giao ban\x1b[2J"
    message = error_of(ctx, write(tmp_path, data))
    assert "meetings[0]" in message and "“title”" in message and "U+001B" in message


def test_json_nested_100000_deep_is_refused(ctx, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"format": "tgdesk-records", "version": 1, "cells": '
                    + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    message = error_of(ctx, path)
    assert "lồng nhau quá sâu" in message and "\n" not in message


def test_nesting_depth_is_found_without_parsing():
    from tgdesk.services.jsonfile import MAX_DEPTH, nesting_depth
    assert nesting_depth('{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert nesting_depth("[" * 40) == 40 > MAX_DEPTH
    assert nesting_depth('"\\"[[["') == 0
    assert nesting_depth(json.dumps(GOOD, ensure_ascii=False)) == 4     # studies[].documents[]


def test_integer_past_2_63_is_refused(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["cells"][0]["member_count"] = 2**63
    data["meetings"][0]["attendance"] = 2**70
    message = error_of(ctx, write(tmp_path, data))
    assert "cells[0]" in message and "“member_count”" in message and "quá lớn" in message
    assert "meetings[0]" in message and "“attendance”" in message


def test_integer_of_five_thousand_digits_is_refused(ctx, tmp_path):
    path = tmp_path / "digits.json"
    path.write_text('{"format": "tgdesk-records", "version": 1, "cells": [{"name": "C", '
                    '"member_count": ' + "9" * 5000 + "}]}", encoding="utf-8")
    assert "không phải JSON hợp lệ" in error_of(ctx, path)


def test_999999999_party_members_are_refused(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["studies"][0]["party_members_expected"] = 999_999_999
    data["cells"][0]["member_count"] = 60_000
    message = error_of(ctx, write(tmp_path, data))
    assert "studies[0]" in message and "“party_members_expected”" in message
    assert "vượt quá giới hạn 50.000" in message
    assert "cells[0]" in message and "“member_count”" in message


def test_text_longer_than_the_limit_is_refused(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["meetings"][0]["title"] = "x" * 10_001
    data["meetings"][1]["contents"] = "y" * 50_000        # long fields may hold more
    message = error_of(ctx, write(tmp_path, data))
    assert "có 1 lỗi" in message and "meetings[0]" in message and "10.000 ký tự" in message


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


def test_version_true_is_refused(ctx, tmp_path):
    path = tmp_path / "v.json"
    path.write_text('{"format": "tgdesk-records", "version": true}', encoding="utf-8")
    assert "phiên bản định dạng “True”" in error_of(ctx, path)


def test_updated_at_in_a_json_record_is_refused(ctx, tmp_path):
    """A records file carries no timestamps: tgdesk sets them when it adds a record."""
    data = copy.deepcopy(GOOD)
    data["meetings"][0]["updated_at"] = "9999-12-31T00:00:00"
    message = error_of(ctx, write(tmp_path, data))
    assert "meetings[0]" in message and "“updated_at”" in message


def test_a_file_over_the_size_limit_is_refused_before_reading(ctx, tmp_path, monkeypatch):
    from tgdesk.services import jsonfile
    path = write(tmp_path, GOOD)
    monkeypatch.setattr(jsonfile, "MAX_FILE_BYTES", path.stat().st_size - 1)
    assert "quá lớn" in error_of(ctx, path)


def test_too_many_records_are_refused(ctx, tmp_path, monkeypatch):
    from tgdesk.services import jsonio
    monkeypatch.setattr(jsonio, "MAX_RECORDS", 10)
    message = error_of(ctx, write(tmp_path, GOOD))
    assert "13 bản ghi" in message and "giới hạn 10" in message


def test_unreadable_path_message_has_no_english_system_text(ctx, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    message = error_of(ctx, blocker / "records.json")
    assert "không phải thư mục" in message
    assert "Not a directory" not in message and "Errno" not in message


def test_os_reason_is_plain_vietnamese():
    import errno

    from tgdesk.services.errors import db_reason, os_reason
    assert os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == \
        "không tìm thấy tệp hoặc thư mục"
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == \
        "không có quyền truy cập"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đầy"
    assert os_reason(OSError(99999, "Strange")) == "lỗi hệ thống mã 99999"
    assert os_reason(OSError("no errno")) == "lỗi hệ thống"
    assert db_reason(Exception("database disk image is malformed")) == \
        "tệp cơ sở dữ liệu bị hỏng"
    assert db_reason(Exception("database is locked")).startswith("cơ sở dữ liệu đang được")


@pytest.mark.parametrize("name,content", [
    ("surrogate", '{"format": "tgdesk-records", "version": 1, "cells": [{"name": "A\\ud800"}]}'),
    ("deep", '{"format": "tgdesk-records", "version": 1, "cells": '
             + "[" * 100_000 + "]" * 100_000 + "}"),
    ("bigint", '{"format": "tgdesk-records", "version": 1, "cells": [{"name": "A", '
               '"member_count": 9223372036854775808}]}'),
])
def test_cli_refuses_bad_json_with_one_message_and_no_traceback(db_path, tmp_path, name,
                                                                  content):
    import subprocess
    import sys
    bad = tmp_path / f"{name}.json"
    bad.write_text(content, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tgdesk", "--db", str(db_path), "import",
                           str(bad)], capture_output=True, text=True, encoding="utf-8",
                          timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("tgdesk: ")
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr
    assert proc.stdout == ""
