"""Likely duplicates in a JSON records file (services/duplicates.py through
services/jsonio): the same month imported twice without ids is found once."""

from __future__ import annotations

import copy
import unicodedata
from datetime import date

from sqlalchemy import event, func, select

from tgdesk.domain.records import Meeting
from tgdesk.services.kinds import MEETINGS
from tgdesk.services.jsonio import import_file
from tgdesk.store import tables as t

from json_records import GOOD, counts, write   # tests/services/jsonio on path

CATALOGUES = {k: GOOD[k] for k in ("cells", "areas", "documents", "categories", "people")}
CATALOGUES["cells"] = CATALOGUES["cells"] + [{"name": "Chi bộ Khu phố 2"}]


def month() -> dict:
    """November of a ward, no record carrying a uuid: 4 meetings, 2 studies, 3 notes."""
    return {
        "format": "tgdesk-records", "version": 1, **copy.deepcopy(CATALOGUES),
        "meetings": [{"held_on": f"2026-11-{day:02d}", "meeting_type": "giao_ban",
                      "title": f"Giao ban tuần {n}", "attendance": 20 + n}
                     for n, day in enumerate((3, 10, 17, 24), start=1)],
        "studies": [{"held_on": "2026-11-10", "title": "Học tập Nghị quyết 35",
                     "documents": ["35-NQ/TW"], "cell": "Chi bộ Khu phố 1",
                     "party_members_expected": 40, "party_members_present": 38},
                    {"held_on": "2026-11-10", "title": "Học tập Nghị quyết 35",
                     "documents": ["35-NQ/TW"], "key_cadres": 30}],     # whole committee
        "opinions": [{"noted_on": "2026-11-12", "area": "Khu phố 1", "category":
                      "Đất đai – môi trường", "summary": "Người dân hỏi về giá đất."},
                     {"noted_on": "2026-11-12", "area": "Khu phố 2", "category":
                      "Đất đai – môi trường", "summary": "Người dân hỏi về giá đất."},
                     {"noted_on": "2026-11-13", "category": "Đất đai – môi trường",
                      "summary": "Người dân hỏi về giá đất."}],
    }


def records(ctx) -> list[int]:
    """Meetings, studies, opinions in the database (the trash included)."""
    return counts(ctx)[-3:]


def test_the_same_month_twice_without_ids_is_found_once(ctx, tmp_path):
    path = write(tmp_path, month())
    first = import_file(ctx, path)
    assert first.duplicates == [] and records(ctx) == [4, 2, 3]
    second = import_file(ctx, path)
    assert records(ctx) == [4, 2, 3]                  # not 8 meetings
    assert second.total == 0 and second.backup is None
    assert len(second.duplicates) == 9
    assert {d.existing_id is not None for d in second.duplicates} == {True}
    text = second.text()
    assert "9 bản ghi có vẻ trùng với bản ghi đã có, không được nhập:" in text
    assert ("meetings[0] “Giao ban tuần 1” (03/11/2026): trùng với hội nghị đã có ngày "
            "03/11/2026 “Giao ban tuần 1”") in text
    assert "opinions[2] “Người dân hỏi về giá đất.” (13/11/2026)" in text


def test_equal_text_is_compared_normalised(ctx, tmp_path):
    import_file(ctx, write(tmp_path, month()))
    again = month()
    nfd = unicodedata.normalize("NFD", "GIAO  BAN\ttuần 1 ")
    again["meetings"] = [dict(again["meetings"][0], title=nfd, attendance=99,
                              meeting_type="toa_dam")]
    again["studies"] = again["opinions"] = []
    result = import_file(ctx, write(tmp_path, again, "again.json"))
    assert result.counts["meetings"] == 0 and len(result.duplicates) == 1


def test_what_differs_is_not_a_duplicate(ctx, tmp_path):
    import_file(ctx, write(tmp_path, month()))
    other = month()
    other["meetings"] = [dict(other["meetings"][0], held_on="2026-11-04"),     # another day
                         dict(other["meetings"][1], title="Giao ban tuan 2")]  # no diacritics
    other["studies"] = [dict(other["studies"][0], cell="Chi bộ Khu phố 2")]  # another cell
    no_area = dict(other["opinions"][0])
    del no_area["area"]
    other["opinions"] = [no_area,                                              # no area
                         dict(other["opinions"][1], summary="Người dân hỏi về giá đất!")]
    result = import_file(ctx, write(tmp_path, other, "other.json"))
    assert result.duplicates == []
    assert [result.counts[k] for k in ("meetings", "studies", "opinions")] == [2, 1, 2]
    assert records(ctx) == [6, 3, 5]


def test_a_study_without_a_cell_repeats_the_whole_committee_session(ctx, tmp_path):
    import_file(ctx, write(tmp_path, month()))
    again = month()
    again["meetings"] = again["opinions"] = []
    again["studies"] = [again["studies"][1]]
    result = import_file(ctx, write(tmp_path, again, "again.json"))
    assert result.counts["studies"] == 0 and len(result.duplicates) == 1


def test_two_equal_records_in_one_file_are_caught(ctx, tmp_path):
    data = month()
    data["meetings"].append(dict(data["meetings"][2], title="giao ban TUẦN 3", attendance=1))
    result = import_file(ctx, write(tmp_path, data))
    assert result.counts["meetings"] == 4 and records(ctx) == [4, 2, 3]
    [dup] = result.duplicates
    assert dup.existing_id is None and dup.earlier.startswith("meetings[2] “Giao ban tuần 3”")
    assert "1 bản ghi có vẻ trùng với bản ghi ở trước trong tệp, không được nhập:" in \
        result.text()
    assert "meetings[4] “giao ban TUẦN 3” (17/11/2026): trùng với meetings[2]" in result.text()


def test_keep_duplicates_keeps_them(ctx, tmp_path):
    data = month()
    data["meetings"].append(dict(data["meetings"][0]))
    path = write(tmp_path, data)
    first = import_file(ctx, path, keep_duplicates=True)
    assert len(first.duplicates) == 1 and records(ctx) == [5, 2, 3]
    second = import_file(ctx, path, keep_duplicates=True)
    assert len(second.duplicates) == 10 and records(ctx) == [10, 4, 6]
    assert "10 bản ghi có vẻ trùng với bản ghi đã có hoặc bản ghi ở trước trong tệp, vẫn " \
           "được nhập vì đã chọn giữ cả bản ghi trùng:" not in second.text()   # all stored
    assert "10 bản ghi có vẻ trùng với bản ghi đã có, vẫn được nhập vì đã chọn giữ cả bản " \
           "ghi trùng:" in second.text()


def test_a_record_with_its_own_uuid_is_never_a_duplicate(ctx, tmp_path):
    import_file(ctx, write(tmp_path, month()))
    data = month()
    data["meetings"] = [dict(data["meetings"][0], uuid="0f8e7c1a-5b2d-4c3e-9a10-2b3c4d5e6f70"),
                        dict(data["meetings"][0])]        # repeats the stored one and [0]
    data["studies"] = data["opinions"] = []
    result = import_file(ctx, write(tmp_path, data, "uuid.json"))
    assert result.counts["meetings"] == 1
    assert [d.where.split()[0] for d in result.duplicates] == ["meetings[1]"]


def test_the_trash_and_received_records_do_not_count(ctx, tmp_path):
    import_file(ctx, write(tmp_path, month()))
    with ctx.transaction() as session:
        first = session.scalars(select(t.MeetingRow).order_by(t.MeetingRow.held_on)).first()
        first.deleted = True                          # in the trash
        second = session.scalars(select(t.MeetingRow).where(
            t.MeetingRow.title == "Giao ban tuần 2")).one()
        unit = t.ExchangeUnitRow(uuid=t.new_uuid(), name="Phường B", relation="child",
                                 sign_public=b"s" * 32, box_public=b"b" * 32,
                                 fingerprint="0000")
        session.add(unit)
        session.flush()
        second.origin_unit_id = unit.id               # as if received from a unit below
    data = month()
    data["studies"] = data["opinions"] = []
    result = import_file(ctx, write(tmp_path, data, "again.json"))
    assert result.counts["meetings"] == 2
    assert sorted(d.where.split()[0] for d in result.duplicates) == ["meetings[2]",
                                                                     "meetings[3]"]


def test_a_dry_run_reports_and_changes_nothing(ctx, tmp_path):
    path = write(tmp_path, month())
    import_file(ctx, path)
    before = counts(ctx)
    result = import_file(ctx, path, dry_run=True, keep_duplicates=True)
    assert counts(ctx) == before and result.backup is None
    assert result.counts["meetings"] == 4 and len(result.duplicates) == 9
    assert result.text().startswith("THỬ NHẬP (không thay đổi dữ liệu):\nSẽ nhập từ tệp")


def test_a_record_made_in_the_window_counts_too(ctx, tmp_path):
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 17), meeting_type="giao_ban",
                                 title="Giao ban tuần 3"))
    result = import_file(ctx, write(tmp_path, month()))
    assert result.counts["meetings"] == 3
    assert [d.where.split()[0] for d in result.duplicates] == ["meetings[2]"]


def test_looking_for_duplicates_does_not_query_per_record(ctx, tmp_path):
    """One query per kind over the file's dates: as many statements for 400
    records as for 4 (a query per record would make it 100 times slower at
    100,000 stored records)."""
    def file_of(n: int) -> dict:
        return {"format": "tgdesk-records", "version": 1,
                "meetings": [{"held_on": f"2026-{1 + i % 10:02d}-{1 + i % 28:02d}",
                              "title": f"Hội nghị số {i}"} for i in range(n)]}
    big = write(tmp_path, file_of(400), "big.json")
    import_file(ctx, big)
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)
    event.listen(ctx.engine, "before_cursor_execute", count)
    try:
        import_file(ctx, write(tmp_path, file_of(4), "small.json"))
        small = len(statements)
        statements.clear()
        result = import_file(ctx, big)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", count)
    assert len(result.duplicates) == 400 and result.total == 0
    assert len(statements) == small
    assert sum("FROM meeting" in s for s in statements) >= 1
    with ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(t.MeetingRow)) == 400
