"""Issuing guards (services/placeholders.py, issuing.issue): a report that still holds
"[Nêu …]" lines or "…" where the guidance's number and date belong is refused
unless the officer allows it; filled in (words and the unit's guidance), it issues."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.period import Period
from tgdesk.domain.records import UnitSettings
from tgdesk.reports.model import from_json
from tgdesk.services import issuing, placeholders, register
from tgdesk.services.placeholders import Placeholder, PlaceholdersLeft, is_placeholder
from tgdesk.services.unit import Guidance, save_unit
from tgdesk.store.tables import ReportRow

OCT = Period.month(2026, 10)
NOV = Period.month(2026, 11)      # still running on the fixtures' today, 24/11/2026

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                    place_name="Bình Tiên", doc_abbrev="ĐU", signer_authority="T/M ĐẢNG ỦY",
                    signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn An", profile="party")
GUIDANCE = Guidance("12-HD/BTGDVTU", date(2026, 1, 5))

# Every box of a month's work report filled in by the officer.
WORK_TEXTS = {
    "advice": "Ban hành Kế hoạch số 45-KH/ĐU về tuyên truyền kỷ niệm Ngày thành lập Mặt trận.",
    "propaganda": "Treo 40 băng rôn; loa truyền thanh phát 12 tin.",
    "ideology": "Đăng 25 tin, bài trên trang thông tin điện tử phường.",
    "ho_chi_minh": "Biểu dương 2 mô hình dân vận khéo.",
    "other": "Cử 3 đồng chí dự lớp bồi dưỡng lý luận chính trị.",
    "strengths": "Các cuộc họp đúng kế hoạch.",
    "weaknesses": "Tỷ lệ đảng viên dự học tập còn thấp ở 2 chi bộ.",
    "tasks": ["Tuyên truyền Đại hội đại biểu toàn quốc."],
    "proposals": "Không có.",
}


def test_a_draft_lists_its_placeholders_in_reading_order_with_their_sections(ctx):
    save_unit(ctx, UNIT)
    left = issuing.placeholders_left(ctx, "work", OCT, texts={})
    first = left[0]
    assert first.section == "Đoạn mở đầu"
    assert "Hướng dẫn số …-HD/BTGDVTU ngày …" in first.text
    assert "Cài đặt đơn vị" in first.hint
    sections = [p.section for p in left[1:]]
    assert sections[0] == "I.1. Công tác tham mưu, chỉ đạo"      # numbered with its part
    assert "II.2. Hạn chế, nguyên nhân" in sections
    assert sections[-1] == "IV. ĐỀ XUẤT, KIẾN NGHỊ"
    assert all(p.text.startswith("[Nêu") and not p.hint for p in left[1:])
    # the officer's words take a placeholder's place
    fewer = issuing.placeholders_left(ctx, "work", OCT, texts={"weaknesses": "Còn chậm."})
    assert [p.section for p in fewer] == [p.section for p in left
                                          if p.section != "II.2. Hạn chế, nguyên nhân"]


def test_the_guidance_and_the_words_leave_nothing_to_fill(ctx):
    save_unit(ctx, UNIT, GUIDANCE)
    assert issuing.placeholders_left(ctx, "work", OCT, texts=WORK_TEXTS) == []
    opening = issuing.draft(ctx, "work", OCT, texts=WORK_TEXTS).body[0].text
    assert opening.startswith("Thực hiện Hướng dẫn số 12-HD/BTGDVTU ngày 05/01/2026 của Ban "
                              "Tuyên giáo và Dân vận Thành ủy về chế độ thông tin, báo cáo;")


@pytest.mark.parametrize("text", [
    "Thực hiện Hướng dẫn số …-HD/BTGDVTU ngày … của Ban Tuyên giáo",
    "Thực hiện Hướng dẫn số 12-HD/BTGDVTU ngày ... của Ban Tuyên giáo",
    "Thực hiện chỉ đạo của … về chế độ thông tin, báo cáo",
    "Kèm theo Công văn …/UBND",
    "[Nêu hạn chế và nguyên nhân.]",
    "  [Nêu đề xuất, kiến nghị (nếu có).]",
])
def test_placeholders_are_recognised(text):
    assert is_placeholder(text)


@pytest.mark.parametrize("text", [
    "Tuyên truyền trực quan, văn hóa, văn nghệ…",
    "Trong tháng, tổ chức 03 hội nghị; tăng 01 cuộc so với tháng trước.",
    "Thực hiện Hướng dẫn số 12-HD/BTGDVTU ngày 05/01/2026 của Ban Tuyên giáo",
    "Ý kiến về đất đai (giải tỏa, đền bù...) tăng.",
])
def test_an_ellipsis_that_ends_a_list_is_not_one(text):
    assert not is_placeholder(text)


def test_the_listing_shows_the_first_ten_then_counts_the_rest():
    items = [Placeholder(f"Mục {k}", f"[Nêu việc {k}.]") for k in range(13)]
    long = "Thực hiện " + "rất dài " * 20
    items[0] = Placeholder("Đoạn mở đầu", long, "gợi ý")
    lines = placeholders.listing(items).splitlines()
    assert len(lines) == 11 and lines[-1] == "… và 3 chỗ khác."
    assert lines[1] == "- Mục 1: [Nêu việc 1.]"
    head = "- Đoạn mở đầu: "
    assert lines[0].startswith(head) and lines[0].endswith("… (gợi ý)")
    kept = lines[0][len(head):-len("… (gợi ý)")]
    assert long.startswith(kept + " ")                             # cut between words
    assert len(kept) < placeholders.TEXT_LIMIT
    assert placeholders.summary(items).startswith("Báo cáo còn 13 chỗ chưa điền:\n- Đoạn mở đầu")


def test_issuing_refuses_while_placeholders_remain_and_takes_no_number(ctx, tmp_path):
    save_unit(ctx, UNIT)
    out = tmp_path / "out"
    with pytest.raises(PlaceholdersLeft) as refused:
        issuing.issue(ctx, "work", OCT, texts={}, out_dir=out)
    left = issuing.placeholders_left(ctx, "work", OCT, texts={})
    assert refused.value.items == left and len(left) == 10
    assert str(refused.value).startswith("Báo cáo còn 10 chỗ chưa điền:\n- Đoạn mở đầu: ")
    assert register.issued_reports(ctx) == []
    assert not out.exists()
    assert issuing.next_number_text(ctx) == "Số 01-BC/ĐU"
    # the officer has seen them and says so
    done = issuing.issue(ctx, "work", OCT, texts={}, out_dir=out, allow_placeholders=True)
    assert done.entry.number == 1 and len(done.files) == 2


def test_a_filled_report_issues_without_being_allowed(ctx):
    save_unit(ctx, UNIT, GUIDANCE)
    done = issuing.issue(ctx, "work", OCT, texts=WORK_TEXTS)
    assert done.entry.number_text == "01-BC/ĐU"


def test_the_appendix_of_an_issued_report_cites_its_number(ctx):
    save_unit(ctx, UNIT, GUIDANCE)
    draft = issuing.draft(ctx, "work", OCT, texts=WORK_TEXTS)
    assert draft.appendix[0].note == "(Kèm theo Báo cáo số     -BC/ĐU ngày 24/11/2026)"
    done = issuing.issue(ctx, "work", OCT, texts=WORK_TEXTS)
    with ctx.reading() as session:
        data = from_json(session.get(ReportRow, done.entry.id).data_json)
    assert data.appendix[0].note == "(Kèm theo Báo cáo số 01-BC/ĐU ngày 24/11/2026)"


def test_a_report_issued_while_its_period_runs_keeps_the_day_it_counted_to(ctx):
    """A correction reopened later counts the same days, not up to the day it is reopened."""
    save_unit(ctx, UNIT)
    done = issuing.issue(ctx, "work", NOV, texts={}, allow_placeholders=True)
    assert done.entry.cutoff == date(2026, 11, 24)
    correction = issuing.draft_from_issued(ctx, done.entry.id)
    assert correction.cutoff == date(2026, 11, 24)
    ended = issuing.issue(ctx, "work", OCT, texts={}, allow_placeholders=True)
    assert ended.entry.cutoff is None                      # the whole of a finished period


def test_the_state_profile_s_basis_is_a_placeholder_the_guidance_does_not_fill(ctx):
    save_unit(ctx, UnitSettings(**{**UNIT.__dict__, "profile": "state"}), GUIDANCE)
    first = issuing.placeholders_left(ctx, "work", OCT, texts=WORK_TEXTS)[0]
    assert first.section == "Đoạn mở đầu" and "chỉ đạo của …" in first.text
    assert first.hint == ""                    # the officer writes this opening in its box
    assert issuing.placeholders_left(ctx, "work", OCT,
                                     texts={**WORK_TEXTS, "opening": "Thực hiện Kế hoạch."}) == []
