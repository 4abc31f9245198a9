"""Every kind × period length × profile as DOCX, reopened with python-docx and checked
against report-format.md: which cell, size, bold/italic/underline, alignment,
spacing, margins, page numbers, the exact Vietnamese text and the figures."""

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tgdesk import vnformat as vf
from tgdesk.domain.enums import MeetingType
from tgdesk.reports.compose import APPENDIX_ROWS
from tgdesk.reports.model import Bullet, Heading, Paragraph, Table

from report_matrix import MATRIX, MATRIX_IDS

C, L, J = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY

# (size, bold, italic, underline) of each component, as report-format.md (a), (d), (f) say.
SPEC = {
    "party": {
        "title_lines": [("ĐẢNG CỘNG SẢN VIỆT NAM", 15, True)],
        "superior": (14, False, False), "issuer": (14, True, False), "star": (14, False, False),
        "number": (14, False, False), "date": (14, False, True),
        "secrecy_mark": (14, True, False),     # component 10: under Số, CAPS, bold
        "kind": (16, True, False), "summary": (14, True, False),
        "label": (14, False, False, True), "recipient": 12,
        "authority": (14, True), "signer_title": (14, False), "name": (14, True),
        "number_text": "Số 15-BC/ĐU", "archive": "- Lưu Văn phòng Đảng ủy.",
    },
    "state": {
        "title_lines": [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True),
                        ("Độc lập - Tự do - Hạnh phúc", 14, True)],
        "superior": None, "issuer": (13, True, False), "star": None,
        "number": (13, False, False), "date": (14, False, True),
        "secrecy_mark": (14, True, False),
        "kind": (14, True, False), "summary": (14, True, False),
        "label": (12, True, True, False), "recipient": 11,
        "authority": (14, True), "signer_title": (14, True), "name": (14, True),
        "number_text": "Số: 15/BC-UBND", "archive": "- Lưu: VT.",
    },
}


def _mm(length) -> float:
    return round(length / Mm(1), 1)


def _run(paragraph):
    runs = [r for r in paragraph.runs if r.text]
    assert len(runs) == 1, paragraph.text
    return runs[0]


def _style(paragraph):
    r = _run(paragraph)
    return (r.font.size.pt, bool(r.font.bold), bool(r.font.italic))


def _has_bottom_rule(paragraph) -> bool:
    ppr = paragraph._p.pPr
    bdr = None if ppr is None else ppr.find(qn("w:pBdr"))
    return bdr is not None and bdr.find(qn("w:bottom")).get(qn("w:val")) == "single"


@pytest.fixture(scope="module")
def docs(matrix):
    return {key: Document(str(r.docx)) for key, r in matrix.items()}


CASES = pytest.mark.parametrize("key", MATRIX, ids=MATRIX_IDS)


@CASES
def test_page_setup_and_page_numbers(matrix, docs, key):
    doc = docs[key]
    sec = doc.sections[0]
    assert len(doc.sections) == 1
    assert (_mm(sec.page_width), _mm(sec.page_height)) == (210, 297)
    assert (_mm(sec.top_margin), _mm(sec.bottom_margin), _mm(sec.left_margin),
            _mm(sec.right_margin)) == (20, 20, 30, 15)
    assert _mm(sec.header_distance) == 10
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    # number top centre from page 2, page 1 has its own empty header
    assert sec.different_first_page_header_footer
    para = sec.header.paragraphs[0]
    assert para.alignment == C
    assert [i.text.strip() for i in para._p.iter(qn("w:instrText"))] == ["PAGE"]
    assert {r.font.size for r in para.runs} == {Pt(14)}
    assert not "".join(p.text for p in sec.first_page_header.paragraphs).strip()
    assert not list(sec.first_page_header._element.iter(qn("w:instrText")))


@CASES
def test_header_table_cells(matrix, docs, key):
    r, doc = matrix[key], docs[key]
    spec = SPEC[r.profile_name]
    table = doc.tables[0]
    assert len(table.rows) == 1 and len(table.columns) == 2
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {e.get(qn("w:val")) for e in borders} == {"nil"}
    left, right = table.rows[0].cells
    assert abs(_mm(left.width) + _mm(right.width) - 165) < 0.3
    lp = [p for p in left.paragraphs if p.text]
    h = r.data.header
    expected = [(ln, "superior") for ln in h.superior.split("\n") if ln]
    expected += [(ln, "issuer") for ln in h.issuer.split("\n")]
    if spec["star"]:
        expected.append(("*", "star"))
    expected.append((spec["number_text"], "number"))
    # an opinion report quotes notes marked Mật (the matrix's notes are): "MẬT" under Số
    assert h.secrecy_mark == ("MẬT" if r.data.meta["kind"] == "opinion" else None)
    if h.secrecy_mark:
        expected.append(("MẬT", "secrecy_mark"))
    assert [p.text for p in lp] == [t for t, _ in expected]
    for p, (_, comp) in zip(lp, expected):
        assert spec[comp] is not None, comp
        assert _style(p) == spec[comp], (p.text, comp)
        assert p.alignment == C
    if r.profile_name == "party":
        assert lp[0].text == "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH"
        assert lp[1].text == "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"
    else:   # NĐ 30: no superior line, "ỦY BAN NHÂN DÂN" / "PHƯỜNG BÌNH TIÊN", a short rule
        assert [p.text for p in lp[:2]] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG BÌNH TIÊN"]
        cells = left.paragraphs
        rule = cells[[c._p for c in cells].index(lp[1]._p) + 1]
        assert rule.text == "" and _has_bottom_rule(rule)
        fmt = rule.paragraph_format
        rule_mm = _mm(left.width) - 1 - _mm(fmt.left_indent) - _mm(fmt.right_indent)
        assert 10 < rule_mm < 25          # 0.4 × the issuer's widest line (≈ 43 mm)
    rp = [p for p in right.paragraphs if p.text]
    assert [p.text for p in rp] == [t for t, _, _ in spec["title_lines"]] + [h.place_date]
    for p, (text, size, bold) in zip(rp, spec["title_lines"]):
        assert _style(p) == (size, bold, False) and p.alignment == C
    assert _has_bottom_rule(rp[len(spec["title_lines"]) - 1])       # under title / motto
    assert sum(_has_bottom_rule(p) for p in right.paragraphs) == 1
    date = rp[-1]
    assert _style(date) == spec["date"] and date.alignment == C
    assert date.text == "Bình Tiên, ngày 24 tháng 11 năm 2026"
    # the date is pushed down to the "Số" line; every other header line is single, 0/0
    assert date.paragraph_format.space_before.pt >= 0
    for p in (*lp, *rp[:-1]):
        pf = p.paragraph_format
        assert pf.space_before == 0 and pf.space_after == 0
        assert pf.line_spacing_rule == WD_LINE_SPACING.SINGLE
    text = "\n".join(c.text for c in (left, right))
    other = "CỘNG HÒA XÃ HỘI" if r.profile_name == "party" else "ĐẢNG CỘNG SẢN"
    assert other not in text and other not in "\n".join(p.text for p in doc.paragraphs)


@CASES
def test_title_block(matrix, docs, key):
    r, doc = matrix[key], docs[key]
    spec = SPEC[r.profile_name]
    paras = doc.paragraphs
    i = next(k for k, p in enumerate(paras) if p.text == "BÁO CÁO")
    assert _style(paras[i]) == spec["kind"] and paras[i].alignment == C
    n = len(r.data.title.summary_lines)
    summary = paras[i + 1:i + 1 + n]
    assert [p.text for p in summary] == list(r.data.title.summary_lines)
    assert all(_style(p) == spec["summary"] and p.alignment == C for p in summary)
    assert summary[0].text[0].islower()                  # trích yếu: lower-case first letter
    after = paras[i + 1 + n]
    if r.profile_name == "party":
        assert after.text == "-----" and _style(after) == (14, False, False)
        assert after.alignment == C and after.paragraph_format.space_after == Pt(6)
    else:                                                 # NĐ 30: a rule, not "-----"
        assert after.text == "" and _has_bottom_rule(after)
        assert "-----" not in [p.text for p in paras]
    assert all(p.paragraph_format.keep_with_next for p in paras[i:i + 1 + n])


@CASES
def test_body_paragraphs_and_headings(matrix, docs, key):
    r, doc = matrix[key], docs[key]
    paras = [p for p in doc.paragraphs if p.text]
    by_text = {}
    for p in paras:
        by_text.setdefault(p.text, p)
    for block in r.data.body:
        if isinstance(block, (Paragraph, Bullet)):
            p = by_text[block.text]
            pf = p.paragraph_format
            assert p.alignment == J, p.text
            assert _mm(pf.first_line_indent) == 10
            assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY and pf.line_spacing == Pt(18)
            assert pf.space_after == Pt(6)
            assert _style(p) == (14, False, False)
        elif isinstance(block, Heading):
            p = by_text[block.text]
            assert _run(p).font.bold and p.paragraph_format.keep_with_next, block.text
            assert p.paragraph_format.line_spacing == Pt(18)
            if block.level == 0:              # Phần thứ … / TITLE: centred, bold
                label = paras[paras.index(p) - 1]
                assert label.text == block.label and _run(label).font.bold
                assert label.alignment == C and p.alignment == C
                assert label.paragraph_format.keep_with_next
                assert p.text == p.text.upper()
    closing = by_text[r.data.closing]
    assert closing.paragraph_format.keep_with_next and closing.alignment == J


def test_outlines_by_period_length(matrix):
    def outline(key):
        return [(b.label, b.text) if b.level == 0 else b.text
                for b in matrix[key].data.body if isinstance(b, Heading) and b.level <= 1]

    assert outline(("work", "2026-10", "party")) == [
        "I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG", "III. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert outline(("work", "2026-Q3", "state"))[2] == "III. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI"
    assert outline(("work", "2026-H1", "party")) == [
        ("Phần thứ nhất", "ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"),
        "I. KẾT QUẢ ĐẠT ĐƯỢC", "II. HẠN CHẾ, NGUYÊN NHÂN",
        ("Phần thứ hai", "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026"),
        "I. NHIỆM VỤ TRỌNG TÂM", "II. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert outline(("work", "2025", "state")) == [
        ("Phần thứ nhất", "ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"),
        "I. KẾT QUẢ ĐẠT ĐƯỢC", "II. HẠN CHẾ, NGUYÊN NHÂN", "III. BÀI HỌC KINH NGHIỆM",
        ("Phần thứ hai", "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2026"),
        "I. NHIỆM VỤ TRỌNG TÂM", "II. ĐỀ XUẤT, KIẾN NGHỊ"]
    h1 = matrix[("work", "2026-H1", "party")].data
    assert h1.title.summary_lines == ("sơ kết công tác tuyên giáo 6 tháng đầu năm,",
                                      "phương hướng nhiệm vụ 6 tháng cuối năm 2026")
    year = matrix[("work", "2025", "party")].data
    assert year.title.summary_lines == ("tổng kết công tác tuyên giáo năm 2025;",
                                        "phương hướng, nhiệm vụ trọng tâm năm 2026")
    subs = [b.text for b in year.body if isinstance(b, Heading) and b.level == 2]
    assert subs[0] == "1. Công tác tham mưu giúp cấp ủy lãnh đạo, chỉ đạo"
    assert subs[7] == "8. Đánh giá chung"
    for period in ("2026-10", "2026-Q3", "2026-H1", "2025"):
        assert outline(("opinion", period, "party")) == [
            "I. TÌNH HÌNH TƯ TƯỞNG CỦA CÁN BỘ, ĐẢNG VIÊN VÀ NHÂN DÂN", "II. DƯ LUẬN XÃ HỘI",
            "III. NHẬN ĐỊNH, DỰ BÁO", "IV. ĐỀ XUẤT, KIẾN NGHỊ"]


@CASES
def test_signature_and_recipients(matrix, docs, key):
    r, doc = matrix[key], docs[key]
    spec = SPEC[r.profile_name]
    table = doc.tables[1]
    assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    assert {e.get(qn("w:val")) for e in table._tbl.tblPr.find(qn("w:tblBorders"))} == {"nil"}
    left, right = table.rows[0].cells
    assert 0.44 < left.width / (left.width + right.width) < 0.46
    lp = [p for p in left.paragraphs if p.text]
    label = _run(lp[0])
    assert lp[0].text == "Nơi nhận:" and lp[0].alignment == L
    assert (label.font.size.pt, bool(label.font.bold), bool(label.font.italic),
            bool(label.font.underline)) == spec["label"]
    assert [p.text for p in lp[1:]] == list(r.data.recipients)
    assert lp[-1].text == spec["archive"]
    assert all(p.text.startswith("- ") for p in lp[1:])
    assert all(_style(p) == (spec["recipient"], False, False) and p.alignment == L
               and not p.paragraph_format.first_line_indent for p in lp[1:])
    rp = right.paragraphs
    auth = "T/M ĐẢNG ỦY" if r.profile_name == "party" else "TM. ỦY BAN NHÂN DÂN"
    title = "PHÓ BÍ THƯ" if r.profile_name == "party" else "CHỦ TỊCH"
    assert [p.text for p in rp] == [auth, title, "", "", "", "", "Nguyễn Văn An"]
    assert _style(rp[0])[:2] == spec["authority"] and _style(rp[1])[:2] == spec["signer_title"]
    assert _style(rp[-1])[:2] == spec["name"]
    assert all(p.alignment == C for p in rp)


@CASES
def test_exact_text_round_trip(matrix, docs, key):
    r, doc = matrix[key], docs[key]
    found = {p.text for p in doc.paragraphs}
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                found |= {p.text for p in cell.paragraphs}
                found.add(cell.text)
    for s in r.data.all_text():
        for line in s.split("\n"):
            if line:
                assert line in found, line


@CASES
def test_appendix_figures_equal_the_database(matrix, docs, key):
    r, doc = matrix[key], docs[key]
    table = doc.tables[2]
    assert {e.get(qn("w:val")) for e in table._tbl.tblPr.find(qn("w:tblBorders"))} == {"single"}
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    block = r.data.appendix[0]
    assert isinstance(block, Table)
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == list(block.header) and rows[1:] == [list(x) for x in block.rows]
    labels = {row[1]: row[3:] for row in rows[1:]}
    for col, f in enumerate(r.figures):
        assert labels["Ý kiến dư luận xã hội"][col] == vf.number(f.opinions_total)
        assert labels.get("Vấn đề điểm nóng", labels.get("– Vấn đề điểm nóng"))[col] == \
            vf.number(f.hot_spots)
        if r.kind == "work":
            assert labels["Hội nghị, cuộc họp"][col] == vf.number(f.meetings_total)
            assert labels["Lượt người dự học tập"][col] == vf.number(f.study_participants)
            assert labels["Tỷ lệ đảng viên tham dự"][col] == vf.percent(f.party_rate)
            assert len(rows) - 1 == len(APPENDIX_ROWS)
        else:
            for name, n in f.opinions_by_category.items():
                assert labels[f"– {name}"][col] == vf.number(n)
            assert labels["Ý kiến bức xúc"][col] == vf.number(
                f.opinions_by_attitude.get("buc_xuc", 0))
    # a new page before the appendix: "page break before" on its title, no break paragraph
    # (which would leave a blank page when the signature block ends a page)
    assert not doc.element.body.xpath(".//w:br[@w:type='page']")
    title = next(p for p in doc.paragraphs if p.text == "PHỤ LỤC")
    assert title.paragraph_format.page_break_before
    assert sum(bool(p.paragraph_format.page_break_before) for p in doc.paragraphs) == 1


@CASES
def test_body_figures_equal_the_database(matrix, key):
    r = matrix[key]
    f = r.figures[0]
    text = "\n".join(r.data.all_text())
    n = lambda v: vf.count(v, True)  # noqa: E731
    if r.kind == "work":
        assert f"tổ chức {n(f.meetings_total)} hội nghị, cuộc họp" in text
        # every meeting type with its count, in the order of MeetingType
        types = [m for m in MeetingType if f.meetings_by_type.get(m.value)]
        listed = ", ".join(f"{n(f.meetings_by_type[m.value])} {m.label.lower()}" for m in types)
        assert f"cuộc họp ({listed})" in text
        assert f"với {vf.number(f.meeting_attendance)} lượt người tham dự" in text
        assert f"tổ chức {n(f.study_sessions)} buổi học tập" in text
        assert f"tỷ lệ đảng viên tham dự đạt {vf.percent(f.party_rate)}" in text
        for d in f.documents:
            assert f"{n(d.sessions)} buổi, {vf.number(d.participants)} lượt người tham dự" in text
    else:
        assert f"nắm bắt {n(f.opinions_total)} ý kiến" in text
        for name, c in f.opinions_by_category.items():
            assert f"- {name}: {n(c)} ý kiến" in text
    assert " 00 " not in text                      # zero counts are not written "00 ý kiến"
