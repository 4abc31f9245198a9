"""What a search query means and where it matches a text (the window marks it)."""

from __future__ import annotations

import pytest

from tgdesk.domain.search_query import match_ranges, parse_query, snippet_start


def marked(text: str, query: str) -> list[str]:
    return [text[s:e] for s, e in match_ranges(text, query)]


# --- parsing ------------------------------------------------------------------

def test_words_without_quotes_rank_as_a_phrase():
    q = parse_query("Dat  DAI")
    assert [t.folded for t in q.words] == ["dat", "dai"]
    assert not q.quoted and q.phrases == ()
    assert [t.folded for t in q.rank_phrase] == ["dat", "dai"]


def test_one_word_does_not_rank():
    assert parse_query("dat").rank_phrase is None
    assert not parse_query('" * -')


@pytest.mark.parametrize("typed", ['"dat dai" quy hoach', "“dat dai” quy hoach",
                                   '„dat dai" quy hoach'])
def test_quoted_words_are_a_required_phrase(typed):
    q = parse_query(typed)
    assert [[t.folded for t in p] for p in q.phrases] == [["dat", "dai"]]
    assert [t.folded for t in q.words] == ["dat", "dai", "quy", "hoach"]
    assert [t.folded for t in q.loose] == ["quy", "hoach"]
    assert q.rank_phrase is None


def test_an_unclosed_quote_runs_to_the_end_and_one_quoted_word_is_a_word():
    assert [[t.text for t in p] for p in parse_query('"dat dai').phrases] == [["dat", "dai"]]
    q = parse_query('"dat" dai')
    assert q.phrases == () and [t.text for t in q.loose] == ["dat", "dai"]


def test_diacritics_typed_make_a_word_exact():
    q = parse_query("Đất dai")
    assert [(t.text, t.folded, t.exact) for t in q.words] == [("đất", "dat", True),
                                                             ("dai", "dai", False)]


# --- where a query matches ------------------------------------------------------

def test_unaccented_words_mark_accented_text():
    assert marked("Tranh chấp đất đai ở khu phố 3", "dat dai") == ["đất", "đai"]


def test_several_words_are_marked_wherever_they_stand():
    text = "Hồ sơ quyền sử dụng đất còn kéo dài"
    assert marked(text, "dat dai") == ["đất", "dài"]
    assert match_ranges(text, "dat dai") == [(20, 23), (32, 35)]


def test_case_does_not_matter():
    assert marked("ĐẤT ĐAI và Đất đai", "DaT dAi") == ["ĐẤT", "ĐAI", "Đất", "đai"]


def test_diacritics_typed_mark_only_those_words():
    text = "Đường Lê Lợi, kết quả dương tính"
    assert marked(text, "duong") == ["Đường", "dương"]
    assert marked(text, "đường") == ["Đường"]
    assert marked(text, "DƯƠNG") == ["dương"]


def test_a_word_typed_marks_the_whole_word_it_begins():
    assert marked("Học tập Nghị quyết", "quye") == ["quyết"]
    assert marked("xét nghiệm", "nghi") == ["nghiệm"]


def test_overlapping_and_touching_matches_are_merged():
    # "dat" and "da" both match "đất": one mark, not two
    assert match_ranges("đất đai", "dat da") == [(0, 3), (4, 7)]
    # a quoted phrase and a loose word over the same words: one span
    assert marked("tranh chấp đất đai kéo dài", '"dat dai" đất') == ["đất đai"]


def test_a_quoted_phrase_is_marked_only_where_its_words_stand_together():
    text = "đất còn kéo dài; tranh chấp đất đai. Đất, đai"
    assert marked(text, '"dat dai"') == ["đất đai", "Đất, đai"]   # punctuation separates only


def test_the_last_word_of_a_phrase_is_a_beginning_the_others_whole():
    assert marked("đất đai", '"dat da"') == ["đất đai"]
    assert marked("đất đai", '"da dai"') == []


def test_no_query_or_no_text_marks_nothing():
    assert match_ranges("đất đai", "") == []
    assert match_ranges("", "dat") == []
    assert match_ranges("đất đai", None) == []


def test_text_not_in_nfc_is_matched_too():
    import unicodedata
    text = unicodedata.normalize("NFD", "đất đai")
    assert [s for s, _ in match_ranges(text, "dai")] == [text.index("đ", 1)]


# --- where a narrow cell starts --------------------------------------------------

def test_snippet_starts_at_a_word_before_the_match():
    text = "Người dân khu phố 8 băn khoăn về thời gian giải quyết hồ sơ đất còn kéo dài"
    at = text.index("đất")
    cut = snippet_start(text, at, 12)
    assert cut <= at and at - cut <= 12 and text[cut - 1] == " "
    assert snippet_start(text, 5) == 0
    assert snippet_start(text, at, 0) == at
