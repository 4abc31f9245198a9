"""The engine's pragmas and what actually lands in the file."""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from tgdesk.domain.records import Cell, Meeting
from tgdesk.services.kinds import CELLS, MEETINGS


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def test_wal_and_foreign_keys_on_every_connection(ctx):
    with ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2   # FULL


def test_wal_mode_is_persistent_in_the_file(ctx, db_path):
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()


def test_foreign_keys_are_enforced(ctx):
    with ctx.engine.connect() as conn:
        with pytest.raises(IntegrityError):
            conn.exec_driver_sql(
                "INSERT INTO study_document (study_id, document_id) VALUES (999, 999)")
        conn.rollback()


def test_text_is_stored_nfc(ctx, db_path):
    title = nfd("Hội nghị triển khai Nghị quyết về đất đai")
    chair = nfd("Đồng chí Nguyễn Thị Hường")
    assert title != unicodedata.normalize("NFC", title)
    saved = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 23), title=title,
                                         chaired_by=chair, meeting_type="trien_khai"))
    cell = CELLS.create(ctx, Cell(name=nfd("Chi bộ Khu phố Bình Đông")))
    raw = sqlite3.connect(db_path)
    try:
        got_title, got_chair = raw.execute(
            "SELECT title, chaired_by FROM meeting WHERE id = ?", (saved.id,)).fetchone()
        (got_cell,) = raw.execute("SELECT name FROM cell WHERE id = ?", (cell.id,)).fetchone()
    finally:
        raw.close()
    assert got_title == unicodedata.normalize("NFC", title)
    assert got_title == "Hội nghị triển khai Nghị quyết về đất đai"
    assert got_chair == unicodedata.normalize("NFC", chair)
    assert got_cell == "Chi bộ Khu phố Bình Đông"
    assert unicodedata.is_normalized("NFC", got_title)
