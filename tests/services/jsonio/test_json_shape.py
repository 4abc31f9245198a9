"""Reading a records file and its shape (services/jsonio/shape.py, services/jsonfile.py)."""

from __future__ import annotations

import copy
import json

import pytest

from json_records import GOOD, error_of, write   # tests/services/jsonio on path


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


def test_version_true_is_refused(ctx, tmp_path):
    path = tmp_path / "v.json"
    path.write_text('{"format": "tgdesk-records", "version": true}', encoding="utf-8")
    assert "phiên bản định dạng “True”" in error_of(ctx, path)


def test_too_many_records_are_refused(ctx, tmp_path, monkeypatch):
    from tgdesk.services.jsonio import shape
    monkeypatch.setattr(shape, "MAX_RECORDS", 10)
    message = error_of(ctx, write(tmp_path, GOOD))
    assert "13 bản ghi" in message and "giới hạn 10" in message


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


def test_integer_of_five_thousand_digits_is_refused(ctx, tmp_path):
    path = tmp_path / "digits.json"
    path.write_text('{"format": "tgdesk-records", "version": 1, "cells": [{"name": "C", '
                    '"member_count": ' + "9" * 5000 + "}]}", encoding="utf-8")
    assert "không phải JSON hợp lệ" in error_of(ctx, path)


def test_a_file_over_the_size_limit_is_refused_before_reading(ctx, tmp_path, monkeypatch):
    from tgdesk.services import jsonfile
    path = write(tmp_path, GOOD)
    monkeypatch.setattr(jsonfile, "MAX_FILE_BYTES", path.stat().st_size - 1)
    assert "quá lớn" in error_of(ctx, path)


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
