"""Mật where it belongs (issue 12, item 5): the unit's default classification of
a new opinion note, and how many Mật records this PC holds.

The count covers every record table with a classification, the trash and the
records received from other units included: all of them are on this PC's disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Classification
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.roles import Permission
from tgdesk.store import queries
from tgdesk.store import tables as t

from .context import Context
from .settings_store import get_setting, set_setting

OPINION_DEFAULT = "opinion_default_classification"
MAT = Classification.MAT.value
CHUNK = 900            # ids per IN (…), below SQLite's old limit of 999 parameters

# Record kinds that carry a classification, with their table.
CLASSIFIED_TABLES = {"meetings": t.MeetingRow, "studies": t.StudyRow, "opinions": t.OpinionRow,
                     "propaganda": t.PropagandaRow, "online": t.OnlineEntryRow,
                     "models": t.ModelRow}


def opinion_default(ctx: Context) -> str:
    """The classification a new opinion note starts with (Mật unless the unit chose)."""
    code = get_setting(ctx, OPINION_DEFAULT, MAT)
    return code if Classification.from_code(code) is not None else MAT


def set_opinion_default(ctx: Context, code: str) -> None:
    if Classification.from_code(code) is None:
        raise ValueError(code)
    set_setting(ctx, OPINION_DEFAULT, code)


@dataclass(frozen=True)
class ClassifiedCount:
    total: int = 0
    in_trash: int = 0
    received: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    # The person signed in may not see Mật records, nor how many there are.
    hidden: bool = False


def classified_count(ctx: Context) -> ClassifiedCount:
    """How many Mật records the database holds, per kind: seeks on the
    classification indexes of the big tables (migration 0011), however many notes.
    Nothing (``hidden``) for a person who may not read Mật records."""
    if not ctx.can(Permission.READ_SECRET):
        return ClassifiedCount(hidden=True)
    total = trash = received = 0
    by_kind: dict[str, int] = {}
    with ctx.reading() as session:
        for kind, row in CLASSIFIED_TABLES.items():
            secret = select(func.count(row.id)).where(row.classification == MAT)
            n = session.scalar(secret) or 0
            if n:
                trash += session.scalar(secret.where(row.deleted.is_(True))) or 0
                received += session.scalar(secret.where(
                    row.deleted.in_((False, True)), row.origin_unit_id.is_not(None))) or 0
            by_kind[kind] = n
            total += n
    return ClassifiedCount(total, trash, received, by_kind)


def classified_in_list(ctx: Context, kind: str, flt: ListFilter = ListFilter()) -> int:
    """How many Mật records the list of ``kind`` narrowed by ``flt`` holds (an
    Excel export asks before writing them); 0 for a person who may not read them
    (the list holds none for them)."""
    if not ctx.can(Permission.READ_SECRET):
        return 0
    row = CLASSIFIED_TABLES[kind]
    n = 0
    with ctx.reading() as session:
        ids = queries.record_ids(session, kind, flt, today=ctx.today())
        for part in range(0, len(ids), CHUNK):
            n += session.scalar(select(func.count(row.id)).where(
                row.id.in_(ids[part:part + CHUNK]), row.classification == MAT)) or 0
    return n


def describe(count: ClassifiedCount) -> str:
    """“Máy này đang giữ 1.234 hồ sơ Mật (12 trong thùng rác, 300 nhận từ đơn vị
    khác).”, or that it holds none; nothing for a person who may not know."""
    if count.hidden:
        return ""
    if not count.total:
        return "Máy này không giữ hồ sơ Mật nào."
    parts = [f"{vf.number(n)} {what}" for n, what in ((count.in_trash, "trong thùng rác"),
                                                       (count.received, "nhận từ đơn vị khác"))
             if n]
    extra = f" ({', '.join(parts)})" if parts else ""
    return f"Máy này đang giữ {vf.number(count.total)} hồ sơ Mật{extra}."
