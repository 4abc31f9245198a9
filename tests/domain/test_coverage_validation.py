"""Validation of a cell's membership steps and of a document's study deadline."""

from __future__ import annotations

from datetime import date

from tgdesk.domain.records import CellMemberCount, PartyDocument
from tgdesk.domain.validation import (MAX_PARTY_MEMBERS, validate_document,
                                      validate_member_count, validate_member_history)

TODAY = date(2026, 11, 24)


def messages(verdict, field):
    return [i.message for i in verdict.errors if i.field == field]


def test_a_good_step_passes():
    assert validate_member_count(CellMemberCount(1, date(2026, 3, 1), 42), TODAY).ok
    assert validate_member_count(CellMemberCount(1, TODAY, 0), TODAY).ok


def test_count_bounds():
    v = validate_member_count(CellMemberCount(1, date(2026, 3, 1), -1), TODAY)
    assert messages(v, "member_count") == ["Số đảng viên: không được là số âm."]
    v = validate_member_count(CellMemberCount(1, date(2026, 3, 1), MAX_PARTY_MEMBERS + 1), TODAY)
    assert messages(v, "member_count") == [
        "Số đảng viên: 50.001 vượt quá giới hạn 50.000 (quá số người một phường có thể có), "
        "xin kiểm tra lại."]
    v = validate_member_count(CellMemberCount(1, date(2026, 3, 1), None), TODAY)
    assert messages(v, "member_count") == ["Số đảng viên: chưa nhập."]


def test_the_date_is_required_and_not_in_the_future():
    v = validate_member_count(CellMemberCount(1, date(2026, 11, 25), 40), TODAY)
    assert messages(v, "effective_on") == ["Ngày áp dụng: ngày 25/11/2026 còn ở tương lai."]
    v = validate_member_count(CellMemberCount(1, None, 40), TODAY)
    assert messages(v, "effective_on") == [
        "Ngày áp dụng: chưa nhập hoặc không đúng dạng ngày/tháng/năm."]


def test_one_step_per_date_in_a_history():
    steps = [CellMemberCount(1, date(2026, 1, 1), 40), CellMemberCount(1, date(2026, 6, 1), 41),
             CellMemberCount(1, date(2026, 1, 1), 39)]
    v = validate_member_history(steps, TODAY)
    assert messages(v, "effective_on") == [
        "Ngày áp dụng: ngày 01/01/2026 đã có số đảng viên; mỗi ngày chỉ ghi một số."]
    assert validate_member_history(steps[:2], TODAY).ok


def doc(deadline) -> PartyDocument:
    return PartyDocument(kind="nghi_quyet", number_symbol="57-NQ/TW", issued_on=date(2024, 12, 22),
                         issuer="Bộ Chính trị", title="Về khoa học, công nghệ",
                         study_deadline=deadline)


def test_study_deadline_is_optional_and_may_be_in_the_future():
    assert validate_document(doc(None), TODAY).ok
    assert validate_document(doc(date(2024, 12, 22)), TODAY).ok      # the day it was issued
    assert validate_document(doc(date(2027, 3, 31)), TODAY).ok


def test_study_deadline_not_before_the_document_nor_absurdly_far():
    v = validate_document(doc(date(2024, 12, 21)), TODAY)
    assert messages(v, "study_deadline") == [
        "Hạn học tập: ngày 21/12/2024 trước ngày ban hành văn bản (22/12/2024)."]
    v = validate_document(doc(date(2062, 1, 31)), TODAY)
    assert messages(v, "study_deadline") == [
        "Hạn học tập: năm 2062 không hợp lệ, xin kiểm tra lại."]
