"""Trao đổi dữ liệu: exchange by files between a ward and the level above, as
one page of the main window with a tab per task (docs/package-format.md)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from tgdesk.services.context import Context

from tgdesk.ui.common.events import ALL, DataBus, RefreshWhenShown
from tgdesk.ui.exchange.exchange_board import BoardTab
from tgdesk.ui.exchange.exchange_conflicts import ConflictsTab
from tgdesk.ui.exchange.exchange_receive import ReceiveTab
from tgdesk.ui.exchange.exchange_send import CatalogueTab, SendTab
from tgdesk.ui.exchange.exchange_units import UnitsTab
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.permits import Permission, withhold

EXCHANGE = "exchange"     # the DataBus payload of a change made here (units, exports)


class ExchangePage(RefreshWhenShown, QWidget):
    status = Signal(str)
    open_page = Signal(str)      # a page of the main window asked for ("unit")

    def __init__(self, ctx: Context, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.units = UnitsTab(ctx)
        self.send = SendTab(ctx)
        self.receive = ReceiveTab(ctx)
        self.conflicts = ConflictsTab(ctx)
        self.board = BoardTab(ctx)
        self.catalogue = CatalogueTab(ctx)
        self.tabs = QTabWidget()
        for tab, text in ((self.units, "Đơn vị && khóa"), (self.send, "Gửi đi"),
                          (self.receive, "Nhận về"), (self.conflicts, "Xung đột"),
                          (self.board, "Tình hình gửi báo cáo"),
                          (self.catalogue, "Danh mục gửi xuống")):
            self.tabs.addTab(tab, text)
            tab.status.connect(self.status)
            if hasattr(tab, "changed"):
                tab.changed.connect(self._tab_changed)
        self.units.open_settings.connect(lambda: self.open_page.emit("unit"))
        self._withhold(ctx)
        self.receive.changed.disconnect(self._tab_changed)
        self.receive.changed.connect(lambda: bus.changed(ALL))   # records came in
        self.conflicts.changed.disconnect(self._tab_changed)
        self.conflicts.changed.connect(lambda: bus.changed(ALL))
        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Trao đổi dữ liệu"))
        lay.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self.refresh_current())
        bus.data_changed.connect(self._on_data_changed)
        self.stale = True               # loaded when first shown: it may never be opened

    def _withhold(self, ctx: Context) -> None:
        """What the person's role may not do is not offered: the units and their keys
        are the Quản trị's; packages in and out, receipts and conflicts the writers'."""
        u, s, r, c = self.units, self.send, self.receive, self.conflicts
        withhold(ctx, Permission.ADMINISTER, u.rekey_button, u.register_button, u.rename_button,
                 u.merge_button, u.move_button, u.key_change_button)
        withhold(ctx, Permission.WRITE_RECORDS, s.export_button, s.again_button,
                 s.receipt_button, r.import_button, r.receipt_button, c.mine_button,
                 c.theirs_button, self.catalogue.export_button)

    def _tab_changed(self) -> None:
        self.bus.changed(EXCHANGE)

    def _on_data_changed(self, what: str) -> None:
        self.data_changed()

    def refresh(self) -> None:
        """Reload every tab (F5, or data changed elsewhere)."""
        self.loaded()
        for tab in (self.units, self.send, self.receive, self.conflicts, self.board,
                    self.catalogue):
            tab.refresh()

    def refresh_current(self) -> None:
        tab = self.tabs.currentWidget()
        if hasattr(tab, "refresh"):
            tab.refresh()

    def show_tab(self, tab: QWidget) -> QWidget:
        self.tabs.setCurrentWidget(tab)
        return tab

    def open_package(self, path: Path) -> ReceiveTab:
        """"Nhận về" with the dry run of ``path`` (a package opened from the file
        manager, ``--open``): what would change is shown, nothing is written until
        the officer presses "Nhập". A file that is missing or cannot be read gets
        the tab's usual message."""
        tab = self.show_tab(self.receive)
        tab.preview(Path(path))
        return tab
