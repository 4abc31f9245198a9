"""The opinion report (tình hình tư tưởng, dư luận xã hội): mood, opinion by field, concerns."""

from __future__ import annotations

from tgdesk.domain.enums import Attitude, Concern

from ..model import Bullet
from .sentences import sources_text
from .writer import Writer


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
    w.text_or("hot_spots", "[Nêu cụ thể các vấn đề bức xúc, điểm nóng và việc xử lý.]")
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
