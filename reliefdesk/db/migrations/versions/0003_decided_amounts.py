"""decided amounts: the basis of an enrollment's decided monthly amount, its source and review
flag, and how a one-off temporary-aid grant was paid

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('standard_fen', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('income_fen', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('policy_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('policy_name', sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column('amount_source', sa.String(length=16), nullable=False,
                                      server_default='legacy'))
        batch_op.add_column(sa.Column('amount_review', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('paid_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('payment_method', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('receipt_no', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('paid_roster_id', sa.Integer(), nullable=True))
    # temporary aid is a one-off grant, never 在保. Grants approved before this version were
    # paid outside reliefdesk (it had no payment list): they become "paid" (method "legacy"),
    # so that none is paid a second time on the first 临时救助发放名册.
    op.execute("UPDATE enrollment SET status = 'paid', payment_method = 'legacy' "
               "WHERE programme = 'temporary_aid' AND status = 'active'")


def downgrade() -> None:
    op.execute("UPDATE enrollment SET status = 'active' WHERE programme = 'temporary_aid' "
               "AND status IN ('due', 'paid')")
    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        for name in ('paid_roster_id', 'receipt_no', 'payment_method', 'paid_on',
                     'amount_review', 'amount_source', 'policy_name', 'policy_id',
                     'income_fen', 'standard_fen'):
            batch_op.drop_column(name)
