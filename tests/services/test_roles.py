"""What each role may do (issue 12, item 2), checked where the work starts in the
services: Quản trị keeps the unit's settings, keys, people and backups but writes no
record; Cán bộ writes records and drafts but neither issues nor administers; Xem
writes nothing. A refusal names the account and its role, and changes nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from demo_db import open_copy
from tgdesk.domain.period import Period
from tgdesk.domain.records import Area, FollowUpChange, OpinionCategory, OpinionNote, UnitSettings
from tgdesk.domain.roles import Role
from tgdesk.services import (accounts, backups, catalogue_ops, classified, form_drafts, issuing,
                             lists, membership, overview, register, report_format, unit)
from tgdesk.services import exchange as ex
from tgdesk.services.demo import load_demo
from tgdesk.services.errors import UserError
from tgdesk.services.followups import change_status
from tgdesk.services.jsonio import import_file
from tgdesk.services.kinds import AREAS, CATEGORIES, OPINIONS

PASSWORD = "matkhau-thu-nghiem"
UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ QUẬN 6",
                    place_name="Bình Tiên", signer_name="Nguyễn Văn An",
                    term_start=date(2025, 10, 1))
NOTE = dict(noted_on=date(2026, 11, 20), summary="Bà con hỏi về lịch thu gom rác.",
            classification="thuong")


@pytest.fixture
def people(ctx):
    """A unit with one area, one category and one note, and an account of each role
    (nobody signed in yet: the set-up needs no sign-in before the first account)."""
    unit.save_unit(ctx, UNIT)
    area = AREAS.create(ctx, Area(name="Khu phố 1", kind="khu_pho")).id
    category = CATEGORIES.create(ctx, OpinionCategory(name="Môi trường")).id
    note = OPINIONS.create(ctx, OpinionNote(category_id=category, area_id=area, **NOTE)).id
    for login, role in (("lanhdao", Role.LANH_DAO), ("quantri", Role.QUAN_TRI),
                        ("canbo", Role.CAN_BO), ("xem", Role.XEM)):
        accounts.create_account(ctx, login, f"Người {role.label}", role, PASSWORD)
    ctx.ids = {"area": area, "category": category, "note": note}
    return ctx


def as_(ctx, login: str) -> None:
    accounts.sign_out(ctx)
    accounts.sign_in(ctx, login, PASSWORD)


def refused(role_label: str):
    return pytest.raises(UserError, match=f"vai trò {role_label}\\) không được")


def _note(ctx) -> OpinionNote:
    return OpinionNote(category_id=ctx.ids["category"], **NOTE)


# --- Quản trị --------------------------------------------------------------------------

def test_an_administrator_writes_no_record_but_keeps_the_unit(people, tmp_path):
    ctx = people
    as_(ctx, "quantri")
    before = lists.count(ctx, "opinions")
    with refused("Quản trị"):
        OPINIONS.create(ctx, _note(ctx))
    with refused("Quản trị"):
        OPINIONS.update(ctx, ctx.ids["note"], _note(ctx))
    with refused("Quản trị"):
        OPINIONS.delete(ctx, ctx.ids["note"])
    with refused("Quản trị"):
        AREAS.create(ctx, Area(name="Khu phố 2", kind="khu_pho"))
    with refused("Quản trị"):
        catalogue_ops.set_active(ctx, "areas", ctx.ids["area"], False)
    with refused("Quản trị"):
        register.save_draft(ctx, "work", "2026-10", {"strengths": "Lời văn."}, "party")
    assert lists.count(ctx, "opinions") == before
    assert lists.catalogue(ctx, "areas")[0]["active"] is True
    # what is the administrator's
    unit.save_unit(ctx, UNIT.__class__(**{**UNIT.__dict__, "signer_name": "Trần Văn Bình"}))
    assert unit.get_unit(ctx).signer_name == "Trần Văn Bình"
    classified.set_opinion_default(ctx, "thuong")
    assert classified.opinion_default(ctx) == "thuong"
    saved = backups.save_backup_settings(ctx, backups.BackupSettings(keep_daily=5))
    assert backups.get_backup_settings(ctx).keep_daily == saved.keep_daily == 5
    info = backups.make_backup(ctx, backups.MANUAL, tmp_path / "copies")
    assert info.path.exists()
    ident = ex.write_key_file(ctx, tmp_path / "unit.key")
    assert json.loads((tmp_path / "unit.key").read_text())["unit_id"] == ident.unit_uuid


# --- Cán bộ ------------------------------------------------------------------------------

def test_an_officer_writes_records_and_drafts_but_neither_issues_nor_administers(people,
                                                                               tmp_path):
    ctx = people
    as_(ctx, "canbo")
    saved = OPINIONS.create(ctx, _note(ctx))
    change_status(ctx, saved.id, FollowUpChange("dang_xu_ly", date(2026, 11, 21)))
    register.save_draft(ctx, "work", "2026-10", {"strengths": "Lời văn của cán bộ."}, "party")
    with refused("Cán bộ"):
        issuing.issue(ctx, "work", Period.parse("2026-10"), allow_placeholders=True)
    assert register.issued_reports(ctx) == []
    assert issuing.next_number_text(ctx).endswith("01-BC/ĐU")
    with refused("Cán bộ"):
        unit.save_unit(ctx, UNIT.__class__(**{**UNIT.__dict__, "signer_name": "Ai Khác"}))
    assert unit.get_unit(ctx).signer_name == UNIT.signer_name
    with refused("Cán bộ"):
        unit.save_guidance(ctx, unit.Guidance("12-HD/BTGDVTU", date(2026, 1, 5)))
    with refused("Cán bộ"):
        classified.set_opinion_default(ctx, "thuong")
    with refused("Cán bộ"):
        report_format.save_format(ctx, "party", {})
    with refused("Cán bộ"):
        overview.save_deadlines(ctx, {})
    with refused("Cán bộ"):
        backups.make_backup(ctx, backups.MANUAL, tmp_path / "copies")
    assert not (tmp_path / "copies").exists()
    with refused("Cán bộ"):
        backups.save_backup_settings(ctx, backups.BackupSettings(keep_daily=5))
    with refused("Cán bộ"):
        backups.restore(ctx, tmp_path / "khong-co.sqlite")
    with refused("Cán bộ"):
        ex.write_key_file(ctx, tmp_path / "unit.key")
    with refused("Cán bộ"):
        ex.add_unit(ctx, tmp_path / "unit.key", "parent")
    with refused("Cán bộ"):
        ex.change_keys(ctx, tmp_path / "doi.keychange")
    with refused("Cán bộ"):
        accounts.create_account(ctx, "moi", "Người Mới", Role.XEM, PASSWORD)
    assert classified.opinion_default(ctx) == "mat"


def test_the_leader_issues_and_a_viewer_cannot_open_a_report_marked_secret(demo_template,
                                                                           tmp_path):
    ctx = open_copy(demo_template(1, 1), tmp_path)
    try:
        accounts.create_account(ctx, "lanhdao", "Trần Lãnh Đạo", Role.LANH_DAO, PASSWORD)
        accounts.create_account(ctx, "xem", "Lê Người Xem", Role.XEM, PASSWORD)
        as_(ctx, "lanhdao")
        done = issuing.issue(ctx, "opinion", Period.parse("2026-Q3"), allow_placeholders=True)
        entry, pdf = issuing.issued_pdf(ctx, done.entry.id)
        assert pdf.startswith(b"%PDF")
        as_(ctx, "xem")
        assert [e.id for e in register.issued_reports(ctx)] == [done.entry.id]
        with pytest.raises(UserError, match="không được xem hồ sơ Mật"):
            issuing.issued_pdf(ctx, done.entry.id)
        with pytest.raises(UserError, match="không được xem hồ sơ Mật"):
            issuing.export_issued(ctx, done.entry.id, tmp_path / "out")
        assert not (tmp_path / "out").exists()
    finally:
        ctx.close()


# --- Xem --------------------------------------------------------------------------------

def test_a_viewer_writes_nothing(people, tmp_path):
    ctx = people
    as_(ctx, "canbo")
    form_drafts.write_draft(ctx, "opinions", None, _note(ctx))
    as_(ctx, "xem")
    before = lists.count(ctx, "opinions")
    for attempt in (
            lambda: OPINIONS.create(ctx, _note(ctx)),
            lambda: OPINIONS.update(ctx, ctx.ids["note"], _note(ctx)),
            lambda: OPINIONS.delete(ctx, ctx.ids["note"]),
            lambda: OPINIONS.restore(ctx, ctx.ids["note"]),
            lambda: change_status(ctx, ctx.ids["note"],
                                  FollowUpChange("dang_xu_ly", date(2026, 11, 21))),
            lambda: CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")),
            lambda: catalogue_ops.delete_unused(ctx, "areas", ctx.ids["area"]),
            lambda: membership.set_member_count(ctx, 1, 30),
            lambda: register.save_draft(ctx, "work", "2026-10", {}, "party"),
            lambda: form_drafts.write_draft(ctx, "opinions", None, _note(ctx)),
            lambda: import_file(ctx, _json_file(tmp_path), dry_run=True),
            lambda: load_demo(ctx, years=1),
            lambda: unit.save_unit(ctx, UNIT),
            lambda: classified.set_opinion_default(ctx, "thuong"),
            lambda: backups.make_backup(ctx, backups.MANUAL, tmp_path / "copies"),
            lambda: issuing.issue(ctx, "work", Period.parse("2026-10")),
            lambda: ex.export_catalogue(ctx, "children", tmp_path / "goi"),
            lambda: accounts.update_account(ctx, 1, full_name="Tên Khác")):
        with refused("Xem"):
            attempt()
    assert lists.count(ctx, "opinions") == before
    assert not (tmp_path / "copies").exists() and not (tmp_path / "goi").exists()
    # someone else's autosaved form is not theirs to read, nor to drop
    assert form_drafts.read_draft(ctx, "opinions", None, OpinionNote) is None
    form_drafts.drop_draft(ctx, "opinions", None)
    assert form_drafts.draft_path(ctx, "opinions", None).exists()
    # reading the unit's keys, made earlier, writes nothing and needs no right
    as_(ctx, "lanhdao")
    made = ex.ensure_identity(ctx)
    as_(ctx, "xem")
    assert ex.ensure_identity(ctx).fingerprint == made.fingerprint


def test_without_accounts_nobody_signs_in_and_everything_is_allowed(ctx, tmp_path):
    unit.save_unit(ctx, UNIT)
    category = CATEGORIES.create(ctx, OpinionCategory(name="Môi trường")).id
    OPINIONS.create(ctx, OpinionNote(category_id=category, **NOTE))
    classified.set_opinion_default(ctx, "thuong")
    assert backups.make_backup(ctx, backups.MANUAL, tmp_path / "copies").path.exists()
    assert ctx.viewer is None and lists.count(ctx, "opinions") == 1


def _json_file(folder):
    path = folder / "ghi.json"
    path.write_text(json.dumps({"format": "tgdesk-records", "version": 1, "opinions": []}),
                    encoding="utf-8")
    return path


def test_an_administrator_restores_a_backup_that_needs_an_upgrade(people, tmp_path):
    """The upgrade runs on the tables, not on the views a person who may not read
    Mật records is shown in their place."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "old_db", Path(__file__).parent.parent / "store" / "old_db.py")
    old_db = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old_db)
    ctx = people
    older = old_db.build_at(tmp_path / "cu.sqlite", old_db.revisions()[-3])
    as_(ctx, "quantri")
    result = backups.restore(ctx, older)
    assert result.upgraded
    assert unit.get_unit(ctx).name == "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"
    # the backup is older than the accounts: today's people are kept
    assert "quantri" in {a.login for a in accounts.list_accounts(ctx)}
    as_(ctx, "lanhdao")
    assert lists.count(ctx, "opinions") >= 1
