"""The campaign report (báo cáo kết quả tuyên truyền một đợt, chủ đề): what was done
for one campaign over its days, by form, and the list of its activities.

Outline: I. Kết quả thực hiện (1. tham mưu, chỉ đạo; 2. kết quả tuyên truyền);
II. Đánh giá chung (ưu điểm; hạn chế, nguyên nhân); III. Nhiệm vụ thời gian tới;
IV. Đề xuất, kiến nghị; the activities in a table after the signature. An
activity marked Mật is counted but its words are not listed."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.enums import PROPAGANDA_QUANTITIES

from ..model import Block, Table
from ..text import nfc
from .activities import form_bullet
from .appendix import cited_number
from .inputs import CampaignFacts, ListedActivity
from .words import campaign_subject
from .writer import Writer

FORM_SHORT = {"truc_quan": "Trực quan", "loa_dai": "Loa, đài truyền thanh",
              "truc_tuyen": "Trên mạng", "an_pham": "Tờ rơi, tài liệu",
              "van_hoa": "Văn hóa, văn nghệ", "mieng": "Tuyên truyền miệng"}
UNITS = {fld: unit for fld, _label, unit in PROPAGANDA_QUANTITIES}
CLASSIFIED = "(Hoạt động được đánh dấu Mật, không nêu nội dung)"
HEADER = ("TT", "Ngày", "Nội dung", "Hình thức", "Địa bàn", "Kết quả")


def span_text(w: Writer) -> str:
    """"Từ ngày 01/10/2026 đến ngày 24/11/2026" (to the cut-off while it runs)."""
    p = w.i.period
    end = w.i.cutoff if w.i.cutoff is not None and w.i.cutoff < p.end else p.end
    return f"Từ ngày {vf.short_date(p.start)} đến ngày {vf.short_date(end)}"


def campaign_basis(w: Writer, name: str) -> str:
    """The opening's basis: the plan the campaign carried out, to be cited by the officer."""
    return f"Thực hiện Kế hoạch số … ngày … về tuyên truyền “{name}”"


def _reach(w: Writer, c: CampaignFacts) -> str:
    """" tại 03 khu dân cư, với sự tham gia của 02 chi bộ" (what the records name)."""
    text = f" tại {w.n(c.areas)} khu dân cư" if c.areas else ""
    if c.cells:
        text += f", với sự tham gia của {w.n(c.cells)} chi bộ"
    return text


def campaign_outline(w: Writer) -> tuple[str, str]:
    """Write the sections; (trích yếu, subject of the opening)."""
    c = w.i.campaign
    name = nfc(c.name)
    subject = campaign_subject(name)
    w.h(f"{w.roman(1)} KẾT QUẢ THỰC HIỆN")
    w.h(f"{w.sub(1)} Công tác tham mưu, chỉ đạo", 2)
    w.text_or("advice", "[Nêu kế hoạch, hướng dẫn, công văn đã ban hành để triển khai đợt "
                        "tuyên truyền, ghi rõ số, ký hiệu.]")
    w.h(f"{w.sub(2)} Kết quả tuyên truyền", 2)
    if c.total:
        w.para(f"{span_text(w)}, {w.actor} tổ chức {w.n(c.total)} hoạt động tuyên truyền "
               f"“{name}”{_reach(w, c)}, cụ thể:")
        forms = list(c.by_form.items())
        for k, (code, count) in enumerate(forms):
            w.blocks.append(form_bullet(w, code, count, "." if k == len(forms) - 1 else ";"))
        w.para("(Danh sách các hoạt động tại phụ lục kèm theo.)")
        if w.texts.get("propaganda"):
            w.text_or("propaganda", "")
    else:
        w.para(f"{span_text(w)}, chưa ghi nhận hoạt động tuyên truyền nào của đợt.")
        w.text_or("propaganda", "[Nêu các hoạt động tuyên truyền đã thực hiện: trực quan, loa "
                                "truyền thanh, mạng xã hội, tờ rơi, văn nghệ, nói chuyện.]")
    w.h(f"{w.roman(2)} ĐÁNH GIÁ CHUNG")
    w.h(f"{w.sub(1)} Ưu điểm", 2)
    w.text_or("strengths", "[Nêu ưu điểm nổi bật của đợt tuyên truyền.]")
    w.h(f"{w.sub(2)} Hạn chế, nguyên nhân", 2)
    w.text_or("weaknesses", "[Nêu hạn chế và nguyên nhân.]")
    w.h(f"{w.roman(3)} NHIỆM VỤ THỜI GIAN TỚI")
    value = w.texts.get("tasks")
    items = value if isinstance(value, (list, tuple)) else ([value] if value else [])
    if items:
        for k, item in enumerate(items, 1):
            w.para(f"{k}. {str(item).strip()}")
    else:
        w.para("[Nêu các nhiệm vụ tiếp tục tuyên truyền, đơn vị thực hiện và thời hạn.]")
    w.h(f"{w.roman(4)} ĐỀ XUẤT, KIẾN NGHỊ")
    w.text_or("proposals", "[Nêu đề xuất, kiến nghị (nếu có).]")
    return subject, subject


def _day(a: ListedActivity) -> str:
    if a.ends_on is None or a.ends_on == a.held_on:
        return vf.short_date(a.held_on)
    start = vf.short_date(a.held_on)
    if a.held_on.year == a.ends_on.year:
        start = start[:5]
    return f"{start}–{vf.short_date(a.ends_on)}"


def _result(w: Writer, a: ListedActivity) -> str:
    return ", ".join(f"{vf.number(n)} {UNITS.get(fld, fld)}" for fld, n in a.quantities.items()
                     if n)


def activity_row(w: Writer, k: int, a: ListedActivity) -> tuple[str, ...]:
    if a.classified:
        return (str(k), _day(a), CLASSIFIED, FORM_SHORT.get(a.form, a.form), "", _result(w, a))
    where = ", ".join(nfc(x) for x in (a.area or a.cell, a.place) if x)
    return (str(k), _day(a), nfc(a.title), FORM_SHORT.get(a.form, a.form), where,
            _result(w, a))


def campaign_appendix(w: Writer, number_text: str) -> tuple[Block, ...]:
    """The activities of the campaign, one row each (none: no appendix)."""
    c = w.i.campaign
    if not c.activities:
        return ()
    rows = tuple(activity_row(w, k, a) for k, a in enumerate(c.activities, 1))
    note = f"(Kèm theo Báo cáo {cited_number(number_text)} ngày {vf.short_date(w.i.issued_on)})"
    title = f"PHỤ LỤC\nCÁC HOẠT ĐỘNG TUYÊN TRUYỀN\n“{nfc(c.name).upper()}”"
    return (Table(HEADER, rows, (0.05, 0.15, 0.30, 0.12, 0.20, 0.18),
                  ("center", "center", "left", "left", "left", "left"), title=title,
                  note=note),)
