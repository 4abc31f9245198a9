"""Load the demo: draw every record, validate it like a form would, insert in one transaction."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from random import Random

from sqlalchemy import func, insert, select

from tgdesk.domain import validation as v
from tgdesk.domain.text import normalize_fields
from tgdesk.store import tables as t

from ..context import Context
from ..crud import known_ids
from .catalogues import catalogues, set_up_unit
from .coverage import member_history
from .generator import Gen, check, window
from .meetings import make_meetings
from .opinions import follow_up_history, make_opinions
from .studies import make_studies
from .summary import DemoSummary

# How many times each kind is generated per unit of ``scale`` (above 1): opinion
# notes and study sessions are the lists that grow largest in a ward's years.
SCALE_FACTORS = {"meetings": 1, "studies": 3, "opinions": 5}


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def load_demo(ctx: Context, years: int = 2, seed: int = 1, scale: int = 1) -> DemoSummary:
    """Fill the database with demo data of one ward over the last ``years`` years.

    ``scale`` (for measuring lists) multiplies the volume: above 1, meetings
    ``scale`` times, study sessions ``3 × scale`` and opinion notes ``5 × scale``
    times (SCALE_FACTORS), so ``years=5, scale=20`` gives about 110,000 opinion
    notes, 24,000 study sessions and 7,000 meetings.
    """
    today = ctx.today()
    start = window(today, years)
    summary = DemoSummary(start=start, end=today)
    with ctx.transaction() as session:
        # UUIDs repeat for the same seed on the same database state, but a second
        # load into a database (which already holds rows) draws new ones.
        existing = sum(session.scalar(select(func.count()).select_from(row)) or 0
                       for row in (t.UnitRow, t.CellRow, t.AreaRow, t.DocumentRow, t.PersonRow,
                                   t.CategoryRow, t.MeetingRow, t.StudyRow, t.OpinionRow))
        g = Gen(Random(seed), today, start, Random(f"tgdesk-demo:{seed}:{existing}"))
        leaders = set_up_unit(session, g, summary)
        cat = catalogues(session, g, summary)
        member_history(session, Random(f"tgdesk-demo-members:{seed}:{existing}"), cat.cells,
                       start, today, _now())
        known = known_ids(session)
        meetings, studies, opinions = [], [], []
        times = {kind: 1 if scale <= 1 else factor * scale
                 for kind, factor in SCALE_FACTORS.items()}
        for _ in range(times["meetings"]):
            meetings += make_meetings(g, leaders)
        for _ in range(times["studies"]):
            studies += make_studies(g, cat)
        for _ in range(times["opinions"]):
            opinions += make_opinions(g, cat)
        if scale > 1:
            meetings.sort(key=lambda pair: pair[0].held_on)
            studies.sort(key=lambda pair: pair[0].held_on)
            opinions.sort(key=lambda pair: pair[0].noted_on)
        now = _now()

        def plain(rec, uuid_: str) -> dict:
            normalize_fields(rec)
            d = dataclasses.asdict(rec)
            d.pop("id")
            d.update(uuid=uuid_, created_at=now, updated_at=now, deleted=False)
            return d

        rows = []
        for rec, u in meetings:
            check(v.validate_meeting(rec, today), rec)
            rows.append(plain(rec, u))
        if rows:
            session.execute(insert(t.MeetingRow), rows)
        summary.meetings = len(rows)

        rows, doc_lists = [], []
        for rec, u in studies:
            check(v.validate_study(rec, known, today), rec)
            row = plain(rec, u)
            doc_lists.append(row.pop("document_ids"))
            rows.append(row)
        if rows:
            ids = session.scalars(insert(t.StudyRow).returning(
                t.StudyRow.id, sort_by_parameter_order=True), rows).all()
            links = [{"study_id": sid, "document_id": did}
                     for sid, docs in zip(ids, doc_lists) for did in docs]
            session.execute(insert(t.study_document), links)
        summary.studies = len(rows)

        rows = []
        for rec, u in opinions:
            check(v.validate_opinion(rec, known, today), rec)
            rows.append(plain(rec, u))
        if rows:
            ids = session.scalars(insert(t.OpinionRow).returning(
                t.OpinionRow.id, sort_by_parameter_order=True), rows).all()
            session.execute(insert(t.FollowUpRow), follow_up_history(g, ids, rows, now))
        summary.opinions = len(rows)
    return summary
