"""Full-text search over the records (SQLite FTS5), Vietnamese-aware.

Each record kind has an FTS5 table whose rowid is the record's id, with two
columns holding the same text: ``folded`` (lower case, diacritics removed,
đ → d) and ``exact`` (as written; the tokenizer folds case only). Triggers created
by migration 0004 keep them in step with the tables.

A query word typed **without** diacritics is looked up in ``folded``, so
"nghi quyet" finds "Nghị quyết" and "dat dai" finds "đất đai"; a word typed
**with** diacritics is looked up in ``exact``, so "đường" does not find
"dương". Every word must match (AND); each is a prefix. Words in double
quotes must also stand together (an FTS5 phrase over ``folded``, or over
``exact`` when every word of it has diacritics; its last word a prefix).

Ranking: with two words or more and no quotes, ``rank_expression`` is the
whole query as such a phrase; the lists put its matches first in their default
order (store/queries.py). Query text is never passed to FTS5 as syntax: ``*``,
``-``, ``NEAR`` and brackets are just text, quotes only group words
(domain/search_query.py parses what was typed).
"""

from __future__ import annotations

from tgdesk.domain.search_query import SearchQuery, Term, parse_query

FTS_TABLES = {"meetings": "meeting_fts", "studies": "study_session_fts",
              "opinions": "opinion_note_fts", "propaganda": "propaganda_activity_fts",
              "online": "online_entry_fts", "models": "exemplary_model_fts"}


def _word(term: Term) -> str:
    return f'exact : "{term.text}"*' if term.exact else f'folded : "{term.folded}"*'


def _phrase(terms: tuple[Term, ...]) -> str:
    if all(term.exact for term in terms):
        return f'exact : "{" ".join(term.text for term in terms)}"*'
    return f'folded : "{" ".join(term.folded for term in terms)}"*'


def match_expression(query: str | SearchQuery | None) -> str | None:
    """The FTS5 MATCH expression for what the user typed, or None if no words."""
    parsed = query if isinstance(query, SearchQuery) else parse_query(query)
    terms = [_word(term) for term in parsed.words]
    terms += [_phrase(phrase) for phrase in parsed.phrases]
    return " AND ".join(terms) if terms else None


def rank_expression(query: str | SearchQuery | None) -> str | None:
    """The MATCH expression of the records that rank first (the query's words
    standing together), or None when the query does not rank (one word, quotes)."""
    parsed = query if isinstance(query, SearchQuery) else parse_query(query)
    phrase = parsed.rank_phrase
    return _phrase(phrase) if phrase else None
