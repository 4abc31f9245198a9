"""initial schema

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('area',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_area')),
    sa.UniqueConstraint('uuid', name=op.f('uq_area_uuid'))
    )
    op.create_table('cell',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('secretary', sa.Text(), nullable=True),
    sa.Column('member_count', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cell')),
    sa.UniqueConstraint('uuid', name=op.f('uq_cell_uuid'))
    )
    op.create_table('meeting',
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('meeting_type', sa.String(length=20), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('chaired_by', sa.Text(), nullable=True),
    sa.Column('participants', sa.Text(), nullable=True),
    sa.Column('attendance', sa.Integer(), nullable=True),
    sa.Column('contributions', sa.Integer(), nullable=True),
    sa.Column('contents', sa.Text(), nullable=True),
    sa.Column('conclusions', sa.Text(), nullable=True),
    sa.Column('classification', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('uuid', name=op.f('uq_meeting_uuid'))
    )
    op.create_table('opinion_category',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opinion_category')),
    sa.UniqueConstraint('uuid', name=op.f('uq_opinion_category_uuid'))
    )
    op.create_table('party_document',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('number_symbol', sa.Text(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('issuer', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_document')),
    sa.UniqueConstraint('uuid', name=op.f('uq_party_document_uuid'))
    )
    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('parent_name', sa.Text(), nullable=False),
    sa.Column('place_name', sa.Text(), nullable=False),
    sa.Column('doc_abbrev', sa.String(length=40), nullable=False),
    sa.Column('signer_authority', sa.Text(), nullable=False),
    sa.Column('signer_title', sa.Text(), nullable=False),
    sa.Column('signer_name', sa.Text(), nullable=False),
    sa.Column('profile', sa.String(length=40), nullable=False),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('uuid', name=op.f('uq_unit_uuid'))
    )
    op.create_table('person',
    sa.Column('full_name', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('phone', sa.Text(), nullable=True),
    sa.Column('workplace', sa.Text(), nullable=True),
    sa.Column('area_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['area.id'], name=op.f('fk_person_area_id_area')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('uuid', name=op.f('uq_person_uuid'))
    )
    op.create_table('opinion_note',
    sa.Column('noted_on', sa.Date(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=True),
    sa.Column('reporter_id', sa.Integer(), nullable=True),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('attitude', sa.String(length=20), nullable=False),
    sa.Column('concern', sa.String(length=20), nullable=False),
    sa.Column('proposal', sa.Text(), nullable=True),
    sa.Column('follow_up', sa.String(length=20), nullable=False),
    sa.Column('passed_to', sa.Text(), nullable=True),
    sa.Column('classification', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['area.id'], name=op.f('fk_opinion_note_area_id_area')),
    sa.ForeignKeyConstraint(['category_id'], ['opinion_category.id'], name=op.f('fk_opinion_note_category_id_opinion_category')),
    sa.ForeignKeyConstraint(['reporter_id'], ['person.id'], name=op.f('fk_opinion_note_reporter_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opinion_note')),
    sa.UniqueConstraint('uuid', name=op.f('uq_opinion_note_uuid'))
    )
    op.create_table('study_session',
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('cell_id', sa.Integer(), nullable=True),
    sa.Column('form', sa.String(length=20), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('speaker_name', sa.Text(), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('key_cadres', sa.Integer(), nullable=False),
    sa.Column('party_members_expected', sa.Integer(), nullable=False),
    sa.Column('party_members_present', sa.Integer(), nullable=False),
    sa.Column('non_party_officials', sa.Integer(), nullable=False),
    sa.Column('core_masses', sa.Integer(), nullable=False),
    sa.Column('union_members', sa.Integer(), nullable=False),
    sa.Column('reflections', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('classification', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cell.id'], name=op.f('fk_study_session_cell_id_cell')),
    sa.ForeignKeyConstraint(['speaker_id'], ['person.id'], name=op.f('fk_study_session_speaker_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_session')),
    sa.UniqueConstraint('uuid', name=op.f('uq_study_session_uuid'))
    )
    op.create_table('study_document',
    sa.Column('study_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['party_document.id'], name=op.f('fk_study_document_document_id_party_document')),
    sa.ForeignKeyConstraint(['study_id'], ['study_session.id'], name=op.f('fk_study_document_study_id_study_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('study_id', 'document_id', name=op.f('pk_study_document'))
    )


def downgrade() -> None:
    op.drop_table('study_document')
    op.drop_table('study_session')
    op.drop_table('opinion_note')
    op.drop_table('person')
    op.drop_table('unit')
    op.drop_table('party_document')
    op.drop_table('opinion_category')
    op.drop_table('meeting')
    op.drop_table('cell')
    op.drop_table('area')
