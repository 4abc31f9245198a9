"""The SQLite driver: ``sqlcipher3`` (SQLCipher 4.x) for every database file,
plain or encrypted (issue 12, item 1), so one set of error classes serves both.

An encrypted file opens with its 32-byte database key given raw
(``PRAGMA key = "x'…'"``: no key derivation at each open; the key is random,
services/db_keys.py wraps it per person). Which files take which key is kept in
this process's key registry: a database file, and the folder of its copies
(``backups/``), registered when the database is unlocked. A file in a registered
folder that turns out to be plain (a copy made before the database was
encrypted) is opened plain. A new file under a registered name or folder is
created encrypted.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from .uri import sqlite_uri

Error = sqlite.Error
DatabaseError = sqlite.DatabaseError
OperationalError = sqlite.OperationalError
IntegrityError = sqlite.IntegrityError
Connection = sqlite.Connection

KEY_BYTES = 32
# The format of our encrypted files (docs/encryption.md): 16 KiB pages with
# HMAC-SHA256. SQLCipher's defaults (4 KiB, HMAC-SHA512) decrypted a full pass
# over the opinion notes at 2.4× the plain file's time; these at 1.4×, with
# index reads at 1.0×. Set as the process's defaults (SQLCipher keeps them
# globally) before any keyed connection, so every file we open, create or
# attach for an export is read and written the same way. Plain files are not
# affected.
CIPHER_DEFAULTS = ("PRAGMA cipher_default_page_size = 16384",
                   "PRAGMA cipher_default_hmac_algorithm = HMAC_SHA256")
ENCRYPTED_CACHE_KIB = 64 * 1024
AUTO = object()      # connect(): the key registered for the file (None: a plain file)
_keys: dict[Path, bytes] = {}
_lock = threading.Lock()


def _set_cipher_defaults() -> None:
    conn = sqlite.connect(":memory:")
    try:
        for statement in CIPHER_DEFAULTS:
            conn.execute(statement)
    finally:
        conn.close()


_set_cipher_defaults()


def _norm(path: Path) -> Path:
    return Path(path).resolve()


def remember_key(paths: Iterable[Path], key: bytes) -> None:
    """Files and folders (of copies) whose databases ``key`` opens."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key has 32 bytes")
    with _lock:
        for p in paths:
            _keys[_norm(p)] = bytes(key)


def forget_key(paths: Iterable[Path]) -> None:
    with _lock:
        for p in paths:
            _keys.pop(_norm(p), None)


def key_for(path: Path) -> bytes | None:
    """The key registered for ``path``, for the folder holding it, or for a
    database beside it whose copy it is by name (``<stem>-…`` or ``.<stem>…``:
    a copy staged for a restore, a partial copy)."""
    p = _norm(path)
    with _lock:
        found = _keys.get(p) or _keys.get(p.parent)
        if found is not None:
            return found
        name = p.name.lstrip(".")
        for other, key in _keys.items():
            if other.parent == p.parent and name.startswith(other.stem) and \
                    name[len(other.stem):len(other.stem) + 1] in ("-", "."):
                return key
    return None


def apply_key(conn, key: bytes | None) -> None:
    """Make ``conn`` read and write with ``key`` (before any other statement); None:
    a plain file. SQLCipher's own log (a wrong key's "hmac check failed" lines on
    stderr) is silenced: we say what went wrong ourselves."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # A page read again from SQLite's cache is not decrypted again; the OS cache
        # that serves a plain file holds only ciphertext here. 64 MB at most, filled
        # only as pages are read.
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")


def _readable(conn) -> bool:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite.DatabaseError as exc:
        if "not a database" in str(exc) or "encrypted" in str(exc):
            return False
        raise


def connect(path: Path, *, read_only: bool = False, timeout: float = 5.0,
            key: object = AUTO):
    """``connect_keyed`` without saying which key opened the file."""
    return connect_keyed(path, read_only=read_only, timeout=timeout, key=key)[0]


def connect_keyed(path: Path, *, read_only: bool = False, timeout: float = 5.0,
                  key: object = AUTO):
    """A DB-API connection to the database file ``path`` (``read_only``: through a
    ``mode=ro`` URI) and the key that opened it: ``key`` (None: plain) or, by
    default, the key registered for it. A key that does not open the file is
    dropped for this connection when the file is plain SQLite; a file neither
    opens raises DatabaseError ("file is not a database") from the caller's first
    statement."""
    key = key_for(path) if key is AUTO else key

    def open_with(k: bytes | None):
        target = sqlite_uri(_norm(path), mode="ro") if read_only else str(path)
        conn = sqlite.connect(target, uri=read_only, timeout=timeout)
        try:
            apply_key(conn, k)
        except BaseException:
            conn.close()
            raise
        return conn

    if key is None:
        return open_with(None), None
    try:
        conn = open_with(key)
    except sqlite.DatabaseError as exc:     # a pragma after the key met a plain file
        if "not a database" not in str(exc):
            raise
        conn = None
    if conn is not None and _readable(conn):
        return conn, key
    if conn is not None:
        conn.close()
    plain = open_with(None)
    if _readable(plain):
        return plain, None
    plain.close()
    # neither: the caller meets the error on its first read
    conn = sqlite.connect(sqlite_uri(_norm(path), mode="ro") if read_only else str(path),
                          uri=read_only, timeout=timeout)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn, key


def _key_sql(key: bytes | None) -> str:
    return f"\"x'{key.hex()}'\"" if key is not None else "''"


def export(src, dst_path: Path, key: bytes | None) -> None:
    """Write every table, index, trigger and row of ``src`` into the new, empty file
    ``dst_path``, encrypted with ``key`` (None: plain) — SQLCipher's
    ``sqlcipher_export``, the way between a plain and an encrypted file (the backup
    API copies pages only between files with the same key). ``src`` must not be
    in a transaction; the export is one."""
    # created private first (0600 less the umask); SQLite keeps the mode it finds
    os.close(os.open(dst_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    src.execute(f"ATTACH DATABASE ? AS tg_export KEY {_key_sql(key)}", (str(dst_path),))
    try:
        src.execute("BEGIN")
        try:
            version = src.execute("PRAGMA main.user_version").fetchone()[0]
            src.execute("SELECT sqlcipher_export('tg_export')")
            src.execute(f"PRAGMA tg_export.user_version = {int(version)}")
            src.execute("COMMIT")
        except BaseException:
            src.execute("ROLLBACK")
            raise
    finally:
        src.execute("DETACH DATABASE tg_export")
