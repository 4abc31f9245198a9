"""The opinion report lists its bức xúc notes and hot spots (reports/compose/opinion.py,
services/reports.py): grouped by category, each with area, summary, handling and status;
the officer leaves some out; "MẬT" when a listed note is Mật; DOCX and PDF say the same."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import pdfplumber
import pytest
from docx import Document

from tgdesk.domain.period import Period
from tgdesk.domain.records import Area, OpinionCategory, OpinionNote
from tgdesk.reports.model import Bullet, Heading, Paragraph
from tgdesk.services import kinds, register, reports
from tgdesk.services.register import EXCLUDED_NOTES

OCT = Period.month(2026, 10)
PLACEHOLDER = "[Nêu cụ thể các vấn đề bức xúc"


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture
def notes(with_unit):
    """October 2026: two bức xúc notes and a hot spot in two categories, and notes
    the list must leave out (worried, in September, deleted)."""
    ctx = with_unit
    land = kinds.CATEGORIES.create(ctx, OpinionCategory(name="Đất đai – môi trường")).id
    order = kinds.CATEGORIES.create(ctx, OpinionCategory(name="An ninh trật tự")).id
    kp3 = kinds.AREAS.create(ctx, Area(name="Khu phố 3")).id
    kp5 = kinds.AREAS.create(ctx, Area(name="Khu phố 5")).id

    def add(**kw):
        base = dict(noted_on=date(2026, 10, 6), category_id=land, attitude="buc_xuc",
                    concern="cao", follow_up="moi", summary="Ý kiến")
        base.update(kw)
        return kinds.OPINIONS.create(ctx, OpinionNote(**base)).id

    ids = {
        "rubbish": add(area_id=kp3, summary="Các hộ dân bức xúc do rác thải tồn đọng tại điểm "
                       "tập kết trên đường Lò Gốm", proposal="Đề nghị Ủy ban nhân dân phường "
                       "xử lý dứt điểm.", follow_up="dang_xu_ly",
                       passed_to="Ủy ban nhân dân phường", classification="thuong"),
        "racing": add(noted_on=date(2026, 10, 20), category_id=order, area_id=kp5,
                      attitude="trai_chieu", concern="diem_nong",
                      summary="Nhiều hộ dân phản ứng gay gắt về tình trạng đua xe ban đêm.",
                      proposal="Tăng cường tuần tra vào ban đêm", follow_up="da_giai_quyet",
                      passed_to="Công an phường", classification="thuong"),
        "price": add(noted_on=date(2026, 10, 9), summary="Người dân khu phố 3 bức xúc về giá "
                     "thuê phòng trọ tăng.", follow_up="da_bao_cao", classification="mat"),
        "worried": add(attitude="ban_khoan", concern="trung_binh", summary="Một số hộ dân băn "
                       "khoăn về tiến độ bồi thường."),
        "september": add(noted_on=date(2026, 9, 28), summary="Ý kiến tháng chín bức xúc."),
        "deleted": add(summary="Ý kiến đã xóa bức xúc."),
    }
    kinds.OPINIONS.delete(ctx, ids["deleted"])
    return ctx, ids


def body_text(data) -> list[str]:
    return [b.text for b in data.body if isinstance(b, (Paragraph, Bullet, Heading))]


def section(data, title: str) -> list[str]:
    """The texts under the heading ``title`` up to the next heading."""
    lines = body_text(data)
    start = next(i for i, t in enumerate(lines) if t.endswith(title))
    end = next((i for i in range(start + 1, len(lines))
                if any(isinstance(b, Heading) and b.text == lines[i] for b in data.body)),
               len(lines))
    return lines[start + 1:end]


def test_each_bức_xúc_note_and_hot_spot_is_listed_by_category(notes):
    ctx, ids = notes
    data = reports.build_report(ctx, "opinion", OCT)
    lines = section(data, "Những vấn đề băn khoăn, bức xúc")
    assert PLACEHOLDER not in "\n".join(body_text(data))
    i = lines.index("Các ý kiến bức xúc và vấn đề điểm nóng cụ thể theo từng lĩnh vực như sau:")
    # categories in the order of "Dư luận theo lĩnh vực" (most notes first), oldest first
    assert lines[i + 1:] == [
        "a) Đất đai – môi trường:",
        "- Khu phố 3 (ngày 06/10/2026): Các hộ dân bức xúc do rác thải tồn đọng tại điểm tập "
        "kết trên đường Lò Gốm. Đề nghị Ủy ban nhân dân phường xử lý dứt điểm. Tình hình xử "
        "lý: đã chuyển Ủy ban nhân dân phường, đang xử lý.",
        # the summary names the area: not said twice; no proposal: no handling sentence
        "- Ngày 09/10/2026: Người dân khu phố 3 bức xúc về giá thuê phòng trọ tăng. Tình hình "
        "xử lý: đã báo cáo cấp ủy.",
        "b) An ninh trật tự:",
        "- Khu phố 5 (ngày 20/10/2026, điểm nóng): Nhiều hộ dân phản ứng gay gắt về tình trạng "
        "đua xe ban đêm. Đề xuất: Tăng cường tuần tra vào ban đêm. Tình hình xử lý: đã được "
        "Công an phường giải quyết.",
    ]
    text = "\n".join(body_text(data))
    for left_out in ("băn khoăn về tiến độ", "tháng chín", "đã xóa"):
        assert left_out not in text
    assert data.header.secrecy_mark == "MẬT"       # the price note is Mật


def test_the_officer_leaves_notes_out_and_the_choice_is_kept_with_the_draft(notes):
    ctx, ids = notes
    # what the window ticks: the period's candidates, nothing else
    candidates = reports.opinion_candidates(ctx, OCT)
    assert [n.id for n in candidates] == [ids["rubbish"], ids["price"], ids["racing"]]
    assert [n.area for n in candidates] == ["Khu phố 3", None, "Khu phố 5"]
    texts = {EXCLUDED_NOTES: [ids["price"], ids["racing"]], "hot_spots": "Đã họp dân."}
    register.save_draft(ctx, "opinion", OCT.code(), texts, "party")
    saved = register.starting_texts(ctx, "opinion", OCT.code())
    assert saved[EXCLUDED_NOTES] == [ids["price"], ids["racing"]]
    data = reports.build_report(ctx, "opinion", OCT, texts=saved)
    lines = section(data, "Những vấn đề băn khoăn, bức xúc")
    assert lines[-4:] == [
        "Các ý kiến bức xúc cụ thể theo từng lĩnh vực như sau:", "a) Đất đai – môi trường:",
        "- Khu phố 3 (ngày 06/10/2026): Các hộ dân bức xúc do rác thải tồn đọng tại điểm tập "
        "kết trên đường Lò Gốm. Đề nghị Ủy ban nhân dân phường xử lý dứt điểm. Tình hình xử "
        "lý: đã chuyển Ủy ban nhân dân phường, đang xử lý.",
        "Đã họp dân.",                                  # the officer's words follow the list
    ]
    assert "giá thuê phòng trọ" not in "\n".join(lines)
    assert "đua xe" not in "\n".join(lines)
    assert data.header.secrecy_mark is None              # the Mật note was left out
    # leaving every note out lists none, and no placeholder comes back
    texts[EXCLUDED_NOTES] = [n.id for n in candidates]
    none = reports.build_report(ctx, "opinion", OCT, texts=texts)
    assert "theo từng lĩnh vực như sau:" not in "\n".join(body_text(none))
    assert PLACEHOLDER not in "\n".join(body_text(none))


def test_choices_of_another_period_are_not_carried_over(notes):
    ctx, ids = notes
    register.save_draft(ctx, "opinion", OCT.code(),
                        {EXCLUDED_NOTES: [ids["rubbish"]], "mood": "Ổn định."}, "party")
    nov = register.starting_texts(ctx, "opinion", Period.month(2026, 11).code())
    assert nov == {"mood": "Ổn định."}


def test_docx_and_pdf_list_the_same_notes_and_the_mark(notes):
    ctx, ids = notes
    texts = {EXCLUDED_NOTES: [ids["racing"]]}
    data = reports.build_report(ctx, "opinion", OCT, texts=texts)
    blobs = reports.render_bytes(data, ("docx", "pdf"))
    doc = Document(io.BytesIO(blobs["docx"]))
    docx_text = _flat("\n".join([p.text for p in doc.paragraphs] +
                                [p.text for t in doc.tables for c in t._cells
                                 for p in c.paragraphs]))
    with pdfplumber.open(io.BytesIO(blobs["pdf"])) as pdf:
        pdf_text = _flat("\n".join(p.extract_text() for p in pdf.pages))
    listed = [b.text for b in data.body if isinstance(b, Bullet) and "Tình hình xử lý" in b.text]
    assert len(listed) == 2
    for text in (docx_text, pdf_text):
        for line in listed:
            assert _flat(line) in text
        assert "đua xe" not in text
        assert "MẬT" in text


def test_cutoff_and_a_running_period_count_the_notes_the_report_counts(notes):
    ctx, ids = notes
    assert [n.id for n in reports.opinion_candidates(ctx, OCT, cutoff=date(2026, 10, 10))] == \
        [ids["rubbish"], ids["price"]]
    data = reports.build_report(ctx, "opinion", OCT, cutoff=date(2026, 10, 10))
    assert "đua xe" not in "\n".join(body_text(data))
    assert reports.opinion_candidates(ctx, Period.month(2026, 12)) == []    # not begun
    # the work report lists no notes and carries no mark
    work = reports.build_report(ctx, "work", OCT)
    assert work.header.secrecy_mark is None
    assert "rác thải" not in "\n".join(body_text(work))
