"""The records received from units below, apart from this unit's own: lists
per unit (or all of them) and report figures per unit."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from tgdesk.domain.figures import Figures
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period
from tgdesk.store import queries, tables as t
from tgdesk.store.stats import period_figures

from ..context import Context
from .units import members_of, resolve_in

ROW_TABLES = {"meetings": t.MeetingRow, "studies": t.StudyRow, "opinions": t.OpinionRow,
              "propaganda": t.PropagandaRow, "online": t.OnlineEntryRow, "models": t.ModelRow}


def _units(session, unit: str | int | None) -> list[tuple[int, str, list[int]]]:
    """(unit id, name, ids whose rows count for it) for one unit or every active unit below."""
    if unit in (None, "all"):
        rows = session.scalars(select(t.ExchangeUnitRow).where(
            t.ExchangeUnitRow.relation == "child", t.ExchangeUnitRow.active.is_(True))
            .order_by(t.ExchangeUnitRow.name)).all()
    else:
        rows = [resolve_in(session, unit)]
    return [(r.id, r.name, members_of(session, r.id)) for r in rows]


def received_rows(ctx: Context, kind: str, unit: str | int | None = "all",
                  flt: ListFilter = ListFilter()) -> list[dict]:
    """Rows like ``lists.rows`` plus ``unit_id``, ``unit`` (today's name) and
    ``sent_as`` (the sender's name in the package that brought the row)."""
    with ctx.reading() as session:
        units = _units(session, unit)
        origin = [i for _, _, ids in units for i in ids]
        names = {r.id: r.name for r in session.scalars(select(t.ExchangeUnitRow))}
        ids = queries.record_ids(session, kind, flt, origin=origin)
        rows = queries.ROWS[kind](session, ids) if ids else []
        row = ROW_TABLES[kind]
        extra = {}
        for part in range(0, len(ids), 500):
            chunk = ids[part:part + 500]
            for rid, origin_id, sent_as in session.execute(
                    select(row.id, row.origin_unit_id, t.ExchangePackageRow.sender_name)
                    .outerjoin(t.ExchangeRecordRow, t.ExchangeRecordRow.uuid == row.uuid)
                    .outerjoin(t.ExchangePackageRow,
                               t.ExchangePackageRow.id == t.ExchangeRecordRow.package_id)
                    .where(row.id.in_(chunk))):
                extra[rid] = (origin_id, sent_as)
        for r in rows:
            origin_id, sent_as = extra.get(r["id"], (None, None))
            r["unit_id"], r["unit"], r["sent_as"] = origin_id, names.get(origin_id), sent_as
        return rows


def child_figures(ctx: Context, period: Period, unit_ids: Sequence[int] | None = None
                  ) -> dict[int, Figures]:
    """Report figures of a period per unit below (the same SQL as the unit's own
    figures). Rows of units merged into a unit count for it."""
    with ctx.reading() as session:
        units = _units(session, None) if unit_ids is None else \
            [(i, "", members_of(session, i)) for i in unit_ids]
        return {uid: period_figures(session, period.start, period.end, origin=ids)
                for uid, _, ids in units}
