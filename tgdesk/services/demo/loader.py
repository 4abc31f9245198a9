"""Load the demo: draw every record, validate it like a form would, insert in one transaction."""

from __future__ import annotations

from datetime import datetime, timezone
from random import Random

from sqlalchemy import func, insert, select

from tgdesk.domain import validation as v
from tgdesk.domain.roles import Permission
from tgdesk.store import tables as t

from ..context import Context
from ..crud import known_ids
from .activities import activity_catalogues, insert_activities
from .catalogues import catalogues, set_up_unit
from .coverage import member_history
from .generator import Gen, check, row_dict, window
from .meetings import make_meetings
from .opinions import follow_up_history, make_opinions
from .studies import make_studies
from .summary import DemoSummary

# How many times each kind is generated per unit of ``scale`` (above 1): opinion
# notes and study sessions are the lists that grow largest in a ward's years; the
# propaganda activities and the online team's entries come next, the models (a
# few dozen a year) are repeated more to reach thousands.
SCALE_FACTORS = {"meetings": 1, "studies": 3, "opinions": 5, "propaganda": 2, "online": 2,
                 "models": 4}


def insert_ids(session, row_type, rows: list[dict]) -> list[int]:
    """Insert in bulk and return the new rows' ids in the rows' order: SQLite numbers
    rows inserted one after another in one transaction upwards from the largest id.
    (RETURNING with ``sort_by_parameter_order`` splices every batch's result into the
    ones before, quadratic in the rows: 100,000 notes took minutes.)"""
    before = session.scalar(select(func.max(row_type.id))) or 0
    session.execute(insert(row_type), rows)
    ids = session.scalars(select(row_type.id).where(row_type.id > before)
                          .order_by(row_type.id)).all()
    if len(ids) != len(rows):
        raise AssertionError(f"{row_type.__tablename__}: {len(rows)} rows, {len(ids)} ids")
    return ids


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def load_demo(ctx: Context, years: int = 2, seed: int = 1, scale: int = 1) -> DemoSummary:
    """Fill the database with demo data of one ward over the last ``years`` years.

    ``scale`` (for measuring lists) multiplies the volume: above 1, each kind
    ``SCALE_FACTORS[kind] × scale`` times, so ``years=5, scale=20`` gives about
    105,000 opinion notes, 25,000 study sessions, 7,000 meetings and the
    propaganda activities, online entries and models below.

    The campaigns, the online team and the three kinds of issue 15 are drawn from
    generators of their own (activities.py), so the other rows stay what they were.
    """
    ctx.require(Permission.WRITE_RECORDS)
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
        g2, ward = activity_catalogues(session, seed, existing, today, start, cat, summary)
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
            return row_dict(rec, uuid_, now)

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
            ids = insert_ids(session, t.StudyRow, rows)
            links = [{"study_id": sid, "document_id": did}
                     for sid, docs in zip(ids, doc_lists) for did in docs]
            session.execute(insert(t.study_document), links)
        summary.studies = len(rows)

        rows = []
        for rec, u in opinions:
            check(v.validate_opinion(rec, known, today), rec)
            rows.append(plain(rec, u))
        if rows:
            ids = insert_ids(session, t.OpinionRow, rows)
            session.execute(insert(t.FollowUpRow), follow_up_history(g, ids, rows, now))
        summary.opinions = len(rows)
        insert_activities(session, g2, ward, known, times, now, summary)
    return summary
