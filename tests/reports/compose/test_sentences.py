"""The sentences that quote the figures (reports/compose/sentences.py): empty parts left out,
comparisons only with covered periods, sources and the network."""

from datetime import date

from tgdesk.domain.period import Period
from tgdesk.services import reports

OCT = Period.month(2026, 10)


def texts_of(data):
    return "\n".join(data.all_text())


def test_empty_period_says_nothing_was_recorded(with_unit):
    data = reports.build_report(with_unit, "work", Period.month(2026, 3))
    text = texts_of(data)
    assert "Trong tháng, chưa ghi nhận hội nghị, cuộc họp nào." in text
    assert "Trong tháng, chưa ghi nhận buổi học tập" in text
    assert "Trong tháng, chưa ghi nhận ý kiến dư luận xã hội nào." in text
    op = reports.build_report(with_unit, "opinion", Period.quarter(2026, 1))
    assert "Trong quý, chưa ghi nhận ý kiến dư luận xã hội nào." in texts_of(op)


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
