"""Importing a catalogue from Excel in two steps: a preview that saves nothing, then a commit."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from tgdesk import vnformat as vf
from tgdesk.domain.roles import Permission
from tgdesk.domain.text import normalize_fields
from tgdesk.store import tables as t

from ..audit import note
from ..context import Context
from ..crud import known_ids
from ..duplicates import CatalogueIndex
from ..errors import UserError
from ..kinds import CATALOGUE_KINDS
from .cells import blank, key, parse_row, show
from .duplicates import DUPLICATE_REASON, describe, existing
from .limits import MAX_ROWS
from .specs import spec_of
from .workbook import data_sheet, find_header, merged_rows, open_workbook

MERGED_REASON = "ô gộp (merged cell)"


@dataclass
class PreviewRow:
    row_number: int             # as Excel shows it
    record: Any                 # Cell | Area | PartyDocument | Person | OpinionCategory | …
    warnings: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)   # the row's cells as shown (records)


@dataclass
class BadRow:
    row_number: int
    reasons: list[str]
    values: list[str] = field(default_factory=list)   # what the row holds, for display


@dataclass
class DuplicateRow:
    """A valid row that repeats a catalogue row or an earlier row of the file
    (services/duplicates.py); skipped unless the officer keeps duplicates."""
    row_number: int
    existing_id: int | None     # the catalogue row it repeats, or None …
    record: Any = None          # the row, ready to save if kept
    earlier_row: int | None = None   # … the earlier row of the file it repeats


@dataclass
class ImportPreview:
    kind: str
    path: str
    sheet: str
    header_row: int
    columns: list[str]          # headers recognised, in file order
    ignored_columns: list[str]  # headers present but not used
    good: list[PreviewRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.good) + len(self.bad)


def _areas_by_name(session) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for area_id, name in session.execute(select(t.AreaRow.id, t.AreaRow.name)
                                         .where(t.AreaRow.deleted.is_(False))):
        out.setdefault(key(name), []).append(area_id)
    return out


@contextmanager
def sheet_rows(kind: str, spec, path: str | Path):
    """Open the .xlsx at ``path`` for an import of ``kind`` and yield
    ``(preview, cols, rows)``: the empty preview, the columns found, and the data
    rows as ``(row number, cells, cells as shown)``. Blank rows are skipped, a row
    with merged cells is a bad row of the preview, more than MAX_ROWS rows or a
    sheet without data is a UserError. The preview of a catalogue and of a record
    kind both read their file this way."""
    path = Path(path)
    wb = open_workbook(path)
    try:
        ws = data_sheet(wb, spec)
        header_row, cols, ignored = find_header(ws, spec)
        preview = ImportPreview(kind, str(path), ws.title, header_row,
                                [c.header for _, c in sorted(cols.items())], ignored)
        yield preview, cols, _data_rows(ws, header_row, cols, preview)
    finally:
        wb.close()
    preview.bad.sort(key=lambda b: b.row_number)
    if preview.total == 0:
        raise UserError(f"Trang tính “{ws.title}” không có dòng dữ liệu nào dưới dòng tiêu đề "
                        f"{header_row}.")


def _data_rows(ws, header_row: int, cols: dict, preview: ImportPreview) -> Iterator[tuple]:
    merged = merged_rows(ws, header_row)
    count = 0
    for r, values in enumerate(ws.iter_rows(min_row=header_row + 1, max_row=ws.max_row,
                                            max_col=max(cols) + 1, values_only=True),
                               start=header_row + 1):
        merge = merged.get(r)
        if all(blank(values[i]) for i in cols) and not (merge and merge[1]):
            continue
        count += 1
        if count > MAX_ROWS:
            raise UserError(f"Tệp có hơn {vf.number(MAX_ROWS)} dòng dữ liệu; hãy chia "
                            "thành nhiều tệp nhỏ hơn.")
        shown = [show(values[i]) for i in sorted(cols)]
        if merge:
            preview.bad.append(BadRow(r, [f"Dòng có {MERGED_REASON} {merge[0]}: hãy bỏ gộp "
                                          "ô và ghi đủ giá trị ở từng dòng."], shown))
            continue
        yield r, values, shown


def preview_import(ctx: Context, kind: str, path: str | Path) -> ImportPreview:
    """Read and check an .xlsx file of one catalogue; save nothing.

    Every row is checked with the same validation the forms use. Raises
    UserError for a file that cannot be used at all (not an .xlsx, a required
    column missing, no data rows); every row-level problem is a :class:`BadRow`
    with its Excel row number and Vietnamese reasons naming the column.
    """
    ctx.require(Permission.WRITE_RECORDS)
    spec = spec_of(kind)
    crud_kind = CATALOGUE_KINDS[kind]
    with sheet_rows(kind, spec, path) as (preview, cols, rows):
        today = ctx.today()
        with ctx.reading() as session:
            known = known_ids(session)
            in_db = existing(session, spec)
            areas = _areas_by_name(session) if kind == "people" else {}
        in_file = CatalogueIndex(kind)
        for r, values, shown in rows:
            kwargs, reasons, failed = parse_row(cols, values, areas)
            rec = spec.record(**kwargs)
            normalize_fields(rec)
            verdict = crud_kind.validate(rec, known, today)
            reasons += [i.message for i in verdict.errors if i.field not in failed]
            if not reasons:
                dup = in_db.find(rec)
                if dup is not None:
                    reasons.append(f"{describe(spec, rec)} {DUPLICATE_REASON}.")
                    preview.duplicates.append(DuplicateRow(r, dup, rec))
                elif (same := in_file.find(rec)) is not None:
                    reasons.append(f"{describe(spec, rec)} trùng với dòng {same} trong tệp.")
                    preview.duplicates.append(DuplicateRow(r, None, rec, same))
            if reasons:
                preview.bad.append(BadRow(r, reasons, shown))
                continue
            in_file.add(rec, r)
            preview.good.append(PreviewRow(r, rec, [i.message for i in verdict.warnings]))
    return preview


def rows_to_save(preview: ImportPreview, kind: str, keep_duplicates: bool) -> list[tuple]:
    """``(row number, record)`` of the rows a commit saves, in file order: the good
    ones, and the duplicates too when the officer chose to keep them."""
    if preview.kind != kind:
        raise ValueError(f"preview of {preview.kind!r} committed as {kind!r}")
    items = [(item.row_number, item.record) for item in preview.good]
    if keep_duplicates:
        items += [(d.row_number, d.record) for d in preview.duplicates if d.record is not None]
        items.sort(key=lambda pair: pair[0])
    return items


def column_names(spec) -> list[str]:
    """The record's fields that are columns of its table (what a bulk insert writes)."""
    return [f.name for f in dataclasses.fields(spec.record)
            if f.name not in ("id", "uuid") and hasattr(spec.row, f.name)]


def refuse_invalid(row_number: int, verdict) -> None:
    """A row that no longer passes validation stops the whole commit, named."""
    if not verdict.ok:
        raise UserError(f"Dòng {row_number}: " + " ".join(i.message for i in verdict.errors)
                        + " Không dòng nào được lưu; hãy xem trước lại tệp.")


def insert_rows(session, ctx: Context, spec, preview: ImportPreview, values: list[dict],
                keep_duplicates: bool) -> int:
    """Insert the checked rows in bulk and note the import in the audit log (the bulk
    insert bypasses the audit hook)."""
    session.execute(insert(spec.row), values)
    note(session, ctx, "import", spec.row.__tablename__,
         {"source": "Excel", "file": Path(preview.path).name, "rows": len(values),
          "duplicates_kept": keep_duplicates})
    return len(values)


def commit_import(ctx: Context, kind: str, preview: ImportPreview,
                  keep_duplicates: bool = False) -> int:
    """Save the good rows of a preview in one transaction, all or nothing; return how many.

    ``keep_duplicates``: save the rows that repeat a catalogue row or an earlier
    row too (the officer chose "Giữ cả bản ghi trùng"). Each row is checked again
    (the catalogues may have changed since the preview); one failure saves
    nothing and names the row.
    """
    ctx.require(Permission.WRITE_RECORDS)
    spec = spec_of(kind)
    items = rows_to_save(preview, kind, keep_duplicates)
    if not items:
        return 0
    crud_kind = CATALOGUE_KINDS[kind]
    fields = column_names(spec)
    today = ctx.today()
    with ctx.transaction() as session:
        known = known_ids(session)
        in_db = existing(session, spec)
        values = []
        for row_number, record in items:
            rec = dataclasses.replace(record, id=None, uuid=None)
            normalize_fields(rec)
            refuse_invalid(row_number, crud_kind.validate(rec, known, today))
            if not keep_duplicates and in_db.find(rec) is not None:
                raise UserError(f"Dòng {row_number}: {describe(spec, rec)} "
                                f"{DUPLICATE_REASON} (có thể tệp đã được nhập). Không dòng nào "
                                "được lưu; hãy xem trước lại tệp.")
            in_db.add(rec, -row_number)
            values.append({n: getattr(rec, n) for n in fields})
        return insert_rows(session, ctx, spec, preview, values, keep_duplicates)
