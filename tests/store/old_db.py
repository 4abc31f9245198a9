"""Databases as older tgdesk versions left them: built with the real migrations
up to a given revision, every table of the time holding rows (Vietnamese text)."""

from __future__ import annotations

import hashlib
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path

from alembic.script import ScriptDirectory

from tgdesk.store.db import create_db_engine
from tgdesk.store.migrate import MIGRATIONS_DIR, current_revision, upgrade

UUID = "00000000-0000-4000-8000-{:012d}"
TS = "2026-11-01 08:00:00.000000"
TRACK = "uuid, created_at, updated_at, deleted"

# Raw inserts into every table of the first migration, with Vietnamese text.
ROWS_0001: dict[str, tuple[str, list[tuple]]] = {
    "unit": ("INSERT INTO unit (id, uuid, name, parent_name, place_name, doc_abbrev, "
             "signer_authority, signer_title, signer_name, profile, term_start, created_at, "
             "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
             [(1, UUID.format(1), "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
               "Bình Tiên", "ĐU", "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Nguyễn Thị Hạnh", "party",
               "2025-10-01", TS, TS)]),
    "area": (f"INSERT INTO area (id, name, kind, note, active, {TRACK}) VALUES (?,?,?,?,?,?,?,?,?)",
             [(1, "Khu phố 3", "khu_pho", "Gần chợ Bình Tiên", 1, UUID.format(2), TS, TS, 0)]),
    "cell": (f"INSERT INTO cell (id, name, secretary, member_count, note, active, {TRACK}) "
             "VALUES (?,?,?,?,?,?,?,?,?,?)",
             [(1, "Chi bộ Khu phố 3", "Lê Văn Đức", 42, "Chi bộ đông đảng viên", 1,
               UUID.format(3), TS, TS, 0)]),
    "opinion_category": (f"INSERT INTO opinion_category (id, name, description, active, {TRACK}) "
                         "VALUES (?,?,?,?,?,?,?,?)",
                         [(1, "Đất đai", "Bồi thường, giải phóng mặt bằng", 1, UUID.format(4),
                           TS, TS, 0)]),
    "party_document": (f"INSERT INTO party_document (id, kind, number_symbol, issued_on, issuer, "
                       f"title, active, {TRACK}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       [(1, "nghi_quyet", "35-NQ/TW", "2018-10-22", "Bộ Chính trị",
                         "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng", 1, UUID.format(5),
                         TS, TS, 0)]),
    "person": (f"INSERT INTO person (id, full_name, role, phone, workplace, area_id, active, "
               f"{TRACK}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
               [(1, "Trần Thị Bích Ngọc", "ctv_dlxh", "0903 123 456", "Hội Phụ nữ phường", 1, 1,
                 UUID.format(6), TS, TS, 0)]),
    "meeting": (f"INSERT INTO meeting (id, held_on, meeting_type, title, place, chaired_by, "
                f"participants, attendance, contributions, contents, conclusions, classification, "
                f"{TRACK}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(1, "2026-10-05", "so_ket", "Sơ kết 9 tháng công tác tuyên giáo",
                  "Hội trường Đảng ủy", "Đồng chí Phó Bí thư", "Bí thư các chi bộ", 45, 7,
                  "Đánh giá kết quả", "Tiếp tục đẩy mạnh", "thuong", UUID.format(7), TS, TS, 0)]),
    "study_session": (f"INSERT INTO study_session (id, held_on, title, cell_id, form, speaker_id, "
                      "speaker_name, place, key_cadres, party_members_expected, "
                      "party_members_present, non_party_officials, core_masses, union_members, "
                      f"reflections, note, classification, {TRACK}) "
                      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(1, "2026-10-12", "Học tập chuyên đề năm 2026", 1, "truc_tiep", 1, None,
                        "Nhà văn hóa khu phố 3", 5, 40, 38, 3, 12, 20, 35, "Ghi chú: tốt",
                        "thuong", UUID.format(8), TS, TS, 0)]),
    "study_document": ("INSERT INTO study_document (study_id, document_id) VALUES (?,?)",
                       [(1, 1)]),
    "opinion_note": (f"INSERT INTO opinion_note (id, noted_on, area_id, reporter_id, category_id, "
                     "source, summary, attitude, concern, proposal, follow_up, passed_to, "
                     f"classification, {TRACK}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     [(1, "2026-10-20", 1, 1, 1, "ctv",
                       "Người dân băn khoăn về giá đền bù đất đai", "ban_khoan", "diem_nong",
                       "Tổ chức đối thoại", "da_bao_cao", "Ủy ban nhân dân phường", "mat",
                       UUID.format(9), TS, TS, 0)]),
}

# Rows for the tables later revisions add, keyed by the revision that adds them.
LATER_ROWS: dict[str, dict[str, tuple[str, list[tuple]]]] = {
    "0003": {"report": (
        f"INSERT INTO report (id, kind, period_code, profile, texts, status, term_start, number, "
        f"number_text, issued_on, docx, pdf, {TRACK}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(1, "work", "2026-10", "party", '{"mo_dau": "Tháng 10 năm 2026"}', "issued",
          "2025-10-01", 14, "14-BC/ĐU", "2026-10-31", b"PK\x03\x04docx", b"%PDF-1.7",
          UUID.format(10), TS, TS, 0),
         (2, "work", "2026-11", "party", '{"mo_dau": "Tháng 11"}', "draft", None, None, None,
          None, None, None, UUID.format(11), TS, TS, 0)])},
    "0006": {"setting": ("INSERT INTO setting (key, value, updated_at) VALUES (?,?,?)",
                         [("han_bao_cao", '{"ngay": 25, "ghi_chu": "Hạn nộp báo cáo"}', TS)])},
    "0007": {"exchange_unit": (
        "INSERT INTO exchange_unit (id, uuid, name, relation, sign_public, box_public, "
        "fingerprint, active, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(1, UUID.format(12), "ĐẢNG ỦY QUẬN 5", "parent", b"\x01" * 32, b"\x02" * 32,
          "ab12-cd34", 1, TS, TS)])},
    # 0009 seeds one step per counted cell (cell 1 from 2026-11-01); an earlier one:
    "0009": {"cell_member_count": (
        f"INSERT INTO cell_member_count (id, cell_id, effective_on, member_count, {TRACK}) "
        "VALUES (?,?,?,?,?,?,?,?)",
        [(2, 1, "2026-06-01", 40, UUID.format(13), TS, TS, 0)])},
}


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def tables_at(revision: str) -> dict[str, tuple[str, list[tuple]]]:
    """The rows an older database at ``revision`` holds, by table."""
    out = dict(ROWS_0001)
    for rev, rows in LATER_ROWS.items():
        if rev <= revision:
            out.update(rows)
    return out


def build_at(path: Path, revision: str) -> Path:
    """A database at ``revision`` (real migrations), every table then known holding rows."""
    engine = create_db_engine(path)
    try:
        assert upgrade(engine, None, None, target="0001") is None
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            for sql, rows in ROWS_0001.values():
                raw.executemany(sql, rows)
        if revision != "0001":
            upgrade(engine, None, None, target=revision)
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            for rev, tables in LATER_ROWS.items():
                if rev <= revision:
                    for sql, rows in tables.values():
                        raw.executemany(sql, rows)
        assert current_revision(engine) == revision
    finally:
        engine.dispose()           # the last close checkpoints: one self-contained file
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def user_tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")}


def dump(conn: sqlite3.Connection, table: str) -> list[tuple]:
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    order = ("id" if "id" in cols else "key" if "key" in cols else "study_id, document_id")
    return [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]


def snapshot(path: Path, tables=ROWS_0001) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {table: dump(conn, table) for table in tables}
    finally:
        conn.close()


def schema(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                            "ORDER BY type, name").fetchall()
    finally:
        conn.close()
