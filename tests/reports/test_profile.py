import json

import pytest

from tgdesk.reports.profile import ProfileError, available_profiles, load_profile
from tgdesk.reports.text import apply_uy_style, ascii_fold


def test_both_profiles_load_with_the_spec_values():
    assert {"party", "state"} <= set(available_profiles())
    p = load_profile("party")
    assert (p.page_width_mm, p.page_height_mm) == (210, 297)
    assert (p.margin_top_mm, p.margin_bottom_mm, p.margin_left_mm, p.margin_right_mm) == \
        (20, 20, 30, 15)
    assert p.header_distance_mm == 10 and p.page_number_size == 14
    assert p.docx_font == "Times New Roman"
    assert p.right_lines[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert p.style("party_title").size == 15 and p.style("party_title").bold
    assert p.style("issuer").bold and not p.style("superior").bold
    assert p.style("date").italic and p.style("kind").size == 16
    body = p.style("body")
    assert (body.align, body.first_line_indent_mm, body.line_spacing_pt, body.space_after) == \
        ("justify", 10, 18, 6)
    assert p.style("recipients_label").underline and p.style("recipient").size == 12
    assert p.style("authority").bold and not p.style("signer_title").bold
    assert p.format_number(5, "BC", "ĐU") == "Số 05-BC/ĐU"
    assert p.format_number(15, "BC", "ĐU") == "Số 15-BC/ĐU"
    assert p.format_number(None, "BC", "ĐU").startswith("Số ") and "-BC/ĐU" in \
        p.format_number(None, "BC", "ĐU")
    assert p.archive_line == "- Lưu Văn phòng Đảng ủy."
    assert p.document_types["Chương trình"] == "CTr" and p.bodies["Đảng ủy cơ sở"] == "ĐU"
    s = load_profile("state")
    assert s.right_lines[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert s.right_lines[1].text == "Độc lập - Tự do - Hạnh phúc"
    assert s.format_number(12, "BC", "UBND") == "Số: 12/BC-UBND"
    assert s.authority_forms["T/M"] == "TM."
    assert s.style("recipients_label").bold and s.style("recipients_label").italic
    assert s.style("recipient").size == 11


def test_overrides_change_only_the_user_values():
    p = load_profile("party", {"line_spacing_pt": 20, "recipient_line_end": ";",
                               "uy_style": "uỷ", "count_padding": False,
                               "section_numbering": "I-", "regulation_abbrev": "QĐi"})
    assert p.style("body").line_spacing_pt == 20 and p.style("heading1").line_spacing_pt == 20
    assert p.recipient_line_end == ";" and p.uy_style == "uỷ" and not p.count_padding
    assert p.section_numbering == "{roman}-" and p.regulation_abbrev == "QĐi"


@pytest.mark.parametrize("overrides, words", [
    ({"line_spacing_pt": 30}, "giãn dòng"),
    ({"recipient_line_end": "."}, "Nơi nhận"),
    ({"uy_style": "uy"}, "ủy"),
    ({"font": "Arial"}, "Không có thiết lập"),
    ({"count_padding": "yes"}, "đúng hoặc sai"),
])
def test_bad_overrides_are_refused_in_vietnamese(overrides, words):
    with pytest.raises(ProfileError, match=words):
        load_profile("party", overrides)


def test_bad_files_give_clear_messages(tmp_path):
    with pytest.raises(ProfileError, match="Không có định dạng"):
        load_profile("nope")
    (tmp_path / "broken.json").write_text("{ no", encoding="utf-8")
    with pytest.raises(ProfileError, match="hỏng ở dòng 1"):
        load_profile("broken", directory=tmp_path)
    data = json.loads(load_profile.__globals__["profiles_dir"]().joinpath("party.json")
                      .read_text(encoding="utf-8"))
    del data["page"]["margins_mm"]["left"]
    (tmp_path / "x.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError, match="thiếu mục “page.margins_mm.left”"):
        load_profile("x", directory=tmp_path)
    data["page"]["margins_mm"]["left"] = "30"
    (tmp_path / "x.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError, match="không hợp lệ"):
        load_profile("x", directory=tmp_path)


@pytest.mark.parametrize("new, old", [
    ("ĐẢNG ỦY PHƯỜNG", "ĐẢNG UỶ PHƯỜNG"), ("Thành ủy", "Thành uỷ"), ("văn hóa", "văn hoá"),
    ("khỏe", "khoẻ"), ("thủy lợi", "thuỷ lợi"), ("quý", "quý"), ("hoàn thành", "hoàn thành"),
])
def test_uy_style_is_one_per_document(new, old):
    assert apply_uy_style(new, "uỷ") == old
    assert apply_uy_style(old, "ủy") == new


def test_ascii_fold():
    assert ascii_fold("ĐẢNG ỦY PHƯỜNG BÌNH TIÊN") == "DANG UY PHUONG BINH TIEN"
