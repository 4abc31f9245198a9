"""The format settings of the unit's reports: the format profile (party or state)
and the user's corrections to the profile's uncertain values (line spacing,
ủy/uỷ, …), kept as a setting; the report screen's "Thể thức văn bản" dialog."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tgdesk.reports.profile import OVERRIDABLE, ProfileError, available_profiles, load_profile

from .context import Context
from .errors import UserError
from .settings_store import PROFILE_OVERRIDES, get_setting, set_setting
from .unit import get_unit, save_unit


def overrides(ctx: Context) -> dict:
    """The user's corrections to the format profile (line spacing, ủy/uỷ, …)."""
    return get_setting(ctx, PROFILE_OVERRIDES, {}) or {}


@dataclass(frozen=True)
class FormatSettings:
    profile: str                     # the unit's profile: "party" | "state"
    values: dict                     # the value in force for each OVERRIDABLE key
    defaults: dict                   # the profile file's own values
    spacing_min: float
    spacing_max: float


def _values(p) -> dict:
    return {"line_spacing_pt": p.style("body").line_spacing_pt,
            "recipient_line_end": p.recipient_line_end, "uy_style": p.uy_style,
            "regulation_abbrev": p.regulation_abbrev, "count_padding": p.count_padding,
            "section_numbering": p.section_numbering.replace("{roman}", "I"),
            "archive_line": p.archive_line}


def profile_choices() -> list[tuple[str, str]]:
    """(name, label) of every format profile shipped."""
    out = []
    for name in available_profiles():
        try:
            out.append((name, load_profile(name).label))
        except ProfileError:
            continue
    return out


def _unit_profile(ctx: Context) -> str:
    unit = get_unit(ctx)
    return (unit.profile if unit is not None and unit.profile else "party")


def format_settings(ctx: Context, profile: str | None = None) -> FormatSettings:
    name = profile or _unit_profile(ctx)
    try:
        base = load_profile(name)
        current = load_profile(name, _known(overrides(ctx)))
    except ProfileError as exc:
        raise UserError(str(exc)) from exc
    return FormatSettings(name, _values(current), _values(base), base.line_spacing_min,
                          base.line_spacing_max)


def _known(values: dict) -> dict:
    return {k: v for k, v in values.items() if k in OVERRIDABLE}


def save_format(ctx: Context, profile: str, values: dict) -> FormatSettings:
    """Check and keep the user's corrections (only those that differ from the
    profile file) and the unit's profile; nothing is written when a value is bad."""
    unit = get_unit(ctx)
    if unit is None:
        raise UserError("Chưa khai báo thông tin đơn vị. Vào mục “Cài đặt đơn vị” trước.")
    try:
        base = load_profile(profile)
    except ProfileError as exc:
        raise UserError(str(exc)) from exc
    spacing = values.get("line_spacing_pt")
    if spacing is not None:
        if isinstance(spacing, bool) or not isinstance(spacing, (int, float)):
            raise UserError("Giãn dòng phải là một số (pt).")
        if not base.line_spacing_min <= spacing <= base.line_spacing_max:
            raise UserError(f"Giãn dòng {spacing:g} pt không hợp lệ: phải từ "
                            f"{base.line_spacing_min:g} đến {base.line_spacing_max:g} pt.")
    if "archive_line" in values and not str(values["archive_line"] or "").strip():
        raise UserError("Dòng lưu cuối Nơi nhận không được để trống (ví dụ “- Lưu Văn phòng "
                        "Đảng ủy.”).")
    defaults = _values(base)
    diffs = {k: v for k, v in _known(values).items() if v is not None and v != defaults.get(k)}
    try:
        load_profile(profile, diffs)
    except ProfileError as exc:
        raise UserError(str(exc)) from exc
    if unit.profile != profile:
        save_unit(ctx, dataclasses.replace(unit, profile=profile))
    set_setting(ctx, PROFILE_OVERRIDES, diffs)
    return format_settings(ctx, profile)
