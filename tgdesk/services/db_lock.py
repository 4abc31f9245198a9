"""One writer at a time: a lock file beside the database (``<db>.lock``), held
with an OS lock for the whole life of a writing process, and naming who holds
it (JSON: machine, user, pid, since, program version).

The OS lock decides: a lock file nobody holds is stale and simply taken over;
when the process dies the OS lets go of it. Where the OS cannot lock the file
(some shared folders), the JSON left in it decides instead; see docs/design.md.

Free of Qt and SQLAlchemy: the window, the command line and the tests use it.
"""

from __future__ import annotations

import errno
import getpass
import json
import logging
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from tgdesk import __version__

from .errors import UserError

log = logging.getLogger(__name__)

SUFFIX = ".lock"
POLL_SECONDS = 0.1
MAX_JSON = 4096
# Windows locks byte ranges and a locked range cannot be read by others: the
# lock sits on one byte far past the JSON, which stays readable.
WINDOWS_LOCK_OFFSET = 1 << 30
# errno values meaning "this file system cannot lock files" (not "someone holds it").
NO_OS_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}


def lock_path_for(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "không rõ"


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) the writer lock of a database."""

    host: str
    user: str
    pid: int
    since: str          # ISO time with offset
    version: str

    @classmethod
    def me(cls) -> Holder:
        return cls(host=socket.gethostname(), user=_user(), pid=os.getpid(),
                   since=datetime.now().astimezone().isoformat(timespec="seconds"),
                   version=__version__)

    @classmethod
    def from_json(cls, text: str) -> Holder | None:
        try:
            data = json.loads(text)
            return cls(host=str(data["host"]), user=str(data["user"]), pid=int(data["pid"]),
                       since=str(data["since"]), version=str(data.get("version", "")))
        except (ValueError, KeyError, TypeError):
            return None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    def since_text(self) -> str:
        """``14:05 ngày 24/11/2026`` in local time; the raw text if unreadable."""
        try:
            when = datetime.fromisoformat(self.since)
        except ValueError:
            return self.since
        if when.tzinfo is not None:
            when = when.astimezone()
        return f"{when:%H:%M} ngày {when:%d/%m/%Y}"

    def is_me(self) -> bool:
        return self.pid == os.getpid() and self.host == socket.gethostname()

    def surely_gone(self) -> bool:
        """A holder on this machine whose process has ended (POSIX only)."""
        if self.host != socket.gethostname() or sys.platform == "win32":
            return False        # on Windows os.kill would end the process
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False


def window_text(holder: Holder | None) -> str:
    """The start-up dialog's sentence."""
    if holder is None:
        return "Cơ sở dữ liệu đang được một chương trình tgdesk khác mở để ghi."
    return (f"Cơ sở dữ liệu đang được mở để ghi bởi {holder.user} trên máy {holder.host} "
            f"từ {holder.since_text()}.")


def command_line_text(holder: Holder | None) -> str:
    """The command line's sentence (printed after ``tgdesk: ``)."""
    if holder is None:
        who = "cơ sở dữ liệu đang được một chương trình tgdesk khác mở để ghi"
    else:
        who = (f"cơ sở dữ liệu đang được {holder.user} trên máy {holder.host} mở để ghi "
               f"(từ {holder.since_text()})")
    return f"{who}. Hãy đóng chương trình đó hoặc thử lại sau."


class LockHeld(UserError):
    """Another process holds the writer lock."""

    def __init__(self, holder: Holder | None):
        self.holder = holder
        super().__init__(command_line_text(holder))


def read_holder(db_path: Path) -> Holder | None:
    """Who the lock file names (the holder, or a holder that ended without clearing it)."""
    try:
        with open(lock_path_for(db_path), "rb") as fh:
            raw = fh.read(MAX_JSON)
    except OSError:
        return None
    return Holder.from_json(raw.decode("utf-8", "replace")) if raw.strip() else None


# --- the OS lock ------------------------------------------------------------------

def _try_os_lock(fd: int) -> bool:
    """Take the OS lock without waiting: True taken, False held by another.
    OSError with an errno in NO_OS_LOCKS when the file system cannot lock."""
    if sys.platform == "win32":
        import msvcrt
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK, getattr(errno, "EDEADLOCK", 0)):
                return False
            raise
        return True
    import fcntl
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl
    fcntl.flock(fd, fcntl.LOCK_UN)


class WriterLock:
    """The writer lock of one database. ``acquire`` then ``release`` (or ``with``)."""

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self._fd: int | None = None
        self._os_locked = False

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, trying for up to ``wait`` seconds; LockHeld after that.
        UserError if the lock file cannot be created."""
        if self._fd is not None:
            return
        fd = self._open()
        deadline = time.monotonic() + max(wait, 0.0)
        try:
            while True:
                if self._take(fd):
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    raise LockHeld(read_holder(self.db_path))
                time.sleep(min(POLL_SECONDS, left))
            self._fd = fd
            self._write_holder()
        except OSError as exc:
            if self._fd is None:
                os.close(fd)
            else:
                self.release()
            log.warning("cannot use the lock file %s", self.path, exc_info=True)
            raise UserError(f"Không ghi được tệp khóa “{self.path}” bên cạnh cơ sở dữ liệu; "
                            "chưa mở được để ghi.") from exc
        except BaseException:
            if self._fd is None:
                os.close(fd)
            else:
                self.release()
            raise

    def release(self) -> None:
        """Clear the holder and let go. Safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
            if self._os_locked:
                _os_unlock(fd)
        except OSError:
            log.warning("could not clear the lock file %s", self.path, exc_info=True)
        finally:
            self._os_locked = False
            os.close(fd)

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    # --- inside --------------------------------------------------------------------
    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as exc:
            log.warning("cannot open the lock file %s", self.path, exc_info=True)
            raise UserError(f"Không tạo được tệp khóa “{self.path}” bên cạnh cơ sở dữ liệu "
                            "(thư mục không cho ghi?); chưa mở được để ghi.") from exc

    def _take(self, fd: int) -> bool:
        try:
            self._os_locked = _try_os_lock(fd)
            return self._os_locked
        except OSError as exc:
            if exc.errno not in NO_OS_LOCKS:
                raise
        # No OS locks here (some shared folders): the JSON left in the file decides.
        holder = read_holder(self.db_path)
        log.warning("no OS lock on %s; holder in file: %s", self.path, holder)
        return holder is None or holder.is_me() or holder.surely_gone()

    def _write_holder(self) -> None:
        previous = read_holder(self.db_path)
        if previous is not None and not previous.is_me():
            log.info("taking over the stale lock file %s of %s", self.path, previous)
        data = Holder.me().to_json().encode("utf-8")
        fd = self._fd
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data)
        os.fsync(fd)
