"""The compact filter bar of a record list: the filters that apply to one kind
(meetings: type; studies: cell, form; opinions: category, area, attitude,
concern, follow-up status, overdue; propaganda: form, campaign, area, cell;
online: kind of entry, channel; models: subject, recognition, cell, area), read
back as ListFilter fields."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from tgdesk.domain.enums import (Attitude, Concern, FollowUp, MeetingType, ModelSubject,
                                 OnlineChannel, OnlineEntryKind, PropagandaForm, Recognition,
                                 StudyForm)
from tgdesk.domain.filters import ListFilter
from tgdesk.services import lists
from tgdesk.services.context import Context

from tgdesk.ui.common.flow_layout import FlowLayout
from tgdesk.ui.common.widgets import set_combo_data

OPEN = "open"       # ListFilter.follow_up: not yet resolved
OPEN_TEXT = "Chưa giải quyết xong"

# (ListFilter field, text of "no filter", tooltip, enum or catalogue kind)
SPECS = {
    "meetings": (("meeting_type", "Mọi loại hội nghị", "Loại hội nghị", MeetingType),),
    "studies": (("cell_id", "Mọi chi bộ", "Chi bộ", "cells"),
                ("study_form", "Mọi hình thức", "Hình thức học tập", StudyForm)),
    "opinions": (("category_id", "Mọi lĩnh vực", "Lĩnh vực dư luận", "categories"),
                 ("area_id", "Mọi khu dân cư", "Khu dân cư", "areas"),
                 ("attitude", "Mọi thái độ", "Thái độ", Attitude),
                 ("concern", "Mọi mức độ", "Mức độ quan tâm (có Điểm nóng)", Concern),
                 ("follow_up", "Mọi tình trạng", "Tình trạng xử lý", FollowUp)),
    "propaganda": (("propaganda_form", "Mọi hình thức", "Hình thức tuyên truyền", PropagandaForm),
                   ("campaign_id", "Mọi đợt, chủ đề", "Đợt, chủ đề tuyên truyền", "campaigns"),
                   ("area_id", "Mọi khu dân cư", "Khu dân cư", "areas"),
                   ("cell_id", "Mọi chi bộ", "Chi bộ", "cells")),
    "online": (("online_kind", "Mọi loại việc", "Loại việc", OnlineEntryKind),
               ("channel", "Mọi kênh", "Kênh", OnlineChannel)),
    "models": (("model_subject", "Mọi loại", "Mô hình, tập thể hay cá nhân", ModelSubject),
               ("recognition", "Mọi mức khen", "Biểu dương, khen thưởng", Recognition),
               ("cell_id", "Mọi chi bộ", "Chi bộ", "cells"),
               ("area_id", "Mọi khu dân cư", "Khu dân cư", "areas")),
}
# A value whose label says too little alone in a filter.
OWN_TEXT = {("recognition", Recognition.CHUA.value): "Chưa biểu dương, khen thưởng"}
CATALOGUE_LABEL = {"cells": "name", "areas": "name", "categories": "name", "campaigns": "name"}
FIELDS = ("meeting_type", "study_form", "cell_id", "area_id", "category_id", "attitude",
          "concern", "follow_up", "overdue", "propaganda_form", "campaign_id", "online_kind",
          "channel", "model_subject", "recognition")


class FilterBar(QWidget):
    """Combos (and for opinions a "Quá hạn" box); ``changed`` on every user change.
    They stand in ``flow``, which wraps onto more rows when the page is narrow; the
    page puts its search box and "Bỏ lọc" in the same flow."""

    changed = Signal()

    def __init__(self, ctx: Context, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.combos: dict[str, QComboBox] = {}
        self._sources: dict[str, object] = {}
        lay = FlowLayout(self, spacing=4)     # wraps on a narrow screen
        self.flow = lay
        for field, all_text, tip, source in SPECS.get(kind, ()):
            combo = QComboBox()
            combo.setToolTip(tip)
            combo.setAccessibleName(tip)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(150)
            self.combos[field] = combo
            self._sources[field] = (all_text, source)
            lay.addWidget(combo)
            combo.currentIndexChanged.connect(self._user_changed)
        self.overdue: QCheckBox | None = None
        if kind == "opinions":
            self.overdue = QCheckBox("Quá hạn")
            self.overdue.setToolTip("Chỉ hiện ý kiến đã quá hạn xử lý mà chưa giải quyết xong")
            self.overdue.toggled.connect(self._user_changed)
            lay.addWidget(self.overdue)
        self._quiet = False
        self.reload_choices()

    # --- choices -------------------------------------------------------------
    def reload_choices(self) -> None:
        """Fill the combos (again, after a catalogue changed), keeping the choice
        when it still exists."""
        self._quiet = True
        try:
            for field, combo in self.combos.items():
                current = combo.currentData()
                all_text, source = self._sources[field]
                combo.clear()
                combo.addItem(all_text, None)
                if isinstance(source, str):
                    for row in lists.catalogue(self.ctx, source):
                        text = row[CATALOGUE_LABEL[source]]
                        if not row.get("active", True):
                            text += " (ngừng dùng)"
                        combo.addItem(text, row["id"])
                else:
                    if field == "follow_up":
                        combo.addItem(OPEN_TEXT, OPEN)
                    for member in source:
                        combo.addItem(OWN_TEXT.get((field, member.value), member.label),
                                      member.value)
                if current is not None:
                    set_combo_data(combo, current)
                # The drop-down shows whole names even when the combo is narrower.
                combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        finally:
            self._quiet = False

    def _user_changed(self) -> None:
        if not self._quiet:
            self.changed.emit()

    # --- values ----------------------------------------------------------------
    def values(self) -> dict:
        """The ListFilter fields this bar sets (None/False: not filtered)."""
        out: dict = {field: combo.currentData() for field, combo in self.combos.items()}
        if self.overdue is not None:
            out["overdue"] = self.overdue.isChecked()
        return out

    def is_active(self) -> bool:
        return any(v not in (None, False) for v in self.values().values())

    def set_values(self, values: dict | ListFilter) -> None:
        """Set the controls without emitting ``changed``. A value that no longer
        exists (a deleted category, an unknown code) is dropped silently."""
        if isinstance(values, ListFilter):
            values = {f: getattr(values, f) for f in FIELDS}
        self._quiet = True
        try:
            for field, combo in self.combos.items():
                value = values.get(field)
                if value is None or not set_combo_data(combo, value):
                    combo.setCurrentIndex(0)
            if self.overdue is not None:
                self.overdue.setChecked(bool(values.get("overdue")))
        finally:
            self._quiet = False

    def clear(self) -> None:
        self.set_values({})
