"""import: batches of existing recipients brought in from an office's own sheets, and the
source of every imported household

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 23:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'import_batch',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('file_name', sa.String(length=256), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('shape', sa.String(length=16), nullable=False),
        sa.Column('sheets', sa.JSON(), nullable=False),
        sa.Column('mapping', sa.JSON(), nullable=False),
        sa.Column('summary', sa.JSON(), nullable=False),
        sa.Column('status', sa.String(length=8), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.Column('created_by_name', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('undone_by_name', sa.String(length=64), nullable=True),
        sa.Column('undone_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['created_by'], ['app_user.id'],
                                name=op.f('fk_import_batch_created_by_app_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch')),
    )
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batch_sha256'), ['sha256'], unique=False)
    op.create_table(
        'import_record',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('batch_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=32), nullable=False),
        sa.Column('action', sa.String(length=8), nullable=False),
        sa.Column('household_id', sa.Integer(), nullable=False),
        sa.Column('enrollment_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('sheet', sa.String(length=64), nullable=False),
        sa.Column('row_no', sa.Integer(), nullable=False),
        sa.Column('row_nos', sa.JSON(), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('approved_on', sa.Date(), nullable=True),
        sa.Column('document_no', sa.String(length=64), nullable=False),
        sa.Column('original_start', sa.Date(), nullable=True),
        sa.Column('incomplete', sa.Boolean(), nullable=False),
        sa.Column('listed_persons', sa.Integer(), nullable=False),
        sa.Column('declared_persons', sa.Integer(), nullable=False),
        sa.Column('created_person_ids', sa.JSON(), nullable=False),
        sa.Column('before', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'],
                                name=op.f('fk_import_record_batch_id_import_batch')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_record')),
    )
    with op.batch_alter_table('import_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_record_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_record_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_record_household_id'), ['household_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_import_record_enrollment_id'), ['enrollment_id'],
                              unique=False)


def downgrade() -> None:
    op.drop_table('import_record')
    op.drop_table('import_batch')
