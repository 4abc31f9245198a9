"""The Context every service takes: the open database and the clock.

Opening for writing takes the database's writer lock (services/db_lock.py)
first; opening read-only (another process writes) sets ``PRAGMA query_only`` on
every connection, skips migrations and recovery, and refuses every write with
a Vietnamese message. SQLite's "database is locked"/"busy" and "readonly"
errors become UserError here, so no window or command shows them raw.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from tgdesk.domain.roles import PERMISSION_TEXT, Permission, Viewer
from tgdesk.paths import backup_dir_for
from tgdesk.store import driver
from tgdesk.store import audit
from tgdesk.store.backup import BackupError, backup_copy
from tgdesk.store.db import create_db_engine, hide_classified, session_factory
from tgdesk.store.migrate import (DatabaseTooNew, NotADatabase, UpgradeFailed, check_file,
                                  head_revision, upgrade)

from .db_lock import WriterLock, read_holder
from .errors import UserError, db_reason, os_reason
from .files import create_private
from .key_file import NEEDS_PASSWORD, key_file_path

log = logging.getLogger(__name__)


def os_user() -> str:
    """The name the operating system gives the signed-in user, or "?"."""
    try:
        return getpass.getuser()
    except Exception:       # no user name on some service accounts  # noqa: BLE001
        return "?"


READ_ONLY = ("Cơ sở dữ liệu đang mở chỉ để xem: chương trình khác đang giữ quyền ghi, nên "
             "không lưu được thay đổi.")


@dataclass
class Context:
    engine: Engine
    sessions: sessionmaker[Session]
    db_path: Path
    today: Callable[[], date] = field(default=date.today)
    backup_made: Path | None = None
    read_only: bool = False
    lock: WriterLock | None = None      # the writer lock, released by close()
    # Who the audit log names for this process's writes (the OS user until people
    # sign in; services/audit.py).
    actor: str = field(default_factory=os_user)
    # The person signed in (services/accounts.py); None where the database has no
    # accounts: no sign-in, no limits.
    viewer: Viewer | None = None
    # The encrypted database's key file (services/db_keys.py); None for a plain file.
    keys: Any = None
    # Sessions for units of work: BEGIN IMMEDIATE, the write lock before the first read.
    write_sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.write_sessions = session_factory(self.engine, write=True)
        audit.install(self.write_sessions, lambda: self.actor)

    def can(self, permission: Permission) -> bool:
        """Whether the person signed in may (anyone may where nobody signs in)."""
        return self.viewer is None or self.viewer.can(permission)

    def require(self, permission: Permission) -> None:
        """UserError (Vietnamese, naming the role) unless the person may."""
        if not self.can(permission):
            assert self.viewer is not None
            raise UserError(f"Tài khoản “{self.viewer.login}” (vai trò "
                            f"{self.viewer.role.label}) không được "
                            f"{PERMISSION_TEXT[permission]}.")

    def set_viewer(self, viewer: Viewer | None) -> None:
        """Sign ``viewer`` in (None: out). A person who may not read Mật records gets
        connections on which every table with a classification shows only the
        records that are not Mật (store/db.py ``hide_classified``): lists, search,
        counts, reports and exports all read through them."""
        hide_before = not self.can(Permission.READ_SECRET)
        self.viewer = viewer
        self.actor = viewer.label if viewer is not None else os_user()
        hide = not self.can(Permission.READ_SECRET)
        if hide != hide_before:
            if hide:
                event.listen(self.engine, "connect", hide_classified)
            else:
                event.remove(self.engine, "connect", hide_classified)
            self.engine.dispose()       # pooled connections were made the other way

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error. It holds
        the database's write lock from its first statement (a read-then-write, such
        as taking the next number, cannot interleave with another writer's)."""
        if self.viewer is not None and not any(
                self.viewer.can(p) for p in (Permission.WRITE_RECORDS, Permission.ADMINISTER,
                                             Permission.ISSUE_REPORTS)):
            self.require(Permission.WRITE_RECORDS)
        with self.own_transaction() as session:
            yield session

    @contextmanager
    def own_transaction(self) -> Iterator[Session]:
        """A unit of work the program does for itself whoever signs in (a sign-in's
        time and its audit entry): no role check."""
        if self.read_only:
            raise UserError(READ_ONLY)
        with self.write_sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """Reads in one consistent snapshot; takes no write lock."""
        with self.sessions() as session:
            yield session

    def backup(self, reason: str) -> Path:
        """A whole, checked copy of the database in ``backups/`` beside it, before
        risky work; UserError (Vietnamese) when it cannot be made."""
        try:
            return backup_copy(self.db_path, backup_dir_for(self.db_path), reason)
        except BackupError as exc:
            raise UserError(str(exc)) from exc

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def open_context(db_path: Path, today: Callable[[], date] = date.today, *,
                 read_only: bool = False, lock: WriterLock | None = None) -> Context:
    """Open (creating if needed) and upgrade the database at ``db_path``.

    Before an upgrade of a database that holds data, a copy goes to
    ``backups/`` beside it. Raises UserError with a Vietnamese message for a
    file that is not ours, is damaged, or was written by a newer tgdesk.
    ``read_only``: see open_read_only. ``lock``: the writer lock, already held,
    which the Context releases when closed (open_for_writing takes it).
    """
    db_path = Path(db_path)
    check_db_path(db_path)
    if read_only:
        return open_read_only(db_path, today)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Không tạo được thư mục “{db_path.parent}”: {os_reason(exc)}.") from exc
    try:
        check_file(db_path)
    except (NotADatabase, DatabaseTooNew) as exc:
        raise UserError(str(exc)) from exc
    try:
        create_private(db_path)         # 0600 less the umask; SQLite's WAL takes its mode
    except OSError as exc:
        raise UserError(f"Không tạo được tệp “{db_path}”: {os_reason(exc)}.") from exc
    engine = create_db_engine(db_path)
    _plain_errors(engine, db_path, read_only=False)
    try:
        backup = upgrade(engine, db_path, backup_dir_for(db_path))
    except (DatabaseTooNew, BackupError, UpgradeFailed) as exc:
        # an upgrade is one transaction: on any failure the file is as it was
        engine.dispose()
        raise UserError(str(exc)) from exc
    except SADatabaseError as exc:
        engine.dispose()
        raise UserError(f"Không mở được cơ sở dữ liệu “{db_path}”: {db_reason(exc)}.") from exc
    except UserError:   # the database was busy (_plain_errors)
        engine.dispose()
        raise
    ctx = Context(engine, session_factory(engine), db_path, today, backup, lock=lock)
    if not getattr(ctx, "read_only", False):
        # late: it imports this module; not through issuing, which loads the report renderers
        from .pending_issue import recover_pending
        recover_pending(ctx)
    return ctx


# --- which file, and how it is opened ------------------------------------------------

NOT_CURRENT = ("Không mở chỉ để xem được: cơ sở dữ liệu “{path}” cần được nâng cấp lên phiên "
               "bản dữ liệu mới, việc này phải ghi vào tệp. Hãy mở lại khi chương trình đang "
               "ghi đã đóng.")


def check_db_path(db_path: Path) -> None:
    """Refuse, before anything is created, a path that cannot be a database file:
    a folder, something that is not a regular file, an unreadable file, or a path
    under a file. UserError with one Vietnamese sentence."""
    db_path = Path(db_path)
    try:
        if db_path.is_dir():
            raise UserError(f"“{db_path}” là một thư mục, không phải tệp cơ sở dữ liệu. Hãy ghi "
                            f"cả tên tệp, ví dụ “{db_path / 'tgdesk.sqlite'}”.")
        if db_path.exists():
            if not db_path.is_file():
                raise UserError(f"“{db_path}” không phải là một tệp thông thường; không dùng "
                                "làm cơ sở dữ liệu được.")
            with db_path.open("rb"):
                pass
            if key_file_path(db_path).exists() and driver.key_for(db_path) is None:
                raise UserError(NEEDS_PASSWORD.format(path=db_path))
            return
        for folder in db_path.parents:
            if folder.exists():
                if not folder.is_dir():
                    raise UserError(f"Không tạo được cơ sở dữ liệu “{db_path}”: “{folder}” là "
                                    "một tệp, không phải thư mục.")
                return
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{db_path}”: {os_reason(exc)}.") from exc


def stored_revision(db_path: Path) -> str | None:
    """The schema revision the file says it is at, read without writing; None
    for a missing, empty or foreign file."""
    db_path = Path(db_path)
    try:
        if not db_path.is_file() or db_path.stat().st_size == 0:
            return None
        check_file(db_path)
        conn = driver.connect(db_path, read_only=True)
    except (OSError, NotADatabase, DatabaseTooNew, driver.Error):
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except driver.Error:
        return None
    finally:
        conn.close()


def is_current(db_path: Path) -> bool:
    """Whether the file exists at our schema revision (opening it writes nothing)."""
    return stored_revision(db_path) == head_revision()


def _query_only(dbapi_conn, _record) -> None:
    # After the store's own pragmas (journal_mode=WAL is a no-op on our files,
    # which are WAL already): from here on SQLite refuses every change.
    dbapi_conn.execute("PRAGMA query_only=ON")


def open_read_only(db_path: Path, today: Callable[[], date] = date.today) -> Context:
    """Open a database another process writes, for looking only.

    ``PRAGMA query_only=ON`` on every connection rather than ``?mode=ro``: a
    read-only file handle cannot create or recover WAL's shared-memory file
    (``-shm``), so ``mode=ro`` fails on a WAL database whose ``-shm`` is missing
    or needs rebuilding; query_only keeps SQLite's normal WAL machinery and
    refuses only the statements that change data. No migration, no recovery:
    a file not at our revision is refused."""
    db_path = Path(db_path)
    check_db_path(db_path)
    try:
        check_file(db_path)
    except (NotADatabase, DatabaseTooNew) as exc:
        raise UserError(str(exc)) from exc
    if not is_current(db_path):
        raise UserError(NOT_CURRENT.format(path=db_path))
    engine = create_db_engine(db_path)
    event.listen(engine, "connect", _query_only)
    _plain_errors(engine, db_path, read_only=True)
    return Context(engine, session_factory(engine), db_path, today, read_only=True)


def open_for_writing(db_path: Path, wait: float,
                     today: Callable[[], date] = date.today) -> Context:
    """Take the writer lock (trying for ``wait`` seconds; LockHeld after), then
    open, migrating if needed. The Context holds the lock until closed."""
    db_path = Path(db_path)
    check_db_path(db_path)
    try:
        check_file(db_path)
    except (NotADatabase, DatabaseTooNew) as exc:
        raise UserError(str(exc)) from exc
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Không tạo được thư mục “{db_path.parent}”: {os_reason(exc)}.") from exc
    lock = WriterLock(db_path)
    lock.acquire(wait)
    try:
        return open_context(db_path, today, lock=lock)
    except BaseException:
        lock.release()
        raise


def open_for_reading(db_path: Path, wait: float,
                     today: Callable[[], date] = date.today) -> Context:
    """For commands that only read: read-only, without the lock, when the file is
    at our revision; otherwise it must be created or upgraded first, which
    needs the writer lock (as open_for_writing)."""
    if is_current(db_path):
        return open_read_only(db_path, today)
    return open_for_writing(db_path, wait, today)


# --- SQLite's own errors in plain words ------------------------------------------------

def busy_message(db_path: Path) -> str:
    holder = read_holder(db_path)
    if holder is not None and not holder.is_me():
        who = f"{holder.user} trên máy {holder.host} đang ghi vào cơ sở dữ liệu"
    else:
        who = "một chương trình khác đang ghi vào cơ sở dữ liệu"
    return (f"Cơ sở dữ liệu đang bận: {who}. Việc vừa làm chưa thực hiện được, không có gì "
            "thay đổi; hãy thử lại sau ít phút.")


def _sqlite_error(exc: BaseException | None) -> driver.Error | None:
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, driver.Error):
            return exc
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return None


def plain_error(exc: BaseException, db_path: Path, read_only: bool = False) -> UserError | None:
    """A UserError for SQLite's "locked"/"busy", "readonly" and "disk full"/"disk
    I/O" errors (in ``exc`` or what it wraps); None for any other error."""
    err = _sqlite_error(exc)
    if not isinstance(err, driver.OperationalError):
        return None
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        log.warning("database busy: %s", err)
        return UserError(busy_message(db_path))
    if "readonly" in text or "read-only" in text:
        log.warning("database not writable: %s", err)
        if read_only:
            return UserError(READ_ONLY)
        return UserError(f"Không ghi được vào cơ sở dữ liệu “{db_path}”: tệp chỉ cho phép "
                         "đọc (không có quyền ghi).")
    if "disk is full" in text or "disk i/o error" in text:
        log.warning("database write failed: %s", err)
        return UserError(f"Không ghi được vào cơ sở dữ liệu “{db_path}”: ổ đĩa đầy hoặc lỗi "
                         "đọc/ghi ổ đĩa. Việc vừa làm chưa được lưu; hãy giải phóng chỗ trống "
                         "trên ổ đĩa rồi thử lại.")
    if "vtable constructor failed" in text:   # FTS5 could not load its index: seen on a full disk
        log.warning("search index unavailable: %s", err)
        return UserError(f"Không ghi được vào cơ sở dữ liệu “{db_path}”: ổ đĩa đầy, lỗi đọc/ghi "
                         "ổ đĩa hoặc chỉ mục tìm kiếm bị hỏng. Việc vừa làm chưa được lưu; hãy "
                         "giải phóng chỗ trống trên ổ đĩa rồi thử lại, hoặc chạy “tgdesk check "
                         "--repair”.")
    return None


def _plain_errors(engine: Engine, db_path: Path, read_only: bool) -> None:
    """Every statement on ``engine`` raises UserError instead of those errors."""
    def translate(context: ExceptionContext) -> None:
        error = plain_error(context.original_exception, db_path, read_only)
        if error is not None:
            raise error from context.original_exception
    event.listen(engine, "handle_error", translate)
