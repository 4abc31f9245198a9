"""Nhật ký: the audit log (services/audit.py) - who wrote what, when, with the
values before and after. Filters (days of this computer's clock, person, action,
table, words in the values), the newest entries first (at most
audit_browse.LIMIT, the footer saying how many matched), the selected entry's
fields below (audit_view.py). "Kiểm tra nhật ký" walks the hash chain off the
GUI thread and says whether the log is intact or where it was tampered with
(those entries shaded red); the window's check at start shows the same notice
(audit_watch.py). "Xuất Excel…" writes every matching entry
(services/excel/audit_export.py, imported on use)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from tgdesk import vnformat as vf
from tgdesk.domain.audit import ACTIONS, ChainBreak
from tgdesk.services import audit, audit_browse
from tgdesk.services.context import Context

from tgdesk.ui.audit.audit_view import AuditBrowser
from tgdesk.ui.common import kit
from tgdesk.ui.common.app_settings import last_folder, remember_folder
from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.events import DataBus, RefreshWhenShown
from tgdesk.ui.common.flow_layout import FlowLayout, together
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.kit import note_label
from tgdesk.ui.common.tasks import Task, run_task
from tgdesk.ui.common.widgets import buddy_label, shortcut, show_error

TITLE = "Nhật ký"
INTRO = ("Ai thêm, sửa, xóa, nhập dữ liệu, ban hành báo cáo, sao lưu…, lúc nào (giờ của máy "
         "này), giá trị trước và sau. Các mục được nối với nhau bằng mã băm: một mục bị sửa, "
         "xóa hay đổi chỗ đều bị phát hiện.")
EMPTY_LOG = "Nhật ký chưa có mục nào."
NO_MATCH = "Không có mục nào phù hợp với bộ lọc."
FOLDER_KEY = "audit/last_folder"
XLSX_FILTER = "Tệp Excel (*.xlsx);;Mọi tệp (*)"
OK_STYLE = "background: #e3f1e3; color: #1e4620; padding: 8px; border-radius: 4px;"
SHOWN_BREAKS = 20           # the notice lists at most this many places
SEARCH_DELAY_MS = 300


def tampered_text(count: int, breaks: list[ChainBreak]) -> str:
    """The red notice (rich text): how many places, then each (the first few)."""
    head = (f"<b>Nhật ký đã bị can thiệp:</b> phát hiện {vf.number(len(breaks))} chỗ có mục "
            f"nhật ký bị sửa, xóa hoặc đổi chỗ sau khi ghi (nhật ký có {vf.number(count)} "
            "mục). Các mục đó được tô đỏ trong bảng. Hãy báo cấp ủy và giữ nguyên tệp dữ liệu "
            "cùng các bản sao lưu để kiểm tra.")
    items = [f"• {escape(b.message)}" for b in breaks[:SHOWN_BREAKS]]
    if len(breaks) > SHOWN_BREAKS:
        items.append(f"… và {vf.number(len(breaks) - SHOWN_BREAKS)} chỗ khác.")
    return "<br>".join([head, *items])


def intact_text(count: int) -> str:
    return (f"Nhật ký nguyên vẹn: {vf.number(count)} mục, không mục nào bị sửa, xóa hay đổi "
            f"chỗ (kiểm tra lúc {datetime.now():%H:%M %d/%m/%Y}).")


class AuditPage(RefreshWhenShown, QWidget):
    status = Signal(str)
    verified = Signal(object)          # (count, breaks) of a check run here

    def __init__(self, ctx: Context, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None          # the chain check or the Excel export
        self.exported: Path | None = None
        self.total = 0
        self._quiet = True
        self._build_filters()
        self.verify_button = QPushButton("&Kiểm tra nhật ký")
        self.verify_button.setToolTip("Kiểm tra chuỗi mã băm: có mục nào bị sửa, xóa hoặc đổi "
                                      "chỗ sau khi ghi không")
        self.verify_button.clicked.connect(self.verify_log)
        self.export_button = QPushButton("Xuất &Excel…")
        self.export_button.setToolTip("Ghi mọi mục phù hợp với bộ lọc (kể cả các mục cũ hơn "
                                      "những mục đang hiện) ra tệp Excel")
        self.export_button.clicked.connect(lambda: self.export_excel())
        self.bar.add_stretch()
        self.bar.addWidget(self.verify_button)
        self.bar.addWidget(self.export_button)

        self.notice = note_label("")
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.hide()
        self.message = note_label("", kit.ERROR_BOX_STYLE)
        self.message.hide()
        self.browser = AuditBrowser()
        self.footer = note_label("", "color: #555;")

        lay = QVBoxLayout(self)
        lay.addWidget(heading_label(TITLE))
        lay.addWidget(note_label(INTRO))
        lay.addWidget(self.notice)
        lay.addLayout(self.bar)
        lay.addWidget(self.message)
        lay.addWidget(self.browser, 1)
        lay.addWidget(self.footer)
        shortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        bus.data_changed.connect(self._on_data_changed)
        self._quiet = False
        self.refresh()

    def _build_filters(self) -> None:
        today = self.ctx.today()
        self.date_from = DateField(None, optional=True, placeholder="từ đầu", today=today)
        self.date_to = DateField(None, optional=True, placeholder="đến nay", today=today)
        self.actor = QComboBox()
        self.action = QComboBox()
        self.action.addItem("Mọi việc", None)
        for code, label in ACTIONS.items():
            self.action.addItem(label, code)
        self.kind = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText("chữ trong giá trị, không dấu cũng được")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.clear_button = QPushButton("Bỏ lọc")
        self.clear_button.clicked.connect(self.clear_filters)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        for field in (self.date_from, self.date_to):
            field.changed.connect(self.refresh)
            field.problem.connect(lambda _text: self.current_filter())
        for combo in (self.actor, self.action, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        bar = FlowLayout()
        bar.addWidget(together(buddy_label("Từ &ngày:", self.date_from.edit), self.date_from))
        bar.addWidget(together(buddy_label("Đến n&gày:", self.date_to.edit), self.date_to))
        bar.addWidget(together(buddy_label("&Người:", self.actor), self.actor))
        bar.addWidget(together(buddy_label("&Việc:", self.action), self.action))
        bar.addWidget(together(buddy_label("&Loại:", self.kind), self.kind))
        bar.addWidget(together(buddy_label("&Tìm:", self.search), self.search))
        bar.addWidget(self.clear_button)
        self.bar = bar
        self.reload_choices()

    def _on_data_changed(self, _what: str) -> None:
        self._choices_stale = True          # every write is an entry: any change counts
        self.data_changed()

    def reload_choices(self) -> None:
        """The people and tables the log names (the chosen one kept)."""
        actors, kinds = audit_browse.choices(self.ctx)
        self._choices_stale = False
        quiet, self._quiet = self._quiet, True
        for combo, everyone, items in ((self.actor, "Mọi người", [(a, a) for a in actors]),
                                       (self.kind, "Mọi loại",
                                        [(audit.kind_label(k), k) for k in kinds])):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(everyone, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        self._quiet = quiet

    # --- the filter ----------------------------------------------------------------
    def current_filter(self) -> audit.AuditFilter | None:
        """The filter as chosen, or None (said on the page) when the days do not fit."""
        first, last = self.date_from.value(), self.date_to.value()
        problem = self.date_from.error() or self.date_to.error()
        if not problem and first and last and first > last:
            problem = (f"“Từ ngày” ({vf.short_date(first)}) phải trước “Đến ngày” "
                       f"({vf.short_date(last)}).")
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        if problem:
            return None
        return audit.AuditFilter(first, last, self.actor.currentData(),
                                 self.action.currentData(), self.kind.currentData(),
                                 None, self.search.text().strip() or None)

    def is_filtered(self) -> bool:
        flt = self.current_filter()
        return flt is not None and flt != audit.AuditFilter()

    def clear_filters(self) -> None:
        self._quiet = True
        for field in (self.date_from, self.date_to):
            field.set_value(None)
        for combo in (self.actor, self.action, self.kind):
            combo.setCurrentIndex(0)
        self.search.clear()
        self.search_timer.stop()
        self._quiet = False
        self.refresh()

    # --- loading ---------------------------------------------------------------------
    def refresh(self) -> None:
        if self._quiet:
            return
        self.loaded()
        self.search_timer.stop()
        if self._choices_stale:
            self.reload_choices()
        flt = self.current_filter()
        if flt is None:
            return
        found = audit_browse.find(self.ctx, flt)
        self.total = found.total
        kept = self.browser.selected()
        self.browser.set_entries(found.entries, kept.seq if kept is not None else None)
        self.footer.setText(self.footer_text(len(found.entries), found.total))
        self.clear_button.setEnabled(flt != audit.AuditFilter())
        self.export_button.setEnabled(found.total > 0 and not self._busy())

    def footer_text(self, shown: int, total: int) -> str:
        filtered = self.is_filtered()
        if total == 0:
            return NO_MATCH if filtered else EMPTY_LOG
        if shown < total:
            return (f"Đang hiện {vf.number(shown)} mục mới nhất trong {vf.number(total)} mục"
                    f"{' phù hợp' if filtered else ''}. Muốn xem các mục cũ hơn, hãy thu hẹp "
                    "bộ lọc (chọn “Đến ngày”, người, việc hoặc loại).")
        return f"{vf.number(total)} mục{' phù hợp' if filtered else ''}, mới nhất trước."

    # --- the chain check ----------------------------------------------------------------
    def _busy(self) -> bool:
        return self.task is not None and self.task.running

    def _enable_buttons(self, on: bool) -> None:
        self.verify_button.setEnabled(on)
        self.export_button.setEnabled(on and self.total > 0)

    def verify_log(self) -> Task | None:
        """Walk the whole chain off the GUI thread, then say what was found."""
        if self._busy():
            return None
        ctx = self.ctx
        self._enable_buttons(False)
        self.task = run_task(lambda: audit.verify(ctx), "Đang kiểm tra nhật ký, xin chờ…",
                             self, self._verified, self._task_failed, show_after_ms=400)
        return self.task

    def _verified(self, result) -> None:
        self._enable_buttons(True)
        count, breaks = result
        self.show_verified(count, breaks)
        self.verified.emit((count, breaks))
        self.status.emit("Nhật ký nguyên vẹn." if not breaks else
                         f"Nhật ký bị can thiệp: {vf.number(len(breaks))} chỗ.")

    def _task_failed(self, message: str) -> None:
        self._enable_buttons(True)
        show_error(self, message)

    def show_verified(self, count: int, breaks: list[ChainBreak]) -> None:
        """The notice above the filters: intact (green) or each break (red)."""
        self.notice.setText(tampered_text(count, breaks) if breaks
                            else escape(intact_text(count)))
        self.notice.setStyleSheet(kit.ERROR_BOX_STYLE if breaks else OK_STYLE)
        self.notice.show()
        self.browser.set_broken(breaks)

    def is_tampered(self) -> bool:
        return bool(self.browser.broken)

    # --- Excel -----------------------------------------------------------------------
    def export_excel(self, path: str | None = None) -> Task | None:
        """Ask for a file name (unless given) and write every matching entry, off
        the GUI thread (a long log takes a while)."""
        flt = self.current_filter()
        if flt is None or self._busy():
            return None
        if path is None:
            suggested = (Path(last_folder(FOLDER_KEY))
                         / f"Nhat_ky_{self.ctx.today():%d-%m-%Y}.xlsx")
            path = kit.ask_save_file(self, "Xuất nhật ký ra Excel", str(suggested), XLSX_FILTER)
            if path is None:
                return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        from tgdesk.services.excel.audit_export import export_audit   # openpyxl: on use
        ctx = self.ctx
        self._enable_buttons(False)
        self.task = run_task(lambda: export_audit(ctx, flt, target),
                             "Đang xuất nhật ký ra Excel, xin chờ…", self,
                             lambda n: self._exported(n, target), self._task_failed,
                             show_after_ms=400)
        return self.task

    def _exported(self, n: int, target: Path) -> None:
        self._enable_buttons(True)
        remember_folder(FOLDER_KEY, target)
        self.exported = target
        self.status.emit(f"Đã xuất {vf.number(n)} mục nhật ký ra tệp “{target.name}”.")
