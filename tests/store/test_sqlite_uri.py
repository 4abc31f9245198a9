"""SQLite URIs and SQLAlchemy URLs for paths with "#", "%", "?", spaces and
Vietnamese letters: the file opened is the file named."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import PurePosixPath, PureWindowsPath

from tgdesk.store.db import create_db_engine, sqlite_uri

ODD = "dữ liệu #1 %20 ?x & y"


def test_every_meaningful_character_is_quoted():
    assert sqlite_uri(PurePosixPath(f"/tmp/{ODD}/tgdesk 50%.sqlite"), mode="ro") == (
        "file:///tmp/d%E1%BB%AF%20li%E1%BB%87u%20%231%20%2520%20%3Fx%20%26%20y/"
        "tgdesk%2050%25.sqlite?mode=ro")


def test_windows_drive_and_network_share():
    assert sqlite_uri(PureWindowsPath(r"C:\Users\Cán bộ\tgdesk #1.sqlite")) == \
        "file:///C:/Users/C%C3%A1n%20b%E1%BB%99/tgdesk%20%231.sqlite"
    # an empty authority: SQLite refuses "file://server/..."
    assert sqlite_uri(PureWindowsPath(r"\\may-chu\chung\tgdesk.sqlite"), mode="ro") == \
        "file:////may-chu/chung/tgdesk.sqlite?mode=ro"


def test_a_read_only_uri_opens_the_named_file(tmp_path):
    folder = tmp_path / ODD
    folder.mkdir()
    db = folder / "tgdesk 50%.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('đúng tệp')")
    conn.commit()
    conn.close()
    ro = sqlite3.connect(sqlite_uri(db, mode="ro"), uri=True)
    try:
        assert ro.execute("SELECT x FROM t").fetchone() == ("đúng tệp",)
    finally:
        ro.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [ODD]


def test_the_engine_creates_the_file_where_it_is_named(tmp_path):
    db = tmp_path / ODD / "tgdesk 50%.sqlite"
    db.parent.mkdir()
    engine = create_db_engine(db)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
    engine.dispose()
    assert db.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [ODD]
    assert {p.name for p in db.parent.iterdir()} <= {db.name, db.name + "-wal",
                                                      db.name + "-shm"}
