"""a covering index for "the enrollments paying in a month"

Every roster build asks which enrollments pay in a month (started by then, not ended before,
of these programmes) once for its own rows and again inside the queries for their members,
changes, events and bank accounts. Without an index each of those scanned the enrollment
table, whose rows carry the decision's working (~500 bytes a row: ~28 MB at 40,000
households); the index answers them from ~2 MB. Led by ``start_month`` so that the many
queries filtering only on the programme keep their plans (issue #17).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

COLUMNS = ["start_month", "programme", "end_month", "household_id"]


def upgrade() -> None:
    op.create_index("ix_enrollment_month", "enrollment", COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_enrollment_month", table_name="enrollment")
