"""One signal for every change: a window that saves announces it, the others refresh.

No window reaches into another; each page subscribes to ``DataBus.data_changed``
and reloads what it shows. The payload names what changed: a list kind
("meetings", "studies", "opinions"), a catalogue ("cells", "areas", "documents",
"people", "categories"), "unit", or "all" (e.g. after loading demo data).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

ALL = "all"


class DataBus(QObject):
    data_changed = Signal(str)

    def changed(self, what: str) -> None:
        self.data_changed.emit(what)


def concerns(what: str, *kinds: str) -> bool:
    """Whether a change named ``what`` affects something showing ``kinds``."""
    return what == ALL or what in kinds


class RefreshWhenShown:
    """For a page (put it before QWidget among the bases): a change announced
    while the page is hidden is loaded when the page is next shown, not at once.
    The page's ``refresh()`` calls ``self.loaded()``; ``stale = True`` in the
    page's constructor loads it only when it is first shown."""

    stale = False

    def data_changed(self) -> None:
        """Reload now when the page is showing; otherwise when it is next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def loaded(self) -> None:
        self.stale = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()
