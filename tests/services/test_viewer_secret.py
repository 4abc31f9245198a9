"""A Xem account finds no Mật record anywhere (issue 12, item 2): lists, search,
the overview, the figures, report text, the Excel and JSON exports, the audit log,
packages, the data check. Each test first shows that a Lãnh đạo sees the Mật
records there (so it can fail), then that the Xem does not."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from demo_db import open_copy
from tgdesk import cli
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period
from tgdesk.domain.records import OpinionNote
from tgdesk.domain.roles import Role
from tgdesk.reports.model import to_json
from tgdesk.services import (accounts, audit, audit_browse, classified, dbcheck, lists,
                             overview, reports, stats)
from tgdesk.services import exchange as ex
from tgdesk.services.errors import UserError
from tgdesk.services.excel.record_export import export_record_list
from tgdesk.services.kinds import OPINIONS

PASSWORD = "matkhau-thu-nghiem"
MAT = "mat"


@pytest.fixture
def ctx(demo_template, tmp_path):
    """The demo ward with a Lãnh đạo (signed in) and a Xem account."""
    context = open_copy(demo_template(1, 1), tmp_path)
    accounts.create_account(context, "lanhdao", "Trần Lãnh Đạo", Role.LANH_DAO, PASSWORD)
    accounts.create_account(context, "xem", "Lê Người Xem", Role.XEM, PASSWORD)
    accounts.create_account(context, "quantri", "Phạm Quản Trị", Role.QUAN_TRI, PASSWORD)
    accounts.sign_in(context, "lanhdao", PASSWORD)
    yield context
    context.close()


def as_(ctx, login: str) -> None:
    accounts.sign_out(ctx)
    accounts.sign_in(ctx, login, PASSWORD)


def _opinions(ctx) -> list[dict]:
    return lists.rows(ctx, "opinions", lists.record_ids(ctx, "opinions"))


def _secret_only_summaries(ctx) -> set[str]:
    """Summaries of Mật notes that no other note has (the demo repeats some words)."""
    rows = _opinions(ctx)
    return ({r["summary"] for r in rows if r["classification"] == MAT}
            - {r["summary"] for r in rows if r["classification"] != MAT})


def test_lists_and_their_counts_hold_no_secret_record(ctx):
    kinds = ("meetings", "opinions", "online")
    leader = {k: lists.count(ctx, k) for k in kinds}
    secret = {k: classified.classified_in_list(ctx, k) for k in kinds}
    assert all(secret.values()), secret     # the demo has Mật records of each
    as_(ctx, "xem")
    for kind in kinds:
        ids = lists.record_ids(ctx, kind)
        rows = lists.rows(ctx, kind, ids)
        assert rows and all(r["classification"] != MAT for r in rows)
        assert lists.count(ctx, kind) == len(ids) == leader[kind] - secret[kind]
        assert classified.classified_in_list(ctx, kind) == 0


def test_search_finds_no_secret_note(ctx):
    summary = sorted(_secret_only_summaries(ctx))[0]
    secret_ids = {r["id"] for r in _opinions(ctx) if r["classification"] == MAT}
    words = ListFilter(search=" ".join(summary.rstrip(".").split()[-4:]))
    phrase = ListFilter(search=f'"{summary.rstrip(".")}"')
    found, lead = lists.ranked_ids(ctx, "opinions", words)
    assert set(found) & secret_ids and lists.count(ctx, "opinions", phrase) > 0
    as_(ctx, "xem")
    found, lead = lists.ranked_ids(ctx, "opinions", words)
    assert not set(found) & secret_ids
    assert lead is None or lead <= len(found)
    assert lists.count(ctx, "opinions", phrase) == 0
    assert lists.record_ids(ctx, "opinions", phrase) == []


def test_overview_and_figures_count_no_secret_note(ctx):
    period = Period.parse("2026")
    leader = stats.figures(ctx, period)
    count = classified.classified_count(ctx)
    assert count.total > 0 and "hồ sơ Mật" in classified.describe(count)
    leader_care = overview.attention(ctx, limit=1000)
    leader_months = sum(overview.monthly_series(ctx).opinions)
    secret = set(_secret_only_summaries(ctx))
    assert any(line.summary in secret for line in leader_care.hot_spot_lines)
    as_(ctx, "xem")
    shown = stats.figures(ctx, period)
    assert shown.opinions_total < leader.opinions_total
    noted = [r for r in _opinions(ctx) if period.start <= r["noted_on"] <= period.end]
    assert shown.opinions_total == len(noted)
    hidden = classified.classified_count(ctx)
    assert hidden.hidden and hidden.total == 0 and classified.describe(hidden) == ""
    care = overview.attention(ctx, limit=1000)
    assert care.hot_spots < leader_care.hot_spots
    assert not any(line.summary in secret for line in care.hot_spot_lines)
    months = overview.monthly_series(ctx)
    assert sum(months.opinions) < leader_months
    assert sum(months.opinions) == sum(1 for r in _opinions(ctx)
                                       if months.months[0].start <= r["noted_on"])


def test_report_text_quotes_and_counts_no_secret_note(ctx):
    period = Period.parse("2026")
    secret = _secret_only_summaries(ctx)
    leader = reports.build_report(ctx, "opinion", period)
    text = to_json(leader)
    assert leader.header.secrecy_mark == "MẬT"
    assert any(s in text for s in secret)
    leader_total = stats.figures(ctx, period).opinions_total
    as_(ctx, "xem")
    data = reports.build_report(ctx, "opinion", period)
    text = to_json(data)
    assert data.header.secrecy_mark is None
    assert not [s for s in secret if s in text]
    shown_total = stats.figures(ctx, period).opinions_total
    assert shown_total < leader_total
    assert f" {leader_total} " not in text.replace("(", " ").replace(")", " ")


def test_excel_export_writes_no_secret_record(ctx, tmp_path):
    everything = export_record_list(ctx, "online", tmp_path / "ld.xlsx", include_classified=True)
    left_out = export_record_list(ctx, "online", tmp_path / "ld-thuong.xlsx")
    assert left_out.held_back > 0 and everything.written == left_out.written + left_out.held_back
    as_(ctx, "xem")
    out = export_record_list(ctx, "online", tmp_path / "xem.xlsx", include_classified=True)
    assert out.written == left_out.written and out.held_back == 0
    sheet = load_workbook(tmp_path / "xem.xlsx").worksheets[0]
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert "Mật" not in values
    mine = load_workbook(tmp_path / "ld.xlsx").worksheets[0]
    assert "Mật" in [c.value for row in mine.iter_rows(min_row=2) for c in row]


def test_json_export_holds_no_secret_record(ctx, capsys):
    args = cli.build_parser().parse_args(["list", "opinions", "--json"])
    assert cli.run(ctx, args) == 0
    leader = json.loads(capsys.readouterr().out)
    assert any(r["classification"] == MAT for r in leader)
    as_(ctx, "xem")
    assert cli.run(ctx, args) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown and all(r["classification"] != MAT for r in shown)
    assert len(shown) == sum(1 for r in leader if r["classification"] != MAT)
    args = cli.build_parser().parse_args(["stats", "--period", "2026", "--json"])
    cli.run(ctx, args)
    assert json.loads(capsys.readouterr().out)["opinions"]["total"] == len(
        [r for r in shown if r["noted_on"].startswith("2026")])


def test_audit_log_shows_nothing_of_a_secret_note(ctx):
    note = OpinionNote(noted_on=date(2026, 11, 20), category_id=_category(ctx),
                       summary="Bà con hỏi về khoản thu quỹ zenxiphon của tổ dân phố.",
                       classification=MAT)
    saved = OPINIONS.create(ctx, note)
    flt = audit.AuditFilter(search="zenxiphon")
    assert [e.record_uuid for e in audit.entries(ctx, flt)] == [saved.uuid]
    assert audit.history(ctx, saved.uuid)
    as_(ctx, "xem")
    assert audit.entries(ctx, flt) == []
    assert audit_browse.find(ctx, flt).total == 0
    assert audit.history(ctx, saved.uuid) == []
    every = audit.entries(ctx)
    assert every and saved.uuid not in {e.record_uuid for e in every}
    assert not any("zenxiphon" in e.changes for e in every)


def test_a_viewer_makes_no_package_and_sees_no_count_of_those_held_back(ctx, template_db,
                                                                          tmp_path):
    import shutil

    from tgdesk.services.context import open_context

    upper_path = tmp_path / "upper" / "tgdesk.sqlite"
    upper_path.parent.mkdir()
    shutil.copy(template_db, upper_path)
    upper = open_context(upper_path, today=ctx.today)
    try:
        ex.init_unit(upper, "BAN TUYÊN GIÁO ĐẢNG ỦY QUẬN", "ĐẢNG BỘ THÀNH PHỐ", "Hà Nội")
        ex.write_key_file(upper, tmp_path / "upper.key")
    finally:
        upper.close()
    ex.add_unit(ctx, tmp_path / "upper.key", "parent")
    made = ex.export_records(ctx, tmp_path / "goi.tgx", period=Period.parse("2026"))
    assert sum(made.held_back.values()) > 0
    assert sum(ex.list_exports(ctx)[0].held_back.values()) > 0
    as_(ctx, "xem")
    with pytest.raises(UserError, match="Xem"):
        ex.export_records(ctx, tmp_path / "goi2.tgx", period=Period.parse("2026"))
    assert not (tmp_path / "goi2.tgx").exists()
    with pytest.raises(UserError, match="Xem"):
        ex.export_again(ctx, made.export_id, tmp_path / "goi3.tgx")
    with pytest.raises(UserError, match="Xem"):
        ex.import_packages(ctx, tmp_path / "goi.tgx", dry_run=True)
    [info] = ex.list_exports(ctx)
    assert info.held_back == {} and info.counts == made.counts


def test_the_data_check_of_an_administrator_counts_no_secret_record(ctx):
    as_(ctx, "quantri")
    report = dbcheck.check(ctx)
    assert report.ok, report.text()
    dbcheck.rebuild_search_index(ctx)       # as a repair would: every record, Mật too
    as_(ctx, "lanhdao")
    assert dbcheck.check(ctx).ok
    summary = sorted(_secret_only_summaries(ctx))[0]
    assert lists.count(ctx, "opinions", ListFilter(search=f'"{summary.rstrip(".")}"')) > 0


def _category(ctx) -> int:
    return lists.catalogue(ctx, "categories")[0]["id"]


def test_a_read_only_window_or_command_hides_them_too(ctx, capsys, monkeypatch):
    """Read commands open read-only (query_only): the views are made all the same."""
    from tgdesk.app import main
    secret = sorted(_secret_only_summaries(ctx))[0]
    db = ctx.db_path
    ctx.close()
    monkeypatch.setenv("TGDESK_PASSWORD", PASSWORD)
    assert main(["--db", str(db), "--user", "lanhdao", "list", "opinions"]) == 0
    assert secret[:40] in capsys.readouterr().out          # the test can fail
    assert main(["--db", str(db), "--user", "xem", "list", "opinions"]) == 0
    out = capsys.readouterr().out
    assert out and secret[:40] not in out
