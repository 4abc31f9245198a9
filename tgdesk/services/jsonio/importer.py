"""Applying a JSON records file: every record checked and added in one transaction, or none."""

from __future__ import annotations

import dataclasses
import uuid as uuid_mod
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tgdesk.domain import validation as v
from tgdesk.domain.enums import CLASSIFIED_ONLINE_KINDS, Classification
from tgdesk.domain.roles import Permission
from tgdesk.domain.text import nfc, normalize_fields, printable
from tgdesk.store import tables as t

from ..audit import note
from ..context import Context
from ..crud import known_ids
from ..duplicates import RecordFinder
from .fields import allowed_keys, convert, field_types, label, name_key
from .result import Errors, ImportResult
from .shape import read_file, record_lists
from .specs import CATALOGUE_NOUN, SPECS, Ref, Spec


class _DryRun(Exception):
    """Raised inside the transaction of a dry run to roll it back."""


class _Importer:
    def __init__(self, session: Session, today: date, errors: Errors, result: ImportResult):
        self.session, self.today, self.errors, self.result = session, today, errors, result
        self.finder = RecordFinder(session)       # own records: origin None
        # catalogue -> folded name -> ids (a name may, wrongly, be used twice in the DB)
        self.names: dict[str, dict[str, list[int]]] = {}
        self.failed: dict[str, set[str]] = {}     # names declared in the file with errors
        self.in_file: dict[str, set[str]] = {}
        for spec in SPECS:
            if spec.name_field:
                col = getattr(spec.row, spec.name_field)
                index: dict[str, list[int]] = {}
                for name, rid in session.execute(select(col, spec.row.id)
                                                 .where(spec.row.deleted.is_(False))
                                                 .order_by(spec.row.id)):
                    index.setdefault(name_key(name), []).append(rid)
                self.names[spec.kind] = index
                self.failed[spec.kind] = set()
                self.in_file[spec.kind] = set()
        self.uuids_in_file: dict[str, set[str]] = {s.kind: set() for s in SPECS}
        self.bad: set[str] = set()   # fields of the current record already reported

    def err(self, where: str, fld: str | None, message: str) -> None:
        self.bad.add(fld or "")
        self.errors.add(f"{where}, trường “{fld}”: {message}" if fld else f"{where}: {message}")

    def resolve(self, where: str, ref: Ref, name) -> tuple[int | None, bool]:
        """(id, ok) for one name; ok False when an error was reported."""
        if not isinstance(name, str) or not name.strip():
            self.err(where, ref.key, "phải là tên (chuỗi văn bản) của một mục trong danh mục "
                                     f"{CATALOGUE_NOUN[ref.catalogue]}.")
            return None, False
        k = name_key(name)
        ids = self.names[ref.catalogue].get(k, [])
        shown = printable(nfc(name) or "", 80)
        if k in self.failed[ref.catalogue]:
            self.err(where, ref.key, f"“{shown}” không dùng được: mục này trong danh mục "
                                     f"{CATALOGUE_NOUN[ref.catalogue]} của tệp có lỗi (xem lỗi "
                                     "của mục đó), nên chưa được thêm.")
            return None, False
        if not ids:
            self.err(where, ref.key, f"“{shown}” không có trong danh mục "
                                     f"{CATALOGUE_NOUN[ref.catalogue]} (trong tệp hoặc trong cơ "
                                     "sở dữ liệu).")
            return None, False
        if len(ids) > 1:
            self.err(where, ref.key, f"có {len(ids)} mục cùng tên “{shown}” trong danh mục "
                                     f"{CATALOGUE_NOUN[ref.catalogue]}; không xác định được.")
            return None, False
        return ids[0], True

    def build(self, spec: Spec, index: int, item) -> tuple[object | None, str, bool]:
        """Convert one JSON object to its dataclass. (record, label, ok)."""
        where = label(spec.kind, index, item)
        self.bad = set()
        if not isinstance(item, dict):
            self.err(where, None, "mỗi bản ghi phải là một đối tượng JSON {…}.")
            return None, where, False
        ok = True
        allowed = allowed_keys(spec)
        types = field_types(spec.record)
        ref_by_field = {r.field: r for r in spec.refs}
        values: dict = {}
        for key, value in item.items():
            if key not in allowed:
                hint = ""
                if key in ref_by_field:
                    hint = f" Dùng “{ref_by_field[key].key}” với tên thay cho mã số."
                elif key == "id":
                    hint = " Mã số nội bộ không được nhập; dùng “uuid” nếu cần."
                self.err(where, key, f"trường không có trong định dạng {spec.kind}.{hint}")
                ok = False
                continue
            ref = next((r for r in spec.refs if r.key == key), None)
            if ref is not None:
                if value is None:
                    continue
                if ref.many:
                    if not isinstance(value, list):
                        self.err(where, key, "phải là danh sách tên, ví dụ [“35-NQ/TW”].")
                        ok = False
                        continue
                    ids = []
                    for name in value:
                        rid, good = self.resolve(where, ref, name)
                        ok = ok and good
                        ids.append(rid)
                    values[ref.field] = ids
                else:
                    rid, good = self.resolve(where, ref, value)
                    ok = ok and good
                    values[ref.field] = rid
                continue
            if key == "uuid":
                if value is None:
                    continue
                try:
                    value = str(uuid_mod.UUID(str(value))) if isinstance(value, str) else None
                except ValueError:
                    value = None
                if value is None:
                    self.err(where, key, "không phải UUID hợp lệ.")
                    ok = False
                    continue
                if value in self.uuids_in_file[spec.kind]:
                    self.err(where, key, f"UUID {value} lặp lại trong tệp.")
                    ok = False
                    continue
                self.uuids_in_file[spec.kind].add(value)
                if self.session.scalar(select(spec.row.id).where(spec.row.uuid == value)):
                    self.err(where, key, f"đã có bản ghi với UUID {value} trong cơ sở dữ liệu; "
                                         "không nhập trùng.")
                    ok = False
                    continue
                values["uuid"] = value
                continue
            converted, problem = convert(value, types[key])
            if problem:
                self.err(where, key, problem)
                ok = False
                continue
            values[key] = converted
        if (spec.kind == "online" and "classification" not in item
                and values.get("entry_kind") in CLASSIFIED_ONLINE_KINDS):
            values["classification"] = Classification.MAT.value
        rec = spec.record(**values)
        normalize_fields(rec)
        return rec, where, ok

    def check(self, spec: Spec, rec, where: str, known: v.Known) -> bool:
        verdict = spec.validate(rec, known, self.today)
        key_of = {r.field: r.key for r in spec.refs}
        reported = set(self.bad)
        for issue in verdict.errors:
            if key_of.get(issue.field, issue.field) in reported:
                continue
            self.err(where, key_of.get(issue.field, issue.field), issue.message)
        for issue in verdict.warnings:
            self.result.warnings.append(
                f"{where}, trường “{key_of.get(issue.field, issue.field)}”: {issue.message}")
        return verdict.ok and not reported

    def write(self, spec: Spec, rec):
        fields = {f.name: getattr(rec, f.name) for f in dataclasses.fields(rec)
                  if f.name not in ("id", "uuid", "document_ids")}
        row = spec.row(**fields)
        if rec.uuid:
            row.uuid = rec.uuid
        if spec.kind == "studies":
            row.documents = [self.session.get(t.DocumentRow, i) for i in rec.document_ids]
        self.session.add(row)
        return row

    def catalogue(self, spec: Spec, items: list) -> None:
        added = reused = 0
        known = known_ids(self.session)
        for index, item in enumerate(items):
            rec, where, ok = self.build(spec, index, item)
            name = getattr(rec, spec.name_field) if rec is not None else None
            k = name_key(name) if name else None
            if k and k in self.in_file[spec.kind]:
                self.err(where, spec.name_field, f"“{printable(name, 80)}” đã xuất hiện ở một "
                                                 "mục trước trong tệp.")
                continue
            if k:
                self.in_file[spec.kind].add(k)
            if rec is None or not self.check(spec, rec, where, known) or not ok:
                if k:
                    self.failed[spec.kind].add(k)
                continue
            if self.names[spec.kind].get(k):
                reused += 1
                self.result.warnings.append(f"{where}: đã có trong danh mục, dùng mục có sẵn.")
                continue
            row = self.write(spec, rec)
            self.session.flush()
            self.names[spec.kind][k] = [row.id]
            added += 1
        self.result.counts[spec.kind] = added
        self.result.reused[spec.kind] = reused

    def records(self, spec: Spec, items: list, known: v.Known) -> None:
        good = []
        for index, item in enumerate(items):
            rec, where, ok = self.build(spec, index, item)
            # A record with a field already refused (a reference to a row that failed,
            # a value of the wrong type) is never written, even if the rest validates.
            if rec is None or not self.check(spec, rec, where, known) or not ok:
                continue
            good.append((rec, where))
        if self.errors.total:           # nothing will be written: no duplicates to look for
            return
        # Likely duplicates (services/duplicates.py): a record without a UUID that
        # repeats a stored one or an earlier one of the file is skipped unless kept.
        self.finder.load(spec.kind, [rec for rec, _ in good])
        added = 0
        for rec, where in good:
            if rec.uuid:
                self.finder.note(spec.kind, rec, where)
            elif (dup := self.finder.check(spec.kind, rec, where)) is not None:
                self.result.duplicates.append(dup)
                if not self.result.kept_duplicates:
                    continue
            self.write(spec, rec)
            added += 1
        self.result.counts[spec.kind] = added


def import_file(ctx: Context, path: Path, keep_duplicates: bool = False,
                dry_run: bool = False) -> ImportResult:
    """Add every record of the JSON file at ``path``, or none (raising UserError).

    Every problem found (up to ``result.MAX_ERRORS``) is reported at once, each
    naming the record (``meetings[3] “…” (05/11/2026)``) and the field; text,
    counts and dates are checked by the domain validation the entry forms use.

    A record without a UUID that repeats a stored record or an earlier one of
    the file (services/duplicates.py) is listed in ``result.duplicates`` and
    skipped, unless ``keep_duplicates``. ``dry_run``: do all of it, report, and
    roll back."""
    ctx.require(Permission.WRITE_RECORDS)
    path = Path(path)
    data = read_file(path)
    errors = Errors()
    result = ImportResult(path, kept_duplicates=keep_duplicates, dry_run=dry_run)
    lists = record_lists(data, path, errors)
    errors.raise_if_any(path)
    today = ctx.today()
    try:
        _apply(ctx, lists, today, errors, result, path)
    except _DryRun:
        pass
    return result


def _apply(ctx: Context, lists: dict, today: date, errors: Errors, result: ImportResult,
           path: Path) -> None:
    with ctx.transaction() as session:
        imp = _Importer(session, today, errors, result)
        for spec in SPECS:
            if spec.name_field and spec.kind in lists:
                imp.catalogue(spec, lists[spec.kind])
        session.flush()
        known = known_ids(session)
        for spec in SPECS:
            if not spec.name_field and spec.kind in lists:
                imp.records(spec, lists[spec.kind], known)
        errors.raise_if_any(path)   # rolls the transaction back
        session.flush()
        if result.dry_run:
            raise _DryRun               # rolls the transaction back; the result stands
        note(session, ctx, "import", "json", {"source": "JSON", "file": path.name,
                                              "added": dict(result.counts),
                                              "duplicates_kept": result.kept_duplicates})
        if result.total:   # a copy only when the import writes; it sees the data before it
            result.backup = ctx.backup("truoc-nhap-json")
