"""Ingestion: sources and their fate, archived captures, MinHash/LSH index, feed state.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingest_feeds",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("locator_key", sa.String(64), nullable=False, unique=True),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_polled", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "ingest_feed_items",
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("ingest_feeds.id"), primary_key=True),
        sa.Column("guid_key", sa.String(64), primary_key=True),
        sa.Column("guid", sa.Text, nullable=False),
        sa.Column("link", sa.Text, nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "ingest_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("locator_key", sa.String(64), nullable=False, unique=True),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), index=True),
        sa.Column("similarity", sa.Float),
        sa.Column("reason", sa.Text),
        sa.Column("retryable", sa.Boolean, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("ingest_feeds.id"), index=True),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_attempt", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "ingest_captures",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "document_id",
            sa.String(36),
            sa.ForeignKey("documents.id"),
            nullable=False,
            index=True,
        ),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("requested", sa.Text, nullable=False),
        sa.Column("status", sa.Integer),
        sa.Column("reason", sa.Text),
        sa.Column("http_version", sa.String(16)),
        sa.Column("headers", sa.JSON, nullable=False),
        sa.Column("redirects", sa.JSON, nullable=False),
        sa.Column("ip", sa.String(45)),
        sa.Column("media_type", sa.String(127)),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("body_sha256", sa.String(64), nullable=False),
        sa.Column("body_length", sa.Integer, nullable=False),
        sa.Column("body_zlib", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "ingest_signatures",
        sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "ingest_lsh_buckets",
        sa.Column("bucket", sa.String(18), primary_key=True),
        sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("ingest_lsh_buckets")
    op.drop_table("ingest_signatures")
    op.drop_table("ingest_captures")
    op.drop_table("ingest_sources")
    op.drop_table("ingest_feed_items")
    op.drop_table("ingest_feeds")
