from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QImage

from tgdesk.domain.records import UnitSettings
from tgdesk.services import lists
from tgdesk.services.errors import UserError
from tgdesk.services.unit import save_unit
from tgdesk.ui import launch, main_window
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.main_window import PAGES, MainWindow
from tgdesk.ui.common.tasks import run_task

pytestmark = pytest.mark.gui

NAV = ["Tổng quan", "Hội nghị", "Học tập – quán triệt", "Tiến độ học tập", "Dư luận xã hội",
       "Hoạt động tuyên truyền", "Bảo vệ nền tảng tư tưởng", "Mô hình, điển hình (Chỉ thị 05)",
       "Danh mục", "Báo cáo", "Cài đặt đơn vị", "Người dùng", "Trao đổi dữ liệu",
       "Sao lưu và khôi phục", "Nhật ký"]


@pytest.fixture
def window(qtbot, ctx):
    win = MainWindow(ctx, DataBus())
    qtbot.addWidget(win)
    win.show()
    return win


def test_navigation_shows_each_page(window):
    # a long name may stand on two lines where the font is wide
    assert [window.nav.item(i).text().replace("\n", " ")
            for i in range(window.nav.count())] == NAV
    for row, (key, _text) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[key]
        assert window.pages[key].isVisible()


def test_pages_are_built_when_first_shown(window, ctx, make_meetings):
    """Only the overview exists at start; a page is built on first showing (by the
    navigation, Ctrl+1..9 and 0, show_page or pages[key]) and keeps its place after."""
    assert list(window.pages) == ["overview"]
    assert window.stack.count() == 1
    make_meetings(ctx, 2)
    window.bus.changed("meetings")               # heard by no page yet: none is built for it
    assert list(window.pages) == ["overview"]
    window.nav.setCurrentRow(1)
    meetings = window.pages["meetings"]
    assert window.current_page() is meetings and meetings.model.total() == 2    # fresh data
    go = window.findChildren(QAction)
    next(a for a in go if a.shortcut().toString() == "Ctrl+5").trigger()
    assert window.current_page() is window.pages["opinions"]
    assert set(window.pages) == {"overview", "meetings", "opinions"}
    backups = window.page("backups")             # built, not shown
    assert window.current_page() is window.pages["opinions"] and not backups.isVisible()
    assert window.show_page("meetings") is meetings and window.stack.count() == 4


def test_every_page_has_its_own_key_and_the_old_keys_stay(window):
    """Ctrl+1 … Ctrl+0 show the ten pages they always did; the record pages of
    issue 15 have Ctrl+Shift+1 … 3; the navigation's tooltips name the keys."""
    go = {a.text(): a for a in window.findChildren(QAction) if a.text() in NAV}
    keys = {text: go[text].shortcut().toString() for text in NAV}
    assert len(set(keys.values())) == len(NAV)
    assert keys["Danh mục"] == "Ctrl+6" and keys["Sao lưu và khôi phục"] == "Ctrl+0"
    for n, key in enumerate(("propaganda", "online", "models"), start=1):
        text = dict(PAGES)[key]
        assert keys[text] == f"Ctrl+Shift+{n}"
        go[text].trigger()
        assert window.current_page() is window.pages[key]
        row = [k for k, _t in PAGES].index(key)
        assert f"Phím tắt: Ctrl+Shift+{n}" in window.nav.item(row).toolTip()
    assert "Nghị quyết 35" in window.nav.item(6).toolTip()
    window.add_action.trigger()                      # Ctrl+N on the page shown
    dialog = window.pages["models"].dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Thêm mô hình, điển hình"
    dialog.reject()


def test_a_long_name_breaks_where_it_reads_well_when_it_does_not_fit():
    from PySide6.QtGui import QFont, QFontMetrics

    wide, narrow = QFont(), QFont()
    wide.setPixelSize(30)
    narrow.setPixelSize(8)
    text = dict(PAGES)["models"]
    assert main_window.nav_text("models", text, QFontMetrics(wide)) == \
        "Mô hình, điển hình\n(Chỉ thị 05)"
    assert main_window.nav_text("models", text, QFontMetrics(narrow)) == text
    assert main_window.nav_text("meetings", "Hội nghị", QFontMetrics(wide)) == "Hội nghị"


def test_a_page_built_late_reports_to_the_status_bar_and_opens_pages(window):
    catalogues = window.show_page("catalogues")
    catalogues.status.emit("Đã lưu lĩnh vực.")
    assert window.statusBar().currentMessage() == "Đã lưu lĩnh vực."
    window.show_page("exchange").open_page.emit("unit")
    assert window.current_page() is window.pages["unit"]


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
    meetings = window.pages["meetings"].model            # built now, on the new data
    qtbot.waitUntil(lambda: getattr(meetings, "is_counted", lambda: True)())
    assert meetings.total() == lists.count(ctx, "meetings")
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


def _unit(ctx) -> None:
    save_unit(ctx, UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ TP",
                                place_name="Bình Tiên", signer_name="Nguyễn Văn An"))


def test_the_window_quits_right_after_its_first_paint_when_asked(ctx, monkeypatch):
    """TGDESK_QUIT_AFTER_PAINT=1 (the start-up benchmark's path): run_window returns
    after the first paint, the overview alone built, no day's backup started."""
    _unit(ctx)
    monkeypatch.setenv(launch.QUIT_AFTER_PAINT, "1")
    seen = []
    after = launch._after_first_paint
    monkeypatch.setattr(launch, "_after_first_paint", lambda window, app: (
        seen.append((window.isVisible(), list(window.pages))), after(window, app)))
    assert launch.run_window(ctx) == 0
    assert seen == [(True, ["overview"])]
    made = [p.name for p in (ctx.db_path.parent / "backups").glob("*.sqlite")]
    assert not [name for name in made if "-tu-dong-dau-ngay" in name], made   # exit's only


def test_the_days_first_backup_starts_after_the_first_paint(ctx, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    _unit(ctx)
    monkeypatch.delenv(launch.QUIT_AFTER_PAINT, raising=False)
    QTimer.singleShot(300, lambda: QApplication.instance().closeAllWindows())
    assert launch.run_window(ctx) == 0
    made = sorted(p.name for p in (ctx.db_path.parent / "backups").iterdir())
    assert [name for name in made if name.endswith("-tu-dong-dau-ngay.sqlite")], made


def test_first_paint_calls_once_after_the_paint_or_at_the_latest(qtbot):
    from PySide6.QtWidgets import QLabel

    shown, hidden, calls = QLabel("Tổng quan"), QLabel("thu nhỏ"), []
    qtbot.addWidget(shown)
    qtbot.addWidget(hidden)
    launch.FirstPaint(shown, lambda: calls.append(("painted", shown.isVisible())), 1000)
    launch.FirstPaint(hidden, lambda: calls.append(("never painted", hidden.isVisible())), 1000)
    shown.show()
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert calls == [("painted", True)]
    qtbot.wait(1500)                   # the painted one's time-out is spent: no second call
    assert calls == [("painted", True), ("never painted", False)]
