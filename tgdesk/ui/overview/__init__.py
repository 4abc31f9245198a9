"""The overview: tiles, charts, deadlines, hot spots and overdue notes, and links into the other pages."""
