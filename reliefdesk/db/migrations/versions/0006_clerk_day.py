"""clerk day: person 民族 and 户籍性质; application materials checklist and attachments

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 22:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ethnicity', sa.String(length=16), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('hukou_type', sa.String(length=16), nullable=False,
                                      server_default=''))
    op.create_table('application_material',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('received', sa.Boolean(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=128), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_application_material_application_id_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_material')),
    sa.UniqueConstraint('application_id', 'kind', name=op.f('uq_application_material_application_id_kind'))
    )
    with op.batch_alter_table('application_material', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_material_application_id'), ['application_id'], unique=False)
    op.create_table('material_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=256), nullable=False),
    sa.Column('mime', sa.String(length=64), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('added_by', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['added_by'], ['app_user.id'], name=op.f('fk_material_attachment_added_by_app_user')),
    sa.ForeignKeyConstraint(['material_id'], ['application_material.id'], name=op.f('fk_material_attachment_material_id_application_material'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_material_attachment'))
    )
    with op.batch_alter_table('material_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_material_attachment_material_id'), ['material_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('material_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_material_attachment_material_id'))
    op.drop_table('material_attachment')
    with op.batch_alter_table('application_material', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_material_application_id'))
    op.drop_table('application_material')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('hukou_type')
        batch_op.drop_column('ethnicity')
