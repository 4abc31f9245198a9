"""Fuzzing the Excel import: random workbooks (headers, title rows, values of
every type, merged cells) and damaged .xlsx bytes, each on a fresh copy of the
database. The property: preview and commit give a result or a UserError (with
a printable message), never another exception; a preview writes nothing and a
refused commit changes nothing."""

from __future__ import annotations

import io
import itertools
import shutil
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tgdesk.services import excel
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError
from tgdesk.store import tables as t
from tgdesk.store.db import create_db_engine, session_factory

TODAY = date(2026, 11, 24)
FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
TABLES = (t.CellRow, t.AreaRow, t.DocumentRow, t.PersonRow, t.CategoryRow, t.CampaignRow)
KINDS = list(excel.SPECS)

# What a cell may hold as openpyxl writes it (it cannot write XML-illegal characters).
cell_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=15).map(
    lambda s: ILLEGAL_CHARACTERS_RE.sub("", s))
cell_value = st.one_of(
    st.none(), cell_text, st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 42, 2**63, 999_999_999, 50_001, 100_001, 10958, 46000]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(["Chi bộ Khu phố 1", "Khu phố 3", "35-NQ/TW", "Nghị quyết", "nq",
                     "Báo cáo viên", "bcv", "Khu phố", "Có", "Không", "1.200", "12,5",
                     "31/02/2026", "05/02/2026", "2026-02-05", "0903 123 456", "=1+1",
                     "Đất đai", "Bộ Chính trị", "x" * 10_001, "a\x85b", "\x7f"]))


def _labels(kind: str) -> list[str]:
    cols = excel.SPECS[kind].columns + (excel.ACTIVE,)
    return [c.header for c in cols] + [a for c in cols for a in c.aliases] + ["STT", "Ghi chú"]


@st.composite
def workbooks(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(KINDS))
    wb = Workbook()
    ws = wb.active
    ws.title = draw(st.sampled_from([excel.SPECS[kind].sheet, "Sheet1", excel.GUIDE_SHEET]))
    for _ in range(draw(st.integers(0, 2))):                  # title rows above the header
        ws.append([draw(cell_text)])
    header = draw(st.lists(st.one_of(st.sampled_from(_labels(kind)), cell_text), max_size=7))
    if draw(st.booleans()):
        header = [c.header for c in excel.SPECS[kind].columns]
    ws.append(header)
    width = max(len(header), 1)
    for _ in range(draw(st.integers(0, 8))):
        ws.append(draw(st.lists(cell_value, max_size=width + 1)))
    if ws.max_row > 2 and draw(st.booleans()):
        top = draw(st.integers(1, ws.max_row - 1))
        ws.merge_cells(start_row=top, start_column=1, end_row=top + 1,
                       end_column=draw(st.integers(1, 3)))
    out = io.BytesIO()
    wb.save(out)
    return kind, out.getvalue()


def _fresh(template_db, tmp_path, counter) -> Context:
    path = tmp_path / f"x{next(counter)}.sqlite"
    shutil.copy(template_db, path)
    engine = create_db_engine(path)
    return Context(engine, session_factory(engine), path, lambda: TODAY)


def _counts(ctx) -> list[int]:
    from sqlalchemy import func, select
    with ctx.reading() as session:
        return [session.scalar(select(func.count()).select_from(row)) for row in TABLES]


def _check(ctx, kind: str, path) -> None:
    before = _counts(ctx)
    try:
        preview = excel.preview_import(ctx, kind, path)
    except UserError as exc:
        str(exc).encode("utf-8")
        assert _counts(ctx) == before
        return
    assert _counts(ctx) == before, "a preview saves nothing"
    for bad in preview.bad:
        "".join(bad.reasons + bad.values).encode("utf-8")
    try:
        saved = excel.commit_import(ctx, kind, preview)
    except UserError as exc:
        str(exc).encode("utf-8")
        assert _counts(ctx) == before, "a refused commit changes nothing"
        return
    assert saved == len(preview.good) and sum(_counts(ctx)) == sum(before) + saved


_workbook_counter = itertools.count()


@FUZZ
@given(book=workbooks())
def test_random_workbooks_are_previewed_or_refused(template_db, tmp_path, book):
    kind, data = book
    path = tmp_path / "nhap.xlsx"
    path.write_bytes(data)
    ctx = _fresh(template_db, tmp_path, _workbook_counter)
    try:
        _check(ctx, kind, path)
    finally:
        ctx.close()


@pytest.fixture(scope="module")
def good_book() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = excel.SPECS["cells"].sheet
    ws.append([c.header for c in excel.SPECS["cells"].columns])
    for i in range(20):
        ws.append([f"Chi bộ Khu phố {i}", "Lê Văn Đức", i, "ghi chú"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


_damaged_counter = itertools.count()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1,
                      max_size=8), cut=st.one_of(st.none(), st.integers(0, 10**6)))
def test_damaged_xlsx_files_are_refused_plainly(template_db, tmp_path, good_book, flips, cut):
    blob = bytearray(good_book)
    for at, byte in flips:
        blob[at % len(blob)] = byte
    if cut is not None:
        blob = blob[:cut % len(blob)]
    path = tmp_path / "hong.xlsx"
    path.write_bytes(bytes(blob))
    ctx = _fresh(template_db, tmp_path, _damaged_counter)
    try:
        _check(ctx, "cells", path)
    finally:
        ctx.close()
