"""Where tgdesk keeps its files: per-user data, backups, logs, and resources
(which also works inside a PyInstaller bundle).

The functions that name a per-user folder create it, so they raise OSError
(no right to write there, a full disk) when it cannot be made."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from platformdirs import user_data_path

APP = "tgdesk"


def data_dir() -> Path:
    return user_data_path(APP, appauthor=False, ensure_exists=True)


def default_db() -> Path:
    return data_dir() / "tgdesk.sqlite"


def backup_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database they protect, in ``backups/``."""
    return db_path.resolve().parent / "backups"


def log_dir() -> Path:
    """The log files' folder, ``logs/`` in the data folder: the one place an
    officer (or whoever helps) looks for tgdesk's files."""
    folder = data_dir() / "logs"
    folder.mkdir(exist_ok=True)
    return folder


def resources_dir() -> Path:
    """The folder of files tgdesk reads at run time (fonts, format profiles).

    They are kept in the checkout's top-level ``resources/``; a built wheel installs
    them as package data ``tgdesk/resources`` (see setup.py), found here through
    importlib.resources. An editable install or a run from the checkout has no such
    folder inside the package and uses the checkout's ``resources/``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    packaged = files("tgdesk") / "resources"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"
