"""Building ReportData from the database: figures, wording, outlines, refusals."""

import dataclasses
from datetime import date

import pytest

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period
from tgdesk.reports.model import Bullet, Heading, Paragraph, Table
from tgdesk.services import reports, stats, unit
from tgdesk.services.errors import UserError

NOV = Period.month(2026, 11)
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


def test_running_period_counts_to_today_and_says_so(filled):
    data = reports.build_report(filled, "work", NOV)
    text = texts_of(data)
    assert "(Số liệu tính đến ngày 24 tháng 11 năm 2026.)" in text
    assert data.header.number_text.startswith("Số ") and data.header.number_text.endswith(
        "-BC/ĐU")


def test_empty_period_says_nothing_was_recorded(with_unit):
    data = reports.build_report(with_unit, "work", Period.month(2026, 3))
    text = texts_of(data)
    assert "Trong tháng, chưa ghi nhận hội nghị, cuộc họp nào." in text
    assert "Trong tháng, chưa ghi nhận buổi học tập" in text
    assert "Trong tháng, chưa ghi nhận ý kiến dư luận xã hội nào." in text
    op = reports.build_report(with_unit, "opinion", Period.quarter(2026, 1))
    assert "Trong quý, chưa ghi nhận ý kiến dư luận xã hội nào." in texts_of(op)


def test_future_period_and_missing_unit_are_refused(ctx, with_unit):
    with pytest.raises(UserError, match="chưa bắt đầu"):
        reports.build_report(with_unit, "work", Period.month(2026, 12))
    with pytest.raises(UserError, match="không hợp lệ"):
        reports.build_report(with_unit, "budget", NOV)


def test_no_unit_asks_for_set_up(ctx):
    with pytest.raises(UserError, match="Chưa khai báo thông tin đơn vị"):
        reports.build_report(ctx, "work", OCT)


def test_opinion_report_outline_and_counts(filled):
    q = Period.quarter(2026, 3)
    data = reports.build_report(filled, "opinion", q)
    f = stats.figures(filled, q)
    assert " ".join(data.title.summary_lines) == ("tình hình tư tưởng của cán bộ, đảng viên, "
                                                  "Nhân dân và dư luận xã hội quý III năm 2026")
    headings = [b.text for b in data.body if isinstance(b, Heading) and b.level == 1]
    assert headings == ["I. TÌNH HÌNH TƯ TƯỞNG CỦA CÁN BỘ, ĐẢNG VIÊN VÀ NHÂN DÂN",
                        "II. DƯ LUẬN XÃ HỘI", "III. NHẬN ĐỊNH, DỰ BÁO",
                        "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    text = texts_of(data)
    assert f"nắm bắt {vf.count(f.opinions_total, True)} ý kiến" in text
    for name, n in f.opinions_by_category.items():
        assert f"- {name}: {vf.count(n, True)} ý kiến" in text
    assert f"có {vf.count(f.hot_spots, True)} vấn đề điểm nóng" in text
    assert f"còn {vf.count(f.open_follow_ups, True)} ý kiến chưa giải quyết" in text


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


def test_profile_overrides_reach_the_text(filled):
    data = reports.build_report(filled, "work", OCT, profile_overrides={
        "uy_style": "uỷ", "recipient_line_end": ";", "section_numbering": "I-",
        "count_padding": False})
    text = texts_of(data)
    assert data.header.issuer == "ĐẢNG UỶ PHƯỜNG BÌNH TIÊN" and "ủy" not in text.lower()
    assert data.recipients[0].endswith(";") and data.recipients[-1] == "- Lưu Văn phòng Đảng uỷ."
    assert any(isinstance(b, Heading) and b.text == "I- KẾT QUẢ THỰC HIỆN" for b in data.body)
    assert " 03 hội nghị" not in text


def test_state_profile_wording(filled):
    u = unit.get_unit(filled)
    unit.save_unit(filled, dataclasses.replace(
        u, name="ỦY BAN NHÂN DÂN PHƯỜNG BÌNH TIÊN", parent_name="ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
        doc_abbrev="UBND", signer_authority="T/M ỦY BAN NHÂN DÂN", signer_title="CHỦ TỊCH",
        profile="state"))
    data = reports.build_report(filled, "work", OCT, number=12)
    assert data.profile == "state"
    assert data.header.number_text == "Số: 12/BC-UBND"
    assert data.signature.authority == "TM. ỦY BAN NHÂN DÂN"
    assert data.recipients[-1] == "- Lưu: VT."
    assert data.closing.endswith("./.")


def test_file_stem(filled):
    u = unit.get_unit(filled)
    assert reports.report_file_stem(u, "work", NOV) == \
        "BaoCao_TuyenGiao_DangUyPhuongBinhTien_2026-11"
    assert reports.report_file_stem(u, "opinion", Period.quarter(2026, 4)) == \
        "BaoCao_DLXH_DangUyPhuongBinhTien_2026-Q4"
    custom = Period.custom(date(2026, 10, 1), date(2026, 11, 20))
    assert reports.report_file_stem(u, "work", custom).endswith("_2026-10-01_2026-11-20")


def test_report_data_json_round_trip(filled):
    from tgdesk.reports.model import from_json, to_json

    for kind, period in (("work", OCT), ("work", Period.year(2025)), ("opinion", OCT)):
        data = reports.build_report(filled, kind, period, number=3)
        assert from_json(to_json(data)) == data


def test_zero_parts_are_left_out_and_uncovered_periods_not_compared(with_unit):
    from tgdesk.domain.records import Meeting, OpinionCategory, OpinionNote
    from tgdesk.services import kinds

    kinds.MEETINGS.create(with_unit, Meeting(held_on=date(2026, 10, 2), meeting_type="giao_ban",
                                             title="Giao ban", attendance=40, contributions=0))
    cat = kinds.CATEGORIES.create(with_unit, OpinionCategory(name="Đất đai")).id
    kinds.OPINIONS.create(with_unit, OpinionNote(
        noted_on=date(2026, 10, 5), category_id=cat, summary="Ý kiến", attitude="dong_tinh",
        concern="thap", follow_up="da_giai_quyet"))
    work = texts_of(reports.build_report(with_unit, "work", OCT))
    # records start on 02/10/2026: September is not compared, October last year neither
    assert ("Trong tháng, Đảng ủy phường tổ chức 01 hội nghị, cuộc họp (01 giao ban) với 40 "
            "lượt người tham dự.") in work
    assert "so với" not in work and "00" not in work.replace("2026", "")
    op = texts_of(reports.build_report(with_unit, "opinion", OCT))
    assert "trong đó 01 ý kiến đồng tình." in op
    assert "Về mức độ quan tâm: 01 ý kiến ở mức thấp; không có vấn đề điểm nóng." in op
    assert "Các ý kiến đã được giải quyết, trả lời xong." in op
    assert "ý kiến bức xúc" not in op.split("PHỤ LỤC")[0] and " 00 " not in op
    # a period before the first record says so
    early = texts_of(reports.build_report(with_unit, "work", Period.month(2026, 8)))
    assert ("(Trong tháng chưa có số liệu được ghi nhận trong sổ theo dõi; số liệu bắt đầu từ "
            "ngày 02/10/2026.)") in early


def test_sources_and_network_come_from_the_records(with_unit):
    from tgdesk.domain.records import OpinionCategory, OpinionNote, Person
    from tgdesk.services import kinds

    cat = kinds.CATEGORIES.create(with_unit, OpinionCategory(name="Đất đai")).id
    for day, source in ((5, "ctv"), (6, "ctv"), (7, "to_dan_pho")):
        kinds.OPINIONS.create(with_unit, OpinionNote(
            noted_on=date(2026, 10, day), category_id=cat, summary="Ý kiến", source=source,
            attitude="ban_khoan", concern="thap", follow_up="moi"))
    for name, role, active in (("A", "bao_cao_vien", True), ("B", "tuyen_truyen_vien", True),
                               ("C", "tuyen_truyen_vien", True), ("D", "ctv_dlxh", False)):
        kinds.PEOPLE.create(with_unit, Person(full_name=name, role=role, active=active))
    month = texts_of(reports.build_report(with_unit, "work", OCT))
    assert ("nắm bắt 03 ý kiến (qua cộng tác viên dư luận xã hội: 02; tổ dân phố, khu dân cư: "
            "01)") in month
    assert "Hiện nay" not in month                        # the network: long reports only
    year = reports.build_report(with_unit, "work", Period.year(2026))
    body = [b.text for b in year.body]
    assert "Hiện nay, Đảng ủy phường có 01 báo cáo viên, 02 tuyên truyền viên." in body
    assert not any("cộng tác viên dư luận xã hội." in t for t in body)   # D is inactive
    op = texts_of(reports.build_report(with_unit, "opinion", OCT))
    assert "03 ý kiến của cán bộ, đảng viên và Nhân dân (qua cộng tác viên" in op
