"""What a list asks for: a date range, live records or the trash, the filters
of the list pages and the overview's tiles, a search and a sort order.

Every field left as None/False does not filter. A field that does not apply to
a record kind (``attitude`` for meetings) is ignored for that kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ListFilter:
    date_from: date | None = None
    date_to: date | None = None
    deleted: bool = False          # True: the trash (deleted rows only)
    search: str | None = None      # words typed in the search box (see store/search.py)
    meeting_type: str | None = None  # meetings: MeetingType code
    study_form: str | None = None    # studies: StudyForm code
    cell_id: int | None = None       # studies, propaganda, models: the Party cell
    area_id: int | None = None       # opinions, propaganda, models: residential area
    category_id: int | None = None   # opinions: opinion category
    attitude: str | None = None      # opinions: Attitude code
    concern: str | None = None       # opinions: Concern code (diem_nong = hot spot)
    follow_up: str | None = None     # opinions: FollowUp code; "open" = not yet resolved
    overdue: bool = False            # opinions: due date passed and not resolved
    propaganda_form: str | None = None  # propaganda: PropagandaForm code
    campaign_id: int | None = None      # propaganda: the campaign or theme
    online_kind: str | None = None      # online: OnlineEntryKind code
    channel: str | None = None          # online: OnlineChannel code
    model_subject: str | None = None    # models: ModelSubject code
    recognition: str | None = None      # models: Recognition code
    sort: str | None = None          # a column key of the list; None = newest first
    descending: bool = True
