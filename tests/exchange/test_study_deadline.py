"""A document's study deadline travels in packages: down with the catalogue, up
with the documents a ward's sessions cite; left out when unset, so a tgdesk older
than the field still reads those rows."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from tgdesk.domain.records import PartyDocument
from tgdesk.services import exchange as ex
from tgdesk.services import lists
from tgdesk.services.exchange.export import collect_catalogue
from tgdesk.services.exchange.records import SPECS, Refused, read_row
from tgdesk.services.kinds import DOCUMENTS

TODAY = date(2026, 11, 24)
ROW = {"kind": "ket_luan", "number_symbol": "99-KL/TW", "issued_on": "2026-10-01",
       "issuer": "Bộ Chính trị", "title": "Kết luận thử", "active": True,
       "updated_at": "2026-11-03T08:00:00", "created_at": "2026-11-03T08:00:00",
       "deleted": False}
NO_IDS = {k: {} for k in ("cells", "areas", "documents", "people", "categories")}


def test_a_row_without_the_field_reads_as_no_deadline_and_a_bad_one_is_refused():
    spec = SPECS["documents"]
    assert read_row(spec, str(uuid.uuid4()), ROW, NO_IDS, TODAY).values["study_deadline"] is None
    row = dict(ROW, study_deadline="2026-12-31")
    assert read_row(spec, str(uuid.uuid4()), row, NO_IDS, TODAY).values["study_deadline"] \
        == date(2026, 12, 31)
    with pytest.raises(Refused, match="Hạn học tập: ngày 30/09/2026 trước ngày ban hành"):
        read_row(spec, str(uuid.uuid4()), dict(ROW, study_deadline="2026-09-30"), NO_IDS, TODAY)


def test_the_deadline_goes_down_with_the_catalogue_and_changes_with_it(pair):
    upper, ward, tmp = pair.upper, pair.ward, pair.tmp
    set_ = DOCUMENTS.create(upper, PartyDocument(
        kind="ket_luan", number_symbol="99-KL/TW", issued_on=date(2026, 10, 1),
        issuer="Bộ Chính trị", title="Kết luận thử", study_deadline=date(2026, 12, 31))).id
    DOCUMENTS.create(upper, PartyDocument(kind="ket_luan", number_symbol="98-KL/TW",
                                          issued_on=date(2026, 10, 1), issuer="Bộ Chính trị",
                                          title="Kết luận không hạn"))
    with upper.reading() as session:
        content, _ = collect_catalogue(session)
    rows = {r["number_symbol"]: r for r in content["documents"].values()}
    assert rows["99-KL/TW"]["study_deadline"] == "2026-12-31"
    assert "study_deadline" not in rows["98-KL/TW"]

    ex.export_catalogue(upper, str(pair.ward_unit_id), tmp / "cat.tgx")
    ex.import_packages(ward, tmp / "cat.tgx")
    got = {r["number_symbol"]: r["study_deadline"] for r in lists.catalogue(ward, "documents")}
    assert got["99-KL/TW"] == date(2026, 12, 31) and got["98-KL/TW"] is None

    # the level above moves the deadline: the ward's row follows
    doc = DOCUMENTS.get(upper, set_)
    doc.study_deadline = date(2027, 1, 15)
    DOCUMENTS.update(upper, set_, doc)
    ex.export_catalogue(upper, str(pair.ward_unit_id), tmp / "cat2.tgx")
    ex.import_packages(ward, tmp / "cat2.tgx")
    got = {r["number_symbol"]: r["study_deadline"] for r in lists.catalogue(ward, "documents")}
    assert got["99-KL/TW"] == date(2027, 1, 15)
