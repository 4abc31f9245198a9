"""The appendix table: each count beside the previous period and the same one last year
(the propaganda activities, online team and models too when there are any); then the
study coverage per document (coverage.py), a table of its own."""

from __future__ import annotations

import re

from tgdesk import vnformat as vf
from tgdesk.domain.enums import ATTENDANCE_CATEGORIES, Attitude, Concern
from tgdesk.domain.figures import Figures
from tgdesk.domain.period import PeriodKind

from ..model import Block, Paragraph, Table
from .coverage import coverage_table
from .words import short_period
from .writer import Writer, figure

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

# The rows of the propaganda activities, the online team and the models, each group
# only when one of the periods compared has records of its kind. Under the number
# of activities, one row per quantity some period has.
PROPAGANDA_ROWS: tuple[tuple[str, str, str], ...] = (
    ("Hoạt động tuyên truyền", "hoạt động", "propaganda_total"),)
QUANTITY_ROWS: dict[str, tuple[str, str]] = {
    "banners": ("– Băng rôn", "cái"), "slogans": ("– Khẩu hiệu", "cái"),
    "panos": ("– Pano", "cái"), "posters": ("– Áp phích", "tờ"),
    "flags": ("– Cờ Tổ quốc, cờ Đảng", "lá"), "bulletins": ("– Lượt phát thanh", "lượt"),
    "minutes_on_air": ("– Thời lượng phát thanh", "phút"),
    "posts": ("– Tin, bài đăng trên mạng", "bài"), "shares": ("– Lượt chia sẻ", "lượt"),
    "reach": ("– Lượt tiếp cận", "lượt"), "copies": ("– Tờ rơi, tài liệu", "bản"),
    "performances": ("– Chương trình, tiết mục", "tiết mục"),
    "sessions": ("– Buổi nói chuyện", "buổi"), "people": ("– Lượt người tham dự", "lượt"),
}
ONLINE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("Tin, bài nhóm cộng tác viên 35 đăng", "bài", "online_posts"),
    ("Lượt chia sẻ thông tin tích cực", "lượt", "online_shares"),
    ("Thông tin xấu, độc phát hiện", "tin", "wrong_found"),
    ("– Đã được gỡ bỏ", "tin", "wrong_action.da_go"),
    ("Bài dự thi bảo vệ nền tảng tư tưởng", "bài", "essay_entries"),
)
MODEL_ROWS: tuple[tuple[str, str, str], ...] = (
    ("Mô hình, điển hình học tập và làm theo Bác", "mô hình", "models_total"),
    ("– Đăng ký thực hiện", "mô hình", "models_registered"),
    ("– Đã được đánh giá", "mô hình", "models_assessed"),
    ("– Được nhân rộng", "mô hình", "models_replicated"),
    ("Mô hình, tập thể, cá nhân được biểu dương", "lượt", "recognised.bieu_duong"),
    ("Mô hình, tập thể, cá nhân được khen thưởng", "lượt", "recognised.khen_thuong"),
)

OPINION_ROWS: tuple[tuple[str, str, str], ...] = (
    ("Ý kiến dư luận xã hội", "ý kiến", "opinions_total"),     # categories follow this row
    *((f"Ý kiến {a.label.lower()}", "ý kiến", f"attitude.{a.value}") for a in Attitude),
    *((f"Mức độ quan tâm {c.label.lower()}", "ý kiến", f"concern.{c.value}")
      for c in Concern if c is not Concern.DIEM_NONG),
    ("Vấn đề điểm nóng", "vấn đề", "hot_spots"),
    ("Ý kiến chưa giải quyết xong", "ý kiến", "open_follow_ups"),
)


def cited_number(number_text: str) -> str:
    """The header's number as the appendix note cites it: "số 03-BC/ĐU"; a draft
    keeps the header's blank for the number ("số     -BC/ĐU"), filled when issued."""
    rest = re.sub(r"^\s*Số:?", "", number_text or "").rstrip()
    return "số" + (rest if rest[:1].isspace() or not rest else " " + rest)


def work_rows(figs: list[Figures]) -> list[tuple[str, str, str]]:
    """APPENDIX_ROWS with the propaganda rows after the meetings' and the online
    team's and models' at the end, the groups the periods compared have."""
    spec = list(APPENDIX_ROWS)
    if any(f.propaganda_total for f in figs):
        fields = [fld for fld in QUANTITY_ROWS if any(f.propaganda_quantities.get(fld)
                                                      for f in figs)]
        at = spec.index(("Ý kiến tham luận", "ý kiến", "meeting_contributions")) + 1
        spec[at:at] = [*PROPAGANDA_ROWS, *((*QUANTITY_ROWS[fld], f"quantity.{fld}")
                                           for fld in fields)]
    if any(f.online_entries for f in figs):
        spec += ONLINE_ROWS
    if any(f.models_total or f.recognised_count() for f in figs):
        spec += MODEL_ROWS
    return spec


def appendix(w: Writer, number_text: str) -> tuple[Block, ...]:
    """The table (PHỤ LỤC), then a note on columns the records do not fully cover."""
    i = w.i
    cols = [short_period(i.period)]
    figs = [i.current]
    if i.period.kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.CUSTOM):
        cols.append(short_period(i.period.previous()))
        figs.append(i.previous)
    cols.append(short_period(i.period.same_last_year()) + " (cùng kỳ)")
    figs.append(i.last_year)
    spec = work_rows(figs) if i.kind == "work" else list(OPINION_ROWS)
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
            v = figure(f, what)
            values.append(vf.percent(v) if what == "party_rate" else vf.number(v))
        rows.append((str(k), label, unit, *values))
    n = len(cols)
    data_w = 0.14 if n == 3 else 0.17
    widths = (0.07, 1 - 0.07 - 0.12 - data_w * n, 0.12) + (data_w,) * n
    note = f"(Kèm theo Báo cáo {cited_number(number_text)} ngày {vf.short_date(i.issued_on)})"
    title = "PHỤ LỤC\nSỐ LIỆU " + ("CÔNG TÁC TUYÊN GIÁO" if i.kind == "work"
                                  else "DƯ LUẬN XÃ HỘI") + " " + i.period.label().upper()
    table = Table(("TT", "Chỉ tiêu", "Đơn vị", *cols), tuple(rows), widths,
                  ("center", "left", "center") + ("right",) * n, title=title, note=note)
    out: list[Block] = [table]
    partial = [c[:1].lower() + c[1:] for c, f in zip(cols, figs) if not w.covered(f)]
    if partial and i.data_since:
        out.append(Paragraph(f"Ghi chú: số liệu {', '.join(partial)} chỉ tính từ ngày "
                             f"{vf.short_date(i.data_since)}, ngày bắt đầu có dữ liệu; "
                             "không dùng để so sánh."))
    studied = coverage_table(w)
    if studied is not None:
        out.append(studied)
    return tuple(out)
