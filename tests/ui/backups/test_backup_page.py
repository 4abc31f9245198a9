"""The "Sao lưu và khôi phục" page: back up now, restore a backup after a
confirmation (the other pages are told to reload), check and repair the data,
the backup settings; and the window's backups at start and exit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tgdesk.domain.records import Meeting
from tgdesk.services import backups
from tgdesk.services.backups import BackupSettings, get_backup_settings, make_backup
from tgdesk.services.kinds import MEETINGS
from tgdesk.ui.backups import backup_page
from tgdesk.ui.common import kit as exchange_common
from tgdesk.ui.backups.backup_page import BackupPage, backup_on_exit
from tgdesk.ui.common.events import ALL, DataBus
from tgdesk.ui.main_window import PAGES, MainWindow

pytestmark = pytest.mark.gui


def meeting(ctx, title: str) -> int:
    return MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 5), title=title)).id


def titles(ctx) -> set[str]:
    with ctx.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT title FROM meeting")}


@pytest.fixture
def answers(monkeypatch):
    state = {"confirm": True, "asked": [], "errors": [], "folder": None}

    def confirm(_parent, title, text):
        state["asked"].append((title, text))
        return state["confirm"]

    monkeypatch.setattr(backup_page, "confirm", confirm)
    monkeypatch.setattr(backup_page, "show_error", lambda _p, text: state["errors"].append(text))
    monkeypatch.setattr(exchange_common, "ask_folder", lambda *a: state["folder"])
    return state


@pytest.fixture
def page(qtbot, ctx, answers):
    bus = DataBus()
    page = BackupPage(ctx, bus)
    page.changes = []
    bus.data_changed.connect(page.changes.append)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    return page


def wait_task(qtbot, page) -> None:
    with qtbot.waitSignal(page.task.finished, timeout=60_000):
        pass


def shown(page) -> list[str]:
    return [page.model.row_at(r).path.name for r in range(page.model.rowCount())]


def test_backup_now_adds_a_row(qtbot, page, qtmodeltester):
    assert page.model.rowCount() == 0
    page.backup_button.click()
    wait_task(qtbot, page)
    assert page.model.rowCount() == 1
    info = page.model.row_at(0)
    assert info.label == "Sao lưu thủ công" and info.path.is_file()
    assert str(info.path) in page.message.text()
    qtmodeltester.check(page.model)


def test_restore_asks_then_restores_and_tells_the_other_pages(qtbot, ctx, page, answers):
    meeting(ctx, "Giao ban tháng 10")
    make_backup(ctx)
    meeting(ctx, "Giao ban tháng 11")
    page.refresh()
    page.view.selectRow(0)
    page.restore_button.click()
    wait_task(qtbot, page)                  # checking the backup
    wait_task(qtbot, page)                  # restoring
    title, question = answers["asked"][0]
    assert title == "Khôi phục dữ liệu"
    assert "bản sao của dữ liệu hiện tại" in question
    assert titles(ctx) == {"Giao ban tháng 10"}
    assert ALL in page.changes
    assert "Đã khôi phục" in page.message.text()
    assert any(n.endswith("-truoc-khoi-phuc.sqlite") for n in shown(page))
    assert answers["errors"] == []


def test_restore_declined_or_without_a_choice_changes_nothing(qtbot, ctx, page, answers):
    meeting(ctx, "Giao ban tháng 10")
    make_backup(ctx)
    meeting(ctx, "Giao ban tháng 11")
    page.refresh()
    page.restore_button.click()                 # nothing selected
    assert "Hãy chọn một bản sao" in answers["errors"][0]
    answers["confirm"] = False
    page.view.selectRow(0)
    page.restore_button.click()
    wait_task(qtbot, page)
    assert answers["asked"] and page.task.running is False
    assert titles(ctx) == {"Giao ban tháng 10", "Giao ban tháng 11"}
    assert len(shown(page)) == 1 and page.changes == []


def test_restore_of_a_bad_file_says_why(qtbot, page, answers, tmp_path, monkeypatch):
    junk = tmp_path / "rac.sqlite"
    junk.write_bytes(b"rac" * 50)
    monkeypatch.setattr(exchange_common, "ask_open_file", lambda *a: str(junk))
    page.restore_file_button.click()
    wait_task(qtbot, page)
    assert answers["asked"] == []
    assert "không phải" in answers["errors"][0]


def test_check_and_repair(qtbot, ctx, page):
    meeting(ctx, "Sơ kết công tác")
    page.check_button.click()
    wait_task(qtbot, page)
    assert "Dữ liệu tốt." in page.message.text() and page.repair_button.isHidden()
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM meeting_fts")
    page.check_button.click()
    wait_task(qtbot, page)
    assert "thiếu 1 bản ghi" in page.message.text()
    assert not page.repair_button.isHidden()
    page.repair_button.click()
    wait_task(qtbot, page)
    assert "đã sửa" in page.message.text() and page.repair_button.isHidden()
    assert ALL in page.changes


def test_settings_second_folder_and_counts(qtbot, ctx, page, answers, tmp_path):
    answers["folder"] = str(tmp_path)
    page.choose_button.click()
    assert page.folder_edit.text() == str(tmp_path)
    page.daily.setValue(5)
    page.monthly.setValue(24)
    assert page.save_settings()
    assert get_backup_settings(ctx) == BackupSettings(str(tmp_path.resolve()), 5, 4, 24)
    page.backup_button.click()
    wait_task(qtbot, page)
    assert {page.model.row_at(r).folder for r in range(page.model.rowCount())} == \
        {"chính", "thứ hai"}
    page.clear_button.click()
    assert page.save_settings() and get_backup_settings(ctx).second_folder is None
    answers["folder"] = str(tmp_path / "khong-co")
    page.choose_button.click()
    assert not page.save_settings()
    assert "Không tìm thấy thư mục" in answers["errors"][0]


def test_start_of_day_backup_runs_in_the_background(qtbot, page):
    statuses = []
    page.status.connect(statuses.append)
    page.automatic_backup("start")
    wait_task(qtbot, page)
    assert [page.model.row_at(0).reason] == ["tu-dong-dau-ngay"]
    assert statuses == ["Đã sao lưu tự động."]
    page.automatic_backup("start")
    wait_task(qtbot, page)
    assert page.model.rowCount() == 1                        # one a day


def test_backup_on_exit_only_when_the_data_changed(ctx):
    make_backup(ctx)
    backup_on_exit(ctx)
    assert len(backups.list_backups(ctx)) == 1
    meeting(ctx, "Giao ban")
    backup_on_exit(ctx)
    # the newer copy has the change; the same day's older copy is pruned (one a day is kept)
    assert [b.reason for b in backups.list_backups(ctx)] == ["tu-dong-khi-thoat"]


def test_read_only_page_cannot_restore_or_change_settings(qtbot, db_path):
    from tgdesk.services.context import open_read_only

    ctx = open_read_only(db_path)
    try:
        page = BackupPage(ctx, DataBus())
        qtbot.addWidget(page)
        assert not page.restore_button.isEnabled() and not page.save_button.isEnabled()
        assert page.backup_button.isEnabled() and page.check_button.isEnabled()
        page.close()
    finally:
        ctx.close()


def test_the_window_has_the_page(qtbot, ctx):
    window = MainWindow(ctx, DataBus())
    qtbot.addWidget(window)
    assert ("backups", "Sao lưu và khôi phục") in PAGES
    assert isinstance(window.show_page("backups"), BackupPage)


def test_screenshot(qtbot, page, tmp_path):
    make_backup(page.ctx)
    page.refresh()
    out = Path(tmp_path / "backups.png")
    assert page.grab().save(str(out)) and out.stat().st_size > 0
