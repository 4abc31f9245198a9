"""Writing the files a user asked for (reports, packages, Excel sheets) safely.

A file is written under a temporary name in its own folder, flushed to disk,
then renamed over the final name, so a full disk, a crash or a power cut never
leaves a half-written file where the officer expects a whole one. Every
failure becomes one plain Vietnamese message.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import UserError, os_reason

# An exported document is an ordinary file, readable as the user's umask allows
# (mkstemp would leave it 0600); a private one (a draft holding note text, the
# database, a backup, the log) is the user's alone.
PUBLIC_MODE = 0o666
PRIVATE_MODE = 0o600
_umask: int | None = None


def user_umask() -> int:
    """The process's umask (read once: os.umask can only be read by setting it)."""
    global _umask
    if _umask is None:
        _umask = os.umask(0o077)
        os.umask(_umask)
    return _umask


def file_mode(private: bool = False) -> int:
    """The mode a file the program writes gets: 0666 or 0600, less the umask."""
    return (PRIVATE_MODE if private else PUBLIC_MODE) & ~user_umask()


def create_private(path: Path) -> None:
    """Create ``path`` empty with the private mode if it does not exist (the
    database, whose WAL and journal SQLite then create with the same mode)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode(private=True)))
    except FileExistsError:
        pass


def write_error(exc: OSError, folder: Path, what: str = "tệp",
                final: Path | None = None) -> UserError:
    """The message for an OSError met while writing ``what`` into ``folder``."""
    if exc.errno == errno.ENOSPC:
        return UserError(f"Ổ đĩa đầy: không ghi được {what} vào “{folder}”. Hãy giải phóng "
                         "dung lượng hoặc chọn thư mục khác.")
    if (final is not None and final.exists()
            and exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY)):
        return UserError(f"Không ghi đè được “{final.name}”: tệp đang mở trong chương trình "
                         "khác? Hãy đóng tệp rồi thử lại.")
    reason = os_reason(exc)
    return UserError(f"Không ghi được {what} vào thư mục “{folder}” ({reason}). Hãy chọn thư "
                     "mục khác hoặc kiểm tra quyền ghi.")


def make_folder(folder: Path, what: str = "tệp") -> Path:
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, folder, what) from exc
    return folder


def write_file(final: Path, produce: Callable[[Path], object], what: str = "tệp",
               private: bool = False) -> Path:
    """Have ``produce(tmp_path)`` write the content, then put it at ``final``
    (whose folder must exist: see make_folder). ``what`` names the content in
    messages ("báo cáo", "gói dữ liệu", …); ``private``: see file_mode."""
    final = Path(final)
    folder = final.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{final.stem}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise write_error(exc, folder, what) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        produce(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode(private))
        os.replace(tmp, final)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(exc, folder, what, final) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return final


def write_bytes(final: Path, data: bytes, what: str = "tệp", private: bool = False) -> Path:
    return write_file(final, lambda tmp: tmp.write_bytes(data), what, private)
