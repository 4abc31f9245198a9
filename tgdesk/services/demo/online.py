"""The demo ward's online team (nhóm 35, Nghị quyết 35-NQ/TW): who is in it, and
its entries: positive posts and shares most weeks, wrong or hostile content found
a few times a month (its kind, what was done, Mật for most), and the entries of
the yearly essay contest on protecting the Party's ideological foundation
(April to August, the contest's season; held since 2021)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from tgdesk.domain.records import OnlineEntry
from tgdesk.store import tables as t

from .. import demo_text as tx
from . import activity_text as ax
from .generator import Gen, months
from .ward import Ward, mondays

TEAM_SIZE = (5, 12)
CONTEST_MONTHS = range(4, 9)
FIRST_CONTEST = 2021
CHANNELS = ("facebook", "zalo", "tiktok", "website", "youtube")
POST_WEIGHTS = (40, 35, 10, 10, 5)
MAT_SHARE = 0.85                    # wrong content found is Mật unless it is plainly public


def pick_team(session, g: Gen, ward: Ward) -> list[int]:
    """Mark 5–12 people of the network as the online team; a database that already has
    a team of five or more keeps it (loading the demo twice adds no one)."""
    have = session.scalars(select(t.PersonRow.id).where(
        t.PersonRow.online_team.is_(True), t.PersonRow.deleted.is_(False))
        .order_by(t.PersonRow.id)).all()
    r = g.rng
    pool = list(ward.cat.ttv) + list(ward.cat.bcv) + [
        i for ids in ward.cat.ctv_by_area.values() for i in ids]
    size = min(len(pool), r.randint(*TEAM_SIZE))
    team = r.sample(pool, size)
    if len(have) >= TEAM_SIZE[0]:
        return list(have)
    session.execute(update(t.PersonRow).where(t.PersonRow.id.in_(team))
                    .values(online_team=True))
    return sorted(set(team) | set(have))


def make_online(g: Gen, ward: Ward) -> list[tuple[OnlineEntry, str]]:
    r = g.rng
    out: list[tuple[OnlineEntry, str]] = []
    team = ward.team

    def add(rec: OnlineEntry) -> None:
        u = g.uuid()
        if rec.noted_on is not None and g.start <= rec.noted_on <= g.today:
            out.append((rec, u))

    for y, m in months(g.start, g.today):
        # Positive posts and shares, most weeks.
        for monday in mondays(g, y, m):
            if r.random() >= 0.85:
                continue
            for _ in range(r.randint(1, 3)):
                day = monday + timedelta(days=r.randint(0, 6))
                running = ward.running(day, day)
                drive = r.choice(running) if running and r.random() < 0.6 else None
                _aid, kp, _cell = ward.area(g)
                channel, text = r.choice(ax.POSTS)
                summary = text.format(
                    phrase=drive.phrase if drive else "về " + r.choice(ax.TOPICS)[0],
                    kp=kp, topic=r.choice(ax.TOPICS)[0]).format(m=m, y=y)
                add(OnlineEntry(noted_on=day, entry_kind="dang_tin",
                                member_id=r.choice(team) if team else None,
                                channel=channel or r.choices(CHANNELS, POST_WEIGHTS)[0],
                                summary=summary,
                                posts=r.randint(1, 5), shares=r.randint(3, 60),
                                reach=r.randint(300, 12000) if r.random() < 0.5 else 0))
        # Wrong or hostile content found, and what was done about it.
        for _ in range(r.randint(2, 5)):
            day = g.day(y, m, sunday_ok=0.3)
            running = [d for d in ward.running(day, day) if d.hostile] if day else []
            about = (r.choice(running).hostile if running and r.random() < 0.6
                     else r.choice(ax.FOUND_ABOUT))
            kind, channel, text = r.choice(ax.FOUND)
            action = r.choices(ax.FOUND_ACTIONS, ax.FOUND_ACTION_WEIGHTS)[0]
            passed = ax.PASSED_TO.get(action)
            rebuttal = action == "phan_bac"
            add(OnlineEntry(noted_on=day, entry_kind="phat_hien",
                            member_id=r.choice(team) if team else None,
                            channel=channel,
                            summary=text.format(about=about, st=r.choice(tx.STREETS)),
                            content_kind=kind, action=action,
                            passed_to=r.choice(passed) if passed else None,
                            posts=r.randint(1, 2) if rebuttal else 0,
                            shares=r.randint(5, 40) if rebuttal else 0,
                            classification="mat" if r.random() < MAT_SHARE else "thuong"))
        # Essay-contest entries in the contest's season.
        if y >= FIRST_CONTEST and m in CONTEST_MONTHS:
            lan = ax.ORDINALS[min(y - FIRST_CONTEST, len(ax.ORDINALS) - 1)]
            for _ in range(r.randint(1, 2) if m == 4 else r.randint(2, 4)):
                day = g.day(y, m)
                _aid, kp, _cell = ward.area(g)
                entries = r.randint(1, 6)
                who = r.choice(("đảng viên", "đoàn viên, thanh niên", "cán bộ, công chức",
                                "hội viên Hội Cựu chiến binh"))
                add(OnlineEntry(noted_on=day, entry_kind="du_thi",
                                member_id=r.choice(team) if team else None, channel="website",
                                summary=f"Gửi {entries:02d} bài dự thi Cuộc thi chính luận về "
                                        f"bảo vệ nền tảng tư tưởng của Đảng lần thứ {lan}, năm "
                                        f"{y} của {who} {kp}",
                                entries=entries))
    out.sort(key=lambda pair: pair[0].noted_on)
    return out
