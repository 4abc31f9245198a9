"""The work report's outlines (reports/compose/work.py): short, long and custom periods."""

import dataclasses
from datetime import date

import pytest

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period
from tgdesk.reports.compose import Inputs, IssuedDoc, compose
from tgdesk.reports.model import Bullet, Heading, Paragraph, Table
from tgdesk.services import reports, stats, unit

OCT = Period.month(2026, 10)


def texts_of(data):
    return "\n".join(data.all_text())


def test_monthly_work_report_quotes_the_database_figures(filled):
    data = reports.build_report(filled, "work", OCT, number=15)
    f = stats.figures(filled, OCT)
    prev = stats.figures(filled, OCT.previous())
    text = texts_of(data)
    assert data.header.superior == "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH"
    assert data.header.issuer == "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"
    assert data.header.number_text == "Số 15-BC/ĐU"
    assert data.header.place_date == "Bình Tiên, ngày 24 tháng 11 năm 2026"
    assert data.title.kind_name == "BÁO CÁO"
    assert " ".join(data.title.summary_lines) == \
        "kết quả công tác tuyên giáo tháng 10, nhiệm vụ trọng tâm tháng 11 năm 2026"
    meetings = (f"Trong tháng, Đảng ủy phường tổ chức {vf.count(f.meetings_total, True)} hội "
                f"nghị, cuộc họp (")
    assert meetings in text
    assert f"với {vf.number(f.meeting_attendance)} lượt người tham dự" in text
    assert f"tỷ lệ đảng viên tham dự đạt {vf.percent(f.party_rate)}" in text
    assert f"{vf.number(f.study_participants)} lượt người tham dự" in text
    diff = f.study_sessions - prev.study_sessions
    word = "bằng tháng trước" if diff == 0 else ("tăng" if diff > 0 else "giảm")
    assert word in text
    assert "Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ" in text
    headings = [b.text for b in data.body if isinstance(b, Heading) and b.level == 1]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG",
                        "III. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert data.body[0].text.startswith("Thực hiện Hướng dẫn số …-HD/BTGDVTU")
    assert data.closing == ("Trên đây là báo cáo kết quả công tác tuyên giáo tháng 10 năm "
                            "2026 của Đảng ủy phường Bình Tiên.")
    assert data.signature.authority == "T/M ĐẢNG ỦY" and data.signature.name == "Nguyễn Văn An"
    assert data.recipients[0] == "- Ban Tuyên giáo và Dân vận Thành ủy,"
    assert data.recipients[-1] == "- Lưu Văn phòng Đảng ủy."
    table = data.appendix[0]
    assert isinstance(table, Table) and table.header[3:] == \
        ("Tháng 10/2026", "Tháng 9/2026", "Tháng 10/2025 (cùng kỳ)")
    assert table.rows[0][3] == vf.number(f.meetings_total)
    assert all(len(r) == len(table.header) for r in table.rows)


def test_officer_texts_replace_the_defaults(filled):
    data = reports.build_report(filled, "work", OCT, texts={
        "opening": "Thực hiện Hướng dẫn số 03-HD/BTGDVTU ngày 10/01/2026 …",
        "tasks": ["Tuyên truyền kỷ niệm Ngày thành lập Mặt trận.", "Sơ kết năm."],
        "strengths": "Hoàn thành kế hoạch."})
    body = [b.text for b in data.body if isinstance(b, (Paragraph, Bullet))]
    assert body[0] == "Thực hiện Hướng dẫn số 03-HD/BTGDVTU ngày 10/01/2026 …"
    assert "1. Tuyên truyền kỷ niệm Ngày thành lập Mặt trận." in body
    assert "2. Sơ kết năm." in body and "Hoàn thành kế hoạch." in body
    assert not any("[Nêu ưu điểm" in t for t in body)


@pytest.mark.parametrize("period, summary, parts", [
    (Period.half(2026, 1), "sơ kết công tác tuyên giáo 6 tháng đầu năm, phương hướng nhiệm vụ "
                           "6 tháng cuối năm 2026", 2),
    (Period.year(2025), "tổng kết công tác tuyên giáo năm 2025; phương hướng, nhiệm vụ trọng "
                        "tâm năm 2026", 2),
    (Period.quarter(2026, 3), "kết quả công tác tuyên giáo quý III, nhiệm vụ trọng tâm quý IV "
                              "năm 2026", 0),
])
def test_long_reports_have_two_parts(filled, period, summary, parts):
    data = reports.build_report(filled, "work", period)
    assert " ".join(data.title.summary_lines) == summary
    labels = [b.label for b in data.body if isinstance(b, Heading) and b.level == 0]
    assert labels == ["Phần thứ nhất", "Phần thứ hai"][:parts]
    if period.kind.value == "year":
        assert any(isinstance(b, Heading) and "BÀI HỌC KINH NGHIỆM" in b.text for b in data.body)
        # the database starts in January 2025: 2024 is not compared, the appendix says why
        assert "cùng kỳ năm trước" not in texts_of(data)
        note = data.appendix[-1]
        assert isinstance(note, Paragraph) and "năm 2024 (cùng kỳ) chỉ tính từ ngày" in note.text
    elif period.kind.value == "half":
        assert "so với cùng kỳ năm trước" in texts_of(data) or "bằng cùng kỳ" in texts_of(data)


def test_custom_period_reports_results_and_proposals_only(filled):
    span = Period.custom(date(2026, 9, 8), date(2026, 10, 20))
    data = reports.build_report(filled, "work", span)
    assert " ".join(data.title.summary_lines) == f"kết quả công tác tuyên giáo {span.label()}"
    headings = [b.text for b in data.body if isinstance(b, Heading) and b.level == 1]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN", "II. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert texts_of(data).count("Trong kỳ, Đảng ủy phường tổ chức") == 2   # meetings, studies


def test_reports_issued_in_the_period_are_cited_under_advice(filled):
    """The register's reports, each in full, the last one ending the list."""
    issued = (IssuedDoc("01-BC/ĐU", date(2026, 10, 3), "work", Period.month(2026, 9)),
              IssuedDoc("02-BC/ĐU", date(2026, 10, 5), "opinion", Period.quarter(2026, 3)))
    u = unit.get_unit(filled)
    figs = {p: stats.figures(filled, p) for p in (OCT, OCT.previous(), OCT.same_last_year())}
    inputs = Inputs(kind="work", period=OCT, unit=u, current=figs[OCT],
                    previous=figs[OCT.previous()], last_year=figs[OCT.same_last_year()],
                    issued_on=date(2026, 11, 5), data_since=date(2025, 1, 3), issued=issued)
    body = [b.text for b in compose(inputs, reports.profile_for(u)).body]
    at = body.index("Trong tháng, Đảng ủy phường ban hành 02 báo cáo định kỳ:")
    assert body[at - 2] == "1. Công tác tham mưu, chỉ đạo"
    assert body[at + 1:at + 3] == [
        "- Báo cáo số 01-BC/ĐU ngày 03/10/2026 về kết quả công tác tuyên giáo tháng 9 năm 2026;",
        "- Báo cáo số 02-BC/ĐU ngày 05/10/2026 về tình hình tư tưởng và dư luận xã hội quý III "
        "năm 2026."]
    without = compose(dataclasses.replace(inputs, issued=()), reports.profile_for(u))
    assert not any("báo cáo định kỳ" in b.text for b in without.body)
