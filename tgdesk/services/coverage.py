"""Study coverage per document (the rule: domain/coverage.py): what the command line's
``coverage``, the work report's study section (:func:`report_coverage`), the
"Tiến độ học tập" page, its Excel export (services/excel/coverage_export.py) and the
overview's tile (:func:`due_unfinished`) read.

:func:`coverage` returns plain :class:`DocumentCoverage` dataclasses; :func:`find_document`
reads a document given by id or number-symbol; :func:`summary_json` and
:func:`detail_json` are the JSON shapes of the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from tgdesk import vnformat as vf
from tgdesk.domain.coverage import (DUE_SOON_DAYS, Attended, CellCoverage, DocumentCoverage,
                                    cover_document)
from tgdesk.domain.period import Period
from tgdesk.domain.records import PartyDocument
from tgdesk.domain.text import nfc
from tgdesk.store import coverage as store

from .context import Context
from .errors import UserError

__all__ = ["coverage", "period_coverage", "report_coverage", "due_unfinished", "document_name",
           "find_document", "summary_lines", "summary_json", "detail_json"]


def coverage(ctx: Context, document_ids: Sequence[int] | None = None, as_of: date | None = None,
             since: date | None = None) -> list[DocumentCoverage]:
    """The coverage of the documents ``document_ids`` (live, active or not), else of every
    active document, newest first; counted over the sessions held up to ``as_of``
    (default today; the day cells are late from) and from ``since`` if given (a
    document studied again every year)."""
    day = as_of or ctx.today()
    with ctx.reading() as session:
        data = store.coverage_inputs(session, document_ids, day, since)
    return [cover_document(doc, data.cells, data.history, data.sessions.get(doc.id, []), day)
            for doc in data.documents]


def period_coverage(ctx: Context, period: Period) -> list[DocumentCoverage]:
    """The documents studied in ``period`` (a live session held in it), with their
    coverage counted to the period's end (or today, if earlier)."""
    day = min(period.end, ctx.today())
    with ctx.reading() as session:
        ids = store.studied_between(session, period.start, period.end)
    return coverage(ctx, ids, day) if ids else []


def report_coverage(ctx: Context, period: Period, as_of: date | None = None
                    ) -> list[DocumentCoverage]:
    """The documents a report on ``period`` speaks of: those studied in it (a live
    session held from its start to ``as_of``) and those whose study deadline falls in
    it; counted to ``as_of`` (default the period's end; never after today), oldest
    first as the report cites documents."""
    day = min(as_of or period.end, ctx.today())
    with ctx.reading() as session:
        ids = set(store.studied_between(session, period.start, day))
        ids.update(store.deadline_between(session, period.start, period.end))
    found = coverage(ctx, sorted(ids), day) if ids else []
    return sorted(found, key=lambda dc: (dc.document.issued_on or date.min, dc.document.id))


def due_unfinished(ctx: Context, days: int = DUE_SOON_DAYS) -> list[DocumentCoverage]:
    """The active documents not studied by every cell yet whose deadline has passed or
    falls within ``days`` (the overview's tile), soonest deadline first; only those
    documents are counted."""
    today = ctx.today()
    with ctx.reading() as session:
        ids = store.deadline_between(session, date.min, today + timedelta(days=days))
    found = coverage(ctx, ids, today) if ids else []
    due = [dc for dc in found if dc.document.active and dc.due_unfinished(days)]
    return sorted(due, key=lambda dc: (dc.deadline, dc.document.id))


def document_name(document: PartyDocument) -> str:
    """The document cited short, as the work report cites it ("Nghị quyết số 57-NQ/TW")."""
    from tgdesk.reports.compose.words import cite     # the report's words: not at start
    return cite(document, short=True)


def _key(text: str) -> str:
    return "".join((nfc(text) or "").split()).casefold()


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def find_document(ctx: Context, text: str) -> int:
    """The id of the document given as its id ("12") or number-symbol ("35-NQ/TW",
    any case, spaces ignored; a unique start or part such as "35-NQ" will do).
    UserError when none matches or several do (listing them)."""
    wanted = _key(text)
    if not wanted:
        raise UserError("Chưa ghi văn bản: ghi mã hoặc số, ký hiệu (ví dụ 35-NQ/TW).")
    with ctx.reading() as session:
        docs = store.documents(session, inactive=True)
    if wanted.isdigit() and any(d.id == int(wanted) for d in docs):
        return int(wanted)
    exact = [d for d in docs if _key(d.number_symbol) == wanted]
    found = (exact or [d for d in docs if _key(d.number_symbol).startswith(wanted)]
             or [d for d in docs if wanted in _key(d.number_symbol)])
    if len(found) == 1:
        return found[0].id
    if not found:
        raise UserError(f"Không có văn bản “{text}” trong danh mục (ghi mã hoặc số, ký hiệu "
                        "như 35-NQ/TW; xem trang Danh mục › Văn bản).")
    listed = "; ".join(f"mã {d.id}: {d.number_symbol} ngày {vf.short_date(d.issued_on)} – "
                       f"{_short(d.title)}" for d in found[:10])
    more = f" và {vf.number(len(found) - 10)} văn bản khác" if len(found) > 10 else ""
    raise UserError(f"“{text}” ứng với {vf.number(len(found))} văn bản: {listed}{more}. "
                    "Hãy ghi mã của văn bản cần xem.")


def summary_lines(found: Sequence[DocumentCoverage]) -> list[tuple[str, str]]:
    """(label, value) pairs for ``stats``: one line per document, after a heading."""
    if not found:
        return []
    out = [(f"Tiến độ học tập (đến {vf.short_date(found[0].as_of)})", "")]
    for dc in found:
        value = (f"{vf.number(dc.cells_done)}/{vf.number(dc.cells_total)} chi bộ, "
                 f"{vf.number(dc.members_covered)}/{vf.number(dc.members_total)} đảng viên")
        if dc.members_rate is not None:
            value += f" ({vf.percent(dc.members_rate)})"
        out.append((f"  Văn bản {dc.document.number_symbol}", value))
    return out


# --- JSON ---------------------------------------------------------------------------

def _rate(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def summary_json(dc: DocumentCoverage) -> dict:
    d = dc.document
    return {"id": d.id, "number_symbol": d.number_symbol, "kind": d.kind, "title": d.title,
            "issued_on": _iso(d.issued_on), "study_deadline": _iso(dc.deadline),
            "as_of": dc.as_of.isoformat(),
            "cells_total": dc.cells_total, "cells_done": dc.cells_done,
            "cells_todo": len(dc.cells_todo), "cells_late": dc.cells_late,
            "days_late": dc.days_late, "cells_rate": _rate(dc.cells_rate),
            "members_total": dc.members_total, "members_covered": dc.members_covered,
            "members_rate": _rate(dc.members_rate),
            "cells_without_count": dc.cells_without_count,
            "ward": {"sessions": len(dc.ward_sessions),
                     "party_members_present": sum(s.present for s in dc.ward_sessions),
                     "members_covered": dc.ward_covered}}


def _session_json(s: Attended) -> dict:
    return {"study_id": s.study_id, "held_on": s.held_on.isoformat(),
            "party_members_present": s.present, "party_members_expected": s.expected}


def _cell_json(c: CellCoverage) -> dict:
    return {"cell_id": c.cell_id, "name": c.name, "state": c.state.value,
            "state_label": c.state.label, "first_on": _iso(c.first_on),
            "sessions": [_session_json(s) for s in c.sessions],
            "make_up_sessions": c.make_up_sessions, "party_members_present": c.present,
            "members": c.members, "members_known": c.members_known,
            "members_on": c.reference_on.isoformat(), "members_covered": c.covered,
            "days_late": c.days_late}


def detail_json(dc: DocumentCoverage) -> dict:
    """The summary, every cell with its sessions, and the ward-wide sessions."""
    return {**summary_json(dc), "cells": [_cell_json(c) for c in dc.cells],
            "ward_sessions": [_session_json(s) for s in dc.ward_sessions]}
