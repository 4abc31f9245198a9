"""The three record list pages, described once each."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.services.kinds import MEETINGS, OPINIONS, STUDIES

from tgdesk.ui.records.meeting_dialog import MeetingDialog
from tgdesk.ui.records.opinion_dialog import OpinionDialog
from tgdesk.ui.records.record_page import PageSpec
from tgdesk.ui.records.study_dialog import StudyDialog


def _short(text: str | None, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


MEETING_PAGE = PageSpec(
    kind="meetings", service=MEETINGS, heading="Hội nghị", noun="hội nghị",
    dialog=MeetingDialog,
    empty_text="Chưa có hội nghị nào. Bấm “Thêm” (Ctrl+N) để ghi hội nghị đầu tiên.",
    describe=lambda r: f"{_short(r['title'])} ngày {vf.short_date(r['held_on'])}")

STUDY_PAGE = PageSpec(
    kind="studies", service=STUDIES, heading="Học tập – quán triệt",
    noun="buổi học tập", dialog=StudyDialog,
    empty_text="Chưa có buổi học tập, quán triệt nào. Bấm “Thêm” (Ctrl+N) để ghi buổi đầu "
               "tiên.\nVăn bản cần học tập được khai báo ở trang “Danh mục” → “Văn bản”.",
    describe=lambda r: f"{_short(r['title'])} ngày {vf.short_date(r['held_on'])}")

OPINION_PAGE = PageSpec(
    kind="opinions", service=OPINIONS, heading="Dư luận xã hội", noun="ý kiến dư luận",
    dialog=OpinionDialog, follow_up=True,
    empty_text="Chưa ghi nhận ý kiến dư luận nào. Bấm “Thêm” (Ctrl+N) để ghi ý kiến đầu "
               "tiên.\nLĩnh vực dư luận được khai báo ở trang “Danh mục”.",
    describe=lambda r: f"{_short(r['summary'])} ngày {vf.short_date(r['noted_on'])}")

RECORD_PAGES = (MEETING_PAGE, STUDY_PAGE, OPINION_PAGE)
