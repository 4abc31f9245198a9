"""attention indexes: the overview's open hot spots and overdue notes

Two indexes on ``opinion_note`` for the overview's attention tiles
(services/overview.py ``attention``), each read by a seek instead of a pass
over every note: ``ix_opinion_note_due`` for the notes past their due date
(also the opinions list's “quá hạn” filter and followups.overdue_ids),
``ix_opinion_note_concern`` for the hot spots (also the list's concern filter).
``noted_on`` at the end of the first lets the list order the overdue notes
without the table; not in the second, which it would make the cheapest way to
count a month's notes by concern (stats.figures): a pass over every note.

Revision ID: 0010
Revises: 0009
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE INDEX: a batch (copy-and-move) would rebuild the table for nothing.
    op.create_index('ix_opinion_note_due', 'opinion_note',
                    ['deleted', 'due_on', 'follow_up', 'origin_unit_id', 'noted_on'], unique=False)
    op.create_index('ix_opinion_note_concern', 'opinion_note',
                    ['deleted', 'concern', 'follow_up', 'origin_unit_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_opinion_note_concern', table_name='opinion_note')
    op.drop_index('ix_opinion_note_due', table_name='opinion_note')
