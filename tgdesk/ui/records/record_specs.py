"""The record list pages, described once each."""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.services.kinds import MEETINGS, MODELS, ONLINE, OPINIONS, PROPAGANDA, STUDIES

from tgdesk.ui.records.meeting_dialog import MeetingDialog
from tgdesk.ui.records.model_dialog import ModelDialog
from tgdesk.ui.records.online_dialog import OnlineDialog
from tgdesk.ui.records.opinion_dialog import OpinionDialog
from tgdesk.ui.records.propaganda_dialog import PropagandaDialog
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

PROPAGANDA_PAGE = PageSpec(
    kind="propaganda", excel=True, service=PROPAGANDA, heading="Hoạt động tuyên truyền",
    noun="hoạt động tuyên truyền", dialog=PropagandaDialog,
    empty_text="Chưa ghi hoạt động tuyên truyền nào (băng rôn, khẩu hiệu, loa đài, trên mạng, "
               "tờ rơi, văn nghệ, nói chuyện). Bấm “Thêm” (Ctrl+N) để ghi hoạt động đầu tiên."
               "\nĐợt, chủ đề tuyên truyền được khai báo ở trang “Danh mục”.",
    describe=lambda r: f"{_short(r['title'])} ngày {vf.short_date(r['held_on'])}")

ONLINE_PAGE = PageSpec(
    kind="online", excel=True, service=ONLINE,
    heading="Bảo vệ nền tảng tư tưởng trên mạng (Nghị quyết 35)",
    noun="hoạt động trên mạng", dialog=OnlineDialog,
    empty_text="Chưa ghi hoạt động nào của nhóm 35: bài đăng, chia sẻ thông tin tích cực, "
               "thông tin sai trái phát hiện được, bài dự thi. Bấm “Thêm” (Ctrl+N) để ghi."
               "\nThành viên nhóm được đánh dấu ở trang “Danh mục” → “Người”.",
    describe=lambda r: f"{_short(r['summary'])} ngày {vf.short_date(r['noted_on'])}")

MODEL_PAGE = PageSpec(
    kind="models", excel=True, service=MODELS, heading="Mô hình, điển hình (Chỉ thị 05)",
    noun="mô hình, điển hình", dialog=ModelDialog,
    empty_text="Chưa ghi mô hình, tập thể hay cá nhân điển hình nào trong học tập và làm theo "
               "tư tưởng, đạo đức, phong cách Hồ Chí Minh. Bấm “Thêm” (Ctrl+N) để ghi.",
    describe=lambda r: _short(r["name"]))

RECORD_PAGES = (MEETING_PAGE, STUDY_PAGE, OPINION_PAGE, PROPAGANDA_PAGE, ONLINE_PAGE, MODEL_PAGE)
