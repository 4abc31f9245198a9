"""What the overview asks of the main window: open a list (filtered when the page
can be), open a report, add a record, load the demo data."""

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period
from tgdesk.ui.overview.overview_links import links_to


class FakePage:
    def __init__(self, filtered: bool):
        self.seen = []
        if filtered:
            self.show_filtered = self.seen.append
            self.set_report = lambda kind, period: self.seen.append((kind, period))


class FakeWindow:
    def __init__(self, filtered: bool):
        self.page = FakePage(filtered)
        self.shown = []
        self.demo = 0

    def show_page(self, key):
        self.shown.append(key)
        return self.page

    def load_demo(self):
        self.demo += 1


def test_links_to_a_window():
    window = FakeWindow(filtered=True)
    links = links_to(window)
    links.open_page("opinions", ListFilter(overdue=True))
    links.open_page("unit", None)
    links.open_report("work", Period.month(2026, 11))
    links.load_demo()
    assert window.shown == ["opinions", "unit", "figures"]
    assert window.page.seen == [ListFilter(overdue=True), ("work", Period.month(2026, 11))]
    assert window.demo == 1
    plain = FakeWindow(filtered=False)            # a page without show_filtered: just shown
    links_to(plain).open_page("opinions", ListFilter(overdue=True))
    links_to(plain).add_record("opinions")
    assert plain.shown == ["opinions", "opinions"]

