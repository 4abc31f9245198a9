"""Opinion follow-up: statuses with date, note and recipient; kept history; overdue."""

from datetime import date

import pytest

from tgdesk.domain.records import FollowUpChange, OpinionCategory, OpinionNote
from tgdesk.services import followups, lists
from tgdesk.services.errors import ValidationFailed
from tgdesk.services.kinds import CATEGORIES, OPINIONS


@pytest.fixture
def note_id(ctx):
    cat = CATEGORIES.create(ctx, OpinionCategory(name="Trật tự đô thị"))
    return OPINIONS.create(ctx, OpinionNote(
        noted_on=date(2026, 11, 2), category_id=cat.id, concern="diem_nong",
        summary="Nhân dân bức xúc về tình trạng lấn chiếm vỉa hè đường Hậu Giang",
        proposal="Đề nghị UBND phường ra quân lập lại trật tự", due_on=date(2026, 11, 20))).id


def test_a_hot_spot_through_all_statuses(ctx, note_id):
    steps = [("da_bao_cao", date(2026, 11, 3), "Thường trực Đảng ủy", "Báo cáo tại giao ban"),
             ("dang_xu_ly", date(2026, 11, 10), "UBND phường", "Đội trật tự đô thị ra quân"),
             ("da_giai_quyet", date(2026, 11, 21), "UBND phường", "Vỉa hè đã thông thoáng")]
    for status, on, to, note in steps:
        warnings = followups.change_status(ctx, note_id, FollowUpChange(status, on, to, note))
        assert warnings == []
        assert OPINIONS.get(ctx, note_id).follow_up == status
    hist = followups.history(ctx, note_id)
    assert [(h.status, h.changed_on, h.passed_to, h.note) for h in hist] == [
        ("moi", date(2026, 11, 2), None, None), *steps]
    assert OPINIONS.get(ctx, note_id).passed_to == "UBND phường"


def test_overdue_until_resolved(ctx, note_id):
    assert followups.overdue_ids(ctx) == [note_id]        # due 20/11, today 24/11
    followups.change_status(ctx, note_id, FollowUpChange("da_giai_quyet", date(2026, 11, 24),
                                                         "UBND phường"))
    assert followups.overdue_ids(ctx) == []


def test_deleted_note_is_not_overdue(ctx, note_id):
    OPINIONS.delete(ctx, note_id)
    assert followups.overdue_ids(ctx) == []


@pytest.mark.parametrize("change,field", [
    (FollowUpChange("moi", date(2026, 11, 5)), "status"),               # unchanged
    (FollowUpChange("xong", date(2026, 11, 5)), "status"),              # unknown
    (FollowUpChange("dang_xu_ly", date(2026, 11, 30)), "changed_on"),   # future
    (FollowUpChange("dang_xu_ly", date(2026, 10, 30)), "changed_on"),   # before the note
    (FollowUpChange("dang_xu_ly", None), "changed_on"),
])
def test_bad_changes_are_refused_and_change_nothing(ctx, note_id, change, field):
    with pytest.raises(ValidationFailed) as err:
        followups.change_status(ctx, note_id, change)
    assert err.value.issues[0].field == field
    assert OPINIONS.get(ctx, note_id).follow_up == "moi"
    assert len(followups.history(ctx, note_id)) == 1


def test_going_back_warns_and_missing_recipient_warns(ctx, note_id):
    followups.change_status(ctx, note_id, FollowUpChange("dang_xu_ly", date(2026, 11, 5), "UBND"))
    warnings = followups.change_status(ctx, note_id,
                                       FollowUpChange("da_bao_cao", date(2026, 11, 6)))
    assert {w.field for w in warnings} == {"status", "passed_to"}


def test_status_edited_in_the_form_is_recorded(ctx, note_id):
    rec = OPINIONS.get(ctx, note_id)
    rec.follow_up, rec.passed_to = "dang_xu_ly", "Công an phường"
    OPINIONS.update(ctx, note_id, rec)
    hist = followups.history(ctx, note_id)
    assert [(h.status, h.changed_on) for h in hist] == [("moi", date(2026, 11, 2)),
                                                         ("dang_xu_ly", date(2026, 11, 24))]
    rec.summary = "Sửa nội dung, không đổi tình trạng"
    OPINIONS.update(ctx, note_id, rec)
    assert len(followups.history(ctx, note_id)) == 2


def test_due_date_before_the_note_is_an_error(ctx, note_id):
    rec = OPINIONS.get(ctx, note_id)
    rec.due_on = date(2026, 11, 1)
    with pytest.raises(ValidationFailed) as err:
        OPINIONS.update(ctx, note_id, rec)
    assert err.value.issues[0].field == "due_on"


def test_due_date_shows_in_rows(ctx, note_id):
    assert lists.rows(ctx, "opinions", [note_id])[0]["due_on"] == date(2026, 11, 20)


def test_check_change_saves_nothing_and_says_what_change_status_would(ctx, note_id):
    change = FollowUpChange("dang_xu_ly", date(2026, 11, 1), "UBND")
    verdict = followups.check_change(ctx, note_id, change)
    assert [i.field for i in verdict.errors] == ["changed_on"]
    ok = followups.check_change(ctx, note_id, FollowUpChange("dang_xu_ly", date(2026, 11, 5)))
    assert ok.ok and [w.field for w in ok.warnings] == ["passed_to"]
    assert OPINIONS.get(ctx, note_id).follow_up == "moi"


def test_due_date_set_kept_or_cleared_with_a_step(ctx, note_id):
    followups.change_status(ctx, note_id, FollowUpChange("da_bao_cao", date(2026, 11, 3), "X"))
    assert OPINIONS.get(ctx, note_id).due_on == date(2026, 11, 20)        # kept
    followups.change_status(ctx, note_id, FollowUpChange("dang_xu_ly", date(2026, 11, 4), "X"),
                            due_on=date(2026, 12, 31))
    assert OPINIONS.get(ctx, note_id).due_on == date(2026, 12, 31)
    assert followups.overdue_ids(ctx) == []
    with pytest.raises(ValidationFailed) as err:
        followups.change_status(ctx, note_id, FollowUpChange("da_giai_quyet", date(2026, 11, 5),
                                                             "X"), due_on=date(2026, 10, 1))
    assert err.value.issues[0].field == "due_on"
    assert OPINIONS.get(ctx, note_id).follow_up == "dang_xu_ly"
    followups.change_status(ctx, note_id, FollowUpChange("da_giai_quyet", date(2026, 11, 5), "X"),
                            due_on=None)
    assert OPINIONS.get(ctx, note_id).due_on is None


def test_a_step_dated_before_the_last_one_warns(ctx, note_id):
    followups.change_status(ctx, note_id, FollowUpChange("da_bao_cao", date(2026, 11, 10), "X"))
    warnings = followups.change_status(ctx, note_id,
                                       FollowUpChange("dang_xu_ly", date(2026, 11, 6), "X"))
    assert [w.field for w in warnings] == ["changed_on"]
    assert "10/11/2026" in warnings[0].message


def test_next_status_follows_the_order():
    assert [followups.next_status(s) for s in ("moi", "da_bao_cao", "dang_xu_ly",
                                               "da_giai_quyet", None)] == [
        "da_bao_cao", "dang_xu_ly", "da_giai_quyet", None, "moi"]


def test_overdue_filter_of_the_list_agrees_with_overdue_ids(ctx, note_id):
    from tgdesk.domain.filters import ListFilter
    assert lists.record_ids(ctx, "opinions", ListFilter(overdue=True)) == \
        followups.overdue_ids(ctx) == [note_id]
