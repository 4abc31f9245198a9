"""The demo's campaigns, propaganda activities, online team and exemplary models
(services/demo/activities.py and the modules it runs): believable, valid, kept
apart from the other kinds' draws."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select

from tgdesk.domain import starter
from tgdesk.domain.enums import PROPAGANDA_QUANTITIES, QUANTITIES_BY_FORM
from tgdesk.services.demo import load_demo, loader
from tgdesk.services.demo import activity_text as ax
from tgdesk.services.demo.campaigns import RECURRING, can_chi, roman, year_drives
from tgdesk.store import tables as t

from demo_rows import TODAY, dump, fresh

QUANTITIES = [fld for fld, _label, _unit in PROPAGANDA_QUANTITIES]


def rows(ctx, row) -> list:
    with ctx.reading() as session:
        return session.scalars(select(row).order_by(row.id)).all()


def test_campaigns_are_the_years_anniversaries_events_and_standard_themes(demo):
    campaigns = {c.name: c for c in rows(demo, t.CampaignRow)}
    for name in ("Kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 – 3/2/2026)",
                 "Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
                 "Chào mừng bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ "
                 "2026–2031", "Kỷ niệm 81 năm Cách mạng tháng Tám và Quốc khánh 2/9 (1945–2026)",
                 *RECURRING):
        assert name in campaigns, name
    dated = [c for c in campaigns.values() if c.starts_on is not None]
    assert len(dated) >= 7
    assert all(c.starts_on < c.ends_on and c.starts_on <= TODAY for c in dated)
    assert all("-KH/ĐU ngày" in c.note for c in dated)
    assert all(campaigns[n].starts_on is None for n in RECURRING)
    election = campaigns["Chào mừng bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp "
                         "nhiệm kỳ 2026–2031"]
    assert election.starts_on < date(2026, 3, 15) < election.ends_on
    # the years' names follow the standard campaigns, so a unit set up with them reuses them
    standard = {name for name, *_rest in starter.CAMPAIGNS}
    assert set(RECURRING) <= standard
    for y in (2025, 2026):
        assert standard & {d.campaign.name for d in year_drives(y)}
    assert (can_chi(2026), can_chi(2025), roman(14)) == ("Bính Ngọ", "Ất Tỵ", "XIV")


def test_propaganda_fills_only_its_forms_quantities_and_follows_the_campaigns(demo):
    acts = rows(demo, t.PropagandaRow)
    assert Counter(a.form for a in acts).keys() == QUANTITIES_BY_FORM.keys()
    for a in acts:
        fits = QUANTITIES_BY_FORM[a.form]
        assert all(getattr(a, f) == 0 for f in QUANTITIES if f not in fits), (a.form, a.title)
        assert any(getattr(a, f) > 0 for f in fits), (a.form, a.title)
        assert a.held_on <= TODAY and (a.ends_on is None or a.held_on < a.ends_on <= TODAY)
    campaigns = {c.id: c for c in rows(demo, t.CampaignRow)}
    visual = [a for a in acts if a.form == "truc_quan"]
    assert visual and all(a.campaign_id for a in visual)
    for a in visual:   # hung as the campaign starts
        c = campaigns[a.campaign_id]
        assert c.starts_on is None or a.held_on - c.starts_on <= timedelta(days=3)
    assert sum(a.flags for a in visual) > 1000
    # the loudspeakers every week; a performance closes the anniversaries
    weeks = sorted(a.held_on for a in acts if a.form == "loa_dai")
    assert all(d.weekday() == 0 for d in weeks) and len(weeks) >= 50
    assert all(b - a == timedelta(days=7) for a, b in zip(weeks, weeks[1:]))
    shows = [a for a in acts if a.form == "van_hoa"]
    assert len(shows) >= 4 and all(a.campaign_id for a in shows)
    october = [a for a in acts if (a.held_on.year, a.held_on.month) == (2026, 10)]
    assert {"loa_dai", "truc_tuyen", "mieng"} <= {a.form for a in october}
    assert 0.5 < sum(1 for a in acts if a.campaign_id) / len(acts) < 0.95


def test_online_team_posts_weekly_reports_wrong_content_and_enters_the_contest(demo):
    team = {p.id for p in rows(demo, t.PersonRow) if p.online_team}
    assert 5 <= len(team) <= 12
    entries = rows(demo, t.OnlineEntryRow)
    assert {e.member_id for e in entries} <= team
    kinds = Counter(e.entry_kind for e in entries)
    posts = [e for e in entries if e.entry_kind == "dang_tin"]
    weeks = {e.noted_on.isocalendar()[:2] for e in posts}
    assert len(weeks) >= 0.7 * 52 and all(e.posts or e.shares for e in posts)
    found = [e for e in entries if e.entry_kind == "phat_hien"]
    assert all(e.content_kind and e.action for e in found)
    assert all(e.passed_to for e in found if e.action == "chuyen_co_quan")
    assert sum(e.classification == "mat" for e in found) >= 0.7 * len(found)
    by_month = Counter((e.noted_on.year, e.noted_on.month) for e in found)
    assert all(1 <= n <= 5 for n in by_month.values()) and len(by_month) >= 11
    assert all(e.classification == "thuong" for e in entries if e.entry_kind != "phat_hien")
    essays = [e for e in entries if e.entry_kind == "du_thi"]
    assert kinds["du_thi"] >= 5 and all(4 <= e.noted_on.month <= 8 and e.entries for e in essays)
    assert all("lần thứ Sáu, năm 2026" in e.summary for e in essays)
    assert all(e.content_kind is None and e.action is None for e in entries
               if e.entry_kind != "phat_hien")


def test_models_of_the_year_are_registered_assessed_and_some_commended(demo):
    models = rows(demo, t.ModelRow)
    of_2026 = [m for m in models if m.noted_on.year == 2026]
    assert 10 <= len(of_2026) <= 30
    assert {m.theme for m in of_2026} == {ax.THEMES[2026]}
    assert {m.subject for m in models} == {"mo_hinh", "tap_the", "ca_nhan"}
    registered = [m for m in of_2026 if m.registered]
    assert registered and all(m.noted_on.month <= 3 for m in registered)
    recognised = [m for m in models if m.recognition != "chua"]
    assert recognised and all(m.assessed for m in recognised)
    for m in recognised:
        assert m.recognition_level and m.recognized_on and m.recognized_on <= TODAY
        assert m.recognition_doc.startswith("Quyết định số ")
        assert m.noted_on <= m.recognized_on
        if m.recognition_level == "Đảng ủy phường":
            assert "-QĐ/ĐU ngày" in m.recognition_doc
    assert all(not (m.recognition_level or m.recognition_doc or m.recognized_on)
               for m in models if m.recognition == "chua")
    assert all(m.assessed for m in models if m.replicated)
    assert any(m.replicated for m in models)
    # commended at the mid-year review and at months' flag ceremonies; the year-end
    # review is still to come
    days = {m.recognized_on for m in recognised}
    assert len({d.month for d in days}) >= 3 and not any(d.month == 12 for d in days)
    assert all(d.weekday() == 0 for d in days if d.month != 6)


def test_the_other_kinds_draw_nothing_from_these(template_db, tmp_path, monkeypatch):
    """Meetings, sessions and notes are the same rows with or without the new kinds."""
    a, b = fresh(template_db, tmp_path, "a.sqlite"), fresh(template_db, tmp_path, "b.sqlite")
    try:
        summary = load_demo(a, years=1, seed=2)
        assert summary.propaganda and summary.online and summary.models and summary.campaigns
        monkeypatch.setattr(loader, "activity_catalogues", lambda *args: (None, None))
        monkeypatch.setattr(loader, "insert_activities", lambda *args: None)
        load_demo(b, years=1, seed=2)
        rows_a, rows_b = dump(a), dump(b)
        for table in ("meeting", "study_session", "opinion_note", "opinion_follow_up", "cell",
                      "area", "cell_member_count"):
            assert rows_a[table] == rows_b[table], table
        assert rows_b["propaganda_activity"] == [] and rows_a["propaganda_activity"]
    finally:
        a.close()
        b.close()


def test_loading_twice_keeps_the_campaigns_and_the_team(ctx):
    first = load_demo(ctx, years=1, seed=4)
    second = load_demo(ctx, years=1, seed=4)
    assert second.campaigns == 0 and second.online_team == first.online_team
    assert second.propaganda == first.propaganda and second.models == first.models
    with ctx.reading() as session:
        team = session.scalars(select(t.PersonRow.id).where(t.PersonRow.online_team)).all()
        uuids = session.scalars(select(t.PropagandaRow.uuid)).all()
    assert len(team) == first.online_team and len(set(uuids)) == 2 * first.propaganda
