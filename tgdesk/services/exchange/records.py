"""Rows to package JSON and back: what each kind carries, how references travel
(by UUID), and the conversion and checks of one received row.

A row in a package: ``{"updated_at": ISO, "created_at": ISO, "deleted": bool,
<fields>…, <references as UUIDs>…}``, keyed by its UUID under its kind.

A valid signature proves who sent a row, not that it is sensible: every row is
checked like typed input (known keys only, types, valid text, times not after
the package was made) and then by the same domain validation as the entry
forms (``validation.validate_record``), follow-up history steps included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Boolean, Date, Integer, Table

from tgdesk.domain import exchange as dx
from tgdesk.domain import validation as v
from tgdesk.domain.enums import PROPAGANDA_QUANTITIES
from tgdesk.domain.records import (Area, Campaign, Cell, ExemplaryModel, FollowUpChange, Meeting,
                                   OnlineEntry, OpinionCategory, OpinionNote, PartyDocument,
                                   Person, PropagandaActivity, StudySession)
from tgdesk.domain.text import printable, text_problem
from tgdesk.store import tables as t

MAX_TEXT = 100_000          # any text value; the validation's per-field limits are lower
MAX_INT = 10**9             # any integer value; the validation's bounds are lower
ROW_KEYS = ("updated_at", "created_at", "deleted")
HISTORY_KEYS = ("status", "changed_on", "passed_to", "note")


@dataclass(frozen=True)
class Spec:
    kind: str
    row: type
    record: type
    fields: tuple[str, ...]
    refs: dict[str, tuple[str, str]] = field(default_factory=dict)  # json key -> (column, kind)
    date_column: str | None = None
    # Fields written only when set (not null, not false), so that a tgdesk older than
    # the field still reads the rows that do not use it; a row without one reads as
    # null, or false for a flag.
    optional: tuple[str, ...] = ()

    @property
    def table(self) -> Table:
        return self.row.__table__


SPECS: dict[str, Spec] = {s.kind: s for s in (
    Spec("areas", t.AreaRow, Area, ("name", "kind", "note", "active")),
    Spec("cells", t.CellRow, Cell, ("name", "secretary", "member_count", "note", "active")),
    Spec("documents", t.DocumentRow, PartyDocument,
         ("kind", "number_symbol", "issued_on", "issuer", "title", "active", "study_deadline"),
         optional=("study_deadline",)),
    Spec("categories", t.CategoryRow, OpinionCategory, ("name", "description", "active")),
    Spec("people", t.PersonRow, Person, ("full_name", "role", "phone", "workplace", "active",
                                          "online_team"),
         {"area": ("area_id", "areas")}, optional=("online_team",)),
    Spec("campaigns", t.CampaignRow, Campaign, ("name", "starts_on", "ends_on", "note", "active")),
    Spec("meetings", t.MeetingRow, Meeting,
         ("held_on", "meeting_type", "title", "place", "chaired_by", "participants",
          "attendance", "contributions", "contents", "conclusions", "classification"),
         date_column="held_on"),
    Spec("studies", t.StudyRow, StudySession,
         ("held_on", "title", "form", "speaker_name", "place", "key_cadres",
          "party_members_expected", "party_members_present", "non_party_officials",
          "core_masses", "union_members", "reflections", "note", "classification"),
         {"cell": ("cell_id", "cells"), "speaker": ("speaker_id", "people")},
         date_column="held_on"),
    Spec("opinions", t.OpinionRow, OpinionNote,
         ("noted_on", "source", "summary", "attitude", "concern", "proposal", "follow_up",
          "passed_to", "due_on", "classification"),
         {"area": ("area_id", "areas"), "reporter": ("reporter_id", "people"),
          "category": ("category_id", "categories")},
         date_column="noted_on"),
    # issue 15: propaganda activities, the online team's entries, exemplary models
    Spec("propaganda", t.PropagandaRow, PropagandaActivity,
         ("held_on", "ends_on", "form", "title", "place",
          *(fld for fld, _label, _unit in PROPAGANDA_QUANTITIES), "note", "classification"),
         {"campaign": ("campaign_id", "campaigns"), "area": ("area_id", "areas"),
          "cell": ("cell_id", "cells")},
         date_column="held_on"),
    Spec("online", t.OnlineEntryRow, OnlineEntry,
         ("noted_on", "entry_kind", "channel", "summary", "link", "posts", "shares", "reach",
          "content_kind", "action", "passed_to", "entries", "classification"),
         {"member": ("member_id", "people")}, date_column="noted_on"),
    Spec("models", t.ModelRow, ExemplaryModel,
         ("noted_on", "subject", "name", "description", "theme", "registered", "assessed",
          "replicated", "recognition", "recognition_level", "recognition_doc", "recognized_on",
          "classification"),
         {"cell": ("cell_id", "cells"), "area": ("area_id", "areas")}, date_column="noted_on"),
)}


def _iso(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def row_json(spec: Spec, row: dict, uuid_of: dict[str, dict[int, str]]) -> dict:
    """One own row (a mapping of its columns) as it travels."""
    out = {f: _iso(row[f]) for f in spec.fields
           if f not in spec.optional or row[f] not in (None, False)}
    out.update(updated_at=_iso(row["updated_at"]), created_at=_iso(row["created_at"]),
               deleted=bool(row["deleted"]))
    for key, (col, kind) in spec.refs.items():
        out[key] = None if row[col] is None else uuid_of[kind][row[col]]
    return out


# --- reading one received row ---------------------------------------------------

class Refused(Exception):
    """One received row cannot be taken; ``str()`` is the Vietnamese reason."""


def _value(spec: Spec, name: str, raw):
    """One field of a received row, typed as its column; Refused if it cannot be."""
    col = spec.table.c[name]
    if raw is None:
        if col.nullable:
            return None
        raise Refused(f"thiếu trường “{name}”")
    if isinstance(col.type, Date):
        if not isinstance(raw, str) or len(raw) != 10:
            raise Refused(f"trường “{name}” không phải ngày hợp lệ")
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise Refused(f"ngày “{raw}” ở trường “{name}” không tồn tại") from None
    if isinstance(col.type, Boolean):
        if not isinstance(raw, bool):
            raise Refused(f"trường “{name}” phải là đúng/sai")
        return raw
    if isinstance(col.type, Integer):
        if not isinstance(raw, int) or isinstance(raw, bool) or not -MAX_INT < raw < MAX_INT:
            raise Refused(f"trường “{name}” phải là số nguyên hợp lệ")
        return raw
    if not isinstance(raw, str) or len(raw) > MAX_TEXT:
        raise Refused(f"trường “{name}” không phải chuỗi ký tự hợp lệ")
    problem = text_problem(raw)
    if problem:
        raise Refused(f"trường “{name}” {problem.rstrip('.')}")
    return raw


def _absent(spec: Spec, name: str):
    """An optional field a row does not carry: null, or false for a flag."""
    return False if isinstance(spec.table.c[name].type, Boolean) else None


def parse_time(raw, latest: datetime | None = None, what: str = "thời điểm cập nhật"
               ) -> datetime:
    """An ISO time of a row (naive, UTC). ``latest``: the package's creation time
    plus the tolerance; a later time is refused (a row "changed in the future"
    would hide every later genuine correction)."""
    if not isinstance(raw, str) or len(raw) > 40:
        raise Refused(f"thiếu hoặc sai {what}")
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise Refused(f"{what} không hợp lệ") from None
    if value.tzinfo is not None or value.year < 2000:
        raise Refused(f"{what} không hợp lệ")
    if latest is not None and value > latest:
        raise Refused(f"{what} {value:%d/%m/%Y %H:%M} sau thời điểm lập gói")
    return value


@dataclass
class Incoming:
    uuid: str
    updated_at: datetime
    created_at: datetime
    deleted: bool
    values: dict                        # column -> value (references resolved to local ids)
    documents: list[int] = field(default_factory=list)     # studies
    history: list[dict] = field(default_factory=list)      # opinions


def _keys(spec: Spec) -> frozenset[str]:
    extra = {"studies": ("documents",), "opinions": ("history",)}.get(spec.kind, ())
    return frozenset(spec.fields + ROW_KEYS + tuple(spec.refs) + extra)


def read_row(spec: Spec, uuid: str, raw, ids: dict[str, dict[str, int]], today: date,
             latest: datetime | None = None) -> Incoming:
    """Convert and check one received row; Refused with the reason if it cannot be taken.

    ``latest``: no time of the row may be later (the package's creation time
    plus :data:`tgdesk.domain.exchange.CLOCK_TOLERANCE`)."""
    if not isinstance(raw, dict):
        raise Refused("bản ghi không đúng cấu trúc")
    unknown = [k for k in raw if k not in _keys(spec)]
    if unknown:
        raise Refused(f"trường “{printable(str(unknown[0]), 40)}” không có trong định dạng")
    updated = parse_time(raw.get("updated_at"), latest)
    created = parse_time(raw.get("created_at", raw.get("updated_at")), latest,
                         "thời điểm tạo")
    deleted = raw.get("deleted", False)
    if not isinstance(deleted, bool):
        raise Refused("cờ xóa không hợp lệ")
    values = {f: _absent(spec, f) if f in spec.optional and f not in raw
              else _value(spec, f, raw.get(f)) for f in spec.fields}
    for key, (col, kind) in spec.refs.items():
        ref = raw.get(key)
        if ref is None:
            values[col] = None
        elif not isinstance(ref, str) or ref not in ids[kind]:
            raise Refused(f"tham chiếu “{key}” đến một mục không có trong gói")
        else:
            values[col] = ids[kind][ref]
    inc = Incoming(uuid, updated, created, deleted, values)
    if spec.kind == "studies":
        docs = raw.get("documents", [])
        if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
            raise Refused("danh sách văn bản học tập không hợp lệ")
        if any(d not in ids["documents"] for d in docs):
            raise Refused("văn bản học tập không có trong gói")
        inc.documents = [ids["documents"][d] for d in docs]
    if spec.kind == "opinions":
        inc.history = _history(raw.get("history", []))
    if values.get("classification") == "mat":
        raise Refused("bản ghi Mật không được nhận qua gói")
    if not deleted:
        _validate(spec, inc, ids, today)
    return inc


_HISTORY = Spec("history", t.FollowUpRow, FollowUpChange, ())


def _history(hist) -> list[dict]:
    """The follow-up steps of an opinion note, typed (validated in _validate)."""
    if not isinstance(hist, list) or len(hist) > dx.MAX_HISTORY:
        raise Refused("lịch sử xử lý không hợp lệ")
    out = []
    for n, h in enumerate(hist, start=1):
        if not isinstance(h, dict) or any(k not in HISTORY_KEYS for k in h):
            raise Refused(f"lịch sử xử lý, bước {n}: không đúng cấu trúc")
        try:
            out.append({k: _value(_HISTORY, k, h.get(k)) for k in HISTORY_KEYS})
        except Refused as exc:
            raise Refused(f"lịch sử xử lý, bước {n}: {exc}") from None
    return out


def _refuse(verdict: v.Verdict, prefix: str = "") -> None:
    if not verdict.ok:
        raise Refused(prefix + " ".join(i.message for i in verdict.errors).rstrip("."))


def _validate(spec: Spec, inc: Incoming, ids: dict[str, dict[str, int]], today: date) -> None:
    vals = dict(inc.values)
    if spec.kind == "studies":
        vals["document_ids"] = inc.documents
    rec = spec.record(**{k: vals[k] for k in vals if k in spec.record.__dataclass_fields__})
    known = v.Known(cells=frozenset(ids["cells"].values()), areas=frozenset(ids["areas"].values()),
                    documents=frozenset(ids["documents"].values()),
                    people=frozenset(ids["people"].values()),
                    categories=frozenset(ids["categories"].values()),
                    campaigns=frozenset(ids.get("campaigns", {}).values()))
    _refuse(v.validate_record(spec.kind, rec, known, today))
    for n, step in enumerate(inc.history, start=1):
        change = FollowUpChange(**step)
        _refuse(v.validate_follow_up_step(change, rec.noted_on, today),
                f"lịch sử xử lý, bước {n}: ")
