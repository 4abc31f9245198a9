"""Exchange between levels by files: keys and units, packages out and in,
conflicts, receipts, completeness. See docs/package-format.md."""

from .completeness import Board, completeness
from .conflicts import list_conflicts, resolve_conflict
from .export import (export_again, export_catalogue, export_records, held_back_lines,
                     list_exports)
from .importer import import_packages
from .key_change import accept_change, change_keys
from .keys import UnitNotSet, ensure_identity, read_key_file, write_key_file
from .receipts import check_receipt, write_receipts
from .received import child_figures, received_rows
from .setup import init_unit
from .units import add_unit, list_units, merge_unit, move_unit, rename_unit, resolve

__all__ = ["Board", "completeness", "list_conflicts", "resolve_conflict", "export_again",
           "export_catalogue", "export_records", "held_back_lines", "list_exports",
           "import_packages", "UnitNotSet", "ensure_identity", "read_key_file", "write_key_file",
           "check_receipt", "write_receipts", "child_figures", "received_rows", "init_unit",
           "add_unit", "list_units", "merge_unit", "move_unit", "rename_unit", "resolve",
           "accept_change", "change_keys"]
