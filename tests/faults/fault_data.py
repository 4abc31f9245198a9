"""Inputs of the fault scenarios: a database at the first migration holding
thousands of rows (so an upgrade takes a while), a large records file for
``tgdesk import``, and read-only looks at a SQLite file (integrity, counts,
revision) that never go through tgdesk."""

from __future__ import annotations

import importlib.util
import json
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

from tgdesk.domain.text import fold
from tgdesk.store import driver
from tgdesk.store.db import create_db_engine
from tgdesk.store.migrate import current_revision, upgrade

TESTS = Path(__file__).resolve().parents[1]

# The record tables whose counts tell one database content from another.
DATA_TABLES = ("unit", "cell", "area", "person", "party_document", "opinion_category",
               "meeting", "study_session", "study_document", "opinion_note")
RECORD_TABLES = ("meeting", "study_session", "opinion_note")
UNIT = {"name": "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "parent_name": "ĐẢNG BỘ QUẬN 11",
        "place_name": "Bình Tiên"}


def _migration_rows() -> dict:
    """ROWS_0001 (one row per table of the first migration, Vietnamese text) of
    the store tests, loaded by path: tests/store is not a package."""
    for name in ("old_db.py", "test_migrations.py"):
        path = TESTS / "store" / name
        if not path.exists():
            continue
        spec = importlib.util.spec_from_file_location(f"fault_rows_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if hasattr(module, "ROWS_0001"):
            return module.ROWS_0001
    raise LookupError("ROWS_0001 not found in tests/store")


ROWS_0001 = _migration_rows()
UUID_MANY = "00000000-0000-4000-9000-{:012d}"


def build_old_database(path: Path, copies: int) -> dict[str, int]:
    """A database at revision 0001 with ROWS_0001 plus ``copies`` more meetings,
    studies (each with its document) and opinion notes. Returns the counts."""
    engine = create_db_engine(path)
    try:
        upgrade(engine, None, None, target="0001")
        assert current_revision(engine) == "0001"
    finally:
        engine.dispose()
    serial = 0
    with closing(sqlite3.connect(path)) as conn:
        for table, (sql, rows) in ROWS_0001.items():
            conn.executemany(sql, rows)
        for table in RECORD_TABLES:
            sql, (base,) = ROWS_0001[table]
            many = []
            for n in range(2, copies + 2):
                serial += 1
                row = list(base)
                row[0] = n
                row[-4] = UUID_MANY.format(serial)   # uuid, created_at, updated_at, deleted
                many.append(tuple(row))
            conn.executemany(sql, many)
        conn.executemany("INSERT INTO study_document (study_id, document_id) VALUES (?, 1)",
                         [(n,) for n in range(2, copies + 2)])
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return counts(path, tuple(ROWS_0001))


def original_columns(path: Path) -> dict[str, list[str]]:
    with closing(sqlite3.connect(path)) as conn:
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in ROWS_0001}


def original_rows(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every row of the first migration's tables, in the columns it had then."""
    out = {}
    with closing(sqlite3.connect(path)) as conn:
        for table, cols in columns.items():
            order = "id" if "id" in cols else "study_id, document_id"
            out[table] = conn.execute(
                f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}").fetchall()
    return out


def records_file(path: Path, n: int, tag: str = "") -> dict[str, int]:
    """A valid ``tgdesk-records`` file (docs/data-format.md) with small
    catalogues and ``n`` records split over meetings, studies and opinions.
    Returns how many rows each data table gains when it is imported."""
    names = {"cell": f"Chi bộ Khu phố {tag}1", "area": f"Khu phố {tag}1",
             "doc": f"{tag}35-NQ/TW", "cat": f"Đất đai {tag}", "ctv": f"Lê Văn Tâm {tag}"}
    per = n // 3
    data = {
        "format": "tgdesk-records", "version": 1,
        "cells": [{"name": names["cell"], "secretary": "Nguyễn Văn Hùng", "member_count": 42}],
        "areas": [{"name": names["area"], "kind": "khu_pho"}],
        "documents": [{"kind": "nghi_quyet", "number_symbol": names["doc"],
                       "issued_on": "2018-10-22", "issuer": "Bộ Chính trị",
                       "title": "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng"}],
        "categories": [{"name": names["cat"], "description": "Bồi thường, giải phóng mặt bằng"}],
        "people": [{"full_name": names["ctv"], "role": "ctv_dlxh", "area": names["area"]}],
        "meetings": [{"held_on": _day(i), "meeting_type": "giao_ban",
                      "title": f"Giao ban công tác tuyên giáo lần {i}",
                      "place": "Hội trường Đảng ủy phường", "attendance": 30 + i % 20,
                      "contents": "Đánh giá kết quả công tác tuyên giáo; triển khai nhiệm vụ."}
                     for i in range(per)],
        "studies": [{"held_on": _day(i), "title": f"Học tập, quán triệt Nghị quyết, đợt {i}",
                     "documents": [names["doc"]], "cell": names["cell"],
                     "party_members_expected": 40, "party_members_present": 38}
                    for i in range(per)],
        "opinions": [{"noted_on": _day(i), "area": names["area"], "reporter": names["ctv"],
                      "category": names["cat"], "concern": "cao", "follow_up": "da_bao_cao",
                      "passed_to": "Ủy ban nhân dân phường",
                      "summary": f"Hộ dân băn khoăn về tiến độ bồi thường, ý kiến số {i}",
                      "proposal": "Đề nghị tổ chức đối thoại với các hộ dân."}
                     for i in range(n - 2 * per)],
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return {"cell": 1, "area": 1, "party_document": 1, "opinion_category": 1, "person": 1,
            "meeting": per, "study_session": per, "study_document": per,
            "opinion_note": n - 2 * per}


def _day(i: int) -> str:
    """A weekday of 2025 (a meeting on a Sunday draws a warning)."""
    day = date(2025, 1 + i % 12, 1 + i % 28)
    return (day + timedelta(days=1) if day.weekday() == 6 else day).isoformat()


# --- looking at a file without tgdesk --------------------------------------------

def connect(path: Path) -> sqlite3.Connection:
    # tgdesk's driver: an encrypted file whose key is registered opens with it
    conn = driver.connect(Path(path))
    # The search triggers call tg_fold(); a raw connection needs it as tgdesk does.
    conn.create_function("tg_fold", 1, lambda v: None if v is None else fold(v),
                         deterministic=True)
    return conn


def integrity(path: Path) -> str:
    """"ok", or what PRAGMA integrity_check (or opening) reported."""
    try:
        with closing(connect(path)) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return f"not readable: {exc}"
    text = "; ".join(str(r[0]) for r in rows)
    return "ok" if text == "ok" else text[:300]


def counts(path: Path, tables=DATA_TABLES) -> dict[str, int]:
    with closing(connect(path)) as conn:
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if t in have else -1
                for t in tables}


def revision(path: Path) -> str | None:
    """The Alembic revision written in the file, None for an empty/new file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with closing(connect(path)) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in names:
            return f"(no alembic_version; {len(names)} tables)" if names else None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else "(empty alembic_version)"


def schema(path: Path) -> set[tuple[str, str]]:
    with closing(connect(path)) as conn:
        return {(r[0], r[1]) for r in conn.execute("SELECT type, name FROM sqlite_master")}


def issued_ids(path: Path) -> set[int]:
    with closing(connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT id FROM report WHERE status = 'issued'")}


def checkpoint(path: Path) -> None:
    """Fold the WAL into the main file, so copying the main file copies it all."""
    with closing(connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
