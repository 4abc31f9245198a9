"""What the overview asks of the window around it (open a list, a report, a dialog)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period, PeriodKind


@dataclass
class Links:
    """What the overview asks of the window around it; each is optional."""

    open_page: Callable[[str, ListFilter | None], None] = lambda key, flt: None
    open_report: Callable[[str, Period], None] = lambda kind, period: None
    add_record: Callable[[str], None] = lambda key: None
    load_demo: Callable[[], None] = lambda: None


def links_to(window) -> Links:
    """Links for the main window: ``window.show_page(key)`` then the page's own
    ``show_filtered(flt)`` / ``set_report(kind, period)`` when it has them."""

    def open_page(key: str, flt: ListFilter | None = None) -> None:
        page = window.show_page(key)
        if flt is not None and hasattr(page, "show_filtered"):
            page.show_filtered(flt)

    def open_report(kind: str, period: Period) -> None:
        page = window.show_page("figures")
        if hasattr(page, "set_report"):          # the report page: kind and period
            page.set_report(kind, period)
        elif hasattr(page, "set_period") and period.kind is not PeriodKind.CUSTOM:
            s = period.start
            part = {PeriodKind.MONTH: s.month, PeriodKind.QUARTER: (s.month - 1) // 3 + 1,
                    PeriodKind.HALF: 1 if s.month <= 6 else 2}.get(period.kind)
            page.set_period(period.kind, s.year, part)

    def add_record(key: str) -> None:
        page = window.show_page(key)
        if hasattr(page, "add_record"):
            page.add_record()

    return Links(open_page, open_report, add_record, window.load_demo)
