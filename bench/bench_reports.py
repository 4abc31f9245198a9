"""Benchmark of report generation (run by hand: .venv/bin/python bench/bench_reports.py).

Demo data of 1 and 5 years in temporary databases; for each, the monthly and the
annual tuyên giáo report: the time to build the ReportData from the database, to
render the DOCX and the PDF, beside LibreOffice converting the same DOCX to PDF
(after one warm-up conversion, so its first-start cost is not counted). Prints a
table; the target is our DOCX + PDF in under a third of LibreOffice's time.
No assertions.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from tgdesk.domain.period import Period
from tgdesk.reports.docx import render_docx
from tgdesk.reports.pdf import render_pdf
from tgdesk.reports.profile import load_profile
from tgdesk.services import reports
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo

TODAY = date(2027, 1, 15)           # 2026 is a whole year of demo data
CASES = (("tháng 12/2026", Period.month(2026, 12)), ("năm 2026", Period.year(2026)))


def _median(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def _soffice(docx: Path, out: Path, profile: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True, timeout=300)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Benchmark of report generation.")
    ap.add_argument("--years", default="1,5", help="demo years per database (default 1,5)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measure, median (default 3)")
    args = ap.parse_args(argv)
    soffice = shutil.which("soffice")
    root = Path(tempfile.mkdtemp(prefix="tgdesk-bench-reports-"))
    lo_profile = root / "lo_profile"
    rows = []
    try:
        if soffice:   # warm-up: LibreOffice creates its profile on the first run
            ctx = open_context(root / "warm.sqlite", today=lambda: TODAY)
            load_demo(ctx, years=1)
            data = reports.build_report(ctx, "work", CASES[0][1])
            ctx.close()
            render_docx(data, load_profile(data.profile), root / "warm.docx")
            _soffice(root / "warm.docx", root / "warm", lo_profile)
        for years in (int(y) for y in args.years.split(",")):
            ctx = open_context(root / f"demo{years}.sqlite", today=lambda: TODAY)
            t0 = time.perf_counter()
            summary = load_demo(ctx, years=years)
            load_s = time.perf_counter() - t0
            print(f"Dữ liệu mẫu {years} năm: {summary.text().splitlines()[0]} "
                  f"({load_s:.1f} s)", flush=True)
            for label, period in CASES:
                build_s, data = _median(lambda: reports.build_report(ctx, "work", period),
                                        args.repeat)
                profile = load_profile(data.profile)
                stem = root / f"r{years}_{period.code()}"
                docx_s, _ = _median(lambda: render_docx(data, profile, stem.with_suffix(".docx")),
                                    args.repeat)
                pdf_s, _ = _median(lambda: render_pdf(data, profile, stem.with_suffix(".pdf")),
                                   args.repeat)
                lo_s = _soffice(stem.with_suffix(".docx"), root / "lo", lo_profile) \
                    if soffice else float("nan")
                rows.append((years, label, build_s, docx_s, pdf_s, lo_s))
            ctx.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)

    head = (f"{'Dữ liệu':<8} {'Báo cáo':<14} {'ReportData':>10} {'DOCX':>8} {'PDF':>8} "
            f"{'LibreOffice':>11} {'(DOCX+PDF)/LO':>14}")
    print()
    print(head)
    print("-" * len(head))
    for years, label, build_s, docx_s, pdf_s, lo_s in rows:
        ratio = (docx_s + pdf_s) / lo_s if lo_s == lo_s else float("nan")
        print(f"{years} năm    {label:<14} {build_s * 1000:>8.0f}ms {docx_s * 1000:>6.0f}ms "
              f"{pdf_s * 1000:>6.0f}ms {lo_s * 1000:>9.0f}ms {ratio:>14.2f}")
    print("\nMục tiêu: (DOCX + PDF) < 1/3 thời gian LibreOffice chuyển DOCX sang PDF "
          "(tỷ lệ < 0,33)." + ("" if soffice else " Không có soffice: bỏ qua LibreOffice."))


if __name__ == "__main__":
    main()
