"""What a demo load added, counted, and the one Vietnamese line that reports it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tgdesk import vnformat as vf


@dataclass
class DemoSummary:
    cells: int = 0
    areas: int = 0
    documents: int = 0
    people: int = 0
    categories: int = 0
    meetings: int = 0
    studies: int = 0
    opinions: int = 0
    campaigns: int = 0
    online_team: int = 0               # people in the online team (nhóm 35)
    propaganda: int = 0
    online: int = 0
    models: int = 0
    start: date | None = None
    end: date | None = None
    unit_created: str | None = None   # the unit's name when the demo set it up

    def text(self) -> str:
        n = vf.number
        parts = [f"{n(self.cells)} chi bộ", f"{n(self.areas)} khu dân cư",
                 f"{n(self.documents)} văn bản", f"{n(self.people)} người trong mạng lưới",
                 f"{n(self.categories)} lĩnh vực dư luận", f"{n(self.meetings)} hội nghị",
                 f"{n(self.studies)} buổi học tập", f"{n(self.opinions)} ý kiến dư luận",
                 f"{n(self.campaigns)} đợt tuyên truyền",
                 f"{n(self.propaganda)} hoạt động tuyên truyền",
                 f"{n(self.online)} việc của nhóm trực tuyến ({n(self.online_team)} thành viên)",
                 f"{n(self.models)} mô hình, điển hình"]
        out = (f"Đã nạp dữ liệu mẫu: {', '.join(parts)} "
               f"(từ {vf.short_date(self.start)} đến {vf.short_date(self.end)}).")
        if self.unit_created:
            out += f"\nĐã thiết lập đơn vị: {self.unit_created}."
        return out
