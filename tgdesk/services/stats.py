"""Report figures for a period, and their text form for the command line."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.enums import (ATTENDANCE_CATEGORIES, PROPAGANDA_QUANTITIES,
                                 QUANTITIES_BY_FORM, Attitude, Concern, MeetingType,
                                 ModelSubject, OnlineAction, PropagandaForm, Recognition,
                                 WrongContentKind)
from tgdesk.domain.figures import ActivityCount, Figures
from tgdesk.domain.period import Period
from tgdesk.store.stats import period_figures

from .context import Context

UNITS = {fld: unit for fld, _label, unit in PROPAGANDA_QUANTITIES}   # "băng rôn", "lá cờ"…
RECOGNITIONS = (Recognition.BIEU_DUONG, Recognition.KHEN_THUONG)


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
    return out + activity_lines(f)


def activity_lines(f: Figures) -> list[tuple[str, str]]:
    """The propaganda, online-team and models figures as (label, value) pairs."""
    out: list[tuple[str, str]] = [("Hoạt động tuyên truyền", vf.number(f.propaganda_total))]
    for code, c in f.propaganda_by_form.items():
        form = PropagandaForm.from_code(code)
        out.append((f"  – {form.label if form else code}", vf.number(c.activities)))
        for fld, n in c.quantities.items():
            unit = UNITS.get(fld, fld)
            out.append((f"    + {unit[:1].upper()}{unit[1:]}", vf.number(n)))
    for c in f.propaganda_by_campaign:
        out.append((f"  Đợt “{c.name}”", f"{vf.number(c.activities)} hoạt động"))
    out.append(("Nhóm cộng tác viên 35: thành viên", vf.number(f.online_team_members)))
    out.append(("  Thành viên có hoạt động trong kỳ", vf.number(f.online_members_active)))
    out.append(("  Tin, bài đăng", vf.number(f.online_posts)))
    out.append(("  Lượt chia sẻ", vf.number(f.online_shares)))
    out.append(("  Lượt tiếp cận", vf.number(f.online_reach)))
    out.append(("  Thông tin sai trái, thù địch phát hiện", vf.number(f.wrong_found)))
    for member in WrongContentKind:
        out.append((f"    – {member.label}", vf.number(f.wrong_by_kind.get(member.value, 0))))
    for member in OnlineAction:
        out.append((f"    – Xử lý: {member.label.lower()}",
                    vf.number(f.wrong_by_action.get(member.value, 0))))
    out.append(("  Bài dự thi", vf.number(f.essay_entries)))
    out.append(("Mô hình, điển hình (Chỉ thị 05) ghi nhận", vf.number(f.models_total)))
    for member in ModelSubject:
        out.append((f"  – {member.label}", vf.number(f.models_by_subject.get(member.value, 0))))
    out.append(("  Đăng ký", vf.number(f.models_registered)))
    out.append(("  Đã đánh giá", vf.number(f.models_assessed)))
    out.append(("  Đã nhân rộng", vf.number(f.models_replicated)))
    for member in RECOGNITIONS:
        out.append((f"  {member.label}", vf.number(f.recognised_count(member.value))))
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
        **activity_json(f),
    }


def _count_json(c: ActivityCount, fields) -> dict:
    return {"activities": c.activities,
            "quantities": {fld: c.quantities.get(fld, 0) for fld in fields}}


def activity_json(f: Figures) -> dict:
    """The "propaganda", "online" and "models" keys of ``stats --json`` (every code
    listed, 0 when none)."""
    every = [fld for fld, _label, _unit in PROPAGANDA_QUANTITIES]
    return {
        "propaganda": {
            "total": f.propaganda_total,
            "quantities": {fld: f.propaganda_quantities.get(fld, 0) for fld in every},
            "by_form": {code: _count_json(f.propaganda_by_form.get(code, ActivityCount()),
                                          QUANTITIES_BY_FORM[code])
                        for code in PropagandaForm.codes()},
            "by_campaign": [{"id": c.campaign_id, "name": c.name,
                             **_count_json(c, [fld for fld in every if c.quantities.get(fld)])}
                            for c in f.propaganda_by_campaign]},
        "online": {
            "team_members": f.online_team_members, "members_active": f.online_members_active,
            "entries": f.online_entries, "posts": f.online_posts, "shares": f.online_shares,
            "reach": f.online_reach, "wrong_found": f.wrong_found,
            "wrong_by_kind": {c: f.wrong_by_kind.get(c, 0) for c in WrongContentKind.codes()},
            "wrong_by_action": {c: f.wrong_by_action.get(c, 0) for c in OnlineAction.codes()},
            "essay_entries": f.essay_entries},
        "models": {
            "total": f.models_total,
            "by_subject": {c: f.models_by_subject.get(c, 0) for c in ModelSubject.codes()},
            "registered": f.models_registered, "assessed": f.models_assessed,
            "replicated": f.models_replicated,
            "recognised": {r.value: {c: f.recognised.get(r.value, {}).get(c, 0)
                                     for c in ModelSubject.codes()} for r in RECOGNITIONS},
            "recognised_total": f.recognised_count()},
    }
