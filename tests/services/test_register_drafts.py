"""Drafts and their starting words, edited figures paragraphs, corrections as
new reports, format settings (services used by the report screen)."""

from __future__ import annotations

import stat
from datetime import date

import pytest

from tgdesk.domain.period import Period
from tgdesk.reports.model import Paragraph, from_json
from tgdesk.services import issuing, register, report_format
from tgdesk.services.errors import UserError
from tgdesk.services.settings_store import PROFILE_OVERRIDES, get_setting
from tgdesk.services.unit import get_unit
from demo_db import open_copy

TODAY = date(2026, 11, 24)  # the conftest ctx fixture's today

OCT = Period.parse("2026-10")


@pytest.fixture
def demo(demo_template, tmp_path):
    c = open_copy(demo_template(years=1, seed=3), tmp_path)
    yield c
    c.close()


def body_texts(data):
    return [b.text for b in data.body]


def test_starting_point_prefers_this_periods_draft_then_the_latest_report(demo):
    assert register.starting_point(demo, "work", "2026-10").texts == {}
    register.save_draft(demo, "work", "2026-09", {"strengths": "Tốt.", register.FIGURES:
                                                  {"Công tác tuyên truyền": "Sửa tay."}}, "party")
    start = register.starting_point(demo, "work", "2026-10")
    # Words come over from the latest report; edited figures belong to September only.
    assert start.texts == {"strengths": "Tốt."}
    assert start.draft is None and start.source.period_code == "2026-09"
    own = register.starting_point(demo, "work", "2026-09")
    assert own.draft is not None and register.FIGURES in own.texts
    assert register.starting_texts(demo, "work", "2026-10") == {"strengths": "Tốt."}
    assert register.starting_point(demo, "opinion", "2026-10").texts == {}


def test_an_edited_figures_paragraph_replaces_the_generated_one(demo):
    sections = issuing.figure_sections(demo, "work", OCT)
    keys = [s.key for s in sections]
    assert "Công tác tuyên truyền" in keys
    prop = sections[keys.index("Công tác tuyên truyền")]
    assert prop.title.endswith("Công tác tuyên truyền") and prop.edited is None
    assert prop.text.startswith("Trong tháng,")
    plain = issuing.draft(demo, "work", OCT, texts={})
    assert prop.text.splitlines()[0] in body_texts(plain)

    edit = {"text": "Trong tháng, Đảng uỷ phường tổ chức nhiều hội nghị.\n- Một ý gạch đầu dòng.",
            "base": prop.text}
    texts = {register.FIGURES: {prop.key: edit}}
    data = issuing.draft(demo, "work", OCT, texts=texts)
    body = body_texts(data)
    assert prop.text.splitlines()[0] not in body
    # the officer's words take the generated paragraph's place, in the profile's ủy style
    at = body.index("Trong tháng, Đảng ủy phường tổ chức nhiều hội nghị.")
    assert body[at - 1].endswith("Công tác tuyên truyền")
    assert body[at + 1] == "- Một ý gạch đầu dòng."
    assert isinstance(data.body[at], Paragraph)
    # other sections keep their generated paragraphs
    study = sections[keys.index("Học tập, quán triệt nghị quyết, chỉ thị, kết luận của Đảng")]
    assert study.text.splitlines()[0] in body

    again = {s.key: s for s in issuing.figure_sections(demo, "work", OCT, texts=texts)}
    assert again[prop.key].edited == edit["text"] and again[prop.key].stale is False
    stale = {register.FIGURES: {prop.key: {"text": "Cũ.", "base": "số liệu khác"}}}
    assert {s.key: s for s in issuing.figure_sections(demo, "work", OCT, texts=stale)}[
        prop.key].stale is True
    # an empty edit means the generated paragraph
    blank = {register.FIGURES: {prop.key: "  "}}
    assert body_texts(issuing.draft(demo, "work", OCT, texts=blank)) == body_texts(plain)


def test_issue_keeps_the_edited_figures_and_a_correction_is_a_new_draft(demo, tmp_path):
    key = issuing.figure_sections(demo, "opinion", OCT)[0].key
    texts = {"mood": "Tâm trạng ổn định.", register.FIGURES: {key: "Đoạn số liệu đã sửa."}}
    register.save_draft(demo, "opinion", OCT.code(), texts, "party")
    done = issuing.issue(demo, "opinion", OCT, out_dir=tmp_path, allow_placeholders=True)
    stored = register.issued_files(demo, done.entry.id)
    assert "Đoạn số liệu đã sửa." in body_texts(from_json(_data_json(demo, done.entry.id)))
    assert stored[2].startswith(b"%PDF")
    for path in done.files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
    entry, pdf = issuing.issued_pdf(demo, done.entry.id)
    assert pdf == stored[2] and entry.number == 1

    new = issuing.draft_from_issued(demo, done.entry.id)
    assert (new.kind, new.period_code, new.status) == ("opinion", "2026-10", "draft")
    assert new.texts == texts
    assert register.get_report(demo, done.entry.id).issued
    assert [e.number for e in register.issued_reports(demo)] == [1]


def _data_json(ctx, report_id):
    from tgdesk.store.tables import ReportRow
    with ctx.reading() as session:
        return session.get(ReportRow, report_id).data_json


def test_preview_of_a_period_without_data(demo):
    pdf = issuing.preview_pdf(demo, "work", Period.parse("2020-03"))
    assert pdf.startswith(b"%PDF")
    with pytest.raises(UserError, match="chưa bắt đầu"):
        issuing.preview_pdf(demo, "work", Period.parse("2027-01"))


def test_format_settings_validate_and_keep_only_changes(demo):
    fs = report_format.format_settings(demo)
    assert fs.profile == "party" and fs.values == fs.defaults
    assert (fs.spacing_min, fs.spacing_max) == (18, 22)
    with pytest.raises(UserError, match="từ 18 đến 22 pt"):
        report_format.save_format(demo, "party", {**fs.values, "line_spacing_pt": 30})
    assert get_setting(demo, PROFILE_OVERRIDES) is None
    saved = report_format.save_format(demo, "party", {**fs.values, "line_spacing_pt": 20,
                                                "recipient_line_end": ";"})
    assert get_setting(demo, PROFILE_OVERRIDES) == {"line_spacing_pt": 20,
                                                    "recipient_line_end": ";"}
    assert saved.values["line_spacing_pt"] == 20
    data = issuing.draft(demo, "work", OCT)
    assert data.recipients[0].endswith(";")
    with pytest.raises(UserError):
        report_format.save_format(demo, "party", {"uy_style": "uy"})
    assert get_setting(demo, PROFILE_OVERRIDES) == {"line_spacing_pt": 20,
                                                    "recipient_line_end": ";"}
    assert dict(report_format.profile_choices())["state"].startswith("Văn bản hành chính")
    report_format.save_format(demo, "state", report_format.format_settings(demo, "state").defaults)
    assert get_unit(demo).profile == "state"
    assert get_setting(demo, PROFILE_OVERRIDES) == {}


def test_format_settings_need_a_unit(ctx):
    with pytest.raises(UserError, match="đơn vị"):
        report_format.save_format(ctx, "party", {"line_spacing_pt": 20})
