"""Errors a user can act on. Their messages are Vietnamese and shown as is.

System errors (an ``OSError`` from the operating system, an SQLite error) carry
English text; :func:`os_reason` and :func:`db_reason` turn them into plain
Vietnamese words for a message and write the original to the log;
:func:`open_failure` says why a database could not be opened and what to do
(the window's start-up message box).
"""

from __future__ import annotations

import errno
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SADatabaseError

from tgdesk.domain.text import printable
from tgdesk.domain.validation import Issue, Verdict
from tgdesk.paths import backup_dir_for
from tgdesk.store import driver
from tgdesk.store.migrate import DatabaseTooNew

log = logging.getLogger(__name__)


class UserError(Exception):
    """A problem the user caused or can fix; ``str()`` is the message to show.

    The message is made printable (a lone surrogate or a control character
    quoted from a bad file becomes U+FFFD), so showing or printing it never fails.
    """

    def __init__(self, message: object = "", *args: object):
        if isinstance(message, str):
            message = printable(message)
        super().__init__(message, *args)


class NotFound(UserError):
    pass


class ValidationFailed(UserError):
    def __init__(self, verdict: Verdict, record: str | None = None):
        self.verdict = verdict
        self.record = record
        prefix = f"{record}: " if record else ""
        super().__init__(prefix + " ".join(i.message for i in verdict.errors))

    @property
    def issues(self) -> list[Issue]:
        return self.verdict.errors


# --- system errors in plain words --------------------------------------------------

_OS_REASONS = {getattr(errno, name): text for name, text in (
    ("ENOENT", "không tìm thấy tệp hoặc thư mục"),
    ("EACCES", "không có quyền truy cập"),
    ("EPERM", "không được phép thực hiện"),
    ("ENOSPC", "ổ đĩa đầy"),
    ("EISDIR", "đây là thư mục, không phải tệp"),
    ("ENOTDIR", "một phần của đường dẫn không phải thư mục"),
    ("EROFS", "ổ đĩa chỉ cho phép đọc"),
    ("EBUSY", "tệp đang được chương trình khác dùng"),
    ("EEXIST", "đã có tệp hoặc thư mục trùng tên"),
    ("ENAMETOOLONG", "tên tệp hoặc đường dẫn quá dài"),
    ("EIO", "lỗi đọc/ghi thiết bị lưu trữ"),
    ("EMFILE", "đang mở quá nhiều tệp"),
    ("ENFILE", "đang mở quá nhiều tệp"),
    ("EFBIG", "tệp quá lớn"),
    ("EINVAL", "tên hoặc đường dẫn không hợp lệ"),
    ("ELOOP", "đường dẫn vòng lặp (liên kết trỏ lẫn nhau)"),
    ("ENODEV", "thiết bị không sẵn sàng"),
    ("ENXIO", "thiết bị không sẵn sàng"),
    ("ENOTEMPTY", "thư mục không trống"),
    ("EXDEV", "không chuyển được giữa hai ổ đĩa"),
    ("ETIMEDOUT", "hết thời gian chờ thiết bị hoặc mạng"),
    ("EDQUOT", "vượt hạn mức dung lượng của tài khoản"),
) if hasattr(errno, name)}
# Windows codes (OSError.winerror) that errno does not say well.
_WIN_REASONS = {
    32: "tệp đang được chương trình khác dùng",
    33: "tệp đang bị chương trình khác khóa",
    21: "thiết bị không sẵn sàng",
    1392: "tệp hoặc thư mục bị hỏng",
}


def os_reason(exc: OSError) -> str:
    """A short Vietnamese reason for an OSError ("không có quyền truy cập"); the
    English system text goes to the log only."""
    log.info("OS error: %r", exc)
    winerror = getattr(exc, "winerror", None)
    if winerror in _WIN_REASONS:
        return _WIN_REASONS[winerror]
    reason = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if reason:
        return reason
    if exc.errno is not None:
        return f"lỗi hệ thống mã {exc.errno}"
    return "lỗi hệ thống"


_DB_REASONS = (
    ("malformed", "tệp cơ sở dữ liệu bị hỏng"),
    ("not a database", "tệp không phải cơ sở dữ liệu hoặc đã bị hỏng"),
    ("locked", "cơ sở dữ liệu đang được một chương trình khác dùng"),
    ("busy", "cơ sở dữ liệu đang được một chương trình khác dùng"),
    ("readonly", "tệp cơ sở dữ liệu chỉ cho phép đọc"),
    ("read-only", "tệp cơ sở dữ liệu chỉ cho phép đọc"),
    ("full", "ổ đĩa đầy"),
    ("disk i/o", "lỗi đọc/ghi ổ đĩa"),
    ("unable to open", "không mở được tệp cơ sở dữ liệu"),
    ("no such table", "cơ sở dữ liệu thiếu bảng (không phải của tgdesk hoặc đã bị hỏng)"),
)


def db_reason(exc: BaseException) -> str:
    """A short Vietnamese reason for an SQLite / SQLAlchemy database error; the
    English text goes to the log only."""
    log.info("database error: %r", exc)
    text = str(getattr(exc, "orig", None) or exc).lower()
    for needle, reason in _DB_REASONS:
        if needle in text:
            return reason
    return "lỗi cơ sở dữ liệu"


# --- a database that cannot be opened, in plain words ------------------------------------

@dataclass(frozen=True)
class OpenFailure:
    """Why the database (or the data folder) could not be opened, and what to do."""

    reason: str
    advice: str


ADVICE_NEWER = ("Tệp dữ liệu không bị thay đổi: sau khi cài phiên bản mới, mọi số liệu trong tệp "
                "vẫn còn nguyên. Nếu chưa có bản cài đặt mới, hãy hỏi người quản lý chương trình.")
ADVICE_DAMAGED = ("Nếu đã chọn nhầm tệp, hãy mở chương trình với đúng tệp dữ liệu. Nếu đây là tệp "
                  "dữ liệu của tgdesk, hãy khôi phục từ bản sao lưu trong thư mục “{backups}”: "
                  "mở cửa sổ dòng lệnh và chạy {cli} --db \"{db}\" backups (danh sách bản sao), "
                  "rồi {cli} --db \"{db}\" restore TỆP. Tệp hỏng được giữ lại, không bị xóa.")
ADVICE_ACCESS = ("Hãy kiểm tra quyền đọc và ghi của tài khoản này trên thư mục “{folder}” (nhấp "
                 "chuột phải vào thư mục › Properties › Security), hoặc nhờ người quản trị máy "
                 "cấp quyền; cũng có thể chép tệp dữ liệu sang thư mục có quyền ghi rồi mở bằng "
                 "--db.")
ADVICE_FULL = ("Hãy giải phóng chỗ trống trên ổ đĩa chứa thư mục “{folder}” (xóa tệp không cần, "
               "dọn Thùng rác) rồi mở lại chương trình.")
ADVICE_BUSY = "Hãy đóng chương trình đang dùng tệp này, hoặc chờ ít phút, rồi mở lại tgdesk."
ADVICE_OTHER = "Hãy kiểm tra đường dẫn tệp dữ liệu rồi mở lại chương trình."

_ACCESS_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__


def _advice(exc: BaseException, db_path: Path | None, folder: str) -> str:
    from .restore import is_damage  # late, as plain_error below: both import this module
    errors = list(_chain(exc))
    sqlite_text = " ".join(str(e).lower() for e in errors if isinstance(e, driver.Error))
    os_errnos = {e.errno for e in errors if isinstance(e, OSError)}
    if any(isinstance(e, DatabaseTooNew) for e in errors):
        return ADVICE_NEWER
    if db_path is not None and is_damage(exc):
        cli = "tgdesk-cli" if getattr(sys, "frozen", False) else "tgdesk"
        return ADVICE_DAMAGED.format(backups=backup_dir_for(db_path), cli=cli, db=db_path)
    if os_errnos & _FULL_ERRNOS or "full" in sqlite_text or "disk i/o" in sqlite_text:
        return ADVICE_FULL.format(folder=folder)
    if db_path is None or os_errnos & _ACCESS_ERRNOS or any(word in sqlite_text for word in (
            "readonly", "read-only", "unable to open")):   # the data folder: no right to write
        return ADVICE_ACCESS.format(folder=folder)
    if "locked" in sqlite_text or "busy" in sqlite_text:
        return ADVICE_BUSY
    return ADVICE_OTHER


def open_failure(exc: BaseException, db_path: Path | None) -> OpenFailure | None:
    """``exc``, raised while opening the database at ``db_path`` (None: while
    making the data folder), as a Vietnamese reason and what to do; None when
    it is not one of the ways a file or folder fails (a defect of the program)."""
    from .context import plain_error
    folder = str(db_path.parent) if db_path is not None else \
        str(getattr(exc, "filename", None) or "thư mục dữ liệu")
    if isinstance(exc, UserError):
        reason = str(exc)
    elif db_path is not None and (plain := plain_error(exc, db_path)) is not None:
        reason = str(plain)
    elif isinstance(exc, (driver.Error, SADatabaseError)):
        reason = f"Không mở được cơ sở dữ liệu “{db_path}”: {db_reason(exc)}."
    elif isinstance(exc, OSError):
        if db_path is None:
            reason = f"Không tạo được thư mục dữ liệu “{folder}”: {os_reason(exc)}."
        else:
            reason = f"Không mở được cơ sở dữ liệu “{db_path}”: {os_reason(exc)}."
    else:
        return None
    return OpenFailure(reason, _advice(exc, db_path, folder))
