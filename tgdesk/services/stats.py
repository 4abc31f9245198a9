"""Report figures for a period, and their text form for the command line."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.enums import ATTENDANCE_CATEGORIES, Attitude, Concern, MeetingType
from tgdesk.domain.figures import Figures
from tgdesk.domain.period import Period
from tgdesk.store.stats import period_figures

from .context import Context


def figures(ctx: Context, period: Period) -> Figures:
    with ctx.reading() as session:
        return period_figures(session, period.start, period.end)


def figure_lines(f: Figures) -> list[tuple[str, str]]:
    """(label, value) pairs in report order, formatted the Vietnamese way."""
    out: list[tuple[str, str]] = [("Hội nghị, cuộc họp", vf.number(f.meetings_total))]
    for code, n in f.meetings_by_type.items():
        label = MeetingType.from_code(code).label if MeetingType.from_code(code) else code
        out.append((f"  – {label}", vf.number(n)))
    out.append(("  Lượt người dự hội nghị", vf.number(f.meeting_attendance)))
    out.append(("  Ý kiến tham luận", vf.number(f.meeting_contributions)))
    out.append(("Buổi học tập, quán triệt", vf.number(f.study_sessions)))
    for fld, label in ATTENDANCE_CATEGORIES:
        out.append((f"  Lượt {label}", vf.number(f.attendance.get(fld, 0))))
    out.append(("  Đảng viên được triệu tập", vf.number(f.party_members_expected)))
    out.append(("  Tỷ lệ đảng viên tham dự", vf.percent(f.party_rate)))
    out.append(("  Bài thu hoạch", vf.number(f.reflections)))
    for d in f.documents:
        out.append((f"  Văn bản {d.number_symbol}",
                    f"{vf.number(d.sessions)} buổi, {vf.number(d.participants)} lượt"))
    out.append(("Ý kiến dư luận xã hội", vf.number(f.opinions_total)))
    for name, n in f.opinions_by_category.items():
        out.append((f"  Lĩnh vực {name}", vf.number(n)))
    for member in Attitude:
        out.append((f"  {member.label}", vf.number(f.opinions_by_attitude.get(member.value, 0))))
    for member in Concern:
        out.append((f"  Mức độ {member.label.lower()}",
                    vf.number(f.opinions_by_concern.get(member.value, 0))))
    out.append(("  Chưa giải quyết xong", vf.number(f.open_follow_ups)))
    return out


def figures_json(f: Figures) -> dict:
    return {
        "from": f.start.isoformat(), "to": f.end.isoformat(),
        "meetings": {"total": f.meetings_total, "by_type": f.meetings_by_type,
                     "attendance": f.meeting_attendance,
                     "contributions": f.meeting_contributions},
        "studies": {"sessions": f.study_sessions, "attendance": f.attendance,
                    "participants": f.study_participants,
                    "party_members_expected": f.party_members_expected,
                    "party_members_present": f.party_members_present,
                    "party_rate": None if f.party_rate is None else round(f.party_rate, 4),
                    "reflections": f.reflections,
                    "documents": [{"number_symbol": d.number_symbol, "sessions": d.sessions,
                                   "participants": d.participants} for d in f.documents]},
        "opinions": {"total": f.opinions_total, "by_category": f.opinions_by_category,
                     "by_attitude": f.opinions_by_attitude, "by_concern": f.opinions_by_concern,
                     "hot_spots": f.hot_spots, "open_follow_ups": f.open_follow_ups},
    }
