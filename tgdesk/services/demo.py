"""Realistic demo data for one ward, deterministic for a seed and a "today".

Same seed and same ``ctx.today()`` give the same rows, UUIDs included: every
random choice comes from ``random.Random(seed)``, and UUIDs from a second
generator seeded with the seed and the number of rows already in the database
(so loading twice never repeats a UUID). Every record
passes the same validation functions as a record typed in a form; the rows are
then inserted in bulk inside one transaction.
"""

from __future__ import annotations

import calendar
import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from random import Random

from sqlalchemy import func, insert, select

from tgdesk import vnformat as vf
from tgdesk.domain import validation as v
from tgdesk.domain.enums import DocumentKind
from tgdesk.domain.records import (Area, Cell, Meeting, OpinionCategory, OpinionNote, PartyDocument,
                                   Person, StudySession, UnitSettings)
from tgdesk.domain.text import normalize_fields
from tgdesk.store import tables as t

from . import demo_text as tx
from .context import Context
from .crud import known_ids

ROMAN_QUARTER = {1: "I", 2: "II", 3: "III", 4: "IV"}
# How many times each kind is generated per unit of ``scale`` (above 1): opinion
# notes and study sessions are the lists that grow largest in a ward's years.
SCALE_FACTORS = {"meetings": 1, "studies": 3, "opinions": 5}


@dataclass
class DemoSummary:
    cells: int = 0
    areas: int = 0
    documents: int = 0
    people: int = 0
    categories: int = 0
    meetings: int = 0
    studies: int = 0
    opinions: int = 0
    start: date | None = None
    end: date | None = None
    unit_created: str | None = None   # the unit's name when the demo set it up

    def text(self) -> str:
        n = vf.number
        parts = [f"{n(self.cells)} chi bộ", f"{n(self.areas)} khu dân cư",
                 f"{n(self.documents)} văn bản", f"{n(self.people)} người trong mạng lưới",
                 f"{n(self.categories)} lĩnh vực dư luận", f"{n(self.meetings)} hội nghị",
                 f"{n(self.studies)} buổi học tập", f"{n(self.opinions)} ý kiến dư luận"]
        out = (f"Đã nạp dữ liệu mẫu: {', '.join(parts)} "
               f"(từ {vf.short_date(self.start)} đến {vf.short_date(self.end)}).")
        if self.unit_created:
            out += f"\nĐã thiết lập đơn vị: {self.unit_created}."
        return out


def _check(verdict: v.Verdict, what: object) -> None:
    if not verdict.ok:
        raise AssertionError(f"demo record does not validate: {verdict.errors} in {what!r}")


class _Gen:
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


def _window(today: date, years: int) -> date:
    y, m = today.year - years, today.month + 1
    if m == 13:
        y, m = y + 1, 1
    return date(y, m, 1)


def _months(start: date, end: date):
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def load_demo(ctx: Context, years: int = 2, seed: int = 1, scale: int = 1) -> DemoSummary:
    """Fill the database with demo data of one ward over the last ``years`` years.

    ``scale`` (for measuring lists) multiplies the volume: above 1, meetings
    ``scale`` times, study sessions ``3 × scale`` and opinion notes ``5 × scale``
    times (SCALE_FACTORS), so ``years=5, scale=20`` gives about 110,000 opinion
    notes, 24,000 study sessions and 7,000 meetings.
    """
    today = ctx.today()
    start = _window(today, years)
    summary = DemoSummary(start=start, end=today)
    with ctx.transaction() as session:
        # UUIDs repeat for the same seed on the same database state, but a second
        # load into a database (which already holds rows) draws new ones.
        existing = sum(session.scalar(select(func.count()).select_from(row)) or 0
                       for row in (t.UnitRow, t.CellRow, t.AreaRow, t.DocumentRow, t.PersonRow,
                                   t.CategoryRow, t.MeetingRow, t.StudyRow, t.OpinionRow))
        g = _Gen(Random(seed), today, start, Random(f"tgdesk-demo:{seed}:{existing}"))
        leaders = _unit(session, g, summary)
        cat = _catalogues(session, g, summary)
        known = known_ids(session)
        meetings, studies, opinions = [], [], []
        times = {kind: 1 if scale <= 1 else factor * scale
                 for kind, factor in SCALE_FACTORS.items()}
        for _ in range(times["meetings"]):
            meetings += _meetings(g, leaders)
        for _ in range(times["studies"]):
            studies += _studies(g, cat)
        for _ in range(times["opinions"]):
            opinions += _opinions(g, cat)
        if scale > 1:
            meetings.sort(key=lambda pair: pair[0].held_on)
            studies.sort(key=lambda pair: pair[0].held_on)
            opinions.sort(key=lambda pair: pair[0].noted_on)
        now = _now()

        def plain(rec, uuid_: str) -> dict:
            normalize_fields(rec)
            d = dataclasses.asdict(rec)
            d.pop("id")
            d.update(uuid=uuid_, created_at=now, updated_at=now, deleted=False)
            return d

        rows = []
        for rec, u in meetings:
            _check(v.validate_meeting(rec, today), rec)
            rows.append(plain(rec, u))
        if rows:
            session.execute(insert(t.MeetingRow), rows)
        summary.meetings = len(rows)

        rows, doc_lists = [], []
        for rec, u in studies:
            _check(v.validate_study(rec, known, today), rec)
            row = plain(rec, u)
            doc_lists.append(row.pop("document_ids"))
            rows.append(row)
        if rows:
            ids = session.scalars(insert(t.StudyRow).returning(
                t.StudyRow.id, sort_by_parameter_order=True), rows).all()
            links = [{"study_id": sid, "document_id": did}
                     for sid, docs in zip(ids, doc_lists) for did in docs]
            session.execute(insert(t.study_document), links)
        summary.studies = len(rows)

        rows = []
        for rec, u in opinions:
            _check(v.validate_opinion(rec, known, today), rec)
            rows.append(plain(rec, u))
        if rows:
            ids = session.scalars(insert(t.OpinionRow).returning(
                t.OpinionRow.id, sort_by_parameter_order=True), rows).all()
            session.execute(insert(t.FollowUpRow), _history(g, ids, rows, now))
        summary.opinions = len(rows)
    return summary


def _history(g: _Gen, ids: list[int], rows: list[dict], now: datetime) -> list[dict]:
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


# --- unit and catalogues ------------------------------------------------------

def _unit(session, g: _Gen, summary: DemoSummary) -> dict:
    secretary, deputy = g.name(), g.name()
    unit_uuid = g.uuid()
    leaders = {"secretary": secretary, "deputy": deputy}
    row = session.scalars(select(t.UnitRow).order_by(t.UnitRow.id)).first()
    if row is not None:
        if row.signer_name:
            leaders["deputy"] = row.signer_name
        return leaders
    unit = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN",
                        parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", place_name="Bình Tiên",
                        doc_abbrev="ĐU", signer_authority="T/M ĐẢNG ỦY",
                        signer_title="PHÓ BÍ THƯ", signer_name=deputy, profile="party",
                        term_start=date(2025, 7, 1))
    normalize_fields(unit)
    _check(v.validate_unit(unit), unit)
    session.add(t.UnitRow(uuid=unit_uuid, **dataclasses.asdict(unit)))
    summary.unit_created = unit.name
    return leaders


@dataclass
class _Cat:
    cells: list[tuple[int, Cell]]
    areas: list[tuple[int, Area]]
    documents: list[tuple[int, PartyDocument, bool]]
    bcv: list[int]
    ttv: list[int]
    ctv_by_area: dict[int, list[int]]
    categories: dict[str, int]


def _add_all(session, g: _Gen, row_type, key: str, recs: list, validate) -> tuple[list[int], int]:
    """Insert catalogue records, reusing a live row of the same name. Returns ids, added."""
    column = getattr(row_type, key)
    existing = dict(session.execute(select(column, row_type.id)
                                    .where(row_type.deleted.is_(False))
                                    .order_by(row_type.id.desc())).all())
    ids, added, new_rows = [], 0, []
    for rec in recs:
        u = g.uuid()  # drawn even when reused, so later data does not shift
        normalize_fields(rec)
        _check(validate(rec), rec)
        name = getattr(rec, key)
        if name in existing:
            ids.append(existing[name])
            continue
        fields = {f.name: getattr(rec, f.name) for f in dataclasses.fields(rec)
                  if f.name not in ("id", "uuid")}
        row = row_type(uuid=u, **fields)
        session.add(row)
        new_rows.append((len(ids), row))
        ids.append(None)
        added += 1
    session.flush()
    for i, row in new_rows:
        ids[i] = row.id
    return ids, added


def _catalogues(session, g: _Gen, summary: DemoSummary) -> _Cat:
    r, today = g.rng, g.today
    n_areas = r.randint(8, 12)
    areas = [Area(name=f"Khu phố {i}", kind="khu_pho") for i in range(1, n_areas + 1)]
    area_ids, summary.areas = _add_all(session, g, t.AreaRow, "name", areas, v.validate_area)

    kp_cells = min(n_areas, 11)
    cells = [Cell(name=f"Chi bộ Khu phố {i}", secretary=g.name(), member_count=r.randint(18, 65))
             for i in range(1, kp_cells + 1)]
    cells += [Cell(name="Chi bộ Cơ quan Đảng – Đoàn thể", secretary=g.name(),
                   member_count=r.randint(12, 22)),
              Cell(name="Chi bộ Cơ quan Ủy ban nhân dân", secretary=g.name(),
                   member_count=r.randint(20, 35)),
              Cell(name="Chi bộ Quân sự", secretary=g.name(False), member_count=r.randint(6, 12)),
              Cell(name="Chi bộ Công an", secretary=g.name(False),
                   member_count=r.randint(15, 30))]
    cell_ids, summary.cells = _add_all(session, g, t.CellRow, "name", cells, v.validate_cell)

    docs = [PartyDocument(kind=k, number_symbol=num, issued_on=d, issuer=iss, title=title)
            for k, num, d, iss, title, _ in tx.DOCUMENTS if d <= today]
    doc_ids, summary.documents = _add_all(session, g, t.DocumentRow, "number_symbol", docs,
                                          lambda d: v.validate_document(d, today))
    recurring = {num: rec for _, num, _, _, _, rec in tx.DOCUMENTS}

    cats = [OpinionCategory(name=n, description=d) for n, d in tx.CATEGORIES]
    cat_ids, summary.categories = _add_all(session, g, t.CategoryRow, "name", cats,
                                           v.validate_category)

    known = v.Known(areas=frozenset(area_ids))
    people: list[Person] = []
    for _ in range(r.randint(4, 6)):
        people.append(Person(full_name=g.name(), role="bao_cao_vien", phone=g.phone(),
                             workplace=r.choice(tx.BCV_WORKPLACES)))
    for _ in range(r.randint(8, 12)):
        people.append(Person(full_name=g.name(), role="tuyen_truyen_vien", phone=g.phone(),
                             workplace=r.choice(tx.TTV_WORKPLACES), area_id=r.choice(area_ids)))
    for aid in area_ids:
        for _ in range(r.choice((1, 1, 2))):
            people.append(Person(full_name=g.name(), role="ctv_dlxh", phone=g.phone(),
                                 workplace="Ban điều hành khu phố", area_id=aid))
    seen: set[str] = set()
    for p in people:  # a roster never holds two people of the same name
        while p.full_name in seen:
            p.full_name = g.name()
        seen.add(p.full_name)
    person_ids, summary.people = _add_all(session, g, t.PersonRow, "full_name", people,
                                          lambda p: v.validate_person(p, known))
    bcv = [i for i, p in zip(person_ids, people) if p.role == "bao_cao_vien"]
    ttv = [i for i, p in zip(person_ids, people) if p.role == "tuyen_truyen_vien"]
    ctv: dict[int, list[int]] = {}
    for i, p in zip(person_ids, people):
        if p.role == "ctv_dlxh":
            ctv.setdefault(p.area_id, []).append(i)
    return _Cat(cells=list(zip(cell_ids, cells)), areas=list(zip(area_ids, areas)),
                documents=[(i, d, recurring[d.number_symbol]) for i, d in zip(doc_ids, docs)],
                bcv=bcv, ttv=ttv, ctv_by_area=ctv,
                categories=dict(zip([c.name for c in cats], cat_ids)))


# --- meetings ---------------------------------------------------------------------

ATTENDANCE = {"giao_ban": (18, 45), "so_ket": (60, 120), "tong_ket": (100, 180),
              "trien_khai": (50, 150), "tap_huan": (40, 90), "hoi_thi": (80, 200),
              "toa_dam": (30, 60), "doi_thoai": (50, 120), "khac": (15, 30)}
FILLER = (("giao_ban", 3.0), ("trien_khai", 2.0), ("tap_huan", 1.2), ("toa_dam", 1.0),
          ("doi_thoai", 1.0), ("hoi_thi", 0.6), ("khac", 0.6))


def _meetings(g: _Gen, leaders: dict) -> list[tuple[Meeting, str]]:
    r = g.rng
    out: list[tuple[Meeting, str]] = []
    chairs = (f"Đồng chí {leaders['secretary']}, Bí thư Đảng ủy phường",
              f"Đồng chí {leaders['deputy']}, Phó Bí thư Thường trực Đảng ủy phường",
              f"Đồng chí {leaders['deputy']}, Phó Bí thư Thường trực Đảng ủy phường")

    def add(d: date | None, kind: str, title: str, when: str, nxt: str) -> None:
        u = g.uuid()
        if d is None:
            return
        lo, hi = ATTENDANCE[kind]
        attendance = r.randint(lo, hi)
        contributions = r.randint(2, min(15, attendance // 3))
        out.append((Meeting(held_on=d, meeting_type=kind, title=title,
                            place=r.choice(tx.PLACES), chaired_by=r.choice(chairs),
                            participants=tx.MEETING_PARTICIPANTS[kind], attendance=attendance,
                            contributions=contributions,
                            contents=_contents(r, kind, when, contributions),
                            conclusions=r.choice(tx.CONCLUSIONS).format(next=nxt),
                            classification="mat" if r.random() < 0.03 else "thuong"), u))

    for y, m in _months(g.start, g.today):
        month = f"tháng {m}/{y}"
        n_before = len(out)
        add(g.day(y, m, 22, 28), "giao_ban", f"Giao ban công tác tuyên giáo {month}",
            month, "tháng tới")
        add(g.day(y, m, 5, 15), "giao_ban", f"Giao ban cộng tác viên dư luận xã hội {month}",
            month, "tháng tới")
        if m in (3, 6, 9):
            q = m // 3
            title = {3: f"Sơ kết công tác tuyên giáo quý I năm {y}",
                     6: f"Sơ kết công tác tuyên giáo 6 tháng đầu năm, triển khai nhiệm vụ trọng "
                        f"tâm 6 tháng cuối năm {y}",
                     9: f"Sơ kết công tác tuyên giáo 9 tháng đầu năm {y}"}[m]
            add(g.day(y, m, 15, 28), "so_ket", title,
                {3: f"quý I năm {y}", 6: f"6 tháng đầu năm {y}", 9: f"9 tháng đầu năm {y}"}[m],
                "những tháng cuối năm" if m == 9 else "thời gian tới")
            add(g.day(y, m, 8, 20), "giao_ban",
                f"Giao ban đội ngũ báo cáo viên quý {ROMAN_QUARTER[q]}/{y}", f"quý "
                f"{ROMAN_QUARTER[q]}", "quý tới")
        if m == 12:
            add(g.day(y, m, 15, 28), "tong_ket",
                f"Tổng kết công tác tuyên giáo năm {y}, triển khai phương hướng, nhiệm vụ năm "
                f"{y + 1}", f"năm {y}", f"năm {y + 1}")
            add(g.day(y, m, 8, 14), "giao_ban", f"Giao ban đội ngũ báo cáo viên quý IV/{y}",
                "quý IV", "quý tới")
        if m in tx.ANNIVERSARIES:
            event, since = tx.ANNIVERSARIES[m]
            add(g.day(y, m, 3, 15), "trien_khai",
                f"Triển khai kế hoạch tuyên truyền kỷ niệm {y - since} năm "
                + event.format(y=y), month, "các tháng tới")
        target = r.randint(4, 8)
        while len(out) - n_before < target:
            before = len(out)
            kind = r.choices([k for k, _ in FILLER], [w for _, w in FILLER])[0]
            kp = f"khu phố {r.randint(1, 8)}"
            title = {
                "giao_ban": r.choice((f"Giao ban khối Mặt trận Tổ quốc – đoàn thể {month}",
                                      f"Giao ban công tác dân vận {month}")),
                "trien_khai": r.choice(tx.LAUNCH_TITLES),
                "tap_huan": r.choice(tx.TRAINING_TITLES),
                "toa_dam": r.choice(tx.TALK_TITLES),
                "doi_thoai": r.choice(tx.DIALOGUE_TITLES),
                "hoi_thi": r.choice(tx.CONTEST_TITLES),
                "khac": r.choice(("Họp Ban Chỉ đạo 35 phường",
                                  "Họp Ban Chỉ đạo thực hiện Chỉ thị 05-CT/TW của phường",
                                  "Họp Ban biên tập bản tin nội bộ phường")),
            }[kind].format(y=y, kp=kp)
            add(g.day(y, m), kind, title, month, "tháng tới")
            if len(out) == before and r.random() < 0.5:
                break  # the day fell in the future: the current month is not over
    out.sort(key=lambda pair: pair[0].held_on)
    return out


def _contents(r: Random, kind: str, when: str, contributions: int) -> str:
    if kind in ("giao_ban", "so_ket", "tong_ket"):
        text = r.choice(tx.OPENERS).format(when=when)
        text += "; ".join(r.sample(tx.ACHIEVEMENTS, r.randint(2, 3))) + ". "
        return text + r.choice(tx.LIMITS) + f" Có {contributions} ý kiến tham luận, đóng góp."
    if kind == "trien_khai":
        return ("Quán triệt mục đích, yêu cầu, nội dung kế hoạch; phân công các chi bộ, Mặt trận "
                "Tổ quốc và các đoàn thể tổ chức thực hiện; đẩy mạnh tuyên truyền trực quan bằng "
                "băng rôn, khẩu hiệu, pano, cờ và trên trang thông tin điện tử, nhóm Zalo khu phố.")
    if kind == "tap_huan":
        return ("Báo cáo viên truyền đạt các chuyên đề: kỹ năng nắm bắt, tổng hợp, phản ánh dư "
                "luận xã hội; kỹ năng tuyên truyền miệng; nhận diện và đấu tranh phản bác thông "
                "tin xấu độc trên mạng xã hội. Học viên trao đổi, thảo luận sôi nổi.")
    if kind == "hoi_thi":
        teams = r.randint(6, 14)
        return (f"Hội thi có {teams} đội của các chi bộ, đoàn thể tham gia với các phần thi chào "
                "hỏi, kiến thức và thuyết trình; Ban Tổ chức trao giải nhất, nhì, ba và các giải "
                "khuyến khích.")
    if kind == "toa_dam":
        return (f"Các đại biểu trình bày {contributions} ý kiến tham luận, trao đổi kinh nghiệm, "
                "đề xuất giải pháp nâng cao chất lượng công tác tuyên truyền ở cơ sở.")
    if kind == "doi_thoai":
        return (f"Người dân nêu {contributions} ý kiến về trật tự đô thị, vệ sinh môi trường, thủ "
                "tục hành chính; lãnh đạo phường trả lời trực tiếp, tiếp thu và giao bộ phận "
                "chuyên môn giải quyết.")
    return "Đánh giá tình hình, thống nhất nhiệm vụ thời gian tới; phân công thành viên thực hiện."


# --- study sessions ------------------------------------------------------------

def _about(doc: PartyDocument) -> str:
    if doc.number_symbol.startswith("Nghị quyết"):
        return doc.title
    label = DocumentKind.from_code(doc.kind).label
    title = doc.title
    title = "về " + title[3:] if title.startswith("Về ") else "về " + title[0].lower() + title[1:]
    return f"{label} số {doc.number_symbol} ngày {vf.short_date(doc.issued_on)} của " \
           f"{doc.issuer} {title}"


def _studies(g: _Gen, cat: _Cat) -> list[tuple[StudySession, str]]:
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
        title = "Học tập, quán triệt " + _about(doc)
        first = doc.issued_on + timedelta(days=r.randint(25, 50))
        if first >= g.start:
            rollout(first, [did], title)
        elif recurring:
            for y in range(g.start.year, g.today.year + 1):
                d = g.day(y, r.randint(2, 10), 5, 25)
                if d is not None:
                    rollout(d, [did], "Tiếp tục học tập, quán triệt " + _about(doc))
        elif r.random() < 0.5:
            d = g.day(g.start.year + 1, r.randint(1, 10)) if g.today.year > g.start.year else None
            session(d, "Ôn tập, quán triệt " + _about(doc), [did], None, False)

    issued = {i: d.issued_on for i, d, _ in cat.documents}
    theme = [by_symbol[s] for s in ("05-CT/TW", "01-KL/TW") if s in by_symbol]
    for y, m in _months(g.start, g.today):
        for cell in r.sample(cat.cells, min(len(cat.cells), r.randint(2, 4))):
            d = g.day(y, m, 1, 20)
            docs = [i for i in theme if d is not None and issued[i] < d]
            if docs:  # a document is never studied before it was issued
                session(d, "Sinh hoạt chuyên đề “Học tập và làm theo tư tưởng, đạo đức, phong "
                        f"cách Hồ Chí Minh” năm {y}", docs, cell, False)
    out.sort(key=lambda pair: pair[0].held_on)
    return out


# --- opinion notes ---------------------------------------------------------------

CATEGORY_WEIGHTS = {"Đất đai – môi trường": 14, "Trật tự đô thị": 10, "Giá cả, đời sống": 14,
                    "Thủ tục hành chính": 9, "Sắp xếp tổ chức bộ máy": 8, "An sinh xã hội": 9,
                    "Giáo dục, y tế": 8, "An ninh trật tự": 10, "Thông tin trên mạng xã hội": 7,
                    "Chủ trương, chính sách mới": 11}


def _opinions(g: _Gen, cat: _Cat) -> list[tuple[OpinionNote, str]]:
    r = g.rng
    out: list[tuple[OpinionNote, str]] = []
    names = list(cat.categories)
    weights = [CATEGORY_WEIGHTS.get(n, 5) for n in names]
    for y, m in _months(g.start, g.today):
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
    out.sort(key=lambda pair: pair[0].noted_on)
    return out
