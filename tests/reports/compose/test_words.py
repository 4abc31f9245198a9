"""How a report names periods, the unit and documents (reports/compose/words.py)."""

from datetime import date

import pytest

from tgdesk.domain.figures import DocumentStudied
from tgdesk.domain.period import Period
from tgdesk.domain.records import UnitSettings
from tgdesk.reports.compose.words import (cite, next_label, parent_committee, short_period,
                                          split_summary, unit_sentence_name)


@pytest.mark.parametrize("period, expected", [
    (Period.month(2026, 11), ("tháng 11", "tháng 12 năm 2026")),
    (Period.month(2026, 12), ("tháng 12 năm 2026", "tháng 1 năm 2027")),   # the year turns
    (Period.quarter(2026, 3), ("quý III", "quý IV năm 2026")),
    (Period.quarter(2026, 4), ("quý IV năm 2026", "quý I năm 2027")),
    (Period.year(2026), ("năm 2026", "")),
])
def test_next_label_names_this_period_short_and_the_next_in_full(period, expected):
    assert next_label(period) == expected


@pytest.mark.parametrize("period, expected", [
    (Period.month(2026, 10), "Tháng 10/2026"), (Period.quarter(2026, 2), "Quý II/2026"),
    (Period.half(2026, 1), "6 tháng đầu 2026"), (Period.half(2026, 2), "6 tháng cuối 2026"),
    (Period.year(2025), "Năm 2025"),
    (Period.custom(date(2026, 3, 2), date(2026, 4, 15)), "02/03/2026–15/04/2026"),
])
def test_short_period_heads_the_appendix_columns(period, expected):
    assert short_period(period) == expected


def test_unit_name_in_a_sentence_keeps_the_place_capitalised():
    unit = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", place_name="Bình Tiên")
    assert unit_sentence_name(unit) == ("Đảng ủy phường Bình Tiên", "Đảng ủy phường")


@pytest.mark.parametrize("parent, committee", [
    ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "Thành ủy"), ("ĐẢNG BỘ TỈNH AN GIANG", "Tỉnh ủy"),
    ("ĐẢNG BỘ QUẬN 1", "Quận ủy"), ("ĐẢNG BỘ HUYỆN CỦ CHI", "Huyện ủy"),
    ("", "cấp ủy cấp trên"),
])
def test_parent_committee_from_the_superior_name(parent, committee):
    assert parent_committee(UnitSettings(name="X", parent_name=parent)) == committee


def test_cite_a_document_as_officers_write_it():
    doc = DocumentStudied(1, "nghi_quyet", "35-NQ/TW", date(2018, 10, 22), "Bộ Chính trị",
                          "Tăng cường bảo vệ nền tảng tư tưởng của Đảng")
    assert cite(doc) == ("Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tăng "
                         "cường bảo vệ nền tảng tư tưởng của Đảng")
    named = DocumentStudied(2, "nghi_quyet", "Nghị quyết Đại hội XIII", None, "", "Về nhiệm vụ")
    assert cite(named) == "Nghị quyết Đại hội XIII về nhiệm vụ"
    other = DocumentStudied(3, "khac", "", None, "", "HĐND phường")
    assert cite(other) == "Văn bản về HĐND phường"


def test_a_document_without_a_number_is_cited_by_its_name_once():
    # the demo's congress resolution: "Nghị quyết Nghị quyết Đại hội XIII …" never
    congress = DocumentStudied(4, "nghi_quyet", "Đại hội XIII", date(2021, 2, 1),
                               "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
                               "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng")
    assert cite(congress) == "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
    # typed with the kind in the symbol, as an officer may, it reads the same
    typed = DocumentStudied(5, "nghi_quyet", "Nghị quyết Đại hội XIII", date(2021, 2, 1),
                            "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
                            "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng")
    assert cite(typed) == cite(congress)
    # a name without digits and a plain title: kind, name, date, issuer, subject
    theme = DocumentStudied(6, "chuyen_de", "Học tập và làm theo Bác", date(2026, 1, 5),
                            "Ban Tuyên giáo và Dân vận Thành ủy", "Về xây dựng văn hóa công sở")
    assert cite(theme) == ("Chuyên đề Học tập và làm theo Bác ngày 05/01/2026 của Ban Tuyên "
                           "giáo và Dân vận Thành ủy về xây dựng văn hóa công sở")


def test_long_summary_splits_at_its_first_separator():
    assert split_summary("kết quả công tác tuyên giáo tháng 10") == \
        ("kết quả công tác tuyên giáo tháng 10",)
    assert split_summary("kết quả công tác tuyên giáo tháng 10, nhiệm vụ trọng tâm tháng 11 "
                         "năm 2026") == ("kết quả công tác tuyên giáo tháng 10,",
                                         "nhiệm vụ trọng tâm tháng 11 năm 2026")
