"""From draft to issued document: the use cases of the report screen and of
``tgdesk report``.

A draft is rebuilt from the database every time and carries no number. Issuing
takes the next number of the Party-committee term, stamps today's date, renders
DOCX and PDF once (in memory), and stores them with the report data in one
transaction; with an output folder the files are written before the report
counts as issued (services/pending_issue.py). What was issued is never
rebuilt: exporting or printing it again uses the stored files.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError

from tgdesk.domain.period import Period
from tgdesk.domain.roles import Permission
from tgdesk.reports.model import Bullet, Heading, Paragraph, ReportData, to_json
from tgdesk.reports.profile import ProfileError, load_profile
from tgdesk.reports.text import apply_uy_style, nfc

from . import placeholders, register, reports
from .context import Context
from .errors import UserError
from .files import make_folder, write_bytes
# recover_pending and register_check are part of this module's interface.
from .pending_issue import OwnerLock, Plan, write_and_issue
from .pending_issue import recover_pending, register_check  # noqa: F401 (re-exported)
from .register import EXCLUDED_NOTES, FIGURES, ReportEntry
from .report_format import overrides
from .unit import get_unit


@dataclass
class Issued:
    entry: ReportEntry
    files: list[Path]


def draft(ctx: Context, kind: str, period: Period, cutoff: date | None = None,
          texts: dict | None = None) -> ReportData:
    """The draft report as it stands now. ``texts`` None: the saved words (this
    period's draft, else the previous report of the same kind)."""
    if texts is None:
        texts = register.starting_texts(ctx, kind, period.code())
    data = reports.build_report(ctx, kind, period, cutoff, texts,
                                profile_overrides=overrides(ctx))
    return _with_edited_figures(ctx, data, kind, period, cutoff, texts)


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


ATTEMPTS = 3   # another issuer took the number meanwhile: render again with the next one


def issue(ctx: Context, kind: str, period: Period, cutoff: date | None = None,
          texts: dict | None = None, out_dir: Path | None = None,
          formats: Iterable[str] = reports.FORMATS,
          allow_placeholders: bool = False) -> Issued:
    """Number, date, render and register the report; with ``out_dir``, write it
    out too, as one act: the register never says issued while the files failed
    (services/pending_issue.py). Raises UserError when nothing was issued, and
    PlaceholdersLeft while the report holds placeholders ("[Nêu …]", "số …")
    unless ``allow_placeholders`` (the officer has seen them and said so)."""
    ctx.require(Permission.ISSUE_REPORTS)
    unit = get_unit(ctx)
    if unit is None or not unit.is_complete():
        raise UserError("Chưa khai báo đủ thông tin đơn vị. Vào mục “Cài đặt đơn vị” trước khi "
                        "ban hành báo cáo.")
    if texts is None:
        texts = register.starting_texts(ctx, kind, period.code())
    formats = list(dict.fromkeys(formats))
    for fmt in formats:
        if fmt not in reports.FORMATS:
            raise UserError(f"Định dạng tệp “{fmt}” không hỗ trợ (docx, pdf).")
    lock = OwnerLock.start(ctx.db_path) if out_dir is not None else None
    try:
        for _attempt in range(ATTEMPTS):
            stored = _store(ctx, kind, period, cutoff, texts, unit, out_dir, formats, lock,
                            allow_placeholders)
            if stored is not None:
                break
        else:
            raise UserError("Có người khác đang ban hành báo cáo trên cùng cơ sở dữ liệu nên "
                            "chưa lấy được số. Chưa ban hành báo cáo nào; hãy thử lại.")
        entry, plan, blobs = stored
        if plan is None:
            return Issued(entry, [])
        files = write_and_issue(ctx, entry.id, plan, blobs, entry.number_text)
        return Issued(dataclasses.replace(entry, status="issued"), files)
    finally:
        if lock is not None:
            lock.release()


def _store(ctx: Context, kind: str, period: Period, cutoff: date | None, texts: dict, unit,
           out_dir: Path | None, formats: list[str], lock: OwnerLock | None,
           allow_placeholders: bool = False,
           ) -> tuple[ReportEntry, Plan | None, dict[str, bytes]] | None:
    """Render the report with the next number and store it (issued, or pending
    when files are to be written) in one transaction; None when that number was
    taken meanwhile (try again). The cut-off kept is the day the figures were
    counted to (today while the period runs), so a correction counts the same days."""
    today = ctx.today()
    if cutoff is None and period.start <= today < period.end:
        cutoff = today
    with ctx.reading() as session:
        number = register.next_number(session, unit.term_start)
    data = reports.build_report(ctx, kind, period, cutoff, texts, number=number,
                                issued_on=today, profile_overrides=overrides(ctx))
    data = _with_edited_figures(ctx, data, kind, period, cutoff, texts)
    if not allow_placeholders:
        placeholders.refuse(placeholders.find(data))
    blobs = reports.render_bytes(data, reports.FORMATS, profile_overrides=overrides(ctx))
    number_text = data.header.number_text.split(" ", 1)[-1].lstrip(": ").strip()
    stem = f"{reports.report_file_stem(unit, kind, period)}_So{number:02d}"
    plan = Plan.of(out_dir, stem, formats, lock.token) if lock is not None else None
    try:
        with ctx.transaction() as session:
            if register.next_number(session, unit.term_start) != number:
                return None
            row = register.record_issue(session, kind, period.code(), cutoff, data.profile,
                                        texts, unit.term_start, number, number_text, today,
                                        to_json(data), blobs.get("docx"), blobs.get("pdf"),
                                        plan.to_json() if plan is not None else None)
            entry = register.ReportEntry(row.id, row.uuid, kind, period.code(), cutoff,
                                         data.profile, texts, row.status, number, number_text,
                                         today)
    except IntegrityError:
        return None          # the same number stored by another issuer at the same moment
    except OperationalError as exc:
        if "locked" not in str(exc.orig) and "busy" not in str(exc.orig):
            raise
        return None          # another writer held the database too long
    return entry, plan, blobs


def export_issued(ctx: Context, report_id: int, out_dir: Path,
                  formats: Iterable[str] = reports.FORMATS) -> list[Path]:
    """Write an issued report's stored files, byte for byte, into ``out_dir``."""
    entry, docx, pdf = register.issued_files(ctx, report_id)
    blobs = {"docx": docx, "pdf": pdf}
    stem = file_stem(ctx, entry.kind, Period.parse(entry.period_code), entry.number)
    out_dir = Path(out_dir)
    make_folder(out_dir, "báo cáo")
    written = []
    for fmt in formats:
        if fmt not in blobs:
            raise UserError(f"Định dạng tệp “{fmt}” không hỗ trợ (docx, pdf).")
        if blobs[fmt] is None:
            raise UserError(f"Báo cáo số {entry.number_text} không lưu tệp {fmt.upper()}.")
        written.append(write_bytes(out_dir / f"{stem}.{fmt}", blobs[fmt], "báo cáo"))
    return written


# --- the officer's versions of generated figures paragraphs ------------------

_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|\d+|[a-zđ])\s*[.\-)]\s+")


@dataclass(frozen=True)
class FigureSection:
    """The generated (figures) paragraphs of one section of a report."""
    key: str                 # the heading without its number: "Công tác tuyên truyền"
    title: str               # the heading as printed: "2. Công tác tuyên truyền"
    text: str                # the generated paragraphs, one per line
    edited: str | None = None   # the officer's version, None when not edited
    stale: bool = False      # edited, and the figures have changed since


def _sections(data: ReportData) -> list[tuple[str, Heading, list]]:
    """(key, heading, blocks under it) in order; blocks before the first heading
    (the opening) belong to no section."""
    out: list[tuple[str, Heading, list]] = []
    seen: dict[str, int] = {}
    for block in data.body:
        if isinstance(block, Heading):
            key = _NUMBERING.sub("", block.text).strip()
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                key = f"{key} ({seen[key]})"
            out.append((key, block, []))
        elif out:
            out[-1][2].append(block)
    return out


def _generated(ctx: Context, kind: str, period: Period, cutoff: date | None,
               texts: dict | None = None) -> list[tuple[str, Heading, list]]:
    """The sections of the report built without the officer's words: what is
    left besides "[…]" placeholders is generated from the figures (with the same
    notes left out as in the draft)."""
    picks = {EXCLUDED_NOTES: (texts or {}).get(EXCLUDED_NOTES)} if texts else {}
    bare = reports.build_report(ctx, kind, period, cutoff, picks,
                                profile_overrides=overrides(ctx))
    out = []
    for key, heading, blocks in _sections(bare):
        gen = [b for b in blocks if isinstance(b, (Paragraph, Bullet))
               and not b.text.lstrip().startswith("[")]
        if gen:
            out.append((key, heading, gen))
    return out


def _edits(texts: dict | None) -> dict[str, tuple[str, str | None]]:
    """{section key: (edited text, generated text it was edited from)}."""
    raw = (texts or {}).get(FIGURES) or {}
    out = {}
    if isinstance(raw, dict):
        for key, value in raw.items():
            if isinstance(value, dict):
                text, base = value.get("text") or "", value.get("base")
            else:
                text, base = str(value or ""), None
            if text.strip():
                out[str(key)] = (text, base)
    return out


def _lines_to_blocks(text: str, uy_style: str) -> list:
    blocks = []
    for line in text.splitlines():
        line = apply_uy_style(nfc(line.strip()), uy_style)
        if line:
            blocks.append(Bullet(line) if line.startswith(("- ", "+ ")) else Paragraph(line))
    return blocks


def _with_edited_figures(ctx: Context, data: ReportData, kind: str, period: Period,
                         cutoff: date | None, texts: dict | None) -> ReportData:
    """Put the officer's versions of generated paragraphs in place of those."""
    edits = _edits(texts)
    if not edits:
        return data
    generated = {key: {b.text for b in blocks}
                 for key, _h, blocks in _generated(ctx, kind, period, cutoff, texts)}
    try:
        uy_style = load_profile(data.profile, overrides(ctx)).uy_style
    except ProfileError as exc:
        raise UserError(str(exc)) from exc
    body = list(data.body[:next((i for i, b in enumerate(data.body) if isinstance(b, Heading)),
                                len(data.body))])
    for key, heading, blocks in _sections(data):
        body.append(heading)
        if key not in edits or key not in generated:
            body.extend(blocks)
            continue
        replacement = _lines_to_blocks(edits[key][0], uy_style)
        start = len(body)
        placed = False
        for block in blocks:
            if isinstance(block, (Paragraph, Bullet)) and block.text in generated[key]:
                if not placed:
                    body.extend(replacement)
                    placed = True
                continue
            body.append(block)
        if not placed:
            body[start:start] = replacement
    return dataclasses.replace(data, body=tuple(body))


def figure_sections(ctx: Context, kind: str, period: Period, cutoff: date | None = None,
                    texts: dict | None = None) -> list[FigureSection]:
    """Each section's generated paragraphs, with the officer's version if any."""
    edits = _edits(texts)
    out = []
    for key, heading, blocks in _generated(ctx, kind, period, cutoff, texts):
        text = "\n".join(b.text for b in blocks)
        edited, base = edits.get(key, (None, None))
        stale = edited is not None and base is not None and base != text
        out.append(FigureSection(key, heading.text, text, edited, stale))
    return out


def preview_pdf(ctx: Context, kind: str, period: Period, cutoff: date | None = None,
                texts: dict | None = None) -> bytes:
    """The draft as PDF bytes, for showing its pages in the window."""
    data = draft(ctx, kind, period, cutoff, texts)
    return reports.render_bytes(data, ("pdf",), profile_overrides=overrides(ctx))["pdf"]


def placeholders_left(ctx: Context, kind: str, period: Period, cutoff: date | None = None,
                      texts: dict | None = None) -> list[placeholders.Placeholder]:
    """What the draft still leaves to fill (the window asks before issuing it)."""
    return placeholders.find(draft(ctx, kind, period, cutoff, texts))


def next_number_text(ctx: Context) -> str:
    """The number the next issued report will take: "Số 03-BC/ĐU"."""
    unit = get_unit(ctx)
    if unit is None or not unit.is_complete():
        raise UserError("Chưa khai báo đủ thông tin đơn vị. Vào mục “Cài đặt đơn vị” trước khi "
                        "ban hành báo cáo.")
    with ctx.reading() as session:
        number = register.next_number(session, unit.term_start)
    return reports.profile_for(unit, overrides(ctx)).format_number(number, "BC", unit.doc_abbrev)


def issued_pdf(ctx: Context, report_id: int) -> tuple[ReportEntry, bytes]:
    """An issued report and its PDF exactly as issued."""
    entry, _docx, pdf = register.issued_files(ctx, report_id)
    if pdf is None:
        raise UserError(f"Báo cáo số {entry.number_text} không lưu tệp PDF.")
    return entry, pdf


def draft_from_issued(ctx: Context, report_id: int) -> ReportEntry:
    """A correction is a new report: the issued report's words become the draft
    of the same kind and period (replacing a draft there); the issued one stays."""
    entry = register.issued_files(ctx, report_id)[0]
    return register.save_draft(ctx, entry.kind, entry.period_code, dict(entry.texts),
                               entry.profile, entry.cutoff)
