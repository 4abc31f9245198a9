"""Persistence: SQLAlchemy tables, database opening, migrations, read-side queries."""
