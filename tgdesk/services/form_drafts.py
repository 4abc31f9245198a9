"""What an officer has typed into a record form and not saved yet, kept in a
small file beside the database so that a crash or a power cut loses at most
the last few seconds of it. One file per form (kind, record or "new"); it is
removed when the record is saved or the changes are discarded. A damaged or
foreign file is ignored (and removed): a draft is a convenience, never data."""

from __future__ import annotations

import dataclasses
import json
import logging
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tgdesk.domain.roles import Permission

from .context import Context
from .files import make_folder, write_bytes

log = logging.getLogger(__name__)

FOLDER = "drafts"
VERSION = 1


@dataclass(frozen=True)
class Draft:
    record: object           # the kind's dataclass, as the form held it
    saved_at: datetime       # local time of the last write


def draft_path(ctx: Context, kind: str, record_id: int | None) -> Path:
    """``drafts/<database>-<kind>-<id or new>.json`` beside the database."""
    folder = Path(ctx.db_path).resolve().parent / FOLDER
    return folder / f"{Path(ctx.db_path).stem}-{kind}-{record_id or 'new'}.json"


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_draft(ctx: Context, kind: str, record_id: int | None, record: object,
                now: datetime | None = None) -> Path:
    """Write (atomically) what the form holds; raises UserError when the disk
    refuses (the caller keeps the form open and says nothing more)."""
    ctx.require(Permission.WRITE_RECORDS)
    path = draft_path(ctx, kind, record_id)
    make_folder(path.parent, "bản nháp")
    body = {"version": VERSION, "kind": kind, "record_id": record_id,
            "saved_at": (now or datetime.now()).isoformat(timespec="seconds"),
            "fields": {f.name: _plain(getattr(record, f.name))
                       for f in dataclasses.fields(record)}}
    return write_bytes(path, json.dumps(body, ensure_ascii=False).encode("utf-8"), "bản nháp",
                       private=True)


def _field_value(ftype, value):
    """``value`` read back as ``ftype`` (str, int, date, bool, list[int], optional)."""
    args = typing.get_args(ftype)
    if typing.get_origin(ftype) in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        ftype = next(a for a in args if a is not type(None))
        args = typing.get_args(ftype)
    if typing.get_origin(ftype) is list:
        if not isinstance(value, list):
            raise ValueError
        return [_field_value(args[0], v) for v in value]
    if ftype is date:
        return date.fromisoformat(value)
    if ftype is bool:
        if not isinstance(value, bool):
            raise ValueError
        return value
    if ftype in (int, str):
        if isinstance(value, bool) or not isinstance(value, ftype):
            raise ValueError
        return value
    raise ValueError


def read_draft(ctx: Context, kind: str, record_id: int | None, record_type: type) -> Draft | None:
    """The form's draft, or None (no file, or one that cannot be read back,
    which is then removed). None too for a person who may not write records:
    the draft is someone else's, perhaps of a Mật record."""
    if not ctx.can(Permission.WRITE_RECORDS):
        return None
    path = draft_path(ctx, kind, record_id)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("draft %s unreadable: %s", path, exc)
        return None
    try:
        body = json.loads(raw.decode("utf-8"))
        if body.get("version") != VERSION or body.get("kind") != kind:
            raise ValueError("not this form's draft")
        hints = typing.get_type_hints(record_type)
        fields = body["fields"]
        values = {f.name: _field_value(hints[f.name], fields[f.name])
                  for f in dataclasses.fields(record_type) if f.name in fields}
        return Draft(record_type(**values), datetime.fromisoformat(body["saved_at"]))
    except (ValueError, TypeError, KeyError, AttributeError, StopIteration) as exc:
        log.warning("draft %s ignored: %s", path, exc)
        drop_draft(ctx, kind, record_id)
        return None


def drop_draft(ctx: Context, kind: str, record_id: int | None) -> None:
    if not ctx.can(Permission.WRITE_RECORDS):      # someone else's draft: leave it
        return
    try:
        draft_path(ctx, kind, record_id).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("draft not removed: %s", exc)
