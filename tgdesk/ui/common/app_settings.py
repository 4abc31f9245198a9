"""Where the window remembers its state (size, filters, column widths, last
folders): the user's settings, ``~/.config/tgdesk/tgdesk.conf`` on Linux and
``HKCU\\Software\\tgdesk\\tgdesk`` on Windows. Tests redirect the user scope to a
temporary folder (tests/ui/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

SETTINGS_ORG = SETTINGS_APP = "tgdesk"


def app_settings() -> QSettings:
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                     SETTINGS_ORG, SETTINGS_APP)


def last_folder(key: str) -> str:
    """The folder remembered under ``key`` (e.g. "catalogues/last_folder") when it
    still exists, else the user's Documents folder."""
    folder = app_settings().value(key, "", str)
    if folder and Path(folder).is_dir():
        return folder
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def remember_folder(key: str, path: str | Path) -> None:
    """Remember the folder of the file ``path`` under ``key``."""
    app_settings().setValue(key, str(Path(path).parent))
