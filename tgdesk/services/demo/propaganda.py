"""The demo ward's propaganda activities, month by month: banners and flags when a
campaign starts, the loudspeakers every week, posts on the web page and the Zalo
groups, leaflets, a performance on an anniversary, talks in the areas. Each form
fills only its own quantities (enums.QUANTITIES_BY_FORM)."""

from __future__ import annotations

from datetime import date, timedelta

from tgdesk.domain.records import PropagandaActivity

from .. import demo_text as tx
from . import activity_text as ax
from .campaigns import Drive
from .generator import Gen, months
from .ward import Ward, clip, mondays, month_days


def topic(g: Gen, ward: Ward, day: date | None) -> tuple[str, Drive | None]:
    """An everyday topic, and the year-round theme it belongs to if any."""
    text, theme = g.rng.choice(ax.TOPICS)
    return (text.format(m=day.month, y=day.year) if day else text), ward.theme(theme, day)


def make_propaganda(g: Gen, ward: Ward) -> list[tuple[PropagandaActivity, str]]:
    r = g.rng
    out: list[tuple[PropagandaActivity, str]] = []

    def add(day: date | None, form: str, title: str, drive: Drive | None = None,
            place: str | None = None, area: tuple | None = None, ends_on: date | None = None,
            **quantities: int) -> None:
        u = g.uuid()
        if day is None:
            return
        aid, _name, cid = area or (None, None, None)
        if ends_on is not None:
            ends_on = min(ends_on, g.today)
            ends_on = ends_on if ends_on > day else None
        out.append((PropagandaActivity(
            held_on=day, ends_on=ends_on, form=form, title=title,
            campaign_id=drive.id if drive else None, place=place, area_id=aid, cell_id=cid,
            **quantities), u))

    for y, m in months(g.start, g.today):
        first, last = month_days(y, m)
        running = ward.running(first, last)
        # Banners, slogans, panos and flags as a campaign starts (or as the window opens).
        for d in running:
            if not (first <= d.starts_on <= last or (d.starts_on < g.start <= last
                                                     and first <= g.start)):
                continue
            hung = clip(g, max(d.starts_on, g.start) + timedelta(days=r.randint(0, 3)))
            place = r.choice(ax.VISUAL_WARD_PLACES).format(
                st=r.choice(tx.STREETS), st2=r.choice(tx.STREETS))
            add(hung, "truc_quan", f"Tuyên truyền trực quan {d.phrase}", d, place,
                ends_on=d.ends_on, banners=r.randint(12, 45), slogans=r.randint(10, 40),
                panos=r.randint(2, 8), posters=r.randint(0, 30),
                flags=r.randint(300, 1500) if d.flags else 0)
            for area in ward.areas(g, r.randint(2, 6)):
                if d.flags:
                    add(hung, "truc_quan", f"Vận động hộ gia đình treo cờ Tổ quốc {d.phrase}",
                        d, f"Các tuyến hẻm {area[1]}", area, d.ends_on,
                        banners=r.randint(1, 6), flags=r.randint(80, 420))
                else:
                    add(hung, "truc_quan", f"Treo băng rôn, áp phích {d.phrase}", d,
                        f"Các tuyến hẻm {area[1]}", area, d.ends_on,
                        banners=r.randint(2, 8), posters=r.randint(5, 40))
        # The loudspeakers, a week's bulletins at a time.
        for monday in mondays(g, y, m):
            sunday = monday + timedelta(days=6)
            now = ward.running(monday, sunday)
            drive = r.choice(now) if now and r.random() < 0.75 else None
            if drive:
                title = f"Phát thanh tuyên truyền {drive.phrase}"
            else:
                what, drive = topic(g, ward, monday)
                title = f"Phát thanh tuyên truyền {what}"
            bulletins = r.randint(5, 14)
            add(monday, "loa_dai", title, drive, r.choice(ax.RADIO_PLACES), ends_on=sunday,
                bulletins=bulletins, minutes_on_air=bulletins * r.choice((10, 15, 15, 20, 30)))
        # Posts on the ward's pages and the areas' Zalo groups.
        for _ in range(r.randint(3, 7)):
            day = g.day(y, m, sunday_ok=0.2)
            drive = r.choice(running) if running and r.random() < 0.6 else None
            if drive:
                what = drive.phrase
            else:
                what, drive = topic(g, ward, day)
                what = "tuyên truyền " + what
            area = None
            if r.random() < 0.35:
                area = ward.area(g)
                place = f"Nhóm Zalo {area[1]}"
            else:
                place = r.choice(ax.WEB_PLACES)
            add(day, "truc_tuyen", f"Đăng tin, bài, infographic {what}", drive, place, area,
                posts=r.randint(1, 12), shares=r.randint(10, 450),
                reach=r.randint(800, 25000) if r.random() < 0.6 else 0)
        # Leaflets.
        for _ in range(r.choices((0, 1, 2), (35, 45, 20))[0]):
            day = g.day(y, m)
            area = ward.area(g)
            where = r.choice(ax.LEAFLET_PLACES)
            what, drive = topic(g, ward, day)
            add(day, "an_pham", f"Phát tờ rơi tuyên truyền {what}", drive,
                where.format(kp=area[1], st=r.choice(tx.STREETS)),
                area if "{kp}" in where else None, copies=r.randint(3, 30) * 100)
        # A performance or a sports day near the end of an anniversary campaign.
        for d in running:
            if d.stage and first <= d.ends_on <= last:
                day = clip(g, d.ends_on - timedelta(days=r.randint(1, 6)))
                area = ward.area(g) if r.random() < 0.3 else None
                sport = r.random() < 0.3
                show = r.choice(ax.SPORTS if sport else ax.SHOWS)
                place = (r.choice(ax.SPORT_PLACES) if sport else f"Sân Nhà văn hóa {area[1]}"
                         if area else r.choice(ax.STAGES)).format(st=r.choice(tx.STREETS))
                add(day, "van_hoa", show.format(phrase=d.phrase), d, place, area,
                    performances=r.randint(1, 4) if sport else r.randint(8, 22),
                    people=r.randint(150, 800))
        # Talks in the areas (tuyên truyền miệng), often on a running campaign.
        for _ in range(r.randint(2, 5)):
            day = g.day(y, m, sunday_ok=0.3)
            drive = r.choice(running) if running and r.random() < 0.5 else None
            area = ward.area(g)
            if drive:
                what = drive.phrase
            else:
                what, drive = topic(g, ward, day)
                what = "về " + what
            add(day, "mieng", r.choice(ax.TALKS).format(topic=what), drive,
                f"Nhà văn hóa {area[1]}", area, sessions=r.randint(1, 4),
                people=r.randint(25, 90))
    out.sort(key=lambda pair: pair[0].held_on)
    return out
