"""Each DOCX opens in LibreOffice and converts to about as many pages as our PDF."""

import dataclasses
import shutil
import subprocess

import pdfplumber
import pytest

from tgdesk.domain.period import Period
from tgdesk.services import reports, unit

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")]

LO_PROFILE = "file:///tmp/lo_profile_tgdesk"

# 6 conversions: both kinds, every period kind, both profiles.
CASES = [
    ("work", Period.month(2026, 10), "party"),
    ("opinion", Period.month(2026, 10), "party"),
    ("work", Period.quarter(2026, 3), "state"),
    ("work", Period.half(2026, 1), "party"),
    ("work", Period.year(2025), "party"),
    ("opinion", Period.year(2025), "state"),
]


def _pages(path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


@pytest.mark.parametrize("kind, period, profile", CASES,
                         ids=[f"{k}-{p.code()}-{pr}" for k, p, pr in CASES])
def test_libreoffice_converts_docx(filled, tmp_path, kind, period, profile):
    if profile == "state":
        u = unit.get_unit(filled)
        unit.save_unit(filled, dataclasses.replace(
            u, name="ỦY BAN NHÂN DÂN PHƯỜNG BÌNH TIÊN", doc_abbrev="UBND",
            signer_authority="T/M ỦY BAN NHÂN DÂN", signer_title="CHỦ TỊCH", profile="state"))
    data = reports.build_report(filled, kind, period, number=7)
    docx, pdf = reports.render_report(data, tmp_path, stem="r")
    lo_dir = tmp_path / "lo"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", "pdf",
         "--outdir", str(lo_dir), str(docx)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lo_pdf = lo_dir / "r.pdf"
    assert lo_pdf.exists(), result.stdout + result.stderr
    assert abs(_pages(lo_pdf) - _pages(pdf)) <= 1
    with pdfplumber.open(lo_pdf) as doc:
        text = doc.pages[0].extract_text()
        later = [(p.crop((0, 0, p.width, 54)).extract_text() or "").strip() for p in doc.pages[1:]]
    assert data.header.issuer.split()[0] in text
    assert later == [str(n) for n in range(2, len(later) + 2)]
