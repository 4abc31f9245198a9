"""Catalogues, and the records of propaganda activities, the online team and
exemplary models, to and from Excel (.xlsx): template, export, preview and import."""

from .duplicates import DUPLICATE_REASON
from .importing import (MERGED_REASON, BadRow, DuplicateRow, ImportPreview, PreviewRow,
                        commit_import, preview_import)
from .limits import MAX_ROWS
from .record_export import RecordExport, export_record_list, write_record_template
from .record_import import RECORD_DUPLICATE_REASON, commit_record_import, preview_record_import
from .record_specs import RECORD_SPECS
from .specs import ACTIVE, GUIDE_SHEET, SPECS, CatalogueSpec, ColumnSpec
from .writing import export_catalogue, row_values, write_template

__all__ = ["ColumnSpec", "CatalogueSpec", "SPECS", "ACTIVE", "PreviewRow", "BadRow",
           "DuplicateRow", "ImportPreview", "write_template", "export_catalogue",
           "preview_import", "commit_import", "row_values", "MAX_ROWS", "GUIDE_SHEET",
           "DUPLICATE_REASON", "MERGED_REASON", "RECORD_SPECS", "RecordExport",
           "write_record_template", "export_record_list", "preview_record_import",
           "commit_record_import", "RECORD_DUPLICATE_REASON"]
