"""Tables of the propaganda work beyond meetings, study and opinion (migration 0011):
campaigns (a catalogue), propaganda activities, the online team's entries
(Nghị quyết 35-NQ/TW) and exemplary models and people (Chỉ thị 05-CT/TW).

Each record table has a list index (deleted, date, id) and a search index kept
by triggers like the others (store/search.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked


class CampaignRow(Tracked, Base):
    """A propaganda campaign or theme (đợt / chủ đề tuyên truyền)."""

    __tablename__ = "campaign"
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PropagandaRow(Tracked, Base):
    __tablename__ = "propaganda_activity"
    __table_args__ = (Index("ix_propaganda_activity_list", "deleted", "held_on", "id"),
                      Index("ix_propaganda_activity_campaign", "campaign_id"))
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    held_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    form: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"), nullable=True)
    place: Mapped[str | None] = mapped_column(Text, nullable=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"), nullable=True)
    cell_id: Mapped[int | None] = mapped_column(ForeignKey("cell.id"), nullable=True)
    banners: Mapped[int] = mapped_column(Integer, default=0)
    slogans: Mapped[int] = mapped_column(Integer, default=0)
    panos: Mapped[int] = mapped_column(Integer, default=0)
    posters: Mapped[int] = mapped_column(Integer, default=0)
    flags: Mapped[int] = mapped_column(Integer, default=0)
    bulletins: Mapped[int] = mapped_column(Integer, default=0)
    minutes_on_air: Mapped[int] = mapped_column(Integer, default=0)
    posts: Mapped[int] = mapped_column(Integer, default=0)
    shares: Mapped[int] = mapped_column(Integer, default=0)
    reach: Mapped[int] = mapped_column(Integer, default=0)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    performances: Mapped[int] = mapped_column(Integer, default=0)
    sessions: Mapped[int] = mapped_column(Integer, default=0)
    people: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    classification: Mapped[str] = mapped_column(String(10), default="thuong")


class OnlineEntryRow(Tracked, Base):
    __tablename__ = "online_entry"
    __table_args__ = (Index("ix_online_entry_list", "deleted", "noted_on", "id"),)
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    noted_on: Mapped[date] = mapped_column(Date)
    entry_kind: Mapped[str] = mapped_column(String(20))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), nullable=True)
    channel: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(Text, nullable=True)
    posts: Mapped[int] = mapped_column(Integer, default=0)
    shares: Mapped[int] = mapped_column(Integer, default=0)
    reach: Mapped[int] = mapped_column(Integer, default=0)
    content_kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    action: Mapped[str | None] = mapped_column(String(20), nullable=True)
    passed_to: Mapped[str | None] = mapped_column(Text, nullable=True)
    entries: Mapped[int] = mapped_column(Integer, default=0)
    classification: Mapped[str] = mapped_column(String(10), default="thuong")


class ModelRow(Tracked, Base):
    __tablename__ = "exemplary_model"
    __table_args__ = (Index("ix_exemplary_model_list", "deleted", "noted_on", "id"),)
    origin_unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    noted_on: Mapped[date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    theme: Mapped[str | None] = mapped_column(Text, nullable=True)
    cell_id: Mapped[int | None] = mapped_column(ForeignKey("cell.id"), nullable=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"), nullable=True)
    registered: Mapped[bool] = mapped_column(Boolean, default=True)
    assessed: Mapped[bool] = mapped_column(Boolean, default=False)
    replicated: Mapped[bool] = mapped_column(Boolean, default=False)
    recognition: Mapped[str] = mapped_column(String(20), default="chua")
    recognition_level: Mapped[str | None] = mapped_column(Text, nullable=True)
    recognition_doc: Mapped[str | None] = mapped_column(Text, nullable=True)
    recognized_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    classification: Mapped[str] = mapped_column(String(10), default="thuong")
