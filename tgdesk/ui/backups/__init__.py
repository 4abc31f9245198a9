"""Backups and restore: the "Sao lưu và khôi phục" page."""
