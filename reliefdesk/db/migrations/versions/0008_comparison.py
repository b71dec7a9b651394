"""comparison: department data files compared with the register (比对), their rows and the
findings the warning rules produce (DOMAIN §8.2, §8.3, §12.2)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 01:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'comparison_source',
        sa.Column('source', sa.String(length=24), nullable=False),
        sa.Column('mapping', sa.JSON(), nullable=False),
        sa.Column('updated_by_name', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('source', name=op.f('pk_comparison_source')),
    )
    op.create_table(
        'comparison_run',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=24), nullable=False),
        sa.Column('file_name', sa.String(length=256), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('sheet', sa.String(length=64), nullable=False),
        sa.Column('mapping', sa.JSON(), nullable=False),
        sa.Column('rows_read', sa.Integer(), nullable=False),
        sa.Column('matched', sa.Integer(), nullable=False),
        sa.Column('unmatched', sa.Integer(), nullable=False),
        sa.Column('name_mismatches', sa.Integer(), nullable=False),
        sa.Column('bad_ids', sa.Integer(), nullable=False),
        sa.Column('findings', sa.Integer(), nullable=False),
        sa.Column('summary', sa.JSON(), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.Column('created_by_name', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['created_by'], ['app_user.id'],
                                name=op.f('fk_comparison_run_created_by_app_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_comparison_run')),
    )
    with op.batch_alter_table('comparison_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comparison_run_source'), ['source'], unique=False)
        batch_op.create_index(batch_op.f('ix_comparison_run_sha256'), ['sha256'], unique=False)
    op.create_table(
        'department_row',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('row_no', sa.Integer(), nullable=False),
        sa.Column('id_number', sa.String(length=18), nullable=False),
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=True),
        sa.Column('match', sa.String(length=16), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['run_id'], ['comparison_run.id'],
                                name=op.f('fk_department_row_run_id_comparison_run')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_department_row')),
    )
    with op.batch_alter_table('department_row', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_department_row_run_id'), ['run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_department_row_id_number'), ['id_number'],
                              unique=False)
    op.create_table(
        'finding',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('recipient', sa.Boolean(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=True),
        sa.Column('household_id', sa.Integer(), nullable=True),
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('id_number', sa.String(length=18), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('row_no', sa.Integer(), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('assignee_id', sa.Integer(), nullable=True),
        sa.Column('assignee_name', sa.String(length=64), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('outcome_note', sa.Text(), nullable=False),
        sa.Column('resolved_by_name', sa.String(length=64), nullable=False),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
        sa.Column('action', sa.String(length=32), nullable=False),
        sa.Column('action_ref', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'],
                                name=op.f('fk_finding_person_id_person')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                                name=op.f('fk_finding_household_id_household')),
        sa.ForeignKeyConstraint(['run_id'], ['comparison_run.id'],
                                name=op.f('fk_finding_run_id_comparison_run')),
        sa.ForeignKeyConstraint(['assignee_id'], ['app_user.id'],
                                name=op.f('fk_finding_assignee_id_app_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_finding')),
    )
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.create_index('ix_finding_status_kind', ['status', 'kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_household_id'), ['household_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_finding_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_run_id'), ['run_id'], unique=False)


def downgrade() -> None:
    op.drop_table('finding')
    op.drop_table('department_row')
    op.drop_table('comparison_run')
    op.drop_table('comparison_source')
