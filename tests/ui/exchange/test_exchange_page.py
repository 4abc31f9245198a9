"""The "Trao đổi dữ liệu" page: two databases (a ward and the level above) on
one machine, driven through the window's tabs."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from db_dump import dump
from PySide6.QtCore import Qt

from tgdesk.domain.period import Period
from tgdesk.services import exchange as ex
from tgdesk.services import lists
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo
from tgdesk.services.kinds import MEETINGS
from tgdesk.services.unit import get_unit
from tgdesk.ui.common.widgets import error_text
from tgdesk.ui.exchange import exchange_units
from tgdesk.ui.common import kit as exchange_common
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.kit import Column, RowsModel, periods_between
from tgdesk.ui.exchange.exchange_page import ExchangePage

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 24)
UPPER = "BAN TUYÊN GIÁO VÀ DÂN VẬN ĐẢNG ỦY QUẬN"




@pytest.fixture
def two(template_db, tmp_path):
    ctxs = {}
    for name in ("ward", "upper"):
        (tmp_path / name).mkdir()
        shutil.copy(template_db, tmp_path / name / "tgdesk.sqlite")
        ctxs[name] = open_context(tmp_path / name / "tgdesk.sqlite", today=lambda: TODAY)
    load_demo(ctxs["ward"], years=1, seed=7)
    ex.init_unit(ctxs["upper"], UPPER, "ĐẢNG BỘ THÀNH PHỐ", "Hà Nội", signer="Phạm Thu Hà")
    yield ctxs["ward"], ctxs["upper"]
    for c in ctxs.values():
        c.close()


@pytest.fixture
def pages(qtbot, two):
    ward, upper = two
    out = []
    for ctx in (ward, upper):
        page = ExchangePage(ctx, DataBus())
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        out.append(page)
    return out


@pytest.fixture
def answers(monkeypatch):
    """What the officer would pick in file dialogs, and what the window told them."""
    state = {"save": None, "open": None, "folder": None, "told": [], "errors": []}
    monkeypatch.setattr(exchange_common, "ask_save_file", lambda *a: state["save"])
    monkeypatch.setattr(exchange_common, "ask_open_file", lambda *a: state["open"])
    monkeypatch.setattr(exchange_common, "ask_folder", lambda *a: state["folder"])
    monkeypatch.setattr(exchange_common, "tell", lambda _p, _t, text: state["told"].append(text))
    for module in ("exchange_units", "exchange_send", "exchange_receive", "exchange_conflicts",
                   "exchange_board"):
        monkeypatch.setattr(f"tgdesk.ui.exchange.{module}.show_error",
                            lambda _p, error: state["errors"].append(error_text(error)))
    return state


def register(page, key: Path, relation: str) -> None:
    dialog = page.units.open_key_file(key)
    assert dialog is not None and dialog.isVisible()
    dialog.relation.setCurrentIndex(dialog.relation.findData(relation))
    dialog.accept()


def exchange_keys(tmp_path, ward_page, upper_page):
    ex.write_key_file(ward_page.ctx, tmp_path / "ward.key")
    ex.write_key_file(upper_page.ctx, tmp_path / "upper.key")
    register(upper_page, tmp_path / "ward.key", "child")
    register(ward_page, tmp_path / "upper.key", "parent")


def wait_task(qtbot, tab) -> None:
    with qtbot.waitSignal(tab.task.finished, timeout=120_000):
        pass


def test_register_key_file_shows_fingerprint_first(qtbot, pages, tmp_path, answers,
                                                  monkeypatch):
    ward_page, upper_page = pages
    ward_ident = ex.ensure_identity(ward_page.ctx)
    upper_page.refresh()
    # This unit's fingerprint, in groups, big enough to read over the phone.
    own = ex.ensure_identity(upper_page.ctx).fingerprint
    assert upper_page.units.me_fingerprint.text() == exchange_units.spoken(own)
    assert upper_page.units.me_fingerprint.font().pointSizeF() >= 16
    answers["save"] = str(tmp_path / "upper.key")
    upper_page.units.export_key_button.click()
    assert ex.read_key_file(tmp_path / "upper.key").fingerprint == own

    ex.write_key_file(ward_page.ctx, tmp_path / "ward.key")
    dialog = upper_page.units.open_key_file(tmp_path / "ward.key")
    for group in ward_ident.fingerprint.split("-"):
        assert group in dialog.fingerprint.text()
    dialog.reject()                       # not confirmed: nothing saved
    assert upper_page.units.model.rowCount() == 0
    register(upper_page, tmp_path / "ward.key", "child")
    [unit] = upper_page.units.model.rows
    assert (unit.name, unit.relation, unit.fingerprint) == (
        get_unit(ward_page.ctx).name, "child", ward_ident.fingerprint)
    assert upper_page.units.model.index(0, 3).data() == "Đang hoạt động"

    # A bad key file: the service's message, nothing changes.
    (tmp_path / "bad.key").write_text("{not json", encoding="utf-8")
    before = dump(upper_page.ctx)
    assert upper_page.units.open_key_file(tmp_path / "bad.key") is None
    assert "không phải tệp khóa tgdesk" in answers["errors"][-1]
    assert dump(upper_page.ctx) == before

    # Rename, then move/merge are offered on the selected unit.
    assert not upper_page.units.rename_button.isEnabled()
    upper_page.units.view.selectRow(0)
    assert upper_page.units.rename_button.isEnabled()
    monkeypatch.setattr(exchange_common, "ask_text", lambda *a: "ĐẢNG ỦY PHƯỜNG MỚI")
    upper_page.units.rename_button.click()
    assert upper_page.units.model.rows[0].name == "ĐẢNG ỦY PHƯỜNG MỚI"
    assert ex.list_units(upper_page.ctx)[0].name == "ĐẢNG ỦY PHƯỜNG MỚI"
    # Moving under no parent works; merging needs another active unit.
    upper_page.units.view.selectRow(0)
    monkeypatch.setattr(exchange_common, "ask_item", lambda _p, _t, _l, items: items[0])
    upper_page.units.move_button.click()
    upper_page.units.view.selectRow(0)
    upper_page.units.merge_button.click()
    assert "Không có đơn vị đang hoạt động nào khác" in answers["errors"][-1]


def test_export_dry_run_import_receipt_and_board(qtbot, pages, tmp_path, answers):
    ward_page, upper_page = pages
    exchange_keys(tmp_path, ward_page, upper_page)
    upper = upper_page.ctx

    # Ward side: November to the level above, with the summary.
    send = ward_page.show_tab(ward_page.send)
    send.refresh()
    send.period.set_value(Period.parse("2026-11"))
    answers["save"] = str(tmp_path / "nov.tgx")
    send.export_button.click()
    assert (tmp_path / "nov.tgx").exists()
    assert "được đánh dấu Mật không được đưa vào gói" in send.summary.text()
    assert send.model.rowCount() == 1 and send.model.index(0, 2).data() == "Kỳ 2026-11"

    # Level above: dry run first, nothing written.
    recv = upper_page.show_tab(upper_page.receive)
    before = dump(upper)
    recv.preview(tmp_path / "nov.tgx")
    wait_task(qtbot, recv)
    assert dump(upper) == before
    assert recv.report.dry_run and recv.import_button.isEnabled()
    added = recv.model.rows[0].counts["added"]
    assert added > 0 and "CHẠY THỬ" in recv.state.text()
    # Then the import, off the GUI thread.
    recv.import_button.click()
    wait_task(qtbot, recv)
    assert not recv.report.dry_run and recv.model.rows[0].counts["added"] == added
    assert lists.count(upper, "meetings") == 0          # own lists stay the upper level's own
    assert len(ex.received_rows(upper, "meetings")) > 0
    # Receipts go back; the ward checks one.
    answers["folder"] = str(tmp_path / "receipts")
    recv.receipt_button.click()
    [receipt] = list((tmp_path / "receipts").iterdir())
    answers["open"] = str(receipt)
    send.receipt_button.click()
    assert "Biên nhận hợp lệ" in answers["told"][-1]
    assert send.model.index(0, 6).data() != "chưa có"   # the receipt date

    # The same file again changes nothing; a tampered copy is refused with the message.
    recv.preview(tmp_path / "nov.tgx")
    wait_task(qtbot, recv)
    assert recv.model.rows[0].counts["added"] == 0
    assert recv.model.rows[0].counts["unchanged"] == added
    data = bytearray((tmp_path / "nov.tgx").read_bytes())
    with zipfile.ZipFile(tmp_path / "nov.tgx") as zf:
        info = zf.getinfo("content.bin")
    data[info.header_offset + 30 + len(info.filename) + 100] ^= 1
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "tampered.tgx").write_bytes(bytes(data))
    before = dump(upper)
    recv.preview(tmp_path / "bad" / "tampered.tgx")
    wait_task(qtbot, recv)
    assert "bị từ chối" in recv.state.text() and not recv.import_button.isEnabled()
    assert dump(upper) == before

    # The completeness board shows the ward, November received.
    board = upper_page.show_tab(upper_page.board)
    board.first.set_value(Period.parse("2026-10"))
    board.last.set_value(Period.parse("2026-11"))
    board.refresh()
    assert board.model.rowCount() == 1 and board.model.columnCount() == 3
    assert board.model.headerData(2, Qt.Orientation.Horizontal) == "Tháng 11 năm 2026"
    nov = board.model.index(0, 2).data()
    assert nov.startswith(("Đúng hạn", "Trễ hạn")) and "gửi" in nov
    assert board.model.index(0, 1).data().startswith("Chưa gửi")
    assert board.model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
    # … and builds the consolidated report for the selected unit.
    board.report_period.set_value(Period.parse("2026-11"))
    board.chosen_units.setChecked(True)
    board.view.selectRow(0)
    answers["folder"] = str(tmp_path / "reports")
    board.report_button.click()
    wait_task(qtbot, board)
    names = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert [Path(n).suffix for n in names] == [".docx", ".pdf"]
    assert all("_TongHop" in n for n in names)

    # Downward: the catalogue package, imported by the ward in its own window.
    cat = upper_page.show_tab(upper_page.catalogue)
    cat.refresh()
    answers["save"] = str(tmp_path / "cat.tgx")
    cat.recipient.setCurrentIndex(1)
    cat.export_button.click()
    assert (tmp_path / "cat.tgx").exists() and "danh mục" in cat.summary.text().lower()
    wrecv = ward_page.show_tab(ward_page.receive)
    wrecv.preview(tmp_path / "cat.tgx")
    wait_task(qtbot, wrecv)
    wrecv.import_button.click()
    wait_task(qtbot, wrecv)
    assert not wrecv.report.refused_packages and wrecv.report.summaries


def test_conflict_shown_side_by_side_and_resolved(qtbot, pages, tmp_path, answers):
    ward_page, upper_page = pages
    exchange_keys(tmp_path, ward_page, upper_page)
    ward, upper = ward_page.ctx, upper_page.ctx
    nov = Period.parse("2026-11")
    ex.export_records(ward, tmp_path / "a.tgx", period=nov)
    ex.import_packages(upper, tmp_path / "a.tgx")
    row = ex.received_rows(upper, "meetings")[0]
    rec = MEETINGS.get(upper, row["id"])
    rec.title = "Sửa ở cấp trên"
    MEETINGS.update(upper, row["id"], rec)
    wid = next(i for i in lists.record_ids(ward, "meetings")
               if MEETINGS.get(ward, i).uuid == row["uuid"])
    wrec = MEETINGS.get(ward, wid)
    wrec.title = "Sửa ở phường"
    MEETINGS.update(ward, wid, wrec)
    ex.export_records(ward, tmp_path / "b.tgx", since_last=True)
    recv = upper_page.show_tab(upper_page.receive)
    recv.preview(tmp_path / "b.tgx")
    wait_task(qtbot, recv)
    assert recv.model.rows[0].counts["conflicts"] == 1
    recv.import_button.click()
    wait_task(qtbot, recv)
    assert "Xung đột" in recv.state.text()

    tab = upper_page.show_tab(upper_page.conflicts)
    assert tab.model.rowCount() == 1
    diffs = {tab.diff.index(r, 0).data(): (tab.diff.index(r, 1).data(), tab.diff.index(r, 2).data())
             for r in range(tab.diff.rowCount())}
    assert diffs["Tên, nội dung"] == ("Sửa ở cấp trên", "Sửa ở phường")
    tab.theirs_button.click()
    assert tab.model.rowCount() == 0 and ex.list_conflicts(upper) == []
    assert MEETINGS.get(upper, row["id"]).title == "Sửa ở phường"
    assert not tab.mine_button.isEnabled()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, pages, tmp_path, answers):
    ward_page, upper_page = pages
    exchange_keys(tmp_path, ward_page, upper_page)
    ex.export_records(ward_page.ctx, tmp_path / "n.tgx", period=Period.parse("2026-11"))
    ward_page.refresh()
    upper_page.refresh()
    for model in (ward_page.units.model, upper_page.units.model, ward_page.send.model,
                  upper_page.board.model, upper_page.conflicts.model, upper_page.conflicts.diff,
                  upper_page.receive.model):
        qtmodeltester.check(model)
    model = RowsModel([Column("A", str, lambda r: "#ffffff", True), Column("B", lambda r: "b")])
    model.set_rows([1, 2, 3])
    qtmodeltester.check(model)


def test_period_range_of_the_board():
    first, last = Period.parse("2025-11"), Period.parse("2026-02")
    assert [p.code() for p in periods_between(first, last)] == [
        "2025-11", "2025-12", "2026-01", "2026-02"]
    assert len(periods_between(Period.parse("2020-01"), Period.parse("2026-12"))) == 36


def test_page_without_unit_says_what_to_do(qtbot, ctx, answers):
    page = ExchangePage(ctx, DataBus())
    qtbot.addWidget(page)
    page.show()
    assert "chưa được thiết lập" in page.units.me_name.text()
    assert not page.units.export_key_button.isEnabled()
    assert not page.send.export_button.isEnabled()
    assert not page.board.empty.isHidden() and not page.board.report_button.isEnabled()


def test_a_key_change_through_the_window(qtbot, pages, tmp_path, answers, monkeypatch):
    ward_page, upper_page = pages
    exchange_keys(tmp_path, ward_page, upper_page)
    before = ex.ensure_identity(ward_page.ctx).fingerprint
    monkeypatch.setattr(exchange_units, "confirm", lambda *a: False)      # the officer says no
    ward_page.units.rekey_button.click()
    assert ex.ensure_identity(ward_page.ctx).fingerprint == before
    monkeypatch.setattr(exchange_units, "confirm", lambda *a: True)
    answers["save"] = str(tmp_path / "ward.keychange")
    with qtbot.waitSignal(ward_page.units.status) as said:
        ward_page.units.rekey_button.click()
    new = ex.ensure_identity(ward_page.ctx).fingerprint
    assert new != before and new in said.args[0]
    assert ward_page.units.me_fingerprint.text() == exchange_units.spoken(new)
    answers["open"] = str(tmp_path / "ward.keychange")
    upper_page.units.key_change_button.click()
    assert upper_page.units.model.rows[0].fingerprint == new
    upper_page.units.key_change_button.click()                      # the same file again
    assert answers["errors"] and "đã được nhận" in answers["errors"][-1]
