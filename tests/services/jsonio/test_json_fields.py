"""The fields of one record (services/jsonio/fields.py): types, dates, codes, text, bounds."""

from __future__ import annotations

import copy

from json_records import GOOD, error_of, write, write_ascii   # tests/services/jsonio on path


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


def test_integer_past_2_63_is_refused(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["cells"][0]["member_count"] = 2**63
    data["meetings"][0]["attendance"] = 2**70
    message = error_of(ctx, write(tmp_path, data))
    assert "cells[0]" in message and "“member_count”" in message and "quá lớn" in message
    assert "meetings[0]" in message and "“attendance”" in message


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


def test_updated_at_in_a_json_record_is_refused(ctx, tmp_path):
    """A records file carries no timestamps: tgdesk sets them when it adds a record."""
    data = copy.deepcopy(GOOD)
    data["meetings"][0]["updated_at"] = "9999-12-31T00:00:00"
    message = error_of(ctx, write(tmp_path, data))
    assert "meetings[0]" in message and "“updated_at”" in message
