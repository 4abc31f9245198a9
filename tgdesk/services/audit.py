"""The audit log (issue 12, item 3): what was written, when, by whom, with the
values before and after; checking that nobody rewrote it.

Every write through a writing session is logged by store/audit.py's hook, in
the same transaction. ``note`` adds an entry for work the hook does not see
(an import's counts, a backup). ``verify`` walks the whole chain.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import Session

from tgdesk.domain.audit import ACTIONS, AuditEntry, ChainBreak, canonical, verify as verify_chain
from tgdesk.domain.audit_text import ROW_ACTIONS
from tgdesk.domain.roles import Permission
from tgdesk.store import audit as store
from tgdesk.store import tables as t

from .context import Context

# What each table's rows are, as the "Nhật ký" screen and the command say it.
KIND_LABELS = {
    "meeting": "Hội nghị", "study_session": "Buổi học tập", "opinion_note": "Ý kiến dư luận",
    "opinion_follow_up": "Bước xử lý ý kiến", "propaganda_activity": "Hoạt động tuyên truyền",
    "online_entry": "Việc của nhóm trên mạng", "exemplary_model": "Mô hình, điển hình",
    "cell": "Chi bộ", "cell_member_count": "Số đảng viên của chi bộ", "area": "Khu dân cư",
    "party_document": "Văn bản", "person": "Người", "opinion_category": "Lĩnh vực dư luận",
    "campaign": "Đợt, chủ đề tuyên truyền", "report": "Báo cáo", "setting": "Cài đặt",
    "unit": "Đơn vị", "exchange_identity": "Khóa của đơn vị",
    "exchange_unit": "Đơn vị trao đổi", "exchange_package": "Gói đã nhận",
    "exchange_export": "Gói đã gửi", "exchange_record": "Bản ghi nhận được",
    "exchange_conflict": "Xung khắc khi nhận gói", "database": "Cơ sở dữ liệu",
    "account": "Tài khoản", "json": "Tệp JSON",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def action_label(action: str) -> str:
    return ACTIONS.get(action, action)


def note(session: Session, ctx: Context, action: str, kind: str, details: dict,
         record_uuid: str | None = None, record_id: int | None = None) -> None:
    """Log work the hook does not see, inside the caller's transaction."""
    store.append(session, [store.event_entry(action, kind, details, ctx.actor, record_uuid,
                                             record_id)])


def verify(ctx: Context) -> tuple[int, list[ChainBreak]]:
    """How many entries the log holds, and where its chain breaks ([] = intact)."""
    with ctx.reading() as session:
        entries = store.read_entries(session)
    return len(entries), verify_chain(entries)


@dataclass(frozen=True)
class AuditFilter:
    date_from: date | None = None
    date_to: date | None = None
    actor: str | None = None
    action: str | None = None
    kind: str | None = None
    record_uuid: str | None = None
    search: str | None = None       # words in the values (accent-folded)


def entries(ctx: Context, flt: AuditFilter = AuditFilter(), limit: int | None = None
            ) -> list[AuditEntry]:
    """The entries matching ``flt``, newest first (at most ``limit``): the same
    reading as the "Nhật ký" screen (services/audit_browse.py), its days the
    days of this computer's clock (the log keeps UTC)."""
    from .audit_browse import find, matching

    return matching(ctx, flt) if limit is None else find(ctx, flt, limit).entries


def history(ctx: Context, record_uuid: str) -> list[AuditEntry]:
    """A record's own history, oldest first: its entries and those of its
    follow-up steps and membership counts (rows that name it)."""
    r = store.AuditRow
    allowed = visible(ctx)
    with ctx.reading() as session:
        mine = store.read_entries(session, and_(r.record_uuid == record_uuid, allowed))
        ids = {(e.kind, e.record_id) for e in mine if e.record_id is not None}
        if not ids:
            return shown(ctx, mine)
        owned = or_(*[and_(r.kind.in_(("opinion_follow_up", "cell_member_count")),
                           or_(r.changes.like(f'%"opinion_id":[{i},%'),
                               r.changes.like(f'%"opinion_id":[null,{i}]%'),
                               r.changes.like(f'%"cell_id":[null,{i}]%')))
                      for kind, i in ids if kind in ("opinion_note", "cell")] or [False])
        extra = store.read_entries(session, and_(owned, allowed))
    return shown(ctx, sorted(mine + extra, key=lambda e: e.seq))


# --- what a person who may not read Mật records sees of the log ------------------------
# The entries of a record that carries a classification (and of an opinion note's
# follow-up steps) are theirs only for the records they can see, which are not Mật:
# the tables read through store/db.py's views then. A report's stored words and
# figures, and how many Mật records a package held back, show as hidden.

CLASSIFIED_KINDS = {"meeting": t.MeetingRow, "study_session": t.StudyRow,
                    "opinion_note": t.OpinionRow, "propaganda_activity": t.PropagandaRow,
                    "online_entry": t.OnlineEntryRow, "exemplary_model": t.ModelRow}
# Kinds whose values show as hidden: None = every field, else those fields.
MASKED: dict[str, frozenset[str] | None] = {"report": None,
                                            "exchange_export": frozenset({"held_back"})}


def visible(ctx: Context):
    """The SQL condition on the log's rows of what the person signed in may see."""
    if ctx.can(Permission.READ_SECRET):
        return true()
    r, f, o = store.AuditRow, t.FollowUpRow, t.OpinionRow
    seen = [and_(r.kind == kind, r.record_uuid.in_(select(row.uuid)))
            for kind, row in CLASSIFIED_KINDS.items()]
    seen.append(and_(r.kind == "opinion_follow_up", r.record_uuid.in_(
        select(f.uuid).join(o, o.id == f.opinion_id))))
    return or_(r.kind.not_in([*CLASSIFIED_KINDS, "opinion_follow_up"]), *seen)


def searchable(ctx: Context):
    """The rows whose values a word search may look into (not the hidden ones)."""
    if ctx.can(Permission.READ_SECRET):
        return true()
    return store.AuditRow.kind.not_in(list(MASKED))


def _mask(value: object, row: bool) -> object:
    if row and isinstance(value, list) and len(value) == 2:
        return [None if v is None else store.HIDDEN_VALUE for v in value]
    return None if value is None else store.HIDDEN_VALUE


def shown(ctx: Context, entries: list[AuditEntry]) -> list[AuditEntry]:
    """``entries`` as the person signed in may read them (see MASKED)."""
    if ctx.can(Permission.READ_SECRET):
        return entries
    out = []
    for e in entries:
        if e.kind in MASKED:
            fields = MASKED[e.kind]
            row = e.action in ROW_ACTIONS
            changes = {k: (_mask(v, row) if fields is None or k in fields else v)
                       for k, v in changes_of(e).items()}
            e = dataclasses.replace(e, changes=canonical(changes))
        out.append(e)
    return out


def changes_of(entry: AuditEntry) -> dict:
    try:
        value = json.loads(entry.changes)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def entry_json(e: AuditEntry) -> dict:
    return {"seq": e.seq, "at": e.at + "Z", "actor": e.actor, "action": e.action,
            "kind": e.kind, "record_uuid": e.record_uuid, "record_id": e.record_id,
            "changes": changes_of(e), "prev_hash": e.prev_hash, "hash": e.hash}


@dataclass(frozen=True)
class Authorship:
    """Who made a record and who changed it last, as the audit log says."""

    created_by: str | None = None
    created_at: str | None = None       # UTC ISO, as the log keeps it
    changed_by: str | None = None
    changed_at: str | None = None


def authorship(ctx: Context, record_uuid: str) -> Authorship | None:
    """None when the log holds nothing of the record (loaded in bulk, or made
    before the log existed). Two seeks on the record's index."""
    r = store.AuditRow
    with ctx.reading() as session:
        first = session.execute(select(r.actor, r.at, r.action).where(
            r.record_uuid == record_uuid).order_by(r.seq).limit(1)).first()
        if first is None:
            return None
        last = session.execute(select(r.actor, r.at).where(
            r.record_uuid == record_uuid, r.action != "create").order_by(r.seq.desc())
            .limit(1)).first()
    made = first.action == "create"
    return Authorship(first.actor if made else None, first.at if made else None,
                      last.actor if last else None, last.at if last else None)
