"""Who has reported: active units below × periods, received on time, late, or
missing, against the due dates of ``settings_store.deadline_rules``.

A period counts as received when a records package for exactly that period
code came from the unit (or a unit merged into it). On time means the package
was made (its manifest time, the ward's clock) on or before the due date;
the import date is shown beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from tgdesk.domain import exchange as dx
from tgdesk.domain.deadlines import due_date
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.store import tables as t

from ..context import Context
from ..settings_store import deadline_rules
from .units import members_of

RECEIVED, LATE, MISSING, NOT_DUE = "received", "late", "missing", "not_due"
LABELS = {RECEIVED: "đúng hạn", LATE: "trễ hạn", MISSING: "chưa gửi", NOT_DUE: "chưa đến hạn"}


@dataclass(frozen=True)
class Cell:
    status: str
    due: date | None
    sent_on: date | None = None
    imported_on: date | None = None
    packages: int = 0

    @property
    def label(self) -> str:
        return LABELS[self.status]

    def to_json(self) -> dict:
        return {"status": self.status, "label": self.label,
                "due": self.due.isoformat() if self.due else None,
                "sent_on": self.sent_on.isoformat() if self.sent_on else None,
                "imported_on": self.imported_on.isoformat() if self.imported_on else None,
                "packages": self.packages}


@dataclass
class Board:
    periods: list[str]
    units: list[tuple[int, str]]                       # (unit id, name)
    cells: dict[tuple[int, str], Cell] = field(default_factory=dict)

    def missing(self, period_code: str) -> list[str]:
        return [name for uid, name in self.units
                if self.cells[(uid, period_code)].status in (MISSING,)]

    def to_json(self) -> dict:
        return {"periods": self.periods,
                "units": [{"id": uid, "name": name,
                           "periods": {p: self.cells[(uid, p)].to_json() for p in self.periods}}
                          for uid, name in self.units]}


def completeness(ctx: Context, periods: list[Period]) -> Board:
    rules = deadline_rules(ctx)
    today = ctx.today()
    board = Board([p.code() for p in periods], [])
    with ctx.reading() as session:
        units = session.scalars(select(t.ExchangeUnitRow).where(
            t.ExchangeUnitRow.relation == "child", t.ExchangeUnitRow.active.is_(True))
            .order_by(t.ExchangeUnitRow.name)).all()
        for unit in units:
            board.units.append((unit.id, unit.name))
            members = members_of(session, unit.id)
            for period in periods:
                code = period.code()
                due = (None if period.kind is PeriodKind.CUSTOM
                       else due_date(period, rules[period.kind.value]))
                pk = t.ExchangePackageRow
                rows = session.execute(select(pk.created_at, pk.imported_at).where(
                    pk.unit_id.in_(members), pk.kind == dx.KIND_RECORDS, pk.period_code == code)
                    .order_by(pk.created_at)).all()
                if rows:
                    first_sent, first_imported = rows[0][0].date(), rows[0][1].date()
                    late = due is not None and first_sent > due
                    cell = Cell(LATE if late else RECEIVED, due, first_sent, first_imported,
                                len(rows))
                else:
                    cell = Cell(MISSING if due is None or today > due else NOT_DUE, due)
                board.cells[(unit.id, code)] = cell
    return board
