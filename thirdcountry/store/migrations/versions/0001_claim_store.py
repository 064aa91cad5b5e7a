"""Documents, claims, audit log and meta.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("url", sa.Text, unique=True),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_precision", sa.String(5)),
        sa.Column("language", sa.String(8)),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("author", sa.Text),
        sa.Column("text", sa.Text),
        sa.Column("content_hash", sa.String(64), index=True),
        sa.Column("source_id", sa.String(36), sa.ForeignKey("documents.id"), index=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("sender", sa.String(2)),
        sa.Column("receiver", sa.String(2)),
        sa.Column("value", sa.String(40)),
        sa.Column("count", sa.Integer),
        sa.Column("nationalities", sa.JSON, nullable=False),
        sa.Column("amount", sa.Numeric(18, 2)),
        sa.Column("currency", sa.String(3)),
        sa.Column("facility", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("date_precision", sa.String(5)),
        sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), index=True),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("quote", sa.Text),
        sa.Column("extractor", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("review_state", sa.String(10), nullable=False),
        sa.Column("reviewer", sa.Text),
        sa.Column("reviewed_at", sa.DateTime(timezone=True)),
        sa.Column("review_note", sa.Text),
        sa.Column("supersedes", sa.String(36), sa.ForeignKey("claims.id"), index=True),
        sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_claims_pair", "claims", ["sender", "receiver"])
    op.create_index("ix_claims_state_kind", "claims", ["review_state", "kind"])
    op.create_index("ix_claims_receiver", "claims", ["receiver"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("claim_id", sa.String(36), index=True),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("note", sa.Text),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("meta")
    op.drop_table("audit_log")
    op.drop_table("claims")
    op.drop_table("documents")
