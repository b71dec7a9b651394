"""low income: the low-income population register (低收入人口) and key-group visit plans
and records (巡访/探访)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'low_income_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('household_id', sa.Integer(), nullable=False),
        sa.Column('category', sa.String(length=24), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('source', sa.String(length=16), nullable=False),
        sa.Column('source_ref', sa.String(length=64), nullable=False),
        sa.Column('entered_on', sa.Date(), nullable=False),
        sa.Column('next_review', sa.Date(), nullable=False),
        sa.Column('exit_on', sa.Date(), nullable=True),
        sa.Column('exit_reason', sa.Text(), nullable=False),
        sa.Column('created_by_name', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by_name', sa.String(length=64), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                                name=op.f('fk_low_income_entry_household_id_household')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_low_income_entry')),
    )
    with op.batch_alter_table('low_income_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_low_income_entry_household_id'), ['household_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_low_income_entry_next_review'), ['next_review'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_low_income_entry_exit_on'), ['exit_on'],
                              unique=False)
    op.create_table(
        'patrol_plan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('month', sa.Date(), nullable=False),
        sa.Column('village_id', sa.Integer(), nullable=False),
        sa.Column('responsible', sa.String(length=64), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('created_by_name', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['village_id'], ['village.id'],
                                name=op.f('fk_patrol_plan_village_id_village')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_patrol_plan')),
        sa.UniqueConstraint('month', 'village_id', name=op.f('uq_patrol_plan_month_village_id')),
    )
    with op.batch_alter_table('patrol_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patrol_plan_month'), ['month'], unique=False)
        batch_op.create_index(batch_op.f('ix_patrol_plan_village_id'), ['village_id'],
                              unique=False)
    op.create_table(
        'patrol_plan_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('key_group', sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(['plan_id'], ['patrol_plan.id'],
                                name=op.f('fk_patrol_plan_item_plan_id_patrol_plan')),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'],
                                name=op.f('fk_patrol_plan_item_person_id_person')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_patrol_plan_item')),
        sa.UniqueConstraint('plan_id', 'person_id',
                            name=op.f('uq_patrol_plan_item_plan_id_person_id')),
    )
    with op.batch_alter_table('patrol_plan_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patrol_plan_item_plan_id'), ['plan_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_patrol_plan_item_person_id'), ['person_id'],
                              unique=False)
    op.create_table(
        'patrol_visit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('household_id', sa.Integer(), nullable=False),
        sa.Column('village_id', sa.Integer(), nullable=False),
        sa.Column('plan_item_id', sa.Integer(), nullable=True),
        sa.Column('key_group', sa.String(length=24), nullable=False),
        sa.Column('visited_on', sa.Date(), nullable=False),
        sa.Column('visitor', sa.String(length=64), nullable=False),
        sa.Column('mode', sa.String(length=8), nullable=False),
        sa.Column('needs', sa.Text(), nullable=False),
        sa.Column('help_given', sa.Text(), nullable=False),
        sa.Column('solved', sa.Boolean(), nullable=False),
        sa.Column('follow_up', sa.Text(), nullable=False),
        sa.Column('created_by_name', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'],
                                name=op.f('fk_patrol_visit_person_id_person')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                                name=op.f('fk_patrol_visit_household_id_household')),
        sa.ForeignKeyConstraint(['village_id'], ['village.id'],
                                name=op.f('fk_patrol_visit_village_id_village')),
        sa.ForeignKeyConstraint(['plan_item_id'], ['patrol_plan_item.id'],
                                name=op.f('fk_patrol_visit_plan_item_id_patrol_plan_item')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_patrol_visit')),
    )
    with op.batch_alter_table('patrol_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patrol_visit_person_id'), ['person_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_patrol_visit_household_id'), ['household_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_patrol_visit_village_id'), ['village_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_patrol_visit_visited_on'), ['visited_on'],
                              unique=False)


def downgrade() -> None:
    op.drop_table('patrol_visit')
    op.drop_table('patrol_plan_item')
    op.drop_table('patrol_plan')
    op.drop_table('low_income_entry')
