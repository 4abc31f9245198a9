"""The opinion report's ticks (ui/reports/opinion_picks.py): every bức xúc note and hot
spot of the period ticked at first; an unticked one is saved with the draft, left out
of the pages, still unticked when the report is opened again; "MẬT" is announced."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from report_pages import choose, pdf_text, wait_task

from tgdesk.domain.period import Period
from tgdesk.services import issuing, register, reports
from tgdesk.services.register import EXCLUDED_NOTES

pytestmark = pytest.mark.gui

OCT = Period.month(2026, 10)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_all_notes_ticked_then_one_left_out_of_draft_and_pages(qtbot, page, demo):
    choose(qtbot, page, "opinion", OCT)
    picks = page.editor.picks
    candidates = reports.opinion_candidates(demo, OCT)
    assert len(candidates) >= 2 and any(n.concern == "diem_nong" for n in candidates)
    assert sorted(picks.listed()) == sorted(n.id for n in candidates)
    assert EXCLUDED_NOTES not in page.editor.texts()
    # grouped by category, each note a tick with its date, area, status, then its summary
    groups = [w.text() for w in picks.findChildren(QLabel, "picks_category")]
    assert sorted(groups) == sorted({f"<i>{n.category}</i>" for n in candidates})
    hot = next(n for n in candidates if n.concern == "diem_nong")
    tick = picks.ticks[hot.id]
    assert tick.text().startswith(hot.noted_on.strftime("%d/%m/%Y"))
    assert "điểm nóng" in tick.text()
    assert any(w.text() == hot.summary and w.buddy() is tick for w in picks.findChildren(QLabel))

    qtbot.mouseClick(tick, Qt.MouseButton.LeftButton)        # untick it
    assert not tick.isChecked()
    assert page.dirty
    assert page.editor.texts()[EXCLUDED_NOTES] == [hot.id]
    page.save_draft(True)                                     # Ctrl+S saves and re-renders
    wait_task(qtbot, page)
    assert register.draft(demo, "opinion", OCT.code()).texts[EXCLUDED_NOTES] == [hot.id]
    shown = _flat(pdf_text(page.preview.data()))
    assert _flat(hot.summary)[:40] not in shown
    kept = next(n for n in candidates if n.id != hot.id)
    assert _flat(kept.summary)[:40] in shown

    page.refresh()                                            # opened again: still left out
    assert hot.id not in page.editor.picks.listed()
    assert len(page.editor.picks.listed()) == len(candidates) - 1
    page.editor.picks.all_button.click()
    assert EXCLUDED_NOTES not in page.editor.texts()
    page.save_draft(False)
    assert EXCLUDED_NOTES not in register.draft(demo, "opinion", OCT.code()).texts


def test_the_secrecy_mark_is_announced_while_a_mật_note_is_ticked(qtbot, page, demo):
    choose(qtbot, page, "opinion", OCT)
    picks = page.editor.picks
    assert any(n.classified for n in picks.notes)          # demo notes are mostly Mật
    assert picks.mark.isVisibleTo(picks) and "MẬT" in picks.mark.text()
    assert issuing.draft(demo, "opinion", OCT, texts=page.editor.texts()).header.secrecy_mark \
        == "MẬT"
    picks.none_button.click()
    assert picks.listed() == [] and not picks.mark.isVisibleTo(picks)
    texts = page.editor.texts()
    assert sorted(texts[EXCLUDED_NOTES]) == sorted(n.id for n in picks.notes)
    assert issuing.draft(demo, "opinion", OCT, texts=texts).header.secrecy_mark is None


def test_no_list_for_the_work_report_and_a_word_when_there_is_nothing(qtbot, page, demo):
    choose(qtbot, page, "work", OCT)
    assert page.editor.picks is None
    before = Period.month(2025, 6)                 # before the demo's first record
    choose(qtbot, page, "opinion", before)
    picks = page.editor.picks
    assert reports.opinion_candidates(demo, before) == [] and picks.notes == []
    assert picks.ticks == {} and not picks.all_button.isVisibleTo(picks)
    assert picks.findChild(QLabel, "picks_empty").text() == \
        "Kỳ này không có ý kiến bức xúc, điểm nóng."
