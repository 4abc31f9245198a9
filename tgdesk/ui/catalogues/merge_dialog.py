"""Gộp: merge two or more duplicate catalogue rows into the one the officer keeps.

The dialog lists the selected rows with how many records use each, lets the
officer choose the row to keep, says what will move, and merges on confirm
(``catalogue_ops.merge_many``: one transaction). A merge cannot be undone: the
dropped rows go to the trash but the records stay with the kept row.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QLabel, QRadioButton,
                               QScrollArea, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.services import catalogue_ops
from tgdesk.services.catalogue_ops import MergeResult
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from tgdesk.ui.catalogues.catalogue_forms import CatalogueSpec
from tgdesk.ui.common.widgets import ERROR_STYLE, show_error
from tgdesk.ui.common.screen_fit import fit_to_screen

# The record lists that show a catalogue's rows, refreshed after a merge.
SHOWN_IN = {"cells": ("studies", "propaganda", "models"),
            "areas": ("opinions", "people", "propaganda", "models"), "documents": ("studies",),
            "people": ("studies", "opinions", "online"), "categories": ("opinions",),
            "campaigns": ("propaganda",)}


def row_detail(spec: CatalogueSpec, row: dict) -> str:
    """A row's other columns on one line (its name and status left out)."""
    name = spec.describe(row)
    parts = [c.text(row) for c in spec.columns if c.title != "Trạng thái"]
    return " · ".join([p for p in parts if p and p != name][:3])


class MergeDialog(QDialog):
    def __init__(self, ctx: Context, spec: CatalogueSpec, rows: list[dict],
                 parent: QWidget | None = None):
        super().__init__(parent)
        if len(rows) < 2:
            raise UserError(f"Hãy chọn ít nhất hai {spec.noun} trùng nhau (giữ Ctrl khi bấm "
                            "chuột) rồi bấm “Gộp…”.")
        self.ctx, self.spec, self.rows = ctx, spec, rows
        self.results: list[MergeResult] = []
        self.usage = {r["id"]: catalogue_ops.usage_by_table(ctx, spec.kind, r["id"])
                      for r in rows}
        self.setWindowTitle(f"Gộp {spec.noun} trùng nhau")

        intro = QLabel(f"Chọn {spec.noun} <b>giữ lại</b>. Các bản ghi đang dùng những {spec.noun} "
                       "còn lại sẽ chuyển sang dùng mục giữ lại; các mục còn lại được đưa vào "
                       "thùng rác.")
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.radios: dict[int, QRadioButton] = {}
        choices = QWidget()
        choice_lay = QVBoxLayout(choices)
        for row in rows:
            used = catalogue_ops.usage_text(self.usage[row["id"]]) or "chưa bản ghi nào dùng"
            inactive = " (ngừng dùng)" if not row.get("active", True) else ""
            radio = QRadioButton(spec.describe(row) + inactive)
            self.group.addButton(radio, row["id"])
            self.radios[row["id"]] = radio
            detail = QLabel(f"{escape(row_detail(spec, row))}<br>Đang dùng trong: <b>"
                            f"{escape(used)}</b>")
            detail.setWordWrap(True)
            detail.setStyleSheet("color: #444; margin-left: 24px;")
            detail.setToolTip(row_detail(spec, row))
            choice_lay.addWidget(radio)
            choice_lay.addWidget(detail)
        choice_lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(choices)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        warning = QLabel("Việc gộp không hoàn tác được.")
        warning.setStyleSheet(ERROR_STYLE + " font-weight: bold;")

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("Gộp", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_merge)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.summary)
        lay.addWidget(warning)
        lay.addWidget(self.buttons)

        # Keep by default the row used most (then the oldest): the fewest records move.
        best = max(rows, key=lambda r: (sum(self.usage[r["id"]].values()), -r["id"]))
        self.radios[best["id"]].setChecked(True)
        self.group.idToggled.connect(self._toggled)
        self._update()
        fit_to_screen(self, 640, 230 + 70 * min(len(rows), 5))

    def _toggled(self, _id: int, on: bool) -> None:
        if on:
            self._update()

    def keep_id(self) -> int:
        return self.group.checkedId()

    def drop_ids(self) -> list[int]:
        return [r["id"] for r in self.rows if r["id"] != self.keep_id()]

    def moving(self) -> int:
        """Live records that will be moved to the kept row."""
        return sum(sum(self.usage[i].values()) for i in self.drop_ids())

    def _name(self, row_id: int) -> str:
        return next(self.spec.describe(r) for r in self.rows if r["id"] == row_id)

    def _update(self) -> None:
        drops = self.drop_ids()
        moved: dict[str, int] = {}
        for i in drops:
            for table, n in self.usage[i].items():
                moved[table] = moved.get(table, 0) + n
        names = ", ".join(f"“{escape(self._name(i))}”" for i in drops)
        keep = escape(self._name(self.keep_id()))
        what = catalogue_ops.usage_text(moved)
        move_text = (f"<b>{vf.number(self.moving())} bản ghi</b> ({what}) sẽ chuyển sang dùng "
                     f"“{keep}”." if what else "Không có bản ghi nào phải chuyển.")
        self.summary.setText(f"Giữ lại <b>“{keep}”</b>. {move_text} {vf.number(len(drops))} "
                             f"{self.spec.noun} bỏ đi ({names}) được đưa vào thùng rác.")
        self.ok_button.setText(f"Gộp {vf.number(len(self.rows))} {self.spec.noun} thành một")

    def try_merge(self) -> bool:
        try:
            self.results = catalogue_ops.merge_many(self.ctx, self.spec.kind, self.keep_id(),
                                                    self.drop_ids())
        except UserError as exc:
            show_error(self, str(exc))
            return False
        self.accept()
        return True
