"""Validation of the propaganda activities, the online team's entries, the
exemplary models and the campaigns catalogue (same rules and wording as
validation.py, whose helpers it uses; validation.VALIDATORS includes these)."""

from __future__ import annotations

from datetime import date

from . import validation as base
from .enums import (QUANTITIES_BY_FORM, PROPAGANDA_QUANTITIES, Classification, ModelSubject,
                    OnlineAction, OnlineChannel, OnlineEntryKind, PropagandaForm, Recognition,
                    WrongContentKind)
from .records import Campaign, ExemplaryModel, OnlineEntry, PropagandaActivity

# Shares and reach online can run into the hundreds of thousands; beyond this a
# figure is a typo for one ward.
MAX_REACH = 10_000_000
# Copies, flags, minutes on air: a ward's year of them stays well below this.
MAX_QUANTITY = 1_000_000

LABELS: dict[type, dict[str, str]] = {
    Campaign: {"name": "Tên đợt, chủ đề", "note": "Ghi chú"},
    PropagandaActivity: {"title": "Nội dung tuyên truyền", "place": "Địa điểm, kênh",
                         "note": "Ghi chú"},
    OnlineEntry: {"summary": "Nội dung", "link": "Đường dẫn", "passed_to": "Chuyển cho"},
    ExemplaryModel: {"name": "Tên mô hình, tập thể, cá nhân", "description": "Mô tả",
                     "theme": "Chuyên đề năm", "recognition_level": "Cấp khen",
                     "recognition_doc": "Quyết định khen"},
}
QUANTITY_LABELS = {fld: label for fld, label, _unit in PROPAGANDA_QUANTITIES}
LARGE_QUANTITIES = frozenset({"shares", "reach", "people"})


def _quantity(v: base.Verdict, fld: str, value: int | None, label: str,
              maximum: int = MAX_QUANTITY) -> None:
    if value is None:
        v.error(fld, f"{label}: chưa nhập (ghi 0 nếu không có).")
    elif value < 0:
        v.error(fld, f"{label}: không được là số âm.")
    elif value > maximum:
        v.error(fld, f"{label}: {base._number(value)} vượt quá giới hạn {base._number(maximum)}, "
                     "xin kiểm tra lại.")


def _range(v: base.Verdict, fld: str, first: date | None, last: date | None, label: str,
           first_label: str) -> None:
    if first is not None and last is not None and last < first:
        v.error(fld, f"{label}: không được trước {first_label}.")


def validate_campaign(c: Campaign) -> base.Verdict:
    v = base.Verdict()
    base._required_text(v, "name", c.name, "Tên đợt, chủ đề")
    _range(v, "ends_on", c.starts_on, c.ends_on, "Ngày kết thúc", "ngày bắt đầu")
    base._texts(v, c, LABELS[Campaign])
    return v


def validate_propaganda(a: PropagandaActivity, known: base.Known, today: date) -> base.Verdict:
    v = base.Verdict()
    base._required_date(v, "held_on", a.held_on, "Ngày thực hiện", today)
    _range(v, "ends_on", a.held_on, a.ends_on, "Đến ngày", "ngày bắt đầu")
    base._required_text(v, "title", a.title, "Nội dung tuyên truyền")
    base._code(v, "form", a.form, PropagandaForm, "Hình thức")
    base._code(v, "classification", a.classification, Classification, "Độ mật")
    base._ref(v, "campaign_id", a.campaign_id, known.campaigns, "Đợt, chủ đề")
    base._ref(v, "area_id", a.area_id, known.areas, "Khu dân cư")
    base._ref(v, "cell_id", a.cell_id, known.cells, "Chi bộ")
    fits = QUANTITIES_BY_FORM.get(a.form, ())
    form = PropagandaForm.from_code(a.form)
    for fld, label, _unit in PROPAGANDA_QUANTITIES:
        value = getattr(a, fld)
        _quantity(v, fld, value, label, MAX_REACH if fld in LARGE_QUANTITIES else MAX_QUANTITY)
        if form is not None and fld not in fits and isinstance(value, int) and value > 0:
            v.error(fld, f"{label}: không thuộc hình thức “{form.label}”; ghi 0 hoặc chọn "
                         "đúng hình thức.")
    if form is not None and not v.errors and not any(getattr(a, f) for f in fits):
        v.warn(fits[0], "Chưa ghi số lượng nào của hoạt động.")
    base._texts(v, a, LABELS[PropagandaActivity])
    return v


def validate_online(e: OnlineEntry, known: base.Known, today: date) -> base.Verdict:
    v = base.Verdict()
    base._required_date(v, "noted_on", e.noted_on, "Ngày", today)
    base._required_text(v, "summary", e.summary, "Nội dung")
    base._code(v, "entry_kind", e.entry_kind, OnlineEntryKind, "Loại việc")
    base._code(v, "channel", e.channel, OnlineChannel, "Kênh")
    base._code(v, "classification", e.classification, Classification, "Độ mật")
    base._ref(v, "member_id", e.member_id, known.people, "Thành viên nhóm")
    for fld, label in (("posts", "Bài đăng"), ("shares", "Lượt chia sẻ"),
                       ("reach", "Lượt tiếp cận"), ("entries", "Số bài dự thi")):
        _quantity(v, fld, getattr(e, fld), label, MAX_REACH)
    found = e.entry_kind == OnlineEntryKind.PHAT_HIEN.value
    if found:
        if e.content_kind is None:
            v.error("content_kind", "Loại thông tin xấu: chưa chọn.")
        else:
            base._code(v, "content_kind", e.content_kind, WrongContentKind, "Loại thông tin xấu")
        if e.action is None:
            v.error("action", "Biện pháp xử lý: chưa chọn.")
        else:
            base._code(v, "action", e.action, OnlineAction, "Biện pháp xử lý")
        if e.action == OnlineAction.CHUYEN_CO_QUAN.value and not (e.passed_to or "").strip():
            v.warn("passed_to", "Đã chuyển cơ quan chức năng nhưng chưa ghi chuyển cho ai.")
    else:
        for fld, label in (("content_kind", "Loại thông tin xấu"), ("action", "Biện pháp xử lý")):
            if getattr(e, fld) is not None:
                v.error(fld, f"{label}: chỉ ghi cho việc “{OnlineEntryKind.PHAT_HIEN.label}”.")
    if v.ok and e.entry_kind == OnlineEntryKind.DANG_TIN.value and not (e.posts or e.shares):
        v.warn("posts", "Chưa ghi số bài đăng hay lượt chia sẻ.")
    if v.ok and e.entry_kind == OnlineEntryKind.DU_THI.value and not e.entries:
        v.warn("entries", "Chưa ghi số bài dự thi.")
    base._texts(v, e, LABELS[OnlineEntry])
    return v


def validate_model(m: ExemplaryModel, known: base.Known, today: date) -> base.Verdict:
    v = base.Verdict()
    base._required_date(v, "noted_on", m.noted_on, "Ngày đăng ký", today)
    base._required_text(v, "name", m.name, "Tên mô hình, tập thể, cá nhân")
    base._code(v, "subject", m.subject, ModelSubject, "Loại")
    base._code(v, "recognition", m.recognition, Recognition, "Biểu dương, khen thưởng")
    base._code(v, "classification", m.classification, Classification, "Độ mật")
    base._ref(v, "cell_id", m.cell_id, known.cells, "Chi bộ")
    base._ref(v, "area_id", m.area_id, known.areas, "Khu dân cư")
    if m.recognized_on is not None and m.recognized_on > today:
        v.error("recognized_on", f"Ngày khen: ngày {m.recognized_on:%d/%m/%Y} còn ở tương lai.")
    recognised = m.recognition != Recognition.CHUA.value
    if not recognised and (m.recognized_on or (m.recognition_doc or "").strip()):
        v.error("recognition", "Biểu dương, khen thưởng: đã ghi quyết định hoặc ngày khen "
                               "nhưng chọn “Chưa”.")
    if recognised and v.ok and not (m.recognition_level or "").strip():
        v.warn("recognition_level", "Đã biểu dương, khen thưởng nhưng chưa ghi cấp khen.")
    if m.replicated and not m.assessed:
        v.warn("replicated", "Đã nhân rộng nhưng chưa đánh giá, xin kiểm tra lại.")
    base._texts(v, m, LABELS[ExemplaryModel])
    return v


ACTIVITY_VALIDATORS = {
    "campaigns": lambda r, known, today: validate_campaign(r),
    "propaganda": validate_propaganda,
    "online": validate_online,
    "models": validate_model,
}
