"""Packages written here: a period (or everything changed since the last
export) of this unit's own records, upward; catalogues, downward. Every export
is recorded with the file's bytes so it can be written again identically."""

from __future__ import annotations

import hashlib
import json
import uuid as uuid_mod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tgdesk import __version__
from tgdesk.domain import exchange as dx
from tgdesk.domain.period import Period
from tgdesk.domain.roles import Permission
from tgdesk.store import tables as t

from ..context import Context
from ..errors import NotFound, UserError
from ..files import make_folder, write_bytes
from .keys import identity_in
from .package import write_package
from .records import SPECS, row_json
from .units import resolve_in

Progress = Callable[[int, int, str], None]


@dataclass
class ExportResult:
    export_id: int
    path: Path
    recipient: str
    counts: dict[str, dict[str, int]]
    held_back: dict[str, int]
    sha256: str
    label: str = ""
    paths: list[Path] = field(default_factory=list)

    def text(self) -> str:
        parts = []
        for kind, c in self.counts.items():
            if c.get("records") or c.get("deleted"):
                extra = f" (trong đó {c['deleted']} đã xóa)" if c.get("deleted") else ""
                parts.append(f"{c['records']} {dx.KIND_LABELS.get(kind, kind)}{extra}")
        lines = [f"Đã xuất gói {self.label} gửi {self.recipient} vào “{self.path}” "
                 f"(mã xuất {self.export_id}): " + (", ".join(parts) or "không có bản ghi") + "."]
        lines += held_back_lines(self.held_back)
        lines.append(f"SHA-256 của tệp: {self.sha256}")
        return "\n".join(lines)


def held_back_lines(held: dict[str, int]) -> list[str]:
    out = []
    for kind, n in held.items():
        if n:
            out.append(f"{n} {dx.KIND_LABELS.get(kind, kind)} được đánh dấu Mật không được "
                       "đưa vào gói (tài liệu mật chỉ được chuyển qua kênh cơ yếu).")
    return out


def _maps(session: Session) -> dict[str, dict[int, str]]:
    return {k: dict(session.execute(select(SPECS[k].row.id, SPECS[k].row.uuid)).all())
            for k in dx.CATALOGUE_KINDS}


def collect_records(session: Session, period: Period | None, since: datetime | None
                    ) -> tuple[dict, dict, dict]:
    """This unit's own records of a period (or changed since a time), with the
    catalogue rows they refer to. Classified (Mật) records never leave."""
    content: dict[str, dict] = {k: {} for k in dx.ALL_KINDS}
    held: dict[str, int] = {k: 0 for k in dx.RECORD_KINDS}
    uuid_of = _maps(session)
    used: dict[str, set[int]] = {k: set() for k in dx.CATALOGUE_KINDS}
    for kind in dx.RECORD_KINDS:
        spec = SPECS[kind]
        tbl = spec.table
        stmt = select(tbl).where(tbl.c.origin_unit_id.is_(None))
        if period is not None:
            day = tbl.c[spec.date_column]
            stmt = stmt.where(day >= period.start, day <= period.end)
        if since is not None:
            stmt = stmt.where(tbl.c.updated_at > since)
        rows = [r._mapping for r in session.execute(stmt.order_by(tbl.c.id))]
        ids = []
        for r in rows:
            if r["classification"] == dx.CLASSIFIED:
                if not r["deleted"]:
                    held[kind] += 1
                continue
            for _key, (col, ref_kind) in spec.refs.items():
                if r[col] is not None:
                    used[ref_kind].add(r[col])
            content[kind][r["uuid"]] = row_json(spec, r, uuid_of)
            ids.append(r["id"])
        if kind == "studies" and ids:
            link = t.study_document
            docs: dict[int, list[str]] = {}
            for sid, did in session.execute(select(link.c.study_id, link.c.document_id)
                                            .where(link.c.study_id.in_(ids))
                                            .order_by(link.c.study_id, link.c.document_id)):
                docs.setdefault(sid, []).append(uuid_of["documents"][did])
                used["documents"].add(did)
            for r in rows:
                if r["uuid"] in content[kind]:
                    content[kind][r["uuid"]]["documents"] = docs.get(r["id"], [])
        if kind == "opinions" and ids:
            f = t.FollowUpRow
            hist: dict[int, list[dict]] = {}
            for row in session.execute(select(f.opinion_id, f.status, f.changed_on, f.passed_to,
                                              f.note).where(f.opinion_id.in_(ids),
                                                            f.deleted.is_(False))
                                       .order_by(f.opinion_id, f.id)):
                hist.setdefault(row[0], []).append(
                    {"status": row[1], "changed_on": row[2].isoformat(), "passed_to": row[3],
                     "note": row[4]})
            for r in rows:
                if r["uuid"] in content[kind]:
                    content[kind][r["uuid"]]["history"] = hist.get(r["id"], [])
    if used["people"]:
        for pid, area in session.execute(select(t.PersonRow.id, t.PersonRow.area_id)
                                         .where(t.PersonRow.id.in_(used["people"]))):
            if area is not None:
                used["areas"].add(area)
    for kind in dx.CATALOGUE_KINDS:
        spec = SPECS[kind]
        if used[kind]:
            for r in session.execute(select(spec.table).where(
                    spec.table.c.id.in_(sorted(used[kind])))):
                content[kind][r.uuid] = row_json(spec, r._mapping, uuid_of)
    content = {k: v for k, v in content.items() if v}
    # a kind newer than format 1's first kinds is named only when some were held back
    held = {k: n for k, n in held.items() if n or k in dx.FIRST_KINDS}
    return content, counts_of(content), held


def counts_of(content: dict) -> dict[str, dict[str, int]]:
    out = {}
    for kind, rows in content.items():
        if kind == "settings":
            out[kind] = {"records": len(rows), "deleted": 0}
        else:
            out[kind] = {"records": len(rows),
                         "deleted": sum(1 for r in rows.values()
                                        if isinstance(r, dict) and r.get("deleted") is True)}
    return out


def _recipient(session: Session, to: str) -> t.ExchangeUnitRow:
    if to == "parent":
        rows = session.scalars(select(t.ExchangeUnitRow).where(
            t.ExchangeUnitRow.relation == "parent", t.ExchangeUnitRow.active.is_(True))).all()
        if not rows:
            raise UserError("Chưa đăng ký cấp trên. Nhận tệp khóa của cấp trên rồi chạy: "
                            "tgdesk units add TỆP.key --as parent")
        return rows[0]
    row = resolve_in(session, to)
    if not row.active:
        raise UserError(f"Đơn vị “{row.name}” không còn hoạt động (đã sáp nhập).")
    return row


def _make(session: Session, ctx: Context, kind: str, recipient: t.ExchangeUnitRow,
          content: dict, counts: dict, held: dict, period: Period | None,
          since: datetime | None, out: Path) -> ExportResult:
    total = sum(c.get("records", 0) for c in counts.values())
    if total > dx.MAX_PACKAGE_RECORDS or any(c.get("records", 0) > dx.MAX_RECORDS
                                             for c in counts.values()):
        raise UserError(f"Gói sẽ có {total} bản ghi, quá giới hạn một gói ({dx.MAX_RECORDS} "
                        f"bản ghi mỗi loại, {dx.MAX_PACKAGE_RECORDS} tất cả); hãy xuất theo "
                        "từng kỳ.")
    ident = identity_in(session)
    now = t.utcnow()
    m = dx.Manifest(package_id=str(uuid_mod.uuid4()), kind=kind, sender_id=ident.unit_uuid,
                    sender_name=ident.name, recipient_id=recipient.uuid,
                    recipient_name=recipient.name, created_at=now, app_version=__version__,
                    period_code=period.code() if period else None,
                    period_start=period.start.isoformat() if period else None,
                    period_end=period.end.isoformat() if period else None,
                    since=since, counts=counts, held_back=held)
    data = write_package(m, content, ident.sign_private, recipient.box_public)
    sha = hashlib.sha256(data).hexdigest()
    row = t.ExchangeExportRow(package_uuid=m.package_id, kind=kind, recipient_id=recipient.id,
                              period_code=m.period_code, since=since, created_at=now,
                              counts=json.dumps(counts), held_back=json.dumps(held), sha256=sha,
                              data=data)
    session.add(row)
    session.flush()
    make_folder(Path(out).parent, "gói dữ liệu")
    write_bytes(out, data, "gói dữ liệu")
    return ExportResult(row.id, Path(out), recipient.name, counts, held, sha, m.label)


def export_records(ctx: Context, out: Path, to: str = "parent", period: Period | None = None,
                   since_last: bool = False) -> ExportResult:
    """Export a period, or (``since_last``) everything changed since the last
    records export to that recipient (everything, the first time)."""
    ctx.require(Permission.WRITE_RECORDS)
    if (period is None) == (not since_last):
        raise UserError("Chọn một trong hai: --period KỲ hoặc --since-last.")
    with ctx.transaction() as session:
        recipient = _recipient(session, to)
        since = None
        if since_last:
            since = session.scalar(select(t.ExchangeExportRow.created_at).where(
                t.ExchangeExportRow.recipient_id == recipient.id,
                t.ExchangeExportRow.kind == dx.KIND_RECORDS)
                .order_by(t.ExchangeExportRow.created_at.desc()).limit(1))
            since = since or datetime(2000, 1, 1)
        content, counts, held = collect_records(session, period, since)
        return _make(session, ctx, dx.KIND_RECORDS, recipient, content, counts, held, period,
                     since, out)


def collect_catalogue(session: Session) -> tuple[dict, dict]:
    uuid_of = _maps(session)
    content: dict[str, dict] = {}
    for kind in dx.DOWNWARD_KINDS:
        spec = SPECS[kind]
        rows = {r.uuid: row_json(spec, r._mapping, uuid_of) for r in session.execute(
            select(spec.table).where(spec.table.c.origin_unit_id.is_(None))
            .order_by(spec.table.c.id))}
        if rows or kind in dx.FIRST_KINDS:      # none: readable by a tgdesk without the kind
            content[kind] = rows
    settings = {}
    for key in dx.DOWNWARD_SETTINGS:
        row = session.get(t.SettingRow, key)
        if row is not None:
            try:
                settings[key] = json.loads(row.value)
            except ValueError:
                pass
    content["settings"] = settings
    return content, counts_of(content)


def export_catalogue(ctx: Context, to: str, out: Path) -> list[ExportResult]:
    """Documents to study (with their study deadlines), opinion categories,
    propaganda campaigns, report due dates and format corrections for one unit
    below, or for every active unit below (``to="children"``: ``out`` is a
    folder, one file per unit)."""
    ctx.require(Permission.WRITE_RECORDS)
    with ctx.transaction() as session:
        if to == "children":
            targets = session.scalars(select(t.ExchangeUnitRow).where(
                t.ExchangeUnitRow.relation == "child", t.ExchangeUnitRow.active.is_(True))
                .order_by(t.ExchangeUnitRow.name)).all()
            if not targets:
                raise UserError("Chưa đăng ký đơn vị cấp dưới nào (tgdesk units add TỆP.key "
                                "--as child).")
        else:
            targets = [_recipient(session, to)]
        content, counts = collect_catalogue(session)
        stamp = ctx.today().strftime("%Y%m%d")
        results = []
        for unit in targets:
            path = Path(out) / f"danh-muc-{unit.id}-{stamp}.tgx" if to == "children" else out
            results.append(_make(session, ctx, dx.KIND_CATALOGUE, unit, content, counts, {},
                                 None, None, path))
        return results


@dataclass(frozen=True)
class ExportInfo:
    id: int
    kind: str
    recipient: str
    period_code: str | None
    since: datetime | None
    created_at: datetime
    counts: dict
    held_back: dict
    sha256: str
    receipt_at: datetime | None

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "recipient": self.recipient,
                "period": self.period_code,
                "since": self.since.isoformat() if self.since else None,
                "created_at": self.created_at.isoformat(), "counts": self.counts,
                "held_back": self.held_back, "sha256": self.sha256,
                "receipt_at": self.receipt_at.isoformat() if self.receipt_at else None}


def list_exports(ctx: Context) -> list[ExportInfo]:
    """The packages made here; how many Mật records each held back only for a person
    who may read Mật records (the count would tell the others they exist)."""
    e, u = t.ExchangeExportRow, t.ExchangeUnitRow
    secret = ctx.can(Permission.READ_SECRET)
    with ctx.reading() as session:
        return [ExportInfo(r.id, r.kind, name, r.period_code, r.since, r.created_at,
                           json.loads(r.counts), json.loads(r.held_back) if secret else {},
                           r.sha256, r.receipt_at)
                for r, name in session.execute(select(e, u.name).join(u, u.id == e.recipient_id)
                                               .order_by(e.id))]


def export_again(ctx: Context, export_id: int, out: Path) -> ExportResult:
    """Write an earlier export's file again, byte for byte."""
    ctx.require(Permission.WRITE_RECORDS)
    with ctx.reading() as session:
        row = session.get(t.ExchangeExportRow, export_id)
        if row is None:
            raise NotFound(f"Không có lần xuất số {export_id} (xem: tgdesk exports).")
        unit = session.get(t.ExchangeUnitRow, row.recipient_id)
        make_folder(Path(out).parent, "gói dữ liệu")
        write_bytes(out, row.data, "gói dữ liệu")
        return ExportResult(row.id, Path(out), unit.name, json.loads(row.counts),
                            json.loads(row.held_back), row.sha256,
                            f"kỳ {row.period_code}" if row.period_code else row.kind)


__all__ = ["export_records", "export_catalogue", "export_again", "list_exports", "ExportResult",
           "collect_records", "held_back_lines"]
