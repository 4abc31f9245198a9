"""Bounds, text validity and strict codes in the domain: the one validation every
way in (window, JSON, Excel, packages) goes through."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.period import Period, PeriodError
from tgdesk.domain.records import (Cell, FollowUpChange, Meeting, OpinionNote, Person,
                                   StudySession)
from tgdesk.domain.text import printable, text_problem
from tgdesk.domain.validation import (MAX_LONG_TEXT, MAX_PARTY_MEMBERS, MAX_PEOPLE, MAX_TEXT,
                                      VALIDATORS, Known, validate_cell, validate_follow_up,
                                      validate_follow_up_step, validate_meeting,
                                      validate_opinion, validate_person, validate_record,
                                      validate_study)

TODAY = date(2026, 11, 24)
MONDAY = date(2026, 11, 23)
KNOWN = Known(documents=frozenset({3}), categories=frozenset({6}))


def errors(verdict) -> dict[str, str]:
    return {i.field: i.message for i in verdict.errors}


@pytest.mark.parametrize("text,code", [("A\ud800", "U+D800"), ("A\udfff b", "U+DFFF"),
                                       ("x\x00", "U+0000"), ("x\x1b[31m", "U+001B"),
                                       ("x\x7f", "U+007F"), ("x\x85", "U+0085")])
def test_text_problem_names_the_character(text, code):
    problem = text_problem(text)
    assert problem is not None and code in problem


@pytest.mark.parametrize("text", ["Nghị quyết 35", "dòng 1\ndòng 2\r\n\tthụt", "", "😀 ‎"])
def test_ordinary_text_has_no_problem(text):
    assert text_problem(text) is None


def test_printable_replaces_what_cannot_be_printed_and_cuts():
    assert printable("a\ud800b\x07\nc") == "a\ufffdb\ufffd\nc"
    assert printable("x" * 10, 4) == "xxxx…"
    printable("\ud800" * 5).encode("utf-8")       # never raises


def test_lone_surrogate_in_name_is_refused():
    v = validate_cell(Cell(name="Chi bộ \ud800"))
    assert "name" in errors(v) and "U+D800" in errors(v)["name"]
    assert errors(v)["name"].startswith("Tên chi bộ:")


def test_control_character_in_a_text_field_is_refused():
    v = validate_person(Person(full_name="Lê Văn Tâm", phone="0903\x00123"), KNOWN)
    assert errors(v)["phone"].startswith("Điện thoại: có ký tự điều khiển (U+0000)")


def test_text_length_limits_short_and_long_fields():
    ok = Meeting(held_on=MONDAY, title="x" * MAX_TEXT, contents="y" * MAX_LONG_TEXT)
    assert validate_meeting(ok, TODAY).ok
    long_title = Meeting(held_on=MONDAY, title="x" * (MAX_TEXT + 1))
    assert "quá giới hạn 10.000 ký tự" in errors(validate_meeting(long_title, TODAY))["title"]
    long_contents = Meeting(held_on=MONDAY, title="Họp", contents="y" * (MAX_LONG_TEXT + 1))
    assert "50.000" in errors(validate_meeting(long_contents, TODAY))["contents"]


def test_counts_beyond_what_a_ward_holds_are_errors():
    v = validate_study(StudySession(held_on=MONDAY, title="Học tập", document_ids=[3],
                                    party_members_expected=999_999_999,
                                    party_members_present=10), KNOWN, TODAY)
    assert "vượt quá giới hạn 50.000" in errors(v)["party_members_expected"]
    v = validate_meeting(Meeting(held_on=MONDAY, title="Họp", attendance=MAX_PEOPLE + 1), TODAY)
    assert "100.000" in errors(v)["attendance"]
    assert validate_meeting(Meeting(held_on=MONDAY, title="Họp", attendance=MAX_PEOPLE),
                            TODAY).ok
    assert "member_count" in errors(validate_cell(Cell(name="C", member_count=2**63)))
    assert validate_cell(Cell(name="C", member_count=MAX_PARTY_MEMBERS)).ok


def test_one_validator_per_kind():
    assert set(VALIDATORS) == {"cells", "areas", "documents", "categories", "people",
                               "campaigns", "meetings", "studies", "opinions", "propaganda",
                               "online", "models"}
    note = OpinionNote(noted_on=MONDAY, category_id=6, summary="Băn khoăn \ud800")
    assert errors(validate_record("opinions", note, KNOWN, TODAY)) == \
        errors(validate_opinion(note, KNOWN, TODAY))
    assert "summary" in errors(validate_record("opinions", note, KNOWN, TODAY))


def test_a_follow_up_step_is_checked_on_its_own():
    good = FollowUpChange("da_bao_cao", MONDAY, "UBND phường", None)
    assert validate_follow_up_step(good, MONDAY, TODAY).ok
    bad = validate_follow_up_step(FollowUpChange("xong", date(2030, 1, 1), "\ud800", None),
                                  MONDAY, TODAY)
    assert set(errors(bad)) == {"status", "changed_on", "passed_to"}
    early = validate_follow_up_step(FollowUpChange("moi", date(2026, 11, 1)), MONDAY, TODAY)
    assert "trước ngày nắm bắt" in errors(early)["changed_on"]


def test_a_status_change_keeps_its_messages_in_order():
    v = validate_follow_up("moi", FollowUpChange("moi", None), MONDAY, TODAY)
    assert [i.field for i in v.errors] == ["status", "changed_on"]
    assert v.errors[0].message == "Tình trạng xử lý: không thay đổi so với hiện tại."


@pytest.mark.parametrize("code", ["2026-11", "2026-Q4", "2026-H1", "2026",
                                  "2026-10-01..2026-11-20"])
def test_period_codes_in_exact_form_are_read(code):
    assert Period.from_code(code).code() == code


@pytest.mark.parametrize("code", ["2026-13", "2026-00", "2026-1", "2026-q4", " 2026-11",
                                  "2026-02-30..2026-03-01", "", None, {"a": 1}, 202611,
                                  "x" * 100])
def test_period_codes_not_in_exact_form_are_refused(code):
    with pytest.raises(PeriodError):
        Period.from_code(code)
