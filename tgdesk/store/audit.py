"""The audit log's table and the hook that fills it (issue 12, item 3).

Every flush of a writing session adds one entry per row it inserted, changed
or deleted — records, catalogues, follow-up steps, settings, reports, exchange
rows — with the values before and after, in the same transaction as the change
(all of an operation or none of it). Entries are chained by hash
(domain/audit.py). Writes that bypass the ORM unit of work (bulk imports, the
demo) add one summary entry themselves (``append``).

Binary values (a report's DOCX and PDF, key material) are never copied into the
log: an entry says only how many bytes they had.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timezone
from enum import Enum

from sqlalchemy import Index, Integer, String, Text, event, inspect, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from tgdesk.domain.audit import AuditEntry, GENESIS, canonical, chain

from .base import Base

# Columns whose change says nothing an auditor needs (every save touches them).
# (a sign-in has its own entry; its time on the account row would be a second one)
QUIET = frozenset({"created_at", "updated_at", "last_sign_in_at"})
# Columns whose value the log never holds: only that they changed.
HIDDEN = frozenset({"password_hash"})
HIDDEN_VALUE = "<ẩn>"


class AuditRow(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_record", "record_uuid"),
                      Index("ix_audit_entry_at", "at"))
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str | None] = mapped_column(String(80), nullable=True)
    record_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    changes: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


def now_text() -> str:
    return datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="microseconds")


def plain(value: object) -> object:
    """A value as the log keeps it: dates as ISO text, bytes as their size only."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"<{len(value)} byte>"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _row_changes(obj, new: bool, gone: bool) -> dict[str, list]:
    out = _column_changes(obj, new, gone)
    for key in HIDDEN & out.keys():
        out[key] = [None if v is None else HIDDEN_VALUE for v in out[key]]
    return out


def _column_changes(obj, new: bool, gone: bool) -> dict[str, list]:
    state = inspect(obj)
    out: dict[str, list] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in QUIET:
            continue
        if new or gone:
            value = plain(getattr(obj, key))
            if value is not None:
                out[key] = [None, value] if new else [value, None]
            continue
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        before = plain(hist.deleted[0]) if hist.deleted else None
        after = plain(hist.added[0]) if hist.added else None
        if before != after:
            out[key] = [before, after]
    for rel in state.mapper.relationships:      # a study's documents: their ids
        if rel.secondary is None:
            continue
        hist = state.attrs[rel.key].history
        kept = [o.id for o in hist.unchanged or ()]
        before = sorted(kept + [o.id for o in hist.deleted or ()])
        after = sorted(kept + [o.id for o in hist.added or ()])
        if new and after:
            out[rel.key] = [None, after]
        elif gone and before:
            out[rel.key] = [before, None]
        elif not (new or gone) and before != after:
            out[rel.key] = [before, after]
    return out


def _entry(obj, action: str, changes: dict, actor: str, at: str) -> AuditEntry:
    uuid = getattr(obj, "uuid", None) or getattr(obj, "key", None)
    rid = getattr(obj, "id", None)
    return AuditEntry(0, at, actor, action, obj.__tablename__, uuid,
                      rid if isinstance(rid, int) else None, canonical(changes))


def flush_entries(session: Session, actor: str, at: str) -> list[AuditEntry]:
    """One entry per row this flush inserted, changed or deleted (in a stable order)."""
    def order(objs: Iterable) -> list:
        return sorted(objs, key=lambda o: (o.__tablename__, str(getattr(o, "id", ""))))

    out = []
    for obj in order(session.new):
        out.append(_entry(obj, "create", _row_changes(obj, True, False), actor, at))
    for obj in order(session.dirty):
        changes = _row_changes(obj, False, False)
        if not changes:
            continue
        flag = changes.get("deleted")
        action = ("delete" if flag == [False, True] else
                  "restore" if flag == [True, False] else "edit")
        out.append(_entry(obj, action, changes, actor, at))
    for obj in order(session.deleted):
        out.append(_entry(obj, "remove", _row_changes(obj, False, True), actor, at))
    return out


def append(session: Session, entries: Sequence[AuditEntry]) -> None:
    """Chain ``entries`` after the last one and insert them (inside the caller's
    transaction, which holds the write lock: no other writer interleaves)."""
    if not entries:
        return
    conn = session.connection()
    last = conn.execute(select(AuditRow.seq, AuditRow.hash)
                        .order_by(AuditRow.seq.desc()).limit(1)).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    rows = [{"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action, "kind": e.kind,
             "record_uuid": e.record_uuid, "record_id": e.record_id, "changes": e.changes,
             "prev_hash": e.prev_hash, "hash": e.hash} for e in chain(entries, prev, seq)]
    conn.execute(insert(AuditRow), rows)


def event_entry(action: str, kind: str, details: dict, actor: str,
                record_uuid: str | None = None, record_id: int | None = None) -> AuditEntry:
    """An entry for a write the ORM hook does not see (an import's counts, a backup)."""
    return AuditEntry(0, now_text(), actor, action, kind, record_uuid, record_id,
                      canonical({k: plain(v) for k, v in details.items()}))


def install(factory: sessionmaker, actor: Callable[[], str]) -> None:
    """Log every flush of the sessions ``factory`` makes; their ``info`` tells
    code holding only a session who acts (``actor_of``)."""
    def after_flush(session: Session, _context) -> None:
        append(session, flush_entries(session, actor(), now_text()))

    factory.configure(info={"audit_actor": actor})
    event.listen(factory, "after_flush", after_flush)


def actor_of(session: Session) -> str:
    """Who acts in ``session`` (a session not made by an installed factory: "?")."""
    actor = session.info.get("audit_actor")
    return actor() if actor is not None else "?"


def read_entries(session: Session, where=None) -> list[AuditEntry]:
    """The entries (matching ``where``) in order, read as plain rows: no ORM
    objects, so the whole log of a busy ward reads in a fraction of a second."""
    r = AuditRow
    stmt = select(r.seq, r.at, r.actor, r.action, r.kind, r.record_uuid, r.record_id,
                  r.changes, r.prev_hash, r.hash).order_by(r.seq)
    if where is not None:
        stmt = stmt.where(where)
    return [AuditEntry(*row) for row in session.execute(stmt)]
