"""Shared by the record list tests: the opinion notes they filter, a list page
on them, and helpers to read and narrow the list."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from PySide6.QtCore import QPoint, QSettings, Qt

from tgdesk.domain.records import Area, OpinionCategory, OpinionNote
from tgdesk.services.kinds import AREAS, CATEGORIES, OPINIONS
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.records.record_page import RecordPage
from tgdesk.ui.records.record_specs import MEETING_PAGE, OPINION_PAGE

SUMMARY = 2        # column of the summary


def make_notes(ctx, catalogue) -> SimpleNamespace:
    """Four notes of November 2026 in two categories and two areas; one a hot spot
    overdue since 20/11, one settled."""
    n = SimpleNamespace(cat=catalogue["category"], area=catalogue["area"])
    n.order = CATEGORIES.create(ctx, OpinionCategory(name="An ninh trật tự")).id
    n.kp2 = AREAS.create(ctx, Area(name="Khu phố 2")).id

    def note(day, summary, **kw):
        kw.setdefault("category_id", n.cat)
        return OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, day), summary=summary,
                                                **kw)).id
    n.land = note(3, "Tranh chấp đất đai ở khu phố 1", area_id=n.area, attitude="buc_xuc",
                  concern="diem_nong", follow_up="dang_xu_ly", due_on=date(2026, 11, 20),
                  proposal="Đề nghị đối thoại")
    n.road = note(5, "Đường Lê Lợi xuống cấp", area_id=n.kp2, concern="cao")
    n.test = note(6, "Kết quả xét nghiệm dương tính", category_id=n.order, concern="thap")
    n.calm = note(8, "Đồng tình chủ trương chỉnh trang", attitude="dong_tinh",
                  concern="trung_binh", follow_up="da_giai_quyet")
    return n


def ini_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)


def make_page(qtbot, ctx, spec=OPINION_PAGE, settings=None):
    page = RecordPage(ctx, DataBus(), spec, settings=settings)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    return page


def meetings_page(qtbot, ctx):
    """The meetings list with the user's (redirected) settings."""
    page = RecordPage(ctx, DataBus(), MEETING_PAGE)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def titles(page):
    return [page.model.index(r, 2).data() for r in range(page.model.rowCount())]


def summaries(page):
    return [page.model.index(r, SUMMARY).data() for r in range(page.model.rowCount())]


def type_search(qtbot, page, text):
    """Type into the search box and wait for the debounced reload."""
    with qtbot.waitSignal(page.model.modelReset):
        page.search.setText(text)


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def click_header(qtbot, page, column):
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
