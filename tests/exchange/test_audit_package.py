"""A package imported at the level above is one audit entry there, with where it
came from and what it brought (its rows go in by bulk inserts the audit hook
does not see); importing it again writes nothing."""

from __future__ import annotations

from tgdesk.domain.period import Period
from tgdesk.services import audit
from tgdesk.services import exchange as ex

NOV = Period.parse("2026-11")


def test_the_import_is_noted_once(pair):
    ward, upper, tmp = pair.ward, pair.upper, pair.tmp
    ex.export_records(ward, tmp / "nov.tgx", "parent", period=NOV)
    upper.actor = "tuyen_giao_quan"
    ex.import_packages(upper, tmp / "nov.tgx")
    [entry] = audit.entries(upper, audit.AuditFilter(action="import"))
    found = audit.changes_of(entry)
    assert entry.actor == "tuyen_giao_quan" and entry.kind == "exchange_package"
    assert found["from"] == "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN" and found["period"] == "2026-11"
    assert found["added"] > 0
    ex.import_packages(upper, tmp / "nov.tgx")
    assert len(audit.entries(upper, audit.AuditFilter(action="import"))) == 1
    assert audit.verify(upper)[1] == []
