"""Helpers of the JSON import tests: a good records file, counts of rows, the error of a file."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from tgdesk.services.errors import UserError
from tgdesk.services.jsonio import import_file
from tgdesk.store import tables as t


GOOD = {
    "format": "tgdesk-records",
    "version": 1,
    "cells": [{"name": "Chi bộ Khu phố 1", "secretary": "Nguyễn Văn Hùng", "member_count": 42}],
    "areas": [{"name": "Khu phố 1", "kind": "khu_pho"}, {"name": "Khu phố 2"}],
    "documents": [{"kind": "nghi_quyet", "number_symbol": "35-NQ/TW",
                   "issued_on": "2018-10-22", "issuer": "Bộ Chính trị",
                   "title": "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng"},
                  {"kind": "quy_dinh", "number_symbol": "144-QĐ/TW", "issued_on": "2024-05-09",
                   "issuer": "Bộ Chính trị", "title": "Về chuẩn mực đạo đức cách mạng"}],
    "categories": [{"name": "Đất đai – môi trường"}],
    "people": [{"full_name": "Trần Thị Mai", "role": "bao_cao_vien"},
               {"full_name": "Lê Văn Tâm", "role": "ctv_dlxh", "area": "Khu phố 1"}],
    "meetings": [{"held_on": "2026-11-05", "meeting_type": "giao_ban",
                  "title": "Giao ban công tác tuyên giáo tháng 11/2026", "attendance": 32,
                  "contributions": 6, "uuid": "0f8e7c1a-5b2d-4c3e-9a10-2b3c4d5e6f70"},
                 {"held_on": "2026-10-20", "meeting_type": "so_ket",
                  "title": "Sơ kết công tác tuyên giáo 9 tháng"}],
    "studies": [{"held_on": "2026-11-10", "title": "Học tập, quán triệt Nghị quyết 35",
                 "documents": ["35-NQ/TW", "144-QĐ/TW"], "cell": "Chi bộ Khu phố 1",
                 "speaker": "Trần Thị Mai", "party_members_expected": 40,
                 "party_members_present": 38, "core_masses": 12},
                {"held_on": "2026-11-11", "title": "Hội nghị toàn Đảng bộ",
                 "documents": ["35-NQ/TW"], "key_cadres": 30}],
    "opinions": [{"noted_on": "2026-11-12", "area": "Khu phố 1", "reporter": "Lê Văn Tâm",
                  "category": "Đất đai – môi trường", "summary": "Nhân dân phấn khởi.",
                  "attitude": "dong_tinh", "concern": "thap"}],
}


TABLES = (t.CellRow, t.AreaRow, t.DocumentRow, t.CategoryRow, t.PersonRow, t.CampaignRow,
          t.PropagandaRow, t.OnlineEntryRow, t.ModelRow,
          t.MeetingRow, t.StudyRow, t.OpinionRow)


def write(tmp_path, data, name="records.json") -> object:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def counts(ctx) -> list[int]:
    with ctx.reading() as session:
        return [session.scalar(select(func.count()).select_from(row)) for row in TABLES]


def error_of(ctx, path) -> str:
    before = counts(ctx)
    with pytest.raises(UserError) as info:
        import_file(ctx, path)
    assert counts(ctx) == before, "a failed import must change nothing"
    return str(info.value)


def write_ascii(tmp_path, data, name="bad.json"):
    """JSON with \\u escapes, so a lone surrogate can be written."""
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    return path
