"""Vietnamese-aware full-text search: the rules users asked for."""

from datetime import date

import pytest

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.records import Meeting, OpinionCategory, OpinionNote
from tgdesk.services import lists
from tgdesk.services.kinds import CATEGORIES, MEETINGS, OPINIONS
from tgdesk.store.search import match_expression

SUMMARIES = [
    "Người dân phản ánh đường Lê Lợi xuống cấp",
    "Tranh chấp đất đai ở khu phố 3",
    "Học tập Nghị quyết 35-NQ/TW",
    "Kết quả xét nghiệm dương tính",
    'Ý kiến "NEAR" * - về chợ tạm',
]


@pytest.fixture
def notes(ctx):
    cat = CATEGORIES.create(ctx, OpinionCategory(name="Đất đai"))
    ids = {}
    for text in SUMMARIES:
        ids[text] = OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 5),
                                                     category_id=cat.id, summary=text)).id
    return ids


def found(ctx, query, kind="opinions"):
    ids = lists.record_ids(ctx, kind, ListFilter(search=query))
    return {r["summary"] for r in lists.rows(ctx, kind, ids)}


@pytest.mark.parametrize("query,expected", [
    ("dat dai", {SUMMARIES[1]}),
    ("DAT DAI", {SUMMARIES[1]}),
    ("đất đai", {SUMMARIES[1]}),
    ("nghi quyet", {SUMMARIES[2]}),
    ("NGHỊ QUYẾT", {SUMMARIES[2]}),
    ("duong", {SUMMARIES[0], SUMMARIES[3]}),   # no marks: both
    ("đường", {SUMMARIES[0]}),                 # marks typed: exactly those
    ("dương", {SUMMARIES[3]}),
    ("xuong cap", {SUMMARIES[0]}),
    ("khu pho 3", {SUMMARIES[1]}),
    ("35-NQ/TW", {SUMMARIES[2]}),
    ("quye", {SUMMARIES[2]}),                  # prefix
    ("nghi", {SUMMARIES[2], SUMMARIES[3]}),    # "nghiệm" starts with "nghi" too
    ("đất chợ", set()),                        # every word must match
])
def test_vietnamese_rules(ctx, notes, query, expected):
    assert found(ctx, query) == expected


@pytest.mark.parametrize("query", ['"', "*", "-", "NEAR", 'NEAR(a b)', "a OR", "(", "^x", "đ*ư"])
def test_fts_syntax_is_text_never_an_error(ctx, notes, query):
    result = found(ctx, query)
    assert isinstance(result, set)


def test_near_is_a_word(ctx, notes):
    assert found(ctx, "near") == {SUMMARIES[4]}


def test_punctuation_only_means_no_search(ctx, notes):
    assert found(ctx, '" * -') == set(SUMMARIES)
    assert match_expression('" * -') is None


def test_index_follows_edits_and_deletes(ctx, notes):
    note_id = notes[SUMMARIES[1]]
    rec = OPINIONS.get(ctx, note_id)
    rec.summary = "Khiếu nại ô nhiễm môi trường"
    OPINIONS.update(ctx, note_id, rec)
    assert found(ctx, "dat dai") == set()
    assert found(ctx, "moi truong") == {"Khiếu nại ô nhiễm môi trường"}
    OPINIONS.delete(ctx, note_id)
    assert found(ctx, "moi truong") == set()
    OPINIONS.restore(ctx, note_id)
    assert found(ctx, "moi truong") == {"Khiếu nại ô nhiễm môi trường"}


def test_search_combines_with_dates_and_other_kinds(ctx, notes):
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 10, 6), meeting_type="trien_khai",
                                 title="Hội nghị triển khai Nghị quyết Đại hội",
                                 contents="Quán triệt nghị quyết đến đảng viên"))
    ids = lists.record_ids(ctx, "meetings", ListFilter(search="nghi quyet"))
    assert len(ids) == 1
    assert lists.record_ids(ctx, "meetings", ListFilter(search="nghi quyet",
                                                         date_from=date(2026, 11, 1))) == []
    assert lists.record_ids(ctx, "opinions", ListFilter(search="nghi quyet",
                                                         date_to=date(2026, 11, 4))) == []
