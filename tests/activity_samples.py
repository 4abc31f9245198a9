"""A few records of each kind of issue 15 (propaganda activities, online-team
entries, exemplary models), with the catalogue rows they refer to: for the
Excel, JSON, package and command-line tests of these kinds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tgdesk.domain.records import (Area, Campaign, Cell, ExemplaryModel, OnlineEntry, Person,
                                   PropagandaActivity)
from tgdesk.services.context import Context
from tgdesk.services.kinds import AREAS, CAMPAIGNS, CELLS, MODELS, ONLINE, PEOPLE, PROPAGANDA

CAMPAIGN = "Chào mừng Đại hội XIV của Đảng (thử)"
AREA = "Khu phố Mười Bốn"
CELL = "Chi bộ Khu phố Mười Bốn"
MEMBER = "Đoàn Thị Mạng"


@dataclass
class Samples:
    refs: dict[str, int]
    ids: dict[str, list[int]] = field(default_factory=dict)    # kind -> ids (Thường)
    secret: dict[str, int] = field(default_factory=dict)       # kind -> id of a Mật one


def add_samples(ctx: Context) -> Samples:
    """Catalogue rows, then two Thường records of each kind and one Mật online entry."""
    refs = {"campaign": CAMPAIGNS.create(ctx, Campaign(name=CAMPAIGN,
                                                       starts_on=date(2026, 1, 5))).id,
            "area": AREAS.create(ctx, Area(name=AREA)).id,
            "cell": CELLS.create(ctx, Cell(name=CELL, member_count=30)).id,
            "member": PEOPLE.create(ctx, Person(full_name=MEMBER, role="tuyen_truyen_vien",
                                                online_team=True)).id}
    s = Samples(refs)
    s.ids["propaganda"] = [
        PROPAGANDA.create(ctx, PropagandaActivity(
            held_on=date(2026, 11, 2), ends_on=date(2026, 11, 20), form="truc_quan",
            title="Treo băng rôn, cờ chào mừng Đại hội", campaign_id=refs["campaign"],
            place="Đường Nguyễn Trãi", area_id=refs["area"], cell_id=refs["cell"],
            banners=12, slogans=4, flags=300, note="Phối hợp Đoàn phường")).id,
        PROPAGANDA.create(ctx, PropagandaActivity(
            held_on=date(2026, 11, 9), form="loa_dai", title="Phát thanh về Đại hội",
            place="Đài truyền thanh phường", bulletins=6, minutes_on_air=45)).id]
    s.ids["online"] = [
        ONLINE.create(ctx, OnlineEntry(
            noted_on=date(2026, 11, 5), entry_kind="dang_tin", member_id=refs["member"],
            channel="zalo", summary="Chia sẻ bài viết về Đại hội trong nhóm Zalo khu phố",
            link="https://example.vn/bai-1", posts=3, shares=40, reach=1200)).id,
        ONLINE.create(ctx, OnlineEntry(
            noted_on=date(2026, 11, 12), entry_kind="du_thi", channel="website",
            summary="Bài dự thi bảo vệ nền tảng tư tưởng của Đảng", entries=5)).id]
    s.secret["online"] = ONLINE.create(ctx, OnlineEntry(
        noted_on=date(2026, 11, 6), entry_kind="phat_hien", member_id=refs["member"],
        channel="tiktok", summary="Clip xuyên tạc chủ trương sáp nhập phường",
        content_kind="xuyen_tac", action="bao_cao_nen_tang", passed_to="Công an phường",
        classification="mat")).id
    s.ids["models"] = [
        MODELS.create(ctx, ExemplaryModel(
            noted_on=date(2026, 3, 1), subject="mo_hinh", name="Mô hình “Tuyến phố văn minh”",
            description="Giữ gìn vệ sinh, trật tự", theme="Chuyên đề năm 2026",
            cell_id=refs["cell"], area_id=refs["area"], registered=True, assessed=True,
            replicated=True, recognition="khen_thuong", recognition_level="Đảng ủy phường",
            recognition_doc="Quyết định số 12-QĐ/ĐU", recognized_on=date(2026, 5, 19))).id,
        MODELS.create(ctx, ExemplaryModel(
            noted_on=date(2026, 11, 3), subject="ca_nhan", name="Bà Nguyễn Thị Gương Mẫu",
            registered=True)).id]
    return s
