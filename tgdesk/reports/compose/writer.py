"""The report being written: its blocks, number style, the officer's texts, comparisons."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Attitude
from tgdesk.domain.figures import Figures
from tgdesk.domain.period import PeriodKind

from ..model import Block, Bullet, Heading, Paragraph
from ..profile import Profile
from .inputs import Inputs
from .words import ROMAN, previous_word, unit_sentence_name, unit_word


class Writer:
    """Holds what the outlines write into (``blocks``) and the helpers they share."""

    def __init__(self, inp: Inputs, profile: Profile):
        self.i, self.p = inp, profile
        self.texts = {k: v for k, v in (inp.texts or {}).items() if v}
        self.full_name, self.short_name = unit_sentence_name(inp.unit)
        self.actor = inp.actor or self.short_name
        self.blocks: list[Block] = []
        self.word = unit_word(inp.period)
        self.within = "Trong kỳ" if inp.period.kind is PeriodKind.CUSTOM else f"Trong {self.word}"

    # formatting helpers
    def n(self, value: int) -> str:
        return vf.count(value, pad=self.p.count_padding)

    def roman(self, k: int) -> str:
        return self.p.section_numbering.format(roman=ROMAN[k - 1])

    def sub(self, k: int) -> str:
        return self.p.subsection_numbering.format(n=k)

    def h(self, text: str, level: int = 1, label: str | None = None) -> None:
        self.blocks.append(Heading(text, level, label))

    def para(self, text: str) -> None:
        self.blocks.append(Paragraph(text))

    def text_or(self, key: str, default: str) -> None:
        """The officer's own words for a section, else an editable default."""
        value = self.texts.get(key)
        items = value if isinstance(value, (list, tuple)) else ([value] if value else [default])
        for item in items:
            item = str(item).strip()
            if item.startswith("- ") or item.startswith("+ "):
                self.blocks.append(Bullet(item))
            else:
                self.para(item)

    # comparisons with earlier periods
    def covered(self, figs: Figures) -> bool:
        """Whether the database holds records for (about) the whole of a period: the
        first record falls before it or within its first tenth (a unit's records
        rarely start on the 1st: holidays, the first meeting of the month)."""
        since = self.i.data_since
        if since is None:            # no records at all: nothing to compare with
            return False
        return (since - figs.start).days <= (figs.end - figs.start).days / 10

    def compare(self, cur: int, unit: str, what: str = "") -> str:
        """"tăng 03 cuộc so với tháng trước, bằng cùng kỳ năm trước"; a period the
        database does not cover (records start later) is not compared."""
        parts = []
        i = self.i
        refs = [(i.last_year, "cùng kỳ năm trước")]
        if i.period.kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.CUSTOM):
            refs.insert(0, (i.previous, previous_word(i.period)))
        for figs, label in refs:
            if not self.covered(figs):
                continue
            old = figure(figs, what)
            if cur > old:
                parts.append(f"tăng {self.n(cur - old)} {unit} so với {label}")
            elif cur < old:
                parts.append(f"giảm {self.n(old - cur)} {unit} so với {label}")
            else:
                parts.append(f"bằng {label}")
        return ", ".join(parts)

    def tail(self, cur: int, unit: str, what: str) -> str:
        """The comparison after "; ", then the full stop (only "." when none)."""
        text = self.compare(cur, unit, what)
        return f"; {text}." if text else "."


def figure(f: Figures, what: str) -> float:
    """One count of the figures by name: a field, or "meetings_by_type.<code>",
    "attendance.<field>", "category.<name>", "attitude.<code>", "concern.<code>",
    "quantity.<field>" (a propaganda quantity), "wrong_kind.<code>",
    "wrong_action.<code>", "recognised.<code>" (biểu dương, khen thưởng)."""
    prefix, _, key = what.partition(".")
    if prefix == "quantity":
        return f.propaganda_quantities.get(key, 0)
    if prefix == "wrong_kind":
        return f.wrong_by_kind.get(key, 0)
    if prefix == "wrong_action":
        return f.wrong_by_action.get(key, 0)
    if prefix == "recognised":
        return f.recognised_count(key)
    if what.startswith("meetings_by_type."):
        return f.meetings_by_type.get(what.split(".", 1)[1], 0)
    if what.startswith("attendance."):
        return f.attendance.get(what.split(".", 1)[1], 0)
    if what.startswith("category."):
        return f.opinions_by_category.get(what.split(".", 1)[1], 0)
    if what.startswith("attitude."):
        return f.opinions_by_attitude.get(what.split(".", 1)[1], 0)
    if what.startswith("concern."):
        return f.opinions_by_concern.get(what.split(".", 1)[1], 0)
    if what == "buc_xuc":
        return f.opinions_by_attitude.get(Attitude.BUC_XUC.value, 0)
    value = getattr(f, what)
    return value if value is not None else (None if what == "party_rate" else 0)
