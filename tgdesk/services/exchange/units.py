"""Registered units (the level above, the units below) and their hierarchy.

The hierarchy is data: a unit can be renamed, merged into another, moved to a
new parent. Received rows keep the name they were sent under (each received
package stores the sender's name as the package gave it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tgdesk.domain.roles import Permission
from tgdesk.store import tables as t

from ..context import Context
from ..errors import NotFound, UserError
from .keys import identity_in, read_key_file

RELATIONS = {"parent": "cấp trên", "child": "cấp dưới"}


@dataclass(frozen=True)
class UnitInfo:
    id: int
    uuid: str
    name: str
    relation: str
    fingerprint: str
    parent_id: int | None
    merged_into_id: int | None
    active: bool
    packages: int = 0
    last_import: datetime | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "uuid": self.uuid, "name": self.name, "relation": self.relation,
                "fingerprint": self.fingerprint, "parent_id": self.parent_id,
                "merged_into_id": self.merged_into_id, "active": self.active,
                "packages": self.packages,
                "last_import": self.last_import.isoformat() if self.last_import else None}


def _info(row: t.ExchangeUnitRow, packages: int = 0, last: datetime | None = None) -> UnitInfo:
    return UnitInfo(row.id, row.uuid, row.name, row.relation, row.fingerprint, row.parent_id,
                    row.merged_into_id, row.active, packages, last)


def add_unit(ctx: Context, key_file: Path, relation: str, parent: str | None = None) -> UnitInfo:
    """Register another unit from its key file. Registering the same key again
    changes nothing; a new key for a known unit replaces the old one (the unit
    set up its computer again) and its name is updated."""
    ctx.require(Permission.ADMINISTER)
    if relation not in RELATIONS:
        raise UserError("--as phải là parent (cấp trên) hoặc child (cấp dưới).")
    kf = read_key_file(key_file)
    with ctx.transaction() as session:
        me = identity_in(session)
        if kf.unit_uuid == me.unit_uuid:
            raise UserError("Đây là tệp khóa của chính đơn vị này, không cần đăng ký.")
        parent_id = resolve_in(session, parent).id if parent else None
        row = session.scalars(select(t.ExchangeUnitRow)
                              .where(t.ExchangeUnitRow.uuid == kf.unit_uuid)).first()
        if relation == "parent":
            other = session.scalars(select(t.ExchangeUnitRow).where(
                t.ExchangeUnitRow.relation == "parent", t.ExchangeUnitRow.active.is_(True),
                t.ExchangeUnitRow.uuid != kf.unit_uuid)).first()
            if other is not None:
                raise UserError(f"Đã có cấp trên “{other.name}”. Hãy đánh dấu đơn vị đó không "
                                "còn hoạt động trước (units merge hoặc units move).")
        if row is None:
            row = t.ExchangeUnitRow(uuid=kf.unit_uuid)
            session.add(row)
        row.name, row.relation, row.fingerprint = kf.name, relation, kf.fingerprint
        row.sign_public, row.box_public = kf.sign_public, kf.box_public
        row.active, row.merged_into_id = True, None
        if parent_id is not None:
            row.parent_id = parent_id
        session.flush()
        return _info(row)


def list_units(ctx: Context) -> list[UnitInfo]:
    with ctx.reading() as session:
        stats = dict((u, (n, last)) for u, n, last in session.execute(
            select(t.ExchangePackageRow.unit_id, func.count(),
                   func.max(t.ExchangePackageRow.imported_at))
            .group_by(t.ExchangePackageRow.unit_id)))
        rows = session.scalars(select(t.ExchangeUnitRow)
                               .order_by(t.ExchangeUnitRow.relation.desc(),
                                         t.ExchangeUnitRow.name)).all()
        return [_info(r, *stats.get(r.id, (0, None))) for r in rows]


def resolve_in(session: Session, spec: str | int) -> t.ExchangeUnitRow:
    """A registered unit by local id, UUID (or its first 8+ characters) or exact name."""
    text = str(spec).strip()
    rows = session.scalars(select(t.ExchangeUnitRow)).all()
    found = [r for r in rows if text.isdigit() and r.id == int(text)]
    found = found or [r for r in rows if r.uuid == text.lower()]
    found = found or ([r for r in rows if r.uuid.startswith(text.lower())] if len(text) >= 8
                      else [])
    found = found or [r for r in rows if r.name.casefold() == text.casefold()]
    if len(found) != 1:
        raise NotFound(f"Không tìm thấy đơn vị “{text}” trong danh sách đơn vị đã đăng ký "
                       "(xem: tgdesk units list)." if not found else
                       f"“{text}” khớp với nhiều đơn vị; hãy dùng số thứ tự hoặc mã đơn vị.")
    return found[0]


def resolve(ctx: Context, spec: str | int) -> UnitInfo:
    with ctx.reading() as session:
        return _info(resolve_in(session, spec))


def rename_unit(ctx: Context, spec: str, name: str) -> UnitInfo:
    ctx.require(Permission.ADMINISTER)
    name = " ".join((name or "").split())
    if not name:
        raise UserError("Tên đơn vị mới: chưa nhập.")
    with ctx.transaction() as session:
        row = resolve_in(session, spec)
        row.name = name
        session.flush()
        return _info(row)


def merge_unit(ctx: Context, spec: str, into: str) -> UnitInfo:
    """``spec`` stops existing as a unit; its received data counts for ``into``
    from now on (figures and completeness), and keeps its original names."""
    ctx.require(Permission.ADMINISTER)
    with ctx.transaction() as session:
        row, target = resolve_in(session, spec), resolve_in(session, into)
        if row.id == target.id:
            raise UserError("Không thể sáp nhập một đơn vị vào chính nó.")
        if target.merged_into_id is not None or not target.active:
            raise UserError(f"Đơn vị “{target.name}” không còn hoạt động.")
        row.merged_into_id, row.active = target.id, False
        for other in session.scalars(select(t.ExchangeUnitRow).where(
                t.ExchangeUnitRow.merged_into_id == row.id)):
            other.merged_into_id = target.id
        session.flush()
        return _info(row)


def move_unit(ctx: Context, spec: str, parent: str | None) -> UnitInfo:
    ctx.require(Permission.ADMINISTER)
    with ctx.transaction() as session:
        row = resolve_in(session, spec)
        if parent in (None, "", "none"):
            row.parent_id = None
        else:
            target = resolve_in(session, parent)
            seen, node = set(), target
            while node is not None:          # no cycles
                if node.id == row.id:
                    raise UserError("Không thể chuyển một đơn vị về dưới chính nó.")
                seen.add(node.id)
                node = session.get(t.ExchangeUnitRow, node.parent_id) if node.parent_id \
                    and node.parent_id not in seen else None
            row.parent_id = target.id
        session.flush()
        return _info(row)


def members_of(session: Session, unit_id: int) -> list[int]:
    """The unit and every unit merged into it (their received rows count as its own)."""
    ids, todo = [unit_id], [unit_id]
    while todo:
        nxt = list(session.scalars(select(t.ExchangeUnitRow.id).where(
            t.ExchangeUnitRow.merged_into_id.in_(todo))))
        nxt = [i for i in nxt if i not in ids]
        ids += nxt
        todo = nxt
    return ids
