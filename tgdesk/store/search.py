"""Full-text search over the records (SQLite FTS5), Vietnamese-aware.

Each record kind has an FTS5 table whose rowid is the record's id, with two
columns holding the same text: ``folded`` (lower case, diacritics removed,
đ → d) and ``exact`` (as written; the tokenizer folds case only). Triggers created
by migration 0004 keep them in step with the tables.

A query word typed **without** diacritics is looked up in ``folded``, so
"nghi quyet" finds "Nghị quyết" and "dat dai" finds "đất đai"; a word typed
**with** diacritics is looked up in ``exact``, so "đường" does not find
"dương". Every word must match (AND); each is a prefix. Query text is never
passed to FTS5 as syntax: quotes, ``*``, ``-`` and ``NEAR`` are just text.
"""

from __future__ import annotations

import re
import unicodedata

from tgdesk.domain.text import fold

FTS_TABLES = {"meetings": "meeting_fts", "studies": "study_session_fts",
              "opinions": "opinion_note_fts"}

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed, or None if no words."""
    words = _WORD.findall(unicodedata.normalize("NFC", query or ""))
    terms = []
    for word in words:
        lowered = word.lower()
        folded = fold(lowered)
        column = "folded" if folded == lowered else "exact"
        text = folded if column == "folded" else lowered
        terms.append(f'{column} : "{text}"*')
    return " AND ".join(terms) if terms else None
