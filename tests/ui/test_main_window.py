from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tgdesk.domain.records import UnitSettings
from tgdesk.services import lists
from tgdesk.services.errors import UserError
from tgdesk.services.unit import save_unit
from tgdesk.ui import launch, main_window
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.main_window import PAGES, MainWindow
from tgdesk.ui.common.tasks import run_task

pytestmark = pytest.mark.gui

NAV = ["Tổng quan", "Hội nghị", "Học tập – quán triệt", "Dư luận xã hội", "Danh mục",
       "Báo cáo", "Cài đặt đơn vị", "Trao đổi dữ liệu", "Sao lưu và khôi phục"]


@pytest.fixture
def window(qtbot, ctx):
    win = MainWindow(ctx, DataBus())
    qtbot.addWidget(win)
    win.show()
    return win


def test_navigation_shows_each_page(window):
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == NAV
    for row, (key, _text) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[key]
        assert window.pages[key].isVisible()


def test_exchange_page_without_unit_offers_the_settings_page(window, ctx):
    page = window.show_page("exchange")
    text = page.units.me_name.text()
    assert "Cài đặt đơn vị" in text and "tgdesk init" not in text     # no command for a window
    assert page.units.settings_button.isVisible()
    page.units.settings_button.click()
    assert window.current_page() is window.pages["unit"]
    save_unit(ctx, UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ TP",
                                place_name="Bình Tiên", signer_name="Nguyễn Văn An"))
    window.show_page("exchange").refresh()
    assert not page.units.settings_button.isVisible()


def test_title_and_status_bar(window, ctx):
    assert window.windowTitle() == "tgdesk – chưa thiết lập đơn vị"
    assert str(ctx.db_path) in window.db_label.text()
    save_unit(ctx, UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ TP",
                                place_name="Bình Tiên", signer_name="Nguyễn Văn An"))
    window.bus.changed("unit")
    assert window.windowTitle() == "tgdesk – ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"


def test_ctrl_n_opens_the_dialog_of_the_current_page(window):
    page = window.show_page("meetings")
    window.add_action.trigger()
    assert page.dialog is not None and page.dialog.isVisible()
    assert page.dialog.windowTitle() == "Thêm hội nghị"
    page.dialog.reject()
    assert window.add_action.shortcut().toString() == "Ctrl+N"


def test_saving_in_one_page_refreshes_the_overview(window, ctx, make_meetings):
    overview = window.pages["overview"]
    assert overview.empty.isVisible() is False or overview.cards["meetings"].text() == "0"
    window.show_page("overview")
    assert overview.empty.isVisible()
    make_meetings(ctx, 3)
    window.bus.changed("meetings")
    assert not overview.empty.isVisible()
    assert window.pages["meetings"].model.total() == 3


def test_figures_page_shows_period_lines(window, ctx, make_meetings):
    from tgdesk.domain.period import PeriodKind
    make_meetings(ctx, 30)                       # January and February 2026
    page = window.show_page("figures")
    page.set_period(PeriodKind.MONTH, 2026, 1)
    lines = dict((a.strip(), b) for a, b in page.table.lines())
    assert "tháng 1 năm 2026" in page.title.text()
    assert int(lines["Hội nghị, cuộc họp"]) > 0
    page.set_period(PeriodKind.YEAR, 2026)
    assert lines != dict((a.strip(), b) for a, b in page.table.lines())
    assert dict((a.strip(), b) for a, b in page.table.lines())["Hội nghị, cuộc họp"] == "30"


def test_task_runs_off_the_gui_thread(qtbot):
    import threading
    seen = {}

    def work():
        seen["thread"] = threading.current_thread()
        return 42

    results, errors = [], []
    task = run_task(work, "Đang làm…", None, results.append, errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [42] and errors == []
    assert seen["thread"] is not threading.main_thread()

    def fail():
        raise UserError("Tệp không đúng định dạng.")

    task = run_task(fail, "Đang làm…", None, results.append, errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert errors == ["Tệp không đúng định dạng."]


def test_load_demo_from_menu(qtbot, window, ctx, monkeypatch):
    pytest.importorskip("tgdesk.services.demo")
    monkeypatch.setattr(main_window, "confirm", lambda *a: True)
    shown = []
    monkeypatch.setattr(main_window.QMessageBox, "information",
                        lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(main_window.QMessageBox, "warning",
                        lambda parent, title, text: shown.append(text))
    window.demo_action.trigger()
    with qtbot.waitSignal(window.task.finished, timeout=120_000):
        pass
    assert shown and lists.count(ctx, "meetings") > 0, shown
    assert window.pages["meetings"].model.total() == lists.count(ctx, "meetings")
    assert not window.pages["overview"].empty.isVisible()


def test_take_screenshots_writes_one_png_per_page(ctx, tmp_path, capsys):
    assert launch.take_screenshots(ctx, tmp_path) == 0
    printed = capsys.readouterr().out.split()
    for row, (key, _text) in enumerate(PAGES):
        path = tmp_path / f"{row + 1:02d}-{key}.png"
        assert str(path) in printed
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 800)
    assert len([p for p in printed if Path(p).suffix == ".png"]) >= len(PAGES)


def test_window_size_is_remembered_between_runs(qtbot, ctx):
    first = MainWindow(ctx, DataBus())
    qtbot.addWidget(first)
    first.show()
    first.resize(first.width(), 500)     # not the height a first run picks
    assert first.height() == 500
    first.close()
    second = MainWindow(ctx, DataBus())
    qtbot.addWidget(second)
    assert second.height() == 500
