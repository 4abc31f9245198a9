"""Likely duplicates among the new records of a received package: what the
same unit sent before under other UUIDs (services/duplicates.py has the rule).

A package mirrors the sender's database: two equal records in it are two
records the sender keeps and counts in its own reports, so they are not
compared with each other, nor with stored records the package carries too.
What is compared is a new UUID against the unit's stored records the package
does not mention: a unit that lost its database (or entered a month again)
sends the same month under new UUIDs."""

from __future__ import annotations

from dataclasses import dataclass

from tgdesk import vnformat as vf
from tgdesk.domain.text import printable

from ..duplicates import DAY, NOUN, RECORD_KINDS, TEXT, Duplicate, RecordFinder
from .records import Incoming


def where(kind: str, inc: Incoming) -> str:
    """A received record as a summary names it: kind, text, day, start of its UUID."""
    text, day = inc.values.get(TEXT[kind]), inc.values.get(DAY[kind])
    return f"{NOUN[kind]} “{printable(text or '', 50)}” ({vf.short_date(day)}, mã {inc.uuid[:8]}…)"


@dataclass
class Screen:
    """The likely duplicates of one package, found with one finder (the sending
    unit's records) and collected in ``found``; ``keep``: add them all the same."""

    finder: RecordFinder
    found: list[Duplicate]
    keep: bool

    def screen(self, kind: str, adds: list[Incoming], mentioned: list[int]) -> list[Incoming]:
        """The new records to add. ``mentioned``: the stored records the package
        carries too (updated, deleted or unchanged): they stand beside the new
        ones in the sender's database, so a new one does not repeat them."""
        if kind not in RECORD_KINDS or not adds:
            return adds
        self.finder.load(kind, [inc.values for inc in adds], mentioned)
        out = []
        for inc in adds:
            dup = self.finder.check(kind, inc.values, where(kind, inc))
            if dup is not None:
                self.found.append(dup)
                if not self.keep:
                    continue
            out.append(inc)
        return out
