"""Issuing: numbering per term, stamped date, files kept exactly as issued."""

import dataclasses
import hashlib
import json
from datetime import date

import pdfplumber
import pytest
from docx import Document

from tgdesk.app import main
from tgdesk.domain.period import Period
from tgdesk.services import issuing, register, unit
from tgdesk.services.errors import NotFound, UserError


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pdf_text(path):
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_numbers_follow_the_term_and_files_never_change(filled, tmp_path):
    first = issuing.issue(filled, "work", Period.parse("2026-10"), out_dir=tmp_path / "a",
                          allow_placeholders=True)
    second = issuing.issue(filled, "opinion", Period.parse("2026-10"), out_dir=tmp_path / "a",
                           allow_placeholders=True)
    assert (first.entry.number, second.entry.number) == (1, 2)
    assert first.entry.number_text == "01-BC/ĐU"
    assert first.entry.issued_on == date(2026, 11, 24)
    docx_path = next(p for p in first.files if p.suffix == ".docx")
    pdf_path = next(p for p in first.files if p.suffix == ".pdf")
    assert docx_path.name.endswith("_2026-10_So01.docx")
    assert "Số 01-BC/ĐU" in pdf_text(pdf_path)
    header_cells = Document(docx_path).tables[0].rows[0].cells
    assert "Số 01-BC/ĐU" in header_cells[0].text
    assert "ngày 24 tháng 11 năm 2026" in header_cells[1].text

    # Later changes to the data or to the unit never alter what was issued.
    u = unit.get_unit(filled)
    unit.save_unit(filled, dataclasses.replace(u, signer_name="Người Ký Mới"))
    again = issuing.export_issued(filled, first.entry.id, tmp_path / "b")
    assert {p.name: sha(p) for p in again} == {p.name: sha(p) for p in first.files}
    assert "Người Ký Mới" not in pdf_text(next(p for p in again if p.suffix == ".pdf"))
    assert [e.number for e in register.issued_reports(filled)] == [2, 1]


def test_a_new_term_starts_again_from_01(filled, tmp_path):
    issuing.issue(filled, "work", Period.parse("2026-09"), allow_placeholders=True)
    u = unit.get_unit(filled)
    unit.save_unit(filled, dataclasses.replace(u, term_start=date(2026, 11, 1)))
    fresh = issuing.issue(filled, "work", Period.parse("2026-10"), allow_placeholders=True)
    assert fresh.entry.number == 1


def test_draft_has_no_number_and_keeps_the_officers_words(filled, tmp_path):
    register.save_draft(filled, "work", "2026-10", {"strengths": "Ưu điểm do cán bộ viết."},
                        "party")
    paths = issuing.export_draft(filled, "work", Period.parse("2026-10"), tmp_path, ["pdf"])
    text = pdf_text(paths[0])
    assert "Ưu điểm do cán bộ viết." in text
    assert "Số 01-BC/ĐU" not in text and paths[0].name.endswith("_DuThao.pdf")
    # Issuing takes the draft's words and removes the draft.
    done = issuing.issue(filled, "work", Period.parse("2026-10"), allow_placeholders=True)
    assert done.entry.texts == {"strengths": "Ưu điểm do cán bộ viết."}
    assert register.draft(filled, "work", "2026-10") is None
    # The next report of the same kind starts from these words.
    assert register.starting_texts(filled, "work", "2026-11") == done.entry.texts


def test_refusals_change_nothing(filled, with_unit, tmp_path):
    with pytest.raises(UserError):
        issuing.issue(filled, "work", Period.parse("2027-01"))
    with pytest.raises(NotFound):
        issuing.export_issued(filled, 99, tmp_path)
    assert register.issued_reports(filled) == []


def test_cli_report_draft_issue_and_reexport(filled, tmp_path, capsys):
    db = str(filled.db_path)
    filled.close()
    out = tmp_path / "out"
    assert main(["--db", db, "report", "--kind", "work", "--period", "2026-10",
                 "--out", str(out), "--format", "pdf"]) == 0
    assert main(["--db", db, "report", "--kind", "opinion", "--period", "2026-Q3",
                 "--out", str(out), "--issue", "--allow-placeholders"]) == 0
    assert main(["--db", db, "issued", "--json"]) == 0
    lines = capsys.readouterr().out
    listing = json.loads(lines[lines.index("["):])
    assert [(e["number_text"], e["period"]) for e in listing] == [("01-BC/ĐU", "2026-Q3")]
    assert main(["--db", db, "report", "--issued", str(listing[0]["id"]),
                 "--out", str(tmp_path / "again")]) == 0
    names = sorted(p.name for p in (tmp_path / "again").iterdir())
    assert names == ["BaoCao_DLXH_DangUyPhuongBinhTien_2026-Q3_So01.docx",
                     "BaoCao_DLXH_DangUyPhuongBinhTien_2026-Q3_So01.pdf"]
    assert main(["--db", db, "report", "--kind", "work", "--period", "2026-10",
                 "--out", str(out), "--format", "odt"]) == 2
    assert "--format" in capsys.readouterr().err
