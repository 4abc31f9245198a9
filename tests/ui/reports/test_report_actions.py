"""What the report screen does with a report: export (and a folder it cannot
write to), print, issue and freeze it, the register of issued reports (reopen,
export the stored files, start a correction)."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter
from report_pages import choose, pdf_text, wait_task

from tgdesk.domain.period import Period
from tgdesk.services import issuing, register
from tgdesk.ui.reports import report_actions
from tgdesk.ui.reports.report_preview import page_count
from tgdesk.ui.reports.report_register import IssuedModel

pytestmark = pytest.mark.gui


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
    monkeypatch.setattr(report_actions, "confirm_placeholders",
                        lambda parent, text: questions.append(text) or True)
    choose(qtbot, page, "work", Period.parse("2026-10"))
    page.editor.boxes["weaknesses"].setPlainText("Hạn chế do cán bộ viết.")
    page.issue_button.click()
    wait_task(qtbot, page)
    assert "(Số 01-BC/ĐU)" in questions[0] and "không sửa được" in questions[0]
    # weaknesses was filled; the propaganda, Nghị quyết 35 and Chỉ thị 05 sections are
    # written from the demo's records
    assert questions[0].startswith("Báo cáo còn 6 chỗ chưa điền:")
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


def test_issued_model(qtmodeltester, demo):
    issuing.issue(demo, "work", Period.parse("2026-09"), allow_placeholders=True)
    issuing.issue(demo, "opinion", Period.parse("2026-Q3"), allow_placeholders=True)
    model = IssuedModel()
    model.set_entries(register.issued_reports(demo))
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(2)] == ["02-BC/ĐU", "01-BC/ĐU"]
    assert model.index(0, 2).data() == "Báo cáo tình hình tư tưởng, dư luận xã hội"
    assert model.index(0, 3).data() == "Quý III năm 2026"

