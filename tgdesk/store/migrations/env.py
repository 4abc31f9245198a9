"""Alembic environment: always run in code with a connection passed in."""

from alembic import context

from tgdesk.store.tables import Base

# FTS5 tables (and their shadow tables) are made by hand in migration 0004 and
# are not part of the ORM metadata; autogenerate must leave them alone.
FTS_MARK = "_fts"


def include_object(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name and FTS_MARK in name)


config = context.config
connection = config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=True, include_object=include_object)
with context.begin_transaction():
    context.run_migrations()
