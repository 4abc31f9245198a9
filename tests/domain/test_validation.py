"""Validation is pure: records and the known catalogue ids go in, a Verdict comes out."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from tgdesk.domain.records import (Area, Cell, Meeting, OpinionCategory, OpinionNote,
                                   PartyDocument, Person, StudySession, UnitSettings)
from tgdesk.domain.validation import (Issue, Known, validate_area, validate_category,
                                      validate_cell, validate_document, validate_meeting,
                                      validate_opinion, validate_person, validate_study,
                                      validate_unit)

TODAY = date(2026, 11, 24)          # a Tuesday
MONDAY = date(2026, 11, 23)
SUNDAY = date(2026, 11, 22)

KNOWN = Known(cells=frozenset({1}), areas=frozenset({2}), documents=frozenset({3, 4}),
              people=frozenset({5}), categories=frozenset({6}))


def meeting(**kw) -> Meeting:
    base = dict(held_on=MONDAY, meeting_type="giao_ban", title="Giao ban công tác tuyên giáo",
                attendance=30, contributions=5)
    base.update(kw)
    return Meeting(**base)


def study(**kw) -> StudySession:
    base = dict(held_on=MONDAY, title="Học tập Nghị quyết 35-NQ/TW", document_ids=[3],
                cell_id=1, speaker_id=5, key_cadres=5, party_members_expected=40,
                party_members_present=38, core_masses=10)
    base.update(kw)
    return StudySession(**base)


def opinion(**kw) -> OpinionNote:
    base = dict(noted_on=MONDAY, area_id=2, reporter_id=5, category_id=6,
                summary="Người dân quan tâm việc bồi thường đất đai", attitude="ban_khoan",
                concern="trung_binh", follow_up="moi")
    base.update(kw)
    return OpinionNote(**base)


def unit(**kw) -> UnitSettings:
    base = dict(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                place_name="Bình Tiên", signer_name="Nguyễn Văn An")
    base.update(kw)
    return UnitSettings(**base)


def fields_of(issues: list[Issue]) -> list[str]:
    return [i.field for i in issues]


def only(issues: list[Issue], fld: str) -> Issue:
    found = [i for i in issues if i.field == fld]
    assert len(found) == 1, issues
    return found[0]


# --- valid records --------------------------------------------------------

def test_valid_records_have_no_errors_or_warnings():
    for verdict in (validate_meeting(meeting(), TODAY), validate_study(study(), KNOWN, TODAY),
                    validate_opinion(opinion(), KNOWN, TODAY), validate_unit(unit()),
                    validate_cell(Cell(name="Chi bộ Khu phố 1", member_count=40)),
                    validate_area(Area(name="Khu phố 3", kind="khu_pho")),
                    validate_person(Person(full_name="Trần Thị Bình", area_id=2), KNOWN),
                    validate_category(OpinionCategory(name="Đất đai")),
                    validate_document(PartyDocument(kind="nghi_quyet", number_symbol="35-NQ/TW",
                                                    issued_on=date(2024, 1, 4),
                                                    issuer="Bộ Chính trị",
                                                    title="Về bảo vệ nền tảng tư tưởng"),
                                      TODAY)):
        assert verdict.ok
        assert verdict.errors == []
        assert verdict.warnings == []


def test_today_itself_is_not_the_future():
    assert validate_meeting(meeting(held_on=TODAY), TODAY).ok


# --- errors that name the field ---------------------------------------------

def test_missing_date():
    v = validate_meeting(meeting(held_on=None), TODAY)
    assert not v.ok
    issue = only(v.errors, "held_on")
    assert issue.message.startswith("Ngày họp:")
    assert "chưa nhập" in issue.message


def test_missing_date_on_study_and_opinion():
    assert only(validate_study(study(held_on=None), KNOWN, TODAY).errors,
                "held_on").message.startswith("Ngày học tập:")
    assert only(validate_opinion(opinion(noted_on=None), KNOWN, TODAY).errors,
                "noted_on").message.startswith("Ngày nắm bắt:")


@pytest.mark.parametrize("title", ["", "   "])
def test_missing_title(title):
    v = validate_meeting(meeting(title=title), TODAY)
    assert fields_of(v.errors) == ["title"]
    assert v.errors[0].message == "Tên hội nghị: chưa nhập."


def test_missing_study_title_and_opinion_summary():
    assert only(validate_study(study(title=""), KNOWN, TODAY).errors,
                "title").message == "Nội dung học tập: chưa nhập."
    assert only(validate_opinion(opinion(summary=""), KNOWN, TODAY).errors,
                "summary").message == "Nội dung dư luận: chưa nhập."


def test_date_in_the_future():
    v = validate_meeting(meeting(held_on=date(2026, 11, 25)), TODAY)
    issue = only(v.errors, "held_on")
    assert issue.message == "Ngày họp: ngày 25/11/2026 còn ở tương lai."


def test_implausible_old_year():
    v = validate_meeting(meeting(held_on=date(1900, 1, 1)), TODAY)
    assert only(v.errors, "held_on").message == "Ngày họp: năm 1900 không hợp lệ."


def test_present_party_members_above_expected():
    v = validate_study(study(party_members_expected=40, party_members_present=41), KNOWN, TODAY)
    issue = only(v.errors, "party_members_present")
    assert "Đảng viên dự (41)" in issue.message
    assert "được triệu tập (40)" in issue.message


def test_present_equal_to_expected_is_fine():
    v = validate_study(study(party_members_expected=40, party_members_present=40), KNOWN, TODAY)
    assert v.ok


@pytest.mark.parametrize("fld,label", [
    ("key_cadres", "Cán bộ chủ chốt"),
    ("party_members_expected", "Đảng viên được triệu tập"),
    ("non_party_officials", "Cán bộ, công chức không là đảng viên"),
    ("core_masses", "Quần chúng nòng cốt"),
    ("union_members", "Đoàn viên, hội viên"),
    ("reflections", "Bài thu hoạch"),
])
def test_negative_study_count(fld, label):
    rec = study(**{fld: -1})
    if fld == "party_members_expected":
        rec.party_members_present = 0
    v = validate_study(rec, KNOWN, TODAY)
    issue = only(v.errors, fld)
    assert issue.message == f"{label}: không được là số âm."


def test_negative_meeting_counts():
    v = validate_meeting(meeting(attendance=-3, contributions=-1), TODAY)
    assert fields_of(v.errors) == ["attendance", "contributions"]
    assert v.errors[0].message == "Số người dự: không được là số âm."
    assert v.errors[1].message == "Số ý kiến tham luận: không được là số âm."


def test_negative_cell_member_count():
    v = validate_cell(Cell(name="Chi bộ 1", member_count=-2))
    assert only(v.errors, "member_count").message == "Số đảng viên: không được là số âm."


def test_study_without_document():
    v = validate_study(study(document_ids=[]), KNOWN, TODAY)
    issue = only(v.errors, "document_ids")
    assert issue.message == "Văn bản học tập: chọn ít nhất một văn bản."


def test_study_with_document_twice():
    v = validate_study(study(document_ids=[3, 3]), KNOWN, TODAY)
    assert only(v.errors, "document_ids").message.startswith("Văn bản học tập:")


@pytest.mark.parametrize("known_without,fld,label", [
    ("cells", "cell_id", "Chi bộ"),
    ("people", "speaker_id", "Báo cáo viên"),
    ("documents", "document_ids", "Văn bản học tập"),
])
def test_study_unknown_reference(known_without, fld, label):
    known = dataclasses.replace(KNOWN, **{known_without: frozenset()})
    v = validate_study(study(), known, TODAY)
    issue = only(v.errors, fld)
    assert issue.message == f"{label}: không có trong danh mục (có thể đã bị xóa)."


@pytest.mark.parametrize("known_without,fld,label", [
    ("areas", "area_id", "Khu dân cư"),
    ("people", "reporter_id", "Người phản ánh"),
    ("categories", "category_id", "Lĩnh vực"),
])
def test_opinion_unknown_reference(known_without, fld, label):
    known = dataclasses.replace(KNOWN, **{known_without: frozenset()})
    v = validate_opinion(opinion(), known, TODAY)
    issue = only(v.errors, fld)
    assert issue.message == f"{label}: không có trong danh mục (có thể đã bị xóa)."


def test_person_unknown_area():
    v = validate_person(Person(full_name="Lê Văn Cường", area_id=99), KNOWN)
    assert only(v.errors, "area_id").message.startswith("Khu dân cư:")


def test_optional_references_may_be_empty_but_category_is_required():
    v = validate_opinion(opinion(area_id=None, reporter_id=None, category_id=None), KNOWN, TODAY)
    assert fields_of(v.errors) == ["category_id"]
    assert v.errors[0].message == "Lĩnh vực: chưa chọn."
    assert validate_study(study(cell_id=None, speaker_id=None), KNOWN, TODAY).ok


@pytest.mark.parametrize("validate,rec,fld,label", [
    (lambda r: validate_meeting(r, TODAY), meeting(meeting_type="hop_kin"), "meeting_type",
     "Loại hội nghị"),
    (lambda r: validate_meeting(r, TODAY), meeting(classification="toi_mat"), "classification",
     "Độ mật"),
    (lambda r: validate_study(r, KNOWN, TODAY), study(form="qua_thu"), "form", "Hình thức"),
    (lambda r: validate_opinion(r, KNOWN, TODAY), opinion(attitude="vui"), "attitude", "Thái độ"),
    (lambda r: validate_opinion(r, KNOWN, TODAY), opinion(concern="rat_cao"), "concern",
     "Mức độ quan tâm"),
    (lambda r: validate_opinion(r, KNOWN, TODAY), opinion(follow_up="xong"), "follow_up",
     "Tình trạng xử lý"),
    (lambda r: validate_opinion(r, KNOWN, TODAY), opinion(source="bao_chi"), "source", "Nguồn"),
    (validate_area, Area(name="Khu phố 1", kind="quan"), "kind", "Loại"),
    (lambda r: validate_person(r, KNOWN), Person(full_name="Lê Văn Cường", role="truong_khu"),
     "role", "Vai trò"),
    (lambda r: validate_document(r, TODAY),
     PartyDocument(kind="luat", number_symbol="1/QH", issued_on=date(2024, 1, 1), issuer="Quốc hội",
                   title="Luật"), "kind", "Loại văn bản"),
])
def test_unknown_enum_code(validate, rec, fld, label):
    v = validate(rec)
    issue = only(v.errors, fld)
    value = getattr(rec, fld)
    assert issue.message == f"{label}: giá trị “{value}” không có trong danh sách."


def test_document_required_fields():
    v = validate_document(PartyDocument(kind="nghi_quyet"), TODAY)
    assert set(fields_of(v.errors)) == {"number_symbol", "issuer", "title", "issued_on"}
    assert only(v.errors, "issued_on").message.startswith("Ngày ban hành:")


def test_catalogue_names_required():
    assert only(validate_cell(Cell()).errors, "name").message == "Tên chi bộ: chưa nhập."
    assert only(validate_area(Area()).errors, "name").message == "Tên khu dân cư: chưa nhập."
    assert only(validate_person(Person(), KNOWN).errors, "full_name").message == "Họ tên: chưa nhập."
    assert (only(validate_category(OpinionCategory()).errors, "name").message
            == "Tên lĩnh vực: chưa nhập.")


def test_unit_missing_name_and_signer():
    v = validate_unit(unit(name="", signer_name=" "))
    assert fields_of(v.errors) == ["name", "signer_name"]
    assert v.errors[0].message == "Tên đơn vị: chưa nhập."
    assert v.errors[1].message == "Họ tên người ký: chưa nhập."


def test_unit_doc_abbrev_must_be_the_part_after_the_slash():
    v = validate_unit(unit(doc_abbrev="BC-ĐU"))
    assert fields_of(v.errors) == ["doc_abbrev"]
    assert "ĐU" in v.errors[0].message


# --- warnings, not errors -------------------------------------------------

def test_meeting_on_sunday_is_a_warning():
    v = validate_meeting(meeting(held_on=SUNDAY), TODAY)
    assert v.ok
    assert v.errors == []
    issue = only(v.warnings, "held_on")
    assert "Chủ nhật" in issue.message


def test_study_on_sunday_is_a_warning():
    v = validate_study(study(held_on=SUNDAY), KNOWN, TODAY)
    assert v.ok
    assert "Chủ nhật" in only(v.warnings, "held_on").message


def test_very_large_count_is_a_warning():
    v = validate_study(study(core_masses=20012), KNOWN, TODAY)
    assert v.ok
    issue = only(v.warnings, "core_masses")
    assert issue.message.startswith("Quần chúng nòng cốt: 20.012")
    assert validate_study(study(core_masses=2000), KNOWN, TODAY).warnings == []


def test_very_large_meeting_attendance_is_a_warning():
    v = validate_meeting(meeting(attendance=5000, contributions=3), TODAY)
    assert v.ok
    assert fields_of(v.warnings) == ["attendance"]


def test_attendance_beyond_what_the_meeting_type_has_is_a_warning():
    """1.250 people at a giao ban is queried (likely 125); at a hội thi it is not."""
    v = validate_meeting(meeting(attendance=1250), TODAY)
    assert v.ok
    issue = only(v.warnings, "attendance")
    assert issue.message == ("Số người dự: 1.250 người là nhiều so với một cuộc giao ban "
                             "thường có (đến 200 người), xin kiểm tra lại.")
    assert validate_meeting(meeting(attendance=200), TODAY).warnings == []
    assert validate_meeting(meeting(meeting_type="hoi_thi", attendance=1250),
                            TODAY).warnings == []
    assert fields_of(validate_meeting(meeting(meeting_type="trien_khai", attendance=1001),
                                      TODAY).warnings) == ["attendance"]


def test_more_contributions_than_people_is_a_warning():
    v = validate_meeting(meeting(attendance=10, contributions=12), TODAY)
    assert v.ok
    assert fields_of(v.warnings) == ["contributions"]


def test_hot_spot_without_proposal_is_a_warning():
    v = validate_opinion(opinion(concern="diem_nong", proposal=None), KNOWN, TODAY)
    assert v.ok
    issue = only(v.warnings, "proposal")
    assert issue.message == "Điểm nóng nhưng chưa có đề xuất xử lý."
    v2 = validate_opinion(opinion(concern="diem_nong", proposal="Tổ chức đối thoại"), KNOWN, TODAY)
    assert v2.warnings == []


def test_passed_on_without_recipient_is_a_warning():
    v = validate_opinion(opinion(follow_up="da_bao_cao"), KNOWN, TODAY)
    assert v.ok
    assert fields_of(v.warnings) == ["passed_to"]


def test_no_attendance_at_all_is_a_warning():
    v = validate_study(study(key_cadres=0, party_members_expected=0, party_members_present=0,
                             core_masses=0), KNOWN, TODAY)
    assert v.ok
    assert fields_of(v.warnings) == ["party_members_present"]


# --- Issue.field is a dataclass attribute ------------------------------------

def test_every_issue_field_is_an_attribute_of_the_record():
    cases = [
        (meeting(held_on=None, title="", meeting_type="x", classification="x", attendance=-1,
                 contributions=-1), lambda r: validate_meeting(r, TODAY)),
        (study(held_on=date(2030, 1, 1), title="", form="x", classification="x", document_ids=[9],
               cell_id=9, speaker_id=9, key_cadres=-1, party_members_expected=3,
               party_members_present=5, non_party_officials=-1, core_masses=-1,
               union_members=-1, reflections=-1), lambda r: validate_study(r, KNOWN, TODAY)),
        (opinion(noted_on=None, summary="", attitude="x", concern="x", follow_up="x", source="x",
                 classification="x", area_id=9, reporter_id=9, category_id=9),
         lambda r: validate_opinion(r, KNOWN, TODAY)),
        (opinion(concern="diem_nong", follow_up="dang_xu_ly", noted_on=SUNDAY),
         lambda r: validate_opinion(r, KNOWN, TODAY)),
        (unit(name="", parent_name="", place_name="", doc_abbrev="", signer_authority="",
              signer_title="", signer_name=""), validate_unit),
        (PartyDocument(kind="x"), lambda r: validate_document(r, TODAY)),
        (Person(role="x", area_id=9), lambda r: validate_person(r, KNOWN)),
        (Area(kind="x"), validate_area),
        (Cell(member_count=-1), validate_cell),
        (OpinionCategory(), validate_category),
    ]
    for rec, validate in cases:
        v = validate(rec)
        attrs = {f.name for f in dataclasses.fields(rec)}
        issues = v.errors + v.warnings
        assert issues, rec
        for issue in issues:
            assert issue.field in attrs, (type(rec).__name__, issue)
            assert issue.message.strip()
    # the big study case really reports every bad field
    v = validate_study(cases[1][0], KNOWN, TODAY)
    assert set(fields_of(v.errors)) == {
        "held_on", "title", "form", "classification", "document_ids", "cell_id", "speaker_id",
        "key_cadres", "party_members_present", "non_party_officials", "core_masses",
        "union_members", "reflections"}
