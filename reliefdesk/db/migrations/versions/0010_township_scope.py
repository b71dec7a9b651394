"""township scope: users and rosters belong to a township (None: the county), settings per
township, the county's review of a locked roster

An existing one-office database migrates so that it behaves exactly as before: its users and
rosters belong to the office's township — unless some household lives in a village of another
township, in which case the users stay county users (they keep seeing every household).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("township_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_app_user_township_id"), ["township_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_app_user_township_id_township"), "township", ["township_id"], ["id"]
        )
    with op.batch_alter_table("roster", schema=None) as batch_op:
        batch_op.add_column(sa.Column("township_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("county_reviewed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("county_reviewed_by", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "county_reviewed_by_name", sa.String(length=64), nullable=False, server_default=""
            )
        )
        batch_op.create_index(batch_op.f("ix_roster_township_id"), ["township_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_roster_township_id_township"), "township", ["township_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_roster_county_reviewed_by_app_user"),
            "app_user",
            ["county_reviewed_by"],
            ["id"],
        )
        batch_op.drop_constraint("uq_roster_month_programme_kind_seq_no", type_="unique")
    op.create_index(
        "uq_roster_month_programme_kind_seq_no_township",
        "roster",
        ["month", "programme", "kind", "seq_no", sa.text("coalesce(township_id, 0)")],
        unique=True,
    )
    op.create_table(
        "township_setting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("township_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["township_id"], ["township.id"], name=op.f("fk_township_setting_township_id_township")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_township_setting")),
        sa.UniqueConstraint("township_id", "key", name=op.f("uq_township_setting_township_id_key")),
    )
    with op.batch_alter_table("township_setting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_township_setting_township_id"), ["township_id"], unique=False
        )
    _adopt_office_township()


def _adopt_office_township() -> None:
    """Everything of a one-office database belongs to the office's township."""
    conn = op.get_bind()
    town = conn.execute(sa.text("SELECT township_id FROM office ORDER BY id LIMIT 1")).scalar()
    if town is None:
        return
    foreign = conn.execute(
        sa.text(
            "SELECT count(*) FROM household h JOIN village v ON v.id = h.village_id "
            "WHERE v.township_id <> :t"
        ),
        {"t": town},
    ).scalar()
    if foreign:
        return  # households of several townships: keep everyone at county level
    conn.execute(sa.text("UPDATE app_user SET township_id = :t"), {"t": town})
    conn.execute(sa.text("UPDATE roster SET township_id = :t"), {"t": town})


def downgrade() -> None:
    with op.batch_alter_table("township_setting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_township_setting_township_id"))
    op.drop_table("township_setting")
    op.drop_index("uq_roster_month_programme_kind_seq_no_township", table_name="roster")
    with op.batch_alter_table("roster", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            "uq_roster_month_programme_kind_seq_no", ["month", "programme", "kind", "seq_no"]
        )
        batch_op.drop_constraint("fk_roster_county_reviewed_by_app_user", type_="foreignkey")
        batch_op.drop_constraint("fk_roster_township_id_township", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_roster_township_id"))
        batch_op.drop_column("county_reviewed_by_name")
        batch_op.drop_column("county_reviewed_by")
        batch_op.drop_column("county_reviewed_at")
        batch_op.drop_column("township_id")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_constraint("fk_app_user_township_id_township", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_app_user_township_id"))
        batch_op.drop_column("township_id")
