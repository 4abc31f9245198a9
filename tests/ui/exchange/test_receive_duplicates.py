"""Nhận về: likely duplicates shown by the dry run, skipped unless "Giữ cả bản ghi
trùng" is ticked (services/exchange/duplicates.py)."""

from __future__ import annotations

import shutil
import uuid
from datetime import date

import pytest
from sqlalchemy import select, update

from tgdesk.domain.period import Period
from tgdesk.services import exchange as ex
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo
from tgdesk.store import tables as t
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.exchange.exchange_page import ExchangePage

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 24)
NOV = Period.parse("2026-11")


@pytest.fixture
def sent_twice(template_db, tmp_path):
    """The level above holds the ward's November; the ward then sends it again
    under new UUIDs (as if it had entered the month a second time)."""
    ctxs = {}
    for name in ("ward", "upper"):
        (tmp_path / name).mkdir()
        shutil.copy(template_db, tmp_path / name / "tgdesk.sqlite")
        ctxs[name] = open_context(tmp_path / name / "tgdesk.sqlite", today=lambda: TODAY)
    ward, upper = ctxs["ward"], ctxs["upper"]
    load_demo(ward, years=1, seed=7)
    ex.init_unit(upper, "ĐẢNG ỦY QUẬN", "ĐẢNG BỘ THÀNH PHỐ", "Hà Nội")
    ex.write_key_file(ward, tmp_path / "ward.key")
    ex.write_key_file(upper, tmp_path / "upper.key")
    ex.add_unit(upper, tmp_path / "ward.key", "child")
    ex.add_unit(ward, tmp_path / "upper.key", "parent")
    ex.export_records(ward, tmp_path / "nov.tgx", "parent", period=NOV)
    ex.import_packages(upper, tmp_path / "nov.tgx")
    with ward.transaction() as session:
        for rid in session.scalars(select(t.MeetingRow.id)):
            session.execute(update(t.MeetingRow).where(t.MeetingRow.id == rid)
                            .values(uuid=str(uuid.uuid4())))
    ex.export_records(ward, tmp_path / "nov-lai.tgx", "parent", period=NOV)
    yield upper, tmp_path / "nov-lai.tgx"
    for c in ctxs.values():
        c.close()


def run(qtbot, recv, action) -> None:
    action()
    with qtbot.waitSignal(recv.task.finished, timeout=120_000):
        pass


def test_duplicates_are_shown_skipped_and_kept_when_ticked(qtbot, sent_twice):
    upper, package = sent_twice
    meetings = len(ex.received_rows(upper, "meetings"))
    page = ExchangePage(upper, DataBus())
    qtbot.addWidget(page)
    page.show()
    recv = page.show_tab(page.receive)
    assert not recv.keep_duplicates.isChecked()

    run(qtbot, recv, lambda: recv.preview(package))
    assert recv.report.dry_run and recv.report.duplicate_count() == meetings > 0
    assert f"{meetings} bản ghi có vẻ trùng với bản ghi đã có" in recv.state.text()
    assert f"{meetings} bản ghi có vẻ trùng với bản ghi đã có (bỏ qua)" in \
        recv.model.rows[0].note
    assert "trùng với hội nghị đã có ngày" in recv.details.toPlainText()
    run(qtbot, recv, recv.import_button.click)
    assert len(ex.received_rows(upper, "meetings")) == meetings      # skipped

    run(qtbot, recv, lambda: recv.preview(package))
    recv.keep_duplicates.setChecked(True)
    run(qtbot, recv, recv.import_button.click)
    assert recv.model.rows[0].counts["added"] == meetings
    assert "(vẫn nhập)" in recv.model.rows[0].note
    assert len(ex.received_rows(upper, "meetings")) == 2 * meetings
