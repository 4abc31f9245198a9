"""What frames every outline (reports/compose/frame.py): opening, header, signature,
recipients, closing, and the profile's wording over all of it."""

import dataclasses

from tgdesk.domain.period import Period
from tgdesk.reports.model import Heading
from tgdesk.services import reports, unit

NOV = Period.month(2026, 11)
OCT = Period.month(2026, 10)


def texts_of(data):
    return "\n".join(data.all_text())


def test_running_period_counts_to_today_and_says_so(filled):
    data = reports.build_report(filled, "work", NOV)
    text = texts_of(data)
    assert "(Số liệu tính đến ngày 24 tháng 11 năm 2026.)" in text
    assert data.header.number_text.startswith("Số ") and data.header.number_text.endswith(
        "-BC/ĐU")


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
