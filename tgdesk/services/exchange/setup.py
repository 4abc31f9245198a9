"""Setting up a unit without the window (tgdesk init)."""

from __future__ import annotations

from collections.abc import Sequence

from tgdesk.domain.records import UnitSettings

from ..context import Context
from ..starter import StarterRow
from ..unit import Guidance, get_guidance, get_unit, save_unit
from .keys import Identity, ensure_identity

SIGNER_PLACEHOLDER = "(chưa ghi tên người ký)"


def init_unit(ctx: Context, name: str, parent: str, place: str, abbrev: str = "ĐU",
              signer: str | None = None, starter: Sequence[StarterRow] = (),
              guidance: Guidance | None = None) -> tuple[Identity, list[str]]:
    """Save the unit's settings (keeping what was set before for fields not
    given), with the ``starter`` catalogue rows in the same transaction, and make
    its key pairs. Returns the identity and what still needs completing in the
    window. ``guidance`` (the upper level's guidance the reports cite) is saved
    with them when given."""
    unit = get_unit(ctx) or UnitSettings()
    unit.name, unit.parent_name, unit.place_name = name, parent, place
    unit.doc_abbrev = abbrev or unit.doc_abbrev
    unit.signer_name = signer or unit.signer_name or SIGNER_PLACEHOLDER
    save_unit(ctx, unit, guidance, starter=starter)
    todo = []
    if unit.signer_name == SIGNER_PLACEHOLDER:
        todo.append("họ tên người ký")
    todo.append(f"quyền hạn ký và chức vụ người ký (đang là “{unit.signer_authority}”, "
                f"“{unit.signer_title}”)")
    if unit.term_start is None:
        todo.append("ngày bắt đầu nhiệm kỳ (để đánh số văn bản)")
    if not get_guidance(ctx).is_set():
        todo.append("số và ngày hướng dẫn của cấp trên mà báo cáo trích dẫn")
    return ensure_identity(ctx), todo
