"""Reading one data row of a record file into a record, and a record into the
cells of one row (export): coded values by label, catalogue rows by name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from tgdesk.domain.enums import CLASSIFIED_ONLINE_KINDS, Classification
from tgdesk.store import tables as t

from .cells import as_text, blank, key, parse_row
from .record_specs import CATALOGUE_NOUN, ENUM_ALIASES, REF_CATALOGUE
from .specs import CatalogueSpec, ColumnSpec

_ROWS = {"areas": (t.AreaRow, t.AreaRow.name), "cells": (t.CellRow, t.CellRow.name),
         "campaigns": (t.CampaignRow, t.CampaignRow.name),
         "people": (t.PersonRow, t.PersonRow.full_name)}


def names_index(session, spec: CatalogueSpec) -> dict[str, dict[str, list[int]]]:
    """catalogue -> key of a live row's name -> its ids, for the references of ``spec``."""
    out: dict[str, dict[str, list[int]]] = {}
    for col in spec.columns:
        catalogue = REF_CATALOGUE.get(col.parse)
        if catalogue is None or catalogue in out:
            continue
        row, name = _ROWS[catalogue]
        index: dict[str, list[int]] = {}
        for rid, text in session.execute(select(row.id, name).where(row.deleted.is_(False),
                                                                   row.origin_unit_id.is_(None))
                                         .order_by(row.id)):
            index.setdefault(key(text), []).append(rid)
        out[catalogue] = index
    return out


def id_names(session) -> dict[str, dict[int, str]]:
    """catalogue -> id -> name, for writing references by name."""
    return {catalogue: dict(session.execute(select(row.id, name)).all())
            for catalogue, (row, name) in _ROWS.items()}


def _ref(value: Any, col: ColumnSpec, index: dict[str, list[int]], noun: str) -> int:
    ids = index.get(key(as_text(value)), [])
    if not ids:
        raise ValueError(f"{col.label}: “{as_text(value)}” không có trong danh mục {noun}.")
    if len(ids) > 1:
        raise ValueError(f"{col.label}: có {len(ids)} mục cùng tên “{as_text(value)}” trong "
                         f"danh mục {noun}; hãy sửa danh mục cho khỏi trùng.")
    return ids[0]


def _with_aliases(cols: dict[int, ColumnSpec], values: tuple) -> tuple:
    """The row with a short form of a coded value (ENUM_ALIASES) written as its label."""
    out = list(values)
    for i, col in cols.items():
        aliases = ENUM_ALIASES.get(col.enum) if col.enum is not None else None
        if aliases and i < len(out) and not blank(out[i]):
            code = aliases.get(key(as_text(out[i])))
            if code is not None:
                out[i] = col.enum.from_code(code).label
    return tuple(out)


def parse_record_row(spec: CatalogueSpec, cols: dict[int, ColumnSpec], values: tuple,
                     names: dict[str, dict[str, list[int]]]) -> tuple[dict, list[str], set[str]]:
    """(record fields, reasons a cell was refused, fields refused) for one row."""
    values = _with_aliases(cols, values)
    kwargs, reasons, failed = parse_row(cols, values, names.get("areas", {}))
    for i, col in cols.items():
        catalogue = REF_CATALOGUE.get(col.parse)
        if catalogue is None or col.parse == "area":
            continue
        value = values[i] if i < len(values) else None
        if blank(value):
            continue
        try:
            kwargs[col.field] = _ref(value, col, names.get(catalogue, {}),
                                     CATALOGUE_NOUN[catalogue])
        except ValueError as exc:
            reasons.append(str(exc))
            failed.add(col.field)
    if (spec.kind == "online" and "classification" not in kwargs
            and "classification" not in failed
            and kwargs.get("entry_kind") in CLASSIFIED_ONLINE_KINDS):
        kwargs["classification"] = Classification.MAT.value
    return kwargs, reasons, failed


def record_values(spec: CatalogueSpec, record, names: dict[str, dict[int, str]]) -> list[Any]:
    """The record as the cells of one row of the template's columns: coded values
    by label, catalogue rows by name, dates as dates, Có/Không, 0 left blank."""
    out: list[Any] = []
    for col in spec.columns:
        value = getattr(record, col.field)
        if col.enum is not None:
            member = col.enum.from_code(value)
            value = member.label if member is not None else value
        elif col.parse in REF_CATALOGUE:
            value = None if value is None else names[REF_CATALOGUE[col.parse]].get(value)
        elif col.parse == "yesno":
            value = "Có" if value else "Không"
        elif col.parse == "int" and value == 0:
            value = None
        out.append(value)
    return out
