"""What a list page remembers between runs (QSettings, per record kind): the
period, the filters, the sort, the column widths and the detail pane's height.
Whatever cannot be read back is ignored, so a damaged or outdated entry never
stops the page opening."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from tgdesk.ui.records.list_filters import FIELDS

MIN_WIDTH, MAX_WIDTH = 20, 2000


class ListState:
    def __init__(self, settings: QSettings, kind: str):
        self.settings = settings
        self.kind = kind

    def _key(self, name: str) -> str:
        return f"lists/{self.kind}/{name}"

    def _read(self, name: str, kind: type) -> dict | list:
        try:
            value = json.loads(str(self.settings.value(self._key(name), "null")))
        except ValueError:
            return kind()
        return value if isinstance(value, kind) else kind()

    # --- period, filters, sort -------------------------------------------------------
    def save(self, period: dict, filters: dict, sort: str, descending: bool) -> None:
        state = {"period": period, "filters": filters, "sort": sort, "descending": descending}
        self.settings.setValue(self._key("filters"), json.dumps(state))

    def load(self) -> dict:
        """{"period": dict, "filters": dict of ListFilter fields, "sort": str | None,
        "descending": bool}, each part checked for its type."""
        state = self._read("filters", dict)
        period = state.get("period")
        filters = state.get("filters")
        sort = state.get("sort")
        return {"period": period if isinstance(period, dict) else {},
                "filters": ({k: v for k, v in filters.items() if k in FIELDS}
                            if isinstance(filters, dict) else {}),
                "sort": sort if isinstance(sort, str) else None,
                "descending": bool(state.get("descending", True))}

    # --- the split between the list and the detail pane -------------------------------
    def detail_sizes(self) -> list[int] | None:
        """[list, detail pane] heights as the user left them, or None."""
        sizes = self._read("detail", list)
        if len(sizes) == 2 and all(isinstance(s, int) and 0 <= s <= 10_000 for s in sizes):
            return sizes
        return None

    def save_detail_sizes(self, sizes: list[int]) -> None:
        self.settings.setValue(self._key("detail"), json.dumps(list(sizes)))

    # --- column widths, by column key ------------------------------------------------
    def widths(self) -> dict[str, int]:
        return {k: w for k, w in self._read("widths", dict).items()
                if isinstance(w, int) and MIN_WIDTH <= w <= MAX_WIDTH}

    def save_width(self, key: str, width: int) -> None:
        widths = self._read("widths", dict)
        widths[key] = width
        self.settings.setValue(self._key("widths"), json.dumps(widths))
