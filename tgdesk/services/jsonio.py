"""Bulk import of records from a JSON file (format: docs/data-format.md).

All or nothing: the whole file is checked inside one transaction and either
every record is added or none is. Every problem found (up to ``MAX_ERRORS``)
is reported at once, each naming the record (``meetings[3] “…” (05/11/2026)``)
and the field, in Vietnamese.

Limits (docs/data-format.md): the file's size and nesting, checked before it
is parsed (:mod:`tgdesk.services.jsonfile`); then the number of records
(``MAX_RECORDS``). Text, counts and dates are checked by the domain validation
the entry forms use (valid Unicode, lengths, bounds).
"""

from __future__ import annotations

import dataclasses
import re
import uuid as uuid_mod
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tgdesk import vnformat as vf
from tgdesk.domain import validation as v
from tgdesk.domain.records import (Area, Cell, Meeting, OpinionCategory, OpinionNote, PartyDocument,
                                   Person, StudySession)
from tgdesk.domain.text import nfc, normalize_fields, printable
from tgdesk.store import tables as t

from .context import Context
from .crud import known_ids
from .errors import UserError
from .jsonfile import load_json

FORMAT = "tgdesk-records"
VERSION = 1
MAX_ERRORS = 50
MAX_RECORDS = 200_000                  # records of every kind in one file
MAX_INT = 10**9                        # any integer field; the validation bounds are lower
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@dataclass(frozen=True)
class Ref:
    """A reference by name to a catalogue row: JSON key -> dataclass field."""

    key: str
    field: str
    catalogue: str
    many: bool = False


@dataclass(frozen=True)
class Spec:
    kind: str
    noun: str                       # Vietnamese, for the result text
    record: type
    row: type
    validate: object                # (rec, known, today) -> Verdict
    name_field: str | None = None   # catalogues: the name references use
    refs: tuple[Ref, ...] = ()


SPECS = (
    Spec("cells", "chi bộ", Cell, t.CellRow, v.VALIDATORS["cells"], "name"),
    Spec("areas", "khu dân cư", Area, t.AreaRow, v.VALIDATORS["areas"], "name"),
    Spec("documents", "văn bản", PartyDocument, t.DocumentRow, v.VALIDATORS["documents"],
         "number_symbol"),
    Spec("categories", "lĩnh vực dư luận", OpinionCategory, t.CategoryRow,
         v.VALIDATORS["categories"], "name"),
    Spec("people", "người", Person, t.PersonRow, v.VALIDATORS["people"],
         "full_name", (Ref("area", "area_id", "areas"),)),
    Spec("meetings", "hội nghị", Meeting, t.MeetingRow, v.VALIDATORS["meetings"]),
    Spec("studies", "buổi học tập", StudySession, t.StudyRow, v.VALIDATORS["studies"], None,
         (Ref("documents", "document_ids", "documents", many=True),
          Ref("cell", "cell_id", "cells"), Ref("speaker", "speaker_id", "people"))),
    Spec("opinions", "ý kiến dư luận", OpinionNote, t.OpinionRow, v.VALIDATORS["opinions"],
         None, (Ref("area", "area_id", "areas"), Ref("reporter", "reporter_id", "people"),
                Ref("category", "category_id", "categories"))),
)
SPEC_BY_KIND = {s.kind: s for s in SPECS}
CATALOGUE_NOUN = {"cells": "chi bộ", "areas": "khu dân cư", "documents": "văn bản",
                  "people": "người", "categories": "lĩnh vực"}


@dataclass
class ImportResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)    # kind -> records added
    reused: dict[str, int] = field(default_factory=dict)    # catalogue rows already present
    warnings: list[str] = field(default_factory=list)
    backup: Path | None = None                               # copy taken before writing

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def text(self) -> str:
        parts = [f"{vf.number(self.counts[s.kind])} {s.noun}" for s in SPECS
                 if self.counts.get(s.kind)]
        if parts:
            out = f"Đã nhập từ tệp “{self.path.name}”: {', '.join(parts)}."
        else:
            out = f"Tệp “{self.path.name}” không có bản ghi mới nào để nhập."
        reused = [f"{vf.number(n)} {SPEC_BY_KIND[k].noun}" for k, n in self.reused.items() if n]
        if reused:
            out += f"\nĐã có sẵn trong danh mục, dùng lại: {', '.join(reused)}."
        if self.warnings:
            out += f"\nLưu ý ({vf.number(len(self.warnings))}):"
            out += "".join(f"\n  – {w}" for w in self.warnings[:30])
            if len(self.warnings) > 30:
                out += f"\n  … và {vf.number(len(self.warnings) - 30)} lưu ý khác."
        return printable(out)      # a file name may not be valid text


class _Errors:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.total = 0

    def add(self, line: str) -> None:
        self.total += 1
        if len(self.lines) < MAX_ERRORS:
            self.lines.append(line)

    def raise_if_any(self, path: Path) -> None:
        if not self.total:
            return
        head = (f"Không nhập tệp “{path.name}”: có {vf.number(self.total)} lỗi, "
                "chưa bản ghi nào được thêm.")
        more = self.total - len(self.lines)
        tail = [f"… và {vf.number(more)} lỗi khác."] if more > 0 else []
        raise UserError("\n".join([head, *self.lines, *tail]))


# --- reading the file ----------------------------------------------------------

def _read(path: Path) -> dict:
    data = load_json(path)
    if not isinstance(data, dict):
        raise UserError(f"Tệp “{path.name}”: nội dung phải là một đối tượng JSON {{…}} có "
                        f"“format”: “{FORMAT}”.")
    if data.get("format") != FORMAT:
        raise UserError(f"Tệp “{path.name}” không phải tệp bản ghi tgdesk: cần "
                        f"“format”: “{FORMAT}”.")
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        raise UserError(f"Tệp “{path.name}”: phiên bản định dạng “{printable(str(version), 40)}”"
                        f" không được hỗ trợ (cần “version”: {VERSION}).")
    return data


# --- per-field conversion --------------------------------------------------------

def _field_types(record: type) -> dict[str, str]:
    return {f.name: str(f.type) for f in dataclasses.fields(record)}


def _allowed_keys(spec: Spec) -> list[str]:
    ref_fields = {r.field for r in spec.refs}
    keys = [f.name for f in dataclasses.fields(spec.record)
            if f.name != "id" and f.name not in ref_fields]
    return keys + [r.key for r in spec.refs]


def _convert(value, ftype: str):
    """(converted value, error message or None) for one JSON value."""
    optional = "None" in ftype
    if value is None:
        if optional:
            return None, None
        return None, "không được để trống (null)."
    if ftype.startswith("str"):
        if not isinstance(value, str):
            return None, "phải là chuỗi văn bản."
        return value, None
    if ftype.startswith("int"):
        if isinstance(value, bool) or not isinstance(value, int):
            return None, "phải là số nguyên."
        if not -MAX_INT <= value <= MAX_INT:
            return None, f"số quá lớn (giới hạn {vf.number(MAX_INT)})."
        return value, None
    if ftype.startswith("bool"):
        if not isinstance(value, bool):
            return None, "phải là true hoặc false."
        return value, None
    if ftype.startswith("date"):
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            shown = printable(str(value), 40)
            return None, f"ngày “{shown}” phải viết dạng YYYY-MM-DD, ví dụ 2026-11-05."
        try:
            return date.fromisoformat(value), None
        except ValueError:
            return None, f"ngày “{value}” không có thật."
    return None, "kiểu dữ liệu không được hỗ trợ."


def _label(kind: str, index: int, item: dict) -> str:
    """meetings[3] “Giao ban …” (05/11/2026), as far as the item tells."""
    out = f"{kind}[{index}]"
    if not isinstance(item, dict):
        return out
    for key in ("number_symbol", "full_name", "name", "title", "summary"):
        text = item.get(key)
        if isinstance(text, str) and text.strip():
            out += f" “{printable(nfc(text) or '', 50)}”"
            break
    for key in ("held_on", "noted_on", "issued_on"):
        day = item.get(key)
        if isinstance(day, str) and ISO_DATE.fullmatch(day):
            try:
                out += f" ({vf.short_date(date.fromisoformat(day))})"
            except ValueError:
                pass
            break
    return out


def _key(name: str) -> str:
    return (nfc(name) or "").casefold()


# --- the import ------------------------------------------------------------------

class _Importer:
    def __init__(self, session: Session, today: date, errors: _Errors, result: ImportResult):
        self.session, self.today, self.errors, self.result = session, today, errors, result
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
                    index.setdefault(_key(name), []).append(rid)
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
        k = _key(name)
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
        where = _label(spec.kind, index, item)
        self.bad = set()
        if not isinstance(item, dict):
            self.err(where, None, "mỗi bản ghi phải là một đối tượng JSON {…}.")
            return None, where, False
        ok = True
        allowed = _allowed_keys(spec)
        types = _field_types(spec.record)
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
            converted, problem = _convert(value, types[key])
            if problem:
                self.err(where, key, problem)
                ok = False
                continue
            values[key] = converted
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
            k = _key(name) if name else None
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
        added = 0
        for index, item in enumerate(items):
            rec, where, ok = self.build(spec, index, item)
            # A record with a field already refused (a reference to a row that failed,
            # a value of the wrong type) is never written, even if the rest validates.
            if rec is None or not self.check(spec, rec, where, known) or not ok:
                continue
            self.write(spec, rec)
            added += 1
        self.result.counts[spec.kind] = added


def import_file(ctx: Context, path: Path) -> ImportResult:
    """Add every record of the JSON file at ``path``, or none (raising UserError)."""
    path = Path(path)
    data = _read(path)
    errors = _Errors()
    result = ImportResult(path)
    for key in data:
        if key not in ("format", "version") and key not in SPEC_BY_KIND:
            errors.add(f"Khóa “{printable(key, 40)}” ở cấp ngoài cùng không có trong định dạng "
                       f"(chỉ dùng: format, version, {', '.join(s.kind for s in SPECS)}).")
    lists: dict[str, list] = {}
    for spec in SPECS:
        items = data.get(spec.kind)
        if items is None:
            continue
        if not isinstance(items, list):
            errors.add(f"“{spec.kind}” phải là một danh sách […].")
            continue
        lists[spec.kind] = items
    total = sum(len(items) for items in lists.values())
    if total > MAX_RECORDS:
        raise UserError(f"Tệp “{path.name}” có {vf.number(total)} bản ghi, quá giới hạn "
                        f"{vf.number(MAX_RECORDS)} bản ghi một tệp; hãy chia thành nhiều tệp.")
    errors.raise_if_any(path)
    today = ctx.today()
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
        if result.total:   # a copy only when the import writes; it sees the data before it
            result.backup = ctx.backup("truoc-nhap-json")
    return result
