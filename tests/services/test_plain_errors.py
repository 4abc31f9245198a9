"""SQLite's own errors on a write end as one Vietnamese line, not a crash."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path

import pytest

from tgdesk.services.context import plain_error

DB = Path("/tmp/x.sqlite")


@pytest.mark.parametrize("text", ["database or disk is full", "disk I/O error",
                                  "vtable constructor failed: study_session_fts"])
def test_write_failures_say_the_disk(text):
    err = plain_error(sqlite3.OperationalError(text), DB)
    assert err is not None and "ổ đĩa đầy" in str(err)
    assert text not in str(err)


def test_other_errors_are_left_to_the_caller():
    assert plain_error(sqlite3.OperationalError("no such table: x"), DB) is None
    assert plain_error(ValueError("x"), DB) is None
