"""A small set of propaganda activities, online-team entries and models over
November 2026 (the month counted), October 2026 (the previous month) and
November 2025 (the same month last year), with a deleted and a received record
of each kind. The comments give what each month counts; tests count by hand
from them (tests/services/test_activity_stats.py, tests/reports/…)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from tgdesk.domain.records import Campaign, ExemplaryModel, OnlineEntry, Person, PropagandaActivity
from tgdesk.services.kinds import CAMPAIGNS, MODELS, ONLINE, PEOPLE, PROPAGANDA
from tgdesk.store import tables as t

DAI_HOI = "Chào mừng Đại hội XIV của Đảng"
MAT_TRAN = "Kỷ niệm Ngày thành lập Mặt trận Tổ quốc Việt Nam"
SECRET_SUMMARY = "Trang giả mạo xuyên tạc nhân sự Đại hội (tuyệt mật nội dung)"
THEME = ("Thực hành tư tưởng, đạo đức, phong cách Hồ Chí Minh, nêu gương, tự soi, tự sửa, "
         "hết lòng phục vụ Nhân dân")


def received_unit(ctx) -> int:
    """An exchange unit below (the origin of received records)."""
    with ctx.transaction() as session:
        unit = t.ExchangeUnitRow(uuid=t.new_uuid(), name="Phường B", relation="child",
                                 sign_public=b"s" * 32, box_public=b"b" * 32, fingerprint="0")
        session.add(unit)
        session.flush()
        return unit.id


def _received(ctx, row, record_id: int, unit_id: int) -> None:
    with ctx.transaction() as session:
        session.execute(update(row).where(row.id == record_id).values(origin_unit_id=unit_id))


def fill_activities(ctx) -> dict:
    """The data set; returns the ids a test may need."""
    other = received_unit(ctx)
    a = CAMPAIGNS.create(ctx, Campaign(name=DAI_HOI, starts_on=date(2026, 10, 1),
                                       ends_on=date(2026, 11, 30))).id
    b = CAMPAIGNS.create(ctx, Campaign(name=MAT_TRAN)).id
    p1 = PEOPLE.create(ctx, Person(full_name="Lê Thị Hoa", online_team=True)).id
    p2 = PEOPLE.create(ctx, Person(full_name="Trần Văn Minh", online_team=True)).id
    p3 = PEOPLE.create(ctx, Person(full_name="Phạm Thu Hà", online_team=True, active=False)).id
    PEOPLE.create(ctx, Person(full_name="Ngô Văn Tư"))                    # not in the team

    def act(day, form, title, campaign=None, **q):
        return PROPAGANDA.create(ctx, PropagandaActivity(
            held_on=day, form=form, title=title, campaign_id=campaign, **q)).id

    # November 2026: 8 activities
    act(date(2026, 11, 2), "truc_quan", "Treo băng rôn, cờ chào mừng Đại hội", a,
        banners=12, slogans=30, flags=300)
    act(date(2026, 11, 5), "truc_quan", "Pano, áp phích Ngày thành lập Mặt trận", b,
        panos=2, posters=10)
    act(date(2026, 11, 7), "loa_dai", "Phát thanh tin Đại hội", a, bulletins=20,
        minutes_on_air=150)
    act(date(2026, 11, 10), "truc_tuyen", "Đăng tin trên fanpage phường", posts=5, shares=40,
        reach=1200)
    act(date(2026, 11, 12), "an_pham", "Phát tờ rơi về Đại hội", a, copies=500)
    act(date(2026, 11, 15), "van_hoa", "Văn nghệ mừng Ngày hội Đại đoàn kết", b,
        performances=3, people=400)
    act(date(2026, 11, 18), "mieng", "Nói chuyện chuyên đề an toàn giao thông", sessions=2,
        people=150)
    act(date(2026, 11, 24), "mieng", "Nói chuyện về văn kiện Đại hội", a, sessions=1, people=60)
    PROPAGANDA.delete(ctx, act(date(2026, 11, 20), "truc_quan", "Đã xóa", banners=99))
    _received(ctx, t.PropagandaRow,
              act(date(2026, 11, 21), "truc_quan", "Của phường B", banners=7), other)
    # October 2026: 2 (one running into November counts in October)
    PROPAGANDA.create(ctx, PropagandaActivity(
        held_on=date(2026, 10, 31), ends_on=date(2026, 11, 3), form="truc_quan",
        title="Cờ mừng Đại hội", campaign_id=a, banners=5))
    act(date(2026, 10, 15), "mieng", "Nói chuyện thời sự", sessions=1, people=30)
    # November 2025: 1
    act(date(2025, 11, 10), "truc_quan", "Băng rôn năm trước", banners=4)

    def online(day, kind, summary, member=None, **values):
        return ONLINE.create(ctx, OnlineEntry(noted_on=day, entry_kind=kind, summary=summary,
                                              member_id=member, **values)).id

    # November 2026: 9 entries, 17 posts, 75 shares, 3.800 reach; 4 wrong contents found
    online(date(2026, 11, 5), "dang_tin", "Chia sẻ bài về Đại hội", p1, channel="facebook",
           posts=10, shares=50, reach=3000)
    online(date(2026, 11, 6), "dang_tin", "Chia sẻ trên Zalo khu phố", p2, channel="zalo",
           posts=4, shares=20, reach=800)
    online(date(2026, 11, 8), "dang_tin", "Đăng ảnh hoạt động", p1, posts=2, shares=5)
    online(date(2026, 11, 9), "phat_hien", SECRET_SUMMARY, p1, channel="tiktok",
           content_kind="xuyen_tac", action="bao_cao_nen_tang", classification="mat")
    online(date(2026, 11, 10), "phat_hien", "Tin sai về thu hồi đất", p2,
           content_kind="sai_su_that", action="phan_bac", posts=1)
    online(date(2026, 11, 11), "phat_hien", "Tin sai về giá điện",
           content_kind="sai_su_that", action="da_go")
    online(date(2026, 11, 12), "phat_hien", "Bài kích động biểu tình", p3,
           content_kind="thu_dich", action="chuyen_co_quan", passed_to="Công an phường")
    online(date(2026, 11, 13), "du_thi", "Bài dự thi của chi bộ", p2, entries=3)
    online(date(2026, 11, 14), "du_thi", "Bài dự thi của đoàn thanh niên", entries=2)
    ONLINE.delete(ctx, online(date(2026, 11, 15), "dang_tin", "Đã xóa", p1, posts=100))
    _received(ctx, t.OnlineEntryRow,
              online(date(2026, 11, 16), "dang_tin", "Của phường B", posts=7), other)
    # October 2026: 2 entries, 6 posts, 1 wrong content
    online(date(2026, 10, 5), "dang_tin", "Tin tháng 10", p1, posts=6, shares=10)
    online(date(2026, 10, 9), "phat_hien", "Tin sai tháng 10", p2, content_kind="sai_su_that",
           action="bao_cao_nen_tang")
    # November 2025: 1 entry, 3 posts (the first record of all)
    online(date(2025, 11, 2), "dang_tin", "Tin năm trước", posts=3)

    def model(day, subject, name, **values):
        return MODELS.create(ctx, ExemplaryModel(noted_on=day, subject=subject, name=name,
                                                 **values)).id

    # November 2026: 5 noted (4 registered, 3 assessed, 1 replicated); recognised:
    # khen thưởng 1 mô hình, biểu dương 1 cá nhân and 1 mô hình (noted in March)
    model(date(2026, 11, 3), "mo_hinh", "Tuyến phố văn minh", assessed=True, replicated=True,
          recognition="khen_thuong", recognition_level="Đảng ủy phường",
          recognized_on=date(2026, 11, 20), recognition_doc="Quyết định số 15-QĐ/ĐU",
          theme=THEME)
    model(date(2026, 11, 4), "ca_nhan", "Nguyễn Văn Bình", assessed=True,
          recognition="bieu_duong", recognition_level="Đảng ủy phường", theme=THEME)
    model(date(2026, 11, 5), "tap_the", "Chi bộ Khu phố 3", theme=THEME)
    model(date(2026, 11, 6), "mo_hinh", "Dân vận khéo", assessed=True, theme=THEME)
    model(date(2026, 11, 9), "mo_hinh", "Mô hình chưa đăng ký", registered=False,
          theme="Chuyên đề khác", classification="mat")
    model(date(2026, 3, 10), "mo_hinh", "Camera an ninh", assessed=True,
          recognition="bieu_duong", recognition_level="Đảng ủy phường",
          recognized_on=date(2026, 11, 15), theme=THEME)
    MODELS.delete(ctx, model(date(2026, 11, 7), "mo_hinh", "Đã xóa"))
    _received(ctx, t.ModelRow, model(date(2026, 11, 8), "ca_nhan", "Của phường B"), other)
    # October 2026: 1 noted, khen thưởng 1 cá nhân
    model(date(2026, 10, 12), "ca_nhan", "Trần Thị Lan", assessed=True,
          recognition="khen_thuong", recognition_level="Đảng ủy phường",
          recognized_on=date(2026, 10, 20), theme=THEME)
    # November 2025: 1 noted
    model(date(2025, 11, 8), "mo_hinh", "Mô hình năm trước")
    return {"campaigns": (a, b), "team": (p1, p2, p3), "other": other}
