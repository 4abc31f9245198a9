"""The report screen's guards and where it opens: issuing a report that still holds
placeholders asks with the list of them (Không by default); a filled one asks only
the usual question; the screen opens on the report due."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from report_pages import choose, make_page, wait_task

from tgdesk.domain.deadlines import DueRule
from tgdesk.domain.period import Period
from tgdesk.services import issuing, overview, register
from tgdesk.services.unit import Guidance, save_guidance
from tgdesk.ui.reports import report_actions

pytestmark = pytest.mark.gui

OCT = Period.month(2026, 10)
WORDS = {"advice": "Ban hành Kế hoạch số 45-KH/ĐU.", "propaganda": "Treo 40 băng rôn.",
         "ideology": "Đăng 25 tin, bài.", "ho_chi_minh": "Biểu dương 2 mô hình.",
         "other": "Cử 3 đồng chí dự lớp bồi dưỡng.", "strengths": "Đúng kế hoạch.",
         "weaknesses": "Còn chậm.", "tasks": "Tuyên truyền Đại hội.", "proposals": "Không có."}


def test_issuing_with_placeholders_asks_with_their_list(qtbot, page, demo, monkeypatch):
    asked = []
    answer = [False]
    monkeypatch.setattr(report_actions, "confirm_placeholders",
                        lambda parent, text: asked.append(text) or answer[0])
    monkeypatch.setattr(report_actions, "confirm",
                        lambda *a: pytest.fail("the plain question while placeholders remain"))
    choose(qtbot, page, "work", OCT)
    page.issue_button.click()
    wait_task(qtbot, page)
    text = asked[0]
    # 10 less the propaganda, Nghị quyết 35 and Chỉ thị 05 sections: written from the records
    assert text.startswith("Báo cáo còn 7 chỗ chưa điền:\n- Đoạn mở đầu: Thực hiện Hướng dẫn "
                           "số …-HD/BTGDVTU ngày …")
    assert "\n- I.1. Công tác tham mưu, chỉ đạo: [Nêu số kế hoạch" in text
    assert "Vẫn ban hành Báo cáo công tác tuyên giáo tháng 10 năm 2026?" in text
    assert "(Số 01-BC/ĐU)" in text
    # Không: nothing issued, the draft stays editable
    assert register.issued_reports(demo) == [] and page.frozen is None
    assert page.issue_button.isEnabled()
    # Có: issued as it is
    answer[0] = True
    page.issue_button.click()
    wait_task(qtbot, page)
    assert len(asked) == 2 and page.frozen is not None and page.frozen.number == 1


def test_a_filled_report_asks_only_the_usual_question(qtbot, page, demo, monkeypatch):
    save_guidance(demo, Guidance("12-HD/BTGDVTU", date(2026, 1, 5)))
    asked = []
    monkeypatch.setattr(report_actions, "confirm_placeholders",
                        lambda *a: pytest.fail("asked about placeholders of a filled report"))
    monkeypatch.setattr(report_actions, "confirm",
                        lambda parent, title, text: asked.append(text) or True)
    choose(qtbot, page, "work", OCT)
    for key, value in WORDS.items():
        page.editor.boxes[key].setPlainText(value)
    page.issue_button.click()
    wait_task(qtbot, page)
    assert asked[0].startswith("Ban hành Báo cáo công tác tuyên giáo tháng 10 năm 2026?")
    assert page.frozen is not None and page.frozen.number == 1


def test_the_placeholder_question_defaults_to_no(qtbot):
    box = report_actions.placeholder_box(None, "Báo cáo còn 2 chỗ chưa điền: …")
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Có, vẫn ban hành"
    assert box.button(QMessageBox.StandardButton.No).text() == "&Không"


def test_the_page_opens_on_the_earliest_overdue_report(qtbot, demo, tmp_path):
    # due on the 5th of the next month: October's report is overdue on 24/11/2026
    overview.save_deadlines(demo, {"month": DueRule(5, after_end=True)})
    page = make_page(qtbot, demo, tmp_path)
    assert (page.report_kind(), page.period()) == ("work", OCT)
    assert page.note.text() == ("Báo cáo quá hạn: Báo cáo công tác tuyên giáo tháng 10 năm "
                                "2026 – quá hạn 19 ngày (hạn nộp 05/11/2026).")
    assert page.current == ("work", OCT)          # the pages shown are that report's
    choose(qtbot, page, "work", Period.month(2026, 9))
    assert page.note.isHidden()                   # said once, when the page opens


def test_the_page_opens_on_the_next_report_due_when_none_is_overdue(qtbot, demo, tmp_path):
    for kind in ("work", "opinion"):
        issuing.issue(demo, kind, Period.month(2026, 11), allow_placeholders=True)
    page = make_page(qtbot, demo, tmp_path)
    assert (page.report_kind(), page.period()) == ("work", Period.half(2026, 2))
    assert page.chooser.part.currentText() == "6 tháng cuối năm"
    assert page.note.text().startswith("Báo cáo đến hạn: Báo cáo công tác tuyên giáo 6 tháng "
                                       "cuối năm 2026 – hạn nộp 15/12/2026, còn 21 ngày.")
