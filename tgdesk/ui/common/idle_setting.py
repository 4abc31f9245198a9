"""How long the window waits before it locks itself (issue 12, item 2): a
unit-wide setting, kept in the database (services/settings_store.py), set by a
Quản trị in "Cài đặt đơn vị › Bảo mật" and read by the window's idle watch
(ui/access/idle_lock.py). It applies only when someone is signed in."""

from __future__ import annotations

from tgdesk.services.settings_store import get_setting, set_setting

KEY = "idle_lock_minutes"
DEFAULT_MINUTES = 10
MAX_MINUTES = 240


def idle_minutes(ctx) -> int:
    """Minutes without a key or mouse press before the window locks; 0: never."""
    value = get_setting(ctx, KEY, DEFAULT_MINUTES)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return DEFAULT_MINUTES
    return min(max(minutes, 0), MAX_MINUTES)


def set_idle_minutes(ctx, minutes: int) -> None:
    set_setting(ctx, KEY, min(max(int(minutes), 0), MAX_MINUTES))
