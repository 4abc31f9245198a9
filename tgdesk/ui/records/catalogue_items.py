"""A record form's choice of a catalogue row (khu dân cư, chi bộ, đợt tuyên truyền,
thành viên nhóm): a combo of the rows in use, the record's own row kept even when
it is no longer in use, and “Thêm…” beside it (ui/common/catalogue_choice.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox

from tgdesk.services import lists
from tgdesk.services.context import Context

from tgdesk.ui.common.catalogue_choice import AddBeside, combo_with_add
from tgdesk.ui.common.widgets import id_combo

Keep = Callable[[dict], bool]
MIN_CHARS = 24      # what a choice shows at least before it is cut in the form


def catalogue_items(ctx: Context, kind: str, current: int | None, label: str = "name",
                    keep: Keep | None = None) -> list[tuple[str, int]]:
    """(text, id) of the live rows of catalogue ``kind`` in use that ``keep`` accepts,
    and the row ``current`` whatever it is (a record keeps its own choice)."""
    out = []
    for row in lists.catalogue(ctx, kind):
        if row["id"] == current or (row.get("active", True) and (keep is None or keep(row))):
            out.append((row[label], row["id"]))
    return out


def catalogue_choice(ctx: Context, kind: str, none_text: str, current: int | None,
                     label: str = "name", keep: Keep | None = None,
                     preset: Callable[[], dict] | None = None
                     ) -> tuple[QComboBox, AddBeside]:
    """The combo (``none_text`` first, meaning none) and the row holding it with
    “Thêm…”: a row added there is offered and chosen at once."""
    def items() -> list[tuple[str, int]]:
        return catalogue_items(ctx, kind, current, label, keep)

    combo = id_combo(items(), none_text)
    # A long name (an “đợt, chủ đề”) does not widen the form; the drop-down shows it whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(MIN_CHARS)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    return combo, combo_with_add(ctx, combo, kind, items, preset)
