"""Helpers of the Excel tests: a template with rows typed in, what a catalogue holds."""

from __future__ import annotations

from openpyxl import load_workbook

from tgdesk.services import excel, lists


def filled(tmp_path, kind: str, rows: list[list], name: str = "nhap.xlsx"):
    """The template of ``kind`` with ``rows`` typed under the header."""
    path = tmp_path / name
    excel.write_template(kind, path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def names(ctx, kind: str, field: str = "name") -> list:
    return [r[field] for r in lists.catalogue(ctx, kind)]


def reasons_of(preview) -> dict[int, list[str]]:
    return {b.row_number: b.reasons for b in preview.bad}
