"""Catalogue upkeep beyond create/edit/delete: deactivate, count uses, merge duplicates.

A deactivated row (``active=False``) is no longer offered in forms, but records
that already use it keep showing its name: lists join on the id whatever the
flag. Merging repoints every reference of the dropped row to the kept row and
then soft-deletes the dropped row, all in one transaction.

``kind`` is one of ``"cells"``, ``"areas"``, ``"documents"``, ``"people"``,
``"categories"``, ``"campaigns"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from tgdesk import vnformat as vf
from tgdesk.domain.roles import Permission
from tgdesk.store import tables as t

from .context import Context
from .errors import NotFound, UserError
from .kinds import CATALOGUE_KINDS

__all__ = ["MergeResult", "KINDS", "set_active", "usage", "usage_by_table", "merge",
           "merge_many", "still_referenced", "usage_text", "InUse", "delete_unused",
           "TABLE_NOUNS"]

KINDS = tuple(CATALOGUE_KINDS)

# Every column that refers to a catalogue row, per catalogue kind. The document
# link table (study_document) is handled apart: its key is (study_id, document_id).
_REFERENCES: dict[str, tuple[tuple[type, object], ...]] = {
    "cells": ((t.StudyRow, t.StudyRow.cell_id), (t.PropagandaRow, t.PropagandaRow.cell_id),
              (t.ModelRow, t.ModelRow.cell_id)),
    "areas": ((t.OpinionRow, t.OpinionRow.area_id), (t.PersonRow, t.PersonRow.area_id),
              (t.PropagandaRow, t.PropagandaRow.area_id), (t.ModelRow, t.ModelRow.area_id)),
    "documents": (),
    "people": ((t.StudyRow, t.StudyRow.speaker_id), (t.OpinionRow, t.OpinionRow.reporter_id),
               (t.OnlineEntryRow, t.OnlineEntryRow.member_id)),
    "categories": ((t.OpinionRow, t.OpinionRow.category_id),),
    "campaigns": ((t.PropagandaRow, t.PropagandaRow.campaign_id),),
}

_LINK = t.study_document


@dataclass(frozen=True)
class MergeResult:
    """What a merge changed.

    ``repointed`` maps a table name (``study_session``, ``opinion_note``,
    ``person``, ``propaganda_activity``, …, ``study_document``) to the number of
    references moved from the dropped row to the kept row, records in the trash
    included; a table with none moved is left out. For documents,
    ``links_collapsed`` counts study sessions that were linked to both rows and
    now keep a single link.
    """

    kind: str
    keep_id: int
    drop_id: int
    repointed: dict[str, int] = field(default_factory=dict)
    links_collapsed: int = 0

    @property
    def total(self) -> int:
        return sum(self.repointed.values()) + self.links_collapsed


def _kind(kind: str):
    try:
        return CATALOGUE_KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown catalogue kind {kind!r}") from None


def _live_row(session: Session, kind: str, row_id: int):
    k = _kind(kind)
    row = session.get(k.row, row_id)
    if row is None or row.deleted:
        raise NotFound(f"Không tìm thấy {k.name} (mã {row_id}); có thể đã bị xóa.")
    return row


def set_active(ctx: Context, kind: str, row_id: int, active: bool) -> None:
    """Mark a catalogue row in use or no longer in use (forms stop offering it)."""
    ctx.require(Permission.WRITE_RECORDS)
    with ctx.transaction() as session:
        _live_row(session, kind, row_id).active = bool(active)


def _usage_by_table(session: Session, kind: str, row_id: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for row, col in _REFERENCES[kind]:
        n = session.scalar(select(func.count()).select_from(row)
                           .where(col == row_id, row.deleted.is_(False))) or 0
        if n:
            out[row.__tablename__] = out.get(row.__tablename__, 0) + n
    if kind == "documents":
        out["study_session"] = session.scalar(
            select(func.count()).select_from(_LINK)
            .join(t.StudyRow, t.StudyRow.id == _LINK.c.study_id)
            .where(_LINK.c.document_id == row_id, t.StudyRow.deleted.is_(False))) or 0
    return out


def usage_by_table(ctx: Context, kind: str, row_id: int) -> dict[str, int]:
    """Live records (not in the trash) referring to the row, per table name (a table
    with none left out)."""
    _kind(kind)
    with ctx.reading() as session:
        return _usage_by_table(session, kind, row_id)


def usage(ctx: Context, kind: str, row_id: int) -> int:
    """How many live records (not in the trash) refer to the row.

    A person counted twice by one record (speaker of a session and reporter of a
    note are different records, so this cannot happen today) would count twice.
    """
    return sum(usage_by_table(ctx, kind, row_id).values())


def _merge_documents(session: Session, keep_id: int, drop_id: int, now) -> tuple[int, int]:
    both = select(_LINK.c.study_id).where(_LINK.c.document_id == keep_id)
    touched = list(session.scalars(select(_LINK.c.study_id)
                                   .where(_LINK.c.document_id == drop_id)))
    collapsed = session.execute(
        delete(_LINK).where(_LINK.c.document_id == drop_id, _LINK.c.study_id.in_(both))
    ).rowcount or 0
    moved = session.execute(
        update(_LINK).where(_LINK.c.document_id == drop_id).values(document_id=keep_id)
    ).rowcount or 0
    if touched:
        session.execute(update(t.StudyRow).where(t.StudyRow.id.in_(touched))
                        .values(updated_at=now))
    return moved, collapsed


def _merge(session: Session, kind: str, keep_id: int, drop_id: int, now) -> MergeResult:
    k = _kind(kind)
    if keep_id == drop_id:
        raise UserError(f"Không thể gộp một {k.name} vào chính nó; hãy chọn hai dòng khác nhau.")
    keep = _live_row(session, kind, keep_id)
    drop = _live_row(session, kind, drop_id)
    session.flush()
    repointed: dict[str, int] = {}
    collapsed = 0
    for row, col in _REFERENCES[kind]:
        # Records in the trash are repointed too, so restoring one later
        # does not bring back a reference to a deleted catalogue row.
        n = session.execute(update(row).where(col == drop_id)
                            .values({col.key: keep_id, "updated_at": now})
                            .execution_options(synchronize_session=False)).rowcount or 0
        if n:
            repointed[row.__tablename__] = repointed.get(row.__tablename__, 0) + n
    if kind == "documents":
        moved, collapsed = _merge_documents(session, keep_id, drop_id, now)
        repointed["study_document"] = moved
    drop.deleted = True
    keep.updated_at = now
    session.flush()
    # Rows already loaded in this session may hold the old ids.
    session.expire_all()
    return MergeResult(kind, keep_id, drop_id, repointed, collapsed)


def merge(ctx: Context, kind: str, keep_id: int, drop_id: int) -> MergeResult:
    """Merge ``drop_id`` into ``keep_id``: repoint every reference, then soft-delete
    the dropped row. One transaction: either all of it happens or none."""
    _kind(kind)
    ctx.require(Permission.WRITE_RECORDS)
    with ctx.transaction() as session:
        return _merge(session, kind, keep_id, drop_id, t.utcnow())


def merge_many(ctx: Context, kind: str, keep_id: int, drop_ids: list[int]) -> list[MergeResult]:
    """Merge several duplicates into ``keep_id`` in one transaction (all or none)."""
    _kind(kind)
    ctx.require(Permission.WRITE_RECORDS)
    if not drop_ids:
        return []
    if len(set(drop_ids)) != len(drop_ids):
        raise UserError("Một dòng được chọn hai lần để gộp; hãy chọn lại.")
    now = t.utcnow()
    with ctx.transaction() as session:
        return [_merge(session, kind, keep_id, drop_id, now) for drop_id in drop_ids]


def _referenced(session: Session, kind: str, row_id: int) -> bool:
    for _row, col in _REFERENCES[kind]:
        if session.scalar(select(exists().where(col == row_id))):
            return True
    if kind == "documents":
        return bool(session.scalar(select(exists().where(_LINK.c.document_id == row_id))))
    return False


def still_referenced(ctx: Context, kind: str, row_id: int) -> bool:
    """True if any record, even one in the trash, refers to the row."""
    _kind(kind)
    with ctx.reading() as session:
        return _referenced(session, kind, row_id)


# Vietnamese nouns of the tables a catalogue row is used by (keys of usage_by_table).
TABLE_NOUNS = {"study_session": "buổi học tập", "opinion_note": "ý kiến dư luận",
               "person": "người (mạng lưới)", "study_document": "liên kết văn bản",
               "propaganda_activity": "hoạt động tuyên truyền",
               "online_entry": "việc của nhóm trên mạng", "exemplary_model": "mô hình, điển hình"}


def usage_text(by_table: dict[str, int]) -> str:
    """"3 buổi học tập, 2 ý kiến dư luận" ("" when nothing uses the row)."""
    return ", ".join(f"{vf.number(n)} {TABLE_NOUNS.get(name, name)}"
                     for name, n in by_table.items() if n)


class InUse(UserError):
    """A catalogue row that records refer to cannot be deleted; deactivate it instead."""

    def __init__(self, message: str, live: int):
        super().__init__(message)
        self.live = live


def delete_unused(ctx: Context, kind: str, row_id: int) -> None:
    """Move a catalogue row to the trash, refusing (:class:`InUse`) when any record,
    even one in the trash, refers to it: deleting it would leave those records
    pointing at a row the forms no longer know. Such a row is deactivated instead."""
    k = _kind(kind)
    ctx.require(Permission.WRITE_RECORDS)
    with ctx.transaction() as session:
        row = _live_row(session, kind, row_id)
        by_table = _usage_by_table(session, kind, row_id)
        live = sum(by_table.values())
        if live or _referenced(session, kind, row_id):
            where = (f"đang được dùng trong {usage_text(by_table)}" if live else
                     "đang được dùng trong bản ghi ở thùng rác")
            raise InUse(f"Không xóa được {k.name} này: {where}. Xóa sẽ làm các bản ghi đó mất "
                        f"thông tin. Có thể cho {k.name} ngừng dùng: không còn hiện trong các ô "
                        "chọn nhưng các bản ghi cũ vẫn giữ tên.", live)
        row.deleted = True
