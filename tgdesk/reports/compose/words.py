"""How a report names things: periods, the unit and its superior committee, documents studied."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.enums import DocumentKind
from tgdesk.domain.figures import DocumentStudied
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.domain.records import PartyDocument, UnitSettings

from ..text import nfc

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
PART = ["Phần thứ nhất", "Phần thứ hai", "Phần thứ ba", "Phần thứ tư"]


# --- words for a period -----------------------------------------------------

def unit_word(p: Period) -> str:
    return {PeriodKind.MONTH: "tháng", PeriodKind.QUARTER: "quý", PeriodKind.HALF: "6 tháng",
            PeriodKind.YEAR: "năm"}.get(p.kind, "kỳ")


def previous_word(p: Period) -> str:
    return {PeriodKind.MONTH: "tháng trước", PeriodKind.QUARTER: "quý trước",
            PeriodKind.HALF: "6 tháng trước", PeriodKind.YEAR: "năm trước"}.get(p.kind, "kỳ trước")


def next_label(p: Period, same_year_short: bool = True) -> tuple[str, str]:
    """(this period short, next period) for the trích yếu:
    ("tháng 11", "tháng 12 năm 2026")."""
    n = p.previous().__class__  # Period
    s = p.start
    if p.kind is PeriodKind.MONTH:
        nxt = n.month(s.year + 1, 1) if s.month == 12 else n.month(s.year, s.month + 1)
        this = f"tháng {s.month}"
    elif p.kind is PeriodKind.QUARTER:
        q = (s.month - 1) // 3 + 1
        nxt = n.quarter(s.year + 1, 1) if q == 4 else n.quarter(s.year, q + 1)
        this = f"quý {ROMAN[q - 1]}"
    else:
        return p.label(), ""
    if nxt.start.year != s.year or not same_year_short:
        this = p.label()
    return this, nxt.label()


def short_period(p: Period) -> str:
    s = p.start
    if p.kind is PeriodKind.MONTH:
        return f"Tháng {s.month}/{s.year}"
    if p.kind is PeriodKind.QUARTER:
        return f"Quý {ROMAN[(s.month - 1) // 3]}/{s.year}"
    if p.kind is PeriodKind.HALF:
        return f"6 tháng {'đầu' if s.month == 1 else 'cuối'} {s.year}"
    if p.kind is PeriodKind.YEAR:
        return f"Năm {s.year}"
    return f"{vf.short_date(p.start)}–{vf.short_date(p.end)}"


# --- words for the unit -----------------------------------------------------

def unit_sentence_name(unit: UnitSettings) -> tuple[str, str]:
    """("Đảng ủy phường Bình Tiên", "Đảng ủy phường") from "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"."""
    low = nfc(unit.name).lower()
    place = nfc(unit.place_name or "")
    short = low
    if place and place.lower() in low:
        short = low.replace(place.lower(), "").strip()
        low = low.replace(place.lower(), place)
    cap = (lambda t: t[:1].upper() + t[1:]) if low else (lambda t: t)
    return cap(low), cap(short)


def parent_committee(unit: UnitSettings) -> str:
    p = nfc(unit.parent_name or "").upper()
    if "THÀNH PHỐ" in p:
        return "Thành ủy"
    if "TỈNH" in p:
        return "Tỉnh ủy"
    if "QUẬN" in p:
        return "Quận ủy"
    if "HUYỆN" in p:
        return "Huyện ủy"
    return "cấp ủy cấp trên"


# --- words for a document and the title ---------------------------------------

def cite(d: DocumentStudied | PartyDocument, short: bool = False) -> str:
    """"Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về …"; a document
    without a number ("Đại hội XIII") by its name: its title when the title names
    it ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"), else
    "Nghị quyết Đại hội XIII ngày … của … về …". ``short``: without the date, the
    issuer and the title ("Nghị quyết số 35-NQ/TW"), for a document cited in full
    above."""
    kind = DocumentKind.from_code(d.kind)
    text = kind.label if kind and kind is not DocumentKind.KHAC else "Văn bản"
    symbol = (d.number_symbol or "").strip()
    title = (d.title or "").strip()
    named = symbol.lower().startswith(text.lower()) or not any(c.isdigit() for c in symbol)
    if symbol and named:
        if title.lower().startswith(text.lower()):
            return title
        text = symbol if symbol.lower().startswith(text.lower()) else f"{text} {symbol}"
    elif symbol:
        text += f" số {symbol}"
    if short:
        return text
    if d.issued_on:
        text += f" ngày {vf.short_date(d.issued_on)}"
    if d.issuer:
        text += f" của {d.issuer}"
    if title:
        if title.lower().startswith("về "):
            title = "về " + title[3:]
        else:
            if not title[:2].isupper():
                title = title[:1].lower() + title[1:]
            title = "về " + title
        text += " " + title
    return text


def split_summary(text: str) -> tuple[str, ...]:
    """The trích yếu on one line, or on two at its first "; " / ", " when long."""
    if len(text) <= 55:
        return (text,)
    for sep in ("; ", ", "):
        pos = text.find(sep)
        if 15 < pos < len(text) - 10:
            return (text[:pos + 1], text[pos + 2:])
    return (text,)


# --- words for a campaign -----------------------------------------------------

# First words of a campaign's name that are ordinary words, written in lower case
# after "kết quả tuyên truyền" ("Chào mừng Đại hội XIV" -> "chào mừng Đại hội XIV");
# any other first word may be a name ("Đại hội", "Ngày Quốc khánh") and is kept.
COMMON_LEADS = frozenset((
    "chào", "kỷ", "mừng", "hưởng", "học", "thực", "phòng", "đẩy", "bảo", "xây", "tăng",
    "phát", "nâng", "giữ", "toàn", "chung", "ngăn", "chống", "tiếp", "cuộc", "phong",
    "chiến", "đợt", "vận", "tổ", "triển", "phổ", "giáo", "an", "cải", "chuyển", "sắp",
    "bầu", "lấy", "góp", "các", "những", "tháng", "năm", "chủ", "gương", "người"))


def campaign_subject(name: str) -> str:
    """"kết quả tuyên truyền chào mừng Đại hội XIV của Đảng" from the campaign's name
    (a leading "Tuyên truyền" is not repeated)."""
    text = " ".join(nfc(name or "").split())
    if text.lower().startswith("tuyên truyền "):
        text = text[len("tuyên truyền "):]
    first = text.split(" ", 1)[0].lower()
    if first in COMMON_LEADS:
        text = text[:1].lower() + text[1:]
    return f"kết quả tuyên truyền {text}".rstrip()
