"""The campaign report (services/campaign_report.py, reports/compose/campaign.py): its
campaign and days, its text, the DOCX and PDF of the one report data, the register,
and ``tgdesk report --kind campaign``."""

from __future__ import annotations

import unicodedata
from datetime import date

import pdfplumber
import pytest
from activity_data import DAI_HOI, MAT_TRAN, fill_activities
from docx import Document

from tgdesk.domain.period import Period
from tgdesk.domain.records import Campaign, PropagandaActivity
from tgdesk.reports.model import Heading, Table
from tgdesk.services import campaign_report as cr
from tgdesk.services import issuing, register, reports
from tgdesk.services.errors import UserError
from tgdesk.services.kinds import CAMPAIGNS, PROPAGANDA

SUMMARY = "kết quả tuyên truyền chào mừng Đại hội XIV của Đảng"


@pytest.fixture
def data_set(with_unit):
    ids = fill_activities(with_unit)
    a, b = ids["campaigns"]
    # a Mật activity of the campaign: counted, its words not listed
    PROPAGANDA.create(with_unit, PropagandaActivity(
        held_on=date(2026, 11, 19), form="mieng", title="Gặp mặt nội bộ về nhân sự",
        campaign_id=a, sessions=1, people=12, classification="mat"))
    return with_unit, a, b


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_a_campaign_by_id_or_name_and_its_days(data_set):
    ctx, a, b = data_set
    assert cr.find_campaign(ctx, str(a)).name == DAI_HOI
    assert cr.find_campaign(ctx, "  chào mừng đại hội XIV  của đảng ").id == a
    with pytest.raises(UserError, match="Không có đợt, chủ đề tuyên truyền tên"):
        cr.find_campaign(ctx, "Chào mừng")
    with pytest.raises(UserError, match="mã 999"):
        cr.find_campaign(ctx, "999")
    # the campaign's own dates; without dates, the days of its activities
    assert cr.campaign_period(ctx, cr.find_campaign(ctx, str(a))) == \
        Period.custom(date(2026, 10, 1), date(2026, 11, 30))
    assert cr.campaign_period(ctx, cr.find_campaign(ctx, str(b))) == \
        Period.custom(date(2026, 11, 5), date(2026, 11, 15))
    # an activity weeks before the day the campaign is dated by widens the report's days
    event = CAMPAIGNS.create(ctx, Campaign(name="Bầu cử", starts_on=date(2026, 3, 15),
                                           ends_on=date(2026, 3, 15))).id
    PROPAGANDA.create(ctx, PropagandaActivity(held_on=date(2026, 2, 20), form="truc_quan",
                                              title="Băng rôn bầu cử", campaign_id=event,
                                              banners=4))
    assert cr.campaign_period(ctx, CAMPAIGNS.get(ctx, event)) == \
        Period.custom(date(2026, 2, 20), date(2026, 3, 15))
    empty = CAMPAIGNS.create(ctx, Campaign(name="Chưa có hoạt động")).id
    with pytest.raises(UserError, match="chưa có ngày bắt đầu"):
        cr.campaign_period(ctx, cr.find_campaign(ctx, str(empty)))
    assert cr.split_kind("campaign:12") == ("campaign", 12)
    assert cr.split_kind("work") == ("work", None)


def test_the_report_text_by_form_and_its_list_of_activities(data_set):
    ctx, a, _ = data_set
    kind = cr.campaign_kind(a)
    data = reports.build_report(ctx, kind, cr.campaign_period(ctx, CAMPAIGNS.get(ctx, a)),
                                number=15)
    assert data.header.number_text == "Số 15-BC/ĐU"
    assert (data.title.kind_name, data.title.summary_lines) == ("BÁO CÁO", (SUMMARY,))
    assert data.body[0].text == (
        f"Thực hiện Kế hoạch số … ngày … về tuyên truyền “{DAI_HOI}”; Đảng ủy phường Bình "
        "Tiên báo cáo kết quả như sau:")
    headings = [b.text for b in data.body if isinstance(b, Heading)]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN", "1. Công tác tham mưu, chỉ đạo",
                        "2. Kết quả tuyên truyền", "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm",
                        "2. Hạn chế, nguyên nhân", "III. NHIỆM VỤ THỜI GIAN TỚI",
                        "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    texts = [b.text for b in data.body]
    at = texts.index("2. Kết quả tuyên truyền")
    # 31/10 (running into November), 02/11, 07/11, 12/11, 19/11 (Mật), 24/11: to the 24th
    assert texts[at + 1:at + 7] == [
        f"Từ ngày 01/10/2026 đến ngày 24/11/2026, Đảng ủy phường tổ chức 06 hoạt động tuyên "
        f"truyền “{DAI_HOI}”, cụ thể:",
        "- Tuyên truyền trực quan (02 hoạt động): treo 17 băng rôn, 30 khẩu hiệu và 300 lá cờ "
        "Tổ quốc, cờ Đảng;",
        "- Loa, đài truyền thanh (01 hoạt động): phát thanh 20 lượt, thời lượng 150 phút;",
        "- Tờ rơi, tài liệu (01 hoạt động): phát hành 500 tờ rơi, tài liệu;",
        "- Tuyên truyền miệng (02 hoạt động): 02 buổi nói chuyện với 72 lượt người tham dự.",
        "(Danh sách các hoạt động tại phụ lục kèm theo.)"]
    assert data.closing == (f"Trên đây là báo cáo {SUMMARY} của Đảng ủy phường Bình Tiên.")
    [table] = data.appendix
    assert isinstance(table, Table)
    assert table.header == ("TT", "Ngày", "Nội dung", "Hình thức", "Địa bàn", "Kết quả")
    assert table.title == f"PHỤ LỤC\nCÁC HOẠT ĐỘNG TUYÊN TRUYỀN\n“{DAI_HOI.upper()}”"
    assert table.rows[0] == ("1", "31/10–03/11/2026", "Cờ mừng Đại hội", "Trực quan", "",
                             "5 băng rôn")
    assert table.rows[4][2:] == ("(Hoạt động được đánh dấu Mật, không nêu nội dung)",
                                 "Tuyên truyền miệng", "", "1 buổi nói chuyện, 12 lượt người")
    assert len(table.rows) == 6
    assert "Gặp mặt nội bộ" not in "\n".join(data.all_text())
    assert data.meta["campaign"] == a and data.meta["kind"] == "campaign"


def test_docx_and_pdf_of_the_one_report(data_set, tmp_path):
    ctx, a, _ = data_set
    kind = cr.campaign_kind(a)
    period = cr.campaign_period(ctx, CAMPAIGNS.get(ctx, a))
    paths = issuing.export_draft(ctx, kind, period, tmp_path)
    assert [p.name for p in paths] == [
        "BaoCao_TuyenTruyen_DangUyPhuongBinhTien_2026-10-01_2026-11-30_DuThao.docx",
        "BaoCao_TuyenTruyen_DangUyPhuongBinhTien_2026-10-01_2026-11-30_DuThao.pdf"]
    doc = Document(str(paths[0]))
    header = [c.text for row in doc.tables[0].rows for c in row.cells]
    header_text = "\n".join(header)
    for part in ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "-BC/ĐU",
                 "ĐẢNG CỘNG SẢN VIỆT NAM", "Bình Tiên, ngày 24 tháng 11 năm 2026"):
        assert part in header_text
    paras = [p.text for p in doc.paragraphs]
    at = paras.index("BÁO CÁO")
    assert paras[at + 1:at + 3] == [SUMMARY, "-----"]
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "2. Kết quả tuyên truyền", "II. ĐÁNH GIÁ CHUNG",
                    "IV. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in paras
    assert any(p.startswith("- Tuyên truyền trực quan (02 hoạt động)") for p in paras)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "T/M ĐẢNG ỦY" in "\n".join(cells) and "Phát tờ rơi về Đại hội" in cells
    with pdfplumber.open(paths[1]) as pdf:
        text = flat("\n".join(p.extract_text() for p in pdf.pages))
    for part in ("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", SUMMARY, "2. Kết quả tuyên truyền",
                 "T/M ĐẢNG ỦY", "Phát tờ rơi về Đại hội", "CÁC HOẠT ĐỘNG TUYÊN TRUYỀN"):
        assert part in text


def test_each_campaign_has_its_own_drafts_and_issued_reports(data_set, tmp_path):
    ctx, a, b = data_set
    span = Period.custom(date(2026, 11, 1), date(2026, 11, 20))     # the same days for both
    register.save_draft(ctx, cr.campaign_kind(a), span.code(), {"strengths": "Đợt A"}, "party")
    register.save_draft(ctx, cr.campaign_kind(b), span.code(), {"strengths": "Đợt B"}, "party")
    assert register.draft(ctx, cr.campaign_kind(a), span.code()).texts == {"strengths": "Đợt A"}
    assert register.draft(ctx, cr.campaign_kind(b), span.code()).texts == {"strengths": "Đợt B"}
    done = issuing.issue(ctx, cr.campaign_kind(b), span, allow_placeholders=True)
    assert done.entry.kind == f"campaign:{b}" and done.entry.number_text == "01-BC/ĐU"
    assert register.draft(ctx, cr.campaign_kind(a), span.code()) is not None
    assert cr.entry_label(ctx, done.entry.kind) == f"Báo cáo kết quả tuyên truyền “{MAT_TRAN}”"
    # the work report of the month cites it under "tham mưu", by its campaign
    work = reports.build_report(ctx, "work", Period.month(2026, 11))
    assert ("- Báo cáo số 01-BC/ĐU ngày 24/11/2026 về kết quả tuyên truyền kỷ niệm Ngày thành "
            "lập Mặt trận Tổ quốc Việt Nam.") in [b.text for b in work.body]


def test_a_campaign_report_needs_its_campaign(data_set):
    ctx, _, _ = data_set
    with pytest.raises(UserError, match="cần một đợt"):
        reports.build_report(ctx, "campaign", Period.month(2026, 11))
    with pytest.raises(UserError, match="không hợp lệ"):
        reports.build_report(ctx, "campaign:x", Period.month(2026, 11))


def test_the_command_line(data_set, tmp_path, capsys):
    from tgdesk import cli

    ctx, a, _ = data_set

    def run(*argv) -> int:
        args = cli.build_parser().parse_args(list(argv))
        try:
            return cli.run(ctx, args)
        except UserError as exc:          # main() prints it and exits 2
            print(f"tgdesk: {exc}")
            return 2

    out = tmp_path / "out"
    assert run("report", "--kind", "campaign", "--campaign", DAI_HOI, "--out", str(out)) == 0
    printed = capsys.readouterr().out.split()
    assert [p.rsplit("/", 1)[-1] for p in printed] == [
        "BaoCao_TuyenTruyen_DangUyPhuongBinhTien_2026-10-01_2026-11-30_DuThao.docx",
        "BaoCao_TuyenTruyen_DangUyPhuongBinhTien_2026-10-01_2026-11-30_DuThao.pdf"]
    assert run("report", "--kind", "campaign", "--campaign", str(a), "--period", "2026-11",
               "--out", str(out), "--issue", "--allow-placeholders") == 0
    assert "Đã ban hành báo cáo số 01-BC/ĐU" in capsys.readouterr().out
    assert run("issued") == 0
    assert f"Báo cáo kết quả tuyên truyền “{DAI_HOI}” tháng 11 năm 2026" in \
        capsys.readouterr().out
    assert run("report", "--kind", "campaign", "--out", str(out)) == 2
    assert "cần --campaign" in capsys.readouterr().out
    assert run("report", "--kind", "work", "--campaign", "1", "--period", "2026-11",
               "--out", str(out)) == 2
