"""The sentences that quote the figures: meetings, study sessions (with each document's
coverage, coverage.py), opinions, the network."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.enums import (ATTENDANCE_CATEGORIES, Attitude, MeetingType, OpinionSource,
                                 PersonRole)

from ..model import Block, Bullet, Paragraph
from .coverage import coverage_paragraphs
from .words import cite
from .writer import Writer


def meetings_sentence(w: Writer) -> str:
    f = w.i.current
    if f.meetings_total == 0:
        return f"{w.within}, chưa ghi nhận hội nghị, cuộc họp nào."
    kinds = []
    order = {m.value: k for k, m in enumerate(MeetingType)}
    for code, count in sorted(f.meetings_by_type.items(),
                              key=lambda kv: order.get(kv[0], len(order))):
        mt = MeetingType.from_code(code)
        if mt is MeetingType.KHAC:          # "Khác" last, as "02 cuộc khác"
            kinds.append(f"{w.n(count)} cuộc khác")
        else:
            kinds.append(f"{w.n(count)} {(mt.label if mt else code).lower()}")
    parts = []
    if f.meeting_attendance:
        parts.append(f"{w.n(f.meeting_attendance)} lượt người tham dự")
    if f.meeting_contributions:
        parts.append(f"{w.n(f.meeting_contributions)} ý kiến tham luận")
    return (f"{w.within}, {w.actor} tổ chức {w.n(f.meetings_total)} hội nghị, "
            f"cuộc họp ({', '.join(kinds)})" + (f" với {', '.join(parts)}" if parts else "")
            + w.tail(f.meetings_total, "cuộc", "meetings_total"))


def study_sentences(w: Writer) -> list[Block]:
    f = w.i.current
    if f.study_sessions == 0:
        return [Paragraph(f"{w.within}, chưa ghi nhận buổi học tập, quán triệt nghị quyết, "
                          "chỉ thị nào."), *coverage_paragraphs(w)]
    a = f.attendance
    cadres = a.get("key_cadres", 0) + a.get("party_members_present", 0)
    others = [f"{w.n(a.get(fld, 0))} lượt {label}"
              for fld, label in ATTENDANCE_CATEGORIES[2:] if a.get(fld, 0)]
    text = (f"{w.within}, {w.actor} tổ chức {w.n(f.study_sessions)} buổi học tập, "
            f"quán triệt, triển khai nghị quyết, chỉ thị, kết luận của Đảng với "
            f"{w.n(f.study_participants)} lượt người tham dự, trong đó "
            f"{w.n(cadres)} lượt cán bộ, đảng viên")
    text += (", " + ", ".join(others)) if others else ""
    if f.party_rate is not None:
        text += (f"; tỷ lệ đảng viên tham dự đạt {vf.percent(f.party_rate)} "
                 f"({vf.number(f.party_members_present)}/{vf.number(f.party_members_expected)} "
                 "đảng viên được triệu tập)")
    text += w.tail(f.study_sessions, "buổi", "study_sessions")
    out: list[Block] = [Paragraph(text)]
    if f.documents:
        out.append(Paragraph("Các văn bản được học tập, quán triệt:"))
        for d in f.documents:
            out.append(Bullet(f"- {cite(d)}: {w.n(d.sessions)} buổi, "
                              f"{w.n(d.participants)} lượt người tham dự;"))
        last = out[-1]
        out[-1] = Bullet(last.text[:-1] + ".")
    out += coverage_paragraphs(w)
    if f.reflections:
        out.append(Paragraph(f"Cán bộ, đảng viên viết {w.n(f.reflections)} bài thu hoạch."))
    return out


def opinion_sentence(w: Writer) -> str:
    f = w.i.current
    if f.opinions_total == 0:
        return f"{w.within}, chưa ghi nhận ý kiến dư luận xã hội nào."
    text = (f"{w.within}, {w.actor} nắm bắt {w.n(f.opinions_total)} ý kiến"
            f"{sources_text(w)}")
    bx = f.opinions_by_attitude.get(Attitude.BUC_XUC.value, 0)
    extras = []
    if bx:
        extras.append(f"{w.n(bx)} ý kiến bức xúc")
    if f.hot_spots:
        extras.append(f"{w.n(f.hot_spots)} vấn đề điểm nóng")
    if extras:
        text += ", trong đó " + ", ".join(extras)
    cats = ", ".join(f"{name.lower()} ({w.n(c)})" for name, c in f.opinions_by_category.items())
    if cats:
        text += f"; tập trung vào các lĩnh vực: {cats}"
    return text + w.tail(f.opinions_total, "ý kiến", "opinions_total")


def sources_text(w: Writer) -> str:
    """" (qua cộng tác viên dư luận xã hội: 120, sinh hoạt chi bộ: 30)" from the
    notes' sources; "" when none is recorded."""
    labels = {s.value: s.label for s in OpinionSource}
    parts = [f"{labels.get(code, code)[:1].lower()}{labels.get(code, code)[1:]}: "
             f"{w.n(n)}" for code, n in w.i.sources.items() if n]
    return f" (qua {'; '.join(parts)})" if parts else ""


def network_para(w: Writer, roles: tuple[PersonRole, ...]) -> None:
    """"Hiện nay, Đảng ủy phường có 06 báo cáo viên, 10 tuyên truyền viên." (the
    network as it stands now), only when it has members."""
    parts = [f"{w.n(w.i.network[r.value])} {r.label.lower()}" for r in roles
             if w.i.network.get(r.value)]
    if parts:
        w.para(f"Hiện nay, {w.short_name} có {', '.join(parts)}.")
