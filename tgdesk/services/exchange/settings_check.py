"""The settings a catalogue package may carry downward, checked like typed
input before they replace the ward's own: report deadlines and corrections to
the report format profile."""

from __future__ import annotations

import math

from tgdesk.domain.deadlines import DEFAULT_RULES
from tgdesk.domain.text import text_problem
from tgdesk.reports.profile import OVERRIDABLE, ProfileError, load_profile

MAX_SETTING_TEXT = 1000


def _deadlines_problem(value: dict) -> str | None:
    for kind, rule in value.items():
        if kind not in DEFAULT_RULES:
            return "loại kỳ báo cáo không có"
        if not isinstance(rule, dict) or not set(rule) <= {"day", "after_end"}:
            return "hạn gửi báo cáo sai dạng"
        day = rule.get("day")
        if type(day) is not int or not 1 <= day <= 31:
            return "ngày hạn gửi báo cáo phải là số nguyên từ 1 đến 31"
        if not isinstance(rule.get("after_end", False), bool):
            return "hạn gửi báo cáo sai dạng"
    return None


def _overrides_problem(value: dict) -> str | None:
    for key, item in value.items():
        if key not in OVERRIDABLE:
            return "thiết lập định dạng không có"
        if isinstance(item, str):
            if len(item) > MAX_SETTING_TEXT or text_problem(item):
                return "thiết lập định dạng có chữ không hợp lệ"
        elif isinstance(item, float) and not math.isfinite(item):
            return "thiết lập định dạng có số không hợp lệ"
        elif not isinstance(item, (bool, int, float)):
            return "thiết lập định dạng sai dạng"
    try:
        load_profile("party", value)
    except (ProfileError, ValueError, TypeError, OverflowError):
        return "thiết lập định dạng không áp dụng được"
    return None


def settings_problem(key: str, value: object) -> str | None:
    """Why a received setting cannot be taken (Vietnamese), or None."""
    if not isinstance(value, dict):
        return "thiết lập không được hỗ trợ hoặc sai dạng"
    if key == "report_deadlines":
        return _deadlines_problem(value)
    if key == "profile_overrides":
        return _overrides_problem(value)
    return "thiết lập không được hỗ trợ hoặc sai dạng"
