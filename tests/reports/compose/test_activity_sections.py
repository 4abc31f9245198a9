"""The work report's propaganda, Nghị quyết 35 and Chỉ thị 05 sections written from
the records (reports/compose/activities.py), their appendix rows, and a demo month
with no placeholder left in them."""

from __future__ import annotations

import pytest
from activity_data import SECRET_SUMMARY, THEME, fill_activities

from tgdesk.domain.period import Period
from tgdesk.reports.model import Bullet, Heading
from tgdesk.services import placeholders, reports

NOV = Period.month(2026, 11)       # counted to 24/11/2026 (the fixture's today)
SECTIONS = ("2. Công tác tuyên truyền", "5. Công tác bảo vệ nền tảng tư tưởng của Đảng",
            "6. Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")


def section(data, heading: str) -> list[str]:
    """The texts under a level-2 heading, up to the next heading."""
    body = list(data.body)
    at = next(k for k, b in enumerate(body) if isinstance(b, Heading) and b.text == heading)
    out = []
    for b in body[at + 1:]:
        if isinstance(b, Heading):
            break
        out.append(b.text)
    return out


@pytest.fixture
def nov(with_unit):
    ids = fill_activities(with_unit)
    return with_unit, ids, reports.build_report(with_unit, "work", NOV)


def test_propaganda_section_by_form_and_campaign(nov):
    _, _, data = nov
    texts = section(data, SECTIONS[0])
    assert texts[0] == "Trong tháng, chưa ghi nhận hội nghị, cuộc họp nào."
    # October counted to the 24th: 1 activity; November 2025 to the 24th: 1
    assert texts[1:] == [
        "Trong tháng, Đảng ủy phường tổ chức 08 hoạt động tuyên truyền (tăng 07 hoạt động so "
        "với tháng trước, tăng 07 hoạt động so với cùng kỳ năm trước), cụ thể:",
        "- Tuyên truyền trực quan (02 hoạt động): treo 12 băng rôn, 30 khẩu hiệu, 02 pano, "
        "10 áp phích và 300 lá cờ Tổ quốc, cờ Đảng;",
        "- Loa, đài truyền thanh (01 hoạt động): phát thanh 20 lượt, thời lượng 150 phút;",
        "- Trên trang thông tin điện tử, mạng xã hội (01 hoạt động): đăng 05 tin, bài; 40 lượt "
        "chia sẻ; tiếp cận 1.200 lượt người;",
        "- Tờ rơi, tài liệu (01 hoạt động): phát hành 500 tờ rơi, tài liệu;",
        "- Văn hóa, văn nghệ, thể thao (01 hoạt động): 03 chương trình, tiết mục với 400 lượt "
        "người tham dự;",
        "- Tuyên truyền miệng (02 hoạt động): 03 buổi nói chuyện với 210 lượt người tham dự.",
        "Các đợt tuyên truyền trọng tâm: “Chào mừng Đại hội XIV của Đảng” (04 hoạt động); "
        "“Kỷ niệm Ngày thành lập Mặt trận Tổ quốc Việt Nam” (02 hoạt động).",
    ]


def test_ideology_section_quotes_figures_never_an_entry(nov):
    _, _, data = nov
    assert section(data, SECTIONS[1]) == [
        "Trong tháng, nhóm cộng tác viên 35 của Đảng ủy phường (02 thành viên) đăng 17 tin, "
        "bài và chia sẻ 75 lượt thông tin tích cực, chính thống trên mạng xã hội, tiếp cận "
        "3.800 lượt người; tăng 11 tin, bài so với tháng trước, tăng 14 tin, bài so với cùng "
        "kỳ năm trước.",
        "Qua theo dõi, rà soát trên không gian mạng, phát hiện 04 thông tin xấu, độc (02 "
        "thông tin sai sự thật; 01 nội dung xuyên tạc, bôi nhọ; 01 quan điểm sai trái, thù "
        "địch); đã báo cáo vi phạm với nền tảng 01 trường hợp, đăng bài phản bác, định hướng "
        "01 trường hợp, chuyển cơ quan chức năng 01 trường hợp; 01 trường hợp đã được gỡ bỏ; "
        "tăng 03 trường hợp so với tháng trước, tăng 04 trường hợp so với cùng kỳ năm trước.",
        "Cán bộ, đảng viên và Nhân dân tham gia 05 bài dự thi về bảo vệ nền tảng tư tưởng "
        "của Đảng.",
    ]
    text = "\n".join(data.all_text())
    assert SECRET_SUMMARY not in text and "Tin sai về thu hồi đất" not in text
    assert data.header.secrecy_mark is None


def test_models_section_gives_the_month_then_the_year(nov):
    _, _, data = nov
    assert section(data, SECTIONS[2]) == [
        f"Thực hiện chuyên đề năm 2026 “{THEME}”, trong tháng, trên địa bàn có 05 mô hình, "
        "điển hình trong học tập và làm theo Bác được ghi nhận (03 mô hình, cách làm hay; 01 "
        "tập thể điển hình; 01 cá nhân điển hình), trong đó 04 đăng ký thực hiện, 03 đã được "
        "đánh giá, 01 được nhân rộng; tăng 04 mô hình, điển hình so với tháng trước, tăng 04 "
        "mô hình, điển hình so với cùng kỳ năm trước.",
        "Đã biểu dương 01 mô hình và 01 cá nhân; khen thưởng 01 mô hình tiêu biểu trong học "
        "tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        # March, October and November 2026
        "Từ đầu năm đến nay, trên địa bàn có 07 mô hình, điển hình trong học tập và làm theo "
        "Bác được ghi nhận (04 mô hình, cách làm hay; 01 tập thể điển hình; 02 cá nhân điển "
        "hình), trong đó 06 đăng ký thực hiện, 05 đã được đánh giá, 01 được nhân rộng; đã "
        "biểu dương 01 mô hình và 01 cá nhân; khen thưởng 01 mô hình và 01 cá nhân.",
    ]


def test_a_month_without_models_gives_the_year_so_far(with_unit):
    fill_activities(with_unit)
    data = reports.build_report(with_unit, "work", Period.month(2026, 9))
    assert section(data, SECTIONS[2]) == [
        f"Thực hiện chuyên đề năm 2026 “{THEME}”, từ đầu năm đến nay, trên địa bàn có 01 mô "
        "hình, điển hình trong học tập và làm theo Bác được ghi nhận (01 mô hình, cách làm "
        "hay), trong đó 01 đăng ký thực hiện, 01 đã được đánh giá."]
    assert section(data, SECTIONS[0])[1] == PLACEHOLDER_PROPAGANDA
    # January: the year so far is the month itself, said once
    january = reports.build_report(with_unit, "work", Period.month(2026, 1))
    assert section(january, SECTIONS[2]) == [
        "[Nêu các mô hình, điển hình được biểu dương, khen thưởng.]"]


PLACEHOLDER_PROPAGANDA = ("[Nêu các ngày kỷ niệm, sự kiện đã tuyên truyền; tuyên truyền trực "
                          "quan, loa truyền thanh, trang thông tin điện tử, mạng xã hội.]")


def test_no_placeholder_in_the_three_sections_with_records(nov):
    _, _, data = nov
    where = {p.section for p in placeholders.find(data)}
    assert not where & {f"I.{name}" for name in SECTIONS}
    assert "I.1. Công tác tham mưu, chỉ đạo" in where         # others stay


def test_empty_period_keeps_the_placeholders(with_unit):
    data = reports.build_report(with_unit, "work", NOV)
    where = {p.section for p in placeholders.find(data)}
    assert where >= {f"I.{name}" for name in SECTIONS}
    assert section(data, SECTIONS[1]) == [
        "[Nêu số tin, bài, bình luận đã đăng; lượt chia sẻ; thông tin xấu, độc đã phát hiện, "
        "báo cáo.]"]
    labels = [r[1] for r in data.appendix[0].rows]
    assert "Hoạt động tuyên truyền" not in labels and "Bài dự thi bảo vệ nền tảng tư tưởng" \
        not in labels


def test_officer_words_follow_the_figures(with_unit):
    fill_activities(with_unit)
    words = "Tuyên truyền kỷ niệm Ngày Nhà giáo Việt Nam 20/11 trên các tuyến đường chính."
    data = reports.build_report(with_unit, "work", NOV, texts={"propaganda": words})
    texts = section(data, SECTIONS[0])
    assert texts[-1] == words and texts[1].startswith("Trong tháng, Đảng ủy phường tổ chức 08")
    assert not any(t.startswith("[") for t in texts)


def test_appendix_rows_of_the_new_kinds(nov):
    _, _, data = nov
    table = data.appendix[0]
    rows = {r[1]: r[2:] for r in table.rows}
    labels = [r[1] for r in table.rows]
    at = labels.index("Hoạt động tuyên truyền")
    assert labels[at - 1] == "Ý kiến tham luận"
    assert labels[at + 1:at + 15] == [
        "– Băng rôn", "– Khẩu hiệu", "– Pano", "– Áp phích", "– Cờ Tổ quốc, cờ Đảng",
        "– Lượt phát thanh", "– Thời lượng phát thanh", "– Tin, bài đăng trên mạng",
        "– Lượt chia sẻ", "– Lượt tiếp cận", "– Tờ rơi, tài liệu", "– Chương trình, tiết mục",
        "– Buổi nói chuyện", "– Lượt người tham dự"]
    # (unit, November, October to the 24th, November 2025 to the 24th)
    assert rows["Hoạt động tuyên truyền"] == ("hoạt động", "8", "1", "1")
    assert rows["– Băng rôn"] == ("cái", "12", "0", "4")
    assert rows["– Lượt người tham dự"] == ("lượt", "610", "30", "0")
    assert rows["Tin, bài nhóm cộng tác viên 35 đăng"] == ("bài", "17", "6", "3")
    assert rows["Thông tin xấu, độc phát hiện"] == ("tin", "4", "1", "0")
    assert rows["– Đã được gỡ bỏ"] == ("tin", "1", "0", "0")
    assert rows["Bài dự thi bảo vệ nền tảng tư tưởng"] == ("bài", "5", "0", "0")
    assert rows["Mô hình, điển hình học tập và làm theo Bác"] == ("mô hình", "5", "1", "1")
    assert rows["– Đăng ký thực hiện"] == ("mô hình", "4", "1", "1")
    assert rows["Mô hình, tập thể, cá nhân được biểu dương"] == ("lượt", "2", "0", "0")
    assert rows["Mô hình, tập thể, cá nhân được khen thưởng"] == ("lượt", "1", "1", "0")
    assert [r[0] for r in table.rows] == [str(k) for k in range(1, len(table.rows) + 1)]


def test_a_consolidated_report_counts_the_units_below(nov):
    ctx, ids, _ = nov
    data = reports.build_report(ctx, "work", NOV, origin=[ids["other"]])
    texts = section(data, SECTIONS[0])
    assert texts[1].startswith("Trong tháng, các đơn vị cấp dưới tổ chức 01 hoạt động tuyên "
                               "truyền")
    assert texts[2] == "- Tuyên truyền trực quan (01 hoạt động): treo 07 băng rôn."


def test_a_demo_month_has_the_three_sections_with_figures(demo_template, tmp_path):
    """The demo ward (one year to 24/11/2026): October's work report quotes figures in
    each section and leaves no placeholder there."""
    from demo_db import open_copy

    ctx = open_copy(demo_template(years=1, seed=5), tmp_path)
    try:
        data = reports.build_report(ctx, "work", Period.month(2026, 10))
    finally:
        ctx.close()
    where = {p.section for p in placeholders.find(data)}
    assert not where & {f"I.{name}" for name in SECTIONS}
    propaganda, ideology, models = (section(data, name) for name in SECTIONS)
    assert any("hoạt động tuyên truyền" in t and "cụ thể:" in t for t in propaganda)
    assert any(isinstance(b, Bullet) and "hoạt động)" in b.text for b in data.body)
    assert ideology[0].startswith("Trong tháng, nhóm cộng tác viên 35 của Đảng ủy phường (")
    assert "mô hình, điển hình trong học tập và làm theo Bác được ghi nhận" in " ".join(models)
    labels = [r[1] for r in data.appendix[0].rows]
    assert "Hoạt động tuyên truyền" in labels and "Thông tin xấu, độc phát hiện" in labels
