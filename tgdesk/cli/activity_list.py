"""`tgdesk list propaganda|online|models`: the options of these kinds, their
filters and the columns of their text table (cli/records.py runs the command)."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.enums import (QUANTITIES_BY_FORM, PROPAGANDA_QUANTITIES, ModelSubject,
                                 OnlineAction, OnlineChannel, OnlineEntryKind, PropagandaForm,
                                 Recognition, StudyForm)
from tgdesk.domain.text import fold
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

ACTIVITY_KINDS = ("propaganda", "online", "models")
# --cell, --area, --campaign: the kinds they filter (ignored for the others, as
# every kind-specific option of `list` is).
CELL_KINDS = ("studies", "propaganda", "models")
AREA_KINDS = ("opinions", "propaganda", "models")
FORM_CODES = list(dict.fromkeys(StudyForm.codes() + PropagandaForm.codes()))
_UNITS = {fld: unit for fld, _label, unit in PROPAGANDA_QUANTITIES}


def add_options(ls) -> None:
    """The options of `list` for the kinds of issue 15 (and --cell, --area for all)."""
    ls.add_argument("--campaign", metavar="MÃ|TÊN",
                    help="tuyên truyền: đợt, chủ đề (mã hoặc đúng tên trong danh mục)")
    ls.add_argument("--cell", metavar="MÃ|TÊN",
                    help="học tập, tuyên truyền, mô hình: chi bộ (mã hoặc đúng tên)")
    ls.add_argument("--area", metavar="MÃ|TÊN",
                    help="dư luận, tuyên truyền, mô hình: khu dân cư (mã hoặc đúng tên)")
    ls.add_argument("--entry-kind", dest="online_kind", choices=OnlineEntryKind.codes(),
                    help="nhóm trên mạng: loại việc (đăng tin, phát hiện thông tin xấu, dự thi)")
    ls.add_argument("--channel", choices=OnlineChannel.codes(), help="nhóm trên mạng: kênh")
    ls.add_argument("--subject", dest="model_subject", choices=ModelSubject.codes(),
                    help="mô hình: mô hình, tập thể hay cá nhân")
    ls.add_argument("--recognition", choices=Recognition.codes(),
                    help="mô hình: biểu dương, khen thưởng")


def _catalogue_id(ctx: Context, kind: str, text: str | None, noun: str) -> int | None:
    """The id of a catalogue row given by its id or its exact name (case and
    diacritics as typed or not); UserError naming the catalogue if none or several."""
    if text is None:
        return None
    from tgdesk.services import lists

    rows = lists.catalogue(ctx, kind)
    if text.strip().isdigit():
        rid = int(text)
        if any(r["id"] == rid for r in rows):
            return rid
        raise UserError(f"Không có {noun} mã {rid} (xem danh mục).")
    want = fold(text).strip()
    hits = [r["id"] for r in rows if fold(r["name"]).strip() == want]
    if not hits:
        raise UserError(f"Không có {noun} “{text}” trong danh mục.")
    if len(hits) > 1:
        raise UserError(f"Có {len(hits)} {noun} cùng tên “{text}”; dùng mã số.")
    return hits[0]


def filter_fields(ctx: Context, args) -> dict:
    """The ListFilter fields these options give, checked against the kind."""
    form = args.study_form
    if form is not None:
        allowed = PropagandaForm if args.kind == "propaganda" else StudyForm
        if args.kind in ("studies", "propaganda") and allowed.from_code(form) is None:
            raise UserError(f"--form {form}: không phải hình thức của loại {args.kind} (dùng: "
                            + ", ".join(allowed.codes()) + ").")
    return {
        "study_form": form if args.kind == "studies" else None,
        "propaganda_form": form if args.kind == "propaganda" else None,
        "campaign_id": _catalogue_id(ctx, "campaigns", args.campaign, "đợt, chủ đề"),
        "cell_id": _catalogue_id(ctx, "cells", args.cell, "chi bộ"),
        "area_id": _catalogue_id(ctx, "areas", args.area, "khu dân cư"),
        "online_kind": args.online_kind, "channel": args.channel,
        "model_subject": args.model_subject, "recognition": args.recognition,
    }


def _label(enum, code) -> str:
    member = enum.from_code(code)
    return member.label.split(" (")[0] if member else (code or "")


def _days(first, last) -> str:
    return vf.short_date(first) + (f"–{vf.short_date(last)}" if last and last != first else "")


def quantities(r: dict) -> str:
    """“12 băng rôn, 3 pano”: the filled quantities of an activity's form."""
    return ", ".join(f"{vf.number(r[f])} {_UNITS[f]}" for f in QUANTITIES_BY_FORM.get(r["form"], ())
                     if r.get(f))


def _online_figures(r: dict) -> str:
    if r["entry_kind"] == "phat_hien":
        return _label(OnlineAction, r["action"])
    if r["entry_kind"] == "du_thi":
        return f"{vf.number(r['entries'])} bài dự thi"
    parts = [(r["posts"], "bài đăng"), (r["shares"], "lượt chia sẻ"), (r["reach"], "lượt tiếp cận")]
    return ", ".join(f"{vf.number(n)} {unit}" for n, unit in parts if n)


def _progress(r: dict) -> str:
    steps = [("registered", "đăng ký"), ("assessed", "đánh giá"), ("replicated", "nhân rộng")]
    return ", ".join(label for fld, label in steps if r[fld])


TABLE_COLUMNS = {
    "propaganda": [
        ("Ngày", lambda r: _days(r["held_on"], r["ends_on"])),
        ("Hình thức", lambda r: _label(PropagandaForm, r["form"])),
        ("Nội dung", lambda r: r["title"]),
        ("Đợt, chủ đề", lambda r: r["campaign"] or ""),
        ("Nơi", lambda r: r["place"] or r["area"] or r["cell"] or ""),
        ("Số lượng", quantities),
    ],
    "online": [
        ("Ngày", lambda r: vf.short_date(r["noted_on"])),
        ("Loại việc", lambda r: _label(OnlineEntryKind, r["entry_kind"])),
        ("Kênh", lambda r: _label(OnlineChannel, r["channel"])),
        ("Thành viên", lambda r: r["member"] or ""),
        ("Nội dung", lambda r: r["summary"]),
        ("Số liệu, xử lý", _online_figures),
    ],
    "models": [
        ("Ngày", lambda r: vf.short_date(r["noted_on"])),
        ("Loại", lambda r: _label(ModelSubject, r["subject"])),
        ("Tên", lambda r: r["name"]),
        ("Chi bộ, khu dân cư", lambda r: r["cell"] or r["area"] or ""),
        ("Tiến độ", _progress),
        ("Biểu dương, khen thưởng", lambda r: _label(Recognition, r["recognition"])
         + (f" ({r['recognition_level']})" if r["recognition_level"] else "")),
    ],
}
