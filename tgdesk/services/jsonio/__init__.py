"""Bulk import of records from a JSON file, all or nothing (format: docs/data-format.md)."""

from .importer import import_file
from .result import ImportResult
from .shape import FORMAT, VERSION
from .specs import SPEC_BY_KIND, SPECS, Ref, Spec

__all__ = ["import_file", "ImportResult", "FORMAT", "VERSION", "SPECS", "SPEC_BY_KIND", "Ref",
           "Spec"]
