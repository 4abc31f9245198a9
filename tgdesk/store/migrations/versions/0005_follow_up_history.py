"""opinion follow-up history and due date

Revision ID: 0005
Revises: 0004
"""
import uuid
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('opinion_follow_up',
    sa.Column('opinion_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('passed_to', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['opinion_id'], ['opinion_note.id'], name=op.f('fk_opinion_follow_up_opinion_id_opinion_note'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opinion_follow_up')),
    sa.UniqueConstraint('uuid', name=op.f('uq_opinion_follow_up_uuid'))
    )
    with op.batch_alter_table('opinion_follow_up', schema=None) as batch_op:
        batch_op.create_index('ix_opinion_follow_up_note', ['opinion_id'], unique=False)

    # Plain ALTER TABLE: a batch (copy-and-move) would drop the search triggers.
    op.add_column('opinion_note', sa.Column('due_on', sa.Date(), nullable=True))

    # Every existing note starts its history at its current status.
    conn = op.get_bind()
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = conn.execute(sa.text(
        "SELECT id, follow_up, noted_on, passed_to FROM opinion_note")).all()
    if rows:
        conn.execute(
            sa.text("INSERT INTO opinion_follow_up (opinion_id, status, changed_on, passed_to, "
                    "uuid, created_at, updated_at, deleted) "
                    "VALUES (:id, :status, :on, :passed_to, :uuid, :now, :now, 0)"),
            [{"id": r[0], "status": r[1], "on": r[2], "passed_to": r[3],
              "uuid": str(uuid.uuid4()), "now": now} for r in rows])


def downgrade() -> None:
    with op.batch_alter_table('opinion_note', schema=None) as batch_op:
        batch_op.drop_column('due_on')
    # The batch copy above dropped the search triggers of opinion_note; rebuild them.
    _restore_opinion_triggers()

    with op.batch_alter_table('opinion_follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_opinion_follow_up_note')

    op.drop_table('opinion_follow_up')


def _restore_opinion_triggers() -> None:
    new = ("coalesce(NEW.summary, '') || ' ' || coalesce(NEW.proposal, '') || ' ' || "
           "coalesce(NEW.passed_to, '')")
    op.execute("DROP TRIGGER IF EXISTS opinion_note_fts_ai")
    op.execute("DROP TRIGGER IF EXISTS opinion_note_fts_ad")
    op.execute("DROP TRIGGER IF EXISTS opinion_note_fts_au")
    op.execute("CREATE TRIGGER opinion_note_fts_ai AFTER INSERT ON opinion_note BEGIN "
               f"INSERT INTO opinion_note_fts(rowid, folded, exact) VALUES (NEW.id, tg_fold({new}), "
               f"{new}); END")
    op.execute("CREATE TRIGGER opinion_note_fts_ad AFTER DELETE ON opinion_note BEGIN "
               "DELETE FROM opinion_note_fts WHERE rowid = OLD.id; END")
    op.execute("CREATE TRIGGER opinion_note_fts_au AFTER UPDATE ON opinion_note BEGIN "
               "DELETE FROM opinion_note_fts WHERE rowid = OLD.id; "
               f"INSERT INTO opinion_note_fts(rowid, folded, exact) VALUES (NEW.id, tg_fold({new}), "
               f"{new}); END")
