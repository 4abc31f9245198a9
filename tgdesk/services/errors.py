"""Errors a user can act on. Their messages are Vietnamese and shown as is.

System errors (an ``OSError`` from the operating system, an SQLite error) carry
English text; :func:`os_reason` and :func:`db_reason` turn them into plain
Vietnamese words for a message and write the original to the log.
"""

from __future__ import annotations

import errno
import logging

from tgdesk.domain.text import printable
from tgdesk.domain.validation import Issue, Verdict

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
