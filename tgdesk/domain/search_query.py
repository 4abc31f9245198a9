"""What a search box query means, and where it matches a text (for highlighting).

The words of a query are matched one by one, each as the beginning of a word of
the text: a word typed without diacritics against the text folded (lower case,
no diacritics, đ → d: "dat" matches "Đất", "đạt"), a word typed with them
against the text in lower case only ("đất" matches "Đất", not "đạt"). Every word
must match (AND). Words inside double quotes (``"…"``, or “…” as Word and
phone keyboards write them) must also stand together, in that order: a phrase.

With two or more words and no quotes, a record whose words stand together as
the query's phrase ranks above one where they lie apart (store/search.py).

``match_ranges`` is the same rule applied to one text, for the window to
highlight what matched: the character ranges of the whole words matched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .text import fold

QUOTES = '"“”„'
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A word of the text being highlighted: letters and digits, and combining marks
# should the text not be NFC.
_TEXT_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+", re.UNICODE)


@dataclass(frozen=True)
class Term:
    """One query word: as typed in lower case, and folded."""
    text: str
    folded: str

    @property
    def exact(self) -> bool:
        """Typed with diacritics (or đ): matched as written, case aside."""
        return self.text != self.folded


@dataclass(frozen=True)
class SearchQuery:
    words: tuple[Term, ...] = ()                  # every word, in order
    phrases: tuple[tuple[Term, ...], ...] = ()    # quoted groups of two words or more
    loose: tuple[Term, ...] = ()                  # the words not in those groups

    def __bool__(self) -> bool:
        return bool(self.words)

    @property
    def quoted(self) -> bool:
        return bool(self.phrases)

    @property
    def rank_phrase(self) -> tuple[Term, ...] | None:
        """The phrase that ranks first: all the words, when there are two or
        more and no quotes (quoted phrases are required instead)."""
        return self.words if len(self.words) >= 2 and not self.phrases else None


def _terms(text: str) -> list[Term]:
    return [Term(w.lower(), fold(w.lower())) for w in _WORD.findall(text)]


def parse_query(text: str | None) -> SearchQuery:
    """The words and quoted phrases of what was typed. Any other punctuation
    only separates words. An unclosed quote runs to the end."""
    value = unicodedata.normalize("NFC", text or "")
    parts = re.split(f"[{QUOTES}]", value)
    words: list[Term] = []
    phrases: list[tuple[Term, ...]] = []
    loose: list[Term] = []
    for i, part in enumerate(parts):
        terms = _terms(part)
        words.extend(terms)
        if i % 2 == 1 and len(terms) >= 2:
            phrases.append(tuple(terms))
        else:
            loose.extend(terms)
    return SearchQuery(tuple(words), tuple(phrases), tuple(loose))


# --- where a query matches a text -------------------------------------------------

def _matches(term: Term, lowered: str, folded: str, prefix: bool = True) -> bool:
    key, target = (term.text, lowered) if term.exact else (term.folded, folded)
    return target.startswith(key) if prefix else target == key


def match_ranges(text: str, query: SearchQuery | str | None) -> list[tuple[int, int]]:
    """``(start, end)`` of every piece of ``text`` that the query matched, in
    order, overlapping and touching pieces merged: each word matched as a whole
    (a query word matches a text word it begins, "quye" → "quyết"), and a quoted
    phrase only where its words stand together (the span from its first word to
    its last). Words outside quotes are marked wherever they stand."""
    if not isinstance(query, SearchQuery):
        query = parse_query(query)
    if not query or not text:
        return []
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _TEXT_WORD.finditer(text)]
    tokens = [(s, e, low, fold(low)) for s, e, low in tokens]
    found: list[tuple[int, int]] = []
    for start, end, lowered, folded in tokens:
        if any(_matches(term, lowered, folded) for term in query.loose):
            found.append((start, end))
    for phrase in query.phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            window = tokens[i:i + n]
            # as in the index: every word whole, the last one may be a beginning
            if all(_matches(term, tok[2], tok[3], prefix=(j == n - 1))
                   for j, (term, tok) in enumerate(zip(phrase, window))):
                found.append((window[0][0], window[-1][1]))
    return _merged(found)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def snippet_start(text: str, index: int, context: int = 24) -> int:
    """Where to start showing ``text`` so that ``index`` is seen with about
    ``context`` characters before it: the beginning of a word (0 if that is
    near the start anyway)."""
    if index <= context:
        return 0
    cut = index - context
    while cut < index and not text[cut - 1].isspace():
        cut += 1
    return cut
