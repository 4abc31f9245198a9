"""Exchange between levels, the pure part: package manifest, version constants,
limits, key fingerprints and the merge decision for one received row.

The file format is described in ``docs/package-format.md``; the services that
read and write files are in ``tgdesk/services/exchange/``.
"""

from __future__ import annotations

import hashlib
import uuid as uuid_mod
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from .period import Period, PeriodError
from .text import printable, text_problem

FORMAT = "tgdesk-package"
FORMAT_VERSION = 1
KEY_FORMAT = "tgdesk-key"
KEY_VERSION = 1
RECEIPT_FORMAT = "tgdesk-receipt"
RECEIPT_VERSION = 1
SCHEME = "X25519-HKDF-SHA256-A256GCM"

KIND_RECORDS = "records"        # a unit's records, sent upward
KIND_CATALOGUE = "catalogue"    # documents, categories, due dates, sent downward

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CONTENT = "content.bin"
MEMBERS = (MANIFEST, SIGNATURE, CONTENT)

# Reading limits (a package is read in memory, never extracted to disk).
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_CONTENT_BYTES = 256 * 1024 * 1024      # the encrypted member
MAX_PLAIN_BYTES = 512 * 1024 * 1024        # the records JSON once decompressed
MAX_RATIO = 100                            # uncompressed / compressed, per zip member
MAX_PLAIN_RATIO = 200                      # records JSON / its zlib form
# What one ward can hold: some thousands of records a year of each kind, over
# decades, with wide margins. More in one package is a forged or broken file.
MAX_RECORDS = 200_000                      # rows of one kind in one package
MAX_PACKAGE_RECORDS = 500_000              # rows of every kind in one package
MAX_HISTORY = 200                          # follow-up steps of one opinion note
MAX_NAME = 500                             # characters of a unit name in a manifest
# A row changed after the package was made, or a package made after the
# receiving computer's "now", is refused; this tolerance covers clocks set a
# little wrong and time zones.
CLOCK_TOLERANCE = timedelta(days=1)

# Kinds in the order they are applied (catalogues before what refers to them).
CATALOGUE_KINDS = ("areas", "cells", "documents", "categories", "people", "campaigns")
RECORD_KINDS = ("meetings", "studies", "opinions", "propaganda", "online", "models")
ALL_KINDS = CATALOGUE_KINDS + RECORD_KINDS
DOWNWARD_KINDS = ("documents", "categories", "campaigns")
# The kinds of format 1 before issue 15: a package is written so that a tgdesk
# knowing only these still reads it when it carries none of the others (their
# held_back counts and empty catalogue parts are left out).
FIRST_KINDS = ("areas", "cells", "documents", "categories", "people",
               "meetings", "studies", "opinions")
DOWNWARD_SETTINGS = ("report_deadlines", "profile_overrides")

CLASSIFIED = "mat"

KIND_LABELS = {
    "meetings": "hội nghị", "studies": "buổi học tập", "opinions": "ý kiến dư luận",
    "propaganda": "hoạt động tuyên truyền", "online": "việc của nhóm trên mạng",
    "models": "mô hình, điển hình",
    "cells": "chi bộ", "areas": "khu dân cư", "documents": "văn bản", "people": "người",
    "categories": "lĩnh vực", "campaigns": "đợt, chủ đề tuyên truyền", "settings": "thiết lập",
}


class PackageError(ValueError):
    """A package that cannot be trusted or read; the message is Vietnamese (made
    printable: text quoted from a bad file never breaks showing it)."""

    def __init__(self, message: object = "", *args: object):
        if isinstance(message, str):
            message = printable(message)
        super().__init__(message, *args)


# --- key fingerprints ---------------------------------------------------------

def fingerprint(unit_uuid: str, sign_public: bytes, box_public: bytes) -> str:
    """Eight groups of four hex digits, to read aloud over the phone:
    ``3F2A-91C0-…``. SHA-256 of the unit id and both public keys, first 16 bytes."""
    digest = hashlib.sha256(b"tgdesk-key-v1\x00" + unit_uuid.encode() + b"\x00"
                            + sign_public + box_public).hexdigest().upper()[:32]
    return "-".join(digest[i:i + 4] for i in range(0, 32, 4))


def is_uuid(text: object) -> bool:
    if not isinstance(text, str) or len(text) != 36:
        return False
    try:
        return str(uuid_mod.UUID(text)) == text.lower()
    except ValueError:
        return False


# --- manifest -----------------------------------------------------------------

@dataclass
class Manifest:
    package_id: str
    kind: str
    sender_id: str
    sender_name: str
    recipient_id: str
    recipient_name: str
    created_at: datetime
    app_version: str
    period_code: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    since: datetime | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    held_back: dict[str, int] = field(default_factory=dict)
    members: dict[str, dict] = field(default_factory=dict)
    content: dict = field(default_factory=dict)
    encryption: dict = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict:
        return {
            "format": FORMAT, "format_version": self.format_version,
            "app_version": self.app_version, "package_id": self.package_id, "kind": self.kind,
            "sender": {"unit_id": self.sender_id, "name": self.sender_name},
            "recipient": {"unit_id": self.recipient_id, "name": self.recipient_name},
            "period": None if self.period_code is None else {
                "code": self.period_code, "start": self.period_start, "end": self.period_end},
            "since": None if self.since is None else self.since.isoformat(),
            "created_at": self.created_at.isoformat(),
            "counts": self.counts, "held_back": self.held_back,
            "members": self.members, "content": self.content, "encryption": self.encryption,
        }

    @classmethod
    def from_json(cls, data: object) -> "Manifest":
        """Check the shape and types of a manifest; PackageError in Vietnamese if
        it is wrong. A signature proves who made a manifest, not that it is
        sensible, so every field is checked like typed input."""
        bad = PackageError("Tệp kê khai (manifest) của gói bị hỏng hoặc thiếu thông tin.")
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise PackageError("Tệp này không phải gói dữ liệu tgdesk.")
        version = data.get("format_version")
        if type(version) is not int or version != FORMAT_VERSION:
            shown = printable(repr(version), 40)
            raise PackageError(
                f"Gói dùng định dạng phiên bản {shown}, phiên bản tgdesk này chỉ đọc "
                f"được phiên bản {FORMAT_VERSION}. Hãy cập nhật tgdesk hoặc xuất lại gói.")
        try:
            sender, recipient = data["sender"], data["recipient"]
            period = data.get("period")
            code, start, end = _period(period)
            since = data.get("since")
            m = cls(package_id=data["package_id"], kind=data["kind"],
                    sender_id=sender["unit_id"], sender_name=_name(sender["name"]),
                    recipient_id=recipient["unit_id"], recipient_name=_name(recipient["name"]),
                    created_at=manifest_time(data["created_at"]),
                    app_version=_name(data.get("app_version", "")),
                    period_code=code, period_start=start, period_end=end,
                    since=None if since is None else manifest_time(since),
                    counts=data["counts"], held_back=data.get("held_back", {}),
                    members=data["members"], content=data["content"],
                    encryption=data["encryption"], format_version=version)
        except (KeyError, TypeError, ValueError) as exc:
            raise bad from exc
        if (m.kind not in (KIND_RECORDS, KIND_CATALOGUE) or not is_uuid(m.package_id)
                or not is_uuid(m.sender_id) or not is_uuid(m.recipient_id)
                or not isinstance(m.counts, dict) or not isinstance(m.members, dict)
                or not isinstance(m.content, dict) or not isinstance(m.encryption, dict)
                or not isinstance(m.held_back, dict) or set(m.members) != {CONTENT}):
            raise bad
        total = 0
        for kind, c in m.counts.items():
            if (kind not in ALL_KINDS + ("settings",) or not isinstance(c, dict)
                    or not all(_is_count(v, MAX_RECORDS) for v in c.values())):
                raise bad
            total += c.get("records", 0)
        if total > MAX_PACKAGE_RECORDS:
            raise PackageError(f"Gói khai báo {total} bản ghi, quá giới hạn "
                               f"{MAX_PACKAGE_RECORDS} bản ghi một gói; gói bị từ chối.")
        for kind, n in m.held_back.items():
            if kind not in ALL_KINDS or not _is_count(n, MAX_RECORDS):
                raise bad
        return m

    @property
    def label(self) -> str:
        what = "danh mục" if self.kind == KIND_CATALOGUE else (
            f"kỳ {self.period_code}" if self.period_code else "các thay đổi")
        return f"{self.sender_name} – {what}"


def _is_count(value: object, maximum: int) -> bool:
    return type(value) is int and 0 <= value <= maximum


def _name(value: object) -> str:
    """A unit name or version text of a manifest: a string of valid text."""
    if not isinstance(value, str) or len(value) > MAX_NAME or text_problem(value):
        raise ValueError("not a name")
    return value


def manifest_time(value: object) -> datetime:
    """An ISO time of a manifest: naive (UTC), from 2000 on; ValueError if not."""
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("not a time")
    when = datetime.fromisoformat(value)
    if when.tzinfo is not None or when.year < 2000:
        raise ValueError("not a time")
    return when


def _period(value: object) -> tuple[str | None, str | None, str | None]:
    """(code, start, end) of a manifest's period: null, or a period code in its
    exact form with the dates it stands for ("2026-13" is refused)."""
    if value is None:
        return None, None, None
    if not isinstance(value, dict) or set(value) != {"code", "start", "end"}:
        raise ValueError("not a period")
    try:
        period = Period.from_code(value["code"])
    except PeriodError as exc:
        raise ValueError("not a period") from exc
    if value["start"] != period.start.isoformat() or value["end"] != period.end.isoformat():
        raise ValueError("period dates do not match its code")
    return value["code"], value["start"], value["end"]


# --- the merge decision ---------------------------------------------------------

class Action(str, Enum):
    ADD = "add"
    UPDATE = "update"
    DELETE = "delete"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    LINK = "link"          # a catalogue row that is already ours: refer to it, change nothing
    REFUSE = "refuse"


@dataclass(frozen=True)
class Local:
    """What this database knows of a row with the incoming UUID."""

    updated_at: datetime
    deleted: bool
    origin_unit_id: int | None
    seen_unit_id: int | None = None          # exchange_record: who sent it …
    seen_updated_at: datetime | None = None  # … and the sender's time last applied


def decide(sender_unit_id: int, their_updated_at: datetime, their_deleted: bool,
           local: Local | None, catalogue: bool) -> tuple[Action, str]:
    """What to do with one received row, and why (Vietnamese, for refusals).

    - not here: add it (a deletion of a row never received changes nothing);
    - here but ours, or another unit's: a catalogue row that is ours is linked
      to as is; anything else is a conflicting id and refused;
    - not newer than the version last applied from this sender: unchanged;
    - newer, and the row was not changed here since it was applied
      (``updated_at`` still equals the sender's time): update or delete;
    - newer, and the row was changed here (corrected, deleted or restored):
      a conflict, stored for a decision, nothing overwritten.
    """
    if local is None:
        return (Action.UNCHANGED, "") if their_deleted else (Action.ADD, "")
    if local.seen_unit_id is None:
        if catalogue and local.origin_unit_id is None:
            return Action.LINK, ""
        return Action.REFUSE, "mã (UUID) trùng với một bản ghi đã có của đơn vị khác"
    if local.seen_unit_id != sender_unit_id:
        return Action.REFUSE, "mã (UUID) trùng với một bản ghi do đơn vị khác gửi"
    if local.seen_updated_at is not None and their_updated_at <= local.seen_updated_at:
        return Action.UNCHANGED, ""
    if local.updated_at != local.seen_updated_at:
        return Action.CONFLICT, "bản ghi đã được sửa tại đây sau lần nhập trước"
    if their_deleted:
        return (Action.UNCHANGED, "") if local.deleted else (Action.DELETE, "")
    return Action.UPDATE, ""


# --- summaries ----------------------------------------------------------------

@dataclass
class Refusal:
    kind: str
    uuid: str
    reason: str

    def __post_init__(self) -> None:
        # Both may quote a bad package; they are stored and printed.
        self.uuid = printable(str(self.uuid), 40)
        self.reason = printable(str(self.reason), 500)


@dataclass
class UnitSummary:
    """What one package did (or would do) to one sending unit's data."""

    unit_name: str
    package: str = ""
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: int = 0
    refused: list[Refusal] = field(default_factory=list)
    settings_changed: list[str] = field(default_factory=list)
    already_imported: bool = False

    def counts(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "deleted": self.deleted,
                "unchanged": self.unchanged, "conflicts": self.conflicts,
                "refused": len(self.refused)}

    def text(self) -> str:
        line = (f"{self.unit_name} ({self.package}): thêm {self.added}, cập nhật {self.updated}, "
                f"xóa {self.deleted}, không đổi {self.unchanged}, xung đột {self.conflicts}, "
                f"từ chối {len(self.refused)}")
        if self.already_imported:
            line += " (gói này đã nhập trước đây)"
        out = [line + "."]
        for s in self.settings_changed:
            out.append(f"  Cập nhật thiết lập: {s}.")
        for r in self.refused[:20]:
            out.append(f"  Từ chối {KIND_LABELS.get(r.kind, r.kind)} {r.uuid}: {r.reason}.")
        if len(self.refused) > 20:
            out.append(f"  … và {len(self.refused) - 20} bản ghi bị từ chối khác.")
        return "\n".join(out)
