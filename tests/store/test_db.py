"""The engine's pragmas, what actually lands in the file, and how transactions
lock it."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
import threading
import unicodedata
import uuid
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tgdesk.domain.records import Cell, Meeting
from tgdesk.services.context import open_context
from tgdesk.services.kinds import CELLS, MEETINGS
from tgdesk.store.db import sql_fold

TS = "2026-11-01 08:00:00.000000"


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


# --- transactions: writers take the write lock at BEGIN, readers see one snapshot --------

def _other(db_path) -> sqlite3.Connection:
    """Another program on the same file that does not wait for locks."""
    conn = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    conn.create_function("tg_fold", 1, sql_fold, deterministic=True)   # search triggers
    return conn


def _meetings(session) -> int:
    return session.execute(text("SELECT count(*) FROM meeting")).scalar_one()


def test_a_unit_of_work_holds_the_write_lock_from_its_first_read(ctx, db_path):
    other = _other(db_path)
    try:
        with ctx.transaction() as session:
            _meetings(session)                       # a read only, so far
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")             # released at commit
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_reading_takes_no_write_lock_and_sees_one_snapshot(ctx, db_path):
    other = _other(db_path)
    try:
        with ctx.reading() as session:
            before = _meetings(session)
            other.execute("BEGIN IMMEDIATE")
            other.execute(f"INSERT INTO meeting (held_on, meeting_type, title, classification, "
                          f"uuid, created_at, updated_at) VALUES ('2026-11-02', 'so_ket', "
                          f"'Họp chi ủy', 'thuong', '{uuid.uuid4()}', '{TS}', '{TS}')")
            other.execute("COMMIT")
            assert _meetings(session) == before      # the same snapshot throughout
        with ctx.reading() as session:
            assert _meetings(session) == before + 1
    finally:
        other.close()


INSERT_NEXT = text("INSERT INTO meeting (held_on, meeting_type, title, attendance, "
                   "classification, uuid, created_at, updated_at) VALUES ('2026-11-03', "
                   "'so_ket', 'Giao ban', :n, 'thuong', :uuid, :ts, :ts)")


def _take_numbers(ctx, barrier: threading.Barrier, rounds: int, errors: list) -> None:
    try:
        for _ in range(rounds):
            barrier.wait()                           # both writers start together
            with ctx.transaction() as session:
                n = session.execute(text(
                    "SELECT coalesce(max(attendance), 0) FROM meeting")).scalar_one()
                session.execute(INSERT_NEXT, {"n": n + 1, "uuid": str(uuid.uuid4()), "ts": TS})
    except BaseException as exc:                     # reported by the test, never lost
        errors.append(exc)
        barrier.abort()


def test_two_writers_taking_the_next_number_never_take_the_same(db_path):
    rounds = 40
    contexts = [open_context(db_path), open_context(db_path)]    # like two programs
    try:
        with contexts[0].transaction() as session:
            session.execute(text("DELETE FROM meeting"))
        barrier, errors = threading.Barrier(2), []
        threads = [threading.Thread(target=_take_numbers, args=(c, barrier, rounds, errors))
                   for c in contexts]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with contexts[1].reading() as session:
            taken = [r[0] for r in session.execute(text(
                "SELECT attendance FROM meeting ORDER BY attendance"))]
    finally:
        for c in contexts:
            c.close()
    assert taken == list(range(1, 2 * rounds + 1))
