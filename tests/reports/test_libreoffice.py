"""A real word processor shows the same layout: LibreOffice converts every DOCX
(kind × period length × profile) without error, to as many pages as our PDF ±1,
with page numbers from page 2 and the header laid out as in our PDF."""

import shutil
import subprocess
import unicodedata

import pdfplumber
import pytest
from report_matrix import MATRIX, MATRIX_IDS

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")]

MM = 72 / 25.4


@pytest.fixture(scope="module")
def converted(matrix, tmp_path_factory):
    """Convert all 16 DOCX in one LibreOffice run; {key: LibreOffice PDF path}."""
    out = tmp_path_factory.mktemp("lo")
    profile = tmp_path_factory.mktemp("lo_profile")
    docs = [str(r.docx) for r in matrix.values()]
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *docs], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return {key: out / (r.docx.stem + ".pdf") for key, r in matrix.items()}


def _words(page):
    return page.extract_words(extra_attrs=["fontname", "size"])


@pytest.mark.parametrize("key", MATRIX, ids=MATRIX_IDS)
def test_libreoffice_layout_matches(matrix, converted, key):
    r, lo_pdf = matrix[key], converted[key]
    assert lo_pdf.exists(), f"LibreOffice wrote no {lo_pdf.name}"
    with pdfplumber.open(r.pdf) as ours, pdfplumber.open(lo_pdf) as lo:
        assert abs(len(lo.pages) - len(ours.pages)) <= 1, (len(lo.pages), len(ours.pages))
        pages = lo.pages
        first = pages[0]
        words = _words(first)
        text = unicodedata.normalize("NFC", first.extract_text())
        tops = [(p.crop((0, 0, p.width, 19 * MM)).extract_text() or "").strip() for p in pages]
        # no blank page (e.g. from a page break after a signature that ends a page)
        blank = [n for n, p in enumerate(pages, 1)
                 if not [w for w in _words(p) if w["top"] >= 19 * MM]]
        assert not blank, f"blank pages {blank}"
    assert tops[0] == ""                                   # no number on page 1
    assert tops[1:] == [str(n) for n in range(2, len(pages) + 1)]
    assert "BÁO CÁO" in text and r.data.header.place_date in " ".join(text.split())
    # the date is level with the number line, as in our PDF
    number = r.data.header.number_text.split()[-1]
    num = [w for w in words if w["text"] == number][0]
    date = [w for w in words if "Italic" in w["fontname"] and w["top"] < 80 * MM][0]
    assert abs(date["bottom"] - num["bottom"]) < 3
    assert all(w["x0"] >= 30 * MM - 1 and w["x1"] <= (210 - 15) * MM + 1 for w in words)
