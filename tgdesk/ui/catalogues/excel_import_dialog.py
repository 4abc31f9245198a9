"""The catalogue side of an Excel import's preview: a good row shown as the
catalogue will keep it (its parsed record, written back as cells) and a duplicate
named by the catalogue row it repeats. The dialog, its table and the statuses are
shared with the record lists (ui/common/import_preview.py) and re-exported here.
"""

from __future__ import annotations

from datetime import date

from tgdesk import vnformat as vf
from tgdesk.services import excel, lists
from tgdesk.services.context import Context

from tgdesk.ui.common.import_preview import (BAD, DUPLICATE, GOOD, Entry, ImportPreviewDialog,
                                             PreviewData, PreviewModel, preview_data)

__all__ = ["BAD", "DUPLICATE", "GOOD", "Entry", "ImportPreviewDialog", "PreviewData",
           "PreviewModel", "build_preview_data"]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, date):
        return vf.short_date(value)
    return str(value)


def build_preview_data(ctx: Context, kind: str, preview: excel.ImportPreview,
                       describe) -> PreviewData:
    """Pair every row with its status and text. ``describe(row_dict)`` names an
    existing catalogue row (for "duplicates …"). No Qt here: runs on a worker."""
    spec = excel.SPECS[kind]
    headers = [c.header for c in spec.columns]     # a header not among them: "active"
    area_names = ({a["id"]: a["name"] for a in lists.catalogue(ctx, "areas")}
                  if kind == "people" else None)
    existing = {r["id"]: r for r in lists.catalogue(ctx, kind)}

    def values_of(item) -> tuple[str, ...]:
        cells = dict(zip(headers, excel.row_values(kind, item.record, area_names)))
        return tuple(_cell_text(cells[h]) if h in headers else _cell_text(item.record.active)
                     for h in preview.columns)

    def duplicate_note(dup) -> str:
        row = existing.get(dup.existing_id)
        return f" Trùng với mục đang có: “{describe(row)}”." if row is not None else ""

    return preview_data(preview, values_of, duplicate_note)
