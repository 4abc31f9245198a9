"""The catalogue's add form as a record form's “Thêm…” opens it
(``ui/common/catalogue_choice.py``), with some fields set beforehand: a person
added beside “Báo cáo viên” is a báo cáo viên."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialog, QWidget

from tgdesk.services.context import Context

from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES, CatalogueDialog, CatalogueSpec


class NewRowDialog(CatalogueDialog):
    """Add one catalogue row; ``preset`` fills fields of the blank row (an unchanged
    form still closes without asking)."""

    def __init__(self, ctx: Context, spec: CatalogueSpec, preset: dict,
                 parent: QWidget | None = None):
        self.preset = preset
        super().__init__(ctx, spec, None, parent)

    def blank(self):
        rec = super().blank()
        known = {f.name for f in dataclasses.fields(rec)}
        return dataclasses.replace(rec, **{k: v for k, v in self.preset.items() if k in known})


def open_add_form(ctx: Context, kind: str, preset: dict, parent: QWidget) -> QDialog:
    """Open (window-modal over ``parent``) the add form of catalogue ``kind``."""
    spec = next(s for s in CATALOGUES if s.kind == kind)
    dialog = NewRowDialog(ctx, spec, preset, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
