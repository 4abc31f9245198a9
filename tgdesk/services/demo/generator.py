"""The seeded generator every demo record is drawn from: UUIDs, names, phones, working days."""

from __future__ import annotations

import calendar
import dataclasses
import uuid
from datetime import date, datetime, timedelta
from random import Random

from tgdesk.domain import validation as v
from tgdesk.domain.text import normalize_fields

from .. import demo_text as tx


def check(verdict: v.Verdict, what: object) -> None:
    """Demo records pass the same validation as a record typed in a form."""
    if not verdict.ok:
        raise AssertionError(f"demo record does not validate: {verdict.errors} in {what!r}")


def row_dict(rec, uuid_: str, now: datetime) -> dict:
    """A record as the columns of its row, for a bulk insert."""
    normalize_fields(rec)
    d = dataclasses.asdict(rec)
    d.pop("id")
    d.update(uuid=uuid_, created_at=now, updated_at=now, deleted=False)
    return d


class Gen:
    def __init__(self, rng: Random, today: date, start: date, uuid_rng: Random):
        self.rng, self.today, self.start, self.uuid_rng = rng, today, start, uuid_rng

    def uuid(self) -> str:
        self.rng.random()  # keep the data stream independent of the UUID stream
        return str(uuid.UUID(int=self.uuid_rng.getrandbits(128), version=4))

    def name(self, female: bool | None = None) -> str:
        r = self.rng
        if female is None:
            female = r.random() < 0.5
        surname = r.choices([s for s, _ in tx.SURNAMES], [w for _, w in tx.SURNAMES])[0]
        middle = r.choice(tx.FEMALE_MIDDLE if female else tx.MALE_MIDDLE)
        given = r.choice(tx.FEMALE_GIVEN if female else tx.MALE_GIVEN)
        return f"{surname} {middle} {given}"

    def phone(self) -> str:
        return "0" + self.rng.choice("3789") + "".join(str(self.rng.randint(0, 9))
                                                     for _ in range(8))

    def day(self, y: int, m: int, lo: int = 1, hi: int = 31, sunday_ok: float = 0.02
            ) -> date | None:
        """A working day in [lo, hi] of the month, or None if it is in the future/too early."""
        last = calendar.monthrange(y, m)[1]
        d = date(y, m, self.rng.randint(min(lo, last), min(hi, last)))
        if d.weekday() == 6 and self.rng.random() >= sunday_ok:
            d += timedelta(days=1) if d.day < last else timedelta(days=-1)
        if d > self.today or d < self.start:
            return None
        return d


def window(today: date, years: int) -> date:
    """The first day of the demo: the month after today's, ``years`` years back."""
    y, m = today.year - years, today.month + 1
    if m == 13:
        y, m = y + 1, 1
    return date(y, m, 1)


def months(start: date, end: date):
    """(year, month) from start's month to end's, inclusive."""
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
