"""Files the program writes follow the user's umask: the database with its WAL,
backups, drafts and the log are the user's alone (0600); an exported report is
an ordinary file (0666 less the umask). Errors never log statement values.
(Issue 12, item 5.)"""

from __future__ import annotations

import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tgdesk import logsetup
from tgdesk.domain.records import Meeting
from tgdesk.services import files, form_drafts
from tgdesk.services.backups import make_backup
from tgdesk.services.context import open_context
from tgdesk.services.kinds import MEETINGS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    before = os.umask(0o022)
    files._umask = None
    yield
    os.umask(before)
    files._umask = None


def test_a_new_database_its_wal_and_a_backup_are_private(tmp_path, umask_022):
    db = tmp_path / "moi.sqlite"
    ctx = open_context(db, today=lambda: date(2026, 11, 24))
    try:
        MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title="Giao ban tháng 11"))
        assert mode(db) == 0o600
        wal = db.with_name(db.name + "-wal")
        assert wal.exists() and mode(wal) == 0o600
        backup = make_backup(ctx)
        assert mode(backup.path) == 0o600
    finally:
        ctx.close()


def test_an_export_follows_the_umask_and_a_draft_stays_private(tmp_path, umask_022):
    report = files.write_bytes(tmp_path / "bao_cao.docx", b"x", "báo cáo")
    assert mode(report) == 0o644
    os.umask(0o027)
    files._umask = None
    assert mode(files.write_bytes(tmp_path / "goi.tgpkg", b"x")) == 0o640



def test_a_draft_stays_private(ctx, umask_022):
    draft = form_drafts.write_draft(ctx, "meetings", None, Meeting(title="Nội dung nhạy cảm"))
    assert mode(draft) == 0o600


def test_the_log_and_its_rotated_files_are_private(tmp_path, umask_022):
    path = logsetup.setup_logging(tmp_path, force=True)
    try:
        assert mode(path) == 0o600
        handler = logsetup._handler
        handler.doRollover()
        assert mode(path) == 0o600
        assert mode(path.with_name(path.name + ".1")) == 0o600
    finally:
        logsetup.stop_logging()


def test_a_failing_statement_does_not_carry_its_values(ctx, caplog):
    secret = "Ý kiến mật về cán bộ phường"
    with pytest.raises(Exception) as err:
        with ctx.engine.begin() as conn:
            conn.execute(text("INSERT INTO no_such_table VALUES (:v)"), {"v": secret})
    assert secret not in str(err.value)
