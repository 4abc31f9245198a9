"""The demo ward's study sessions: each document rolled out to the cells, and monthly themes."""

from __future__ import annotations

from datetime import date, timedelta

from tgdesk import vnformat as vf
from tgdesk.domain.enums import DocumentKind
from tgdesk.domain.records import Cell, PartyDocument, StudySession

from .. import demo_text as tx
from .catalogues import Cat
from .generator import Gen, months


def about(doc: PartyDocument) -> str:
    """The document cited in a session title: "Chỉ thị số 05-CT/TW ngày … của … về …";
    a document without a number (a congress resolution) by its title."""
    if not any(ch.isdigit() for ch in doc.number_symbol):
        return doc.title
    label = DocumentKind.from_code(doc.kind).label
    title = doc.title
    title = "về " + title[3:] if title.startswith("Về ") else "về " + title[0].lower() + title[1:]
    return f"{label} số {doc.number_symbol} ngày {vf.short_date(doc.issued_on)} của " \
           f"{doc.issuer} {title}"


def make_studies(g: Gen, cat: Cat) -> list[tuple[StudySession, str]]:
    """Sessions on each document (again yearly when recurring), then monthly themes."""
    r = g.rng
    out: list[tuple[StudySession, str]] = []
    by_symbol = {d.number_symbol: i for i, d, _ in cat.documents}

    def session(d: date, title: str, doc_ids: list[int], cell: tuple[int, Cell] | None,
                reflections: bool) -> None:
        u = g.uuid()
        if d is None or d > g.today or d < g.start:
            return
        if d.weekday() == 6 and r.random() > 0.03:
            d -= timedelta(days=1)
            if d < g.start:
                return
        form = r.choices(("truc_tiep", "ket_hop", "truc_tuyen"), (85, 10, 5))[0]
        if cell is None:
            expected = r.randint(25, 45)
            s = StudySession(held_on=d, title=title, document_ids=doc_ids, cell_id=None,
                             form=form, place=r.choice(tx.PLACES), key_cadres=r.randint(30, 55),
                             party_members_expected=expected,
                             non_party_officials=r.randint(5, 15), core_masses=r.randint(0, 10),
                             union_members=r.randint(0, 20))
        else:
            cid, c = cell
            expected = max(1, (c.member_count or 10) - r.choice((0, 0, 0, 1, 1, 2, 3)))
            kp = c.name.startswith("Chi bộ Khu phố")
            s = StudySession(held_on=d, title=title, document_ids=doc_ids, cell_id=cid,
                             form=form,
                             place=("Nhà văn hóa " + c.name[7:].lower()) if kp else
                             "Phòng họp " + c.name.lower(),
                             key_cadres=r.randint(0, 2), party_members_expected=expected,
                             non_party_officials=r.randint(0, 2) if kp else r.randint(2, 8),
                             core_masses=r.randint(5, 20) if kp else r.randint(0, 3),
                             union_members=r.randint(5, 25) if kp else r.randint(0, 10))
        rate = 1.0 if r.random() < 0.2 else r.uniform(0.85, 1.0)
        s.party_members_present = min(expected, round(expected * rate))
        s.reflections = round(s.party_members_present * r.uniform(0.7, 1.0)) if reflections else 0
        if r.random() < 0.9 and cat.bcv:
            s.speaker_id = r.choice(cat.bcv)
        else:
            s.speaker_name = g.name()
        if s.party_members_present < expected and r.random() < 0.3:
            s.note = (f"{expected - s.party_members_present} đồng chí vắng có lý do, "
                      "chi bộ tổ chức học bù.")
        out.append((s, u))

    def rollout(first: date, doc_ids: list[int], title: str) -> None:
        """A ward-level conference, then most cells over the next weeks."""
        session(first, title, doc_ids, None, False)
        for cell in cat.cells:
            if r.random() < 0.9:
                session(first + timedelta(days=r.randint(3, 35)), title, doc_ids, cell, True)

    for did, doc, recurring in cat.documents:
        title = "Học tập, quán triệt " + about(doc)
        first = doc.issued_on + timedelta(days=r.randint(25, 50))
        if first >= g.start:
            rollout(first, [did], title)
        elif recurring:
            for y in range(g.start.year, g.today.year + 1):
                d = g.day(y, r.randint(2, 10), 5, 25)
                if d is not None:
                    rollout(d, [did], "Tiếp tục học tập, quán triệt " + about(doc))
        elif r.random() < 0.5:
            d = g.day(g.start.year + 1, r.randint(1, 10)) if g.today.year > g.start.year else None
            session(d, "Ôn tập, quán triệt " + about(doc), [did], None, False)

    issued = {i: d.issued_on for i, d, _ in cat.documents}
    theme = [by_symbol[s] for s in ("05-CT/TW", "01-KL/TW") if s in by_symbol]
    for y, m in months(g.start, g.today):
        for cell in r.sample(cat.cells, min(len(cat.cells), r.randint(2, 4))):
            d = g.day(y, m, 1, 20)
            docs = [i for i in theme if d is not None and issued[i] < d]
            if docs:  # a document is never studied before it was issued
                session(d, "Sinh hoạt chuyên đề “Học tập và làm theo tư tưởng, đạo đức, phong "
                        f"cách Hồ Chí Minh” năm {y}", docs, cell, False)
    out.sort(key=lambda pair: pair[0].held_on)
    return out
