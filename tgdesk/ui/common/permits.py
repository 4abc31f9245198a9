"""What the person signed in may do, as every page shows it (issue 12, item 2).

A page asks once, while it is built, and hides the buttons and menu entries of
what the person's role may not do: ``withhold(ctx, Permission.WRITE_RECORDS,
self.add_button, …)``. The services refuse anyway; the window only does not
offer what would be refused. Pages are built again when another person signs in
(ui/access/window_access.py), so asking at build time is enough. A database
without accounts has no limits: everything is offered."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from tgdesk.domain.roles import Permission

__all__ = ["Permission", "may", "withhold"]


def may(ctx, permission: Permission) -> bool:
    """Whether the person signed in on ``ctx`` may (anyone, where nobody signs in)."""
    can = getattr(ctx, "can", None)
    return True if can is None else bool(can(permission))


def withhold(ctx, permission: Permission, *items: QWidget | QAction) -> bool:
    """Hide ``items`` unless the person may; True when they may. A hidden item
    stays hidden as long as its page does not show it again itself: a page
    whose buttons come and go keeps the answer and asks it there too."""
    allowed = may(ctx, permission)
    if not allowed:
        for item in items:
            item.setVisible(False)
    return allowed
