"""Create, edit, delete, restore and fetch, shared by every record and catalogue.

Each kind is described once by a :class:`Kind`; the per-kind service modules
expose plain functions built from it. Every call is one transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tgdesk.domain.roles import Permission
from tgdesk.domain.text import normalize_fields
from tgdesk.domain.validation import Issue, Known, Verdict
from tgdesk.store import tables as t

from .context import Context
from .errors import NotFound, ValidationFailed

SKIP = ("id", "uuid")


@dataclass(frozen=True)
class Saved:
    id: int
    uuid: str
    warnings: list[Issue] = field(default_factory=list)


def known_ids(session: Session) -> Known:
    def ids(row) -> frozenset[int]:
        return frozenset(session.scalars(select(row.id).where(row.deleted.is_(False))))

    return Known(cells=ids(t.CellRow), areas=ids(t.AreaRow), documents=ids(t.DocumentRow),
                 people=ids(t.PersonRow), categories=ids(t.CategoryRow),
                 campaigns=ids(t.CampaignRow))


@dataclass(frozen=True)
class Kind:
    """How one record kind maps between its dataclass and its table."""

    name: str                      # Vietnamese noun for messages: "hội nghị"
    row: type
    record: type
    validate: Callable[[object, Known, date], Verdict]
    # Extra checks needing the database (warnings only), e.g. repeated 100% rates.
    extra_warnings: Callable[[Session, object], list[Issue]] | None = None
    # Fields written by hand (relationships); the rest are copied by name.
    write_extra: Callable[[Session, object, object], None] | None = None
    read_extra: Callable[[object, object], None] | None = None
    # Called before a save with (session, row, record, today, is_new): history keeping.
    track: Callable[[Session, object, object, date, bool], None] | None = None

    def _plain_fields(self) -> list[str]:
        return [f.name for f in dataclasses.fields(self.record)
                if f.name not in SKIP and hasattr(self.row, f.name)]

    def to_record(self, row) -> object:
        rec = self.record(**{n: getattr(row, n) for n in self._plain_fields()})
        rec.id, rec.uuid = row.id, row.uuid
        if self.read_extra:
            self.read_extra(row, rec)
        return rec

    def _check(self, session: Session, rec, today: date) -> Verdict:
        normalize_fields(rec)
        verdict = self.validate(rec, known_ids(session), today)
        if not verdict.ok:
            raise ValidationFailed(verdict)
        if self.extra_warnings:
            verdict.warnings.extend(self.extra_warnings(session, rec))
        return verdict

    def _write(self, session: Session, row, rec) -> None:
        for n in self._plain_fields():
            setattr(row, n, getattr(rec, n))
        if self.write_extra:
            self.write_extra(session, row, rec)

    def _get_row(self, session: Session, record_id: int, include_deleted: bool = False):
        row = session.get(self.row, record_id)
        if row is None or (row.deleted and not include_deleted):
            raise NotFound(f"Không tìm thấy {self.name} (mã {record_id}); có thể đã bị xóa.")
        return row

    # --- use cases ------------------------------------------------------
    def create(self, ctx: Context, rec) -> Saved:
        ctx.require(Permission.WRITE_RECORDS)
        rec = dataclasses.replace(rec)
        with ctx.transaction() as session:
            verdict = self._check(session, rec, ctx.today())
            row = self.row()
            if rec.uuid:
                row.uuid = rec.uuid
            if self.track:
                self.track(session, row, rec, ctx.today(), True)
            self._write(session, row, rec)
            session.add(row)
            session.flush()
            return Saved(row.id, row.uuid, verdict.warnings)

    def update(self, ctx: Context, record_id: int, rec) -> Saved:
        # The record being edited is ``record_id`` whatever id it carries (checks skip it).
        ctx.require(Permission.WRITE_RECORDS)
        rec = dataclasses.replace(rec, id=record_id)
        with ctx.transaction() as session:
            row = self._get_row(session, record_id)
            verdict = self._check(session, rec, ctx.today())
            if self.track:
                self.track(session, row, rec, ctx.today(), False)
            self._write(session, row, rec)
            session.flush()
            return Saved(row.id, row.uuid, verdict.warnings)

    def check(self, ctx: Context, rec) -> Verdict:
        """Validate without saving (for a form's live feedback)."""
        rec = dataclasses.replace(rec)
        with ctx.reading() as session:
            normalize_fields(rec)
            verdict = self.validate(rec, known_ids(session), ctx.today())
            if verdict.ok and self.extra_warnings:
                verdict.warnings.extend(self.extra_warnings(session, rec))
            return verdict

    def get(self, ctx: Context, record_id: int, include_deleted: bool = False):
        with ctx.reading() as session:
            return self.to_record(self._get_row(session, record_id, include_deleted))

    def delete(self, ctx: Context, record_id: int) -> None:
        """Soft delete: the row stays (and will travel in exports) until restored."""
        ctx.require(Permission.WRITE_RECORDS)
        with ctx.transaction() as session:
            self._get_row(session, record_id).deleted = True

    def restore(self, ctx: Context, record_id: int) -> None:
        ctx.require(Permission.WRITE_RECORDS)
        with ctx.transaction() as session:
            row = session.get(self.row, record_id)
            if row is None:
                raise NotFound(f"Không tìm thấy {self.name} (mã {record_id}).")
            row.deleted = False
