"""The audit log as the window reads it (services/audit_browse.py, domain/audit_text.py):
days of this computer's clock, the newest screenful with the total, words folded
like the lists' search, the people and tables named, and values said as the forms
say them."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.audit import AuditEntry
from tgdesk.domain.audit_text import field_label, summary, time_text, value_text
from tgdesk.domain.records import Meeting
from tgdesk.domain.text import fold
from tgdesk.services import audit, audit_browse
from tgdesk.services.kinds import MEETINGS

from audit_entries import EARLY_UTC, LATE_LOCAL, LATE_UTC, clock_of_vietnam, write


@pytest.fixture
def vietnam():
    with clock_of_vietnam():
        yield


def seqs(found) -> list[int]:
    return [e.seq for e in found]


def test_days_are_days_of_the_computers_clock(ctx, vietnam):
    write(ctx, (EARLY_UTC, "hoa", "edit", "meeting", {"title": ["A", "B"]}),
          (LATE_UTC, "hoa", "edit", "meeting", {"title": ["B", "C"]}))
    assert time_text(LATE_UTC) == LATE_LOCAL          # 20:30 UTC is 03:30 the next day
    day = lambda **kw: seqs(audit_browse.find(ctx, audit.AuditFilter(**kw)).entries)  # noqa: E731
    assert day(date_from=date(2026, 11, 24)) == [2]
    assert day(date_to=date(2026, 11, 23)) == [1]
    assert day(date_from=date(2026, 11, 23), date_to=date(2026, 11, 24)) == [2, 1]
    assert day(date_from=date(2026, 11, 25)) == []
    # the command line reads the same way: the same local days
    assert seqs(audit.entries(ctx, audit.AuditFilter(date_from=date(2026, 11, 24)))) == [2]


def test_the_newest_screenful_and_how_many_in_all(ctx):
    write(ctx, *[(LATE_UTC, "hoa" if i % 2 else "nam", "import", "opinion_note",
                  {"added": i}) for i in range(1, 2006)])
    found = audit_browse.find(ctx, audit.AuditFilter())
    assert found.total == 2005 and len(found.entries) == audit_browse.LIMIT == 2000
    assert seqs(found.entries) == list(range(2005, 5, -1))          # newest first
    hoa = audit_browse.find(ctx, audit.AuditFilter(actor="hoa"), limit=10)
    assert hoa.total == 1003 and {e.actor for e in hoa.entries} == {"hoa"}
    assert seqs(hoa.entries) == list(range(2005, 1985, -2))
    assert audit_browse.choices(ctx) == (["hoa", "nam"], ["opinion_note"])


def test_words_are_found_without_their_accents_and_all_must_be_there(ctx):
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title="Hội nghị đất đai"))
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 3), title="Giao ban Đảng ủy"))
    find = lambda words: [audit.changes_of(e)["title"][1] for e in audit_browse.matching(  # noqa: E731
        ctx, audit.AuditFilter(search=words))]
    assert find("dat dai") == ["Hội nghị đất đai"]
    assert find("ĐẤT đai") == ["Hội nghị đất đai"]
    assert find("giao dang") == ["Giao ban Đảng ủy"]
    assert find("nghi dang") == []          # both words, in one entry
    # the same as the CLI's filter (services.audit.entries) on the same words
    for words in ("dat dai", "Đảng", "nghi"):
        assert seqs(audit_browse.matching(ctx, audit.AuditFilter(search=words))) == seqs(
            audit.entries(ctx, audit.AuditFilter(search=words)))


@pytest.mark.parametrize("text", ["Nghị quyết 35-NQ/TW về bảo vệ nền tảng tư tưởng",
                                  "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "Ứng xử, ỷ lại, quở trách"])
def test_quick_folding_reads_vietnamese_as_the_lists_do(text):
    assert audit_browse.quick_fold(text) == fold(text)


def test_values_are_said_as_the_forms_say_them():
    assert field_label("meeting", "title") == "Tên hội nghị"            # the form's label
    assert field_label("propaganda_activity", "title") == "Nội dung tuyên truyền"
    assert field_label("meeting", "held_on") == "Ngày"
    assert field_label("opinion_note", "deleted") == "Đã xóa"
    assert field_label("meeting", "mystery") == "mystery"
    assert value_text("meeting", "meeting_type", "giao_ban") == "Giao ban"
    assert value_text("opinion_note", "attitude", "buc_xuc") == "Bức xúc"
    assert value_text("online_entry", "classification", "mat") == "Mật"
    assert value_text("meeting", "meeting_type", "khong_co") == "khong_co"   # unknown: as is
    assert value_text("meeting", "title", "giao_ban") == "giao_ban"         # not a code there
    assert value_text("meeting", "deleted", True) == "Có"
    assert value_text("meeting", "attendance", None) == "—"
    assert value_text("meeting", "held_on", "2026-11-02") == "02/11/2026"
    assert value_text("study_session", "documents", [3, 5]) == "3, 5"
    assert value_text("propaganda_activity", "reach", 12500) == "12.500"


def test_an_entry_on_one_line():
    edit = AuditEntry(3, LATE_UTC, "hoa", "edit", "meeting", "u", 1, "")
    changes = {"title": ["Giao ban", "Giao ban tháng 11"], "meeting_type": ["giao_ban", "so_ket"],
               "attendance": [None, 25]}
    assert summary(edit, changes) == ("Tên hội nghị: Giao ban → Giao ban tháng 11; Loại hội "
                                      "nghị: Giao ban → Sơ kết; Số người dự: — → 25")
    create = AuditEntry(1, LATE_UTC, "hoa", "create", "meeting", "u", 1, "")
    assert summary(create, {"id": [None, 1], "title": [None, "Giao ban"], "place": [None, None],
                            "deleted": [None, False]}) == "Tên hội nghị: Giao ban"
    noted = AuditEntry(2, LATE_UTC, "hoa", "import", "opinion_note", None, None, "")
    assert summary(noted, {"added": 120, "file": "y_kien.xlsx"}) == ("Đã thêm: 120; "
                                                                     "Tệp: y_kien.xlsx")


def test_the_filter_in_words():
    assert audit_browse.describe(audit.AuditFilter()) == "Mọi mục"
    assert audit_browse.describe(audit.AuditFilter(
        date(2026, 11, 1), date(2026, 11, 30), "hoa", "edit", "meeting", None, " đất ")) == (
        "Lọc: từ ngày 01/11/2026 đến ngày 30/11/2026; người: hoa; việc: Sửa; loại: Hội nghị; "
        "có chữ “đất”")
