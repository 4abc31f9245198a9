"""Importing propaganda activities, online-team entries or exemplary models from
Excel in two steps, as the catalogues are (importing.py): a preview that saves
nothing, then a commit of the good rows in one transaction.

Each row is read by its Vietnamese column headers (record_specs.py), coded
values by label, catalogue rows by name, and checked with the validation the
entry forms use. A row that repeats a record already kept, or an earlier row
of the file (services/duplicates.py: same day, same place, same text), is
listed apart and skipped unless the officer keeps duplicates."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tgdesk import vnformat as vf
from tgdesk.domain.roles import Permission
from tgdesk.domain.text import normalize_fields, printable

from ..context import Context
from ..crud import known_ids
from ..duplicates import NOUN, RecordFinder
from ..errors import UserError
from ..kinds import RECORD_KINDS
from .importing import (BadRow, DuplicateRow, ImportPreview, PreviewRow, column_names,
                        insert_rows, refuse_invalid, rows_to_save, sheet_rows)
from .record_cells import names_index, parse_record_row
from .record_specs import record_spec

RECORD_DUPLICATE_REASON = "Trùng với bản ghi đã có"


# What a likely duplicate shares with the record it repeats (services/duplicates.py).
SAME = {"propaganda": "cùng ngày, cùng khu dân cư, cùng nội dung",
        "online": "cùng ngày, cùng thành viên nhóm, cùng nội dung",
        "models": "cùng ngày, cùng chi bộ, cùng tên"}


def _stored_reason(kind: str, dup) -> str:
    return (f"Trùng với {NOUN[kind]} đã có ngày {vf.short_date(dup.day)} "
            f"“{printable(dup.existing_text, 60)}” ({SAME[kind]}).")


def preview_record_import(ctx: Context, kind: str, path: str | Path) -> ImportPreview:
    """Read and check an .xlsx file of ``kind`` (propaganda, online, models); save nothing.

    Raises UserError for a file that cannot be used at all (not an .xlsx, a
    required column missing, no data rows); every row-level problem is a
    :class:`BadRow` with its Excel row number and reasons naming the column."""
    ctx.require(Permission.WRITE_RECORDS)
    spec = record_spec(kind)
    crud_kind = RECORD_KINDS[kind]
    with sheet_rows(kind, spec, path) as (preview, cols, rows):
        today = ctx.today()
        with ctx.reading() as session:
            known = known_ids(session)
            names = names_index(session, spec)
            checked = []        # (row, record, shown, warnings) of the rows that pass
            for r, values, shown in rows:
                kwargs, reasons, failed = parse_record_row(spec, cols, values, names)
                rec = spec.record(**kwargs)
                normalize_fields(rec)
                verdict = crud_kind.validate(rec, known, today)
                reasons += [i.message for i in verdict.errors if i.field not in failed]
                if reasons:
                    preview.bad.append(BadRow(r, reasons, shown))
                    continue
                checked.append((r, rec, shown, [i.message for i in verdict.warnings]))
            finder = RecordFinder(session)
            finder.load(kind, [rec for _, rec, _, _ in checked])
            for r, rec, shown, warnings in checked:
                dup = finder.check(kind, rec, str(r))
                if dup is None:
                    preview.good.append(PreviewRow(r, rec, warnings, shown))
                elif dup.existing_id is not None:
                    preview.bad.append(BadRow(r, [_stored_reason(kind, dup)], shown))
                    preview.duplicates.append(DuplicateRow(r, dup.existing_id, rec))
                else:
                    preview.bad.append(BadRow(r, [f"Trùng với dòng {dup.earlier} trong tệp "
                                                  f"({SAME[kind]})."], shown))
                    preview.duplicates.append(DuplicateRow(r, None, rec, int(dup.earlier)))
    return preview


def commit_record_import(ctx: Context, kind: str, preview: ImportPreview,
                         keep_duplicates: bool = False) -> int:
    """Save the good rows of a preview in one transaction, all or nothing; return how many.

    ``keep_duplicates``: save the rows that repeat a record or an earlier row
    too. Each row is checked again (the catalogues or the records may have
    changed since the preview); one failure saves nothing and names the row."""
    ctx.require(Permission.WRITE_RECORDS)
    spec = record_spec(kind)
    items = rows_to_save(preview, kind, keep_duplicates)
    if not items:
        return 0
    crud_kind = RECORD_KINDS[kind]
    fields = column_names(spec)
    today = ctx.today()
    with ctx.transaction() as session:
        known = known_ids(session)
        finder = RecordFinder(session, within=False)
        records = [dataclasses.replace(rec, id=None, uuid=None) for _, rec in items]
        finder.load(kind, records)
        values = []
        for (row_number, _), rec in zip(items, records):
            normalize_fields(rec)
            refuse_invalid(row_number, crud_kind.validate(rec, known, today))
            if not keep_duplicates and (dup := finder.check(kind, rec, "")) is not None:
                raise UserError(f"Dòng {row_number}: {_stored_reason(kind, dup)} Có thể tệp đã "
                                "được nhập. Không dòng nào được lưu; hãy xem trước lại tệp.")
            values.append({n: getattr(rec, n) for n in fields})
        return insert_rows(session, ctx, spec, preview, values, keep_duplicates)
