"""accounts: the people who sign in and their roles

``account``: full name, sign-in name, role (quan_tri, lanh_dao, can_bo, xem),
an Argon2id password hash, active flag and last sign-in. A database without
accounts has no sign-in (issue 12, item 2).

Revision ID: 0012
Revises: 0011
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'account',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('login', sa.String(length=32), nullable=False),
        sa.Column('full_name', sa.Text(), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('password_hash', sa.Text(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('last_sign_in_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_account')),
        sa.UniqueConstraint('uuid', name=op.f('uq_account_uuid')),
        sa.UniqueConstraint('login', name=op.f('uq_account_login')),
    )


def downgrade() -> None:
    op.drop_table('account')
