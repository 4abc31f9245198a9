"""Render DOCX, reopen it with python-docx and check each component of the spec."""

import dataclasses

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tgdesk.domain.period import Period
from tgdesk.reports.docx import render_docx
from tgdesk.reports.profile import load_profile
from tgdesk.services import reports, unit

OCT = Period.month(2026, 10)


def _mm(length) -> float:
    return round(length / Mm(1), 1)


@pytest.fixture
def party_doc(filled, tmp_path):
    data = reports.build_report(filled, "work", OCT, number=15)
    path = tmp_path / "r.docx"
    render_docx(data, load_profile("party"), path)
    return data, Document(str(path))


def _runs(paragraph):
    return [r for r in paragraph.runs if r.text]


def _only_run(paragraph):
    runs = _runs(paragraph)
    assert len(runs) == 1, paragraph.text
    return runs[0]


def test_page_setup(party_doc):
    _, doc = party_doc
    sec = doc.sections[0]
    assert (_mm(sec.page_width), _mm(sec.page_height)) == (210, 297)
    assert (_mm(sec.top_margin), _mm(sec.bottom_margin), _mm(sec.left_margin),
            _mm(sec.right_margin)) == (20, 20, 30, 15)
    assert _mm(sec.header_distance) == 10
    assert sec.different_first_page_header_footer
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert fonts.get(qn(attr)) == "Times New Roman"


def test_page_number_field_in_header_not_on_first_page(party_doc):
    _, doc = party_doc
    sec = doc.sections[0]
    header = sec.header
    para = header.paragraphs[0]
    assert para.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instr = para._p.findall(".//" + qn("w:instrText"))
    assert [i.text.strip() for i in instr] == ["PAGE"]
    assert all(r.font.size == Pt(14) for r in para.runs)
    assert not "".join(p.text for p in sec.first_page_header.paragraphs).strip()


def test_header_table(party_doc):
    data, doc = party_doc
    table = doc.tables[0]
    assert len(table.columns) == 2 and len(table.rows) == 1
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {e.get(qn("w:val")) for e in borders} == {"nil"}
    left, right = table.rows[0].cells
    widths = [c.width for c in table.rows[0].cells]
    assert abs(_mm(sum(widths, Mm(0))) - 165) < 0.2
    assert 0.38 < widths[0] / sum(widths) < 0.55
    lp = [p for p in left.paragraphs if p.text]
    assert [p.text for p in lp] == ["ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN",
                                    "*", "Số 15-BC/ĐU"]
    sizes = [_only_run(p).font.size for p in lp]
    assert sizes == [Pt(14)] * 4
    assert [bool(_only_run(p).font.bold) for p in lp] == [False, True, False, False]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in lp)
    rp = [p for p in right.paragraphs if p.text]
    assert [p.text for p in rp] == ["ĐẢNG CỘNG SẢN VIỆT NAM", data.header.place_date]
    title, date_line = (_only_run(p) for p in rp)
    assert title.font.size == Pt(15) and title.font.bold
    assert date_line.font.italic and date_line.font.size == Pt(14)
    bottom = rp[0]._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:val")) == "single"
    # the rule is about as long as the title: cell width minus the two indents
    fmt = rp[0].paragraph_format
    rule_mm = _mm(right.width) - 1 - _mm(fmt.left_indent) - _mm(fmt.right_indent)
    assert 70 < rule_mm < 78          # "ĐẢNG CỘNG SẢN VIỆT NAM" at 15 pt bold ≈ 73 mm
    for p in (*lp, *rp):
        assert p.paragraph_format.space_after == 0
    assert all(p.paragraph_format.space_before == 0 for p in (*lp, rp[0]))


def test_title_block_and_body(party_doc):
    data, doc = party_doc
    paras = [p for p in doc.paragraphs if p.text]
    i = next(k for k, p in enumerate(paras) if p.text == "BÁO CÁO")
    kind = _only_run(paras[i])
    assert kind.font.size == Pt(16) and kind.font.bold
    assert paras[i].alignment == WD_ALIGN_PARAGRAPH.CENTER
    summary = paras[i + 1: i + 1 + len(data.title.summary_lines)]
    assert [p.text for p in summary] == list(data.title.summary_lines)
    assert all(_only_run(p).font.bold and _only_run(p).font.size == Pt(14) for p in summary)
    sep = paras[i + 1 + len(summary)]
    assert sep.text == "-----" and not _only_run(sep).font.bold
    body = paras[i + 2 + len(summary)]
    assert body.text.startswith("Thực hiện Hướng dẫn")
    pf = body.paragraph_format
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert _mm(pf.first_line_indent) == 10
    assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY and pf.line_spacing == Pt(18)
    assert pf.space_after == Pt(6)
    heading = next(p for p in paras if p.text == "I. KẾT QUẢ THỰC HIỆN")
    assert _only_run(heading).font.bold and heading.paragraph_format.keep_with_next


def test_signature_and_recipients(party_doc):
    data, doc = party_doc
    table = doc.tables[1]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {e.get(qn("w:val")) for e in borders} == {"nil"}
    assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    left, right = table.rows[0].cells
    assert 0.43 < left.width / (left.width + right.width) < 0.47
    lp = [p for p in left.paragraphs if p.text]
    label = _only_run(lp[0])
    assert lp[0].text == "Nơi nhận:" and label.font.underline and label.font.size == Pt(14)
    assert [p.text for p in lp[1:]] == list(data.recipients)
    assert all(_only_run(p).font.size == Pt(12) and p.alignment == WD_ALIGN_PARAGRAPH.LEFT
               for p in lp[1:])
    rp = right.paragraphs
    texts = [p.text for p in rp]
    assert texts[0] == "T/M ĐẢNG ỦY" and texts[1] == "PHÓ BÍ THƯ"
    assert texts[-1] == "Nguyễn Văn An" and texts[2:-1] == [""] * 4
    assert _only_run(rp[0]).font.bold and not _only_run(rp[1]).font.bold
    assert _only_run(rp[-1]).font.bold
    closing = [p for p in doc.paragraphs if p.text.startswith("Trên đây")][0]
    assert closing.paragraph_format.keep_with_next


def test_appendix_table_has_borders(party_doc):
    data, doc = party_doc
    table = doc.tables[2]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {e.get(qn("w:val")) for e in borders} == {"single"}
    assert [c.text for c in table.rows[0].cells] == list(data.appendix[0].header)
    assert len(table.rows) == len(data.appendix[0].rows) + 1


def test_state_profile_docx_has_quoc_hieu_never_party_title(filled, tmp_path):
    u = unit.get_unit(filled)
    unit.save_unit(filled, dataclasses.replace(
        u, name="ỦY BAN NHÂN DÂN PHƯỜNG BÌNH TIÊN", doc_abbrev="UBND",
        signer_authority="T/M ỦY BAN NHÂN DÂN", signer_title="CHỦ TỊCH", profile="state"))
    data = reports.build_report(filled, "work", OCT, number=12)
    path = tmp_path / "s.docx"
    render_docx(data, load_profile("state"), path)
    doc = Document(str(path))
    left, right = doc.tables[0].rows[0].cells
    right_text = [p.text for p in right.paragraphs if p.text]
    assert right_text[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert "Số: 12/BC-UBND" in [p.text for p in left.paragraphs]
    all_text = "\n".join(p.text for p in doc.paragraphs) + left.text + right.text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in all_text
    label = [p for p in doc.tables[1].rows[0].cells[0].paragraphs if p.text][0]
    assert label.runs[0].font.bold and label.runs[0].font.italic


def test_party_docx_never_has_quoc_hieu(party_doc):
    _, doc = party_doc
    text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    text += "\n".join(p.text for p in doc.paragraphs)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" not in text and "Độc lập - Tự do" not in text
