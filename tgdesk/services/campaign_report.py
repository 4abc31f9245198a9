"""The campaign report (``tgdesk report --kind campaign --campaign ID``): which
campaign, over which days, and what its activities were.

The register keeps a campaign report under the kind "campaign:<id>" (one kind
per campaign), so each campaign has its own draft, and a new report starts
from the words of the last report on the same campaign; the report screen and
the issuing services need nothing else. The report covers the campaign's
days (from its start to its end; a missing day is taken from its activities),
or a period the officer chooses (``--period``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from tgdesk.domain.enums import PROPAGANDA_QUANTITIES, Classification, PropagandaForm
from tgdesk.domain.figures import ActivityCount
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period
from tgdesk.domain.records import Campaign
from tgdesk.reports.compose import CampaignFacts, ListedActivity
from tgdesk.reports.compose.words import campaign_subject
from tgdesk.reports.text import nfc
from tgdesk.store import tables as t

from . import lists
from .context import Context
from .errors import NotFound, UserError
from .kinds import CAMPAIGNS
from .register import kind_label

CAMPAIGN = "campaign"
QUANTITY_FIELDS = tuple(fld for fld, _label, _unit in PROPAGANDA_QUANTITIES)


def campaign_kind(campaign_id: int) -> str:
    """The register kind of the reports on one campaign: "campaign:12"."""
    return f"{CAMPAIGN}:{campaign_id}"


def split_kind(kind: str) -> tuple[str, int | None]:
    """("campaign", 12) from "campaign:12"; (kind, None) for any other kind."""
    base, sep, rest = (kind or "").partition(":")
    if base != CAMPAIGN or not sep:
        return kind, None
    if not rest.strip().isdigit():
        raise UserError(f"Loại báo cáo “{kind}” không hợp lệ: cần mã đợt, chủ đề "
                        "(ví dụ campaign:12).")
    return base, int(rest)


def find_campaign(ctx: Context, text: str) -> Campaign:
    """A campaign by its id ("12") or its exact name (letter case aside)."""
    text = nfc(" ".join((text or "").split()))
    if not text:
        raise UserError("Cần --campaign: mã hoặc tên đúng của đợt, chủ đề tuyên truyền "
                        "(xem: tgdesk catalogue campaigns).")
    if text.isdigit():
        try:
            return CAMPAIGNS.get(ctx, int(text))
        except NotFound:
            raise UserError(f"Không có đợt, chủ đề tuyên truyền mã {text}.") from None
    rows = lists.catalogue(ctx, "campaigns")
    found = [r for r in rows if nfc(r["name"]).strip() == text] or \
        [r for r in rows if nfc(r["name"]).strip().casefold() == text.casefold()]
    if not found:
        raise UserError(f"Không có đợt, chủ đề tuyên truyền tên “{text}”; ghi đúng tên hoặc "
                        "dùng mã của đợt.")
    if len(found) > 1:
        ids = ", ".join(str(r["id"]) for r in found)
        raise UserError(f"Có {len(found)} đợt, chủ đề tên “{text}” (mã {ids}); dùng mã.")
    return CAMPAIGNS.get(ctx, found[0]["id"])


def activity_days(ctx: Context, campaign_id: int) -> tuple[date | None, date | None]:
    """The first and the last day of the campaign's live activities (None, None: none)."""
    p = t.PropagandaRow
    with ctx.reading() as session:
        first, last, last_end = session.execute(
            select(func.min(p.held_on), func.max(p.held_on), func.max(p.ends_on)).where(
                p.deleted.is_(False), p.campaign_id == campaign_id,
                p.origin_unit_id.is_(None))).one()
    if last_end is not None and (last is None or last_end > last):
        last = last_end
    return first, last


def campaign_period(ctx: Context, campaign: Campaign) -> Period:
    """The days a campaign report covers: the campaign's start to its end, widened
    to its activities' days (the banners go up weeks before a congress the
    campaign is dated by); a day neither gives runs to today (an open campaign)."""
    first, last = activity_days(ctx, campaign.id)
    start = min((d for d in (campaign.starts_on, first) if d is not None), default=None)
    end = max((d for d in (campaign.ends_on, last) if d is not None), default=None)
    if start is None:
        raise UserError(f"Đợt “{campaign.name}” chưa có ngày bắt đầu và chưa có hoạt động "
                        "nào; ghi ngày bắt đầu của đợt hoặc chọn kỳ báo cáo (--period).")
    if end is None or end < start:
        end = max(start, min(ctx.today(), date(start.year, 12, 31)))
    return Period.custom(start, end)


def campaign_facts(ctx: Context, campaign: Campaign, period: Period) -> CampaignFacts:
    """The campaign's own activities within ``period``, by form and one by one."""
    ids = lists.record_ids(ctx, "propaganda", ListFilter(
        date_from=period.start, date_to=period.end, campaign_id=campaign.id, sort="held_on",
        descending=False))
    rows = lists.rows(ctx, "propaganda", ids)
    by_form: dict[str, ActivityCount] = {}
    activities = []
    for r in rows:
        quantities = {fld: r[fld] for fld in QUANTITY_FIELDS if r.get(fld)}
        count = by_form.setdefault(r["form"], ActivityCount())
        count.activities += 1
        for fld, n in quantities.items():
            count.quantities[fld] = count.quantities.get(fld, 0) + n
        activities.append(ListedActivity(
            held_on=r["held_on"], ends_on=r["ends_on"], title=r["title"], form=r["form"],
            place=r["place"], area=r["area"], cell=r["cell"], quantities=quantities,
            classified=r["classification"] == Classification.MAT.value))
    order = PropagandaForm.codes()
    for count in by_form.values():       # quantities in the order the report names them
        count.quantities = {f: count.quantities[f] for f in QUANTITY_FIELDS
                            if f in count.quantities}
    by_form = {code: by_form[code] for code in sorted(
        by_form, key=lambda c: order.index(c) if c in order else len(order))}
    return CampaignFacts(
        id=campaign.id, name=campaign.name, starts_on=campaign.starts_on,
        ends_on=campaign.ends_on, by_form=by_form, activities=tuple(activities),
        areas=len({r["area_id"] for r in rows if r["area_id"] is not None}),
        cells=len({r["cell_id"] for r in rows if r["cell_id"] is not None}))


def campaign_name(ctx: Context, campaign_id: int) -> str | None:
    """The campaign's name, None when it is gone."""
    try:
        return CAMPAIGNS.get(ctx, campaign_id, include_deleted=True).name
    except NotFound:
        return None


def subject_of(ctx: Context, kind: str) -> str | None:
    """What a register entry of ``kind`` reports on, when the kind alone does not say
    it: "kết quả tuyên truyền chào mừng Đại hội XIV của Đảng"."""
    base, campaign_id = split_kind(kind)
    if base != CAMPAIGN or campaign_id is None:
        return None
    name = campaign_name(ctx, campaign_id)
    return campaign_subject(name) if name else "kết quả tuyên truyền"


def entry_label(ctx: Context, kind: str) -> str:
    """How the register names a report of ``kind``: "Báo cáo công tác tuyên giáo";
    a campaign report with its campaign ("Báo cáo kết quả tuyên truyền “…”")."""
    base, campaign_id = split_kind(kind)
    label = kind_label(kind)
    name = campaign_name(ctx, campaign_id) if base == CAMPAIGN and campaign_id else None
    return f"{label} “{nfc(name)}”" if name else label


def report_period(ctx: Context, kind: str) -> Period | None:
    """The period of a campaign report of ``kind`` ("campaign:12"): the campaign's
    days; None for another kind, or a campaign gone or without days."""
    base, campaign_id = split_kind(kind)
    if base != CAMPAIGN or campaign_id is None:
        return None
    try:
        return campaign_period(ctx, CAMPAIGNS.get(ctx, campaign_id))
    except UserError:
        return None
