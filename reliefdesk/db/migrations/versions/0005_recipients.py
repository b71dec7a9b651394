"""recipients: account effective/end months, entrustment agent, recipient_event history

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:50:00

Issue 9 (recipients from month to month): a payment account is used from an effective month
and may be stopped after a last month; the 代管 (entrusted) arrangement names its agent; every
member event, transfer and re-check result of an enrolled household is kept as a dated row.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('bank_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('effective_month', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('end_month', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('stop_reason', sa.Text(), server_default='',
                                      nullable=False))
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entrust_agent', sa.String(length=64), server_default='',
                                      nullable=False))
    op.create_table('recipient_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('enrollment_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('effective_month', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                            name=op.f('fk_recipient_event_household_id_household')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'],
                            name=op.f('fk_recipient_event_person_id_person')),
    sa.ForeignKeyConstraint(['enrollment_id'], ['enrollment.id'],
                            name=op.f('fk_recipient_event_enrollment_id_enrollment')),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'],
                            name=op.f('fk_recipient_event_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recipient_event'))
    )
    with op.batch_alter_table('recipient_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recipient_event_household_id'), ['household_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_recipient_event_enrollment_id'), ['enrollment_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recipient_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recipient_event_enrollment_id'))
        batch_op.drop_index(batch_op.f('ix_recipient_event_household_id'))
    op.drop_table('recipient_event')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_column('entrust_agent')
    with op.batch_alter_table('bank_account', schema=None) as batch_op:
        batch_op.drop_column('stop_reason')
        batch_op.drop_column('end_month')
        batch_op.drop_column('effective_month')
