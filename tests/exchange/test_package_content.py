"""A valid signature is not valid content: manifests and rows of signed packages
are checked like typed input. A bad manifest refuses the package (nothing
changes); a bad row is refused alone and the rest is imported."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from tgdesk.domain import exchange as dx
from tgdesk.services import exchange as ex
from tgdesk.services.errors import UserError
from tgdesk.services.exchange import package as package_mod
from tgdesk.services.exchange.keys import ensure_identity
from tgdesk.services.exchange.package import write_package
from tgdesk.store import tables as t

from .conftest import dump

MADE = datetime(2026, 11, 24, 8)
STAMP = {"updated_at": "2026-11-03T08:00:00", "created_at": "2026-11-03T08:00:00",
         "deleted": False}
MEETING = {"held_on": "2026-11-03", "meeting_type": "giao_ban", "title": "Giao ban",
           "place": None, "chaired_by": None, "participants": None, "attendance": 10,
           "contributions": 2, "contents": None, "conclusions": None,
           "classification": "thuong", **STAMP}
CATEGORY = {"name": "Đất đai", "description": None, "active": True, **STAMP}
OPINION = {"noted_on": "2026-11-05", "source": "ctv", "summary": "Người dân băn khoăn.",
           "attitude": "ban_khoan", "concern": "cao", "proposal": None, "follow_up": "da_bao_cao",
           "passed_to": "UBND phường", "due_on": None, "classification": "thuong",
           "area": None, "reporter": None, **STAMP,
           "history": [{"status": "moi", "changed_on": "2026-11-05", "passed_to": None,
                        "note": None},
                       {"status": "da_bao_cao", "changed_on": "2026-11-06",
                        "passed_to": "UBND phường", "note": "Đã báo cáo"}]}


class _AsciiJson:
    """``json`` for the package writer, writing ASCII escapes (a forger's tool)."""

    loads = staticmethod(json.loads)

    @staticmethod
    def dumps(obj, **kw):
        return json.dumps(obj, **{**kw, "ensure_ascii": True})


class _Tweaked(dx.Manifest):
    """A manifest whose JSON is changed before it is signed (a forger's tool)."""

    tweak = None

    def to_json(self) -> dict:
        data = super().to_json()
        if self.tweak:
            self.tweak(data)
        return data


def build(pair, content, *, tweak=None, created_at=MADE, catalogue=False, ascii_json=False,
          monkeypatch=None) -> bytes:
    """A package signed by the real sender's key: from the ward to the level
    above, or (``catalogue``) from the level above to the ward."""
    sender, recipient = (pair.upper, pair.ward) if catalogue else (pair.ward, pair.upper)
    s, r = ensure_identity(sender), ensure_identity(recipient)
    m = _Tweaked(package_id=str(uuid.uuid4()),
                 kind=dx.KIND_CATALOGUE if catalogue else dx.KIND_RECORDS,
                 sender_id=s.unit_uuid, sender_name=s.name, recipient_id=r.unit_uuid,
                 recipient_name=r.name, created_at=created_at, app_version="t",
                 period_code=None if catalogue else "2026-11",
                 period_start=None if catalogue else "2026-11-01",
                 period_end=None if catalogue else "2026-11-30",
                 counts=ex.export.counts_of(content))
    m.tweak = tweak
    if ascii_json:      # \u escapes, so a lone surrogate can travel
        monkeypatch.setattr(package_mod, "json", _AsciiJson)
    return write_package(m, content, s.sign_private, r.box_public)


def put(pair, data: bytes, name: str = "p.tgx"):
    path = pair.tmp / name
    path.write_bytes(data)
    return path


def refused(pair, data: bytes, match: str, ctx=None) -> str:
    ctx = ctx or pair.upper
    before = dump(ctx)
    with pytest.raises(UserError, match=match) as info:
        ex.import_packages(ctx, put(pair, data))
    assert dump(ctx) == before
    return str(info.value)


def summary_of(pair, data: bytes, name: str = "p.tgx", ctx=None):
    rep = ex.import_packages(ctx or pair.upper, put(pair, data, name))
    return rep.summaries[0]


def reasons(s) -> str:
    return " | ".join(f"{r.uuid}: {r.reason}" for r in s.refused)


# --- the manifest -----------------------------------------------------------------

BROKEN = "manifest"


@pytest.mark.parametrize("tweak,match", [
    (lambda d: d.update(format_version=True), "phiên bản True"),
    (lambda d: d.update(format_version=1.0), "phiên bản 1.0"),
    (lambda d: d.update(period={"a": 1}), BROKEN),
    (lambda d: d["period"].update(code={"a": 1}), BROKEN),
    (lambda d: d["period"].update(code="2026-13"), BROKEN),
    (lambda d: d["period"].update(code="2026-12"), BROKEN),      # dates of 2026-11
    (lambda d: d.update(created_at="hôm qua"), BROKEN),
    (lambda d: d.update(created_at=20261124), BROKEN),
    (lambda d: d.update(created_at="2026-11-24T08:00:00+07:00"), BROKEN),
    (lambda d: d.update(since={"x": 1}), BROKEN),
    (lambda d: d["counts"]["meetings"].update(records=True), BROKEN),
    (lambda d: d["counts"]["meetings"].update(deleted="0"), BROKEN),
    (lambda d: d["counts"]["meetings"].update(records=dx.MAX_RECORDS + 1), BROKEN),
    (lambda d: d.update(held_back={"meetings": -1}), BROKEN),
    (lambda d: d["sender"].update(name={"x": 1}), BROKEN),
    (lambda d: d["sender"].update(name="Phường \ud800"), BROKEN),
])
def test_manifest_fields_are_type_checked(pair, tweak, match, monkeypatch):
    content = {"meetings": {str(uuid.uuid4()): MEETING}}
    refused(pair, build(pair, content, tweak=tweak, ascii_json=True,
                        monkeypatch=monkeypatch), match)


def test_a_package_made_in_the_future_is_refused(pair):
    later = t.utcnow() + timedelta(days=3)
    message = refused(pair, build(pair, {"meetings": {str(uuid.uuid4()): MEETING}},
                                  created_at=later), "đồng hồ")
    assert "sau thời điểm hiện tại" in message


def test_a_bad_manifest_in_a_folder_is_listed_with_a_printable_reason(pair, monkeypatch):
    folder = pair.tmp / "in"
    folder.mkdir()
    good = {"meetings": {str(uuid.uuid4()): MEETING}}
    (folder / "a.tgx").write_bytes(build(pair, good))
    (folder / "b.tgx").write_bytes(build(pair, good, tweak=lambda d: d["period"].update(
        code="2026-13")))
    rep = ex.import_packages(pair.upper, folder)
    assert rep.summaries[0].added == 1
    assert [name for name, _ in rep.refused_packages] == ["b.tgx"]
    rep.text().encode("utf-8")


# --- rows -----------------------------------------------------------------------------

def test_lone_surrogate_in_a_signed_package_is_refused_alone(pair, monkeypatch):
    bad_key = "\ud800" + str(uuid.uuid4())[1:]
    content = {"meetings": {str(uuid.uuid4()): MEETING,
                            str(uuid.uuid4()): dict(MEETING, title="Giao ban \ud800"),
                            str(uuid.uuid4()): dict(MEETING, place="Hội trường \udfff"),
                            bad_key: MEETING},
               "cells": {str(uuid.uuid4()): {"name": "Chi bộ \ud800", "secretary": None,
                                             "member_count": 3, "note": None, "active": True,
                                             **STAMP}}}
    s = summary_of(pair, build(pair, content, ascii_json=True, monkeypatch=monkeypatch))
    assert s.added == 1 and len(s.refused) == 4, reasons(s)
    assert "U+D800" in reasons(s) and "U+DFFF" in reasons(s)
    s.text().encode("utf-8")
    with pair.upper.reading() as session:
        stored = session.scalar(select(t.ExchangePackageRow.summary))
    assert stored.encode("utf-8") and "refused_rows" in stored


def test_999999999_party_members_are_refused(pair):
    content = {"meetings": {str(uuid.uuid4()): MEETING,
                            str(uuid.uuid4()): dict(MEETING, attendance=999_999_999)},
               "cells": {str(uuid.uuid4()): {"name": "Chi bộ 1", "secretary": None,
                                             "member_count": 999_999_999, "note": None,
                                             "active": True, **STAMP}}}
    s = summary_of(pair, build(pair, content))
    assert s.added == 1 and len(s.refused) == 2, reasons(s)
    assert reasons(s).count("vượt quá giới hạn") == 2


def test_unknown_field_in_a_row_is_refused(pair):
    content = {"meetings": {str(uuid.uuid4()): dict(MEETING, secret_note="x"),
                            str(uuid.uuid4()): MEETING}}
    s = summary_of(pair, build(pair, content))
    assert s.added == 1 and "“secret_note” không có trong định dạng" in reasons(s)


@pytest.mark.parametrize("when", ["9999", "9999-12-31T00:00:00", "2026-11-26T08:00:01"])
def test_updated_at_in_the_future_is_refused_and_a_later_correction_applies(pair, when):
    """Once, ``updated_at: 9999-…`` froze a row: every later genuine correction
    was "not newer" and silently ignored."""
    frozen, fine = str(uuid.uuid4()), str(uuid.uuid4())
    content = {"meetings": {frozen: dict(MEETING, updated_at=when),
                            fine: dict(MEETING, updated_at="2026-11-24T20:00:00")}}
    s = summary_of(pair, build(pair, content), "1.tgx")
    assert s.added == 1 and [r.uuid for r in s.refused] == [frozen], reasons(s)
    assert "thời điểm cập nhật" in reasons(s)
    # The genuine correction comes later, in a later package: it is applied.
    fixed = {"meetings": {frozen: dict(MEETING, title="Sửa đúng", updated_at="2026-11-30T08:00:00"),
                          fine: dict(MEETING, title="Sửa đúng",
                                     updated_at="2026-11-30T08:00:00")}}
    s2 = summary_of(pair, build(pair, fixed, created_at=datetime(2026, 11, 30, 9)), "2.tgx")
    assert (s2.added, s2.updated, s2.refused) == (1, 1, [])
    titles = {r["uuid"]: r["title"] for r in ex.received_rows(pair.upper, "meetings")}
    assert titles == {frozen: "Sửa đúng", fine: "Sửa đúng"}


def test_created_at_after_the_package_is_refused(pair):
    content = {"meetings": {str(uuid.uuid4()): dict(MEETING, created_at="2027-01-01T00:00:00")}}
    s = summary_of(pair, build(pair, content))
    assert s.added == 0 and "thời điểm tạo" in reasons(s)


def _opinions(**history_of: list) -> dict:
    cat = str(uuid.uuid4())
    rows = {}
    for _name, hist in history_of.items():
        rows[str(uuid.uuid4())] = dict(OPINION, category=cat, history=hist)
    return {"categories": {cat: CATEGORY}, "opinions": rows}


def test_follow_up_history_rows_are_validated(pair, monkeypatch):
    step = OPINION["history"][1]
    content = _opinions(
        good=OPINION["history"],
        unknown_status=[dict(step, status="xong")],
        future=[dict(step, changed_on="2027-01-01")],
        before_note=[dict(step, changed_on="2026-11-01")],
        bad_text=[dict(step, note="Ghi \ud800")],
        extra_key=[dict(step, who="x")],
        not_a_list={"status": "moi"},
        too_long=[step] * (dx.MAX_HISTORY + 1))
    s = summary_of(pair, build(pair, content, ascii_json=True, monkeypatch=monkeypatch))
    assert s.added == 2 and len(s.refused) == 7, reasons(s)     # the category and one note
    text = reasons(s)
    assert "lịch sử xử lý, bước 1: Tình trạng xử lý" in text
    assert "tương lai" in text and "trước ngày nắm bắt" in text and "U+D800" in text
    with pair.upper.reading() as session:
        steps = session.scalars(select(t.FollowUpRow.status).order_by(t.FollowUpRow.id)).all()
    assert steps == ["moi", "da_bao_cao"]


def test_settings_in_a_catalogue_package_are_checked(pair):
    content = {"settings": {"report_deadlines": {"month": {"day": 99}},
                            "profile_overrides": {"line_spacing_pt": "rộng"}}}
    s = summary_of(pair, build(pair, content, catalogue=True), ctx=pair.ward)
    assert s.updated == 0 and len(s.refused) == 2, reasons(s)
    assert "từ 1 đến 31" in reasons(s)
    good = {"settings": {"report_deadlines": {"month": {"day": 10, "after_end": True}}}}
    s = summary_of(pair, build(pair, good, catalogue=True), "g.tgx", ctx=pair.ward)
    assert s.settings_changed == ["hạn gửi báo cáo"] and not s.refused


def test_cli_refuses_a_forged_package_in_one_line(pair):
    import subprocess
    import sys
    content = {"meetings": {str(uuid.uuid4()): MEETING}}
    path = put(pair, build(pair, content, tweak=lambda d: d["period"].update(code="2026-13")))
    pair.upper.close()
    proc = subprocess.run([sys.executable, "-m", "tgdesk", "--db", str(pair.upper.db_path),
                           "import-package", str(path)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert proc.returncode == 2, proc.stderr
    # stderr: the progress lines ("[0/1] Kiểm tra p.tgx"), then the one message.
    errors = [ln for ln in proc.stderr.splitlines() if not ln.startswith("[")]
    assert errors == ["tgdesk: Gói “p.tgx” bị từ chối: Tệp kê khai (manifest) của gói bị hỏng "
                      "hoặc thiếu thông tin."]
