"""propaganda records: campaigns, activities, the online team, exemplary models

``campaign``: a catalogue of propaganda campaigns and themes.
``propaganda_activity``: a propaganda activity (visual, loudspeaker, online,
print, cultural, direct talks) with the quantities that fit its form.
``online_entry``: the online team's work (Nghị quyết 35-NQ/TW): posts and
shares of positive information, wrong or hostile content found and what was
done, essay-contest entries. ``person.online_team`` marks the team's members.
``ix_<opinion_note|study_session|meeting>_classification``: how
many Mật records the PC holds (services/classified.py), counted by seeks.
``exemplary_model``: Chỉ thị 05-CT/TW models and exemplary people.

``audit_entry``: the audit log, every write with the values before and after,
chained by hash (domain/audit.py, store/audit.py). ``exchange_old_key``: key
pairs replaced by a key change (services/exchange/key_change.py).

The three record tables get a search index kept by triggers, like those of
migration 0004 (statements written out here, so this migration never changes).

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

SEARCH = {
    "propaganda_activity": ("title", "place", "note"),
    "online_entry": ("summary", "link", "passed_to"),
    "exemplary_model": ("name", "description", "theme", "recognition_level", "recognition_doc"),
}


def _tracked() -> list[sa.Column]:
    return [sa.Column('id', sa.Integer(), nullable=False),
            sa.Column('uuid', sa.String(length=36), nullable=False),
            sa.Column('created_at', sa.DateTime(), nullable=False),
            sa.Column('updated_at', sa.DateTime(), nullable=False),
            sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
            sa.Column('origin_unit_id', sa.Integer(), nullable=True)]


def _keys(table: str) -> list:
    return [sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
            sa.UniqueConstraint('uuid', name=op.f(f'uq_{table}_uuid'))]


def _fk(table: str, col: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([col], [f'{target}.id'], name=op.f(f'fk_{table}_{col}_{target}'))


def _counts(*names: str) -> list[sa.Column]:
    return [sa.Column(n, sa.Integer(), nullable=False) for n in names]


def upgrade() -> None:
    op.create_table('campaign',
                    sa.Column('name', sa.Text(), nullable=False),
                    sa.Column('starts_on', sa.Date(), nullable=True),
                    sa.Column('ends_on', sa.Date(), nullable=True),
                    sa.Column('note', sa.Text(), nullable=True),
                    sa.Column('active', sa.Boolean(), nullable=False),
                    *_tracked(), *_keys('campaign'))
    op.create_table('propaganda_activity',
                    sa.Column('held_on', sa.Date(), nullable=False),
                    sa.Column('ends_on', sa.Date(), nullable=True),
                    sa.Column('form', sa.String(length=20), nullable=False),
                    sa.Column('title', sa.Text(), nullable=False),
                    sa.Column('campaign_id', sa.Integer(), nullable=True),
                    sa.Column('place', sa.Text(), nullable=True),
                    sa.Column('area_id', sa.Integer(), nullable=True),
                    sa.Column('cell_id', sa.Integer(), nullable=True),
                    *_counts('banners', 'slogans', 'panos', 'posters', 'flags', 'bulletins',
                             'minutes_on_air', 'posts', 'shares', 'reach', 'copies',
                             'performances', 'sessions', 'people'),
                    sa.Column('note', sa.Text(), nullable=True),
                    sa.Column('classification', sa.String(length=10), nullable=False),
                    *_tracked(), *_keys('propaganda_activity'),
                    _fk('propaganda_activity', 'campaign_id', 'campaign'),
                    _fk('propaganda_activity', 'area_id', 'area'),
                    _fk('propaganda_activity', 'cell_id', 'cell'))
    op.create_table('online_entry',
                    sa.Column('noted_on', sa.Date(), nullable=False),
                    sa.Column('entry_kind', sa.String(length=20), nullable=False),
                    sa.Column('member_id', sa.Integer(), nullable=True),
                    sa.Column('channel', sa.String(length=20), nullable=False),
                    sa.Column('summary', sa.Text(), nullable=False),
                    sa.Column('link', sa.Text(), nullable=True),
                    *_counts('posts', 'shares', 'reach'),
                    sa.Column('content_kind', sa.String(length=20), nullable=True),
                    sa.Column('action', sa.String(length=20), nullable=True),
                    sa.Column('passed_to', sa.Text(), nullable=True),
                    *_counts('entries'),
                    sa.Column('classification', sa.String(length=10), nullable=False),
                    *_tracked(), *_keys('online_entry'),
                    _fk('online_entry', 'member_id', 'person'))
    op.create_table('exemplary_model',
                    sa.Column('noted_on', sa.Date(), nullable=False),
                    sa.Column('subject', sa.String(length=20), nullable=False),
                    sa.Column('name', sa.Text(), nullable=False),
                    sa.Column('description', sa.Text(), nullable=True),
                    sa.Column('theme', sa.Text(), nullable=True),
                    sa.Column('cell_id', sa.Integer(), nullable=True),
                    sa.Column('area_id', sa.Integer(), nullable=True),
                    sa.Column('registered', sa.Boolean(), nullable=False),
                    sa.Column('assessed', sa.Boolean(), nullable=False),
                    sa.Column('replicated', sa.Boolean(), nullable=False),
                    sa.Column('recognition', sa.String(length=20), nullable=False),
                    sa.Column('recognition_level', sa.Text(), nullable=True),
                    sa.Column('recognition_doc', sa.Text(), nullable=True),
                    sa.Column('recognized_on', sa.Date(), nullable=True),
                    sa.Column('classification', sa.String(length=10), nullable=False),
                    *_tracked(), *_keys('exemplary_model'),
                    _fk('exemplary_model', 'cell_id', 'cell'),
                    _fk('exemplary_model', 'area_id', 'area'))
    for table in ('campaign', 'propaganda_activity', 'online_entry', 'exemplary_model'):
        op.create_index(op.f(f'ix_{table}_origin_unit_id'), table, ['origin_unit_id'])
    op.create_index('ix_propaganda_activity_list', 'propaganda_activity',
                    ['deleted', 'held_on', 'id'])
    op.create_index('ix_propaganda_activity_campaign', 'propaganda_activity', ['campaign_id'])
    op.create_index('ix_online_entry_list', 'online_entry', ['deleted', 'noted_on', 'id'])
    op.create_index('ix_exemplary_model_list', 'exemplary_model', ['deleted', 'noted_on', 'id'])
    # How many Mật records this PC holds (services/classified.py), read by seeks.
    for table in ('opinion_note', 'study_session', 'meeting'):
        op.create_index(f'ix_{table}_classification', table,
                        ['classification', 'deleted', 'origin_unit_id'])
    # Plain ALTER TABLE: a batch (copy-and-move) would rebuild the table for nothing.
    op.add_column('person', sa.Column('online_team', sa.Boolean(), server_default='0',
                                      nullable=False))
    for table, columns in SEARCH.items():
        _search_index(table, columns)
    op.create_table('audit_entry',
                    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('at', sa.String(length=32), nullable=False),
                    sa.Column('actor', sa.Text(), nullable=False),
                    sa.Column('action', sa.String(length=20), nullable=False),
                    sa.Column('kind', sa.String(length=40), nullable=False),
                    sa.Column('record_uuid', sa.String(length=80), nullable=True),
                    sa.Column('record_id', sa.Integer(), nullable=True),
                    sa.Column('changes', sa.Text(), nullable=False),
                    sa.Column('prev_hash', sa.String(length=64), nullable=False),
                    sa.Column('hash', sa.String(length=64), nullable=False),
                    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entry')))
    op.create_table('exchange_old_key',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('unit_id', sa.Integer(), nullable=True),
                    sa.Column('sign_public', sa.LargeBinary(), nullable=False),
                    sa.Column('box_public', sa.LargeBinary(), nullable=False),
                    sa.Column('box_private', sa.LargeBinary(), nullable=True),
                    sa.Column('fingerprint', sa.String(length=80), nullable=False),
                    sa.Column('replaced_at', sa.DateTime(), nullable=False),
                    sa.ForeignKeyConstraint(['unit_id'], ['exchange_unit.id'],
                                            name=op.f('fk_exchange_old_key_unit_id_exchange_unit')),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_old_key')))
    op.create_index('ix_audit_entry_record', 'audit_entry', ['record_uuid'])
    op.create_index('ix_audit_entry_at', 'audit_entry', ['at'])


def _text(columns: tuple[str, ...], prefix: str) -> str:
    return " || ' ' || ".join(f"coalesce({prefix}{c}, '')" for c in columns)


def _search_index(table: str, columns: tuple[str, ...]) -> None:
    fts = f"{table}_fts"
    new = _text(columns, "NEW.")
    op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(folded, exact, "
               "tokenize = 'unicode61 remove_diacritics 0')")
    op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
               f"INSERT INTO {fts}(rowid, folded, exact) VALUES (NEW.id, tg_fold({new}), {new}); "
               "END")
    op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
               f"DELETE FROM {fts} WHERE rowid = OLD.id; END")
    op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
               f"DELETE FROM {fts} WHERE rowid = OLD.id; "
               f"INSERT INTO {fts}(rowid, folded, exact) VALUES (NEW.id, tg_fold({new}), {new}); "
               "END")


def downgrade() -> None:
    op.drop_table('exchange_old_key')
    op.drop_table('audit_entry')
    for table in SEARCH:
        fts = f"{table}_fts"
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
    for table in ('opinion_note', 'study_session', 'meeting'):
        op.drop_index(f'ix_{table}_classification', table_name=table)
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('online_team')
    for table in ('exemplary_model', 'online_entry', 'propaganda_activity', 'campaign'):
        op.drop_table(table)
