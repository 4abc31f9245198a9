"""Plain records, enums, periods and validation. Standard library only."""
