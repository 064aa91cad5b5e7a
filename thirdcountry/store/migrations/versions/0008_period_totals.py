"""Period totals: a count's qualifier and the period a total covers.

Revision ID: 0008
Revises: 0001

Every new column is nullable: claims stored before this revision keep their rows and
their fingerprints (docs/claims.md, ``period_total``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0001"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("count_qualifier", sa.String(8)),
    ("period_start", sa.Date),
    ("period_start_precision", sa.String(5)),
    ("period_end", sa.Date),
    ("period_end_precision", sa.String(5)),
)


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for name, column_type in _COLUMNS:
            batch.add_column(sa.Column(name, column_type, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for name, _column_type in reversed(_COLUMNS):
            batch.drop_column(name)
