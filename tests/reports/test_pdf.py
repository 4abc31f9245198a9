"""Render PDF and read it back with pdfplumber."""

import unicodedata

import pdfplumber
import pytest

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period
from tgdesk.reports.pdf import render_pdf
from tgdesk.reports.profile import load_profile
from tgdesk.services import reports, stats

OCT = Period.month(2026, 10)
A4 = (595.28, 841.89)


def _render(ctx, tmp_path, kind="work", period=OCT, **kw):
    data = reports.build_report(ctx, kind, period, number=15, **kw)
    path = tmp_path / f"{kind}.pdf"
    render_pdf(data, load_profile(data.profile), path)
    return data, path


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_pdf_text_round_trip_and_figures(filled, tmp_path):
    data, path = _render(filled, tmp_path)
    f = stats.figures(filled, OCT)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            assert (round(page.width, 1), round(page.height, 1)) == (595.3, 841.9)
        text = _flat("\n".join(p.extract_text() for p in pdf.pages))
    for s in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
              "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "Số 15-BC/ĐU", "Bình Tiên, ngày 24 tháng 11 năm 2026",
              "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "Nơi nhận:", "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ",
              "Nguyễn Văn An", "- Lưu Văn phòng Đảng ủy.", "Học tập và làm theo tư tưởng, đạo đức"):
        assert s in text, s
    assert _flat(" ".join(data.title.summary_lines)) in text
    assert f"với {vf.number(f.meeting_attendance)} lượt người tham dự" in text
    assert f"tỷ lệ đảng viên tham dự đạt {vf.percent(f.party_rate)}" in text
    assert f"tổ chức {vf.count(f.study_sessions, True)} buổi học tập" in text
    assert "ĐỘC LẬP" not in text.upper()


def test_pdf_fonts_are_embedded_liberation_subsets(filled, tmp_path):
    _, path = _render(filled, tmp_path)
    with pdfplumber.open(path) as pdf:
        fonts = {c["fontname"] for p in pdf.pages for c in p.chars}
    assert fonts and all("+LiberationSerif" in f for f in fonts)
    assert any(f.endswith("LiberationSerif-Bold") for f in fonts)
    assert any(f.endswith("LiberationSerif-Italic") for f in fonts)
    raw = path.read_bytes()
    assert b"/FontFile2" in raw


def _top_text(page, mm_from_top: float = 19) -> str:
    top = page.crop((0, 0, page.width, mm_from_top * 72 / 25.4))
    return (top.extract_text() or "").strip()


@pytest.mark.parametrize("kind, period", [("work", Period.year(2025)), ("work", OCT)])
def test_page_numbers_from_page_two(filled, tmp_path, kind, period):
    _, path = _render(filled, tmp_path, kind, period)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 2
        assert _top_text(pdf.pages[0]) == ""
        for n, page in enumerate(pdf.pages[1:], 2):
            assert _top_text(page) == str(n)
            words = page.crop((0, 0, page.width, 19 * 72 / 25.4)).extract_words(extra_attrs=["size"])
            centre = (words[0]["x0"] + words[0]["x1"]) / 2
            text_centre = (30 + (210 - 15)) / 2 * 72 / 25.4
            assert abs(centre - text_centre) < 3
            assert words[0]["size"] == pytest.approx(14, abs=0.1)


def test_header_positions(filled, tmp_path):
    _, path = _render(filled, tmp_path)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        words = page.extract_words(extra_attrs=["fontname", "size"])
        lines = page.lines + [e for e in page.edges if e["orientation"] == "h"]
    title = [w for w in words if w["text"] in ("ĐẢNG", "CỘNG", "SẢN", "VIỆT", "NAM")
             and w["size"] == pytest.approx(15)]
    assert len(title) == 5 and all("Bold" in w["fontname"] for w in title)
    x0, x1 = min(w["x0"] for w in title), max(w["x1"] for w in title)
    assert x0 > page.width / 2 - 40          # right column
    rule = [ln for ln in lines if abs(ln["top"] - title[0]["bottom"]) < 8]
    assert rule, "no rule under the title"
    assert abs(rule[0]["x0"] - x0) < 2 and abs(rule[0]["x1"] - x1) < 2
    date_words = [w for w in words if w["text"] == "Bình" and "Italic" in w["fontname"]]
    assert date_words and date_words[0]["size"] == pytest.approx(14)


def test_empty_period_pdf_says_so(with_unit, tmp_path):
    _, path = _render(with_unit, tmp_path, "work", Period.month(2026, 2))
    with pdfplumber.open(path) as pdf:
        text = _flat(" ".join(p.extract_text() for p in pdf.pages))
    assert "Trong tháng, chưa ghi nhận hội nghị, cuộc họp nào." in text


def test_nfd_input_is_normalised(with_unit, tmp_path):
    nfd = unicodedata.normalize("NFD", "Nghị quyết về tăng cường")
    _, path = _render(with_unit, tmp_path, "work", OCT, texts={"advice": nfd})
    with pdfplumber.open(path) as pdf:
        text = _flat(" ".join(p.extract_text() for p in pdf.pages))
    assert "Nghị quyết về tăng cường" in text


def test_draft_number_keeps_its_blank_for_the_hand_written_number(filled, tmp_path):
    data = reports.build_report(filled, "work", OCT)            # a draft: no number
    assert data.header.number_text == "Số     -BC/ĐU"
    path = tmp_path / "draft.pdf"
    render_pdf(data, load_profile("party"), path)
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[0].extract_words()
    so = next(w for w in words if w["text"] == "Số")
    rest = next(w for w in words if w["text"] == "-BC/ĐU")
    assert rest["x0"] - so["x1"] > 4 * 3.5            # five spaces at 14 pt, not one
