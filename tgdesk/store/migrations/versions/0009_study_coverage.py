"""study coverage: cells' membership over time, a study deadline per document

``cell_member_count``: a Party cell's number of Party members from a date on,
one row per cell and date. Every cell that has a ``member_count`` gets one row
with that count, effective from the day the cell was entered (its
``created_at`` date, UTC): the only date the database knows it for. Coverage
applies a cell's first row to earlier days too (domain/coverage.py), so the
choice of that date changes no figure; it only reads true in the history.

``party_document.study_deadline``: the upper level's deadline for having
studied the document (optional).

Revision ID: 0009
Revises: 0008
"""
import uuid
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cell_member_count',
    sa.Column('cell_id', sa.Integer(), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('member_count', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cell.id'],
                            name=op.f('fk_cell_member_count_cell_id_cell'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cell_member_count')),
    sa.UniqueConstraint('uuid', name=op.f('uq_cell_member_count_uuid'))
    )
    op.create_index('uq_cell_member_count_day', 'cell_member_count', ['cell_id', 'effective_on'],
                    unique=True)
    # Plain ALTER TABLE: a batch (copy-and-move) would rebuild the table for nothing.
    op.add_column('party_document', sa.Column('study_deadline', sa.Date(), nullable=True))

    conn = op.get_bind()
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = conn.execute(sa.text(
        "SELECT id, member_count, created_at FROM cell WHERE member_count IS NOT NULL")).all()
    if rows:
        conn.execute(
            sa.text("INSERT INTO cell_member_count (cell_id, effective_on, member_count, uuid, "
                    "created_at, updated_at, deleted) "
                    "VALUES (:id, :on, :count, :uuid, :now, :now, 0)"),
            [{"id": r[0], "on": _day(r[2], now), "count": r[1], "uuid": str(uuid.uuid4()),
              "now": now} for r in rows])


def _day(created_at, now: datetime) -> str:
    """The date part of a stored ``created_at`` ("2026-11-01 08:00:00.000000"), else today."""
    text = str(created_at or "")[:10]
    try:
        return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
    except ValueError:
        return now.date().isoformat()


def downgrade() -> None:
    with op.batch_alter_table('party_document', schema=None) as batch_op:
        batch_op.drop_column('study_deadline')
    op.drop_index('uq_cell_member_count_day', table_name='cell_member_count')
    op.drop_table('cell_member_count')
