"""Audit entries written at chosen times (the log's own append, so the chain
holds), a clock of a chosen zone, and a hand edit of the file: shared by the
audit log's tests of the services and of the window."""

from __future__ import annotations

import os
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
import time
from contextlib import contextmanager
from pathlib import Path

from tgdesk.domain.audit import AuditEntry, canonical
from tgdesk.store import audit as store

# 23/11/2026 20:30:05 UTC is 24/11/2026 03:30:05 in Việt Nam (UTC+7).
LATE_UTC, LATE_LOCAL = "2026-11-23T20:30:05.000000", "24/11/2026 03:30:05"
EARLY_UTC, EARLY_LOCAL = "2026-11-23T10:00:00.000000", "23/11/2026 17:00:00"


def write(ctx, *entries: tuple) -> None:
    """(at, actor, action, kind, changes[, uuid, id]) each, chained after the log."""
    rows = [AuditEntry(0, at, actor, action, kind, *(rest or ("u-1", 1)), canonical(changes))
            for at, actor, action, kind, changes, *rest in entries]
    with ctx.transaction() as session:
        store.append(session, rows)


@contextmanager
def clock_of_vietnam():
    """This process's local time is Việt Nam's (UTC+7, no summer time) inside."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "ICT-7"
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


def hand_edit(db_path: Path, sql: str) -> None:
    """Change the file behind the program's back, as someone with sqlite3 would."""
    raw = sqlite3.connect(db_path)
    raw.execute(sql)
    raw.commit()
    raw.close()
