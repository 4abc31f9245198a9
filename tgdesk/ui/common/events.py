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
