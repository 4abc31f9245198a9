"""The log: one UTF-8 file, ``tgdesk.log`` in the data folder's ``logs/``
(paths.log_dir), rotated at 1 MB with five older files kept. When that folder
cannot be written, warnings go to stderr instead and the program carries on.

Set up once per process by the composition root (app.main). A process whose
logging is already configured (a test runner, a program embedding tgdesk) is
left as it is unless ``force`` is given. No Qt here."""

from __future__ import annotations

import logging
import os
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from tgdesk import __version__, paths

LOG_NAME = "tgdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

log = logging.getLogger(__name__)

# The log is the user's alone (0600 less the umask): it names files and records.
PRIVATE_MODE = 0o600


class PrivateFileHandler(RotatingFileHandler):
    """A rotating log whose every file, the rotated ones included, is created
    private (RotatingFileHandler would create them as the umask allows)."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_MODE)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


_handler: logging.Handler | None = None
_file: Path | None = None
_level_before = logging.WARNING


def log_file() -> Path | None:
    """The file the log is written to; None when it goes to stderr or was not set up."""
    return _file


def setup_logging(folder: Path | None = None, *, force: bool = False) -> Path | None:
    """Send the log to ``folder`` (default: paths.log_dir()) / tgdesk.log, or to
    stderr when the folder cannot be written. Returns the log file, or None."""
    global _handler, _file, _level_before
    root = logging.getLogger()
    if _handler is not None:
        if not force:
            return _file
        stop_logging()
    elif root.handlers and not force:
        return None
    try:
        if folder is None:
            folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / LOG_NAME
        # created now: its appearance marks the end of start-up (tests/faults)
        handler: logging.Handler = PrivateFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        level = logging.INFO
    except OSError:
        # Warnings and errors to stderr (a windowed program on Windows may have
        # none). The window and the commands say in words that there is no log.
        target = None
        handler = logging.StreamHandler() if sys.stderr is not None else logging.NullHandler()
        level = logging.WARNING
    handler.setFormatter(logging.Formatter(FORMAT))
    _level_before = root.level
    root.addHandler(handler)
    root.setLevel(level)
    _handler, _file = handler, target
    if target is not None:
        log.info("tgdesk %s started (Python %s, %s)", __version__, platform.python_version(),
                 platform.platform())
    return target


def stop_logging() -> None:
    """Remove and close what setup_logging added."""
    global _handler, _file
    if _handler is not None:
        root = logging.getLogger()
        root.removeHandler(_handler)
        root.setLevel(_level_before)
        _handler.close()
    _handler = _file = None
