"""The standard catalogues (``domain/starter.py``: opinion fields, documents,
propaganda campaigns) added to a new database when the unit is set up: by the
window's first-run dialog, which lists them ticked so the officer can untick what
the unit does not use, and by ``tgdesk init`` (unless ``--no-starter-catalogues``).

Only a catalogue that holds no row at all (none in the trash either) gets them:
a database already in use is never touched, and nothing is ever added twice.
The rows are added in the transaction that saves the unit (``unit.save_unit``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from tgdesk import vnformat as vf
from tgdesk.domain import starter
from tgdesk.domain import validation as v
from tgdesk.domain.enums import DocumentKind
from tgdesk.domain.records import Campaign, OpinionCategory, PartyDocument
from tgdesk.domain.text import normalize_fields
from tgdesk.store import tables as t

from .context import Context

__all__ = ["StarterRow", "KINDS", "standard_rows", "offered", "add_rows", "added_text",
           "current_campaign"]

# The catalogues with a standard list: kind -> (group title, noun for a count).
KINDS = {"categories": ("Lĩnh vực dư luận", "lĩnh vực dư luận"),
         "documents": ("Văn bản học tập", "văn bản học tập"),
         "campaigns": ("Đợt, chủ đề tuyên truyền", "đợt, chủ đề tuyên truyền")}
_TABLES = {"categories": t.CategoryRow, "documents": t.DocumentRow,
           "campaigns": t.CampaignRow}


@dataclass(frozen=True)
class StarterRow:
    """One standard catalogue row as the tick list shows it."""
    kind: str           # "categories" | "documents" | "campaigns"
    key: str            # the name, or the number and symbol: unique within its kind
    label: str          # "Chỉ thị 05-CT/TW ngày 15/05/2016 của Bộ Chính trị"
    detail: str         # the description or the title (a tooltip)

    def record(self) -> OpinionCategory | PartyDocument | Campaign:
        if self.kind == "categories":
            name, description = next(c for c in starter.CATEGORIES if c[0] == self.key)
            return OpinionCategory(name=name, description=description)
        if self.kind == "campaigns":
            name, starts_on, ends_on, note = next(c for c in starter.CAMPAIGNS
                                                  if c[0] == self.key)
            return Campaign(name=name, starts_on=starts_on, ends_on=ends_on, note=note or None)
        kind, number, issued_on, issuer, title = next(d for d in starter.DOCUMENTS
                                                      if d[1] == self.key)
        return PartyDocument(kind=kind, number_symbol=number, issued_on=issued_on,
                             issuer=issuer, title=title)


def _document_label(kind: str, number: str, issued_on: date, issuer: str) -> str:
    label = DocumentKind.from_code(kind).label
    if not any(ch.isdigit() for ch in number):       # a congress resolution: no number
        return f"{label} {number}"
    return f"{label} {number} ngày {vf.short_date(issued_on)} của {issuer}"


def _campaign_detail(starts_on: date | None, ends_on: date | None, note: str) -> str:
    if starts_on is None:
        when = "thường xuyên"
    elif ends_on is None:
        when = f"từ {vf.short_date(starts_on)}"
    elif starts_on == ends_on:
        when = f"ngày {vf.short_date(starts_on)}"
    else:
        when = f"từ {vf.short_date(starts_on)} đến {vf.short_date(ends_on)}"
    return f"{when}; {note}" if note else when


def current_campaign(ends_on: date | None, today: date) -> bool:
    """A standard campaign is offered unless it ended before last year: a database
    set up in 2026 gets 2025's (last year's figures are compared), not 2024's."""
    return ends_on is None or ends_on.year >= today.year - 1


def standard_rows(today: date) -> list[StarterRow]:
    """Every standard row, categories first; documents issued by ``today``;
    campaigns not over before last year."""
    rows = [StarterRow("categories", name, name, description)
            for name, description in starter.CATEGORIES]
    rows += [StarterRow("documents", number, _document_label(kind, number, issued_on, issuer),
                        title)
             for kind, number, issued_on, issuer, title in starter.DOCUMENTS
             if issued_on <= today]
    rows += [StarterRow("campaigns", name, name, _campaign_detail(starts_on, ends_on, note))
             for name, starts_on, ends_on, note in starter.CAMPAIGNS
             if current_campaign(ends_on, today)]
    return rows


def _empty(session: Session, kind: str) -> bool:
    return not session.scalar(select(exists().select_from(_TABLES[kind])))


def offered(ctx: Context) -> list[StarterRow]:
    """The standard rows of the catalogues that are still empty (none when in use)."""
    with ctx.reading() as session:
        empty = {kind for kind in KINDS if _empty(session, kind)}
    return [row for row in standard_rows(ctx.today()) if row.kind in empty]


def add_rows(session: Session, rows: Iterable[StarterRow], today: date) -> dict[str, int]:
    """Add ``rows`` inside the caller's transaction, each kind only when its catalogue
    is empty. Returns how many were added per kind."""
    known = {(r.kind, r.key) for r in standard_rows(today)}
    chosen: dict[str, list[StarterRow]] = {}
    for row in rows:
        if (row.kind, row.key) in known and row not in chosen.get(row.kind, []):
            chosen.setdefault(row.kind, []).append(row)
    added: dict[str, int] = {}
    for kind, picked in chosen.items():
        if not _empty(session, kind):
            continue
        for row in picked:
            rec = row.record()
            normalize_fields(rec)
            verdict = v.validate_record(kind, rec, v.Known(), today)
            if not verdict.ok:          # the standard lists are checked by the tests
                raise ValueError(f"standard row {row.key!r}: {verdict.errors}")
            fields = {f: getattr(rec, f) for f in rec.__dataclass_fields__
                      if f not in ("id", "uuid")}
            session.add(_TABLES[kind](uuid=starter.starter_uuid(kind, row.key), **fields))
        added[kind] = len(picked)
    session.flush()
    return added


def added_text(added: dict[str, int]) -> str:
    """"14 lĩnh vực dư luận, 11 văn bản học tập, 15 đợt, chủ đề tuyên truyền" ("" when
    nothing was added)."""
    return ", ".join(f"{vf.number(n)} {KINDS[kind][1]}" for kind, n in added.items() if n)
