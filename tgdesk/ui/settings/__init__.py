"""The unit's settings: the unit form, its first-run dialog and page."""
