"""What makes the demo's study coverage believable: the cells' membership over time
and the deadlines the upper level set for the documents rolled out in the window.

Drawn from a generator of their own (never the main one), so every other demo row
stays what it was before these existed.
"""

from __future__ import annotations

import calendar
import uuid
from datetime import date, timedelta
from random import Random

from sqlalchemy import insert, select

from tgdesk.domain import validation as v
from tgdesk.domain.records import CellMemberCount, PartyDocument
from tgdesk.store import tables as t

from .generator import check

# The upper level asks for a document to be studied by the end of the month about
# two months after it is issued; the demo rolls a document out 4 to 12 weeks after.
DEADLINE_AFTER = timedelta(days=60)
# How many cells change their membership during the demo's years.
CHANGED_CELLS = (2, 4)


def study_deadline(doc: PartyDocument, start: date) -> date | None:
    """The last day of the month 60 days after the document was issued, for the
    documents rolled out in the demo's window (issued less than two months before its
    start or later); None for older ones."""
    if doc.issued_on is None or doc.issued_on < start - DEADLINE_AFTER:
        return None
    day = doc.issued_on + DEADLINE_AFTER
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def set_deadlines(docs: list[PartyDocument], start: date) -> None:
    for doc in docs:
        doc.study_deadline = study_deadline(doc, start)


def member_history(session, rng: Random, cells: list[tuple[int, object]], start: date,
                   today: date, now) -> int:
    """One membership step per cell from the demo's first day, and a change (Party
    members admitted, or moved away) for a few cells on a day of the window; cells
    that already have a history are left alone. Returns the steps added."""
    have = set(session.scalars(select(t.CellMemberCountRow.cell_id)))
    fresh = [(cid, c) for cid, c in cells if cid not in have and c.member_count is not None]
    if not fresh:
        return 0
    span = (today - start).days
    changed = {}
    if span > 120:
        for cid, _ in rng.sample(fresh, min(len(fresh), rng.randint(*CHANGED_CELLS))):
            changed[cid] = (start + timedelta(days=rng.randint(60, span - 30)),
                            rng.choice((-3, -2, -1, 1, 2, 2, 3)))
    rows = []
    for cid, cell in fresh:
        steps = [(start, cell.member_count)]
        if cid in changed:
            day, delta = changed[cid]
            steps = [(start, max(1, cell.member_count - delta)), (day, cell.member_count)]
        for day, count in steps:
            check(v.validate_member_count(CellMemberCount(cid, day, count), today), (cid, day))
            rows.append({"cell_id": cid, "effective_on": day, "member_count": count,
                         "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                         "created_at": now, "updated_at": now, "deleted": False})
    session.execute(insert(t.CellMemberCountRow), rows)
    return len(rows)
