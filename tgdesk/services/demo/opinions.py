"""The demo ward's opinion notes and the follow-up history of each."""

from __future__ import annotations

from datetime import datetime, timedelta

from tgdesk.domain.records import OpinionNote

from .. import demo_text as tx
from .catalogues import Cat
from .generator import Gen, months

CATEGORY_WEIGHTS = {"Đất đai – môi trường": 14, "Trật tự đô thị": 10, "Giá cả, đời sống": 14,
                    "Thủ tục hành chính": 9, "Sắp xếp tổ chức bộ máy": 8, "An sinh xã hội": 9,
                    "Giáo dục, y tế": 8, "An ninh trật tự": 10, "Thông tin trên mạng xã hội": 7,
                    "Chủ trương, chính sách mới": 11}


def make_opinions(g: Gen, cat: Cat) -> list[tuple[OpinionNote, str]]:
    """10–25 notes a month, weighted by field, with attitude, concern and follow-up."""
    r = g.rng
    out: list[tuple[OpinionNote, str]] = []
    names = list(cat.categories)
    weights = [CATEGORY_WEIGHTS.get(n, 5) for n in names]
    for y, m in months(g.start, g.today):
        for _ in range(r.randint(10, 25)):
            u = g.uuid()
            d = g.day(y, m, sunday_ok=0.01)
            name = r.choices(names, weights)[0]
            groups = tx.OPINIONS[name]
            group = r.choices(("good", "worried", "angry", "contrary"), (42, 42, 10, 6))[0]
            if not groups.get(group):
                group = "worried"
            aid, area = r.choice(cat.areas)
            summary = r.choice(groups[group]).format(kp=area.name.lower(), st=r.choice(tx.STREETS))
            attitude = {"good": "dong_tinh", "worried": "ban_khoan", "angry": "buc_xuc",
                        "contrary": "trai_chieu"}[group]
            concern = {"good": r.choices(("thap", "trung_binh"), (80, 20))[0],
                       "worried": r.choices(("thap", "trung_binh", "cao"), (20, 65, 15))[0],
                       "angry": r.choices(("trung_binh", "cao", "diem_nong"), (35, 57, 8))[0],
                       "contrary": r.choices(("trung_binh", "cao", "diem_nong"), (30, 62, 8))[0],
                       }[group]
            source = r.choices(("ctv", "to_dan_pho", "chi_bo", "hoi_nghi", "tiep_xuc_cu_tri"),
                               (60, 15, 12, 6, 7))[0]
            if name == "Thông tin trên mạng xã hội" and r.random() < 0.7:
                source = "mang_xa_hoi"
            reporter = None
            if source == "ctv" and cat.ctv_by_area.get(aid):
                reporter = r.choice(cat.ctv_by_area[aid])
            elif cat.ttv and r.random() < 0.3:
                reporter = r.choice(cat.ttv)
            proposal = None
            if concern in ("cao", "diem_nong") or (group == "worried" and r.random() < 0.3):
                proposal = r.choice(tx.PROPOSALS)
            if d is None:
                continue
            age = (g.today - d).days
            if group == "good":
                follow = "moi" if age < 7 else "da_bao_cao"
            elif age > 60:
                follow = r.choices(("da_giai_quyet", "dang_xu_ly", "da_bao_cao"), (82, 10, 8))[0]
            elif age > 15:
                follow = r.choices(("da_giai_quyet", "dang_xu_ly", "da_bao_cao", "moi"),
                                   (35, 35, 25, 5))[0]
            else:
                follow = r.choices(("moi", "da_bao_cao", "dang_xu_ly"), (40, 40, 20))[0]
            passed_to = None
            if follow != "moi":
                passed_to = ("Thường trực Đảng ủy phường" if group == "good"
                             else r.choice(tx.PASSED_TO))
            due_on = d + timedelta(days=r.choice((7, 15, 30))) if proposal else None
            out.append((OpinionNote(noted_on=d, area_id=aid, reporter_id=reporter, due_on=due_on,
                                    category_id=cat.categories[name], source=source,
                                    summary=summary, attitude=attitude, concern=concern,
                                    proposal=proposal, follow_up=follow, passed_to=passed_to,
                                    classification="thuong" if r.random() < 0.08 else "mat"), u))
    out += recent_hot_spots(g, cat, [n for n, _ in out])
    out.sort(key=lambda pair: pair[0].noted_on)
    return out


def recent_hot_spots(g: Gen, cat: Cat, notes: list[OpinionNote]
                     ) -> list[tuple[OpinionNote, str]]:
    """A hot spot in each of the last two full months that drew none, so that a
    recent opinion report has one to list (hot spots are rare: a few a year)."""
    r = g.rng
    y, m = g.today.year, g.today.month
    out = []
    for k in range(2):
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        if any(n.noted_on.year == y and n.noted_on.month == m and n.concern == "diem_nong"
               for n in notes):
            continue
        name, summary, proposal, passed_to = tx.HOT_SPOTS[k % len(tx.HOT_SPOTS)]
        d = g.day(y, m, 5, 25)
        u = g.uuid()
        if d is None or name not in cat.categories:
            continue
        aid, area = r.choice(cat.areas)
        age = (g.today - d).days
        follow = "da_giai_quyet" if age > 60 else "dang_xu_ly" if age > 10 else "da_bao_cao"
        reporter = r.choice(cat.ctv_by_area[aid]) if cat.ctv_by_area.get(aid) else None
        out.append((OpinionNote(
            noted_on=d, area_id=aid, reporter_id=reporter, category_id=cat.categories[name],
            source="ctv" if reporter else "to_dan_pho",
            summary=summary.format(kp=area.name.lower(), st=r.choice(tx.STREETS)),
            attitude="buc_xuc", concern="diem_nong", proposal=proposal, follow_up=follow,
            passed_to=passed_to, due_on=d + timedelta(days=15), classification="mat"), u))
    return out


def follow_up_history(g: Gen, ids: list[int], rows: list[dict], now: datetime) -> list[dict]:
    """Follow-up steps of each demo note: recorded, then its current status."""
    order = ["moi", "da_bao_cao", "dang_xu_ly", "da_giai_quyet"]
    out = []
    for note_id, row in zip(ids, rows):
        day = row["noted_on"]
        for status in order[: order.index(row["follow_up"]) + 1]:
            out.append({"opinion_id": note_id, "status": status, "changed_on": day,
                        "passed_to": None if status == "moi" else row["passed_to"],
                        "note": None, "uuid": g.uuid(), "created_at": now, "updated_at": now,
                        "deleted": False})
            day = min(g.today, day + timedelta(days=g.rng.randint(1, 6)))
    return out
