"""Reports: build the ReportData of a period from the database, render it to
DOCX/PDF bytes in memory, and write those files safely (temporary name, then an
atomic rename)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from tgdesk.domain.figures import Figures
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.domain.records import UnitSettings
from tgdesk.reports.compose import KINDS, Inputs, IssuedDoc, ListedNote, compose
from tgdesk.reports.model import ReportData
from tgdesk.reports.profile import Profile, ProfileError, load_profile
from tgdesk.reports.text import ascii_fold
from tgdesk.store.activity_stats import models_to_date, year_theme
from tgdesk.store.stats import (first_record_day, network_by_role, opinions_by_source,
                                 period_figures, pressing_opinions)

from . import stats
from .campaign_report import (CAMPAIGN, campaign_facts, find_campaign, split_kind,
                              subject_of)
from .context import Context
from .coverage import report_coverage
from .errors import UserError
from .files import make_folder, write_bytes
from .register import EXCLUDED_NOTES
from .unit import get_guidance, get_unit

FORMATS = ("docx", "pdf")
UNITS_BELOW = "các đơn vị cấp dưới"   # who did the work a consolidated report counts


def _truncate(p: Period, days: int) -> Period:
    """The first ``days`` + 1 days of ``p`` (used when a period is still running)."""
    end = date.fromordinal(min(p.end.toordinal(), p.start.toordinal() + days))
    return Period(p.kind, p.start, end)


def profile_for(unit: UnitSettings, overrides: dict | None = None) -> Profile:
    try:
        return load_profile(unit.profile or "party", overrides)
    except ProfileError as exc:
        raise UserError(str(exc)) from exc


def build_report(ctx: Context, kind: str, period: Period, cutoff: date | None = None,
                 texts: dict | None = None, *, number: int | None = None,
                 issued_on: date | None = None,
                 profile_overrides: dict | None = None,
                 origin: Sequence[int] | None = None) -> ReportData:
    """The report of ``kind`` ("work" | "opinion" | "campaign:<id>", the campaign
    report on one campaign: services/campaign_report.py) for ``period``.

    ``cutoff``: count records up to that day (default: today when the period is
    still running). ``texts``: the officer's own words by section ("opening",
    "advice", "propaganda", "ideology", "ho_chi_minh", "other", "strengths",
    "weaknesses", "lessons", "tasks" (list), "proposals", "mood",
    "opinion_details", "hot_spots", "hostile", "outlook", "closing",
    "recipients" (list), and ``EXCLUDED_NOTES``: ids of the bức xúc notes and
    hot spots the opinion report leaves out). ``number``: the document number,
    None for a draft.
    ``origin``: count the rows received from these units below instead of this
    unit's own (consolidated reports, services/exchange/consolidated.py).
    """
    kind, campaign_id = split_kind(kind)
    if kind not in KINDS:
        raise UserError(f"Loại báo cáo “{kind}” không hợp lệ; chọn “work” (công tác tuyên giáo), "
                        "“opinion” (tình hình tư tưởng, dư luận xã hội) hoặc “campaign” (kết "
                        "quả tuyên truyền một đợt, chủ đề).")
    if kind == CAMPAIGN and (campaign_id is None or origin is not None):
        raise UserError("Báo cáo kết quả tuyên truyền cần một đợt, chủ đề của đơn vị "
                        "(--campaign MÃ); không lập báo cáo tổng hợp loại này.")
    today = ctx.today()
    if period.start > today:
        raise UserError(f"Kỳ báo cáo {period.label()} chưa bắt đầu (hôm nay là "
                        f"{today:%d/%m/%Y}); chưa thể lập báo cáo.")
    unit = get_unit(ctx)
    if unit is None or not unit.is_complete():
        raise UserError("Chưa khai báo thông tin đơn vị (tên đảng ủy, cấp trên, địa danh, người "
                        "ký). Vào mục “Cài đặt đơn vị” để khai báo trước khi lập báo cáo.")
    profile = profile_for(unit, profile_overrides)
    guidance = get_guidance(ctx)
    if cutoff is None and period.end > today:
        cutoff = today
    if cutoff is not None:
        if cutoff < period.start:
            raise UserError(f"Ngày chốt số liệu {cutoff:%d/%m/%Y} trước khi kỳ báo cáo bắt đầu.")
        if cutoff >= period.end:
            cutoff = None
    days = (cutoff - period.start).days if cutoff else None
    current = period if days is None else _truncate(period, days)
    previous = period.previous() if days is None else _truncate(period.previous(), days)
    last = period.same_last_year() if days is None else _truncate(period.same_last_year(), days)

    def figs(p: Period):
        if origin is None:
            return stats.figures(ctx, p)
        with ctx.reading() as session:   # rows received from units below (consolidated)
            return period_figures(session, p.start, p.end, origin=list(origin))

    facts, counted = None, (figs(current),)
    if kind == CAMPAIGN:    # one campaign's activities; no comparison with other periods
        facts = campaign_facts(ctx, find_campaign(ctx, str(campaign_id)), current)
        counted += (Figures(start=previous.start, end=previous.end),
                    Figures(start=last.start, end=last.end))
    else:
        counted += (figs(previous), figs(last))
    notes: tuple[ListedNote, ...] = ()
    if kind == "opinion" and origin is None:
        # A consolidated report counts the units' notes but does not list them (an
        # area name alone would not say which unit's "Khu phố 1" it is).
        left_out = excluded_notes(texts)
        notes = tuple(n for n in pressing_notes(ctx, current) if n.id not in left_out)
    inputs = Inputs(kind=kind, period=period, unit=unit,
                    current=counted[0], previous=counted[1],
                    last_year=counted[2], issued_on=issued_on or today,
                    cutoff=cutoff, number=number, texts=texts,
                    data_since=data_since(ctx, origin),
                    issued=issued_in(ctx, current) if origin is None else (),
                    sources=opinion_sources(ctx, current, origin),
                    network=network(ctx) if origin is None else {},
                    actor=None if origin is None else UNITS_BELOW, notes=notes,
                    guidance_number=guidance.number or None,
                    guidance_date=guidance.issued_on,
                    coverage=study_coverage(ctx, kind, period, current.end, origin),
                    campaign=facts, **year_models(ctx, kind, current, origin))
    return compose(inputs, profile)


def year_models(ctx: Context, kind: str, current: Period,
                origin: Sequence[int] | None = None) -> dict:
    """The work report's models of the year so far (up to the end of ``current``) and
    their theme, as Inputs' ``models_year`` and ``models_theme``."""
    if kind != "work":
        return {}
    start = date(current.end.year, 1, 1)
    with ctx.reading() as session:
        theme = year_theme(session, start, current.end, origin)
        to_date = (None if start >= current.start
                   else models_to_date(session, start, current.end, origin))
    return {"models_year": to_date, "models_theme": theme}


def study_coverage(ctx: Context, kind: str, period: Period, as_of: date,
                   origin: Sequence[int] | None = None) -> tuple:
    """The work report's coverage per document: the documents studied in ``period`` up
    to ``as_of`` (the cut-off) or due in ``period``, counted to ``as_of``. None in a
    consolidated report: the cells below are not counted per document yet."""
    if kind != "work" or origin is not None:
        return ()
    return tuple(report_coverage(ctx, period, as_of))


def excluded_notes(texts: dict | None) -> frozenset[int]:
    """The note ids the officer left out of the opinion report (kept in its texts)."""
    raw = (texts or {}).get(EXCLUDED_NOTES) or ()
    if not isinstance(raw, (list, tuple)):
        return frozenset()
    return frozenset(int(x) for x in raw
                     if isinstance(x, int) or (isinstance(x, str) and x.isdigit()))


def pressing_notes(ctx: Context, period: Period,
                   origin: Sequence[int] | None = None) -> list[ListedNote]:
    """The bức xúc notes and hot spots of ``period`` (all of them), oldest first."""
    with ctx.reading() as session:
        rows = pressing_opinions(session, period.start, period.end, origin)
    return [ListedNote(**row) for row in rows]


def texts_leaving_out(ctx: Context, kind: str, period: Period, ids_text: str,
                      cutoff: date | None = None) -> tuple[dict, list[int]]:
    """The saved words of the report with the notes ``ids_text`` ("12,15"; "" for
    none) left out instead of the saved choice (``report --exclude-notes``); and
    those ids that are not a bức xúc note or hot spot of the period."""
    from .register import starting_texts

    if kind != "opinion":
        raise UserError("--exclude-notes chỉ dùng cho báo cáo dư luận xã hội (--kind opinion).")
    ids = []
    for part in ids_text.replace(";", ",").replace(" ", ",").split(","):
        if not part.strip():
            continue
        if not part.strip().isdigit():
            raise UserError(f"--exclude-notes: “{part.strip()}” không phải mã ý kiến (một số, "
                            "ví dụ 12,15; xem mã bằng “list opinions --json”).")
        ids.append(int(part))
    texts = dict(starting_texts(ctx, kind, period.code()))
    texts[EXCLUDED_NOTES] = sorted(set(ids))
    known = {n.id for n in opinion_candidates(ctx, period, cutoff)}
    return texts, [i for i in texts[EXCLUDED_NOTES] if i not in known]


def opinion_candidates(ctx: Context, period: Period,
                       cutoff: date | None = None) -> list[ListedNote]:
    """What the opinion report of ``period`` may list, counted as the report counts
    (up to ``cutoff``, or today while the period runs): the officer ticks them."""
    today = ctx.today()
    if period.start > today:
        return []
    if cutoff is None and period.end > today:
        cutoff = today
    if cutoff is not None and period.start <= cutoff < period.end:
        period = _truncate(period, (cutoff - period.start).days)
    return pressing_notes(ctx, period)


def data_since(ctx: Context, origin: Sequence[int] | None = None) -> date | None:
    """The first day the database has records (no comparison with periods before it)."""
    with ctx.reading() as session:
        return first_record_day(session, origin)


def opinion_sources(ctx: Context, period: Period,
                    origin: Sequence[int] | None = None) -> dict[str, int]:
    """Opinion notes of ``period`` by source code (ctv, chi_bo, …), most first."""
    with ctx.reading() as session:
        return opinions_by_source(session, period.start, period.end, origin)


def network(ctx: Context) -> dict[str, int]:
    """Active people of the unit's network by role (báo cáo viên, tuyên truyền viên, CTV)."""
    with ctx.reading() as session:
        return network_by_role(session)


def issued_in(ctx: Context, period: Period) -> tuple[IssuedDoc, ...]:
    """The unit's reports issued (register) within ``period``, oldest first."""
    from .register import issued_reports

    out = []
    for e in reversed(issued_reports(ctx)):
        if e.issued_on and period.start <= e.issued_on <= period.end and e.number_text:
            try:
                out.append(IssuedDoc(e.number_text, e.issued_on, split_kind(e.kind)[0],
                                     Period.parse(e.period_code), subject_of(ctx, e.kind)))
            except ValueError:
                continue
    return tuple(out)


def report_file_stem(unit: UnitSettings, kind: str, period: Period) -> str:
    """"BaoCao_TuyenGiao_DangUyPhuongBinhTien_2026-11" (ASCII, no spaces)."""
    words = re.findall(r"[A-Za-z0-9]+", ascii_fold(unit.name or "DonVi"))
    name = "".join(w[:1].upper() + w[1:].lower() for w in words) or "DonVi"
    code = period.code().replace("..", "_") if period.kind is PeriodKind.CUSTOM else period.code()
    base = split_kind(kind)[0]
    prefix = {"opinion": "BaoCao_DLXH", CAMPAIGN: "BaoCao_TuyenTruyen"}.get(base,
                                                                          "BaoCao_TuyenGiao")
    return f"{prefix}_{name}_{code}"


def _renderer(fmt: str):
    if fmt == "docx":
        from tgdesk.reports.docx import render_docx
        return render_docx
    if fmt == "pdf":
        from tgdesk.reports.pdf import render_pdf
        return render_pdf
    raise UserError(f"Định dạng tệp “{fmt}” không hỗ trợ (docx, pdf).")


def render_bytes(data: ReportData, formats: Iterable[str] = FORMATS,
                 profile_overrides: dict | None = None) -> dict[str, bytes]:
    """Render ``data`` in memory: {format: the file's bytes}, in the order asked
    (each format once). Nothing touches the disk, so an interrupted rendering
    leaves nothing behind."""
    try:
        profile = load_profile(data.profile, profile_overrides)
    except ProfileError as exc:
        raise UserError(str(exc)) from exc
    renderers = [(fmt, _renderer(fmt)) for fmt in dict.fromkeys(formats)]
    out = {}
    for fmt, render in renderers:
        buffer = io.BytesIO()
        render(data, profile, buffer)
        out[fmt] = buffer.getvalue()
    return out


def render_report(data: ReportData, out_dir: Path, formats: Iterable[str] = FORMATS,
                  stem: str = "BaoCao", profile_overrides: dict | None = None) -> list[Path]:
    """Write ``stem.docx`` / ``stem.pdf`` into ``out_dir``; return the paths.

    The files are rendered in memory (render_bytes), then each is written under
    a temporary name in ``out_dir`` and renamed over the final name only when
    complete, so no half-written report is left.
    """
    out_dir = Path(out_dir)
    blobs = render_bytes(data, formats, profile_overrides)
    make_folder(out_dir, "báo cáo")
    return [write_bytes(out_dir / f"{stem}.{fmt}", blob, "báo cáo")
            for fmt, blob in blobs.items()]
