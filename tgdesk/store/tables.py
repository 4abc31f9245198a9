"""SQLAlchemy 2 tables. Every record and catalogue row carries a UUID that never
changes, created/updated times (UTC) and a deleted flag (soft delete)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (Boolean, Column, Date, DateTime, ForeignKey, Index, Integer,
                        LargeBinary, String, Table, Text, text)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import NAMING, Base, Tracked, new_uuid, utcnow  # noqa: F401  (re-exported)


class UnitRow(Base):
    """The unit's own settings (one row)."""

    __tablename__ = "unit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(Text)
    parent_name: Mapped[str] = mapped_column(Text)
    place_name: Mapped[str] = mapped_column(Text)
    doc_abbrev: Mapped[str] = mapped_column(String(40))
    signer_authority: Mapped[str] = mapped_column(Text)
    signer_title: Mapped[str] = mapped_column(Text)
    signer_name: Mapped[str] = mapped_column(Text)
    profile: Mapped[str] = mapped_column(String(40), default="party")
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class CellRow(Tracked, Base):
    __tablename__ = "cell"
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    secretary: Mapped[str | None] = mapped_column(Text, nullable=True)
    member_count: Mapped[int | None] = mapped_column(Integer, nullable=True)   # the latest
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    member_history: Mapped[list["CellMemberCountRow"]] = relationship(
        order_by="CellMemberCountRow.effective_on", cascade="all, delete-orphan")


class CellMemberCountRow(Tracked, Base):
    """A Party cell's number of Party members from a date on (migration 0009). One
    row per cell and date, a deleted one included (setting that date again revives
    it); ``cell.member_count`` is the count of the latest live row."""

    __tablename__ = "cell_member_count"
    __table_args__ = (Index("uq_cell_member_count_day", "cell_id", "effective_on", unique=True),)
    cell_id: Mapped[int] = mapped_column(ForeignKey("cell.id", ondelete="CASCADE"))
    effective_on: Mapped[date] = mapped_column(Date)
    member_count: Mapped[int] = mapped_column(Integer)


class AreaRow(Tracked, Base):
    __tablename__ = "area"
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DocumentRow(Tracked, Base):
    __tablename__ = "party_document"
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    number_symbol: Mapped[str] = mapped_column(Text)
    issued_on: Mapped[date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the upper level's deadline for having studied it (migration 0009)
    study_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)


class PersonRow(Tracked, Base):
    __tablename__ = "person"
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    full_name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(30))
    phone: Mapped[str | None] = mapped_column(Text, nullable=True)
    workplace: Mapped[str | None] = mapped_column(Text, nullable=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # a member of the unit's online team (nhóm 35, Nghị quyết 35-NQ/TW; migration 0011)
    online_team: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class CategoryRow(Tracked, Base):
    __tablename__ = "opinion_category"
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class MeetingRow(Tracked, Base):
    __tablename__ = "meeting"
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    __table_args__ = (Index("ix_meeting_list", "deleted", "held_on", "id"),
                      Index("ix_meeting_classification", "classification", "deleted",
                            "origin_unit_id"))
    held_on: Mapped[date] = mapped_column(Date)
    meeting_type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text, nullable=True)
    chaired_by: Mapped[str | None] = mapped_column(Text, nullable=True)
    participants: Mapped[str | None] = mapped_column(Text, nullable=True)
    attendance: Mapped[int | None] = mapped_column(Integer, nullable=True)
    contributions: Mapped[int | None] = mapped_column(Integer, nullable=True)
    contents: Mapped[str | None] = mapped_column(Text, nullable=True)
    conclusions: Mapped[str | None] = mapped_column(Text, nullable=True)
    classification: Mapped[str] = mapped_column(String(10), default="thuong")


study_document = Table(
    "study_document",
    Base.metadata,
    Column("study_id", ForeignKey("study_session.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", ForeignKey("party_document.id"), primary_key=True),
    Index("ix_study_document_document", "document_id"),
)


class StudyRow(Tracked, Base):
    __tablename__ = "study_session"
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    __table_args__ = (Index("ix_study_session_list", "deleted", "held_on", "id"),
                      Index("ix_study_session_cell", "cell_id"),
                      Index("ix_study_session_classification", "classification", "deleted",
                            "origin_unit_id"))
    held_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)
    cell_id: Mapped[int | None] = mapped_column(ForeignKey("cell.id"), nullable=True)
    form: Mapped[str] = mapped_column(String(20))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), nullable=True)
    speaker_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    place: Mapped[str | None] = mapped_column(Text, nullable=True)
    key_cadres: Mapped[int] = mapped_column(Integer, default=0)
    party_members_expected: Mapped[int] = mapped_column(Integer, default=0)
    party_members_present: Mapped[int] = mapped_column(Integer, default=0)
    non_party_officials: Mapped[int] = mapped_column(Integer, default=0)
    core_masses: Mapped[int] = mapped_column(Integer, default=0)
    union_members: Mapped[int] = mapped_column(Integer, default=0)
    reflections: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    classification: Mapped[str] = mapped_column(String(10), default="thuong")
    documents: Mapped[list[DocumentRow]] = relationship(secondary=study_document,
                                                        order_by=DocumentRow.id)


class OpinionRow(Tracked, Base):
    __tablename__ = "opinion_note"
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    __table_args__ = (Index("ix_opinion_note_list", "deleted", "noted_on", "id"),
                      Index("ix_opinion_note_category", "category_id"),
                      Index("ix_opinion_note_area", "area_id"),
                      # the overview's overdue notes and hot spots (migration 0010)
                      Index("ix_opinion_note_due", "deleted", "due_on", "follow_up",
                            "origin_unit_id", "noted_on"),
                      Index("ix_opinion_note_concern", "deleted", "concern", "follow_up",
                            "origin_unit_id"),
                      Index("ix_opinion_note_classification", "classification", "deleted",
                            "origin_unit_id"))
    noted_on: Mapped[date] = mapped_column(Date)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"), nullable=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), nullable=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("opinion_category.id"))
    source: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    attitude: Mapped[str] = mapped_column(String(20))
    concern: Mapped[str] = mapped_column(String(20))
    proposal: Mapped[str | None] = mapped_column(Text, nullable=True)
    follow_up: Mapped[str] = mapped_column(String(20))
    passed_to: Mapped[str | None] = mapped_column(Text, nullable=True)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    classification: Mapped[str] = mapped_column(String(10), default="mat")
    history: Mapped[list["FollowUpRow"]] = relationship(
        order_by="FollowUpRow.id", cascade="all, delete-orphan")


class FollowUpRow(Tracked, Base):
    """One change of an opinion note's follow-up status; never edited afterwards."""

    __tablename__ = "opinion_follow_up"
    __table_args__ = (Index("ix_opinion_follow_up_note", "opinion_id"),)
    opinion_id: Mapped[int] = mapped_column(ForeignKey("opinion_note.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[date] = mapped_column(Date)
    passed_to: Mapped[str | None] = mapped_column(Text, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


# A number is taken by an issued or pending report, unless marked as a duplicate
# left by an older version (migration 0008); NULL terms need their own index.
_NUMBER_TAKEN = "status IN ('issued', 'pending') AND number IS NOT NULL AND duplicate_of IS NULL"


class ReportRow(Tracked, Base):
    """A report: a draft (texts only, regenerated freely), an issued document
    (number, date, and the DOCX, PDF and data exactly as issued), or a pending
    one (numbered and stored, its files being written: services/pending_issue.py)."""

    __tablename__ = "report"
    __table_args__ = (
        Index("ix_report_kind_period", "kind", "period_code"),
        Index("uq_report_term_number", "term_start", "number", unique=True,
              sqlite_where=text(f"{_NUMBER_TAKEN} AND term_start IS NOT NULL")),
        Index("uq_report_number_no_term", "number", unique=True,
              sqlite_where=text(f"{_NUMBER_TAKEN} AND term_start IS NULL")),
    )
    kind: Mapped[str] = mapped_column(String(20))            # work | opinion
    period_code: Mapped[str] = mapped_column(String(30))     # 2026-11, 2026-Q4, …
    cutoff: Mapped[date | None] = mapped_column(Date, nullable=True)
    profile: Mapped[str] = mapped_column(String(40))
    texts: Mapped[str] = mapped_column(Text, default="{}")   # the officer's words, JSON
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft|pending|issued
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    number_text: Mapped[str | None] = mapped_column(Text, nullable=True)   # 15-BC/ĐU
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    data_json: Mapped[str | None] = mapped_column(Text, nullable=True)     # ReportData
    docx: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # id of the first report with the same number (an older version issued both)
    duplicate_of: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # pending: the files being written, JSON {"folder": …, "files": {format: name}}
    pending_files: Mapped[str | None] = mapped_column(Text, nullable=True)


class SettingRow(Base):
    """Unit-wide settings that are not part of the unit's identity, as JSON values
    (report deadlines, corrections to the format profile, …)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --- exchange between levels (services/exchange, docs/package-format.md) ---------
# ``origin_unit_id`` above (records and catalogues): NULL = this unit's own row;
# otherwise the exchange_unit.id of the unit whose package brought it.

class ExchangeIdentityRow(Base):
    """This installation's key pairs (one row). Private keys are NOT encrypted at
    rest: the OS account protects them; the database backup must be kept."""

    __tablename__ = "exchange_identity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_uuid: Mapped[str] = mapped_column(String(36))
    sign_private: Mapped[bytes] = mapped_column(LargeBinary)   # Ed25519, raw 32 bytes
    box_private: Mapped[bytes] = mapped_column(LargeBinary)    # X25519, raw 32 bytes
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExchangeOldKeyRow(Base):
    """A key pair replaced by a key change (migration 0011): this unit's own
    (``unit_id`` NULL; its private decryption key kept for packages still on their
    way) or another unit's public keys (kept to verify what it signed before)."""

    __tablename__ = "exchange_old_key"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("exchange_unit.id"), nullable=True)
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_private: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(80))
    replaced_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExchangeUnitRow(Base):
    """Another unit whose key file was registered here (parent or child)."""

    __tablename__ = "exchange_unit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text)
    relation: Mapped[str] = mapped_column(String(10))          # parent | child
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(80))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("exchange_unit.id"), nullable=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("exchange_unit.id"),
                                                       nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ExchangePackageRow(Base):
    """A package imported here, with the sender's name as the package gave it."""

    __tablename__ = "exchange_package"
    __table_args__ = (Index("ix_exchange_package_unit", "unit_id", "period_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(20))              # records | catalogue
    unit_id: Mapped[int] = mapped_column(ForeignKey("exchange_unit.id"))
    sender_name: Mapped[str] = mapped_column(Text)
    period_code: Mapped[str | None] = mapped_column(String(30), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)     # by the sender (manifest)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sha256: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text, default="{}")   # JSON


class ExchangeExportRow(Base):
    """A package written here; the file's bytes are kept so it can be sent again."""

    __tablename__ = "exchange_export"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("exchange_unit.id"))
    period_code: Mapped[str | None] = mapped_column(String(30), nullable=True)
    since: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    counts: Mapped[str] = mapped_column(Text, default="{}")    # JSON
    held_back: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    receipt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    receipt: Mapped[str | None] = mapped_column(Text, nullable=True)


class ExchangeRecordRow(Base):
    """A row received from another unit: who sent it and the sender's updated time
    last applied (a local edit afterwards makes the row's updated_at differ)."""

    __tablename__ = "exchange_record"
    __table_args__ = (Index("ix_exchange_record_unit", "unit_id", "kind"),)
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int] = mapped_column(ForeignKey("exchange_unit.id"))
    package_id: Mapped[int] = mapped_column(ForeignKey("exchange_package.id"))
    their_updated_at: Mapped[datetime] = mapped_column(DateTime)


class ExchangeConflictRow(Base):
    """A received change to a row that was also changed here, kept for a decision."""

    __tablename__ = "exchange_conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int] = mapped_column(ForeignKey("exchange_unit.id"))
    package_id: Mapped[int] = mapped_column(ForeignKey("exchange_package.id"))
    theirs: Mapped[str] = mapped_column(Text)                  # JSON, as in the package
    their_updated_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | mine | theirs
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


# The propaganda, online-team and Chỉ thị 05 records (migration 0011).
from .activity_tables import CampaignRow, ModelRow, OnlineEntryRow, PropagandaRow  # noqa: E402,F401
# The audit log (migration 0011).
from .audit import AuditRow  # noqa: E402,F401
from .account_table import AccountRow  # noqa: E402,F401
