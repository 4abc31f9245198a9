"""The list pages of the propaganda activities, the online team's entries and the
exemplary models (issue 15): their columns (labels, dd/mm/yyyy, 1.250), filters,
search with marks, sort, the detail pane, add through the page, delete, undo,
the trash, and filters kept between runs."""

from __future__ import annotations

import pytest
from activity_records import choose, column, make_activities, make_refs
from record_lists import click_header, ini_settings, make_page, type_search

from tgdesk.services import lists
from tgdesk.ui.records import record_actions
from tgdesk.ui.records.record_specs import MODEL_PAGE, ONLINE_PAGE, PROPAGANDA_PAGE
from tgdesk.ui.records.search_marks import MARK_BACKGROUND

pytestmark = pytest.mark.gui


@pytest.fixture
def refs(ctx):
    return make_refs(ctx)


@pytest.fixture
def acts(ctx, refs):
    return make_activities(ctx, refs)


@pytest.fixture
def settings(tmp_path):
    return ini_settings(tmp_path)


def page_of(qtbot, ctx, spec, settings):
    return make_page(qtbot, ctx, spec, settings)


def filtered(qtbot, page, field, value) -> None:
    with qtbot.waitSignal(page.model.modelReset):
        choose(page.filters.combos[field], value)


def select_id(page, record_id) -> str:
    assert page.select_id(record_id)
    return page.detail.toHtml()


# --- propaganda -----------------------------------------------------------------------
def test_propaganda_list_shows_labels_ranges_and_figures(qtbot, ctx, acts, settings):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, settings)
    assert column(page, "Nội dung tuyên truyền") == [
        "Nói chuyện chuyên đề về Đại hội", "Phát thanh lịch bầu cử",
        "Treo băng rôn chào mừng Đại hội"]                       # newest first
    assert column(page, "Ngày") == ["09/11/2026", "05/11/2026", "02/11 – 20/11/2026"]
    assert column(page, "Hình thức") == ["Nói chuyện", "Loa, đài", "Trực quan"]
    assert column(page, "Số lượng")[2] == "12 băng rôn, 1.250 lá cờ"
    assert column(page, "Số lượng")[1] == "8 lượt phát thanh, 45 phút phát sóng"
    assert column(page, "Lượt người") == ["180", "", ""]
    assert column(page, "Đợt, chủ đề")[1] == "Bầu cử đại biểu Quốc hội khóa XVI"
    assert page.footer.text() == "3 hoạt động tuyên truyền"


def test_propaganda_filters_by_form_campaign_area_and_cell(qtbot, ctx, refs, acts, settings):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, settings)
    assert set(page.filters.combos) == {"propaganda_form", "campaign_id", "area_id", "cell_id"}
    filtered(qtbot, page, "campaign_id", refs.dai_hoi)
    assert sorted(page.model.all_ids()) == sorted([acts.banners, acts.talk])
    filtered(qtbot, page, "propaganda_form", "mieng")
    assert page.model.all_ids() == [acts.talk]
    assert "1 hoạt động tuyên truyền phù hợp" in page.footer.text()
    page.clear_filters()
    filtered(qtbot, page, "area_id", refs.kp2)
    assert page.model.all_ids() == [acts.radio]
    page.clear_filters()
    filtered(qtbot, page, "cell_id", refs.cell1)
    assert page.model.all_ids() == [acts.banners]
    assert "Mọi đợt, chủ đề" == page.filters.combos["campaign_id"].itemText(0)


def test_propaganda_search_marks_the_words_in_the_list_and_the_pane(qtbot, ctx, acts,
                                                                   settings):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, settings)
    type_search(qtbot, page, "bang ron")
    assert page.model.all_ids() == [acts.banners]
    html = select_id(page, acts.banners)
    assert MARK_BACKGROUND in html
    text = page.detail.toPlainText()
    assert text.startswith("Treo băng rôn chào mừng Đại hội")       # the title heads it
    assert "Ngày thực hiện: 02/11 – 20/11/2026" in text
    assert "Hình thức: Trực quan (băng rôn, khẩu hiệu, pano, áp phích, cờ)" in text
    assert "Cờ (Tổ quốc, Đảng): 1.250" in text and "Khu dân cư: Khu phố 1" in text
    assert "Bài đăng" not in text                                # no figure of another form
    type_search(qtbot, page, "thanh uy")                          # the note is searched too
    assert page.model.all_ids() == [acts.talk]
    select_id(page, acts.talk)
    assert "Ghi chú:\nBáo cáo viên Thành ủy" in page.detail.toPlainText()


def test_propaganda_sorts_by_the_quantity_column(qtbot, ctx, acts, settings):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, settings)
    with qtbot.waitSignal(page.model.modelReset):
        click_header(qtbot, page, page.model.column_of("quantity"))
    assert page.model.sort_state() == ("quantity", True)
    assert page.model.all_ids() == [acts.banners, acts.radio, acts.talk]    # 1.262, 8, 2


def test_propaganda_added_through_the_page_is_selected(qtbot, ctx, refs, acts, settings):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, settings)
    page.add_record()
    dialog = page.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Thêm hoạt động tuyên truyền"
    choose(dialog.form_combo, "an_pham")
    dialog.title.setText("Phát tờ rơi phòng cháy chữa cháy")
    dialog.quantities["copies"].setValue(500)
    assert dialog.try_save()
    assert page.selected_id() == dialog.saved.id
    assert "Tờ rơi, tài liệu (bản): 500" in page.detail.toPlainText()
    assert lists.count(ctx, "propaganda") == 4


# --- the online team --------------------------------------------------------------------
def test_online_list_filters_by_kind_and_channel(qtbot, ctx, acts, settings):
    page = page_of(qtbot, ctx, ONLINE_PAGE, settings)
    assert column(page, "Loại việc") == ["Bài dự thi", "Phát hiện sai trái", "Đăng, chia sẻ"]
    assert column(page, "Chia sẻ") == ["", "", "120"]
    assert column(page, "Tiếp cận") == ["", "", "2.400"]
    assert column(page, "Xử lý")[1] == "Chuyển cơ quan chức năng"
    assert column(page, "Độ mật")[1] == "Mật"
    assert set(page.filters.combos) == {"online_kind", "channel"}
    filtered(qtbot, page, "online_kind", "phat_hien")
    assert page.model.all_ids() == [acts.found]
    page.clear_filters()
    filtered(qtbot, page, "channel", "zalo")
    assert page.model.all_ids() == [acts.post]


def test_online_search_and_the_detail_pane(qtbot, ctx, acts, settings):
    page = page_of(qtbot, ctx, ONLINE_PAGE, settings)
    type_search(qtbot, page, "cong an")                  # passed_to is searched
    assert page.model.all_ids() == [acts.found]
    html = select_id(page, acts.found)
    assert MARK_BACKGROUND in html
    text = page.detail.toPlainText()
    assert "Loại thông tin xấu: Xuyên tạc, bôi nhọ" in text
    assert "Chuyển cho: Công an phường" in text and "Độ mật: Mật" in text
    assert "Thành viên nhóm: Lê Thị Hoa" in text
    assert "Nội dung:\nClip xuyên tạc chủ trương sáp nhập" in text


def test_online_delete_undo_and_trash(qtbot, ctx, acts, settings, monkeypatch):
    monkeypatch.setattr(record_actions, "confirm", lambda *a: True)
    page = page_of(qtbot, ctx, ONLINE_PAGE, settings)
    page.select_id(acts.essay)
    page.delete_record()
    assert lists.count(ctx, "online") == 2 and page.undo_bar.isVisible()
    assert "Bài dự thi Giải Búa liềm vàng" in page.undo_text.text()
    page.trash.setChecked(True)
    assert page.model.all_ids() == [acts.essay]
    page.trash.setChecked(False)
    page.undo_delete()
    assert lists.count(ctx, "online") == 3 and page.selected_id() == acts.essay


# --- the models ---------------------------------------------------------------------------
def test_models_list_filters_by_subject_recognition_cell_and_area(qtbot, ctx, refs, acts,
                                                                  settings):
    page = page_of(qtbot, ctx, MODEL_PAGE, settings)
    assert column(page, "Tên mô hình, điển hình") == [
        "Chi hội Cựu chiến binh khu phố 2", "Bà Nguyễn Thị Mai", "Tuyến phố văn minh, sạch đẹp"]
    assert column(page, "Nhân rộng") == ["", "", "✓"]
    assert column(page, "Biểu dương, khen thưởng") == [
        "Biểu dương – Ủy ban nhân dân phường", "", "Khen thưởng – Đảng ủy phường"]
    assert column(page, "Ngày khen")[2] == "15/05/2026"
    recognition = page.filters.combos["recognition"]
    assert recognition.itemText(recognition.findData("chua")) == "Chưa biểu dương, khen thưởng"
    filtered(qtbot, page, "recognition", "chua")
    assert page.model.all_ids() == [acts.person]
    page.clear_filters()
    filtered(qtbot, page, "model_subject", "tap_the")
    assert page.model.all_ids() == [acts.team]
    page.clear_filters()
    filtered(qtbot, page, "cell_id", refs.cell1)
    assert page.model.all_ids() == [acts.street]
    page.clear_filters()
    filtered(qtbot, page, "area_id", refs.kp2)
    assert sorted(page.model.all_ids()) == sorted([acts.person, acts.team])


def test_models_search_and_the_detail_pane(qtbot, ctx, acts, settings):
    page = page_of(qtbot, ctx, MODEL_PAGE, settings)
    type_search(qtbot, page, "hien dat")                  # the description is searched
    assert page.model.all_ids() == [acts.person]
    type_search(qtbot, page, "van minh")
    assert page.model.all_ids() == [acts.street]
    assert MARK_BACKGROUND in select_id(page, acts.street)
    text = page.detail.toPlainText()
    assert text.startswith("Tuyến phố văn minh, sạch đẹp")
    assert "Thực hiện: đã đăng ký, đã đánh giá, đã nhân rộng" in text
    assert "Quyết định: Quyết định số 125-QĐ/ĐU" in text and "Ngày khen: 15/05/2026" in text


def test_a_pages_filters_are_kept_between_runs(qtbot, ctx, refs, acts, settings):
    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, settings)
    filtered(qtbot, page, "campaign_id", refs.bau_cu)
    page.close()
    again = page_of(qtbot, ctx, PROPAGANDA_PAGE, settings)
    assert again.filters.combos["campaign_id"].currentData() == refs.bau_cu
    assert again.model.all_ids() == [acts.radio]


def test_a_campaign_added_elsewhere_is_offered_in_the_filter(qtbot, ctx, acts, settings):
    from tgdesk.domain.records import Campaign
    from tgdesk.services.kinds import CAMPAIGNS

    page = page_of(qtbot, ctx, PROPAGANDA_PAGE, settings)
    new = CAMPAIGNS.create(ctx, Campaign(name="Tháng hành động vì môi trường")).id
    assert page.filters.combos["campaign_id"].findData(new) < 0
    page.bus.changed("campaigns")
    assert page.filters.combos["campaign_id"].findData(new) > 0


@pytest.mark.parametrize("spec", [PROPAGANDA_PAGE, ONLINE_PAGE, MODEL_PAGE],
                         ids=lambda s: s.kind)
def test_an_unchanged_form_closes_at_once_and_a_changed_one_asks(qtbot, ctx, refs, spec,
                                                                 settings, monkeypatch):
    from tgdesk.ui.common import record_dialog

    asked = []
    monkeypatch.setattr(record_dialog, "ask_discard", lambda parent: asked.append(1) or False)
    page = page_of(qtbot, ctx, spec, settings)
    page.add_record()
    page.dialog.reject()
    assert asked == [] and not page.dialog.isVisible()
    page.add_record()
    dialog = page.dialog
    dialog.classification.setCurrentIndex(1)            # Mật
    dialog.reject()
    assert asked == [1] and dialog.isVisible()
    monkeypatch.setattr(record_dialog, "ask_discard", lambda parent: True)
    dialog.reject()
    assert not dialog.isVisible()


def test_the_detail_pane_says_who_made_and_last_changed_the_record(qtbot, ctx):
    from datetime import date

    from tgdesk.domain.records import PropagandaActivity
    from tgdesk.services.kinds import PROPAGANDA
    from tgdesk.ui.common.events import DataBus
    from tgdesk.ui.records.record_page import RecordPage
    from tgdesk.ui.records.record_specs import PROPAGANDA_PAGE

    ctx.actor = "lan"
    rec = PropagandaActivity(held_on=date(2026, 11, 2), form="an_pham", title="Phát tờ rơi",
                             copies=200)
    saved = PROPAGANDA.create(ctx, rec)
    ctx.actor = "hoa"
    rec.copies = 250
    PROPAGANDA.update(ctx, saved.id, rec)
    page = RecordPage(ctx, DataBus(), PROPAGANDA_PAGE)
    qtbot.addWidget(page)
    page.show()
    page.view.selectRow(0)
    text = page.detail.toPlainText()
    assert "Người tạo: lan, " in text and "Sửa lần cuối: hoa, " in text
