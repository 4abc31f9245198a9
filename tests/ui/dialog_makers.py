"""Screens with their data, built the same way by the tests that walk every form
(labels, Vietnamese input, contrast)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tgdesk.domain.period import PeriodKind
from tgdesk.domain.records import OpinionNote
from tgdesk.services import exchange as ex
from tgdesk.services.context import open_context
from tgdesk.services.issuing import FigureSection
from tgdesk.services.kinds import OPINIONS
from tgdesk.ui.exchange.exchange_units import RegisterDialog
from tgdesk.ui.reports.report_editor import ReportEditor


def noise_note(ctx, catalogue) -> int:
    """An opinion note (tiếng ồn) in the catalogue's category; its id."""
    return OPINIONS.create(ctx, OpinionNote(
        noted_on=date(2026, 11, 2), category_id=catalogue["category"],
        summary="Nhân dân phản ánh tiếng ồn", proposal="Đề nghị kiểm tra")).id


def report_editor(kind: str, period_kind: PeriodKind) -> ReportEditor:
    """The report editor with some words and one generated section."""
    editor = ReportEditor()
    editor.load(kind, period_kind, {"strengths": "Ưu điểm có sẵn"},
                [FigureSection("Công tác tuyên truyền", "2. Công tác tuyên truyền",
                               "Tổ chức 3 hội nghị, 120 lượt người dự.")])
    return editor


def register_dialog(folder: Path) -> RegisterDialog:
    """The dialog registering another unit's key file (made in ``folder``)."""
    other = open_context(folder / "other.sqlite")
    try:
        ex.init_unit(other, "BAN TUYÊN GIÁO QUẬN", "ĐẢNG BỘ THÀNH PHỐ", "Hà Nội")
        ex.write_key_file(other, folder / "other.key")
    finally:
        other.close()
    return RegisterDialog(ex.read_key_file(folder / "other.key"))
