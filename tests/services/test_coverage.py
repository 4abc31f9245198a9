"""Study coverage of one document, counted by hand on a small test month, against the
service and the command line (issue 15, "Done when")."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest

from tgdesk import cli
from tgdesk.domain.coverage import CoverageState, DocumentState
from tgdesk.domain.period import Period
from tgdesk.domain.records import Cell, PartyDocument, StudySession
from tgdesk.services import catalogue_ops, coverage, membership
from tgdesk.services.errors import UserError
from tgdesk.services.kinds import CELLS, DOCUMENTS, STUDIES

D = date
DEADLINE = D(2026, 11, 20)          # today (conftest) is 24/11/2026


@pytest.fixture
def month(ctx):
    """November 2026 in a ward of three active cells and one inactive.

    Chi bộ Khu phố 1 (A) had 30 Party members from 01/10; three were admitted on 12/11,
    so 33 from then on (entered in that order: the cell saved today with 33, the
    earlier figures added with their dates).
    Chi bộ Khu phố 2 (B) has 20, Chi bộ Quân sự (C) 8, Chi bộ cũ (D, inactive) 5.

    Sessions on 57-NQ/TW (deadline 20/11/2026):
      03/11  toàn Đảng bộ  6 of 6 Party members present (the Party committee)
      05/11  A            28 of 30
      10/11  B            18 of 20
      16/11  A             4 of 5   học bù: the two absent and two of the three admitted
      21/11  B             3 of 3   học bù, after the deadline
      12/11  D             5 of 5   inactive cell: left out
      14/11  C             7 of 8   deleted (in the trash): left out
    And on 35-NQ/TW: 07/11 A 29 of 30 (another document: left out).

    By hand, counted to 24/11/2026:
      A: present 28 + 4 = 32; members on its last session's day (16/11) = 33;
         covered min(32, 33) = 32; held on 05/11, before the deadline: done.
      B: present 18 + 3 = 21; members on 21/11 = 20; covered min(21, 20) = 20
         (counted once, never above its members); held on 10/11: done.
      C: no session; deadline passed, so its members on 20/11 = 8; covered 0;
         late 24/11 − 20/11 = 4 days.
      Total = 33 + 20 + 8 = 61. Cells' covered 32 + 20 + 0 = 52; the ward-wide
      session adds its 6 (52 + 6 = 58 ≤ 61). 58 / 61 = 95,08%.
      Cells done 2 of 3; 1 late by 4 days.
    """
    doc = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="57-NQ/TW", issued_on=D(2024, 12, 22),
        issuer="Bộ Chính trị", title="Về đột phá phát triển khoa học, công nghệ",
        study_deadline=DEADLINE)).id
    other = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="35-NQ/TW", issued_on=D(2018, 10, 22),
        issuer="Bộ Chính trị", title="Về tăng cường bảo vệ nền tảng tư tưởng của Đảng")).id
    a = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1", member_count=33)).id
    membership.set_member_count(ctx, a, 30, D(2026, 10, 1))
    membership.set_member_count(ctx, a, 33, D(2026, 11, 12))
    b = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 2", member_count=20)).id
    c = CELLS.create(ctx, Cell(name="Chi bộ Quân sự", member_count=8)).id
    d = CELLS.create(ctx, Cell(name="Chi bộ cũ", member_count=5)).id
    catalogue_ops.set_active(ctx, "cells", d, False)

    def study(day, cell, present, expected, docs=(doc,)):
        return STUDIES.create(ctx, StudySession(
            held_on=day, title=f"Học tập, quán triệt ngày {day:%d/%m}", document_ids=list(docs),
            cell_id=cell, party_members_expected=expected, party_members_present=present)).id

    ids = SimpleNamespace(doc=doc, other=other, a=a, b=b, c=c, d=d)
    ids.ward = study(D(2026, 11, 3), None, 6, 6)
    ids.a1 = study(D(2026, 11, 5), a, 28, 30)
    ids.b1 = study(D(2026, 11, 10), b, 18, 20)
    ids.a2 = study(D(2026, 11, 16), a, 4, 5)
    ids.b2 = study(D(2026, 11, 21), b, 3, 3)
    study(D(2026, 11, 12), d, 5, 5)
    STUDIES.delete(ctx, study(D(2026, 11, 14), c, 7, 8))
    study(D(2026, 11, 7), a, 29, 30, docs=(other,))
    return ids


def test_the_hand_count_equals_the_service(ctx, month):
    (dc,) = coverage.coverage(ctx, [month.doc])
    assert dc.as_of == D(2026, 11, 24) and dc.deadline == DEADLINE
    cells = {c.name: c for c in dc.cells}
    assert list(cells) == ["Chi bộ Khu phố 1", "Chi bộ Khu phố 2", "Chi bộ Quân sự"]
    a, b, c = cells.values()
    assert [s.study_id for s in a.sessions] == [month.a1, month.a2]
    assert (a.present, a.members, a.reference_on, a.covered) == (32, 33, D(2026, 11, 16), 32)
    assert a.state is CoverageState.DA_TO_CHUC and a.first_on == D(2026, 11, 5)
    assert a.make_up_sessions == 1
    assert (b.present, b.members, b.covered) == (21, 20, 20)
    assert b.state is CoverageState.DA_TO_CHUC and b.first_on == D(2026, 11, 10)
    assert (c.present, c.members, c.reference_on, c.covered) == (0, 8, DEADLINE, 0)
    assert c.state is CoverageState.QUA_HAN and c.days_late == 4
    assert [s.study_id for s in dc.ward_sessions] == [month.ward]
    assert (dc.members_total, dc.members_covered, dc.ward_covered) == (61, 58, 6)
    assert round(dc.members_rate, 4) == 0.9508
    assert (dc.cells_total, dc.cells_done, dc.cells_late, dc.days_late) == (3, 2, 1, 4)


def test_the_hand_count_equals_the_command_line(ctx, month, capsys):
    args = cli.build_parser().parse_args(["coverage", "--document", "57-nq/tw", "--json"])
    assert cli.run(ctx, args) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in ("number_symbol", "study_deadline", "as_of", "cells_total",
                                "cells_done", "cells_todo", "cells_late", "days_late",
                                "members_total", "members_covered", "members_rate")} == {
        "number_symbol": "57-NQ/TW", "study_deadline": "2026-11-20", "as_of": "2026-11-24",
        "cells_total": 3, "cells_done": 2, "cells_todo": 1, "cells_late": 1, "days_late": 4,
        "members_total": 61, "members_covered": 58, "members_rate": 0.9508}
    assert out["ward"] == {"sessions": 1, "party_members_present": 6, "members_covered": 6}
    rows = [(c["name"], [s["held_on"] for s in c["sessions"]], c["party_members_present"],
             c["members"], c["members_covered"], c["state"], c["days_late"])
            for c in out["cells"]]
    assert rows == [
        ("Chi bộ Khu phố 1", ["2026-11-05", "2026-11-16"], 32, 33, 32, "da_to_chuc", None),
        ("Chi bộ Khu phố 2", ["2026-11-10", "2026-11-21"], 21, 20, 20, "da_to_chuc", None),
        ("Chi bộ Quân sự", [], 0, 8, 0, "qua_han", 4)]
    assert [s["held_on"] for s in out["ward_sessions"]] == ["2026-11-03"]


def test_the_command_line_table_of_every_document(ctx, month, capsys):
    assert cli.run(ctx, cli.build_parser().parse_args(["coverage"])) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["Mã", "Văn", "bản"]
    row = next(ln for ln in lines if " 57-NQ/TW " in ln)
    assert "20/11/2026" in row and "2/3" in row and "58/61" in row and "95,1%" in row
    assert "1 chi bộ, 4 ngày" in row
    assert lines[-1] == "2 văn bản; tính đến 24/11/2026."

    assert cli.run(ctx, cli.build_parser().parse_args(["coverage", "--document",
                                                       str(month.doc)])) == 0
    text = capsys.readouterr().out
    assert "Chi bộ chưa tổ chức (1, quá hạn 4 ngày): Chi bộ Quân sự." in text
    assert "Đảng viên đã học: 58/61 (95,1%)." in text


def test_counted_to_an_earlier_day(ctx, month):
    """To 15/11: A has only its first session, with 33 members since 12/11 on... but its
    reference day is its last session (05/11), when it had 30; B 18 of 20; C still on
    time (deadline 20/11 not passed); total 30 + 20 + 8 = 58 (C's members on 15/11)."""
    (dc,) = coverage.coverage(ctx, [month.doc], as_of=D(2026, 11, 15))
    a, b, c = dc.cells
    assert (a.members, a.covered, b.covered, c.members) == (30, 28, 18, 8)
    assert c.state is CoverageState.CHUA_TO_CHUC and dc.days_late is None
    assert (dc.members_total, dc.members_covered) == (58, 28 + 18 + 6)


def test_stats_json_gains_the_coverage_of_the_documents_studied(ctx, month, capsys):
    args = cli.build_parser().parse_args(["stats", "--period", "2026-11", "--json"])
    assert cli.run(ctx, args) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"period", "meetings", "studies", "opinions"} <= set(out)
    # 35-NQ/TW: A studied it on 07/11, when it had 30 members: 30 + 20 + 8
    assert [(d["number_symbol"], d["members_covered"], d["members_total"])
            for d in out["coverage"]] == [("57-NQ/TW", 58, 61), ("35-NQ/TW", 29, 58)]
    assert [d.document.id for d in coverage.period_coverage(ctx, Period.month(2026, 10))] == []


def test_find_document_by_id_or_number(ctx, month):
    assert coverage.find_document(ctx, str(month.doc)) == month.doc
    assert coverage.find_document(ctx, " 57-nq/tw ") == month.doc
    assert coverage.find_document(ctx, "35-NQ") == month.other
    with pytest.raises(UserError, match="Không có văn bản “99-NQ/TW”"):
        coverage.find_document(ctx, "99-NQ/TW")
    with pytest.raises(UserError) as err:
        coverage.find_document(ctx, "NQ/TW")
    message = str(err.value)
    assert message.startswith("“NQ/TW” ứng với 2 văn bản: ")
    assert f"mã {month.doc}: 57-NQ/TW ngày 22/12/2024" in message
    assert f"mã {month.other}: 35-NQ/TW ngày 22/10/2018" in message


def test_an_unknown_document_on_the_command_line_is_one_line(ctx, month):
    args = cli.build_parser().parse_args(["coverage", "--document", "NQ"])
    with pytest.raises(UserError, match="ứng với 2 văn bản"):
        cli.run(ctx, args)


def test_a_documents_state_and_the_overviews_due_documents(ctx, month):
    """57-NQ/TW is late (Chi bộ Quân sự, 4 days); 35-NQ/TW has no deadline; a document due
    in 30 days and not studied counts, one due in 31 days does not, nor one every cell
    has studied, nor an inactive one."""
    def document(symbol, deadline, active=True):
        doc = DOCUMENTS.create(ctx, PartyDocument(
            kind="ket_luan", number_symbol=symbol, issued_on=D(2026, 10, 1),
            issuer="Bộ Chính trị", title=f"Kết luận {symbol}", study_deadline=deadline)).id
        if not active:
            catalogue_ops.set_active(ctx, "documents", doc, False)
        return doc

    soon = document("150-KL/TW", D(2026, 12, 24))          # 30 days from 24/11/2026
    document("151-KL/TW", D(2026, 12, 25))                  # 31 days: not yet
    document("152-KL/TW", D(2026, 11, 1), active=False)     # late, but no longer used
    done = document("153-KL/TW", D(2026, 11, 30))
    for cell in (month.a, month.b, month.c):
        STUDIES.create(ctx, StudySession(held_on=D(2026, 11, 18), title="Quán triệt",
                                         document_ids=[done], cell_id=cell,
                                         party_members_expected=5, party_members_present=5))
    states = {dc.document.number_symbol: dc.state for dc in coverage.coverage(ctx)}
    assert states["57-NQ/TW"] is DocumentState.QUA_HAN
    assert states["35-NQ/TW"] is DocumentState.DANG_TRIEN_KHAI
    assert states["153-KL/TW"] is DocumentState.DA_XONG
    due = coverage.due_unfinished(ctx)
    assert [dc.document.id for dc in due] == [month.doc, soon]       # soonest deadline first
    assert [dc.state.label for dc in due] == ["Quá hạn", "Đang triển khai"]
