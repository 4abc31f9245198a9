"""Likely duplicates: one rule for every import path - JSON records files
(services/jsonio), Excel catalogue files (services/excel) and exchange packages
(services/exchange).

A record (meeting, study session, opinion note) that comes without an id of its
own is a likely duplicate when it says the same as a record already stored, or
as an earlier record of the same import (``record_key``):

- a meeting: the same day held and the same title;
- a study session: the same day, the same cell (none = the whole Party
  committee) and the same title;
- an opinion note: the same day noted, the same area (none = no area) and the
  same summary;
- a propaganda activity: the same first day, the same area (none = no area)
  and the same content (title);
- an online-team entry: the same day, the same team member (none = no member)
  and the same summary;
- an exemplary model: the same day noted, the same cell (none = no cell) and
  the same name.

Text is compared NFC-normalised, case-folded, with every run of white space as
one space: "Giao  ban THÁNG 11" repeats "giao ban tháng 11"; "Đất" does not
repeat "Dat". Only live records count (not the trash), and only records of the
same origin: an import of one's own records is compared with one's own records,
a package from a unit below with what that unit sent before.

A catalogue row (Excel) repeats another by name (cells, areas, categories),
number/symbol and year (documents), or name and phone (people: equal when a
phone is missing on either side), compared loosely: without diacritics or
punctuation (``catalogue_key``). That rule is older than this module and kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from tgdesk import vnformat as vf
from tgdesk.domain.text import fold, printable
from tgdesk.store import queries

RECORD_KINDS = ("meetings", "studies", "opinions", "propaganda", "online", "models")
NOUN = {"meetings": "hội nghị", "studies": "buổi học tập", "opinions": "ý kiến dư luận",
        "propaganda": "hoạt động tuyên truyền", "online": "việc của nhóm trên mạng",
        "models": "mô hình, điển hình"}
# The fields compared (store/queries.record_keys reads the same columns).
DAY = {"meetings": "held_on", "studies": "held_on", "opinions": "noted_on",
       "propaganda": "held_on", "online": "noted_on", "models": "noted_on"}
_PLACE = {"meetings": None, "studies": "cell_id", "opinions": "area_id",
          "propaganda": "area_id", "online": "member_id", "models": "cell_id"}
TEXT = {"meetings": "title", "studies": "title", "opinions": "summary",
        "propaganda": "title", "online": "summary", "models": "name"}
SHOWN = 30          # duplicates listed by name in a summary; the rest are counted


# --- records -------------------------------------------------------------------

def text_key(text: str | None) -> str:
    """NFC, case-folded, white space collapsed."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text or "").casefold())
    return " ".join(folded.split())


def _getter(rec):
    if isinstance(rec, Mapping):
        return rec.get
    return lambda name: getattr(rec, name, None)


def record_key(kind: str, rec) -> tuple:
    """(day, place id, text key) of a record: a dataclass (Meeting, StudySession,
    OpinionNote) or a mapping of its columns."""
    get = _getter(rec)
    place = _PLACE[kind]
    return get(DAY[kind]), (get(place) if place else None), text_key(get(TEXT[kind]))


@dataclass(frozen=True)
class Duplicate:
    """One imported record that repeats a stored one or an earlier one of the import."""

    kind: str
    where: str                       # the record as the import names it
    day: date
    existing_id: int | None = None   # the stored record it repeats …
    existing_text: str = ""
    earlier: str | None = None       # … or the earlier record of the import

    def line(self, source: str = "tệp") -> str:
        if self.existing_id is not None:
            return (f"{self.where}: trùng với {NOUN[self.kind]} đã có ngày "
                    f"{vf.short_date(self.day)} “{printable(self.existing_text, 60)}”")
        return f"{self.where}: trùng với {self.earlier} ở trước trong {source}"


def summary_lines(found: Sequence[Duplicate], kept: bool, source: str = "tệp",
                  shown: int = SHOWN) -> list[str]:
    """What an import says about its likely duplicates: a head line, then which ones."""
    if not found:
        return []
    stored = sum(1 for d in found if d.existing_id is not None)
    against = []
    if stored:
        against.append("bản ghi đã có")
    if stored < len(found):
        against.append(f"bản ghi ở trước trong {source}")
    head = (f"{vf.number(len(found))} bản ghi có vẻ trùng với {' hoặc '.join(against)}"
            + (", vẫn được nhập vì đã chọn giữ cả bản ghi trùng:" if kept
               else ", không được nhập:"))
    lines = [head] + [f"  – {d.line(source)}" for d in found[:shown]]
    if len(found) > shown:
        lines.append(f"  … và {vf.number(len(found) - shown)} bản ghi trùng khác.")
    return lines


class RecordFinder:
    """Finds the likely duplicates among one import's records.

    For each kind: ``load`` the stored records once (one query over the date
    range of the records to check), then ``check`` each record in the import's
    order (``note`` a record that has its own id: it is never a duplicate, but a
    later record may repeat it). ``origin``: None to compare with own records,
    or the exchange unit ids whose received records count. ``within``: also
    compare with the import's earlier records (a file; not a package, which
    mirrors the sender's database as it is)."""

    def __init__(self, session: Session, origin: Sequence[int] | None = None,
                 within: bool = True):
        self.session, self.origin, self.within = session, origin, within
        self.stored: dict[str, dict[tuple, tuple[int, str]]] = {}
        self.seen: dict[str, dict[tuple, str]] = {}

    def load(self, kind: str, records: Sequence[Any], exclude: Collection[int] = ()) -> None:
        """Read the stored records of ``kind`` dated within the span of
        ``records``, but for the ids in ``exclude``."""
        days = [d for d in (_getter(r)(DAY[kind]) for r in records) if d is not None]
        index: dict[tuple, tuple[int, str]] = {}
        if days:
            skip = set(exclude)
            for rid, day, place, text in queries.record_keys(self.session, kind, min(days),
                                                             max(days), self.origin):
                if rid not in skip:
                    index.setdefault((day, place, text_key(text)), (rid, text))
        self.stored[kind] = index
        self.seen.setdefault(kind, {})

    def note(self, kind: str, rec, where: str) -> None:
        if self.within:
            self.seen.setdefault(kind, {}).setdefault(record_key(kind, rec), where)

    def check(self, kind: str, rec, where: str) -> Duplicate | None:
        """The duplicate ``rec`` is, or None (it is then remembered as seen)."""
        if kind not in self.stored:
            raise RuntimeError(f"load({kind!r}) first")
        key = record_key(kind, rec)
        hit = self.stored[kind].get(key)
        if hit is not None:
            return Duplicate(kind, where, key[0], existing_id=hit[0], existing_text=hit[1])
        if not self.within:
            return None
        earlier = self.seen[kind].get(key)
        if earlier is not None:
            return Duplicate(kind, where, key[0], earlier=earlier)
        self.seen[kind][key] = where
        return None


# --- catalogue rows (Excel) ------------------------------------------------------

def loose_key(text: str) -> str:
    """Catalogue comparison: folded, punctuation and repeated spaces ignored."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


def _symbol_key(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


def _digits(phone: str | None) -> str | None:
    d = re.sub(r"\D", "", phone or "")
    return d or None


def catalogue_key(kind: str, rec) -> tuple[Any, str | None]:
    """(key, phone) of a catalogue row; the phone only for people."""
    if kind == "documents":
        year = rec.issued_on.year if rec.issued_on else None
        return (_symbol_key(rec.number_symbol or ""), year), None
    if kind == "people":
        return loose_key(rec.full_name or ""), _digits(rec.phone)
    return loose_key(rec.name or ""), None


class CatalogueIndex:
    """Finds a catalogue row equal to an earlier one (``catalogue_key``)."""

    def __init__(self, kind: str):
        self.kind = kind
        self.seen: dict[Any, list[tuple[str | None, int]]] = {}

    def find(self, rec) -> int | None:
        k, phone = catalogue_key(self.kind, rec)
        for other_phone, ref in self.seen.get(k, ()):
            if phone is None or other_phone is None or phone == other_phone:
                return ref
        return None

    def add(self, rec, ref: int) -> None:
        k, phone = catalogue_key(self.kind, rec)
        self.seen.setdefault(k, []).append((phone, ref))
