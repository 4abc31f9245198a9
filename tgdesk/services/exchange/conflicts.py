"""Conflicts: a received change to a row that was also changed here. Nothing is
overwritten until someone decides: keep mine (this database's version) or
theirs (the version in the package)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from tgdesk.domain import exchange as dx
from tgdesk.domain.exchange import UnitSummary
from tgdesk.domain.roles import Permission
from tgdesk.store import tables as t

from ..context import Context
from ..errors import NotFound, UserError
from .records import SPECS, Refused, read_row


@dataclass(frozen=True)
class ConflictInfo:
    id: int
    kind: str
    uuid: str
    unit: str
    status: str
    their_updated_at: datetime
    mine_updated_at: datetime | None
    theirs: dict
    mine: dict

    def to_json(self) -> dict:
        def conv(d):
            return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in d.items()}
        return {"id": self.id, "kind": self.kind, "uuid": self.uuid, "unit": self.unit,
                "status": self.status, "their_updated_at": self.their_updated_at.isoformat(),
                "mine_updated_at": self.mine_updated_at.isoformat()
                if self.mine_updated_at else None,
                "theirs": self.theirs, "mine": conv(self.mine)}

    def differences(self) -> list[tuple[str, object, object]]:
        spec = SPECS[self.kind]
        out = []
        for f in spec.fields + ("deleted",):
            mine = self.mine.get(f)
            mine = mine.isoformat() if hasattr(mine, "isoformat") else mine
            if mine != self.theirs.get(f):
                out.append((f, mine, self.theirs.get(f)))
        return out


def list_conflicts(ctx: Context, include_resolved: bool = False) -> list[ConflictInfo]:
    c, u = t.ExchangeConflictRow, t.ExchangeUnitRow
    stmt = select(c, u.name).join(u, u.id == c.unit_id).order_by(c.id)
    if not include_resolved:
        stmt = stmt.where(c.status == "open")
    out = []
    with ctx.reading() as session:
        for row, name in session.execute(stmt):
            tbl = SPECS[row.kind].table
            mine = session.execute(select(tbl).where(tbl.c.uuid == row.uuid)).first()
            mine_d = dict(mine._mapping) if mine else {}
            out.append(ConflictInfo(row.id, row.kind, row.uuid, name, row.status,
                                    row.their_updated_at, mine_d.get("updated_at"),
                                    json.loads(row.theirs), mine_d))
    return out


def resolve_conflict(ctx: Context, conflict_id: int, keep: str) -> str:
    """``keep="mine"``: this database's row stays; the sender's version is marked
    as seen (the same package will not raise it again). ``keep="theirs"``: the
    package's version replaces the row here."""
    ctx.require(Permission.WRITE_RECORDS)
    if keep not in ("mine", "theirs"):
        raise UserError("--keep phải là mine (giữ bản ở đây) hoặc theirs (lấy bản nhận được).")
    with ctx.transaction() as session:
        row = session.get(t.ExchangeConflictRow, conflict_id)
        if row is None:
            raise NotFound(f"Không có xung đột số {conflict_id} (xem: tgdesk conflicts list).")
        if row.status != "open":
            raise UserError(f"Xung đột số {conflict_id} đã được giải quyết trước đây.")
        state = session.get(t.ExchangeRecordRow, row.uuid)
        if keep == "theirs":
            _apply_theirs(session, row, ctx.today())
        elif state is not None:
            state.their_updated_at = row.their_updated_at
            state.package_id = row.package_id
        row.status, row.resolved_at = keep, t.utcnow()
    return ("Đã giữ bản ở đây." if keep == "mine" else "Đã thay bằng bản nhận được.")


def _apply_theirs(session, row: t.ExchangeConflictRow, today) -> None:
    from .importer import _children  # the same writing of study documents / follow-ups
    from sqlalchemy import update
    spec = SPECS[row.kind]
    tbl = spec.table
    raw = json.loads(row.theirs)
    ids: dict[str, dict[str, int]] = {}
    for k in dx.CATALOGUE_KINDS:
        ids[k] = dict(session.execute(select(SPECS[k].row.uuid, SPECS[k].row.id)).all())
    made = session.scalar(select(t.ExchangePackageRow.created_at)
                          .where(t.ExchangePackageRow.id == row.package_id))
    latest = made + dx.CLOCK_TOLERANCE if made is not None else None
    try:
        inc = read_row(spec, row.uuid, raw, ids, today, latest)
    except Refused as exc:
        raise UserError(f"Không áp dụng được bản nhận được: {exc}.") from exc
    rid = session.scalar(select(tbl.c.id).where(tbl.c.uuid == row.uuid))
    session.execute(update(tbl).where(tbl.c.id == rid).values(
        **inc.values, updated_at=inc.updated_at, deleted=inc.deleted))
    _children(session, row.kind, [(inc, rid)], replace=True)
    state = session.get(t.ExchangeRecordRow, row.uuid)
    if state is not None:
        state.their_updated_at, state.package_id = inc.updated_at, row.package_id


__all__ = ["list_conflicts", "resolve_conflict", "ConflictInfo", "UnitSummary"]
