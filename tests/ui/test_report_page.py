"""The report screen: kind and period, the officer's words, the pages, export,
print, issue, the register of issued reports, the format dialog."""

from __future__ import annotations

import shutil
from datetime import date

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter

from tgdesk.domain.period import Period, PeriodKind
from tgdesk.services import issuing, register
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo
from tgdesk.services.settings_store import PROFILE_OVERRIDES, get_setting
from tgdesk.ui import report_actions, report_page
from tgdesk.ui.events import DataBus
from tgdesk.ui.report_format_dialog import FormatDialog
from tgdesk.ui.report_page import ReportPage
from tgdesk.ui.report_preview import page_count
from tgdesk.ui.report_register import IssuedModel

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 24)  # the conftest ctx fixture's today


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory, template_db):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copy(template_db, path)
    c = open_context(path, today=lambda: TODAY)
    load_demo(c, years=1, seed=5)
    with c.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    return path


@pytest.fixture
def demo(demo_template, tmp_path):
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, target)
    c = open_context(target, today=lambda: TODAY)
    yield c
    c.close()


def wait_task(qtbot, page):
    if page.task is not None and page.task.running:
        with qtbot.waitSignal(page.task.finished, timeout=60_000):
            pass


def make_page(qtbot, ctx, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = ReportPage(ctx, DataBus(), settings)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    wait_task(qtbot, page)
    return page


@pytest.fixture
def page(qtbot, demo, tmp_path):
    return make_page(qtbot, demo, tmp_path)


@pytest.fixture
def errors(monkeypatch):
    shown = []
    for module in (report_page, report_actions):
        monkeypatch.setattr(module, "show_error", lambda parent, text: shown.append(text))
    return shown


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def choose(qtbot, page, kind: str, period: Period):
    page.set_report(kind, period)
    wait_task(qtbot, page)


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


def test_export_writes_both_files_and_remembers_the_folder(qtbot, page, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    asked = []

    def choose_dir(parent, title, start):
        asked.append(start)
        return str(out)

    monkeypatch.setattr(report_actions.QFileDialog, "getExistingDirectory", choose_dir)
    choose(qtbot, page, "work", Period.parse("2026-10"))
    page.export_action.trigger()
    wait_task(qtbot, page)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["BaoCao_TuyenGiao_DangUyPhuongBinhTien_2026-10_DuThao.docx",
                     "BaoCao_TuyenGiao_DangUyPhuongBinhTien_2026-10_DuThao.pdf"]
    assert "Đã lưu" in page.note.text()
    page.export_report()
    wait_task(qtbot, page)
    assert asked[-1] == str(out)
    assert page.settings.value(report_actions.LAST_FOLDER) == str(out)


def test_export_to_an_unwritable_folder_shows_the_message(qtbot, page, tmp_path, monkeypatch,
                                                         errors):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(report_actions.QFileDialog, "getExistingDirectory",
                        lambda *a: str(blocker / "sub"))
    page.export_report()
    wait_task(qtbot, page)
    assert errors and errors[0].startswith("Không ghi được báo cáo vào thư mục")


def test_issue_numbers_the_report_freezes_it_and_reopens_it(qtbot, page, demo, tmp_path,
                                                           monkeypatch):
    questions = []
    monkeypatch.setattr(report_actions, "confirm",
                        lambda parent, title, text: questions.append(text) or True)
    choose(qtbot, page, "work", Period.parse("2026-10"))
    page.editor.boxes["weaknesses"].setPlainText("Hạn chế do cán bộ viết.")
    page.issue_button.click()
    wait_task(qtbot, page)
    assert "(Số 01-BC/ĐU)" in questions[0] and "không sửa được" in questions[0]
    assert page.frozen is not None and page.frozen.number == 1
    assert page.state.text().startswith("Đã ban hành: Số 01-BC/ĐU ngày 24/11/2026")
    model = page.issued.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "01-BC/ĐU"
    assert model.index(0, 1).data() == "24/11/2026"
    assert model.index(0, 3).data() == "Tháng 10 năm 2026"
    # frozen: the words cannot be edited, the draft is gone, Ctrl+S does nothing
    assert page.editor.boxes["weaknesses"].isReadOnly()
    assert page.editor.boxes["weaknesses"].toPlainText() == "Hạn chế do cán bộ viết."
    assert not page.issue_button.isEnabled() and page.copy_button.isVisible()
    assert register.draft(demo, "work", "2026-10") is None
    page.save_action.trigger()
    assert register.draft(demo, "work", "2026-10") is None
    stored = register.issued_files(demo, page.frozen.id)
    assert page.preview.data() == stored[2]

    # reopen from the register: read-only view, export byte for byte
    page.issued.select_id(page.frozen.id)
    dialog = page.open_issued(page.issued.selected_id())
    qtbot.addWidget(dialog)
    assert dialog.view.page_count() == page_count(stored[2])
    again = tmp_path / "again"
    monkeypatch.setattr(report_actions.QFileDialog, "getExistingDirectory", lambda *a: str(again))
    dialog.export_button.click()
    wait_task(qtbot, page)
    files = {p.suffix: p.read_bytes() for p in again.iterdir()}
    assert files == {".docx": stored[1], ".pdf": stored[2]}

    # a correction is a new draft with the same words; the issued one stays
    dialog.copy_button.click()
    wait_task(qtbot, page)
    assert page.frozen is None and not page.editor.boxes["weaknesses"].isReadOnly()
    assert page.editor.boxes["weaknesses"].toPlainText() == "Hạn chế do cán bộ viết."
    assert "đã ban hành Số 01-BC/ĐU" in page.state.text()
    assert register.draft(demo, "work", "2026-10") is not None
    assert [e.number for e in register.issued_reports(demo)] == [1]


def test_print_renders_every_page_to_a_printer(qtbot, page, tmp_path):
    choose(qtbot, page, "opinion", Period.parse("2026-10"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert page.print_to(printer) == page.preview.page_count() >= 1
    assert page_count(target.read_bytes()) == page.preview.page_count()


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


def test_issued_model(qtmodeltester, demo):
    issuing.issue(demo, "work", Period.parse("2026-09"))
    issuing.issue(demo, "opinion", Period.parse("2026-Q3"))
    model = IssuedModel()
    model.set_entries(register.issued_reports(demo))
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(2)] == ["02-BC/ĐU", "01-BC/ĐU"]
    assert model.index(0, 2).data() == "Báo cáo tình hình tư tưởng, dư luận xã hội"
    assert model.index(0, 3).data() == "Quý III năm 2026"


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


def test_issued_report_shows_its_stored_pages_not_todays_figures(qtbot, page, demo):
    issuing.issue(demo, "work", Period.parse("2026-09"))
    choose(qtbot, page, "work", Period.parse("2026-09"))
    assert page.frozen is not None and page.editor.figures == {}
    assert page.preview.data() == register.issued_files(demo, page.frozen.id)[2]
    assert not page.save_button.isEnabled() and not page.cutoff_on.isEnabled()


def test_cutoff_date_is_kept_with_the_draft(qtbot, page, demo):
    choose(qtbot, page, "work", Period.parse("2026-10"))
    assert not page.cutoff.isEnabled()
    assert page.cutoff.date().toString("dd/MM/yyyy") == "31/10/2026"
    page.cutoff_on.setChecked(True)
    wait_task(qtbot, page)
    page.cutoff.setDate(page.cutoff.date().fromString("15/10/2026", "dd/MM/yyyy"))
    wait_task(qtbot, page)
    assert register.draft(demo, "work", "2026-10").cutoff == date(2026, 10, 15)
    text = pdf_text(page.preview.data())
    assert "15 tháng 10 năm 2026" in text
    page.cutoff_on.setChecked(False)
    wait_task(qtbot, page)
    assert register.draft(demo, "work", "2026-10").cutoff is None
    assert "15 tháng 10 năm 2026" not in pdf_text(page.preview.data())


def test_a_preview_asked_for_while_one_renders_follows_it(qtbot, page):
    choose(qtbot, page, "work", Period.parse("2026-10"))
    page.refresh_preview()
    first = page.task
    assert first.running
    page.set_report("opinion", Period.parse("2026-09"))    # asks again while rendering
    with qtbot.waitSignal(first.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: page.task is not first, timeout=60_000)
    wait_task(qtbot, page)
    assert "TÌNH HÌNH TƯ TƯỞNG" in pdf_text(page.preview.data())
    assert "tháng 9 năm 2026" in pdf_text(page.preview.data())


def test_ctrl_p_refreshes_the_pages_then_prints_through_the_dialog(qtbot, page, tmp_path,
                                                                    monkeypatch):
    target = tmp_path / "ctrl-p.pdf"

    class FakePrintDialog:                     # the system dialog, answered "In"
        def __init__(self, printer, parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))

        def setWindowTitle(self, title):
            pass

        def exec(self):
            return report_actions.QDialog.DialogCode.Accepted

    monkeypatch.setattr(report_actions, "QPrintDialog", FakePrintDialog)
    assert [a.shortcut().toString() for a in (page.save_action, page.print_action,
                                              page.export_action)] == ["Ctrl+S", "Ctrl+P",
                                                                       "Ctrl+E"]
    choose(qtbot, page, "work", Period.parse("2026-10"))
    page.editor.boxes["proposals"].setPlainText("Đề nghị bổ sung kinh phí in ấn.")
    assert page.preview_stale
    page.print_action.trigger()
    wait_task(qtbot, page)
    assert "Đề nghị bổ sung kinh phí in ấn." in pdf_text(page.preview.data())
    assert page_count(target.read_bytes()) == page.preview.page_count()


def test_a_custom_range_is_chosen_previewed_and_kept(qtbot, page, demo):
    """"Tùy chọn": any two dates; an end before the start follows the start."""
    from tgdesk.domain.period import PeriodKind
    from tgdesk.ui.widgets import to_qdate

    chooser = page.chooser
    chooser.kind.setCurrentIndex(chooser.kind.findData(PeriodKind.CUSTOM.value))
    assert chooser.start.isVisibleTo(page) and not chooser.year.isVisibleTo(page)
    chooser.start.setDate(to_qdate(date(2026, 10, 5)))
    chooser.end.setDate(to_qdate(date(2026, 10, 1)))
    assert page.period() == Period.custom(date(2026, 10, 5), date(2026, 10, 5))
    wanted = Period.custom(date(2026, 10, 5), date(2026, 11, 20))
    chooser.end.setDate(to_qdate(wanted.end))
    assert page.period() == wanted
    wait_task(qtbot, page)
    page.refresh_preview()
    wait_task(qtbot, page)
    assert page.preview.page_count() == page_count(issuing.preview_pdf(demo, "work", wanted))
    # Away and back: set_value shows a custom range again.
    choose(qtbot, page, "work", Period.parse("2026-10"))
    choose(qtbot, page, "work", wanted)
    assert chooser.current_kind() is PeriodKind.CUSTOM and page.period() == wanted
