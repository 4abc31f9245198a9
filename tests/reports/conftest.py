"""A small database with a unit, catalogues and records over 2025–2026."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tgdesk.domain.records import (Meeting, OpinionCategory, OpinionNote, PartyDocument,
                                   StudySession, UnitSettings)
from tgdesk.services import kinds, unit
from tgdesk.services.context import open_context

TODAY = date(2026, 11, 24)

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                    place_name="Bình Tiên", doc_abbrev="ĐU", signer_authority="T/M ĐẢNG ỦY",
                    signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn An", profile="party")

MEETING_TYPES = ["giao_ban", "trien_khai", "so_ket", "tap_huan", "toa_dam"]
ATTITUDES = ["dong_tinh", "ban_khoan", "buc_xuc", "trai_chieu"]
CONCERNS = ["thap", "trung_binh", "cao", "diem_nong"]


def _weekday(d: date) -> date:
    return d + timedelta(days=1) if d.weekday() == 6 else d


def fill(ctx, months: list[tuple[int, int]], seed: int = 7, per_month: int = 3) -> None:
    rnd = random.Random(seed)
    unit.save_unit(ctx, UNIT)
    docs = [
        kinds.DOCUMENTS.create(ctx, PartyDocument(
            kind="nghi_quyet", number_symbol="35-NQ/TW", issued_on=date(2018, 10, 22),
            issuer="Bộ Chính trị",
            title="tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan "
                  "điểm sai trái, thù địch trong tình hình mới")).id,
        kinds.DOCUMENTS.create(ctx, PartyDocument(
            kind="ket_luan", number_symbol="01-KL/TW", issued_on=date(2021, 5, 18),
            issuer="Bộ Chính trị",
            title="tiếp tục thực hiện Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo tư "
                  "tưởng, đạo đức, phong cách Hồ Chí Minh")).id,
    ]
    cats = [kinds.CATEGORIES.create(ctx, OpinionCategory(name=n)).id
            for n in ("Đất đai", "Môi trường", "An ninh, trật tự", "Thủ tục hành chính")]
    for year, month in months:
        for k in range(per_month):
            day = _weekday(date(year, month, 3 + 7 * k))
            kinds.MEETINGS.create(ctx, Meeting(
                held_on=day, meeting_type=MEETING_TYPES[(k + month) % len(MEETING_TYPES)],
                title=f"Hội nghị {k + 1} tháng {month}", attendance=rnd.randint(30, 120),
                contributions=rnd.randint(2, 10)))
            expected = rnd.randint(80, 150)
            kinds.STUDIES.create(ctx, StudySession(
                held_on=_weekday(day + timedelta(days=1)), title=f"Học tập tháng {month}",
                document_ids=[docs[k % 2]], key_cadres=rnd.randint(5, 20),
                party_members_expected=expected,
                party_members_present=expected - rnd.randint(0, 8),
                non_party_officials=rnd.randint(0, 30), core_masses=rnd.randint(50, 400),
                union_members=rnd.randint(20, 200), reflections=rnd.randint(0, 40)))
            kinds.OPINIONS.create(ctx, OpinionNote(
                noted_on=_weekday(day + timedelta(days=2)), category_id=cats[(k + month) % 4],
                summary=f"Ý kiến về việc {k} tháng {month}", attitude=ATTITUDES[(k + month) % 4],
                concern=CONCERNS[(k * month) % 4], proposal="Đề nghị trả lời",
                follow_up="moi" if k % 2 else "da_giai_quyet", passed_to="Ủy ban nhân dân"))


@pytest.fixture(scope="session")
def filled_template(tmp_path_factory, template_db) -> Path:
    """A database with 23 months of records (built once, copied per test)."""
    path = tmp_path_factory.mktemp("filled") / "filled.sqlite"
    shutil.copy(template_db, path)
    ctx = open_context(path, today=lambda: TODAY)
    fill(ctx, [(2025, m) for m in range(1, 13)] + [(2026, m) for m in range(1, 12)])
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    return path


@pytest.fixture
def filled(filled_template, tmp_path):
    target = tmp_path / "filled.sqlite"
    shutil.copy(filled_template, target)
    ctx = open_context(target, today=lambda: TODAY)
    yield ctx
    ctx.close()


@pytest.fixture
def with_unit(ctx):
    """An empty database with only the unit set up."""
    unit.save_unit(ctx, UNIT)
    return ctx


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("reports")



@pytest.fixture(scope="session")
def matrix(filled_template, tmp_path_factory) -> dict:
    """{(kind, period code, profile): Rendered} for the 16 combinations (report_matrix.py)."""
    from report_matrix import render_matrix

    return render_matrix(filled_template, tmp_path_factory.mktemp("matrix"), TODAY)
