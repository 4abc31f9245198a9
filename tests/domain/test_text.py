import unicodedata
from datetime import date

import pytest

from tgdesk.domain.records import Meeting, StudySession, UnitSettings
from tgdesk.domain.text import fold, nfc, nfc_keep, normalize_fields


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def test_nfc_composes_and_strips():
    raw = "  " + nfd("Nghị quyết") + "\n"
    assert raw != "Nghị quyết"
    out = nfc(raw)
    assert out == "Nghị quyết"
    assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize("value", [None, "", "   ", "\t\n"])
def test_nfc_blank_is_none(value):
    assert nfc(value) is None


def test_nfc_keep_keeps_empty_string():
    assert nfc_keep(None) == ""
    assert nfc_keep("  ") == ""
    assert nfc_keep(nfd(" Đảng ủy ")) == "Đảng ủy"


@pytest.mark.parametrize("text,folded", [
    ("Nghị quyết", "nghi quyet"),
    ("đất đai", "dat dai"),
    ("Đường", "duong"),
    ("ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "dang uy phuong binh tien"),
    ("Tọa đàm", "toa dam"),
    ("35-NQ/TW", "35-nq/tw"),
])
def test_fold(text, folded):
    assert fold(text) == folded
    assert fold(nfd(text)) == folded


def test_normalize_fields_nfd_to_nfc_and_blank_optional_to_none():
    m = Meeting(held_on=date(2026, 11, 23), title=nfd("Hội nghị giao ban "), place="   ",
                chaired_by=nfd("Đồng chí Bí thư"), contents="", conclusions=None)
    normalize_fields(m)
    assert m.title == "Hội nghị giao ban"
    assert unicodedata.is_normalized("NFC", m.title)
    assert m.chaired_by == unicodedata.normalize("NFC", "Đồng chí Bí thư")
    assert m.chaired_by == "Đồng chí Bí thư"
    assert m.place is None
    assert m.contents is None
    assert m.conclusions is None
    # non-text fields untouched
    assert m.held_on == date(2026, 11, 23)
    assert m.meeting_type == "giao_ban"


def test_normalize_fields_required_blank_stays_empty_string():
    m = Meeting(title="   ")
    normalize_fields(m)
    assert m.title == ""
    u = UnitSettings(name=nfd(" Đảng ủy phường "), signer_name="  ")
    normalize_fields(u)
    assert u.name == "Đảng ủy phường"
    assert u.signer_name == ""


def test_normalize_fields_leaves_lists_and_numbers():
    s = StudySession(title=nfd("Học tập"), document_ids=[2, 1], core_masses=5, speaker_name=" ")
    normalize_fields(s)
    assert s.title == "Học tập"
    assert s.document_ids == [2, 1]
    assert s.core_masses == 5
    assert s.speaker_name is None
