"""Full-text search over public claims, sources, countries and facilities.

SQLite gets an FTS5 table over ``search_entries`` (external content, kept in step by
triggers); PostgreSQL a generated, weighted ``tsvector`` column with a GIN index. Both
index words already folded by ``store/search_index.py`` (lower case, no accents), so
the two backends match the same words.

Revision ID: 0007
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, content='search_entries', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN"
    " INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title, body)"
    " VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title, body)"
    " VALUES ('delete', old.id, old.title, old.body);"
    " INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
)

_POSTGRES = (
    "ALTER TABLE search_entries ADD COLUMN vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title), 'A') ||"
    " setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED",
    "CREATE INDEX ix_search_entries_vector ON search_entries USING gin (vector)",
)


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.UniqueConstraint("kind", "key", name="uq_search_entries_kind_key"),
    )
    dialect = op.get_bind().dialect.name
    for statement in (
        _SQLITE if dialect == "sqlite" else _POSTGRES if dialect == "postgresql" else ()
    ):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_entries")
