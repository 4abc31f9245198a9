"""Consolidated reports at the level above: the report kinds of the report
issue ("work", "opinion") over the records received from all units below or a
chosen subset, in this unit's own header, with a per-unit breakdown table.

The report is built by the usual path (``services.reports.build_report`` with
``origin`` = the chosen units and those merged into them), so its sentences
and appendix are the unit's usual ones; the breakdown table is appended to the
appendix. A draft: it carries no number and is not registered.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from tgdesk import vnformat as vf
from tgdesk.domain.figures import Figures
from tgdesk.domain.period import Period
from tgdesk.reports.compose import finalize
from tgdesk.reports.model import Paragraph, ReportData, Table
from tgdesk.store import tables as t
from tgdesk.store.stats import period_figures

from .. import reports
from ..context import Context
from ..errors import UserError
from ..issuing import overrides
from ..unit import get_unit
from .units import members_of, resolve_in

BREAKDOWN_HEADER = ("TT", "Đơn vị", "Hội nghị", "Buổi học tập", "Lượt tham gia học tập",
                    "Tỷ lệ đảng viên dự", "Ý kiến dư luận", "Điểm nóng")
BREAKDOWN_WIDTHS = (0.06, 0.30, 0.10, 0.10, 0.13, 0.11, 0.11, 0.09)
# The propaganda work beyond meetings, study and opinion (issue 15), per unit below.
ACTIVITY_HEADER = ("TT", "Đơn vị", "Hoạt động tuyên truyền", "Tin, bài đăng trên mạng",
                   "Lượt chia sẻ", "Thông tin xấu, độc phát hiện", "Bài dự thi",
                   "Mô hình, điển hình ghi nhận", "Được biểu dương, khen thưởng")
ACTIVITY_WIDTHS = (0.06, 0.26, 0.10, 0.09, 0.09, 0.11, 0.08, 0.11, 0.10)
NO_CHILDREN = ("Chưa đăng ký đơn vị cấp dưới nào. Vào “Trao đổi dữ liệu” › “Đơn vị & khóa” "
               "(hoặc chạy: tgdesk units add TỆP.key --as child) trước khi lập báo cáo tổng hợp.")


@dataclass
class Consolidated:
    data: ReportData
    units: list[tuple[int, str]]            # (unit id, name) in the breakdown's order
    per_unit: dict[int, Figures]            # figures of the breakdown, per unit
    total: Figures                          # every chosen unit together


def parse_children(ctx: Context, text: str | None) -> list[int] | None:
    """``--children all`` → None (every active unit below); ``ID,ID`` → those ids."""
    spec = (text or "").strip()
    if spec.casefold() in ("", "all", "tất cả"):
        return None
    parts = [p.strip() for p in spec.split(",") if p.strip()]
    with ctx.reading() as session:
        return [resolve_in(session, p).id for p in parts]


def _chosen(ctx: Context, unit_ids: Sequence[int] | None) -> list[tuple[int, str, list[int]]]:
    """(unit id, name, ids whose rows count for it) of the chosen units below."""
    with ctx.reading() as session:
        children = session.scalars(select(t.ExchangeUnitRow).where(
            t.ExchangeUnitRow.relation == "child").order_by(t.ExchangeUnitRow.name)).all()
        if not children:
            raise UserError(NO_CHILDREN)
        if unit_ids is None:
            rows = [r for r in children if r.active]
        else:
            by_id = {r.id: r for r in children}
            rows = []
            for uid in dict.fromkeys(unit_ids):
                row = by_id.get(uid)
                if row is None:
                    raise UserError(f"Đơn vị số {uid} không phải đơn vị cấp dưới đã đăng ký "
                                    "(xem: tgdesk units list).")
                if not row.active:
                    raise UserError(f"Đơn vị “{row.name}” đã sáp nhập hoặc ngừng hoạt động; "
                                    "số liệu của đơn vị này tính cho đơn vị nhận sáp nhập.")
                rows.append(row)
        if not rows:
            raise UserError("Chưa chọn đơn vị cấp dưới nào để tổng hợp.")
        return [(r.id, r.name, members_of(session, r.id)) for r in rows]


def _counted_end(ctx: Context, period: Period, cutoff: date | None) -> date:
    """The last day counted, as build_report counts it (today while running)."""
    today = ctx.today()
    if cutoff is None and period.end > today:
        cutoff = today
    return period.end if cutoff is None or cutoff >= period.end else cutoff


def breakdown_row(f: Figures) -> tuple[str, ...]:
    return (vf.number(f.meetings_total), vf.number(f.study_sessions),
            vf.number(f.study_participants), vf.percent(f.party_rate),
            vf.number(f.opinions_total), vf.number(f.hot_spots))


def activity_row(f: Figures) -> tuple[str, ...]:
    recognised = sum(sum(by_subject.values()) for by_subject in f.recognised.values())
    return (vf.number(f.propaganda_total), vf.number(f.online_posts),
            vf.number(f.online_shares), vf.number(f.wrong_found), vf.number(f.essay_entries),
            vf.number(f.models_total), vf.number(recognised))


def _per_unit_table(chosen, per_unit: dict[int, Figures], total: Figures, row, header,
                    widths, title: str, note: str) -> Table:
    rows = tuple((str(n), name, *row(per_unit[uid])) for n, (uid, name, _) in enumerate(chosen, 1))
    rows += (("", "Tổng cộng", *row(total)),)
    return Table(header, rows, widths, ("center", "left") + ("right",) * (len(header) - 2),
                 title=title, note=note)


def build_consolidated(ctx: Context, kind: str, period: Period,
                       unit_ids: Sequence[int] | None = None, cutoff: date | None = None,
                       texts: dict | None = None) -> Consolidated:
    """The consolidated report of ``kind`` for ``period`` over ``unit_ids``
    (None: every active unit below)."""
    chosen = _chosen(ctx, unit_ids)
    origin = [i for _, _, ids in chosen for i in ids]
    data = reports.build_report(ctx, kind, period, cutoff, texts, origin=origin,
                                profile_overrides=overrides(ctx))
    end = _counted_end(ctx, period, cutoff)
    with ctx.reading() as session:
        per_unit = {uid: period_figures(session, period.start, end, origin=ids)
                    for uid, _, ids in chosen}
        total = period_figures(session, period.start, end, origin=origin)
    upto = "" if end == period.end else f", số liệu đến ngày {vf.short_date(end)}"
    note = f"(Tổng hợp từ số liệu {len(chosen)} đơn vị gửi lên{upto})"
    tables = (_per_unit_table(chosen, per_unit, total, breakdown_row, BREAKDOWN_HEADER,
                              BREAKDOWN_WIDTHS, "SỐ LIỆU THEO ĐƠN VỊ CẤP DƯỚI\n"
                              + period.label().upper(), note),
              _per_unit_table(chosen, per_unit, total, activity_row, ACTIVITY_HEADER,
                              ACTIVITY_WIDTHS, "TUYÊN TRUYỀN, BẢO VỆ NỀN TẢNG TƯ TƯỞNG, "
                              "HỌC TẬP VÀ LÀM THEO BÁC THEO ĐƠN VỊ CẤP DƯỚI\n"
                              + period.label().upper(), note))
    unit = get_unit(ctx)
    profile = reports.profile_for(unit, overrides(ctx))
    data = dataclasses.replace(
        data, body=_with_sources(data.body, [name for _, name, _ in chosen]),
        appendix=data.appendix + tables,
        meta={**data.meta, "consolidated": True,
              "units": [{"id": uid, "name": name} for uid, name, _ in chosen]})
    return Consolidated(finalize(data, profile), [(uid, name) for uid, name, _ in chosen],
                        per_unit, total)


def _with_sources(body: tuple, names: list[str]) -> tuple:
    """A line after the opening saying which units below the figures come from."""
    out, placed = [], False
    for block in body:
        out.append(block)
        if not placed and isinstance(block, Paragraph):
            out.append(Paragraph(f"(Số liệu tổng hợp từ báo cáo của {len(names)} đơn vị cấp "
                                 f"dưới: {'; '.join(names)}.)"))
            placed = True
    return tuple(out)


def file_stem(ctx: Context, kind: str, period: Period) -> str:
    unit = get_unit(ctx)
    if unit is None:
        raise UserError("Chưa khai báo thông tin đơn vị. Vào mục “Cài đặt đơn vị” trước.")
    return reports.report_file_stem(unit, kind, period) + "_TongHop"


def export_consolidated(ctx: Context, kind: str, period: Period, out_dir: Path,
                        formats: Iterable[str] = reports.FORMATS,
                        unit_ids: Sequence[int] | None = None,
                        cutoff: date | None = None) -> list[Path]:
    """Write the consolidated report (DOCX/PDF) into ``out_dir``; return the paths."""
    done = build_consolidated(ctx, kind, period, unit_ids, cutoff)
    return reports.render_report(done.data, Path(out_dir), formats,
                                 file_stem(ctx, kind, period), profile_overrides=overrides(ctx))
