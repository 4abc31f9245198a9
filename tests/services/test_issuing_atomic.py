"""Issuing a report is one act: a number is never given twice, and the register
and the files written never disagree - not when the folder cannot be written,
not when another issuer runs at the same moment, not when the process dies
half-way (recover_pending at the next opening)."""

from __future__ import annotations

import os
import random
import re
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from tgdesk.app import main
from tgdesk.domain.period import Period
from tgdesk.domain.records import UnitSettings
from tgdesk.services import issuing, register, reports, unit
from tgdesk.services.context import open_context
from tgdesk.services.errors import UserError
from tgdesk.services.pending_issue import OwnerLock
from tgdesk.store.tables import ReportRow

TODAY = date(2026, 11, 24)   # the conftest ctx fixture's today
OCT = Period.parse("2026-10")
UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                    place_name="Bình Tiên", doc_abbrev="ĐU", signer_authority="T/M ĐẢNG ỦY",
                    signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn An", profile="party",
                    term_start=date(2025, 10, 1))
STEM = "BaoCao_TuyenGiao_DangUyPhuongBinhTien_2026-10"


@pytest.fixture
def uctx(ctx):
    unit.save_unit(ctx, UNIT)
    register.save_draft(ctx, "work", "2026-10", {"strengths": "Lời văn của cán bộ."}, "party")
    return ctx


def rows(ctx) -> list[tuple]:
    with ctx.reading() as session:
        return [(r.id, r.status, r.number) for r in session.query(ReportRow).order_by(ReportRow.id)]


def stray(folder: Path) -> list[str]:
    """Temporary and lock files left behind."""
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".tmp", ".lock"))
                  and not p.name.endswith(".sqlite.lock"))


def die(lock: OwnerLock) -> None:
    """What a killed process leaves: the lock file, no lock held."""
    os.close(lock._fd)
    lock._fd = None


def pending_act(ctx, out: Path, formats=("docx", "pdf")):
    """Step a of an issue with files, as a process killed right after it leaves it."""
    lock = OwnerLock.start(ctx.db_path)
    stored = issuing._store(ctx, "work", OCT, None, register.starting_texts(ctx, "work",
                            "2026-10"), unit.get_unit(ctx), out, list(formats), lock,
                            allow_placeholders=True)
    assert stored is not None
    return (*stored, lock)


# --- a folder that cannot be written -------------------------------------------------

def test_unwritable_folder_issues_nothing(uctx, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("không phải thư mục")
    before = rows(uctx)
    with pytest.raises(UserError) as err:
        issuing.issue(uctx, "work", OCT, out_dir=blocker / "bao-cao", allow_placeholders=True)
    message = str(err.value)
    assert "Báo cáo chưa được ban hành" in message and "01-BC/ĐU chưa bị dùng" in message
    assert rows(uctx) == before                           # the draft, nothing else
    assert register.issued_reports(uctx) == []
    assert register.draft(uctx, "work", "2026-10") is not None
    assert issuing.next_number_text(uctx) == "Số 01-BC/ĐU"
    assert stray(tmp_path) == []
    done = issuing.issue(uctx, "work", OCT, out_dir=tmp_path / "ok", allow_placeholders=True)
    assert done.entry.number == 1


def test_second_file_failing_removes_the_first(uctx, tmp_path):
    out = tmp_path / "out"
    (out / f"{STEM}_So01.pdf").mkdir(parents=True)        # the PDF cannot take its name
    (out / "cua-nguoi-dung.docx").write_bytes(b"not ours")
    with pytest.raises(UserError, match="Báo cáo chưa được ban hành"):
        issuing.issue(uctx, "work", OCT, out_dir=out, allow_placeholders=True)
    assert sorted(p.name for p in out.iterdir()) == ["BaoCao_TuyenGiao_DangUyPhuongBinhTien_"
                                                     "2026-10_So01.pdf", "cua-nguoi-dung.docx"]
    assert (out / "cua-nguoi-dung.docx").read_bytes() == b"not ours"
    assert register.issued_reports(uctx) == [] and issuing.recover_pending(uctx) == []


def test_cli_unwritable_out_exits_2_and_register_is_unchanged(uctx, tmp_path, capsys):
    db = str(uctx.db_path)
    uctx.close()
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    assert main(["--db", db, "report", "--kind", "work", "--period", "2026-10", "--issue",
                 "--allow-placeholders",
                 "--out", str(blocker / "bao-cao")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tgdesk: ") and "Báo cáo chưa được ban hành" in err
    assert "Traceback" not in err
    assert main(["--db", db, "issued", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    out = tmp_path / "D"
    assert main(["--db", db, "report", "--kind", "work", "--period", "2026-10", "--issue",
                 "--allow-placeholders",
                 "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # the command line's output is a contract
    assert re.fullmatch(r"Đã ban hành báo cáo số 01-BC/ĐU ngày \d\d/\d\d/\d{4} "
                        r"\(mã \d+ trong sổ\)\.", lines[0])
    assert lines[1:] == [str(out / f"{STEM}_So01.docx"), str(out / f"{STEM}_So01.pdf")]


# --- one number each -------------------------------------------------------------------

def test_a_number_taken_meanwhile_is_not_given_again(uctx, tmp_path, monkeypatch):
    """Another issuer takes the number while this one renders: this one renders
    again with the next number."""
    other = open_context(uctx.db_path, today=lambda: TODAY)
    real = reports.render_bytes
    raced = []

    def render_while_another_issues(*args, **kwargs):
        if not raced:
            raced.append(None)
            raced[0] = issuing.issue(other, "opinion", OCT, out_dir=tmp_path / "b",
                                     allow_placeholders=True)
        return real(*args, **kwargs)

    monkeypatch.setattr(reports, "render_bytes", render_while_another_issues)
    try:
        mine = issuing.issue(uctx, "work", OCT, out_dir=tmp_path / "a", allow_placeholders=True)
    finally:
        other.close()
    assert raced[0].entry.number == 1 and mine.entry.number == 2
    assert [p.name for p in mine.files] == [f"{STEM}_So02.docx", f"{STEM}_So02.pdf"]
    pdf = issuing.issued_pdf(uctx, mine.entry.id)[1]
    assert pdf == mine.files[1].read_bytes()
    with pdfplumber.open(mine.files[1]) as doc:
        assert "Số 02-BC/ĐU" in doc.pages[0].extract_text()
    assert sorted(e.number for e in register.issued_reports(uctx)) == [1, 2]


def test_the_database_refuses_a_number_twice(uctx):
    issuing.issue(uctx, "work", OCT, allow_placeholders=True)
    conn = sqlite3.connect(uctx.db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO report (kind, period_code, profile, texts, status, "
                         "term_start, number, uuid, created_at, updated_at, deleted) VALUES "
                         "('work', '2026-11', 'party', '{}', 'issued', '2025-10-01', 1, 'u', "
                         "'2026-11-24', '2026-11-24', 0)")
        # another term may have its own 01
        conn.execute("INSERT INTO report (kind, period_code, profile, texts, status, "
                     "term_start, number, uuid, created_at, updated_at, deleted) VALUES "
                     "('work', '2026-11', 'party', '{}', 'issued', '2020-10-01', 1, 'u', "
                     "'2026-11-24', '2026-11-24', 0)")
        conn.rollback()
    finally:
        conn.close()


# --- killed between "pending" and "issued" ---------------------------------------------

def test_killed_before_any_file_undoes_the_act(uctx, tmp_path):
    out = tmp_path / "out"
    entry, plan, blobs, lock = pending_act(uctx, out)
    assert entry.status == "pending"
    # a pending report is not in the register, but its number is taken
    assert register.issued_reports(uctx) == []
    assert issuing.next_number_text(uctx) == "Số 02-BC/ĐU"
    out.mkdir()
    (out / f".{STEM}_So01.k3j2l1.tmp").write_bytes(blobs["docx"][:100])
    die(lock)
    lines = issuing.recover_pending(uctx)
    assert len(lines) == 1 and "01-BC/ĐU" in lines[0] and "đã được hủy" in lines[0]
    assert rows(uctx)[0][1] == "draft" and len(rows(uctx)) == 1   # the draft is back in force
    assert issuing.next_number_text(uctx) == "Số 01-BC/ĐU"
    assert list(out.iterdir()) == [] and stray(tmp_path) == []


def test_killed_after_some_files_removes_only_ours(uctx, tmp_path):
    out = tmp_path / "out"
    entry, plan, blobs, lock = pending_act(uctx, out)
    out.mkdir()
    (out / f"{STEM}_So01.docx").write_bytes(blobs["docx"])
    (out / f"{STEM}_So01.pdf").write_bytes(b"%PDF- someone else's file")
    die(lock)
    assert "đã xóa 1 tệp" in issuing.recover_pending(uctx)[0]
    assert [p.name for p in out.iterdir()] == [f"{STEM}_So01.pdf"]
    assert (out / f"{STEM}_So01.pdf").read_bytes() == b"%PDF- someone else's file"
    assert register.issued_reports(uctx) == [] and stray(tmp_path) == []


def test_killed_after_every_file_finishes_the_act(uctx, tmp_path):
    out = tmp_path / "out"
    entry, plan, blobs, lock = pending_act(uctx, out, ("pdf",))
    out.mkdir()
    (out / f"{STEM}_So01.pdf").write_bytes(blobs["pdf"])
    die(lock)
    lines = issuing.recover_pending(uctx)
    assert len(lines) == 1 and "đã được hoàn tất" in lines[0]
    (done,) = register.issued_reports(uctx)
    assert (done.id, done.number, done.issued) == (entry.id, 1, True)
    assert register.draft(uctx, "work", "2026-10") is None
    assert (out / f"{STEM}_So01.pdf").read_bytes() == issuing.issued_pdf(uctx, done.id)[1]
    assert stray(tmp_path) == [] and issuing.recover_pending(uctx) == []


def test_recovery_leaves_an_act_still_at_work_alone(uctx, tmp_path):
    out = tmp_path / "out"
    entry, plan, blobs, lock = pending_act(uctx, out)
    try:
        assert issuing.recover_pending(uctx) == []
        assert "đang ban hành dở (một chương trình khác" in " ".join(
            issuing.register_check(uctx, repair=False))
        again = open_context(uctx.db_path, today=lambda: TODAY)   # opening recovers
        again.close()
        assert [r[1] for r in rows(uctx)] == ["draft", "pending"]
        files = issuing.write_and_issue(uctx, entry.id, plan, blobs, entry.number_text)
    finally:
        lock.release()
    assert [p.name for p in files] == [f"{STEM}_So01.docx", f"{STEM}_So01.pdf"]
    assert [e.number for e in register.issued_reports(uctx)] == [1]
    assert stray(tmp_path) == []


def test_opening_the_database_recovers(uctx, tmp_path):
    out = tmp_path / "out"
    _entry, _plan, _blobs, lock = pending_act(uctx, out)
    die(lock)
    uctx.close()
    again = open_context(uctx.db_path, today=lambda: TODAY)
    try:
        assert register.issued_reports(again) == []
        assert [r[1] for r in rows(again)] == ["draft"]
        assert issuing.register_check(again, repair=False) == []
    finally:
        again.close()
    assert stray(tmp_path) == []


def test_nothing_is_rendered_through_a_temporary_folder(uctx, tmp_path, monkeypatch):
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    assert issuing.preview_pdf(uctx, "work", OCT)[:5] == b"%PDF-"
    issuing.issue(uctx, "work", OCT, out_dir=tmp_path / "out", allow_placeholders=True)
    issuing.issue(uctx, "opinion", OCT, allow_placeholders=True)
    assert list(private.iterdir()) == []


# --- migration 0008 on a database that already holds a number twice -------------------

REPORT_0007 = ("INSERT INTO report (id, kind, period_code, profile, texts, status, term_start, "
               "number, number_text, issued_on, docx, pdf, uuid, created_at, updated_at, "
               "deleted) VALUES (?, ?, ?, 'party', '{}', ?, ?, ?, ?, ?, ?, ?, ?, "
               "'2026-11-01 08:00:00', '2026-11-01 08:00:00', 0)")


def test_migration_keeps_numbers_issued_twice_and_marks_the_later(tmp_path):
    from tgdesk.store.db import create_db_engine
    from tgdesk.store.migrate import upgrade

    path = tmp_path / "cu.sqlite"
    engine = create_db_engine(path)
    try:
        upgrade(engine, None, None, target="0007")
    finally:
        engine.dispose()
    term = "2025-10-01"
    conn = sqlite3.connect(path)
    conn.executemany(REPORT_0007, [
        (1, "work", "2026-09", "issued", term, 1, "01-BC/ĐU", "2026-10-05", b"D1", b"P1", "u1"),
        (2, "opinion", "2026-09", "issued", term, 1, "01-BC/ĐU", "2026-10-05", b"D2", b"P2",
         "u2"),
        (3, "work", "2026-10", "issued", term, 2, "02-BC/ĐU", "2026-11-03", b"D3", None, "u3"),
        (4, "work", "2026-10", "issued", term, 1, "01-BC/ĐU", "2026-11-03", b"D4", b"P4", "u4"),
        (5, "work", "2026-08", "issued", None, 1, "01-BC/ĐU", "2026-09-01", b"D5", b"P5", "u5"),
        (6, "work", "2026-08", "issued", None, 1, "01-BC/ĐU", "2026-09-01", b"D6", b"P6", "u6"),
        (7, "work", "2026-11", "draft", None, None, None, None, None, None, "u7"),
    ])
    conn.commit()
    conn.close()

    ctx = open_context(path, today=lambda: TODAY)   # the upgrade must not fail
    try:
        with ctx.reading() as session:
            marks = {r.id: r.duplicate_of for r in session.query(ReportRow)}
        assert marks == {1: None, 2: 1, 3: None, 4: 1, 5: None, 6: 5, 7: None}
        # every issued document is kept, as it was
        issued = register.issued_reports(ctx)
        assert [e.id for e in issued] == [6, 5, 4, 3, 2, 1]
        assert [e.duplicate_of for e in issued] == [5, None, 1, None, 1, None]
        assert issuing.issued_pdf(ctx, 2)[1] == b"P2"
        with ctx.reading() as session:
            assert register.next_number(session, date(2025, 10, 1)) == 3
        problems = issuing.register_check(ctx, repair=False)
        assert sum("được ban hành hai lần" in line for line in problems) == 3
        assert any("mã 3" in line and "không lưu tệp PDF" in line for line in problems)
    finally:
        ctx.close()
    conn = sqlite3.connect(path)
    try:
        indexes = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='report'")}
        assert {"uq_report_term_number", "uq_report_number_no_term"} <= indexes
        with pytest.raises(sqlite3.IntegrityError):   # from now on, never twice
            conn.execute(REPORT_0007, (8, "work", "2026-11", "issued", None, 1, "01-BC/ĐU",
                                       "2026-11-24", b"D", b"P", "u8"))
    finally:
        conn.close()


# --- real processes: two at once, and killed at random moments -------------------------

def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tgdesk", "--db", str(db), *args]


def _new_database(tmp_path: Path) -> tuple[Path, dict]:
    db = tmp_path / "db.sqlite"
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(private_tmp), "TEMP": str(private_tmp),
           "TMP": str(private_tmp), "TGDESK_LOCK_WAIT": "120"}
    subprocess.run(_cli(db, "init", "--unit", UNIT.name, "--parent", UNIT.parent_name,
                        "--place", UNIT.place_name), env=env, check=True, capture_output=True)
    return db, env


def _agree(db: Path, out: Path) -> list[int]:
    """Open (and so recover) the database; the register and the folder agree:
    every issued report's files hold its stored bytes, no other file is there,
    and nothing temporary is left. Returns the issued numbers."""
    ctx = open_context(db)
    try:
        expected = {}
        for e in register.issued_reports(ctx):
            entry, docx, pdf = register.issued_files(ctx, e.id)
            expected[f"{STEM}_So{e.number:02d}.docx"] = docx
            expected[f"{STEM}_So{e.number:02d}.pdf"] = pdf
        assert [r[1] for r in rows(ctx)] == ["issued"] * (len(expected) // 2)
        numbers = sorted(e.number for e in register.issued_reports(ctx))
    finally:
        ctx.close()
    found = {p.name: p.read_bytes() for p in out.iterdir()} if out.exists() else {}
    assert found.keys() == expected.keys()
    assert all(found[name] == blob for name, blob in expected.items())
    assert stray(db.parent) == []
    assert list((db.parent / "tmp").iterdir()) == []
    return numbers


@pytest.mark.slow
def test_two_issuers_started_together_get_two_numbers(tmp_path):
    db, env = _new_database(tmp_path)
    out = tmp_path / "D"
    args = _cli(db, "report", "--kind", "work", "--period", "2026-10", "--issue",
                "--allow-placeholders", "--out", str(out))
    procs = [subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    results = [(p.wait(), *p.communicate()) for p in procs]
    assert [code for code, _out, _err in results] == [0, 0], results
    said = sorted(re.search(r"số (\d\d)-BC", text).group(1) for _c, text, _e in results)
    assert said == ["01", "02"]
    assert _agree(db, out) == [1, 2]


def _pending_seen(db: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("SELECT count(*) FROM report WHERE status = 'pending'").fetchone()[0] > 0
    except sqlite3.Error:
        return False
    finally:
        conn.close()


@pytest.mark.slow
def test_issuers_killed_at_random_moments_leave_register_and_files_agreeing(tmp_path):
    """Half the children are killed at a random moment, half a random moment
    after their report turned pending (between "pending" and "issued")."""
    db, env = _new_database(tmp_path)
    out = tmp_path / "D"
    args = _cli(db, "report", "--kind", "work", "--period", "2026-10", "--issue",
                "--allow-placeholders", "--out", str(out))
    rnd = random.Random(2026)
    for trial in range(10):
        child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        try:
            if trial % 2:
                while child.poll() is None and not _pending_seen(db):
                    time.sleep(0.005)
                time.sleep(rnd.choice([0, rnd.uniform(0, 0.03)]))   # the files take ~ms
            child.wait(timeout=rnd.uniform(0.5, 8.0) if trial % 2 == 0 else 0)
        except subprocess.TimeoutExpired:
            pass
        child.kill()   # SIGKILL: nothing runs after it
        child.wait()
        numbers = _agree(db, out)
        assert numbers == list(range(1, len(numbers) + 1))   # no gap, no number twice
