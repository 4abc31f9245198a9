"""From draft to issued document: the use cases of the report screen and of
``tgdesk report``.

A draft is rebuilt from the database every time and carries no number. Issuing
takes the next number of the Party-committee term, stamps today's date, renders
DOCX and PDF once, and stores them with the report data, all in one
transaction. What was issued is never rebuilt: exporting or printing it again
uses the stored files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tgdesk.domain.period import Period
from tgdesk.reports.model import ReportData, to_json

from . import register, reports
from .context import Context
from .errors import UserError
from .register import ReportEntry
from .settings_store import PROFILE_OVERRIDES, get_setting
from .unit import get_unit


@dataclass
class Issued:
    entry: ReportEntry
    files: list[Path]


def overrides(ctx: Context) -> dict:
    """The user's corrections to the format profile (line spacing, ủy/uỷ, …)."""
    return get_setting(ctx, PROFILE_OVERRIDES, {}) or {}


def draft(ctx: Context, kind: str, period: Period, cutoff: date | None = None,
          texts: dict | None = None) -> ReportData:
    """The draft report as it stands now. ``texts`` None: the saved words (this
    period's draft, else the previous report of the same kind)."""
    if texts is None:
        texts = register.starting_texts(ctx, kind, period.code())
    return reports.build_report(ctx, kind, period, cutoff, texts,
                                profile_overrides=overrides(ctx))


def file_stem(ctx: Context, kind: str, period: Period, number: int | None = None) -> str:
    unit = get_unit(ctx)
    if unit is None:
        raise UserError("Chưa khai báo thông tin đơn vị. Vào mục “Cài đặt đơn vị” trước.")
    stem = reports.report_file_stem(unit, kind, period)
    return f"{stem}_So{number:02d}" if number is not None else f"{stem}_DuThao"


def export_draft(ctx: Context, kind: str, period: Period, out_dir: Path,
                 formats: Iterable[str] = reports.FORMATS, cutoff: date | None = None,
                 texts: dict | None = None) -> list[Path]:
    data = draft(ctx, kind, period, cutoff, texts)
    return reports.render_report(data, out_dir, formats, file_stem(ctx, kind, period),
                                 profile_overrides=overrides(ctx))


def issue(ctx: Context, kind: str, period: Period, cutoff: date | None = None,
          texts: dict | None = None, out_dir: Path | None = None,
          formats: Iterable[str] = reports.FORMATS) -> Issued:
    """Number, date, render and register the report; optionally write it out."""
    unit = get_unit(ctx)
    if unit is None or not unit.is_complete():
        raise UserError("Chưa khai báo đủ thông tin đơn vị. Vào mục “Cài đặt đơn vị” trước khi "
                        "ban hành báo cáo.")
    if texts is None:
        texts = register.starting_texts(ctx, kind, period.code())
    today = ctx.today()
    with ctx.transaction() as session:
        number = register.next_number(session, unit.term_start)
        data = reports.build_report(ctx, kind, period, cutoff, texts, number=number,
                                    issued_on=today, profile_overrides=overrides(ctx))
        with tempfile.TemporaryDirectory(prefix="tgdesk-issue-") as tmp:
            paths = reports.render_report(data, Path(tmp), reports.FORMATS, "report",
                                          profile_overrides=overrides(ctx))
            blobs = {p.suffix[1:]: p.read_bytes() for p in paths}
        number_text = data.header.number_text.split(" ", 1)[-1].lstrip(": ").strip()
        row = register.record_issue(session, kind, period.code(), cutoff, data.profile, texts,
                                    unit.term_start, number, number_text, today, to_json(data),
                                    blobs.get("docx"), blobs.get("pdf"))
        entry = register.ReportEntry(row.id, row.uuid, kind, period.code(), cutoff, data.profile,
                                     texts, "issued", number, number_text, today)
    files = export_issued(ctx, entry.id, out_dir, formats) if out_dir is not None else []
    return Issued(entry, files)


def export_issued(ctx: Context, report_id: int, out_dir: Path,
                  formats: Iterable[str] = reports.FORMATS) -> list[Path]:
    """Write an issued report's stored files, byte for byte, into ``out_dir``."""
    entry, docx, pdf = register.issued_files(ctx, report_id)
    blobs = {"docx": docx, "pdf": pdf}
    stem = file_stem(ctx, entry.kind, Period.parse(entry.period_code), entry.number)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise reports.os_error(exc, out_dir) from exc
    written = []
    for fmt in formats:
        if fmt not in blobs:
            raise UserError(f"Định dạng tệp “{fmt}” không hỗ trợ (docx, pdf).")
        if blobs[fmt] is None:
            raise UserError(f"Báo cáo số {entry.number_text} không lưu tệp {fmt.upper()}.")
        final = out_dir / f"{stem}.{fmt}"
        tmp = None
        try:
            fd, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=out_dir)
            tmp = Path(name)
            with os.fdopen(fd, "wb") as fh:
                fh.write(blobs[fmt])
            os.replace(tmp, final)
        except OSError as exc:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
            raise reports.os_error(exc, out_dir) from exc
        written.append(final)
    return written
