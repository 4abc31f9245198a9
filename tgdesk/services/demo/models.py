"""The demo ward's Chỉ thị 05-CT/TW models, exemplary collectives and people: 10–30
a year on the year's theme, registered early in the year (a few noted later),
assessed at the mid-year review (June) or the year-end one (December), some
commended by the ward's Party committee or a higher level (one decision for each
ceremony, numbered in the body's style), a few at a month's flag ceremony, some
replicated."""

from __future__ import annotations

from datetime import date, timedelta

from tgdesk import vnformat as vf
from tgdesk.domain.records import ExemplaryModel

from .. import demo_text as tx
from . import activity_text as ax
from .generator import Gen
from .ward import Ward

PER_YEAR = (10, 30)
FIRST_YEAR = 2017                   # Chỉ thị 05-CT/TW: 15/5/2016
TWO_LEVELS = date(2025, 7, 1)       # no district level from this day on
# (level, decision style, weight for biểu dương, weight for khen thưởng)
LEVELS_BEFORE = (("Đảng ủy phường", "party", 60, 35), ("Ủy ban nhân dân phường", "state", 25, 25),
                 ("Quận ủy", "QU", 10, 25), ("Ủy ban nhân dân quận", "state", 5, 15))
LEVELS_AFTER = (("Đảng ủy phường", "party", 65, 45), ("Ủy ban nhân dân phường", "state", 25, 35),
                ("Ủy ban Mặt trận Tổ quốc phường", "MTTQ", 10, 5),
                ("Ban Thường vụ Thành ủy", "TU", 0, 15))


# Commended by the ward's Party committee at the flag ceremony that opens a month
# (sinh hoạt chính trị dưới cờ), beside the reviews: the share of the others.
FLAG_SHARE = 0.2


def first_monday(y: int, m: int) -> date:
    day = date(y, m, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def theme(y: int) -> str:
    return ax.THEMES.get(y) or (ax.TERM_THEME if y > 2020 else ax.OLD_THEME)


def make_models(g: Gen, ward: Ward) -> list[tuple[ExemplaryModel, str]]:
    r = g.rng
    out: list[tuple[ExemplaryModel, str]] = []
    decisions: dict[tuple[date, str], str] = {}

    def decision(day: date, level: str, style: str) -> str:
        """One decision per ceremony and level: "Quyết định số 152-QĐ/ĐU ngày 28/6/2026"."""
        if (day, level) not in decisions:
            n = r.randint(40, 480) if day.month > 6 else r.randint(5, 240)
            if style == "party":
                number = f"{n}-QĐ/{ward.abbrev}"
            elif style in ("QU", "TU"):
                number = f"{n}-QĐ/{style}"
            elif style == "MTTQ":
                number = f"{n}/QĐ-MTTQ"
            else:
                number = f"{n * 7}/QĐ-UBND"
            decisions[(day, level)] = f"Quyết định số {number} ngày {vf.short_date(day)}"
        return decisions[(day, level)]

    for y in range(max(g.start.year, FIRST_YEAR), g.today.year + 1):
        mid = date(y, 6, r.randint(20, 30))       # the mid-year review and its ceremony
        end = date(y, 12, r.randint(15, 28))      # the year-end one
        for _ in range(r.randint(*PER_YEAR)):
            u = g.uuid()
            late = r.random() < 0.2
            noted = g.day(y, r.randint(4, 10) if late else r.randint(1, 3))
            subject = r.choices(("mo_hinh", "tap_the", "ca_nhan"), (50, 20, 30))[0]
            aid, kp, cid = ward.area(g)
            if subject == "mo_hinh":
                name, description = r.choice(ax.MODELS)
                name = name.format(kp=kp, st=r.choice(tx.STREETS))
            elif subject == "tap_the":
                cell_name = next((c.name for i, c in ward.cat.cells if i == cid), None)
                pattern = r.choice(ax.COLLECTIVES if cell_name else ax.COLLECTIVES[1:])
                name = pattern.format(cell=cell_name, kp=kp.replace("khu phố", "Khu phố"))
                description = r.choice(ax.COLLECTIVE_DEEDS)
            else:
                who, deed, agency = r.choice(ax.PEOPLE)
                name = g.name()
                description = f"{who.format(kp=kp)}. {deed}"
                if agency:
                    aid, cid = None, next((i for i, c in ward.cat.cells if c.name == agency),
                                          None)
            review = end if late or r.random() < 0.4 else mid
            assessed = review <= g.today and r.random() < 0.9
            recognition = "chua"
            level = doc = recognized_on = None
            if assessed:
                recognition = r.choices(("chua", "bieu_duong", "khen_thuong"), (50, 32, 18))[0]
            if recognition != "chua":
                levels = LEVELS_BEFORE if review < TWO_LEVELS else LEVELS_AFTER
                weights = [w if recognition == "bieu_duong" else k for _l, _s, w, k in levels]
                level, style, _w, _k = r.choices(levels, weights)[0]
                recognized_on = review
                doc = decision(review, level, style)
            ceremony = first_monday(y, r.randint(4, 11))
            if (recognition == "chua" and noted is not None and noted < ceremony <= g.today
                    and r.random() < FLAG_SHARE):   # commended at a month's flag ceremony
                assessed, recognition = True, "bieu_duong"
                level, recognized_on = LEVELS_AFTER[0][0], ceremony
                doc = decision(ceremony, level, "party")
            replicated = assessed and r.random() < (0.5 if recognition != "chua" else 0.15)
            if noted is None or (assessed and noted > review):
                continue
            out.append((ExemplaryModel(
                noted_on=noted, subject=subject, name=name, description=description,
                theme=theme(y), cell_id=cid, area_id=aid, registered=not late,
                assessed=assessed, replicated=replicated, recognition=recognition,
                recognition_level=level, recognition_doc=doc, recognized_on=recognized_on),
                u))
    out.sort(key=lambda pair: pair[0].noted_on)
    return out
