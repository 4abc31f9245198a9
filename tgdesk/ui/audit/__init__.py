"""The "Nhật ký" page: the audit log, its filters and chain check, a record's history."""
