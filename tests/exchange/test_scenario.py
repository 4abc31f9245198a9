"""The "done when" scenario, as one test."""

from __future__ import annotations

import zipfile

import pytest

from tgdesk.domain.period import Period
from tgdesk.services import exchange as ex
from tgdesk.services import lists, stats
from tgdesk.services.errors import UserError
from tgdesk.services.settings_store import DEADLINES, get_setting, set_setting

from .conftest import dump

NOV = Period.parse("2026-11")


def test_ward_and_level_above_exchange_november(pair):
    ward, upper, tmp = pair.ward, pair.upper, pair.tmp
    own_nov = stats.figures(ward, NOV)

    # The ward exports November; classified opinion notes stay behind, and it says so.
    res = ex.export_records(ward, tmp / "nov.tgx", "parent", period=NOV)
    assert res.held_back["opinions"] > 0
    assert "ý kiến dư luận được đánh dấu Mật không được đưa vào gói" in res.text()
    assert res.counts["meetings"]["records"] == own_nov.meetings_total

    # Dry run first: exact figures, nothing written.
    before = dump(upper)
    dry = ex.import_packages(upper, tmp / "nov.tgx", dry_run=True)
    assert dry.summaries[0].added > 0 and dump(upper) == before

    steps = []
    rep = ex.import_packages(upper, tmp / "nov.tgx", progress=lambda d, n, s: steps.append(s))
    s = rep.summaries[0]
    assert s.added == dry.summaries[0].added and not s.refused and steps
    assert rep.backup is not None and rep.backup.exists()

    # Received records do not mix with the level above's own …
    assert lists.count(upper, "meetings") == 0
    assert stats.figures(upper, NOV).meetings_total == 0
    # … and the figures per unit below equal the ward's own (Mật notes excepted).
    fig = ex.child_figures(upper, NOV)[pair.ward_unit_id]
    assert fig.meetings_total == own_nov.meetings_total
    assert fig.study_sessions == own_nov.study_sessions
    assert fig.attendance == own_nov.attendance
    assert fig.opinions_total == own_nov.opinions_total - res.held_back["opinions"]
    rows = ex.received_rows(upper, "meetings", "all")
    assert len(rows) == own_nov.meetings_total and rows[0]["unit"] and rows[0]["sent_as"]

    # Again: nothing changes.
    before = dump(upper)
    again = ex.import_packages(upper, tmp / "nov.tgx")
    assert again.summaries[0].added == 0 and again.summaries[0].updated == 0
    assert again.summaries[0].unchanged == s.added
    assert dump(upper) == before

    # A tampered copy is refused and the database is unchanged.
    data = bytearray((tmp / "nov.tgx").read_bytes())
    with zipfile.ZipFile(tmp / "nov.tgx") as zf:
        info = zf.getinfo("content.bin")
    pos = info.header_offset + 30 + len(info.filename) + 100
    data[pos] ^= 0x01
    (tmp / "tampered.tgx").write_bytes(bytes(data))
    with pytest.raises(UserError, match="bị từ chối"):
        ex.import_packages(upper, tmp / "tampered.tgx")
    assert dump(upper) == before

    # The completeness board shows the ward for November.
    board = ex.completeness(upper, [NOV, Period.parse("2026-10")])
    cell = board.cells[(pair.ward_unit_id, "2026-11")]
    assert cell.status in ("received", "late") and cell.sent_on is not None
    assert board.cells[(pair.ward_unit_id, "2026-10")].status == "missing"

    # A receipt goes back; the ward checks it.
    receipts = ex.write_receipts(upper, rep.package_ids, tmp / "receipts")
    assert "Biên nhận hợp lệ" in ex.check_receipt(ward, receipts[0])

    # Downward: the catalogue package, imported by the ward the same safe way.
    set_setting(upper, DEADLINES, {"month": {"day": 25, "after_end": False}})
    from tgdesk.services.kinds import DOCUMENTS
    from tgdesk.domain.records import PartyDocument
    from datetime import date
    DOCUMENTS.create(upper, PartyDocument(kind="ket_luan", number_symbol="99-KL/TW",
                                          issued_on=date(2026, 10, 1), issuer="Bộ Chính trị",
                                          title="Kết luận thử"))
    [cat] = ex.export_catalogue(upper, str(pair.ward_unit_id), tmp / "cat.tgx")
    n_docs = len(lists.catalogue(ward, "documents"))
    down = ex.import_packages(ward, tmp / "cat.tgx")
    assert down.summaries[0].added >= 1 and not down.summaries[0].refused
    assert get_setting(ward, DEADLINES)["month"]["day"] == 25
    assert len(lists.catalogue(ward, "documents")) == n_docs + 1
    before = dump(ward)
    ex.import_packages(ward, tmp / "cat.tgx")
    assert dump(ward) == before
