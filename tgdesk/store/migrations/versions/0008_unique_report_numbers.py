"""report numbers unique per term; reports being issued (pending)

A report number is unique within its Party-committee term among issued and
pending reports. Two partial unique indexes (SQLite treats NULLs as distinct,
so a NULL term needs its own index on ``number`` alone).

Databases written before this revision may already hold the same number twice
(two issuers at once): those documents were issued and are never renumbered or
deleted. Every later one of a duplicate number gets ``duplicate_of`` = id of the
first, which takes it out of the indexes, so the upgrade never fails.

``pending_files``: while a report is being issued with files written out, the
planned files (JSON); NULL otherwise (services/pending_issue.py).

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

TAKEN = "status IN ('issued', 'pending') AND number IS NOT NULL"

# The first report (lowest id) holding the same number in the same term.
FIRST = ("SELECT MIN(f.id) FROM report AS f WHERE f.status IN ('issued', 'pending') "
         "AND f.number = report.number AND f.term_start IS report.term_start")


def upgrade() -> None:
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('duplicate_of', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pending_files', sa.Text(), nullable=True))
    op.execute(f"UPDATE report SET duplicate_of = ({FIRST}) "
               f"WHERE {TAKEN} AND id > ({FIRST})")
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.create_index('uq_report_term_number', ['term_start', 'number'], unique=True,
                              sqlite_where=sa.text(f"{TAKEN} AND duplicate_of IS NULL "
                                                   "AND term_start IS NOT NULL"))
        batch_op.create_index('uq_report_number_no_term', ['number'], unique=True,
                              sqlite_where=sa.text(f"{TAKEN} AND duplicate_of IS NULL "
                                                   "AND term_start IS NULL"))


def downgrade() -> None:
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_index('uq_report_number_no_term')
        batch_op.drop_index('uq_report_term_number')
        batch_op.drop_column('pending_files')
        batch_op.drop_column('duplicate_of')
