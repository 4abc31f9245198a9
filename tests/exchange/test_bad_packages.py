"""Bad input: each refused with a Vietnamese message, the database unchanged."""

from __future__ import annotations

import io
import uuid
import zipfile
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tgdesk.domain import exchange as dx
from tgdesk.domain.period import Period
from tgdesk.services import exchange as ex
from tgdesk.services.errors import UserError
from tgdesk.services.exchange.keys import ensure_identity
from tgdesk.services.exchange.package import open_package, write_package
from tgdesk.domain.exchange import PackageError

from .conftest import dump


def _package(pair, content, *, version=dx.FORMAT_VERSION, recipient=None, sign=None,
             kind=dx.KIND_RECORDS, counts=None) -> bytes:
    w, u = ensure_identity(pair.ward), ensure_identity(pair.upper)
    m = dx.Manifest(package_id=str(uuid.uuid4()), kind=kind, sender_id=w.unit_uuid,
                    sender_name=w.name, recipient_id=recipient or u.unit_uuid,
                    recipient_name="X", created_at=datetime(2026, 11, 24, 8),
                    app_version="t", period_code="2026-11", period_start="2026-11-01",
                    period_end="2026-11-30", format_version=version,
                    counts=counts if counts is not None else ex.export.counts_of(content))
    return write_package(m, content, sign or w.sign_private, u.box_public)


def _zip(members: list[tuple[str, bytes]], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            zf.writestr(info, data)
    return out.getvalue()


def _refused(pair, data: bytes, match: str) -> None:
    path = pair.tmp / "bad.tgx"
    path.write_bytes(data)
    before = dump(pair.upper)
    with pytest.raises(UserError, match=match):
        ex.import_packages(pair.upper, path)
    assert dump(pair.upper) == before


MEETING = {"held_on": "2026-11-03", "meeting_type": "giao_ban", "title": "Giao ban",
           "place": None, "chaired_by": None, "participants": None, "attendance": 10,
           "contributions": 2, "contents": None, "conclusions": None,
           "classification": "thuong", "updated_at": "2026-11-03T08:00:00",
           "created_at": "2026-11-03T08:00:00", "deleted": False}


def test_untrusted_packages_are_refused_and_change_nothing(pair):
    good = {"meetings": {str(uuid.uuid4()): MEETING}}
    _refused(pair, b"", "zip")
    _refused(pair, b"PK\x03\x04 truncated", "zip")
    whole = _package(pair, good)
    _refused(pair, whole[: len(whole) // 2], "hỏng|cắt cụt|zip")
    _refused(pair, _package(pair, good, version=2), "phiên bản")
    _refused(pair, _package(pair, good, sign=ensure_identity(pair.ward).box_private),
             "Chữ ký")
    _refused(pair, _package(pair, good, recipient=str(uuid.uuid4())), "đơn vị khác")
    _refused(pair, _package(pair, good, counts={"meetings": {"records": 5, "deleted": 0}}),
             "không khớp")
    _refused(pair, _package(pair, good, kind=dx.KIND_CATALOGUE), "cấp trên")
    # Member names and structure.
    with zipfile.ZipFile(io.BytesIO(whole)) as zf:
        members = [(n, zf.read(n)) for n in zf.namelist()]
    _refused(pair, _zip(members + [("../evil", b"x")]), "không an toàn")
    _refused(pair, _zip(members + [("/etc/passwd", b"x")]), "không an toàn")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _refused(pair, _zip(members + [members[0]]), "trùng tên")
    _refused(pair, _zip(members[:2]), "thiếu hoặc thừa")
    # A zip bomb: a huge member of zeros.
    bomb = _zip([(dx.MANIFEST, members[0][1]), (dx.SIGNATURE, members[1][1]),
                 (dx.CONTENT, b"\0" * (50 * 1024 * 1024))])
    assert len(bomb) < 1024 * 1024
    _refused(pair, bomb, "bom nén|quá lớn")
    # The sender is not registered.
    other = pair.tmp / "other.sqlite"
    import shutil
    with pair.ward.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(pair.ward.db_path, other)
    from tgdesk.services.context import open_context
    from tgdesk.services.exchange.setup import init_unit
    from tgdesk.store import tables as t  # noqa: F401  (test only)
    ctx = open_context(other, today=pair.ward.today)
    with ctx.transaction() as s:
        s.query(t.UnitRow).update({"uuid": str(uuid.uuid4())})
    init_unit(ctx, "ĐẢNG ỦY PHƯỜNG LẠ", "X", "Y")
    ex.export_records(ctx, pair.tmp / "x.tgx", str(pair.parent_id), period=Period.parse("2026-11"))
    ctx.close()
    before = dump(pair.upper)
    with pytest.raises(UserError, match="chưa được đăng ký"):
        ex.import_packages(pair.upper, pair.tmp / "x.tgx")
    assert dump(pair.upper) == before


def test_one_bad_record_is_refused_alone(pair):
    bad_date = dict(MEETING, held_on="2026-02-30")
    negative = dict(MEETING, attendance=-4)
    future = dict(MEETING, held_on="2027-01-01")
    secret = dict(MEETING, classification="mat")
    content = {"meetings": {str(uuid.uuid4()): MEETING, str(uuid.uuid4()): bad_date,
                            str(uuid.uuid4()): negative, str(uuid.uuid4()): future,
                            "not-a-uuid": MEETING, str(uuid.uuid4()): secret},
               "studies": {}}
    dup = str(uuid.uuid4())
    content["meetings"][dup] = MEETING
    content["cells"] = {dup: {"name": "Chi bộ 1", "secretary": None, "member_count": 3,
                              "note": None, "active": True, "updated_at": "2026-11-01T00:00:00",
                              "created_at": "2026-11-01T00:00:00", "deleted": False}}
    path = pair.tmp / "mixed.tgx"
    path.write_bytes(_package(pair, content))
    rep = ex.import_packages(pair.upper, path)
    s = rep.summaries[0]
    assert s.added == 1
    reasons = " | ".join(r.reason for r in s.refused)
    assert len(s.refused) == 7, reasons
    assert "không tồn tại" in reasons and "số âm" in reasons and "tương lai" in reasons
    assert "Mật" in reasons and "hai loại" in reasons


def test_conflict_is_kept_for_a_decision(pair):
    from tgdesk.services.kinds import MEETINGS
    from tgdesk.services import lists
    from tgdesk.store import tables as t
    nov = Period.parse("2026-11")
    ex.export_records(pair.ward, pair.tmp / "a.tgx", period=nov)
    ex.import_packages(pair.upper, pair.tmp / "a.tgx")
    [row] = ex.received_rows(pair.upper, "meetings")[:1]
    # The level above corrects the received record …
    rec = MEETINGS.get(pair.upper, row["id"])
    rec.title = "Sửa ở cấp trên"
    MEETINGS.update(pair.upper, row["id"], rec)
    # … and the ward changes it too.
    wid = next(i for i in lists.record_ids(pair.ward, "meetings")
               if MEETINGS.get(pair.ward, i).uuid == row["uuid"])
    wrec = MEETINGS.get(pair.ward, wid)
    wrec.title = "Sửa ở phường"
    MEETINGS.update(pair.ward, wid, wrec)
    ex.export_records(pair.ward, pair.tmp / "b.tgx", since_last=True)
    rep = ex.import_packages(pair.upper, pair.tmp / "b.tgx")
    assert rep.summaries[0].conflicts == 1
    assert MEETINGS.get(pair.upper, row["id"]).title == "Sửa ở cấp trên"
    again = ex.import_packages(pair.upper, pair.tmp / "b.tgx")
    assert again.summaries[0].conflicts == 0
    [c] = ex.list_conflicts(pair.upper)
    assert ("title", "Sửa ở cấp trên", "Sửa ở phường") in c.differences()
    ex.resolve_conflict(pair.upper, c.id, "theirs")
    assert MEETINGS.get(pair.upper, row["id"]).title == "Sửa ở phường"
    assert ex.list_conflicts(pair.upper) == []
    # A deletion at the ward travels too.
    MEETINGS.delete(pair.ward, wid)
    ex.export_records(pair.ward, pair.tmp / "c.tgx", since_last=True)
    assert ex.import_packages(pair.upper, pair.tmp / "c.tgx").summaries[0].deleted == 1
    assert not any(r["uuid"] == row["uuid"] for r in ex.received_rows(pair.upper, "meetings"))
    del t


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_reader_fuzz_only_ever_raises_package_error(pair_bytes, data):
    blob = bytearray(pair_bytes)
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(blob) - 1))
        blob[i] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(blob)))
    try:
        open_package(bytes(blob[:cut]) if data.draw(st.booleans()) else bytes(blob))
    except PackageError:
        pass


@pytest.fixture(scope="module")
def pair_bytes():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    m = dx.Manifest(package_id=str(uuid.uuid4()), kind=dx.KIND_RECORDS,
                    sender_id=str(uuid.uuid4()), sender_name="A", recipient_id=str(uuid.uuid4()),
                    recipient_name="B", created_at=datetime(2026, 11, 24), app_version="t",
                    counts={"meetings": {"records": 1, "deleted": 0}})
    return write_package(m, {"meetings": {str(uuid.uuid4()): MEETING}},
                         Ed25519PrivateKey.generate().private_bytes_raw(),
                         X25519PrivateKey.generate().public_key().public_bytes_raw())


def test_zip_of_a_newer_zip_version_is_refused_plainly(pair_bytes):
    """zipfile raises NotImplementedError for an entry needing zip version > 6.3."""
    blob = bytearray(pair_bytes)
    at = blob.index(b"PK\x01\x02")          # first central-directory entry
    blob[at + 6:at + 8] = (99).to_bytes(2, "little")
    with pytest.raises(PackageError, match="không phải gói tgdesk"):
        open_package(bytes(blob))
