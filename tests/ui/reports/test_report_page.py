"""The report screen: kind and period show the pages and the figures, the
officer's words (kept across periods, saved automatically and when the window
closes), a period without data or not begun yet, a missing unit, the format
dialog."""

from __future__ import annotations

import pytest
from report_pages import choose, make_page, pdf_text, wait_task

from tgdesk.domain.period import Period, PeriodKind
from tgdesk.services import issuing, register
from tgdesk.services.settings_store import PROFILE_OVERRIDES, get_setting
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.reports import report_actions
from tgdesk.ui.reports.report_format_dialog import FormatDialog
from tgdesk.ui.reports.report_preview import page_count

pytestmark = pytest.mark.gui


def test_choosing_kind_and_period_shows_the_pages(qtbot, page, demo):
    choose(qtbot, page, "work", Period.parse("2026-10"))
    expected = page_count(issuing.preview_pdf(demo, "work", Period.parse("2026-10")))
    assert expected >= 2
    assert page.preview.page_count() == expected
    assert len(page.preview.labels) == expected
    assert page.preview.pages_label.text() == f"{expected} trang"
    assert "tháng 10 năm 2026" in page.title.text()            # the figures tab follows
    choose(qtbot, page, "opinion", Period.half(2026, 1))
    assert page.preview.page_count() == page_count(
        issuing.preview_pdf(demo, "opinion", Period.half(2026, 1)))
    # zoom 100%: an A4 page is 794 px wide at 96 dpi
    page.preview.zoom.setCurrentIndex(page.preview.zoom.findData(1.0))
    assert abs(page.preview.labels[0].pixmap().width()
               / page.preview.labels[0].pixmap().devicePixelRatio() - 794) <= 2


def test_words_survive_a_change_of_period(qtbot, page, demo):
    choose(qtbot, page, "work", Period.parse("2026-10"))
    page.editor.boxes["strengths"].setPlainText("Ưu điểm tháng Mười.\nĐoạn thứ hai.")
    assert page.dirty
    choose(qtbot, page, "work", Period.parse("2026-09"))
    # September starts from the latest report's words (October's draft)
    assert page.editor.boxes["strengths"].toPlainText() == "Ưu điểm tháng Mười.\nĐoạn thứ hai."
    page.editor.boxes["strengths"].setPlainText("Ưu điểm tháng Chín.")
    choose(qtbot, page, "work", Period.parse("2026-10"))
    assert page.editor.boxes["strengths"].toPlainText() == "Ưu điểm tháng Mười.\nĐoạn thứ hai."
    assert register.draft(demo, "work", "2026-10").texts["strengths"] == [
        "Ưu điểm tháng Mười.", "Đoạn thứ hai."]
    assert register.draft(demo, "work", "2026-09").texts["strengths"] == "Ưu điểm tháng Chín."


def test_edited_figures_paragraph_is_kept_and_can_be_restored(qtbot, page, demo):
    choose(qtbot, page, "work", Period.parse("2026-10"))
    box = page.editor.figures["Công tác tuyên truyền"]
    generated = box.edit.toPlainText()
    assert generated.startswith("Trong tháng,") and not box.restore.isEnabled()
    box.edit.setPlainText("Trong tháng, tổ chức nhiều hội nghị (sửa tay).")
    assert box.restore.isEnabled() and box.note.text() == "Đoạn đã sửa tay."
    page.save_action.trigger()                    # Ctrl+S: save and refresh the pages
    wait_task(qtbot, page)
    figures = register.draft(demo, "work", "2026-10").texts[register.FIGURES]
    assert figures["Công tác tuyên truyền"]["text"] == ("Trong tháng, tổ chức nhiều hội nghị "
                                                        "(sửa tay).")
    text = pdf_text(page.preview.data())
    assert "(sửa tay)" in text
    page.refresh()
    box = page.editor.figures["Công tác tuyên truyền"]
    assert box.edit.toPlainText().endswith("(sửa tay).")
    box.restore.click()
    assert box.edit.toPlainText() == generated
    page.save_draft(True)
    wait_task(qtbot, page)
    assert register.FIGURES not in register.draft(demo, "work", "2026-10").texts


def test_words_are_saved_automatically_and_when_the_window_closes(qtbot, demo):
    from tgdesk.ui.main_window import MainWindow
    win = MainWindow(demo, DataBus())
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("figures")
    wait_task(qtbot, page)
    choose(qtbot, page, "opinion", Period.parse("2026-10"))
    page.editor.boxes["mood"].setPlainText("Tâm trạng phấn khởi.")
    assert page.autosave.isActive() and register.draft(demo, "opinion", "2026-10") is None
    page.autosave.timeout.emit()               # as when typing has stopped for a moment
    assert register.draft(demo, "opinion", "2026-10").texts["mood"] == "Tâm trạng phấn khởi."
    assert page.state.text().startswith("Bản nháp đã lưu lúc")
    page.editor.boxes["outlook"].setPlainText("Dự báo ổn định.")
    win.show_page("overview")                   # leaving the page saves
    assert register.draft(demo, "opinion", "2026-10").texts["outlook"] == "Dự báo ổn định."
    page = win.show_page("figures")
    wait_task(qtbot, page)
    page.editor.boxes["hostile"].setPlainText("Không phát hiện.")
    win.close()                                 # closing the window saves
    assert register.draft(demo, "opinion", "2026-10").texts["hostile"] == "Không phát hiện."


def test_a_period_without_data_still_previews(qtbot, page):
    choose(qtbot, page, "work", Period.parse("2020-02"))
    assert page.preview.page_count() >= 1
    assert not page.preview.message.isVisibleTo(page)


def test_future_period_and_missing_unit_say_why(qtbot, ctx, tmp_path, errors, monkeypatch):
    page = make_page(qtbot, ctx, tmp_path)             # no unit set up
    assert "Cài đặt đơn vị" in page.preview.message.text()
    assert page.preview.page_count() == 0
    monkeypatch.setattr(report_actions.QFileDialog, "getExistingDirectory",
                        lambda *a: str(tmp_path / "out"))
    page.export_report()
    wait_task(qtbot, page)
    assert errors and "đơn vị" in errors[-1]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    page.issue_report()
    assert "đơn vị" in errors[-1]


def test_future_period(qtbot, page):
    page.chooser.set_period(PeriodKind.YEAR, 2027)
    wait_task(qtbot, page)
    assert "chưa bắt đầu" in page.preview.message.text()


def test_format_dialog_rejects_30_pt_and_saves_20(qtbot, page, demo):
    dialog = FormatDialog(demo, page)
    qtbot.addWidget(dialog)
    assert dialog.spacing.value() == 18
    dialog.spacing.setValue(30)
    assert dialog.try_save() is False
    assert "từ 18 đến 22 pt" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert get_setting(demo, PROFILE_OVERRIDES) is None
    dialog.spacing.setValue(20)
    dialog.line_end.setCurrentIndex(dialog.line_end.findData(";"))
    assert dialog.try_save() is True
    assert get_setting(demo, PROFILE_OVERRIDES) == {"line_spacing_pt": 20,
                                                    "recipient_line_end": ";"}
    again = FormatDialog(demo, page)
    qtbot.addWidget(again)
    assert again.spacing.value() == 20
    again.reset_defaults()
    assert again.spacing.value() == 18 and again.line_end.currentData() == ","
    assert again.try_save() is True
    assert get_setting(demo, PROFILE_OVERRIDES) == {}



def test_words_tab_names_every_section_in_order(qtbot, page):
    """The words tab reads 1, 2, 3, 4, 5 …: the sections written only from the
    figures (3. học tập, 4. dư luận) appear in their place with a link to them."""
    from PySide6.QtWidgets import QLabel

    choose(qtbot, page, "work", Period.parse("2026-10"))
    words = page.editor.words_scroll.widget()
    layout = words.layout()
    titles = [layout.itemAt(i).widget().text() for i in range(layout.count())
              if isinstance(layout.itemAt(i).widget(), QLabel)]
    numbers = [int(t[3]) for t in titles if t[:3] == "<b>" and t[3].isdigit()]
    assert numbers == sorted(numbers) and numbers[:7] == [1, 2, 3, 4, 5, 6, 7]
    note = next(w for w in words.findChildren(QLabel) if w.objectName() == "figures_note")
    assert note.text().startswith("<b>3. Học tập")
    note.linkActivated.emit("figures")
    assert page.editor.currentWidget() is page.editor.figures_scroll
