"""The demo ward's unit and catalogues: areas, cells, documents, opinion fields, the network."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from tgdesk.domain import validation as v
from tgdesk.domain.records import (Area, Cell, OpinionCategory, PartyDocument, Person,
                                   UnitSettings)
from tgdesk.domain.text import normalize_fields
from tgdesk.store import tables as t

from .. import demo_text as tx
from .coverage import set_deadlines
from .generator import Gen, check
from .summary import DemoSummary


def set_up_unit(session, g: Gen, summary: DemoSummary) -> dict:
    """The demo unit on an empty database (an existing one is kept); the leaders' names."""
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
    check(v.validate_unit(unit), unit)
    session.add(t.UnitRow(uuid=unit_uuid, **dataclasses.asdict(unit)))
    summary.unit_created = unit.name
    return leaders


@dataclass
class Cat:
    """The catalogue ids the records refer to."""
    cells: list[tuple[int, Cell]]
    areas: list[tuple[int, Area]]
    documents: list[tuple[int, PartyDocument, bool]]
    bcv: list[int]
    ttv: list[int]
    ctv_by_area: dict[int, list[int]]
    categories: dict[str, int]


def add_all(session, g: Gen, row_type, key: str, recs: list, validate) -> tuple[list[int], int]:
    """Insert catalogue records, reusing a live row of the same name. Returns ids, added."""
    column = getattr(row_type, key)
    existing = dict(session.execute(select(column, row_type.id)
                                    .where(row_type.deleted.is_(False))
                                    .order_by(row_type.id.desc())).all())
    ids, added, new_rows = [], 0, []
    for rec in recs:
        u = g.uuid()  # drawn even when reused, so later data does not shift
        normalize_fields(rec)
        check(validate(rec), rec)
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


def catalogues(session, g: Gen, summary: DemoSummary) -> Cat:
    """Areas, cells, documents issued by today, opinion fields and the network."""
    r, today = g.rng, g.today
    n_areas = r.randint(8, 12)
    areas = [Area(name=f"Khu phố {i}", kind="khu_pho") for i in range(1, n_areas + 1)]
    area_ids, summary.areas = add_all(session, g, t.AreaRow, "name", areas, v.validate_area)

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
    cell_ids, summary.cells = add_all(session, g, t.CellRow, "name", cells, v.validate_cell)

    docs = [PartyDocument(kind=k, number_symbol=num, issued_on=d, issuer=iss, title=title)
            for k, num, d, iss, title, _ in tx.DOCUMENTS if d <= today]
    set_deadlines(docs, g.start)
    doc_ids, summary.documents = add_all(session, g, t.DocumentRow, "number_symbol", docs,
                                          lambda d: v.validate_document(d, today))
    recurring = {num: rec for _, num, _, _, _, rec in tx.DOCUMENTS}

    cats = [OpinionCategory(name=n, description=d) for n, d in tx.CATEGORIES]
    cat_ids, summary.categories = add_all(session, g, t.CategoryRow, "name", cats,
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
    person_ids, summary.people = add_all(session, g, t.PersonRow, "full_name", people,
                                          lambda p: v.validate_person(p, known))
    bcv = [i for i, p in zip(person_ids, people) if p.role == "bao_cao_vien"]
    ttv = [i for i, p in zip(person_ids, people) if p.role == "tuyen_truyen_vien"]
    ctv: dict[int, list[int]] = {}
    for i, p in zip(person_ids, people):
        if p.role == "ctv_dlxh":
            ctv.setdefault(p.area_id, []).append(i)
    return Cat(cells=list(zip(cell_ids, cells)), areas=list(zip(area_ids, areas)),
                documents=[(i, d, recurring[d.number_symbol]) for i, d in zip(doc_ids, docs)],
                bcv=bcv, ttv=ttv, ctv_by_area=ctv,
                categories=dict(zip([c.name for c in cats], cat_ids)))
