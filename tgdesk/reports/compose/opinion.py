"""The opinion report (tình hình tư tưởng, dư luận xã hội): mood, opinion by field, concerns."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Attitude, Concern, FollowUp

from ..model import Bullet
from ..text import nfc
from .inputs import Inputs, ListedNote
from .sentences import sources_text
from .writer import Writer

#: The mark under "Số" of a report that quotes notes marked Mật
#: (report-format.md (a), component 10).
SECRET_MARK = "MẬT"
# Sub-items under a numbered heading: a), b), c), d), đ), e), g)… as Vietnamese documents write.
LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r",
           "s", "t", "u", "v", "x", "y")
_ASKING = ("đề nghị", "đề xuất", "kiến nghị")


def opinion_outline(w: Writer) -> tuple[str, str]:
    """Write the four sections; (trích yếu, subject of the opening)."""
    p, f = w.i.period, w.i.current
    summary = (f"tình hình tư tưởng của cán bộ, đảng viên, Nhân dân và dư luận xã hội "
               f"{p.label()}")
    w.h(f"{w.roman(1)} TÌNH HÌNH TƯ TƯỞNG CỦA CÁN BỘ, ĐẢNG VIÊN VÀ NHÂN DÂN")
    w.text_or("mood", "[Nêu tâm trạng chung, mức độ tin tưởng của cán bộ, đảng viên và "
                      "Nhân dân.]")
    if f.opinions_total:
        parts = [f"{w.n(f.opinions_by_attitude[a.value])} ý kiến {a.label.lower()}"
                 for a in Attitude if f.opinions_by_attitude.get(a.value)]
        w.para(f"{w.within}, {w.actor} nắm bắt {w.n(f.opinions_total)} ý "
               f"kiến của cán bộ, đảng viên và Nhân dân{sources_text(w)}, trong đó "
               f"{', '.join(parts)}"
               f"{w.tail(f.opinions_total, 'ý kiến', 'opinions_total')}")
    else:
        w.para(f"{w.within}, chưa ghi nhận ý kiến dư luận xã hội nào.")
    w.h(f"{w.roman(2)} DƯ LUẬN XÃ HỘI")
    k = 1
    w.h(f"{w.sub(k)} Dư luận theo lĩnh vực", 2)
    if f.opinions_by_category:
        w.para("Các ý kiến tập trung vào các lĩnh vực:")
        items = list(f.opinions_by_category.items())
        for j, (name, count) in enumerate(items):
            end = "." if j == len(items) - 1 else ";"
            w.blocks.append(Bullet(f"- {name}: {w.n(count)} ý kiến{end}"))
    else:
        w.para("Chưa ghi nhận ý kiến theo lĩnh vực.")
    w.text_or("opinion_details", "[Nêu nội dung dư luận về tình hình quốc tế, trong nước, "
                                 "thành phố và trên địa bàn phường.]")
    k += 1
    w.h(f"{w.sub(k)} Những vấn đề băn khoăn, bức xúc", 2)
    concerns(w)
    pressing(w)
    if w.texts.get("hot_spots"):
        w.text_or("hot_spots", "")
    k += 1
    w.h(f"{w.sub(k)} Thông tin sai trái, thù địch trên mạng xã hội", 2)
    w.text_or("hostile", "[Nêu thông tin sai trái, thù địch đã phát hiện, báo cáo (nếu có).]")
    w.h(f"{w.roman(3)} NHẬN ĐỊNH, DỰ BÁO")
    w.text_or("outlook", "[Nêu nhận định, dự báo tình hình tư tưởng, dư luận thời gian tới.]")
    w.h(f"{w.roman(4)} ĐỀ XUẤT, KIẾN NGHỊ")
    w.text_or("proposals", "[Nêu đề xuất với cấp ủy, chính quyền về việc trả lời, xử lý, "
                           "định hướng từng vấn đề.]")
    return summary, f"tình hình tư tưởng và dư luận xã hội {p.label()}"


def concerns(w: Writer) -> None:
    """How much the opinions worry people, the hot spots, and what is still open."""
    f = w.i.current
    levels = [f"{w.n(f.opinions_by_concern[c.value])} ý kiến ở mức "
              f"{c.label.lower()}" for c in Concern
              if c is not Concern.DIEM_NONG and f.opinions_by_concern.get(c.value)]
    hot = (f"có {w.n(f.hot_spots)} vấn đề điểm nóng" if f.hot_spots
           else "không có vấn đề điểm nóng")
    if f.opinions_total:
        text = f"Về mức độ quan tâm: {', '.join(levels)}; {hot}." if levels else \
            f"Về mức độ quan tâm: {hot}."
        if f.open_follow_ups:
            text += (f" Đến nay còn {w.n(f.open_follow_ups)} ý kiến chưa giải quyết "
                     "xong, đang tiếp tục theo dõi, phản ánh đến cấp ủy, chính quyền.")
        else:
            text += " Các ý kiến đã được giải quyết, trả lời xong."
        w.para(text)
    else:
        w.para("Không có vấn đề điểm nóng.")


# --- the bức xúc notes and hot spots, one by one ----------------------------------

def secrecy_mark(inp: Inputs) -> str | None:
    """"MẬT" when the report quotes a note marked Mật, else None."""
    return SECRET_MARK if any(n.classified for n in inp.notes) else None


def pressing(w: Writer) -> None:
    """Each bức xúc note and hot spot the officer kept, grouped by category (in the
    order of "Dư luận theo lĩnh vực"): area, date, summary, handling, status."""
    notes, f = w.i.notes, w.i.current
    if not notes:
        return      # none (the counts above say so), or the officer left them all out
    hot = any(n.concern == Concern.DIEM_NONG.value for n in notes)
    angry = any(n.attitude == Attitude.BUC_XUC.value for n in notes)
    what = " và ".join(t for t, shown in (("ý kiến bức xúc", angry),
                                          ("vấn đề điểm nóng", hot)) if shown)
    w.para(f"Các {what} cụ thể theo từng lĩnh vực như sau:")
    order = {name: k for k, name in enumerate(f.opinions_by_category)}
    groups: dict[str, list[ListedNote]] = {}
    for note in sorted(notes, key=lambda n: (order.get(n.category, len(order)), n.category)):
        groups.setdefault(note.category, []).append(note)
    for k, (category, items) in enumerate(groups.items()):
        w.para(f"{LETTERS[k] if k < len(LETTERS) else k + 1}) {nfc(category)}:")
        for note in items:
            w.blocks.append(Bullet(f"- {note_text(note)}"))


def note_text(n: ListedNote) -> str:
    """"Khu phố 3 (ngày 05/10/2026, điểm nóng): <summary>. <handling>. Tình hình xử lý: …";
    "Ngày 05/10/2026: …" when the area is not recorded or the summary names it."""
    area = nfc((n.area or "").strip())
    if area and area.lower() in n.summary.lower():
        area = ""            # the summary names it already ("Nhân dân khu phố 3 …")
    day = f"ngày {vf.short_date(n.noted_on)}"
    hot = n.concern == Concern.DIEM_NONG.value
    if area:
        head = f"{area} ({day}, điểm nóng)" if hot else f"{area} ({day})"
    else:
        head = f"{day[:1].upper()}{day[1:]}" + (" (điểm nóng)" if hot else "")
    parts = [f"{head}: {_sentence(n.summary)}"]
    proposal = " ".join((n.proposal or "").split())
    if proposal:
        asking = proposal.lower().startswith(_ASKING)
        parts.append(_sentence(proposal if asking else f"Đề xuất: {proposal}"))
    parts.append(f"Tình hình xử lý: {status_text(n)}.")
    return " ".join(parts)


def status_text(n: ListedNote) -> str:
    """"đã chuyển Ủy ban nhân dân phường, đang xử lý" (no full stop)."""
    to = " ".join((n.passed_to or "").split())
    status = FollowUp.from_code(n.follow_up)
    if status is FollowUp.DA_GIAI_QUYET:
        return f"đã được {to} giải quyết" if to else "đã giải quyết"
    if status is FollowUp.DANG_XU_LY:
        return f"đã chuyển {to}, đang xử lý" if to else "đang xử lý"
    if status is FollowUp.DA_BAO_CAO:
        return "đã báo cáo cấp ủy" + (f", chuyển {to}" if to else "")
    return "mới ghi nhận, chưa chuyển xử lý" if not to else f"mới ghi nhận, chuyển {to}"


def _sentence(text: str) -> str:
    """One line ending with a full stop (or the officer's own ! ? …)."""
    text = nfc(" ".join((text or "").split()))
    return text if not text or text[-1] in ".!?…" else text + "."
