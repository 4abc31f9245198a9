"""The work report's sections written from the propaganda activities, the online
team's entries (Nghị quyết 35-NQ/TW) and the exemplary models (Chỉ thị 05-CT/TW).

Each section gives the figures, then the officer's own words for it; the
placeholder "[Nêu …]" stays only when the period has no record of its kind.
Only figures and catalogue names are quoted, never an entry's text (an online
entry marked Mật stays out of the report's words)."""

from __future__ import annotations

from tgdesk.domain.enums import OnlineAction, Recognition, WrongContentKind
from tgdesk.domain.figures import ActivityCount, CampaignCount, Figures

from ..model import Block, Bullet, Paragraph
from .writer import Writer

# How a report names each form, and what it did, quantity by quantity (in the
# order of enums.PROPAGANDA_QUANTITIES), joined by the form's word:
# "treo 12 băng rôn, 30 khẩu hiệu và 300 lá cờ Tổ quốc, cờ Đảng".
FORM_WORDS = {
    "truc_quan": "Tuyên truyền trực quan",
    "loa_dai": "Loa, đài truyền thanh",
    "truc_tuyen": "Trên trang thông tin điện tử, mạng xã hội",
    "an_pham": "Tờ rơi, tài liệu",
    "van_hoa": "Văn hóa, văn nghệ, thể thao",
    "mieng": "Tuyên truyền miệng",
}
QUANTITY_WORDS = {        # "{n}": the quantity
    "banners": "{n} băng rôn", "slogans": "{n} khẩu hiệu", "panos": "{n} pano",
    "posters": "{n} áp phích", "flags": "{n} lá cờ Tổ quốc, cờ Đảng",
    "bulletins": "phát thanh {n} lượt", "minutes_on_air": "thời lượng {n} phút",
    "posts": "đăng {n} tin, bài", "shares": "{n} lượt chia sẻ",
    "reach": "tiếp cận {n} lượt người", "copies": "phát hành {n} tờ rơi, tài liệu",
    "performances": "{n} chương trình, tiết mục", "sessions": "{n} buổi nói chuyện",
    "people": "{n} lượt người tham dự",
}
# (before the first, between, before the last) per form; others: ("", "; ", "; ").
FORM_JOINS = {"truc_quan": ("treo ", ", ", " và "), "loa_dai": ("", ", ", ", "),
              "van_hoa": ("", ", ", " với "), "mieng": ("", ", ", " với ")}
WRONG_WORDS = {
    WrongContentKind.SAI_SU_THAT.value: "thông tin sai sự thật",
    WrongContentKind.XUYEN_TAC.value: "nội dung xuyên tạc, bôi nhọ",
    WrongContentKind.THU_DICH.value: "quan điểm sai trái, thù địch",
    WrongContentKind.KICH_DONG.value: "nội dung kích động, gây rối",
}
ACTION_WORDS = {     # what was done ("đã …, …"); "{n}" is the number of cases
    OnlineAction.BAO_CAO_NEN_TANG.value: "báo cáo vi phạm với nền tảng {n} trường hợp",
    OnlineAction.PHAN_BAC.value: "đăng bài phản bác, định hướng {n} trường hợp",
    OnlineAction.CHUYEN_CO_QUAN.value: "chuyển cơ quan chức năng {n} trường hợp",
}
OUTCOME_WORDS = {    # where it stands
    OnlineAction.DA_GO.value: "{n} trường hợp đã được gỡ bỏ",
    OnlineAction.THEO_DOI.value: "{n} trường hợp đang tiếp tục theo dõi",
}
SUBJECT_WORDS = {"mo_hinh": "mô hình, cách làm hay", "tap_the": "tập thể điển hình",
                 "ca_nhan": "cá nhân điển hình"}
SUBJECT_NOUNS = {"mo_hinh": "mô hình", "tap_the": "tập thể", "ca_nhan": "cá nhân"}
# Campaigns named one by one in the propaganda section; more are counted.
CAMPAIGNS_NAMED = 5

PROPAGANDA_PLACEHOLDER = ("[Nêu các ngày kỷ niệm, sự kiện đã tuyên truyền; tuyên truyền trực "
                          "quan, loa truyền thanh, trang thông tin điện tử, mạng xã hội.]")
IDEOLOGY_PLACEHOLDER = ("[Nêu số tin, bài, bình luận đã đăng; lượt chia sẻ; thông tin xấu, "
                        "độc đã phát hiện, báo cáo.]")
MODELS_PLACEHOLDER = "[Nêu các mô hình, điển hình được biểu dương, khen thưởng.]"


def _listing(parts: list[str], between: str = ", ", last: str = " và ") -> str:
    """"a, b và c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return between.join(parts[:-1]) + last + parts[-1]


def quantities_text(w: Writer, form: str, quantities: dict[str, int]) -> str:
    """"treo 12 băng rôn, 30 khẩu hiệu và 300 lá cờ Tổ quốc, cờ Đảng" ("" for none)."""
    lead, between, last = FORM_JOINS.get(form, ("", "; ", "; "))
    parts = [QUANTITY_WORDS.get(fld, "{n} " + fld).format(n=w.n(n))
             for fld, n in quantities.items() if n]
    return lead + _listing(parts, between, last) if parts else ""


def form_bullet(w: Writer, code: str, count: ActivityCount, end: str) -> Bullet:
    """"- Tuyên truyền trực quan (02 hoạt động): treo 12 băng rôn, …;"."""
    head = f"- {FORM_WORDS.get(code, code)} ({w.n(count.activities)} hoạt động)"
    what = quantities_text(w, code, count.quantities)
    return Bullet(f"{head}: {what}{end}" if what else head + end)


def campaigns_text(w: Writer, campaigns: list[CampaignCount]) -> str:
    """"Các đợt tuyên truyền trọng tâm: “…” (04 hoạt động), “…” (02 hoạt động)."."""
    named = [f"“{c.name}” ({w.n(c.activities)} hoạt động)" for c in campaigns[:CAMPAIGNS_NAMED]]
    more = len(campaigns) - CAMPAIGNS_NAMED
    if more > 0:
        named.append(f"{w.n(more)} đợt, chủ đề khác")
    lead = "Các đợt tuyên truyền trọng tâm" if len(campaigns) > 1 else "Đợt tuyên truyền trọng tâm"
    return f"{lead}: {'; '.join(named)}."


def propaganda_blocks(w: Writer) -> list[Block]:
    """The activities of the period by form, with the campaigns they served."""
    f = w.i.current
    if not f.propaganda_total:
        return []
    compared = w.compare(f.propaganda_total, "hoạt động", "propaganda_total")
    out: list[Block] = [Paragraph(
        f"{w.within}, {w.actor} tổ chức {w.n(f.propaganda_total)} hoạt động tuyên truyền"
        + (f" ({compared})" if compared else "") + ", cụ thể:")]
    forms = list(f.propaganda_by_form.items())
    for k, (code, count) in enumerate(forms):
        out.append(form_bullet(w, code, count, "." if k == len(forms) - 1 else ";"))
    if f.propaganda_by_campaign:
        out.append(Paragraph(campaigns_text(w, f.propaganda_by_campaign)))
    return out


def _posts_sentence(w: Writer, f: Figures) -> str:
    team = f" ({w.n(f.online_team_members)} thành viên)" if f.online_team_members else ""
    did = []
    if f.online_posts:
        did.append(f"đăng {w.n(f.online_posts)} tin, bài")
    if f.online_shares:
        did.append(f"chia sẻ {w.n(f.online_shares)} lượt")
    text = (f"{w.within}, nhóm cộng tác viên 35 của {w.actor}{team} {_listing(did)} thông tin "
            "tích cực, chính thống trên mạng xã hội")
    if f.online_reach:
        text += f", tiếp cận {w.n(f.online_reach)} lượt người"
    what = ("online_posts", "tin, bài") if f.online_posts else ("online_shares", "lượt chia sẻ")
    return text + w.tail(getattr(f, what[0]), what[1], what[0])


def _wrong_sentence(w: Writer, f: Figures) -> str:
    kinds = [f"{w.n(n)} {WRONG_WORDS.get(code, code)}" for code, n in f.wrong_by_kind.items()]
    text = (f"Qua theo dõi, rà soát trên không gian mạng, phát hiện {w.n(f.wrong_found)} "
            "thông tin xấu, độc")
    if kinds:
        text += f" ({'; '.join(kinds)})"
    acts = f.wrong_by_action
    done = [ACTION_WORDS[c].format(n=w.n(n)) for c, n in acts.items() if c in ACTION_WORDS]
    if done:
        text += "; đã " + ", ".join(done)
    stands = [OUTCOME_WORDS[c].format(n=w.n(n)) for c, n in acts.items() if c in OUTCOME_WORDS]
    if stands:
        text += "; " + ", ".join(stands)
    return text + w.tail(f.wrong_found, "trường hợp", "wrong_found")


def ideology_blocks(w: Writer) -> list[Block]:
    """The online team's posts and shares, the wrong content found and what was done
    about it, the essay entries (figures only)."""
    f = w.i.current
    if not f.online_entries:
        return []
    out: list[Block] = []
    if f.online_posts or f.online_shares:
        out.append(Paragraph(_posts_sentence(w, f)))
    if f.wrong_found:
        out.append(Paragraph(_wrong_sentence(w, f)))
    else:
        out.append(Paragraph(f"{w.within}, chưa phát hiện thông tin xấu, độc trên không gian "
                             "mạng liên quan đến địa bàn."))
    if f.essay_entries:
        out.append(Paragraph(f"Cán bộ, đảng viên và Nhân dân tham gia {w.n(f.essay_entries)} "
                             "bài dự thi về bảo vệ nền tảng tư tưởng của Đảng."))
    return out


def _subjects(w: Writer, by_subject: dict[str, int], words: dict[str, str]) -> str:
    return "; ".join(f"{w.n(n)} {words.get(code, code)}" for code, n in by_subject.items() if n)


def _models_text(w: Writer, f: Figures, when: str) -> str:
    """"{when}, trên địa bàn có 04 mô hình, điển hình … được ghi nhận (…), trong đó …"."""
    text = (f"{when}, trên địa bàn có {w.n(f.models_total)} mô hình, điển hình trong học tập "
            f"và làm theo Bác được ghi nhận ({_subjects(w, f.models_by_subject, SUBJECT_WORDS)})")
    steps = [f"{w.n(n)} {what}" for n, what in (
        (f.models_registered, "đăng ký thực hiện"), (f.models_assessed, "đã được đánh giá"),
        (f.models_replicated, "được nhân rộng")) if n]
    return text + (", trong đó " + ", ".join(steps) if steps else "")


def _recognised_text(w: Writer, f: Figures) -> str:
    """"biểu dương 01 mô hình và 01 cá nhân; khen thưởng 01 mô hình" ("" for none)."""
    parts = []
    for recognition, verb in ((Recognition.BIEU_DUONG.value, "biểu dương"),
                              (Recognition.KHEN_THUONG.value, "khen thưởng")):
        whom = [f"{w.n(n)} {SUBJECT_NOUNS.get(code, code)}"
                for code, n in f.recognised.get(recognition, {}).items() if n]
        if whom:
            parts.append(f"{verb} {_listing(whom)}")
    return "; ".join(parts)


def _led(lead: str, phrase: str) -> str:
    """``phrase`` after the theme's lead ("Thực hiện chuyên đề năm …, trong tháng"), or
    opening the sentence itself."""
    return f"{lead}{phrase[:1].lower()}{phrase[1:]}" if lead else phrase


def models_blocks(w: Writer) -> list[Block]:
    """The models and people noted (registered, assessed, replicated) and recognised in
    the period, then in the year so far (a model is registered once a year: a month
    without any still reports the year's), led by the year's theme."""
    f, year = w.i.current, w.i.models_year
    theme = w.i.models_theme
    lead = f"Thực hiện chuyên đề năm {f.end.year} “{theme}”, " if theme else ""
    out: list[Block] = []
    if f.models_total:
        out.append(Paragraph(_models_text(w, f, _led(lead, w.within)) + w.tail(
            f.models_total, "mô hình, điển hình", "models_total")))
        lead = ""
    recognised = _recognised_text(w, f)
    if recognised:
        head = "Đã " if out else _led(lead, w.within) + ", "
        out.append(Paragraph(f"{head}{recognised} tiêu biểu trong học tập và làm theo tư tưởng, "
                             "đạo đức, phong cách Hồ Chí Minh."))
        lead = ""
    if year is not None and year.models_total:
        text = _models_text(w, year, _led(lead, "Từ đầu năm đến nay"))
        done = _recognised_text(w, year)
        out.append(Paragraph(text + (f"; đã {done}." if done else ".")))
    elif year is not None and year.recognised_count():
        out.append(Paragraph(f"{_led(lead, 'Từ đầu năm đến nay')}, đã "
                             f"{_recognised_text(w, year)} tiêu biểu."))
    return out


def section(w: Writer, key: str, blocks: list[Block], placeholder: str) -> None:
    """The figures, then the officer's words for the section (``key``); with no
    figures, the officer's words or the placeholder."""
    if not blocks:
        w.text_or(key, placeholder)
        return
    w.blocks.extend(blocks)
    if w.texts.get(key):
        w.text_or(key, "")
