"""Catalogues to and from Excel (.xlsx): template, export, preview and import."""

from .duplicates import DUPLICATE_REASON
from .importing import (MERGED_REASON, BadRow, DuplicateRow, ImportPreview, PreviewRow,
                        commit_import, preview_import)
from .limits import MAX_ROWS
from .specs import ACTIVE, GUIDE_SHEET, SPECS, CatalogueSpec, ColumnSpec
from .writing import export_catalogue, row_values, write_template

__all__ = ["ColumnSpec", "CatalogueSpec", "SPECS", "ACTIVE", "PreviewRow", "BadRow",
           "DuplicateRow", "ImportPreview", "write_template", "export_catalogue",
           "preview_import", "commit_import", "row_values", "MAX_ROWS", "GUIDE_SHEET",
           "DUPLICATE_REASON", "MERGED_REASON"]
