"""A few rows of every catalogue, inactive and deleted ones among them."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.records import Area, Campaign, Cell, OpinionCategory, PartyDocument, Person
from tgdesk.services import catalogue_ops
from tgdesk.services.kinds import AREAS, CAMPAIGNS, CATEGORIES, CELLS, DOCUMENTS, PEOPLE


@pytest.fixture
def catalogues(ctx):
    area = AREAS.create(ctx, Area(name="Khu phố 3", kind="khu_pho")).id
    AREAS.create(ctx, Area(name="Ấp 2", kind="ap"))
    CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3", secretary="Lê Văn Đức", member_count=42))
    old = CELLS.create(ctx, Cell(name="Chi bộ cũ", note="=1+1")).id
    catalogue_ops.set_active(ctx, "cells", old, False)
    gone = CELLS.create(ctx, Cell(name="Chi bộ đã xóa")).id
    CELLS.delete(ctx, gone)
    DOCUMENTS.create(ctx, PartyDocument(kind="nghi_quyet", number_symbol="35-NQ/TW",
                                        issued_on=date(2018, 10, 22), issuer="Bộ Chính trị",
                                        title="Về bảo vệ nền tảng tư tưởng của Đảng"))
    DOCUMENTS.create(ctx, PartyDocument(kind="chi_thi", number_symbol="05-CT/TW",
                                        issued_on=date(2016, 5, 15), issuer="Bộ Chính trị",
                                        title="Về học tập và làm theo Bác"))
    PEOPLE.create(ctx, Person(full_name="Trần Thị Bích Ngọc", role="bao_cao_vien",
                              phone="0903 123 456", area_id=area, online_team=True))
    PEOPLE.create(ctx, Person(full_name="Nguyễn Văn An", role="ctv_dlxh"))
    CATEGORIES.create(ctx, OpinionCategory(name="Đất đai", description="Tái định cư"))
    CAMPAIGNS.create(ctx, Campaign(name="Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của "
                                   "Đảng", starts_on=date(2026, 1, 19), ends_on=date(2026, 1, 23),
                                   note="Đại hội họp tại Hà Nội"))
    CAMPAIGNS.create(ctx, Campaign(name="An toàn giao thông"))
