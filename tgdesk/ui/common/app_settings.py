"""Where the window remembers its state (size, filters, column widths, last
folders): the user's settings, ``~/.config/tgdesk/tgdesk.conf`` on Linux and
``HKCU\\Software\\tgdesk\\tgdesk`` on Windows. Tests redirect the user scope to a
temporary folder (tests/ui/conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

SETTINGS_ORG = SETTINGS_APP = "tgdesk"


def app_settings() -> QSettings:
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                     SETTINGS_ORG, SETTINGS_APP)
