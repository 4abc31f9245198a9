"""Excel on the list pages of the propaganda activities, the online team and the
exemplary models: the list as shown to a file (its filters and order, Mật left
out unless the officer says so), a file imported through its preview, the
template; a damaged or foreign file changes nothing. Real .xlsx files in tmp_path,
read back with openpyxl; the file dialogs are replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from activity_records import choose, column, make_activities, make_refs
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from record_lists import click_header, ini_settings, make_page

from tgdesk.services import excel, lists
from tgdesk.ui.common.app_settings import app_settings
from tgdesk.ui.common.import_preview import BAD, DUPLICATE, GOOD
from tgdesk.ui.records import record_excel
from tgdesk.ui.records.record_specs import (MEETING_PAGE, ONLINE_PAGE, OPINION_PAGE,
                                            PROPAGANDA_PAGE, RECORD_PAGES)

pytestmark = pytest.mark.gui


@pytest.fixture
def refs(ctx):
    return make_refs(ctx)


@pytest.fixture
def acts(ctx, refs):
    return make_activities(ctx, refs)


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(record_excel, "show_error", lambda _parent, text: shown.append(text))
    return shown


@pytest.fixture
def asked(monkeypatch):
    """The file dialogs, answered with ``asked.answer``; what they were asked is kept."""
    class Asked(list):
        answer: Path | None = None
    log = Asked()

    def fake(_parent, title, where):
        log.append((title, where))
        return None if log.answer is None else str(log.answer)
    monkeypatch.setattr(record_excel, "choose_open_path", fake)
    monkeypatch.setattr(record_excel, "choose_save_path", fake)
    return log


def page_of(qtbot, ctx, spec, tmp_path):
    page = make_page(qtbot, ctx, spec, ini_settings(tmp_path))
    page.statuses = []
    page.status.connect(page.statuses.append)
    return page


def run(qtbot, page, action) -> None:
    """Trigger a menu action of the “Excel” button and wait for its work."""
    action.trigger()
    qtbot.waitUntil(lambda: not page.excel.busy, timeout=30_000)


def sheet_rows(path: Path, kind: str) -> list[dict]:
    ws = load_workbook(path).worksheets[0]
    headers = [c.value for c in ws[1]]
    assert headers == [c.header for c in excel.RECORD_SPECS[kind].columns]
    return [dict(zip(headers, row)) for row in ws.iter_rows(min_row=2, values_only=True)]


def xlsx(path: Path, kind: str, rows: list[dict]) -> Path:
    """The template of ``kind`` with ``rows`` (header → value) typed under the header."""
    excel.write_record_template(kind, path)
    wb = load_workbook(path)
    headers = [c.header for c in excel.RECORD_SPECS[kind].columns]
    for row in rows:
        wb.worksheets[0].append([row.get(h) for h in headers])
    wb.save(path)
    return path


# --- the button --------------------------------------------------------------------------
def test_only_the_kinds_with_an_excel_service_have_the_button(qtbot, ctx, tmp_path):
    assert {p.kind for p in RECORD_PAGES if p.excel} == set(excel.RECORD_SPECS)
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, tmp_path)
    bar = [page.toolbar.itemAt(i).widget() for i in range(page.toolbar.count())]
    assert bar.index(page.excel_button) == bar.index(page.print_button) + 1
    assert page.excel_button.shortcut().toString() == "Alt+E"
    assert page.excel_button.menu() is page.excel.menu
    assert [a.text() for a in page.excel.menu.actions()] == [
        "&Xuất Excel…", "&Nhập từ Excel…", "Tải tệp &mẫu…"]
    for spec in (MEETING_PAGE, OPINION_PAGE):
        old = page_of(qtbot, ctx, spec, tmp_path)
        assert old.excel is None and not hasattr(old, "excel_button")


def test_the_menu_offers_no_export_of_an_empty_list_and_no_import_into_the_trash(
        qtbot, ctx, tmp_path, asked):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, tmp_path)
    page.excel.menu.aboutToShow.emit()
    assert not page.excel.export_action.isEnabled() and page.excel.import_action.isEnabled()
    page.excel.export()
    assert page.statuses == ["Danh sách trống, không có gì để xuất."] and asked == []
    page.trash.setChecked(True)
    page.excel.menu.aboutToShow.emit()
    assert not page.excel.import_action.isEnabled()


# --- export ------------------------------------------------------------------------------
def test_export_writes_the_list_as_filtered_and_sorted(qtbot, ctx, refs, acts, tmp_path,
                                                       asked, errors, monkeypatch):
    monkeypatch.setattr(record_excel, "ask_classified",
                        lambda *_a: pytest.fail("no Mật record in this list"))
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, tmp_path)
    with qtbot.waitSignal(page.model.modelReset):
        choose(page.filters.combos["campaign_id"], refs.dai_hoi)
    click_header(qtbot, page, [c.title for c in page.model.columns].index("Ngày"))
    shown = column(page, "Nội dung tuyên truyền")
    assert shown == ["Treo băng rôn chào mừng Đại hội",          # oldest first now
                     "Nói chuyện chuyên đề về Đại hội"]
    asked.answer = tmp_path / "tuyen_truyen"                    # no suffix typed
    run(qtbot, page, page.excel.export_action)
    assert errors == []
    title, suggested = asked[0]
    assert title == "Xuất danh sách hoạt động tuyên truyền ra Excel"
    assert Path(suggested).name == "Danh_sach_hoat_dong_tuyen_truyen_24-11-2026.xlsx"
    rows = sheet_rows(tmp_path / "tuyen_truyen.xlsx", "propaganda")
    assert [r["Nội dung tuyên truyền*"] for r in rows] == shown      # the list's rows, its order
    assert {r["Đợt, chủ đề"] for r in rows} == {"Chào mừng Đại hội XIV của Đảng"}
    assert page.statuses == ["Đã xuất 2 hoạt động tuyên truyền ra tệp “tuyen_truyen.xlsx”."]
    assert app_settings().value(record_excel.FOLDER_KEY) == str(tmp_path)


def test_export_runs_in_the_background(qtbot, ctx, acts, tmp_path, asked, monkeypatch):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, tmp_path)
    asked.answer = tmp_path / "ds.xlsx"
    task = page.excel.export()
    assert task is not None and page.excel.busy              # the click returned at once
    qtbot.waitUntil(lambda: not page.excel.busy)
    assert len(sheet_rows(tmp_path / "ds.xlsx", "propaganda")) == 3


def summaries(path: Path) -> list[str]:
    return [r["Nội dung*"] for r in sheet_rows(path, "online")]


def test_mat_records_are_left_out_unless_the_officer_says_so(qtbot, ctx, acts, tmp_path,
                                                              asked, monkeypatch):
    questions = []

    def answer(value):
        def ask(_parent, count):
            questions.append(count)
            return value
        monkeypatch.setattr(record_excel, "ask_classified", ask)

    page = page_of(qtbot, ctx, ONLINE_PAGE, tmp_path)
    secret = "Clip xuyên tạc chủ trương sáp nhập"
    asked.answer = tmp_path / "mang.xlsx"
    answer(False)
    run(qtbot, page, page.excel.export_action)
    assert questions == [1]
    assert len(summaries(tmp_path / "mang.xlsx")) == 2
    assert secret not in summaries(tmp_path / "mang.xlsx")
    assert page.statuses[-1] == ("Đã xuất 2 hoạt động trên mạng ra tệp “mang.xlsx”. 1 bản ghi "
                                 "Mật không được đưa vào tệp (chọn xuất cả bản ghi Mật nếu "
                                 "thật cần).")
    answer(True)
    run(qtbot, page, page.excel.export_action)
    everything = summaries(tmp_path / "mang.xlsx")
    assert secret in everything and len(everything) == 3
    answer(None)                                        # cancelled: no file is asked for
    asked.clear()
    run(qtbot, page, page.excel.export_action)
    assert asked == [] and page.statuses[-1] == "Đã hủy xuất Excel."


def press_in_question(key, seen: list[str]) -> None:
    """Press ``key`` in the message box about to open."""
    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            QTest.keyClick(box, key)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(20, poll)


def test_enter_in_the_question_leaves_the_mat_records_out_and_esc_cancels(
        qtbot, ctx, acts, tmp_path, asked):
    page = page_of(qtbot, ctx, ONLINE_PAGE, tmp_path)
    asked.answer = tmp_path / "mang.xlsx"
    seen: list[str] = []
    press_in_question(Qt.Key.Key_Return, seen)
    run(qtbot, page, page.excel.export_action)
    assert "Danh sách đang hiện có 1 bản ghi Mật." in seen[0]
    assert len(summaries(tmp_path / "mang.xlsx")) == 2
    (tmp_path / "mang.xlsx").unlink()
    press_in_question(Qt.Key.Key_Escape, seen)
    run(qtbot, page, page.excel.export_action)
    assert len(seen) == 2 and not (tmp_path / "mang.xlsx").exists()


# --- import ------------------------------------------------------------------------------
GOOD_ROW = {"Ngày*": "15/11/2026", "Hình thức*": "Trực quan",
            "Nội dung tuyên truyền*": "Treo khẩu hiệu mừng Đảng, mừng Xuân",
            "Đợt, chủ đề": "Chào mừng Đại hội XIV của Đảng", "Khu dân cư": "Khu phố 2",
            "Khẩu hiệu": 20}
BAD_ROW = {"Ngày*": "16/11/2026", "Hình thức*": "Bắn pháo hoa",
           "Nội dung tuyên truyền*": "Hình thức không có"}
SAME_ROW = {"Ngày*": "02/11/2026", "Hình thức*": "Trực quan",           # = acts.banners
            "Nội dung tuyên truyền*": "Treo băng rôn chào mừng Đại hội", "Khu dân cư": "Khu phố 1",
            "Băng rôn": 12}


def start_import(qtbot, page):
    page.excel.import_action.trigger()
    qtbot.waitUntil(lambda: not page.excel.busy, timeout=30_000)
    return page.excel.preview_dialog


def titles(ctx) -> list[str]:
    return sorted(r["title"] for r in lists.rows(ctx, "propaganda",
                                                 lists.record_ids(ctx, "propaganda")))


def test_import_previews_then_saves_the_good_rows_and_refreshes_the_list(
        qtbot, ctx, acts, tmp_path, asked, errors):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, tmp_path)
    before = titles(ctx)
    asked.answer = xlsx(tmp_path / "nhap.xlsx", "propaganda", [GOOD_ROW, BAD_ROW, SAME_ROW])
    dlg = start_import(qtbot, page)
    assert errors == [] and dlg.isVisible()
    assert dlg.windowTitle() == "Xem trước: nhập hoạt động tuyên truyền từ Excel"
    model = dlg.model
    assert [(e.row_number, e.status) for e in model.shown] == [(2, GOOD), (3, BAD),
                                                               (4, DUPLICATE)]
    headers = list(model.headers)
    assert headers[:5] == ["Dòng", "Kết quả", "Lý do, ghi chú", "Ngày", "Đến ngày"]
    cell = {h: model.index(0, i).data() for i, h in enumerate(headers)}   # the file's cells
    assert (cell["Ngày"], cell["Hình thức"], cell["Khẩu hiệu"]) == ("15/11/2026", "Trực quan",
                                                                      "20")
    assert "Hình thức" in model.index(1, 2).data() and model.index(1, 1).data() == "Lỗi – bỏ qua"
    assert "Trùng với" in model.index(2, 2).data()
    assert dlg.ok_button.text() == "Nhập 1 dòng hợp lệ"
    assert titles(ctx) == before                               # nothing saved yet
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.excel.busy)
    assert titles(ctx) == sorted(before + ["Treo khẩu hiệu mừng Đảng, mừng Xuân"])
    assert "Treo khẩu hiệu mừng Đảng, mừng Xuân" in column(page, "Nội dung tuyên truyền")
    assert page.footer.text() == "4 hoạt động tuyên truyền"
    assert page.statuses[-1] == "Đã nhập 1 hoạt động tuyên truyền từ Excel."


def test_duplicates_are_kept_only_when_ticked(qtbot, ctx, acts, tmp_path, asked, errors):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, tmp_path)
    asked.answer = xlsx(tmp_path / "nhap.xlsx", "propaganda", [GOOD_ROW, SAME_ROW])
    dlg = start_import(qtbot, page)
    dlg.keep_duplicates.setChecked(True)
    assert dlg.ok_button.text() == "Nhập 2 dòng (có 1 dòng trùng)"
    dlg.accept()
    qtbot.waitUntil(lambda: not page.excel.busy)
    assert errors == []
    assert titles(ctx).count("Treo băng rôn chào mừng Đại hội") == 2
    assert page.footer.text() == "5 hoạt động tuyên truyền"


def test_cancelling_the_preview_saves_nothing(qtbot, ctx, acts, tmp_path, asked, errors):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, tmp_path)
    asked.answer = xlsx(tmp_path / "nhap.xlsx", "propaganda", [GOOD_ROW])
    dlg = start_import(qtbot, page)
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    assert len(titles(ctx)) == 3
    assert page.statuses[-1] == "Đã hủy nhập từ Excel; không có gì được lưu."


def not_excel(path: Path) -> Path:
    path.write_text("Ngày;Hình thức;Nội dung\n15/11/2026;Trực quan;Băng rôn\n",
                    encoding="utf-8")
    return path


def cut_short(path: Path) -> Path:
    xlsx(path, "propaganda", [GOOD_ROW])
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


def foreign(path: Path) -> Path:
    wb = Workbook()
    wb.active.append(["STT", "Họ và tên", "Ngày sinh"])
    wb.active.append([1, "Nguyễn Văn An", "01/01/1980"])
    wb.save(path)
    return path


def other_kind(path: Path) -> Path:
    return xlsx(path, "models", [{"Ngày đăng ký*": "01/03/2026", "Loại*": "Mô hình",
                                  "Tên mô hình, tập thể, cá nhân*": "Khu phố sạch"}])


@pytest.mark.parametrize("make, message", [
    (not_excel, "không phải tệp Excel .xlsx hoặc đã bị hỏng"),
    (cut_short, "không phải tệp Excel .xlsx hoặc đã bị hỏng"),
    (foreign, "Tệp không đúng mẫu danh sách hoạt động tuyên truyền"),
    (other_kind, "Tệp không đúng mẫu danh sách hoạt động tuyên truyền"),
], ids=["not-excel", "cut-short", "foreign", "models-file"])
def test_a_damaged_or_foreign_file_gets_a_message_and_adds_nothing(
        qtbot, ctx, acts, tmp_path, asked, errors, make, message):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, tmp_path)
    asked.answer = make(tmp_path / "tep.xlsx")
    assert start_import(qtbot, page) is None
    assert len(errors) == 1 and message in errors[0], errors
    assert len(titles(ctx)) == 3 and page.footer.text() == "3 hoạt động tuyên truyền"


def test_no_file_chosen_does_nothing(qtbot, ctx, tmp_path, asked, errors):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, tmp_path)
    page.excel.import_action.trigger()
    assert not page.excel.busy and page.excel.preview_dialog is None and errors == []


# --- the template --------------------------------------------------------------------------
def test_the_template_is_written_where_chosen(qtbot, ctx, refs, tmp_path, asked, errors):
    page = page_of(qtbot, ctx, ONLINE_PAGE, tmp_path)
    asked.answer = tmp_path / "mau_nhom_35"                      # no suffix typed
    page.excel.template_action.trigger()
    target = tmp_path / "mau_nhom_35.xlsx"
    assert errors == [] and target.exists()
    assert Path(asked[0][1]).name == ("Mau_nhap_danh_sach_viec_cua_nhom_tuyen_truyen_tren_mang_"
                                      "nghi_quyet_35.xlsx")
    wb = load_workbook(target)
    assert [c.value for c in wb.worksheets[0][1]] == [c.header for c in
                                                       excel.RECORD_SPECS["online"].columns]
    assert excel.GUIDE_SHEET in wb.sheetnames
    assert page.statuses == ["Đã lưu tệp mẫu “mau_nhom_35.xlsx”. Điền dữ liệu từ dòng 2 rồi "
                             "chọn “Nhập từ Excel…”."]
    # The template imports again once filled in.
    xlsx(target, "online", [{"Ngày*": "20/11/2026",
                             "Loại việc*": "Đăng, chia sẻ thông tin tích cực",
                             "Thành viên nhóm": "Lê Thị Hoa", "Kênh*": "Zalo",
                             "Nội dung*": "Chia sẻ lịch tiếp công dân", "Bài đăng": 1}])
    asked.answer = target
    dlg = start_import(qtbot, page)
    assert [e.status for e in dlg.model.shown] == [GOOD], dlg.model.shown
    dlg.reject()
