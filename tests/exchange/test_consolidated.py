"""Consolidated reports at the level above, and `list --received`."""

from __future__ import annotations

import shutil
import unicodedata

import docx
import pdfplumber
import pytest

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period
from tgdesk.reports.model import Table
from tgdesk.services import exchange as ex
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo
from tgdesk.services.errors import UserError
from tgdesk.services.exchange.consolidated import (ACTIVITY_HEADER, BREAKDOWN_HEADER,
                                                   build_consolidated,
                                                   export_consolidated)
from tgdesk.services.unit import get_unit, save_unit

from .conftest import TODAY
from .test_cli_exchange import tgdesk

NOV = Period.parse("2026-11")
UPPER = "BAN TUYÊN GIÁO VÀ DÂN VẬN ĐẢNG ỦY QUẬN"


@pytest.fixture
def two_wards(pair, template_db):
    """The pair's ward plus a second ward, both sending November up."""
    tmp = pair.tmp
    (tmp / "ward2").mkdir()
    shutil.copy(template_db, tmp / "ward2" / "tgdesk.sqlite")
    ward2 = open_context(tmp / "ward2" / "tgdesk.sqlite", today=lambda: TODAY)
    load_demo(ward2, years=1, seed=11)
    unit = get_unit(ward2)
    unit.name = "ĐẢNG ỦY PHƯỜNG HÒA AN"
    save_unit(ward2, unit)
    ex.write_key_file(ward2, tmp / "ward2.key")
    ex.add_unit(ward2, tmp / "upper.key", "parent")
    second = ex.add_unit(pair.upper, tmp / "ward2.key", "child")
    for ctx in (pair.ward, ward2):   # some opinion notes may go up (Mật ones never do)
        with ctx.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE opinion_note SET classification = 'thuong' "
                                 "WHERE noted_on >= '2026-11-01' AND id % 2 = 0")
    (tmp / "in").mkdir()
    ex.export_records(pair.ward, tmp / "in" / "w1.tgx", period=NOV)
    ex.export_records(ward2, tmp / "in" / "w2.tgx", period=NOV)
    ward2.close()
    rep = ex.import_packages(pair.upper, tmp / "in")
    assert rep.ok and len(rep.summaries) == 2
    unit = get_unit(pair.upper)
    unit.signer_name = "Phạm Thu Hà"
    save_unit(pair.upper, unit)
    return pair, second.id


def _breakdown(data) -> Table:
    [table] = [b for b in data.appendix if isinstance(b, Table) and b.header == BREAKDOWN_HEADER]
    return table


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_consolidated_figures_are_the_sum_of_the_units(two_wards):
    pair, second = two_wards
    upper = pair.upper
    done = build_consolidated(upper, "work", NOV)
    per_unit = ex.child_figures(upper, NOV)
    assert set(done.per_unit) == {pair.ward_unit_id, second} == set(per_unit)
    for uid, f in per_unit.items():
        assert done.per_unit[uid].meetings_total == f.meetings_total
        assert done.per_unit[uid].study_participants == f.study_participants
        assert done.per_unit[uid].opinions_total == f.opinions_total
    figs = list(per_unit.values())
    assert all(f.meetings_total > 0 and f.opinions_total > 0 for f in figs)
    for name in ("meetings_total", "meeting_attendance", "study_sessions",
                 "party_members_expected", "party_members_present", "opinions_total",
                 "hot_spots"):
        assert getattr(done.total, name) == sum(getattr(f, name) for f in figs), name
    assert done.total.study_participants == sum(f.study_participants for f in figs)

    # The upper level's own header, its own figures left out.
    assert " ".join(done.data.header.issuer.split()) == UPPER
    assert done.data.meta["consolidated"] is True
    # The sentences speak of the units below, and say which ones.
    text = " ".join(done.data.all_text())
    assert "các đơn vị cấp dưới tổ chức" in text
    assert "dân vận đảng ủy quận tổ chức" not in text
    assert "Số liệu tổng hợp từ báo cáo của 2 đơn vị cấp dưới" in text
    assert all(name in text for _, name in done.units)
    # The breakdown: one row per unit (its figures), then the total.
    table = _breakdown(done.data)
    names = dict(done.units)
    assert [r[1] for r in table.rows] == [names[u] for u, _ in done.units] + ["Tổng cộng"]
    for row, (uid, _) in zip(table.rows, done.units):
        f = per_unit[uid]
        assert row[2:] == (vf.number(f.meetings_total), vf.number(f.study_sessions),
                           vf.number(f.study_participants), vf.percent(f.party_rate),
                           vf.number(f.opinions_total), vf.number(f.hot_spots))
    assert table.rows[-1][2] == vf.number(done.total.meetings_total)
    # The report's own appendix quotes the consolidated figures.
    first = done.data.appendix[0]
    assert first.rows[0][3] == vf.number(done.total.meetings_total)


def test_consolidated_over_a_subset(two_wards):
    pair, second = two_wards
    done = build_consolidated(pair.upper, "opinion", NOV, [second])
    assert [u for u, _ in done.units] == [second]
    own = ex.child_figures(pair.upper, NOV, [second])[second]
    assert done.total.opinions_total == own.opinions_total > 0
    assert "các đơn vị cấp dưới nắm bắt" in " ".join(done.data.all_text())
    assert len(_breakdown(done.data).rows) == 2
    with pytest.raises(UserError, match="không phải đơn vị cấp dưới"):
        build_consolidated(pair.upper, "work", NOV, [9999])
    with pytest.raises(UserError, match="Chưa chọn"):
        build_consolidated(pair.upper, "work", NOV, [])


def test_consolidated_needs_units_below(pair):
    unit = get_unit(pair.ward)
    with pytest.raises(UserError, match="Chưa đăng ký đơn vị cấp dưới"):
        build_consolidated(pair.ward, "work", NOV)
    assert unit == get_unit(pair.ward)


def test_consolidated_renders_docx_and_pdf(two_wards, tmp_path):
    pair, _ = two_wards
    paths = export_consolidated(pair.upper, "work", NOV, tmp_path / "out")
    assert sorted(p.suffix for p in paths) == [".docx", ".pdf"]
    assert all("_TongHop" in p.name for p in paths)
    done = build_consolidated(pair.upper, "work", NOV)
    names = [n for _, n in done.units]
    document = docx.Document(next(p for p in paths if p.suffix == ".docx"))
    cells = {c.text for tb in document.tables for row in tb.rows for c in row.cells}
    assert set(names) <= cells and "Tổng cộng" in cells
    with pdfplumber.open(next(p for p in paths if p.suffix == ".pdf")) as pdf:
        text = _flat("\n".join(p.extract_text() for p in pdf.pages))
    assert UPPER in text and "SỐ LIỆU THEO ĐƠN VỊ CẤP DƯỚI" in text
    assert "PHƯỜNG HÒA" in text and "Tổng cộng" in text


def test_cli_report_children_and_list_received(two_wards, tmp_path, capsys):
    pair, second = two_wards
    db = pair.upper.db_path
    pair.upper.close()
    assert tgdesk(db, "report", "--kind", "work", "--period", "2026-11", "--out",
                  str(tmp_path / "all"), "--children", "all") == 0
    assert len(capsys.readouterr().out.split()) == 2
    assert tgdesk(db, "report", "--kind", "opinion", "--period", "2026-11", "--format", "docx",
                  "--out", str(tmp_path / "one"), "--children", str(second)) == 0
    assert [p.suffix for p in (tmp_path / "one").iterdir()] == [".docx"]
    capsys.readouterr()
    assert tgdesk(db, "report", "--kind", "work", "--period", "2026-11", "--out",
                  str(tmp_path / "bad"), "--children", "9999") == 2
    assert "Không tìm thấy đơn vị" in capsys.readouterr().out
    assert not (tmp_path / "bad").exists()
    assert tgdesk(db, "report", "--kind", "work", "--period", "2026-13", "--out",
                  str(tmp_path / "bad"), "--children", "all") == 2

    # The default list stays the unit's own (none here) …
    capsys.readouterr()
    assert tgdesk(db, "list", "meetings") == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("0 bản ghi.") and "Đơn vị" not in out
    # … and --received shows each received record with its unit.
    assert tgdesk(db, "list", "meetings", "--received") == 0
    out = capsys.readouterr().out
    assert "Đơn vị" in out and "ĐẢNG ỦY PHƯỜNG HÒA AN" in out
    assert tgdesk(db, "list", "opinions", "--received", str(second), "--json") == 0
    import json
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["unit_id"] for r in rows} == {second}


def test_the_new_kinds_per_unit_below(two_wards):
    """Propaganda activities, the online team's posts and wrong content found, models:
    one row per unit below and their sum, as the units' received records count them."""
    pair, second = two_wards
    done = build_consolidated(pair.upper, "work", NOV)
    [table] = [b for b in done.data.appendix
               if isinstance(b, Table) and b.header == ACTIVITY_HEADER]
    figs = ex.child_figures(pair.upper, NOV)
    rows = {r[1]: r for r in table.rows}
    assert len(table.rows) == len(figs) + 1
    total = rows["Tổng cộng"]
    assert total[2] == vf.number(sum(f.propaganda_total for f in figs.values())) != "0"
    assert total[3] == vf.number(sum(f.online_posts for f in figs.values()))
    assert total[5] == vf.number(sum(f.wrong_found for f in figs.values()))
    assert sum(f.propaganda_total for f in figs.values()) == done.total.propaganda_total
