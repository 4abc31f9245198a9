"""Mật where it belongs (issue 12, item 5): the unit's default classification of
a new opinion note, and how many Mật records this PC holds — the trash and
received records included."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from tgdesk.domain.records import Meeting, OnlineEntry, OpinionCategory, OpinionNote
from tgdesk.services import classified
from tgdesk.services.kinds import CATEGORIES, MEETINGS, ONLINE, OPINIONS


def note(ctx, category, **kw):
    return OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 2), category_id=category,
                                            summary="Ý kiến về giải phóng mặt bằng",
                                            attitude="ban_khoan", **kw)).id


def test_the_default_is_mat_until_the_unit_chooses(ctx):
    assert classified.opinion_default(ctx) == "mat"
    classified.set_opinion_default(ctx, "thuong")
    assert classified.opinion_default(ctx) == "thuong"
    with pytest.raises(ValueError):
        classified.set_opinion_default(ctx, "tuyet_mat")
    assert classified.opinion_default(ctx) == "thuong"


def test_the_count_holds_every_kind_the_trash_and_received_records(ctx):
    assert classified.classified_count(ctx).total == 0
    assert classified.describe(classified.classified_count(ctx)) == \
        "Máy này không giữ hồ sơ Mật nào."
    cat = CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id
    kept, gone, theirs = note(ctx, cat), note(ctx, cat), note(ctx, cat)
    note(ctx, cat, classification="thuong")
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 3), title="Hội nghị chuyên đề",
                                 classification="mat"))
    ONLINE.create(ctx, OnlineEntry(noted_on=date(2026, 11, 4), entry_kind="phat_hien",
                                   summary="Bài xuyên tạc", content_kind="xuyen_tac",
                                   action="bao_cao_nen_tang", classification="mat"))
    OPINIONS.delete(ctx, gone)
    with ctx.transaction() as session:
        session.execute(text("UPDATE opinion_note SET origin_unit_id = 7 WHERE id = :id"),
                        {"id": theirs})
    count = classified.classified_count(ctx)
    assert (count.total, count.in_trash, count.received) == (5, 1, 1)
    assert count.by_kind["opinions"] == 3 and count.by_kind["meetings"] == 1
    assert count.by_kind["online"] == 1
    assert classified.describe(count) == ("Máy này đang giữ 5 hồ sơ Mật (1 trong thùng rác, "
                                          "1 nhận từ đơn vị khác).")
    assert kept


def test_a_lists_mat_records_follow_its_filter_and_pass_the_in_limit(ctx):
    from tgdesk.domain.filters import ListFilter
    from tgdesk.domain.records import PropagandaActivity
    from tgdesk.services.kinds import PROPAGANDA

    def activity(i, **kw):
        return PROPAGANDA.create(ctx, PropagandaActivity(
            held_on=date(2026, 10, 1 + i % 30), form="truc_quan", title=f"Băng rôn số {i}",
            banners=1, **kw)).id
    for i in range(classified.CHUNK + 50):          # more ids than one IN (…) holds
        activity(i, classification="mat" if i % 100 == 0 else "thuong")
    gone = activity(999, classification="mat")
    PROPAGANDA.delete(ctx, gone)
    assert classified.classified_in_list(ctx, "propaganda") == 10
    assert classified.classified_in_list(ctx, "propaganda", ListFilter(deleted=True)) == 1
    october_1 = ListFilter(date_from=date(2026, 10, 1), date_to=date(2026, 10, 1))
    assert classified.classified_in_list(ctx, "propaganda", october_1) == 4   # i = 0, 300, 600, 900
    assert classified.classified_in_list(ctx, "propaganda", ListFilter(search="so 100")) == 1
