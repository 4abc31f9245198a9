"""The demo's campaigns, online team, propaganda activities, online entries and
exemplary models (issue 15), loaded beside the other kinds.

They are drawn from generators of their own, seeded like the others (the seed,
and for UUIDs the rows already in the database), so every meeting, session and
note stays what it was before they existed. Every record passes its validator
(domain/activity_validation.py) and is inserted in bulk in the load's transaction.
"""

from __future__ import annotations

from datetime import date, datetime
from random import Random

from sqlalchemy import func, insert, select

from tgdesk.domain import activity_validation as av
from tgdesk.domain import validation as v
from tgdesk.store import tables as t

from .campaigns import catalogue, make_drives
from .catalogues import Cat, add_all
from .generator import Gen, check, row_dict
from .models import make_models
from .online import make_online, pick_team
from .propaganda import make_propaganda
from .summary import DemoSummary
from .ward import Ward

# kind -> (generator, table, validator, the date it is sorted by)
KINDS = {"propaganda": (make_propaganda, t.PropagandaRow, av.validate_propaganda, "held_on"),
         "online": (make_online, t.OnlineEntryRow, av.validate_online, "noted_on"),
         "models": (make_models, t.ModelRow, av.validate_model, "noted_on")}


def activity_catalogues(session, seed: int, existing: int, today: date, start: date, cat: Cat,
                        summary: DemoSummary) -> tuple[Gen, Ward]:
    """The campaigns (reused by name) and the online team; the generator the records
    are then drawn from, and what they draw on."""
    before = sum(session.scalar(select(func.count()).select_from(row)) or 0
                 for row in (t.CampaignRow, t.PropagandaRow, t.OnlineEntryRow, t.ModelRow))
    g = Gen(Random(f"tgdesk-demo-activities:{seed}"), today, start,
            Random(f"tgdesk-demo-activities:{seed}:{existing}:{before}"))
    abbrev = session.scalar(select(t.UnitRow.doc_abbrev).order_by(t.UnitRow.id).limit(1))
    drives, themes = make_drives(g, abbrev or "ĐU")
    campaigns = catalogue(drives + themes)
    ids, summary.campaigns = add_all(session, g, t.CampaignRow, "name", campaigns,
                                     av.validate_campaign)
    by_name = {c.name: i for c, i in zip(campaigns, ids)}
    for drive in drives + themes:
        drive.id = by_name[drive.campaign.name]
    ward = Ward(cat, drives, themes, abbrev or "ĐU")
    ward.team = pick_team(session, g, ward)
    summary.online_team = len(ward.team)
    return g, ward


def insert_activities(session, g: Gen, ward: Ward, known: v.Known, times: dict[str, int],
                      now: datetime, summary: DemoSummary) -> None:
    """Draw each kind ``times[kind]`` times, validate every record, insert in bulk."""
    for kind, (make, row, validate, day) in KINDS.items():
        recs = []
        for _ in range(times[kind]):
            recs += make(g, ward)
        if times[kind] > 1:
            recs.sort(key=lambda pair: getattr(pair[0], day))
        rows = []
        for rec, u in recs:
            check(validate(rec, known, g.today), rec)
            rows.append(row_dict(rec, u, now))
        if rows:
            session.execute(insert(row), rows)
        setattr(summary, kind, len(rows))
