"""The rule of likely duplicates (services/duplicates.py), on its own."""

from __future__ import annotations

import unicodedata
from datetime import date

from tgdesk.domain.records import Meeting, OpinionNote, StudySession
from tgdesk.services.duplicates import Duplicate, record_key, summary_lines, text_key

DAY = date(2026, 11, 5)


def test_text_is_nfc_case_folded_with_spaces_collapsed():
    assert text_key(unicodedata.normalize("NFD", "  GIAO\tban \n Tháng 11 ")) == \
        "giao ban tháng 11"
    assert text_key("Đất đai") != text_key("Dat dai")      # diacritics count
    assert text_key("Đất đai.") != text_key("Đất đai")     # so does punctuation
    assert text_key(None) == ""


def test_the_key_of_each_kind():
    assert record_key("meetings", Meeting(held_on=DAY, title="Giao ban", attendance=3)) == \
        record_key("meetings", {"held_on": DAY, "title": "giao  BAN", "attendance": 99})
    assert record_key("studies", StudySession(held_on=DAY, title="Học", cell_id=2)) == \
        (DAY, 2, "học")
    assert record_key("studies", StudySession(held_on=DAY, title="Học")) == (DAY, None, "học")
    assert record_key("opinions", OpinionNote(noted_on=DAY, area_id=4, category_id=1,
                                              summary="Giá ĐIỆN")) == (DAY, 4, "giá điện")


def test_summary_names_what_each_record_repeats():
    found = [Duplicate("meetings", "meetings[1] “Giao ban”", DAY, existing_id=7,
                       existing_text="Giao ban"),
             Duplicate("opinions", "opinions[2] “Giá điện”", DAY, earlier="opinions[0]")]
    lines = summary_lines(found, kept=False)
    assert lines[0] == ("2 bản ghi có vẻ trùng với bản ghi đã có hoặc bản ghi ở trước trong "
                        "tệp, không được nhập:")
    assert lines[1] == "  – meetings[1] “Giao ban”: trùng với hội nghị đã có ngày 05/11/2026 " \
                       "“Giao ban”"
    assert lines[2] == "  – opinions[2] “Giá điện”: trùng với opinions[0] ở trước trong tệp"
    assert summary_lines(found[:1], kept=True)[0] == (
        "1 bản ghi có vẻ trùng với bản ghi đã có, vẫn được nhập vì đã chọn giữ cả bản ghi trùng:")
    many = summary_lines(found[:1] * 35, kept=False)
    assert len(many) == 1 + 30 + 1 and many[-1] == "  … và 5 bản ghi trùng khác."
    assert summary_lines([], kept=False) == []
