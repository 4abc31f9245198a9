"""The opinion report's outline (reports/compose/opinion.py)."""

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period
from tgdesk.reports.model import Heading
from tgdesk.services import reports, stats


def texts_of(data):
    return "\n".join(data.all_text())


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
