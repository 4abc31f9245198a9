"""Trợ giúp › Giới thiệu tgdesk: the version and where everything is kept, the
folders opened in the file manager, everything copied for whoever helps."""

from __future__ import annotations

import platform

import pytest
from PySide6.QtCore import QObject, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication

import tgdesk
from tgdesk import paths
from tgdesk.ui.common.about_dialog import AboutDialog

pytestmark = pytest.mark.gui


class Opened(QObject):
    """Stands in for the file manager: the file URLs the dialog asked to open."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def folders(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path


@pytest.fixture
def opened():
    handler = Opened()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def dialog(qtbot, ctx, folders):
    d = AboutDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    return d


def test_shows_version_database_folders_and_versions(dialog, ctx, folders):
    shown = {label: w.text() for label, w in dialog.values.items()}
    assert shown["Phiên bản"] == tgdesk.__version__
    assert shown["Cơ sở dữ liệu"] == str(ctx.db_path)
    assert shown["Thư mục dữ liệu"] == str(paths.data_dir())
    assert shown["Thư mục nhật ký"] == str(paths.log_dir())
    assert shown["Thư mục dữ liệu"].startswith(str(folders))     # the test's, not the user's
    assert shown["Qt"] == qVersion()
    assert shown["Python"].startswith(platform.python_version())
    assert dialog.windowTitle() == "Giới thiệu tgdesk"
    assert (paths.resources_dir() / "fonts" / "LICENSE-LiberationSerif.txt").is_file()
    assert "Liberation Serif" in dialog.licence.text()
    assert "SIL Open Font License 1.1 (OFL)" in dialog.licence.text()


def test_sao_chep_copies_every_line(qtbot, dialog, ctx):
    dialog.copy_button.click()
    assert dialog.copy_button.text() == "Đã &sao chép"
    text = QGuiApplication.clipboard().text()
    assert text == dialog.text()
    for label, value in dialog.lines:
        assert f"{label}: {value}" in text.splitlines()
    assert str(ctx.db_path) in text


def test_folder_buttons_open_the_data_and_log_folders(dialog, opened):
    dialog.data_button.click()
    dialog.log_button.click()
    assert [u.toLocalFile() for u in opened.urls] == [str(paths.data_dir()),
                                                       str(paths.log_dir())]
