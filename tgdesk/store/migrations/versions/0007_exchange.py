"""exchange between levels: keys, registered units, packages, received rows

Adds ``origin_unit_id`` (NULL = own data) to the record and catalogue tables
with plain ALTER TABLE (a batch copy would drop the search triggers).

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

ORIGIN_TABLES = ('cell', 'area', 'party_document', 'person', 'opinion_category', 'meeting',
                 'study_session', 'opinion_note')


def upgrade() -> None:
    op.create_table('exchange_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_uuid', sa.String(length=36), nullable=False),
    sa.Column('sign_private', sa.LargeBinary(), nullable=False),
    sa.Column('box_private', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_identity'))
    )
    op.create_table('exchange_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('relation', sa.String(length=10), nullable=False),
    sa.Column('sign_public', sa.LargeBinary(), nullable=False),
    sa.Column('box_public', sa.LargeBinary(), nullable=False),
    sa.Column('fingerprint', sa.String(length=80), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merged_into_id'], ['exchange_unit.id'], name=op.f('fk_exchange_unit_merged_into_id_exchange_unit')),
    sa.ForeignKeyConstraint(['parent_id'], ['exchange_unit.id'], name=op.f('fk_exchange_unit_parent_id_exchange_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_unit')),
    sa.UniqueConstraint('uuid', name=op.f('uq_exchange_unit_uuid'))
    )
    op.create_table('exchange_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_uuid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('sender_name', sa.Text(), nullable=False),
    sa.Column('period_code', sa.String(length=30), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['exchange_unit.id'], name=op.f('fk_exchange_package_unit_id_exchange_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_package')),
    sa.UniqueConstraint('package_uuid', name=op.f('uq_exchange_package_package_uuid'))
    )
    op.create_index('ix_exchange_package_unit', 'exchange_package', ['unit_id', 'period_code'],
                    unique=False)
    op.create_table('exchange_export',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_uuid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('period_code', sa.String(length=30), nullable=True),
    sa.Column('since', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.Column('held_back', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('receipt_at', sa.DateTime(), nullable=True),
    sa.Column('receipt', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['recipient_id'], ['exchange_unit.id'], name=op.f('fk_exchange_export_recipient_id_exchange_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_export')),
    sa.UniqueConstraint('package_uuid', name=op.f('uq_exchange_export_package_uuid'))
    )
    op.create_table('exchange_record',
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('their_updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['exchange_package.id'], name=op.f('fk_exchange_record_package_id_exchange_package')),
    sa.ForeignKeyConstraint(['unit_id'], ['exchange_unit.id'], name=op.f('fk_exchange_record_unit_id_exchange_unit')),
    sa.PrimaryKeyConstraint('uuid', name=op.f('pk_exchange_record'))
    )
    op.create_index('ix_exchange_record_unit', 'exchange_record', ['unit_id', 'kind'],
                    unique=False)
    op.create_table('exchange_conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('theirs', sa.Text(), nullable=False),
    sa.Column('their_updated_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['package_id'], ['exchange_package.id'], name=op.f('fk_exchange_conflict_package_id_exchange_package')),
    sa.ForeignKeyConstraint(['unit_id'], ['exchange_unit.id'], name=op.f('fk_exchange_conflict_unit_id_exchange_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_conflict'))
    )
    # Plain ALTER TABLE: a batch (copy-and-move) would drop the search triggers.
    for table in ORIGIN_TABLES:
        op.add_column(table, sa.Column('origin_unit_id', sa.Integer(), nullable=True))
        op.create_index(f'ix_{table}_origin_unit_id', table, ['origin_unit_id'], unique=False)


def downgrade() -> None:
    # SQLite >= 3.35 drops a column in place (no copy, the triggers survive).
    for table in ORIGIN_TABLES:
        op.drop_index(f'ix_{table}_origin_unit_id', table_name=table)
        op.drop_column(table, 'origin_unit_id')
    op.drop_table('exchange_conflict')
    op.drop_index('ix_exchange_record_unit', table_name='exchange_record')
    op.drop_table('exchange_record')
    op.drop_table('exchange_export')
    op.drop_index('ix_exchange_package_unit', table_name='exchange_package')
    op.drop_table('exchange_package')
    op.drop_table('exchange_unit')
    op.drop_table('exchange_identity')
