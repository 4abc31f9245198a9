"""Every kind × period length × profile, rendered once per test session
(the ``matrix`` fixture in conftest.py)."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

from tgdesk.domain.figures import Figures
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.reports.model import ReportData
from tgdesk.services import reports, stats, unit
from tgdesk.services.context import open_context

STATE_UNIT = dict(name="ỦY BAN NHÂN DÂN PHƯỜNG BÌNH TIÊN", doc_abbrev="UBND",
                  signer_authority="T/M ỦY BAN NHÂN DÂN", signer_title="CHỦ TỊCH",
                  profile="state")
KINDS = ("work", "opinion")
PERIODS = ("2026-10", "2026-Q3", "2026-H1", "2025")     # month, quarter, 6 months, year
PROFILES = ("party", "state")
MATRIX = [(k, p, pr) for pr in PROFILES for k in KINDS for p in PERIODS]
MATRIX_IDS = [f"{pr}-{k}-{p}" for k, p, pr in MATRIX]


@dataclasses.dataclass
class Rendered:
    kind: str
    period: Period
    profile_name: str
    data: ReportData
    docx: Path
    pdf: Path
    figures: list[Figures]     # the figures of each appendix column, in column order


def render_matrix(template: Path, out: Path, today: date) -> dict:
    result = {}
    for profile in PROFILES:
        path = out / f"{profile}.sqlite"
        shutil.copy(template, path)
        ctx = open_context(path, today=lambda: today)
        try:
            if profile == "state":
                unit.save_unit(ctx, dataclasses.replace(unit.get_unit(ctx), **STATE_UNIT))
            for kind in KINDS:
                for code in PERIODS:
                    period = Period.parse(code)
                    data = reports.build_report(ctx, kind, period, number=15)
                    docx, pdf = reports.render_report(data, out, stem=f"{profile}-{kind}-{code}")
                    cols = [period]
                    if period.kind in (PeriodKind.MONTH, PeriodKind.QUARTER):
                        cols.append(period.previous())
                    cols.append(period.same_last_year())
                    result[(kind, code, profile)] = Rendered(
                        kind, period, profile, data, docx, pdf,
                        [stats.figures(ctx, p) for p in cols])
        finally:
            ctx.close()
    return result
