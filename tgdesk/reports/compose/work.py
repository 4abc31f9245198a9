"""The work report (công tác tuyên giáo): short, long (half-year, annual) and custom outlines."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.enums import PersonRole
from tgdesk.domain.period import PeriodKind

from ..model import Bullet
from .activities import (IDEOLOGY_PLACEHOLDER, MODELS_PLACEHOLDER, PROPAGANDA_PLACEHOLDER,
                         ideology_blocks, models_blocks, propaganda_blocks, section)
from .sentences import meetings_sentence, network_para, opinion_sentence, study_sentences
from .words import PART, next_label
from .writer import Writer


def work_outline(w: Writer) -> tuple[str, str]:
    """Write the outline that fits the period; (trích yếu, subject of the opening)."""
    kind = w.i.period.kind
    if kind in (PeriodKind.HALF, PeriodKind.YEAR):
        return work_long(w)
    if kind is PeriodKind.CUSTOM:
        return work_custom(w)
    return work_short(w)


def issued_docs(w: Writer) -> None:
    """The reports this unit issued in the period (the register), cited in full."""
    docs = w.i.issued
    if not docs:
        return
    w.para(f"{w.within}, {w.short_name} ban hành {w.n(len(docs))} báo cáo "
           "định kỳ:")
    for j, d in enumerate(docs):
        what = ("kết quả công tác tuyên giáo" if d.kind == "work"
                else "tình hình tư tưởng và dư luận xã hội")
        what = d.subject or f"{what} {d.period.label()}"
        end = "." if j == len(docs) - 1 else ";"
        w.blocks.append(Bullet(f"- Báo cáo số {d.number_text} ngày "
                               f"{vf.short_date(d.issued_on)} về {what}{end}"))


def results(w: Writer, long: bool = False) -> None:
    """The numbered results, one subsection per field of the work."""
    k = 1
    w.h(f"{w.sub(k)} Công tác tham mưu giúp cấp ủy lãnh đạo, chỉ đạo" if long
        else f"{w.sub(k)} Công tác tham mưu, chỉ đạo", 2)
    w.text_or("advice", "[Nêu số kế hoạch, hướng dẫn, công văn đã ban hành, ghi rõ số, "
                        "ký hiệu.]")
    issued_docs(w)
    k += 1
    w.h(f"{w.sub(k)} Công tác tuyên truyền", 2)
    w.para(meetings_sentence(w))
    if long:
        network_para(w, (PersonRole.BAO_CAO_VIEN, PersonRole.TUYEN_TRUYEN_VIEN))
    section(w, "propaganda", propaganda_blocks(w), PROPAGANDA_PLACEHOLDER)
    k += 1
    w.h(f"{w.sub(k)} Học tập, quán triệt nghị quyết, chỉ thị, kết luận của Đảng", 2)
    w.blocks.extend(study_sentences(w))
    k += 1
    w.h(f"{w.sub(k)} Tình hình tư tưởng, dư luận xã hội", 2)
    w.para(opinion_sentence(w))
    if long:
        network_para(w, (PersonRole.CTV_DLXH,))
    if w.i.current.opinions_total:
        w.para("(Có báo cáo tình hình tư tưởng và dư luận xã hội riêng.)")
    k += 1
    w.h(f"{w.sub(k)} Công tác bảo vệ nền tảng tư tưởng của Đảng", 2)
    section(w, "ideology", ideology_blocks(w), IDEOLOGY_PLACEHOLDER)
    k += 1
    w.h(f"{w.sub(k)} Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 2)
    section(w, "ho_chi_minh", models_blocks(w), MODELS_PLACEHOLDER)
    k += 1
    w.h(f"{w.sub(k)} Lý luận chính trị, khoa giáo và công tác khác", 2)
    w.text_or("other", "[Nêu kết quả bồi dưỡng lý luận chính trị, khoa giáo, văn hóa – "
                       "văn nghệ và các công tác khác.]")
    if long:
        k += 1
        w.h(f"{w.sub(k)} Đánh giá chung", 2)
        w.text_or("strengths", "[Nêu ưu điểm nổi bật trong kỳ.]")


def tasks(w: Writer) -> None:
    value = w.texts.get("tasks")
    items = value if isinstance(value, (list, tuple)) else ([value] if value else [])
    if not items:
        w.para("[Nêu các nhiệm vụ trọng tâm, đơn vị thực hiện và thời hạn.]")
        return
    for k, item in enumerate(items, 1):
        w.para(f"{k}. {str(item).strip()}")


def work_short(w: Writer) -> tuple[str, str]:
    """A month or a quarter: results, assessment, next tasks, proposals."""
    p = w.i.period
    this, nxt = next_label(p)
    summary = f"kết quả công tác tuyên giáo {this}, nhiệm vụ trọng tâm {nxt}"
    w.h(f"{w.roman(1)} KẾT QUẢ THỰC HIỆN")
    results(w)
    w.h(f"{w.roman(2)} ĐÁNH GIÁ CHUNG")
    w.h(f"{w.sub(1)} Ưu điểm", 2)
    w.text_or("strengths", "[Nêu ưu điểm nổi bật trong kỳ.]")
    w.h(f"{w.sub(2)} Hạn chế, nguyên nhân", 2)
    w.text_or("weaknesses", "[Nêu hạn chế và nguyên nhân.]")
    head = "THÁNG" if p.kind is PeriodKind.MONTH else "QUÝ"
    w.h(f"{w.roman(3)} NHIỆM VỤ TRỌNG TÂM {head} TỚI")
    tasks(w)
    w.h(f"{w.roman(4)} ĐỀ XUẤT, KIẾN NGHỊ")
    w.text_or("proposals", "[Nêu đề xuất, kiến nghị (nếu có).]")
    return summary, f"kết quả công tác tuyên giáo {p.label()}"


def work_custom(w: Writer) -> tuple[str, str]:
    """Any span of days: the results and proposals only (no next period to plan)."""
    summary = f"kết quả công tác tuyên giáo {w.i.period.label()}"
    w.h(f"{w.roman(1)} KẾT QUẢ THỰC HIỆN")
    results(w)
    w.h(f"{w.roman(2)} ĐỀ XUẤT, KIẾN NGHỊ")
    w.text_or("proposals", "[Nêu đề xuất, kiến nghị (nếu có).]")
    return summary, summary


def work_long(w: Writer) -> tuple[str, str]:
    """Half a year or a year, in two parts: the assessment, then the next period's tasks."""
    p = w.i.period
    s = p.start
    annual = p.kind is PeriodKind.YEAR
    if annual:
        nxt = f"năm {s.year + 1}"
        summary = (f"tổng kết công tác tuyên giáo năm {s.year}; phương hướng, nhiệm vụ trọng "
                   f"tâm {nxt}")
    elif s.month == 1:
        nxt = f"6 tháng cuối năm {s.year}"
        summary = (f"sơ kết công tác tuyên giáo 6 tháng đầu năm, phương hướng nhiệm vụ "
                   f"6 tháng cuối năm {s.year}")
    else:
        nxt = f"6 tháng đầu năm {s.year + 1}"
        summary = (f"sơ kết công tác tuyên giáo 6 tháng cuối năm {s.year}, phương hướng "
                   f"nhiệm vụ {nxt}")
    w.h("ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", 0, PART[0])
    w.h(f"{w.roman(1)} KẾT QUẢ ĐẠT ĐƯỢC")
    results(w, long=True)
    w.h(f"{w.roman(2)} HẠN CHẾ, NGUYÊN NHÂN")
    w.text_or("weaknesses", "[Nêu hạn chế và nguyên nhân.]")
    if annual:
        w.h(f"{w.roman(3)} BÀI HỌC KINH NGHIỆM")
        w.text_or("lessons", "[Nêu bài học kinh nghiệm.]")
    w.h(f"PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {nxt.upper()}", 0, PART[1])
    w.h(f"{w.roman(1)} NHIỆM VỤ TRỌNG TÂM")
    tasks(w)
    w.h(f"{w.roman(2)} ĐỀ XUẤT, KIẾN NGHỊ")
    default = "[Nêu đề xuất, kiến nghị (nếu có).]"
    if annual:
        default = "[Nêu đề xuất, kiến nghị; đề nghị khen thưởng tập thể, cá nhân (nếu có).]"
    w.text_or("proposals", default)
    word = "tổng kết" if annual else "sơ kết"
    return summary, f"{word} công tác tuyên giáo {p.label()}"
