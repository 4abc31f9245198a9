"""Alembic environment: always run in code with a connection passed in, inside
the caller's transaction (store/migrate.py): every revision of one upgrade
commits together or not at all."""

from alembic import context

from tgdesk.store.tables import Base

# FTS5 tables (and their shadow tables) are made by hand in migration 0004 and
# are not part of the ORM metadata; autogenerate must leave them alone.
FTS_MARK = "_fts"


def include_object(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name and FTS_MARK in name)


config = context.config
connection = config.attributes["connection"]
if not connection.in_transaction():
    raise RuntimeError("migrations run inside the caller's transaction (connection.begin())")
# SQLite's DDL is transactional once a BEGIN precedes it (store/db.py emits one).
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=True, include_object=include_object,
                  transactional_ddl=True)
with context.begin_transaction():       # the caller's transaction: nothing begins here
    context.run_migrations()
