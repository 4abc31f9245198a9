"""A ``.tgx`` package opened from outside the window (a double-click on the file,
``tgdesk --open FILE``): ``MainWindow.open_package`` shows "Trao đổi dữ liệu ›
Nhận về" with the dry run of that package. Nothing is written until "Nhập"."""

from __future__ import annotations

import shutil

import pytest
from db_dump import dump

from tgdesk.domain.period import Period
from tgdesk.services import exchange as ex
from tgdesk.services.context import open_context
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui




@pytest.fixture
def package(template_db, tmp_path, ctx, make_meetings):
    """February's meetings of a ward, packed for the level above (``ctx``)."""
    shutil.copy(template_db, tmp_path / "ward.sqlite")
    ward = open_context(tmp_path / "ward.sqlite", today=ctx.today)
    try:
        ex.init_unit(ward, "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "ĐẢNG BỘ QUẬN", "Bình Tiên")
        ex.init_unit(ctx, "BAN TUYÊN GIÁO QUẬN", "ĐẢNG BỘ THÀNH PHỐ", "Hà Nội")
        ex.write_key_file(ward, tmp_path / "ward.key")
        ex.write_key_file(ctx, tmp_path / "upper.key")
        ex.add_unit(ctx, tmp_path / "ward.key", "child")
        ex.add_unit(ward, tmp_path / "upper.key", "parent")
        make_meetings(ward, 60)                  # January to March 2026
        path = tmp_path / "gói tháng 2 #1.tgx"   # spaces, Vietnamese letters, a '#'
        ex.export_records(ward, path, period=Period.parse("2026-02"))
    finally:
        ward.close()
    return path


@pytest.fixture
def window(qtbot, ctx):
    win = MainWindow(ctx, DataBus())
    qtbot.addWidget(win)
    win.show()
    return win


def wait(qtbot, tab) -> None:
    with qtbot.waitSignal(tab.task.finished, timeout=120_000):
        pass


def test_open_package_shows_the_dry_run(qtbot, window, ctx, package):
    before = dump(ctx)
    tab = window.open_package(package)
    wait(qtbot, tab)
    page = window.pages["exchange"]
    assert window.current_page() is page and page.tabs.currentWidget() is tab
    assert tab.path == package and tab.path_label.text() == str(package)
    assert tab.report is not None and tab.report.dry_run
    [row] = tab.model.rows
    assert row.unit == "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN" and row.counts["added"] > 0
    assert "CHẠY THỬ" in tab.state.text() and tab.import_button.isEnabled()
    assert dump(ctx) == before                    # a dry run writes nothing
    tab.import_button.click()                     # the officer's "Nhập"
    wait(qtbot, tab)
    assert not tab.report.dry_run and dump(ctx) != before


def test_a_missing_file_gets_the_pages_message(qtbot, window, ctx, tmp_path):
    before = dump(ctx)
    tab = window.open_package(tmp_path / "không có.tgx")
    wait(qtbot, tab)
    assert window.current_page() is window.pages["exchange"]
    assert "Không tìm thấy tệp" in tab.state.text() and "không có.tgx" in tab.state.text()
    assert "Dữ liệu không thay đổi" in tab.state.text()
    assert not tab.import_button.isEnabled() and tab.model.rowCount() == 0
    assert dump(ctx) == before


def test_a_file_that_is_not_a_package_is_refused(qtbot, window, ctx, tmp_path):
    ex.init_unit(ctx, "BAN TUYÊN GIÁO QUẬN", "ĐẢNG BỘ THÀNH PHỐ", "Hà Nội")
    bad = tmp_path / "ảnh.tgx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not a package")
    tab = window.open_package(bad)
    wait(qtbot, tab)
    assert "bị từ chối" in tab.state.text() and not tab.import_button.isEnabled()
