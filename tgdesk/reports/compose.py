"""Compose the text of a report from the figures: the sentences an officer
would write, the outline of report-format.md (e), and the appendix table.

Pure functions over domain data; the service layer fetches the figures.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from tgdesk import vnformat as vf
from tgdesk.domain.enums import (ATTENDANCE_CATEGORIES, Attitude, Concern, DocumentKind,
                                 MeetingType, OpinionSource, PersonRole)
from tgdesk.domain.figures import DocumentStudied, Figures
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.domain.records import UnitSettings

from .layout import break_line, max_left_mm
from .model import (Block, Bullet, Header, Heading, Paragraph, ReportData, Signature, Table,
                    TitleBlock)
from .profile import Profile
from .text import apply_uy_style, nfc

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_PART = ["Phần thứ nhất", "Phần thứ hai", "Phần thứ ba", "Phần thứ tư"]
KINDS = ("work", "opinion")


@dataclass(frozen=True)
class Inputs:
    """Everything a report is composed from."""
    kind: str                      # "work" | "opinion"
    period: Period
    unit: UnitSettings
    current: Figures
    previous: Figures
    last_year: Figures
    issued_on: date
    cutoff: date | None = None     # figures counted up to this day (period still running)
    number: int | None = None      # None: a draft ("Số     -BC/ĐU")
    texts: dict | None = None
    data_since: date | None = None  # first day the database has records: no comparison before
    issued: tuple[IssuedDoc, ...] = ()   # the unit's own reports issued within the period
    sources: dict = dataclasses.field(default_factory=dict)   # opinion notes by source code
    network: dict = dataclasses.field(default_factory=dict)   # active people by role code
    actor: str | None = None       # who did what the figures count; None: this unit


@dataclass(frozen=True)
class IssuedDoc:
    """A report the unit issued (from the register), cited in "tham mưu"."""
    number_text: str               # "01-BC/ĐU"
    issued_on: date
    kind: str                      # "work" | "opinion"
    period: Period


# --- words for a period -----------------------------------------------------

def _unit_word(p: Period) -> str:
    return {PeriodKind.MONTH: "tháng", PeriodKind.QUARTER: "quý", PeriodKind.HALF: "6 tháng",
            PeriodKind.YEAR: "năm"}.get(p.kind, "kỳ")


def _previous_word(p: Period) -> str:
    return {PeriodKind.MONTH: "tháng trước", PeriodKind.QUARTER: "quý trước",
            PeriodKind.HALF: "6 tháng trước", PeriodKind.YEAR: "năm trước"}.get(p.kind, "kỳ trước")


def _next_label(p: Period, same_year_short: bool = True) -> tuple[str, str]:
    """(this period short, next period) for the trích yếu, e.g. ("tháng 11", "tháng 12 năm 2026")."""
    n = p.previous().__class__  # Period
    s = p.start
    if p.kind is PeriodKind.MONTH:
        nxt = n.month(s.year + 1, 1) if s.month == 12 else n.month(s.year, s.month + 1)
        this = f"tháng {s.month}"
    elif p.kind is PeriodKind.QUARTER:
        q = (s.month - 1) // 3 + 1
        nxt = n.quarter(s.year + 1, 1) if q == 4 else n.quarter(s.year, q + 1)
        this = f"quý {_ROMAN[q - 1]}"
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
        return f"Quý {_ROMAN[(s.month - 1) // 3]}/{s.year}"
    if p.kind is PeriodKind.HALF:
        return f"6 tháng {'đầu' if s.month == 1 else 'cuối'} {s.year}"
    if p.kind is PeriodKind.YEAR:
        return f"Năm {s.year}"
    return f"{vf.short_date(p.start)}–{vf.short_date(p.end)}"


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


def _parent_committee(unit: UnitSettings) -> str:
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


# --- the composer ----------------------------------------------------------

class Composer:
    def __init__(self, inp: Inputs, profile: Profile):
        self.i, self.p = inp, profile
        self.texts = {k: v for k, v in (inp.texts or {}).items() if v}
        self.full_name, self.short_name = unit_sentence_name(inp.unit)
        self.actor = inp.actor or self.short_name
        self.blocks: list[Block] = []
        self.word = _unit_word(inp.period)
        self.within = "Trong kỳ" if inp.period.kind is PeriodKind.CUSTOM else f"Trong {self.word}"

    # formatting helpers
    def n(self, value: int) -> str:
        return vf.count(value, pad=self.p.count_padding)

    def roman(self, k: int) -> str:
        return self.p.section_numbering.format(roman=_ROMAN[k - 1])

    def sub(self, k: int) -> str:
        return self.p.subsection_numbering.format(n=k)

    def h(self, text: str, level: int = 1, label: str | None = None) -> None:
        self.blocks.append(Heading(text, level, label))

    def para(self, text: str) -> None:
        self.blocks.append(Paragraph(text))

    def text_or(self, key: str, default: str) -> None:
        """The officer's own words for a section, else an editable default."""
        value = self.texts.get(key)
        items = value if isinstance(value, (list, tuple)) else ([value] if value else [default])
        for item in items:
            item = str(item).strip()
            if item.startswith("- ") or item.startswith("+ "):
                self.blocks.append(Bullet(item))
            else:
                self.para(item)

    def covered(self, figs: Figures) -> bool:
        """Whether the database holds records for (about) the whole of a period: the
        first record falls before it or within its first tenth (a unit's records
        rarely start on the 1st: holidays, the first meeting of the month)."""
        since = self.i.data_since
        if since is None:            # no records at all: nothing to compare with
            return False
        return (since - figs.start).days <= (figs.end - figs.start).days / 10

    def compare(self, cur: int, unit: str, what: str = "") -> str:
        """"tăng 03 cuộc so với tháng trước, bằng cùng kỳ năm trước"; a period the
        database does not cover (records start later) is not compared."""
        parts = []
        i = self.i
        refs = [(i.last_year, "cùng kỳ năm trước")]
        if i.period.kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.CUSTOM):
            refs.insert(0, (i.previous, _previous_word(i.period)))
        for figs, label in refs:
            if not self.covered(figs):
                continue
            old = _get(figs, what)
            if cur > old:
                parts.append(f"tăng {self.n(cur - old)} {unit} so với {label}")
            elif cur < old:
                parts.append(f"giảm {self.n(old - cur)} {unit} so với {label}")
            else:
                parts.append(f"bằng {label}")
        return ", ".join(parts)

    def tail(self, cur: int, unit: str, what: str) -> str:
        """The comparison after "; ", then the full stop (only "." when none)."""
        text = self.compare(cur, unit, what)
        return f"; {text}." if text else "."

    # sections
    def meetings_sentence(self) -> str:
        f = self.i.current
        if f.meetings_total == 0:
            return f"{self.within}, chưa ghi nhận hội nghị, cuộc họp nào."
        kinds = []
        order = {m.value: k for k, m in enumerate(MeetingType)}
        for code, count in sorted(f.meetings_by_type.items(),
                                  key=lambda kv: order.get(kv[0], len(order))):
            mt = MeetingType.from_code(code)
            if mt is MeetingType.KHAC:          # "Khác" last, as "02 cuộc khác"
                kinds.append(f"{self.n(count)} cuộc khác")
            else:
                kinds.append(f"{self.n(count)} {(mt.label if mt else code).lower()}")
        parts = []
        if f.meeting_attendance:
            parts.append(f"{self.n(f.meeting_attendance)} lượt người tham dự")
        if f.meeting_contributions:
            parts.append(f"{self.n(f.meeting_contributions)} ý kiến tham luận")
        return (f"{self.within}, {self.actor} tổ chức {self.n(f.meetings_total)} hội nghị, "
                f"cuộc họp ({', '.join(kinds)})" + (f" với {', '.join(parts)}" if parts else "")
                + self.tail(f.meetings_total, "cuộc", "meetings_total"))

    def study_sentences(self) -> list[Block]:
        f = self.i.current
        if f.study_sessions == 0:
            return [Paragraph(f"{self.within}, chưa ghi nhận buổi học tập, quán triệt nghị quyết, "
                              "chỉ thị nào.")]
        a = f.attendance
        cadres = a.get("key_cadres", 0) + a.get("party_members_present", 0)
        others = [f"{self.n(a.get(fld, 0))} lượt {label}"
                  for fld, label in ATTENDANCE_CATEGORIES[2:] if a.get(fld, 0)]
        text = (f"{self.within}, {self.actor} tổ chức {self.n(f.study_sessions)} buổi học tập, "
                f"quán triệt, triển khai nghị quyết, chỉ thị, kết luận của Đảng với "
                f"{self.n(f.study_participants)} lượt người tham dự, trong đó "
                f"{self.n(cadres)} lượt cán bộ, đảng viên")
        text += (", " + ", ".join(others)) if others else ""
        if f.party_rate is not None:
            text += (f"; tỷ lệ đảng viên tham dự đạt {vf.percent(f.party_rate)} "
                     f"({vf.number(f.party_members_present)}/{vf.number(f.party_members_expected)} "
                     "đảng viên được triệu tập)")
        text += self.tail(f.study_sessions, "buổi", "study_sessions")
        out: list[Block] = [Paragraph(text)]
        if f.documents:
            out.append(Paragraph("Các văn bản được học tập, quán triệt:"))
            for d in f.documents:
                out.append(Bullet(f"- {cite(d)}: {self.n(d.sessions)} buổi, "
                                  f"{self.n(d.participants)} lượt người tham dự;"))
            last = out[-1]
            out[-1] = Bullet(last.text[:-1] + ".")
        if f.reflections:
            out.append(Paragraph(f"Cán bộ, đảng viên viết {self.n(f.reflections)} bài thu hoạch."))
        return out

    def opinion_sentence(self) -> str:
        f = self.i.current
        if f.opinions_total == 0:
            return f"{self.within}, chưa ghi nhận ý kiến dư luận xã hội nào."
        text = (f"{self.within}, {self.actor} nắm bắt {self.n(f.opinions_total)} ý kiến"
                f"{self.sources_text()}")
        bx = f.opinions_by_attitude.get(Attitude.BUC_XUC.value, 0)
        extras = []
        if bx:
            extras.append(f"{self.n(bx)} ý kiến bức xúc")
        if f.hot_spots:
            extras.append(f"{self.n(f.hot_spots)} vấn đề điểm nóng")
        if extras:
            text += ", trong đó " + ", ".join(extras)
        cats = ", ".join(f"{name.lower()} ({self.n(c)})" for name, c in f.opinions_by_category.items())
        if cats:
            text += f"; tập trung vào các lĩnh vực: {cats}"
        return text + self.tail(f.opinions_total, "ý kiến", "opinions_total")

    def sources_text(self) -> str:
        """" (qua cộng tác viên dư luận xã hội: 120, sinh hoạt chi bộ: 30)" from the
        notes' sources; "" when none is recorded."""
        labels = {s.value: s.label for s in OpinionSource}
        parts = [f"{labels.get(code, code)[:1].lower()}{labels.get(code, code)[1:]}: "
                 f"{self.n(n)}" for code, n in self.i.sources.items() if n]
        return f" (qua {'; '.join(parts)})" if parts else ""

    def network_para(self, roles: tuple[PersonRole, ...]) -> None:
        """"Hiện nay, Đảng ủy phường có 06 báo cáo viên, 10 tuyên truyền viên." (the
        network as it stands now), only when it has members."""
        parts = [f"{self.n(self.i.network[r.value])} {r.label.lower()}" for r in roles
                 if self.i.network.get(r.value)]
        if parts:
            self.para(f"Hiện nay, {self.short_name} có {', '.join(parts)}.")

    # --- outlines --------------------------------------------------------
    def opening(self, subject: str) -> None:
        basis = self.p.opening_basis.format(parent_committee=_parent_committee(self.i.unit))
        default = f"{basis}; {self.full_name} báo cáo {subject} như sau:"
        self.text_or("opening", default)
        if self.i.cutoff is not None:
            self.para(f"(Số liệu tính đến {vf.long_date(self.i.cutoff)}.)")
        since, cur = self.i.data_since, self.i.current
        if since is None or since > cur.end:
            self.para(f"({self.within} chưa có số liệu được ghi nhận trong sổ theo dõi"
                      + (f"; số liệu bắt đầu từ ngày {vf.short_date(since)}" if since else "")
                      + ".)")
        elif not self.covered(cur):
            self.para(f"(Số liệu tính từ ngày {vf.short_date(since)}, ngày bắt đầu có dữ liệu.)")

    def issued_docs(self) -> None:
        """The reports this unit issued in the period (the register), cited in full."""
        docs = self.i.issued
        if not docs:
            return
        self.para(f"{self.within}, {self.short_name} ban hành {self.n(len(docs))} báo cáo "
                  "định kỳ:")
        for j, d in enumerate(docs):
            what = ("kết quả công tác tuyên giáo" if d.kind == "work"
                    else "tình hình tư tưởng và dư luận xã hội")
            end = "." if j == len(docs) - 1 else ";"
            self.blocks.append(Bullet(f"- Báo cáo số {d.number_text} ngày "
                                      f"{vf.short_date(d.issued_on)} về {what} "
                                      f"{d.period.label()}{end}"))

    def results(self, long: bool = False) -> None:
        k = 1
        self.h(f"{self.sub(k)} Công tác tham mưu giúp cấp ủy lãnh đạo, chỉ đạo" if long
               else f"{self.sub(k)} Công tác tham mưu, chỉ đạo", 2)
        self.text_or("advice", "[Nêu số kế hoạch, hướng dẫn, công văn đã ban hành, ghi rõ số, "
                               "ký hiệu.]")
        self.issued_docs()
        k += 1
        self.h(f"{self.sub(k)} Công tác tuyên truyền", 2)
        self.para(self.meetings_sentence())
        if long:
            self.network_para((PersonRole.BAO_CAO_VIEN, PersonRole.TUYEN_TRUYEN_VIEN))
        self.text_or("propaganda", "[Nêu các ngày kỷ niệm, sự kiện đã tuyên truyền; tuyên truyền "
                                   "trực quan, loa truyền thanh, trang thông tin điện tử, "
                                   "mạng xã hội.]")
        k += 1
        self.h(f"{self.sub(k)} Học tập, quán triệt nghị quyết, chỉ thị, kết luận của Đảng", 2)
        self.blocks.extend(self.study_sentences())
        k += 1
        self.h(f"{self.sub(k)} Tình hình tư tưởng, dư luận xã hội", 2)
        self.para(self.opinion_sentence())
        if long:
            self.network_para((PersonRole.CTV_DLXH,))
        if self.i.current.opinions_total:
            self.para("(Có báo cáo tình hình tư tưởng và dư luận xã hội riêng.)")
        k += 1
        self.h(f"{self.sub(k)} Công tác bảo vệ nền tảng tư tưởng của Đảng", 2)
        self.text_or("ideology", "[Nêu số tin, bài, bình luận đã đăng; lượt chia sẻ; thông tin "
                                 "xấu, độc đã phát hiện, báo cáo.]")
        k += 1
        self.h(f"{self.sub(k)} Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 2)
        self.text_or("ho_chi_minh", "[Nêu các mô hình, điển hình được biểu dương, khen thưởng.]")
        k += 1
        self.h(f"{self.sub(k)} Lý luận chính trị, khoa giáo và công tác khác", 2)
        self.text_or("other", "[Nêu kết quả bồi dưỡng lý luận chính trị, khoa giáo, văn hóa – "
                              "văn nghệ và các công tác khác.]")
        if long:
            k += 1
            self.h(f"{self.sub(k)} Đánh giá chung", 2)
            self.text_or("strengths", "[Nêu ưu điểm nổi bật trong kỳ.]")

    def tasks(self) -> None:
        value = self.texts.get("tasks")
        items = value if isinstance(value, (list, tuple)) else ([value] if value else [])
        if not items:
            self.para("[Nêu các nhiệm vụ trọng tâm, đơn vị thực hiện và thời hạn.]")
            return
        for k, item in enumerate(items, 1):
            self.para(f"{k}. {str(item).strip()}")

    def work_short(self) -> tuple[str, str]:
        p = self.i.period
        this, nxt = _next_label(p)
        if p.kind is PeriodKind.CUSTOM:
            summary = f"kết quả công tác tuyên giáo {p.label()}"
            return summary, summary
        summary = f"kết quả công tác tuyên giáo {this}, nhiệm vụ trọng tâm {nxt}"
        self.h(f"{self.roman(1)} KẾT QUẢ THỰC HIỆN")
        self.results()
        self.h(f"{self.roman(2)} ĐÁNH GIÁ CHUNG")
        self.h(f"{self.sub(1)} Ưu điểm", 2)
        self.text_or("strengths", "[Nêu ưu điểm nổi bật trong kỳ.]")
        self.h(f"{self.sub(2)} Hạn chế, nguyên nhân", 2)
        self.text_or("weaknesses", "[Nêu hạn chế và nguyên nhân.]")
        head = "THÁNG" if p.kind is PeriodKind.MONTH else "QUÝ"
        self.h(f"{self.roman(3)} NHIỆM VỤ TRỌNG TÂM {head} TỚI")
        self.tasks()
        self.h(f"{self.roman(4)} ĐỀ XUẤT, KIẾN NGHỊ")
        self.text_or("proposals", "[Nêu đề xuất, kiến nghị (nếu có).]")
        return summary, f"kết quả công tác tuyên giáo {p.label()}"

    def work_long(self) -> tuple[str, str]:
        p = self.i.period
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
        self.h("ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", 0, _PART[0])
        self.h(f"{self.roman(1)} KẾT QUẢ ĐẠT ĐƯỢC")
        self.results(long=True)
        self.h(f"{self.roman(2)} HẠN CHẾ, NGUYÊN NHÂN")
        self.text_or("weaknesses", "[Nêu hạn chế và nguyên nhân.]")
        if annual:
            self.h(f"{self.roman(3)} BÀI HỌC KINH NGHIỆM")
            self.text_or("lessons", "[Nêu bài học kinh nghiệm.]")
        self.h(f"PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {nxt.upper()}", 0, _PART[1])
        self.h(f"{self.roman(1)} NHIỆM VỤ TRỌNG TÂM")
        self.tasks()
        self.h(f"{self.roman(2)} ĐỀ XUẤT, KIẾN NGHỊ")
        default = "[Nêu đề xuất, kiến nghị (nếu có).]"
        if annual:
            default = "[Nêu đề xuất, kiến nghị; đề nghị khen thưởng tập thể, cá nhân (nếu có).]"
        self.text_or("proposals", default)
        word = "tổng kết" if annual else "sơ kết"
        return summary, f"{word} công tác tuyên giáo {p.label()}"

    def opinion(self) -> tuple[str, str]:
        p, f = self.i.period, self.i.current
        summary = (f"tình hình tư tưởng của cán bộ, đảng viên, Nhân dân và dư luận xã hội "
                   f"{p.label()}")
        self.h(f"{self.roman(1)} TÌNH HÌNH TƯ TƯỞNG CỦA CÁN BỘ, ĐẢNG VIÊN VÀ NHÂN DÂN")
        self.text_or("mood", "[Nêu tâm trạng chung, mức độ tin tưởng của cán bộ, đảng viên và "
                             "Nhân dân.]")
        if f.opinions_total:
            parts = [f"{self.n(f.opinions_by_attitude[a.value])} ý kiến {a.label.lower()}"
                     for a in Attitude if f.opinions_by_attitude.get(a.value)]
            self.para(f"{self.within}, {self.actor} nắm bắt {self.n(f.opinions_total)} ý "
                      f"kiến của cán bộ, đảng viên và Nhân dân{self.sources_text()}, trong đó "
                      f"{', '.join(parts)}"
                      f"{self.tail(f.opinions_total, 'ý kiến', 'opinions_total')}")
        else:
            self.para(f"{self.within}, chưa ghi nhận ý kiến dư luận xã hội nào.")
        self.h(f"{self.roman(2)} DƯ LUẬN XÃ HỘI")
        k = 1
        self.h(f"{self.sub(k)} Dư luận theo lĩnh vực", 2)
        if f.opinions_by_category:
            self.para("Các ý kiến tập trung vào các lĩnh vực:")
            items = list(f.opinions_by_category.items())
            for j, (name, count) in enumerate(items):
                end = "." if j == len(items) - 1 else ";"
                self.blocks.append(Bullet(f"- {name}: {self.n(count)} ý kiến{end}"))
        else:
            self.para("Chưa ghi nhận ý kiến theo lĩnh vực.")
        self.text_or("opinion_details", "[Nêu nội dung dư luận về tình hình quốc tế, trong nước, "
                                        "thành phố và trên địa bàn phường.]")
        k += 1
        self.h(f"{self.sub(k)} Những vấn đề băn khoăn, bức xúc", 2)
        levels = [f"{self.n(f.opinions_by_concern[c.value])} ý kiến ở mức "
                  f"{c.label.lower()}" for c in Concern
                  if c is not Concern.DIEM_NONG and f.opinions_by_concern.get(c.value)]
        hot = (f"có {self.n(f.hot_spots)} vấn đề điểm nóng" if f.hot_spots
               else "không có vấn đề điểm nóng")
        if f.opinions_total:
            text = f"Về mức độ quan tâm: {', '.join(levels)}; {hot}." if levels else \
                f"Về mức độ quan tâm: {hot}."
            if f.open_follow_ups:
                text += (f" Đến nay còn {self.n(f.open_follow_ups)} ý kiến chưa giải quyết "
                         "xong, đang tiếp tục theo dõi, phản ánh đến cấp ủy, chính quyền.")
            else:
                text += " Các ý kiến đã được giải quyết, trả lời xong."
            self.para(text)
        else:
            self.para("Không có vấn đề điểm nóng.")
        self.text_or("hot_spots", "[Nêu cụ thể các vấn đề bức xúc, điểm nóng và việc xử lý.]")
        k += 1
        self.h(f"{self.sub(k)} Thông tin sai trái, thù địch trên mạng xã hội", 2)
        self.text_or("hostile", "[Nêu thông tin sai trái, thù địch đã phát hiện, báo cáo (nếu có).]")
        self.h(f"{self.roman(3)} NHẬN ĐỊNH, DỰ BÁO")
        self.text_or("outlook", "[Nêu nhận định, dự báo tình hình tư tưởng, dư luận thời gian tới.]")
        self.h(f"{self.roman(4)} ĐỀ XUẤT, KIẾN NGHỊ")
        self.text_or("proposals", "[Nêu đề xuất với cấp ủy, chính quyền về việc trả lời, xử lý, "
                                  "định hướng từng vấn đề.]")
        return summary, f"tình hình tư tưởng và dư luận xã hội {p.label()}"

    # --- appendix table ---------------------------------------------------
    def appendix(self, number_text: str) -> tuple[Block, ...]:
        i = self.i
        cols = [short_period(i.period)]
        figs = [i.current]
        if i.period.kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.CUSTOM):
            cols.append(short_period(i.period.previous()))
            figs.append(i.previous)
        cols.append(short_period(i.period.same_last_year()) + " (cùng kỳ)")
        figs.append(i.last_year)
        spec = list(APPENDIX_ROWS if i.kind == "work" else OPINION_ROWS)
        if i.kind == "opinion":
            names: list[str] = []
            for f in figs:
                names += [n for n in f.opinions_by_category if n not in names]
            at = spec.index(("Ý kiến dư luận xã hội", "ý kiến", "opinions_total")) + 1
            spec[at:at] = [(f"– {name}", "ý kiến", f"category.{name}") for name in names]
        rows = []
        for k, (label, unit, what) in enumerate(spec, 1):
            values = []
            for f in figs:
                v = _get(f, what)
                values.append(vf.percent(v) if what == "party_rate" else vf.number(v))
            rows.append((str(k), label, unit, *values))
        n = len(cols)
        data_w = 0.14 if n == 3 else 0.17
        widths = (0.07, 1 - 0.07 - 0.12 - data_w * n, 0.12) + (data_w,) * n
        number_part = number_text.split(" ", 1)[-1].strip() if number_text else ""
        note = f"(Kèm theo Báo cáo số {number_part} ngày {vf.short_date(i.issued_on)})"
        if number_part.startswith("-") or number_part.startswith("/"):
            note = f"(Kèm theo Báo cáo ngày {vf.short_date(i.issued_on)})"
        title = "PHỤ LỤC\nSỐ LIỆU " + ("CÔNG TÁC TUYÊN GIÁO" if i.kind == "work"
                                      else "DƯ LUẬN XÃ HỘI") + " " + i.period.label().upper()
        table = Table(("TT", "Chỉ tiêu", "Đơn vị", *cols), tuple(rows), widths,
                      ("center", "left", "center") + ("right",) * n, title=title, note=note)
        out: list[Block] = [table]
        partial = [c[:1].lower() + c[1:] for c, f in zip(cols, figs) if not self.covered(f)]
        if partial and i.data_since:
            out.append(Paragraph(f"Ghi chú: số liệu {', '.join(partial)} chỉ tính từ ngày "
                                 f"{vf.short_date(i.data_since)}, ngày bắt đầu có dữ liệu; "
                                 "không dùng để so sánh."))
        return tuple(out)


def _get(f: Figures, what: str) -> float:
    if what.startswith("meetings_by_type."):
        return f.meetings_by_type.get(what.split(".", 1)[1], 0)
    if what.startswith("attendance."):
        return f.attendance.get(what.split(".", 1)[1], 0)
    if what.startswith("category."):
        return f.opinions_by_category.get(what.split(".", 1)[1], 0)
    if what.startswith("attitude."):
        return f.opinions_by_attitude.get(what.split(".", 1)[1], 0)
    if what.startswith("concern."):
        return f.opinions_by_concern.get(what.split(".", 1)[1], 0)
    if what == "buc_xuc":
        return f.opinions_by_attitude.get(Attitude.BUC_XUC.value, 0)
    value = getattr(f, what)
    return value if value is not None else (None if what == "party_rate" else 0)


APPENDIX_ROWS: tuple[tuple[str, str, str], ...] = (
    ("Hội nghị, cuộc họp", "cuộc", "meetings_total"),
    ("Lượt người dự hội nghị, cuộc họp", "lượt", "meeting_attendance"),
    ("Ý kiến tham luận", "ý kiến", "meeting_contributions"),
    ("Buổi học tập, quán triệt", "buổi", "study_sessions"),
    ("Lượt người dự học tập", "lượt", "study_participants"),
    *((f"– Lượt {label}", "lượt", f"attendance.{fld}") for fld, label in ATTENDANCE_CATEGORIES),
    ("Tỷ lệ đảng viên tham dự", "%", "party_rate"),
    ("Bài thu hoạch", "bài", "reflections"),
    ("Ý kiến dư luận xã hội", "ý kiến", "opinions_total"),
    ("– Ý kiến bức xúc", "ý kiến", "buc_xuc"),
    ("– Vấn đề điểm nóng", "vấn đề", "hot_spots"),
    ("Ý kiến chưa giải quyết xong", "ý kiến", "open_follow_ups"),
)

OPINION_ROWS: tuple[tuple[str, str, str], ...] = (
    ("Ý kiến dư luận xã hội", "ý kiến", "opinions_total"),     # categories follow this row
    *((f"Ý kiến {a.label.lower()}", "ý kiến", f"attitude.{a.value}") for a in Attitude),
    *((f"Mức độ quan tâm {c.label.lower()}", "ý kiến", f"concern.{c.value}")
      for c in Concern if c is not Concern.DIEM_NONG),
    ("Vấn đề điểm nóng", "vấn đề", "hot_spots"),
    ("Ý kiến chưa giải quyết xong", "ý kiến", "open_follow_ups"),
)


def cite(d: DocumentStudied) -> str:
    """"Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về …"."""
    kind = DocumentKind.from_code(d.kind)
    text = kind.label if kind and kind is not DocumentKind.KHAC else "Văn bản"
    symbol = (d.number_symbol or "").strip()
    if symbol and symbol.lower().startswith(text.lower()):
        text = symbol                      # "Nghị quyết Đại hội XIII": a name, not a number
    elif symbol:
        text += f" số {symbol}"
    if d.issued_on:
        text += f" ngày {vf.short_date(d.issued_on)}"
    if d.issuer:
        text += f" của {d.issuer}"
    title = (d.title or "").strip()
    if title:
        if title.lower().startswith("về "):
            title = "về " + title[3:]
        else:
            if not title[:2].isupper():
                title = title[:1].lower() + title[1:]
            title = "về " + title
        text += " " + title
    return text


def _split_summary(text: str) -> tuple[str, ...]:
    if len(text) <= 55:
        return (text,)
    for sep in ("; ", ", "):
        pos = text.find(sep)
        if 15 < pos < len(text) - 10:
            return (text[:pos + 1], text[pos + 2:])
    return (text,)


def compose(inp: Inputs, profile: Profile) -> ReportData:
    """Build the ReportData of a report; every string already final."""
    if inp.kind not in KINDS:
        raise ValueError(f"Loại báo cáo “{inp.kind}” không hợp lệ (work, opinion).")
    c = Composer(inp, profile)
    unit = inp.unit
    # Outline first (it decides the subject); the opening goes in front.
    if inp.kind == "opinion":
        summary, subject = c.opinion()
    elif inp.period.kind in (PeriodKind.HALF, PeriodKind.YEAR):
        summary, subject = c.work_long()
    else:
        summary, subject = c.work_short()
        if inp.period.kind is PeriodKind.CUSTOM:
            c.blocks.clear()
            c.h(f"{c.roman(1)} KẾT QUẢ THỰC HIỆN")
            c.results()
            c.h(f"{c.roman(2)} ĐỀ XUẤT, KIẾN NGHỊ")
            c.text_or("proposals", "[Nêu đề xuất, kiến nghị (nếu có).]")
    body = c.blocks
    c.blocks = []
    c.opening(subject)
    body = c.blocks + body

    number_text = profile.format_number(inp.number, "BC", unit.doc_abbrev)
    place_date = f"{nfc(unit.place_name)}, {vf.long_date(inp.issued_on)}"
    limit = max_left_mm(profile, place_date)
    superior = (break_line(profile, nfc(unit.parent_name).upper(), "superior", limit)
                if profile.show_superior else "")
    issuer = break_line(profile, nfc(unit.name).upper(), "issuer", limit)
    closing = c.texts.get("closing") or (f"Trên đây là báo cáo {subject} của "
                                         f"{c.full_name}{profile.body_closing_end}")
    authority = nfc(unit.signer_authority)
    for party_form, form in profile.authority_forms.items():
        if authority.startswith(party_form):
            authority = form + authority[len(party_form):]
            break
    recips = c.texts.get("recipients")
    if isinstance(recips, str):
        recips = [r for r in recips.splitlines() if r.strip()]
    if not recips:
        recips = [r.format(parent_committee=_parent_committee(unit))
                  for r in profile.default_recipients]
    recipients = tuple(f"- {r.strip().lstrip('-').strip().rstrip(',;.')}"
                       f"{profile.recipient_line_end}" for r in recips) + (profile.archive_line,)
    data = ReportData(
        profile=profile.name,
        header=Header(superior=superior, issuer=issuer, number_text=number_text,
                      place_date=place_date, draft_mark=None),
        title=TitleBlock("BÁO CÁO", _split_summary(summary), profile.title_separator),
        body=tuple(body),
        closing=closing,
        signature=Signature(authority.upper(), nfc(unit.signer_title).upper(),
                            nfc(unit.signer_name)),
        recipients_label=profile.recipients_label,
        recipients=recipients,
        appendix=c.appendix(number_text),
        meta={"kind": inp.kind, "period": inp.period.code(), "summary": summary},
    )
    return finalize(data, profile)


def finalize(data: ReportData, profile: Profile) -> ReportData:
    """NFC and one ủy/uỷ style over every printed string."""
    def fix(value):
        if isinstance(value, str):
            return apply_uy_style(value, profile.uy_style)
        if isinstance(value, tuple):
            return tuple(fix(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value, **{
                f.name: fix(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name not in ("meta", "profile", "widths", "align", "level")})
        return value
    return fix(data)
