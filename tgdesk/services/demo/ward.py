"""What the demo's propaganda, online and model records draw on: the ward's areas
with their Party cells, the campaigns, the online team, the week's Mondays."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from .campaigns import Drive
from .catalogues import Cat
from .generator import Gen


@dataclass
class Ward:
    cat: Cat
    drives: list[Drive]                 # the campaigns, and the recurring themes' seasons
    themes: list[Drive]                 # the year-round themes (Chỉ thị 05, Nghị quyết 35)
    abbrev: str = "ĐU"                  # the unit's abbreviation in document numbers
    team: list[int] = field(default_factory=list)   # the online team's person ids

    def area(self, g: Gen) -> tuple[int, str, int | None]:
        """A random area: (id, "khu phố 3", the id of its Party cell or None)."""
        aid, area = g.rng.choice(self.cat.areas)
        return aid, area.name.lower(), self.cell_of(area.name)

    def areas(self, g: Gen, k: int) -> list[tuple[int, str, int | None]]:
        """``k`` different areas (fewer if the ward has fewer), as ``area`` gives one."""
        picked = g.rng.sample(self.cat.areas, min(k, len(self.cat.areas)))
        return [(aid, area.name.lower(), self.cell_of(area.name)) for aid, area in picked]

    def cell_of(self, area_name: str) -> int | None:
        for cid, cell in self.cat.cells:
            if cell.name == f"Chi bộ {area_name}":
                return cid
        return None

    def running(self, first: date, last: date) -> list[Drive]:
        """The campaigns running on some day of [first, last]."""
        return [d for d in self.drives if d.starts_on <= last and d.ends_on >= first]

    def theme(self, name: str | None, day: date | None) -> Drive | None:
        """The year-round theme ``name`` in the year of ``day`` (None: no such theme)."""
        return next((d for d in self.themes if d.campaign.name == name and day is not None
                     and d.starts_on <= day <= d.ends_on), None)


def month_days(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def mondays(g: Gen, y: int, m: int) -> list[date]:
    """The Mondays of the month that are in the demo's window."""
    first, last = month_days(y, m)
    day = first + timedelta(days=(7 - first.weekday()) % 7)
    out = []
    while day <= last:
        if g.start <= day <= g.today:
            out.append(day)
        day += timedelta(days=7)
    return out


def clip(g: Gen, day: date) -> date | None:
    """The day, or None outside the demo's window."""
    return day if g.start <= day <= g.today else None
