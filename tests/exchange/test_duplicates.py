"""Likely duplicates in received packages (services/exchange/duplicates.py): a unit
that sends the same month again under new UUIDs (it lost its database, or entered
the month a second time) is found once, unless the officer keeps the repeats."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select, update

from tgdesk import cli
from tgdesk.domain.period import Period
from tgdesk.domain.records import Meeting
from tgdesk.services import exchange as ex
from tgdesk.services.kinds import MEETINGS
from tgdesk.store import tables as t

from .conftest import dump
from .test_package_content import MEETING, build, put   # a package signed by the ward's key

NOV = Period.parse("2026-11")
RECORD_ROWS = (t.MeetingRow, t.StudyRow, t.OpinionRow)


def renumber(ctx) -> None:
    """Every own record gets a new UUID: the ward's data as if entered again."""
    with ctx.transaction() as session:
        for row in RECORD_ROWS:
            for rid in session.scalars(select(row.id)):
                session.execute(update(row).where(row.id == rid).values(uuid=str(uuid.uuid4())))


def open_notes(ctx) -> None:
    """Opinion notes marked Thường, so that some travel (Mật ones never do)."""
    with ctx.transaction() as session:
        session.execute(update(t.OpinionRow).where(t.OpinionRow.id % 2 == 0)
                        .values(classification="thuong"))


def received(ctx) -> list[int]:
    return [len(ex.received_rows(ctx, kind, "all")) for kind in ("meetings", "studies",
                                                                 "opinions")]


def sent_live(result) -> int:
    return sum(result.counts[k]["records"] - result.counts[k]["deleted"]
               for k in ("meetings", "studies", "opinions") if k in result.counts)


def test_the_same_month_under_new_uuids_is_found_once(pair):
    ward, upper, tmp = pair.ward, pair.upper, pair.tmp
    open_notes(ward)
    sent = ex.export_records(ward, tmp / "nov.tgx", "parent", period=NOV)
    first = ex.import_packages(upper, tmp / "nov.tgx")
    assert first.duplicate_count() == 0
    once = received(upper)
    assert sum(once) == sent_live(sent) and all(once)

    renumber(ward)
    again = ex.export_records(ward, tmp / "nov-lai.tgx", "parent", period=NOV)
    before = dump(upper)
    dry = ex.import_packages(upper, tmp / "nov-lai.tgx", dry_run=True)
    assert dump(upper) == before
    assert dry.duplicate_count() == sent_live(again) == sum(once)
    assert dry.summaries[0].added == 0
    text = dry.text()
    assert f"{sum(once)} bản ghi có vẻ trùng với bản ghi đã có, không được nhập:" in text
    assert "trùng với hội nghị đã có ngày" in text

    rep = ex.import_packages(upper, tmp / "nov-lai.tgx")
    assert rep.summaries[0].added == 0 and received(upper) == once      # found once

    kept = ex.import_packages(upper, tmp / "nov-lai.tgx", keep_duplicates=True)
    assert kept.summaries[0].added == kept.duplicate_count() == sum(once)
    assert "vẫn được nhập vì đã chọn giữ cả bản ghi trùng" in kept.text()
    assert received(upper) == [2 * n for n in once]


def test_equal_records_of_one_package_are_both_taken(pair):
    """A package mirrors the sender's database: its two equal rows are two rows
    the sender counts in its own reports."""
    content = {"meetings": {str(uuid.uuid4()): MEETING, str(uuid.uuid4()): MEETING}}
    rep = ex.import_packages(pair.upper, put(pair, build(pair, content)))
    assert rep.summaries[0].added == 2 and rep.duplicate_count() == 0


def test_records_the_package_carries_too_are_not_compared(pair):
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    ex.import_packages(pair.upper, put(pair, build(pair, {"meetings": {a: MEETING}}), "1.tgx"))
    # The same package updates A and brings B equal to it: both stand at the ward.
    newer = dict(MEETING, updated_at="2026-11-20T08:00:00")
    rep = ex.import_packages(pair.upper, put(pair, build(pair, {"meetings": {
        a: newer, b: newer}}), "2.tgx"))
    s = rep.summaries[0]
    assert (s.added, s.updated, rep.duplicate_count()) == (1, 1, 0)
    # A later package with only C, equal to them: a likely duplicate.
    rep = ex.import_packages(pair.upper, put(pair, build(pair, {"meetings": {c: MEETING}}),
                                             "3.tgx"))
    assert rep.summaries[0].added == 0 and rep.duplicate_count() == 1
    [found] = rep.duplicates[0]
    assert found.where.startswith("hội nghị “Giao ban” (03/11/2026, mã ")


def test_own_records_of_the_level_above_do_not_count(pair):
    MEETINGS.create(pair.upper, Meeting(held_on=date(2026, 11, 3), meeting_type="giao_ban",
                                        title="Giao ban"))
    rep = ex.import_packages(pair.upper, put(pair, build(pair, {"meetings": {
        str(uuid.uuid4()): MEETING}})))
    assert rep.summaries[0].added == 1 and rep.duplicate_count() == 0


def run(ctx, *argv: str) -> int:
    return cli.run(ctx, cli.build_parser().parse_args(list(argv)))


def test_command_line_reports_skips_and_keeps(pair, capsys):
    ward, upper, tmp = pair.ward, pair.upper, pair.tmp
    open_notes(ward)
    ex.export_records(ward, tmp / "nov.tgx", "parent", period=NOV)
    assert run(upper, "import-package", str(tmp / "nov.tgx")) == 0
    once = received(upper)
    renumber(ward)
    ex.export_records(ward, tmp / "nov-lai.tgx", "parent", period=NOV)
    capsys.readouterr()
    assert run(upper, "import-package", str(tmp / "nov-lai.tgx")) == 0
    out = capsys.readouterr().out
    assert "bản ghi có vẻ trùng với bản ghi đã có, không được nhập:" in out
    assert "chạy lại lệnh với --keep-duplicates" in out
    assert received(upper) == once
    assert run(upper, "import-package", str(tmp / "nov-lai.tgx"), "--keep-duplicates") == 0
    out = capsys.readouterr().out
    assert "vẫn được nhập" in out and "--keep-duplicates." not in out
    assert received(upper) == [2 * n for n in once]
