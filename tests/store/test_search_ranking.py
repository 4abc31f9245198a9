"""Several words searched: the notes that hold them together come first, the ones
where they lie apart after; quotes find the phrase only; a column sort wins."""

from datetime import date

import pytest

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.records import Area, OpinionCategory, OpinionNote
from tgdesk.services import lists
from tgdesk.services.kinds import AREAS, CATEGORIES, OPINIONS
from tgdesk.store.search import match_expression, rank_expression

# (day of November 2026, summary): the scattered notes are the newest, so
# newest-first alone would list them first.
NOTES = [
    (2, "Tranh chấp đất đai ở khu phố 3"),                        # phrase
    (4, "Hồ sơ đăng ký biến động ĐẤT ĐAI bị trả lại"),             # phrase
    (6, "Cấp giấy chứng nhận quyền sử dụng đất còn kéo dài"),     # apart
    (8, "Đất ở khu phố 5 bị lấn chiếm, giải quyết kéo dài"),      # apart
    (9, "Đường Lê Lợi xuống cấp"),                                # neither
]
PHRASE = [NOTES[1][1], NOTES[0][1]]     # newest first
APART = [NOTES[3][1], NOTES[2][1]]


@pytest.fixture
def notes(ctx):
    cat = CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id
    areas = [AREAS.create(ctx, Area(name=f"Khu phố {c}")).id for c in "ABCDE"]
    for (day, text), area in zip(NOTES, reversed(areas)):
        OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, day), category_id=cat,
                                         summary=text, area_id=area))


def found(ctx, query, **kw):
    ids = lists.record_ids(ctx, "opinions", ListFilter(search=query, **kw))
    return [r["summary"] for r in lists.rows(ctx, "opinions", ids)]


@pytest.mark.parametrize("query", ["dat dai", "DAT DAI", "dat  dai,"])
def test_phrase_matches_come_first_then_the_words_apart(ctx, notes, query):
    assert found(ctx, query) == PHRASE + APART
    assert lists.ranked_ids(ctx, "opinions", ListFilter(search=query))[1] == 2


def test_diacritics_typed_rank_the_same_way(ctx, notes):
    assert found(ctx, "đất đai") == PHRASE      # "dài" is not "đai": only the phrase notes
    assert found(ctx, "đất dai") == PHRASE + APART


def test_the_newest_first_sort_asked_for_still_ranks(ctx, notes):
    assert found(ctx, "dat dai", sort="noted_on", descending=True) == PHRASE + APART


@pytest.mark.parametrize("query", ['"dat dai"', "“dat dai”", '"dat da'])
def test_quotes_find_the_phrase_only(ctx, notes, query):
    assert found(ctx, query) == PHRASE
    assert lists.ranked_ids(ctx, "opinions", ListFilter(search=query))[1] is None


def test_quotes_combine_with_loose_words(ctx, notes):
    assert found(ctx, '"dat dai" khu') == [NOTES[0][1]]
    assert found(ctx, '"keo dai" dat') == APART


def test_a_column_sort_wins_over_the_ranking(ctx, notes):
    # areas were given in reverse: Khu phố A is the last note's
    by_area = found(ctx, "dat dai", sort="area", descending=False)
    assert by_area == [NOTES[3][1], NOTES[2][1], NOTES[1][1], NOTES[0][1]]
    assert found(ctx, "dat dai", sort="noted_on", descending=False) == [
        NOTES[0][1], NOTES[1][1], NOTES[2][1], NOTES[3][1]]
    assert lists.ranked_ids(ctx, "opinions",
                            ListFilter(search="dat dai", sort="area"))[1] is None


def test_one_word_or_no_phrase_match_keeps_newest_first(ctx, notes):
    assert found(ctx, "dat") == APART + PHRASE
    assert lists.ranked_ids(ctx, "opinions", ListFilter(search="dat"))[1] is None
    assert found(ctx, "keo dat") == APART       # no note has "kéo đất"
    assert lists.ranked_ids(ctx, "opinions", ListFilter(search="keo dat"))[1] == 0


def test_no_search_is_not_ranked(ctx, notes):
    ids, ranked = lists.ranked_ids(ctx, "opinions", ListFilter())
    assert len(ids) == len(NOTES) and ranked is None


def test_expressions():
    assert match_expression("dat dai") == 'folded : "dat"* AND folded : "dai"*'
    assert rank_expression("dat dai") == 'folded : "dat dai"*'
    assert rank_expression("đất đai") == 'exact : "đất đai"*'
    assert rank_expression("đất dai") == 'folded : "dat dai"*'
    assert rank_expression("dat") is None
    assert rank_expression('"dat dai"') is None
    assert match_expression('"dat dai"') == ('folded : "dat"* AND folded : "dai"* AND '
                                             'folded : "dat dai"*')
