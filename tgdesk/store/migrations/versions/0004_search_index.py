"""search index (FTS5, Vietnamese-aware) kept in step by triggers

Each record table gets ``<table>_fts`` (rowid = record id) with a diacritic-free
``folded`` column (tg_fold(), registered on every connection by store/db.py) and
an ``exact`` column; see tgdesk/store/search.py for how queries use them. The
statements are written out here, not imported, so this migration never changes.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

SOURCES = {
    "meeting": ("title", "place", "chaired_by", "participants", "contents", "conclusions"),
    "study_session": ("title", "speaker_name", "place", "note"),
    "opinion_note": ("summary", "proposal", "passed_to"),
}


def _text(columns: tuple[str, ...], prefix: str) -> str:
    return " || ' ' || ".join(f"coalesce({prefix}{c}, '')" for c in columns)


def upgrade() -> None:
    for table, columns in SOURCES.items():
        fts = f"{table}_fts"
        new = _text(columns, "NEW.")
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(folded, exact, "
                   "tokenize = 'unicode61 remove_diacritics 0')")
        op.execute(f"INSERT INTO {fts}(rowid, folded, exact) "
                   f"SELECT id, tg_fold({_text(columns, '')}), {_text(columns, '')} FROM {table}")
        op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {fts}(rowid, folded, exact) VALUES (NEW.id, tg_fold({new}), {new}); "
                   "END")
        op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                   f"DELETE FROM {fts} WHERE rowid = OLD.id; END")
        op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
                   f"DELETE FROM {fts} WHERE rowid = OLD.id; "
                   f"INSERT INTO {fts}(rowid, folded, exact) VALUES (NEW.id, tg_fold({new}), {new}); "
                   "END")


def downgrade() -> None:
    for table in SOURCES:
        fts = f"{table}_fts"
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
