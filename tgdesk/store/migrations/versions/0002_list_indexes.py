"""list indexes

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_list', ['deleted', 'held_on', 'id'], unique=False)

    with op.batch_alter_table('opinion_note', schema=None) as batch_op:
        batch_op.create_index('ix_opinion_note_area', ['area_id'], unique=False)
        batch_op.create_index('ix_opinion_note_category', ['category_id'], unique=False)
        batch_op.create_index('ix_opinion_note_list', ['deleted', 'noted_on', 'id'], unique=False)

    with op.batch_alter_table('study_document', schema=None) as batch_op:
        batch_op.create_index('ix_study_document_document', ['document_id'], unique=False)

    with op.batch_alter_table('study_session', schema=None) as batch_op:
        batch_op.create_index('ix_study_session_cell', ['cell_id'], unique=False)
        batch_op.create_index('ix_study_session_list', ['deleted', 'held_on', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('study_session', schema=None) as batch_op:
        batch_op.drop_index('ix_study_session_list')
        batch_op.drop_index('ix_study_session_cell')

    with op.batch_alter_table('study_document', schema=None) as batch_op:
        batch_op.drop_index('ix_study_document_document')

    with op.batch_alter_table('opinion_note', schema=None) as batch_op:
        batch_op.drop_index('ix_opinion_note_list')
        batch_op.drop_index('ix_opinion_note_category')
        batch_op.drop_index('ix_opinion_note_area')

    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_list')

