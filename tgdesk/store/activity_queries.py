"""The list queries of the propaganda activities, the online team's entries and
the exemplary models: their filters, sort keys and page rows (queries.py
serves every kind through these)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from tgdesk.domain.enums import (PROPAGANDA_QUANTITIES, Classification, ModelSubject,
                                 OnlineAction, OnlineChannel, OnlineEntryKind, PropagandaForm,
                                 Recognition)
from tgdesk.domain.filters import ListFilter

from . import tables as t
from .sort_sql import catalogue_rank, leading_text_key, rank, text_key

DATES = {"propaganda": (t.PropagandaRow, t.PropagandaRow.held_on),
         "online": (t.OnlineEntryRow, t.OnlineEntryRow.noted_on),
         "models": (t.ModelRow, t.ModelRow.noted_on)}

# What a likely duplicate is compared on (queries.record_keys): place, text.
DUPLICATE_KEYS = {"propaganda": (t.PropagandaRow.area_id, t.PropagandaRow.title),
                  "online": (t.OnlineEntryRow.member_id, t.OnlineEntryRow.summary),
                  "models": (t.ModelRow.cell_id, t.ModelRow.name)}


def filtered(kind: str, flt: ListFilter, stmt: Select) -> Select:
    """The filters of ``flt`` that concern one of these kinds."""
    if kind == "propaganda":
        p = t.PropagandaRow
        pairs = ((flt.propaganda_form, p.form), (flt.campaign_id, p.campaign_id),
                 (flt.area_id, p.area_id), (flt.cell_id, p.cell_id))
    elif kind == "online":
        o = t.OnlineEntryRow
        pairs = ((flt.online_kind, o.entry_kind), (flt.channel, o.channel))
    else:
        m = t.ModelRow
        pairs = ((flt.model_subject, m.subject), (flt.recognition, m.recognition),
                 (flt.area_id, m.area_id), (flt.cell_id, m.cell_id))
    for value, col in pairs:
        if value is not None and value != "":
            stmt = stmt.where(col == value)
    return stmt


def _quantity_total(p) -> ColumnElement:
    """Every quantity of an activity added up (only its form's are filled): the
    column “Số lượng” sorts by it."""
    total = None
    for fld, _label, _unit in PROPAGANDA_QUANTITIES:
        if fld in ("reach", "people", "minutes_on_air"):
            continue
        col = getattr(p, fld)
        total = col if total is None else total + col
    return total


@cache
def sort_keys(kind: str) -> dict[str, ColumnElement]:
    if kind == "propaganda":
        p = t.PropagandaRow
        return {"held_on": p.held_on, "form": rank(p.form, PropagandaForm),
                "title": leading_text_key(kind, p),
                "campaign": catalogue_rank(t.CampaignRow, t.CampaignRow.name, p.campaign_id),
                "place": text_key(p.place),
                "area": catalogue_rank(t.AreaRow, t.AreaRow.name, p.area_id),
                "cell": catalogue_rank(t.CellRow, t.CellRow.name, p.cell_id),
                "quantity": _quantity_total(p), "people": p.people, "reach": p.reach,
                "classification": rank(p.classification, Classification)}
    if kind == "online":
        o = t.OnlineEntryRow
        member = select(t.PersonRow.full_name).where(t.PersonRow.id == o.member_id)
        return {"noted_on": o.noted_on, "entry_kind": rank(o.entry_kind, OnlineEntryKind),
                "channel": rank(o.channel, OnlineChannel), "summary": leading_text_key(kind, o),
                "member": text_key(member.scalar_subquery()), "posts": o.posts,
                "shares": o.shares, "reach": o.reach, "action": rank(o.action, OnlineAction),
                "entries": o.entries, "classification": rank(o.classification, Classification)}
    m = t.ModelRow
    return {"noted_on": m.noted_on, "subject": rank(m.subject, ModelSubject),
            "name": leading_text_key(kind, m), "theme": text_key(m.theme),
            "cell": catalogue_rank(t.CellRow, t.CellRow.name, m.cell_id),
            "area": catalogue_rank(t.AreaRow, t.AreaRow.name, m.area_id),
            "registered": m.registered, "assessed": m.assessed, "replicated": m.replicated,
            "recognition": rank(m.recognition, Recognition), "recognized_on": m.recognized_on,
            "classification": rank(m.classification, Classification)}


def _by_id(rows: Sequence[dict], ids: Sequence[int]) -> list[dict]:
    index = {r["id"]: r for r in rows}
    return [index[i] for i in ids if i in index]


def _columns(row) -> list:
    return [c for c in row.__table__.columns if c.key != "origin_unit_id"]


def propaganda_rows(session: Session, ids: Sequence[int]) -> list[dict]:
    p, k, a, c = t.PropagandaRow, t.CampaignRow, t.AreaRow, t.CellRow
    stmt = (select(*_columns(p), k.name.label("campaign"), a.name.label("area"),
                   c.name.label("cell"))
            .outerjoin(k, k.id == p.campaign_id).outerjoin(a, a.id == p.area_id)
            .outerjoin(c, c.id == p.cell_id).where(p.id.in_(ids)))
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    for r in rows:
        r["quantity"] = sum(r[f] or 0 for f, _l, _u in PROPAGANDA_QUANTITIES
                            if f not in ("reach", "people", "minutes_on_air"))
    return _by_id(rows, ids)


def online_rows(session: Session, ids: Sequence[int]) -> list[dict]:
    o, p = t.OnlineEntryRow, t.PersonRow
    stmt = (select(*_columns(o), p.full_name.label("member"))
            .outerjoin(p, p.id == o.member_id).where(o.id.in_(ids)))
    return _by_id([dict(r._mapping) for r in session.execute(stmt)], ids)


def model_rows(session: Session, ids: Sequence[int]) -> list[dict]:
    m, a, c = t.ModelRow, t.AreaRow, t.CellRow
    stmt = (select(*_columns(m), a.name.label("area"), c.name.label("cell"))
            .outerjoin(a, a.id == m.area_id).outerjoin(c, c.id == m.cell_id)
            .where(m.id.in_(ids)))
    return _by_id([dict(r._mapping) for r in session.execute(stmt)], ids)


ROWS = {"propaganda": propaganda_rows, "online": online_rows, "models": model_rows}


def recent_themes(session: Session, limit: int = 12) -> list[tuple[str, int]]:
    """The yearly themes (chuyên đề năm) the unit's models carry, newest first, with
    the year each was last used: what the model form offers."""
    m = t.ModelRow
    last = func.max(m.noted_on)
    rows = session.execute(
        select(m.theme, last).where(m.deleted.is_(False), m.origin_unit_id.is_(None),
                                    m.theme.is_not(None), m.theme != "")
        .group_by(m.theme).order_by(last.desc()).limit(limit))
    return [(theme, day.year) for theme, day in rows]
