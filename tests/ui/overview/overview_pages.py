"""Shared by the overview tests: links that record what the page asks for, the
page itself, and a few notes and a study session of November 2026."""

from __future__ import annotations

from datetime import date

from tgdesk.domain.records import OpinionNote, StudySession
from tgdesk.services.kinds import OPINIONS, STUDIES
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.overview.overview_links import Links
from tgdesk.ui.overview.overview_page import OverviewPage

NOVEMBER = {"date_from": date(2026, 11, 1), "date_to": date(2026, 11, 30)}


class Calls(list):
    def links(self) -> Links:
        return Links(open_page=lambda key, flt: self.append(("page", key, flt)),
                     open_report=lambda kind, period: self.append(("report", kind, period)),
                     add_record=lambda key: self.append(("add", key)),
                     load_demo=lambda: self.append(("demo",)))


def page_maker(qtbot, ctx, calls: Calls):
    """A function that opens a new overview page on ``ctx``, shown, linked to ``calls``."""
    def make():
        page = OverviewPage(ctx, DataBus(), calls.links())
        qtbot.addWidget(page)
        page.resize(1060, 740)
        page.show()
        qtbot.waitExposed(page)
        return page
    return make


def add_data(ctx, catalogue) -> dict[str, int]:
    """A hot spot and a calm note of November, an overdue note of October, and a
    study session of November (36 of 40 members)."""
    def note(day, **kw):
        return OPINIONS.create(ctx, OpinionNote(noted_on=day, category_id=catalogue["category"],
                                                area_id=catalogue["area"],
                                                summary="Người dân phản ánh lấn chiếm vỉa hè",
                                                **kw)).id
    ids = {
        "hot": note(date(2026, 11, 3), concern="diem_nong", attitude="buc_xuc"),
        "late": note(date(2026, 10, 2), due_on=date(2026, 10, 20), proposal="Đề nghị xử lý"),
        "calm": note(date(2026, 11, 10), attitude="dong_tinh", concern="thap"),
    }
    STUDIES.create(ctx, StudySession(held_on=date(2026, 11, 5), title="Học tập Nghị quyết 35",
                                     document_ids=[catalogue["doc"]], cell_id=catalogue["cell"],
                                     speaker_id=catalogue["speaker"], party_members_expected=40,
                                     party_members_present=36, core_masses=10))
    return ids
