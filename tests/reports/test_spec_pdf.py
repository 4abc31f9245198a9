"""Every kind × period length × profile as PDF, read back with pdfplumber and measured
against report-format.md: page size, margins, page numbers from page 2, header
positions and rules, exact line spacing, indent, signature block, no heading left
alone at a page bottom, and the exact Vietnamese text and figures."""

import unicodedata
from collections import defaultdict

import pdfplumber
import pytest
from report_matrix import MATRIX, MATRIX_IDS

from tgdesk.reports.model import Table

MM = 72 / 25.4
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, (210 - 15) * MM, 20 * MM, (297 - 20) * MM
CASES = pytest.mark.parametrize("key", MATRIX, ids=MATRIX_IDS)


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


class Page:
    """Words (with font and size), lines and rules of one page, read once."""

    def __init__(self, page):
        self.width, self.height = page.width, page.height
        self.words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
        self.chars = page.chars
        self.rules = [ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 1]
        self.text = page.extract_text() or ""
        self.tables = page.extract_tables()

    def lines(self):
        """Text lines (by rounded top), each a list of words left to right."""
        rows = defaultdict(list)
        for w in self.words:
            rows[round(w["top"], 0)].append(w)
        merged: list[list] = []
        for top in sorted(rows):
            if merged and abs(merged[-1][0]["top"] - top) < 2:
                merged[-1] += rows[top]
            else:
                merged.append(list(rows[top]))
        return [sorted(r, key=lambda w: w["x0"]) for r in merged]

    def find(self, text: str, **cond):
        out = [w for w in self.words if w["text"] == text]
        for k, v in cond.items():
            out = [w for w in out if v(w[k])]
        return out


@pytest.fixture(scope="module")
def pdfs(matrix):
    out = {}
    for key, r in matrix.items():
        with pdfplumber.open(r.pdf) as pdf:
            out[key] = [Page(p) for p in pdf.pages]
    return out


def _bold(w) -> bool:
    return "Bold" in w["fontname"]


def _italic(w) -> bool:
    return "Italic" in w["fontname"]


@CASES
def test_pages_margins_and_page_numbers(pdfs, key):
    pages = pdfs[key]
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert (round(page.width, 1), round(page.height, 1)) == (595.3, 841.9)
        above = [w for w in page.words if w["top"] < TOP - 0.5]
        if n == 1:
            assert not above                               # no number on page 1
        else:                                              # top centre, 14 pt, from page 2
            assert [w["text"] for w in above] == [str(n)]
            w = above[0]
            assert w["size"] == pytest.approx(14, abs=0.1) and not _bold(w)
            assert abs((w["x0"] + w["x1"]) / 2 - (LEFT + RIGHT) / 2) < 2
            assert 8 * MM < w["top"] < 14 * MM             # header distance 10 mm
        body = [w for w in page.words if w not in above]
        assert all(w["x0"] >= LEFT - 0.5 and w["x1"] <= RIGHT + 0.5 for w in body), \
            [w["text"] for w in body if w["x0"] < LEFT - 0.5 or w["x1"] > RIGHT + 0.5]
        assert all(w["top"] >= TOP - 0.5 and w["bottom"] <= BOTTOM + 0.5 for w in body)


@CASES
def test_header_positions_sizes_and_rules(matrix, pdfs, key):
    r, page = matrix[key], pdfs[key][0]
    h = r.data.header
    mid = LEFT + 0.40 * 165 * MM
    if r.profile_name == "party":
        title = [w for w in page.words if w["text"] in "ĐẢNG CỘNG SẢN VIỆT NAM".split()
                 and w["size"] == pytest.approx(15, abs=0.1)]
        assert len(title) == 5 and all(_bold(w) for w in title)
        ruled, number = title, page.find("15-BC/ĐU")[0]
        assert "CỘNG HÒA" not in page.text
        left_words = {"ĐẢNG", "BỘ", "THÀNH", "PHỐ", "HỒ", "CHÍ", "MINH"}
        superior = [w for w in page.words if w["text"] in left_words and w["top"] < title[0]["bottom"]
                    and w["x1"] < title[0]["x0"]]
        assert len(superior) == 7 and not any(_bold(w) for w in superior)
        assert all(w["size"] == pytest.approx(14, abs=0.1) for w in superior)
        star = page.find("*")
        assert star and abs((star[0]["x0"] + star[0]["x1"]) / 2 -
                            (number["x0"] + number["x1"]) / 2) < 25
    else:
        nat = [w for w in page.words if w["text"] in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".split()
               and w["size"] == pytest.approx(13, abs=0.1)]
        assert len(nat) == 8 and all(_bold(w) for w in nat)
        motto = [w for w in page.words if w["text"] in ("Độc", "lập", "Tự", "do", "Hạnh", "phúc")
                 and w["size"] == pytest.approx(14, abs=0.1)]
        assert len(motto) == 6 and all(_bold(w) for w in motto)
        assert motto[0]["top"] > nat[0]["bottom"] - 1
        ruled, number = motto, page.find("15/BC-UBND")[0]
        assert "ĐẢNG CỘNG SẢN" not in page.text and "*" not in page.text
        issuer = [w for w in page.words if w["x1"] < mid + 20 and _bold(w)
                  and w["top"] < number["top"]]
        assert " ".join(w["text"] for w in issuer) == "ỦY BAN NHÂN DÂN PHƯỜNG BÌNH TIÊN"
        assert all(w["size"] == pytest.approx(13, abs=0.1) for w in issuer)
        # a short rule (0.4 of the widest issuer line) under the issuer, above "Số:"
        issuer_w = max(w["x1"] for w in issuer) - min(w["x0"] for w in issuer)
        short = [ln for ln in page.rules if issuer[-1]["bottom"] <= ln["top"] <= number["top"]]
        assert short and 0.3 * issuer_w < short[0]["x1"] - short[0]["x0"] < 0.5 * issuer_w
    # the rule under the Party title / the motto is as long as its text
    x0, x1 = min(w["x0"] for w in ruled), max(w["x1"] for w in ruled)
    rule = [ln for ln in page.rules if 0 < ln["top"] - ruled[0]["bottom"] < 8
            and ln["x1"] > x0]
    assert rule, "no rule under the title"
    assert abs(rule[0]["x0"] - x0) < 1.5 and abs(rule[0]["x1"] - x1) < 1.5
    assert x0 > mid - 10                                   # right column
    # number: left column, regular; date: italic 14, level with the number line
    assert number["x1"] < mid + 20 and not _bold(number) and not _italic(number)
    date = [w for w in page.words if _italic(w) and w["top"] < 80 * MM]
    assert " ".join(w["text"] for w in date) == h.place_date
    assert all(w["size"] == pytest.approx(14, abs=0.1) for w in date)
    assert abs(date[0]["bottom"] - number["bottom"]) < 2.5
    assert date[0]["x0"] > mid - 10
    # "MẬT" (a report quoting Mật notes): under the number, centred with it, 14 pt bold
    marks = [w for w in page.words if w["text"] == "MẬT" and w["top"] < 80 * MM]
    if h.secrecy_mark:
        assert len(marks) == 1 and _bold(marks[0])
        assert marks[0]["size"] == pytest.approx(14, abs=0.1)
        assert 0 < marks[0]["top"] - number["bottom"] < 8
        assert abs((marks[0]["x0"] + marks[0]["x1"]) / 2 - (number["x0"] + number["x1"]) / 2) < 25
    else:
        assert not marks


@CASES
def test_title_block_centred(matrix, pdfs, key):
    r, page = matrix[key], pdfs[key][0]
    lines = page.lines()
    i = next(k for k, ln in enumerate(lines) if [w["text"] for w in ln] == ["BÁO", "CÁO"])
    kind = lines[i]
    assert all(_bold(w) for w in kind)
    assert kind[0]["size"] == pytest.approx(16 if r.profile_name == "party" else 14, abs=0.1)
    summary = lines[i + 1:i + 1 + len(r.data.title.summary_lines)]
    assert [" ".join(w["text"] for w in ln) for ln in summary] == list(r.data.title.summary_lines)
    for ln in [kind, *summary]:
        centre = (ln[0]["x0"] + ln[-1]["x1"]) / 2
        assert abs(centre - (LEFT + RIGHT) / 2) < 1.5
        assert all(_bold(w) and w["size"] == pytest.approx(ln[0]["size"]) for w in ln)
    nxt = lines[i + 1 + len(summary)]
    if r.profile_name == "party":
        assert [w["text"] for w in nxt] == ["-----"] and not _bold(nxt[0])
    else:
        assert "-----" not in page.text
        rule = [ln for ln in page.rules if 0 < ln["top"] - summary[-1][0]["bottom"] < 8]
        assert rule and abs((rule[0]["x0"] + rule[0]["x1"]) / 2 - (LEFT + RIGHT) / 2) < 1.5


@CASES
def test_body_exact_spacing_indent_and_justification(matrix, pdfs, key):
    page = pdfs[key][0]
    lines = page.lines()
    start = next(k for k, ln in enumerate(lines) if ln[0]["text"] == "Thực")
    body = lines[start:]
    assert all(w["size"] == pytest.approx(14, abs=0.1) for ln in body for w in ln)
    gaps = [round(b[0]["top"] - a[0]["top"], 1) for a, b in zip(body, body[1:])]
    # exactly 18 pt lines; 18 + 6 pt between paragraphs
    assert set(gaps) <= {18.0, 24.0}, gaps
    assert 18.0 in gaps and 24.0 in gaps
    first, second = body[0], body[1]
    assert gaps[0] == 18.0                                 # the opening has 2 lines or more
    assert first[0]["x0"] == pytest.approx(LEFT + 10 * MM, abs=0.5)      # 10 mm indent
    assert second[0]["x0"] == pytest.approx(LEFT, abs=0.5)
    # justified: every line but a paragraph's last ends at the right margin
    full = [a for a, gap in zip(body, gaps) if gap == 18.0 and not all(_bold(w) for w in a)]
    assert full and all(ln[-1]["x1"] == pytest.approx(RIGHT, abs=0.5) for ln in full)


@CASES
def test_no_heading_alone_at_a_page_bottom(matrix, pdfs, key):
    r, pages = matrix[key], pdfs[key]
    name = r.data.signature.name
    for n, page in enumerate(pages, 1):
        lines = [ln for ln in page.lines() if ln[0]["top"] >= TOP - 0.5]
        last = lines[-1]
        text = " ".join(w["text"] for w in last)
        if text == name or "PHỤ LỤC" in page.text:
            continue
        assert not all(_bold(w) for w in last), f"page {n} ends with a heading: {text}"


@CASES
def test_signature_block(matrix, pdfs, key):
    r, pages = matrix[key], pdfs[key]
    page = next(p for p in pages if p.find("Nơi"))
    label = page.find("Nơi")[0]
    auth_word = "T/M" if r.profile_name == "party" else "TM."
    auth = page.find(auth_word)[0]
    assert abs(label["top"] - auth["top"]) < 2.5                        # level
    assert label["x0"] == pytest.approx(LEFT, abs=2)
    split = LEFT + 0.45 * 165 * MM
    auth_line = [w for w in page.words if abs(w["top"] - auth["top"]) < 1 and w["x0"] > split]
    centre = (auth_line[0]["x0"] + auth_line[-1]["x1"]) / 2
    assert abs(centre - (split + RIGHT) / 2) < 3
    assert all(_bold(w) and w["size"] == pytest.approx(14, abs=0.1) for w in auth_line)
    title = [w for w in page.words if w["x0"] > split and 10 < w["top"] - auth["top"] < 20]
    assert _bold(title[0]) == (r.profile_name == "state")               # chức vụ bold in NĐ 30
    name = [w for w in page.words if w["text"] == "Nguyễn"][-1]
    assert _bold(name) and name["size"] == pytest.approx(14, abs=0.1)
    assert name["top"] - title[0]["top"] > 4 * 14                       # room for signature
    if r.profile_name == "party":
        assert label["size"] == pytest.approx(14, abs=0.1) and not _bold(label)
        under = [ln for ln in page.rules if label["top"] < ln["top"] < label["bottom"] + 3
                 and abs(ln["x0"] - label["x0"]) < 1]
        assert under, "Nơi nhận: is not underlined"
    else:
        assert label["size"] == pytest.approx(12, abs=0.1) and _bold(label) and _italic(label)
    recips = [w for w in page.words if w["x1"] < split and w["top"] > label["bottom"]]
    size = 12 if r.profile_name == "party" else 11
    assert recips and all(w["size"] == pytest.approx(size, abs=0.1) for w in recips)


@CASES
def test_exact_text_and_figures_round_trip(matrix, pdfs, key):
    r, pages = matrix[key], pdfs[key]
    text = _flat(" ".join(p.text for p in pages))
    table_cells = {c for b in (*r.data.body, *r.data.appendix) if isinstance(b, Table)
                   for row in (b.header, *b.rows) for c in row}
    for s in r.data.all_text():
        if s in table_cells:
            continue
        for line in s.split("\n"):
            assert _flat(line) in text, line
    block = r.data.appendix[0]
    rows = [row for p in pages for t in p.tables for row in t]
    rows = [[_flat(c or "") for c in row] for row in rows]
    assert rows == [[_flat(c) for c in row] for row in (block.header, *block.rows)]
