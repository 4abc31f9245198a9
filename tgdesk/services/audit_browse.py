"""Browsing the audit log as the "Nhật ký" screen does (issue 12, item 3): the
days chosen are days of this computer's clock (the log keeps UTC), at most a
screenful of the newest entries with how many matched in all, the people and
tables the log names (the screen's choices), and the filter said in words.

services/audit.py holds the log's own use cases and the command line's filter;
this one reads the same table for the window: a day is a day of the office's
clock, and a screenful is read without loading every entry (the words are
matched over the stored text folded at C speed, the entries shown read by number)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select

from tgdesk import vnformat as vf
from tgdesk.domain.audit import AuditEntry
from tgdesk.store import audit as store

from . import audit
from .context import Context

LIMIT = 2000            # entries the screen shows at most (the newest)
CHUNK = 900             # entries read by number in one query


@dataclass(frozen=True)
class Found:
    entries: list[AuditEntry]       # newest first, at most the limit
    total: int                      # how many matched in all


def utc_start(day: date) -> str:
    """The first moment of local ``day`` as the log writes a time (UTC, ISO)."""
    local = datetime.combine(day, time()).astimezone()
    return local.astimezone(timezone.utc).replace(tzinfo=None).isoformat(
        timespec="microseconds")


def quick_fold(text: str) -> str:
    """Lower case without diacritics, đ as d, as domain.text.fold reads Vietnamese, but
    at C speed: what is left of a letter outside ASCII is dropped (the words looked
    for are folded the same way)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _conditions(flt: audit.AuditFilter) -> list:
    """The SQL conditions of ``flt`` but its words, its days as local days."""
    r = store.AuditRow
    conds = []
    if flt.date_from:
        conds.append(r.at >= utc_start(flt.date_from))
    if flt.date_to:
        conds.append(r.at < utc_start(flt.date_to + timedelta(days=1)))
    for value, col in ((flt.actor, r.actor), (flt.action, r.action), (flt.kind, r.kind),
                       (flt.record_uuid, r.record_uuid)):
        if value:
            conds.append(col == value)
    return conds


def _numbers(ctx: Context, session, flt: audit.AuditFilter) -> list[int]:
    """The numbers of the entries matching ``flt``, newest first: the columns
    by SQL, the words (accent-folded, all of them) over the changes' text. Only
    the entries the person signed in may see (audit.visible), the words only in
    values they may read."""
    r = store.AuditRow
    conds = [*_conditions(flt), audit.visible(ctx)]
    words = quick_fold(flt.search or "").split()
    if not words:
        return list(session.scalars(select(r.seq).where(*conds).order_by(r.seq.desc())))
    conds.append(audit.searchable(ctx))
    rows = session.execute(select(r.seq, r.changes).where(*conds).order_by(r.seq.desc()))
    return [seq for seq, folded in ((seq, quick_fold(changes)) for seq, changes in rows)
            if all(w in folded for w in words)]


def _read(session, numbers: list[int]) -> list[AuditEntry]:
    """The entries numbered ``numbers``, in that order."""
    found: dict[int, AuditEntry] = {}
    for i in range(0, len(numbers), CHUNK):
        part = numbers[i:i + CHUNK]
        found.update((e.seq, e) for e in store.read_entries(session,
                                                             store.AuditRow.seq.in_(part)))
    return [found[n] for n in numbers if n in found]


def matching(ctx: Context, flt: audit.AuditFilter) -> list[AuditEntry]:
    """Every entry matching ``flt``, newest first, its days taken as local days."""
    with ctx.reading() as session:
        return audit.shown(ctx, _read(session, _numbers(ctx, session, flt)))


def find(ctx: Context, flt: audit.AuditFilter, limit: int = LIMIT) -> Found:
    """The newest ``limit`` entries matching ``flt`` and how many match in all."""
    with ctx.reading() as session:
        numbers = _numbers(ctx, session, flt)
        return Found(audit.shown(ctx, _read(session, numbers[:limit])), len(numbers))


def choices(ctx: Context) -> tuple[list[str], list[str]]:
    """The people and the tables the log names (sorted), for the screen's filters."""
    r = store.AuditRow
    with ctx.reading() as session:
        actors = session.scalars(select(r.actor).distinct()).all()
        kinds = session.scalars(select(r.kind).distinct()).all()
    return (sorted(actors, key=str.casefold),
            sorted(kinds, key=lambda k: audit.kind_label(k).casefold()))


def describe(flt: audit.AuditFilter) -> str:
    """The filter in words ("Mọi mục" when none)."""
    parts = []
    if flt.date_from and flt.date_to:
        parts.append(f"từ ngày {vf.short_date(flt.date_from)} đến ngày "
                     f"{vf.short_date(flt.date_to)}")
    elif flt.date_from:
        parts.append(f"từ ngày {vf.short_date(flt.date_from)}")
    elif flt.date_to:
        parts.append(f"đến ngày {vf.short_date(flt.date_to)}")
    if flt.actor:
        parts.append(f"người: {flt.actor}")
    if flt.action:
        parts.append(f"việc: {audit.action_label(flt.action)}")
    if flt.kind:
        parts.append(f"loại: {audit.kind_label(flt.kind)}")
    if flt.record_uuid:
        parts.append(f"bản ghi {flt.record_uuid}")
    if flt.search:
        parts.append(f"có chữ “{flt.search.strip()}”")
    return ("Lọc: " + "; ".join(parts)) if parts else "Mọi mục"
