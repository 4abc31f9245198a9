"""The oracles of the fault tests can fail: each is shown a state a broken
tgdesk could leave (part of an import, a stray or altered report file, a cut
backup, a traceback on stderr) and must reject it. Fast; no child process."""

from __future__ import annotations

import shutil
from contextlib import closing
from pathlib import Path

from fault_data import connect, counts, issued_ids, records_file
from fault_harness import Run, plain_message

import fault_oracles as oracle


def finished(stderr: str = "", returncode: int = 0, starved: bool = False) -> Run:
    return Run([], returncode, False, 0.5, 1.0, "", stderr, starved=starved)


def copy(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(template, folder / "tgdesk.sqlite"))


def test_import_oracle_rejects_part_of_an_import(unit_db, tmp_path):
    db = copy(unit_db, tmp_path / "db")
    before = counts(db)
    gains = records_file(tmp_path / "records.json", 30)
    assert oracle.imported(db, finished(), before, gains) == ("none", [])
    with closing(connect(db)) as conn:   # one catalogue row of the file, alone
        conn.execute("INSERT INTO cell (name, active, uuid, created_at, updated_at, deleted) "
                     "VALUES ('Chi bộ lẻ', 1, '00000000-0000-4000-a000-000000000001', "
                     "'2026-11-01', '2026-11-01', 0)")
        conn.commit()
    outcome, problems = oracle.imported(db, finished(), before, gains)
    assert outcome.startswith("part of the import")


def test_import_oracle_rejects_a_failed_child_and_a_cut_backup(unit_db, tmp_path):
    db = copy(unit_db, tmp_path / "db")
    before = counts(db)
    outcome, problems = oracle.imported(db, finished("tgdesk: lỗi", 1), before, {})
    assert outcome == "none" and any("not killed but failed" in p for p in problems)
    (tmp_path / "db" / "backups").mkdir()
    cut = tmp_path / "db" / "backups" / "tgdesk-20261124-080000-nhap.sqlite"
    cut.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    outcome, problems = oracle.imported(db, finished(), before, {})
    assert any(cut.name in p for p in problems)


def test_issue_oracle_rejects_files_the_register_does_not_hold(issued_db, tmp_path):
    db = copy(issued_db, tmp_path / "db")
    before = issued_ids(db)
    out = tmp_path / "out"
    out.mkdir()
    assert oracle.issued(db, finished(), out, before, tmp_path / "s0") == ("none", [])
    (out / "BaoCao_TuyenGiao_So02.pdf").write_bytes(b"%PDF-1.4 half")
    (out / ".BaoCao_TuyenGiao_So02.abc.tmp").write_bytes(b"")
    outcome, problems = oracle.issued(db, finished(), out, before, tmp_path / "s1")
    assert outcome == "none"
    assert any("folder holds" in p for p in problems)
    assert any("temporary files left" in p for p in problems)


def test_issue_oracle_rejects_an_issued_report_whose_file_differs(issued_db, tmp_path):
    db = copy(issued_db, tmp_path / "db")
    out = tmp_path / "out"
    stored = oracle.issued(db, finished(), out, set(), tmp_path / "s0")
    # the template's report counts as issued by "this" command, its files missing
    assert stored[0] == "all" and any("folder holds []" in p for p in stored[1])
    (entry_id,) = issued_ids(db)
    for path in (tmp_path / "s0" / str(entry_id)).iterdir():
        out.mkdir(exist_ok=True)
        shutil.copy(path, out / path.name)
    assert oracle.issued(db, finished(), out, set(), tmp_path / "s1") == ("all", [])
    docx = next(out.glob("*.docx"))
    docx.write_bytes(docx.read_bytes()[:-10])
    outcome, problems = oracle.issued(db, finished(), out, set(), tmp_path / "s2")
    assert any("differs from the stored report" in p for p in problems)


def test_a_damaged_database_does_not_pass(unit_db, tmp_path):
    db = copy(unit_db, tmp_path / "db")
    data = bytearray(db.read_bytes())
    data[4096 * 2: 4096 * 3] = b"\xff" * 4096      # a page of the schema's tables
    db.write_bytes(bytes(data))
    outcome, problems = oracle.imported(db, finished(), counts(unit_db), {})
    assert problems


def test_a_refusal_must_be_plain_vietnamese():
    ok = finished("tgdesk: Ổ đĩa đầy: không ghi được cơ sở dữ liệu.\n", 2, starved=True)
    assert plain_message(ok) == []
    for stderr in ("Traceback (most recent call last):\n  File …\nOSError: [Errno 27] File "
                   "too large\n",
                   "tgdesk: Không ghi được: database or disk is full.\n",
                   "tgdesk: lỗi không mong muốn; chi tiết đã ghi vào nhật ký x.log.\n",
                   "error: disk full\n", ""):
        assert plain_message(finished(stderr, 1, starved=True)), stderr
    assert plain_message(finished("tgdesk: Ổ đĩa đầy.", 0, starved=True))
