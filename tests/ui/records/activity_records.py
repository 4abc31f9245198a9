"""Shared by the tests of the propaganda, online-team and model pages and dialogs:
the catalogue rows they choose and a few records of each kind (issue 15)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from PySide6.QtCore import Qt

from tgdesk.domain.records import (Area, Campaign, Cell, ExemplaryModel, OnlineEntry, Person,
                                   PropagandaActivity)
from tgdesk.services.kinds import AREAS, CAMPAIGNS, CELLS, MODELS, ONLINE, PEOPLE, PROPAGANDA


def make_refs(ctx) -> SimpleNamespace:
    """Two campaigns, areas and cells; two members of the online team (one no
    longer active), a person outside it."""
    r = SimpleNamespace()
    r.dai_hoi = CAMPAIGNS.create(ctx, Campaign(name="Chào mừng Đại hội XIV của Đảng")).id
    r.bau_cu = CAMPAIGNS.create(ctx, Campaign(name="Bầu cử đại biểu Quốc hội khóa XVI")).id
    r.kp1 = AREAS.create(ctx, Area(name="Khu phố 1")).id
    r.kp2 = AREAS.create(ctx, Area(name="Khu phố 2")).id
    r.cell1 = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1", member_count=40)).id
    r.cell2 = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 2", member_count=35)).id
    r.hoa = PEOPLE.create(ctx, Person(full_name="Lê Thị Hoa", online_team=True)).id
    r.ha = PEOPLE.create(ctx, Person(full_name="Phạm Thu Hà", online_team=True,
                                     active=False)).id
    r.tu = PEOPLE.create(ctx, Person(full_name="Ngô Văn Tư")).id
    return r


def make_activities(ctx, r) -> SimpleNamespace:
    """Three propaganda activities of November 2026, three online entries, three models."""
    a = SimpleNamespace()
    a.banners = PROPAGANDA.create(ctx, PropagandaActivity(
        held_on=date(2026, 11, 2), ends_on=date(2026, 11, 20), form="truc_quan",
        title="Treo băng rôn chào mừng Đại hội", campaign_id=r.dai_hoi, place="Đường Lê Lợi",
        area_id=r.kp1, cell_id=r.cell1, banners=12, flags=1250)).id
    a.radio = PROPAGANDA.create(ctx, PropagandaActivity(
        held_on=date(2026, 11, 5), form="loa_dai", title="Phát thanh lịch bầu cử",
        campaign_id=r.bau_cu, area_id=r.kp2, bulletins=8, minutes_on_air=45)).id
    a.talk = PROPAGANDA.create(ctx, PropagandaActivity(
        held_on=date(2026, 11, 9), form="mieng", title="Nói chuyện chuyên đề về Đại hội",
        campaign_id=r.dai_hoi, cell_id=r.cell2, sessions=2, people=180,
        note="Báo cáo viên Thành ủy")).id
    a.post = ONLINE.create(ctx, OnlineEntry(
        noted_on=date(2026, 11, 3), entry_kind="dang_tin", member_id=r.hoa, channel="zalo",
        summary="Chia sẻ bài về thành tựu của phường", posts=3, shares=120, reach=2400)).id
    a.found = ONLINE.create(ctx, OnlineEntry(
        noted_on=date(2026, 11, 6), entry_kind="phat_hien", member_id=r.hoa, channel="tiktok",
        summary="Clip xuyên tạc chủ trương sáp nhập", content_kind="xuyen_tac",
        action="chuyen_co_quan", passed_to="Công an phường", classification="mat")).id
    a.essay = ONLINE.create(ctx, OnlineEntry(
        noted_on=date(2026, 11, 10), entry_kind="du_thi", channel="website",
        summary="Bài dự thi Giải Búa liềm vàng", entries=2)).id
    a.street = MODELS.create(ctx, ExemplaryModel(
        noted_on=date(2026, 3, 1), subject="mo_hinh", name="Tuyến phố văn minh, sạch đẹp",
        theme="Xây dựng văn hóa", cell_id=r.cell1, area_id=r.kp1, assessed=True,
        replicated=True, recognition="khen_thuong", recognition_level="Đảng ủy phường",
        recognition_doc="Quyết định số 125-QĐ/ĐU", recognized_on=date(2026, 5, 15))).id
    a.person = MODELS.create(ctx, ExemplaryModel(
        noted_on=date(2026, 4, 2), subject="ca_nhan", name="Bà Nguyễn Thị Mai",
        description="Tổ trưởng tổ dân phố vận động hiến đất mở đường", cell_id=r.cell2,
        area_id=r.kp2)).id
    a.team = MODELS.create(ctx, ExemplaryModel(
        noted_on=date(2026, 6, 3), subject="tap_the", name="Chi hội Cựu chiến binh khu phố 2",
        recognition="bieu_duong", recognition_level="Ủy ban nhân dân phường", area_id=r.kp2)).id
    return a


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, (value, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def save(qtbot, dialog) -> None:
    """Press “Lưu” once."""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def column(page, title: str) -> list[str]:
    """The texts of the list's column ``title``, top to bottom."""
    col = [c.title for c in page.model.columns].index(title)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]
