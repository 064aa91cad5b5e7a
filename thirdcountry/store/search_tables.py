"""The search index: one row per searchable thing, its words folded for matching.

Each backend adds its own full-text index over ``title`` and ``body`` in migration 0007:
an FTS5 table kept in step by triggers on SQLite, a weighted ``tsvector`` column with a
GIN index on PostgreSQL. Those are not mapped here: only ``store/search_index.py``
queries them, in each dialect's own SQL.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from thirdcountry.store.tables import Base


class SearchEntryRow(Base):
    __tablename__ = "search_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(10))  # country, facility, claim or source
    key: Mapped[str] = mapped_column(String(160))  # code, facility id, claim or document id
    country: Mapped[str | None] = mapped_column(String(2))  # where a result links to
    title: Mapped[str] = mapped_column(Text)  # folded words that weigh most: names
    body: Mapped[str] = mapped_column(Text)  # folded words that weigh less: quotes, places

    __table_args__ = (UniqueConstraint("kind", "key", name="uq_search_entries_kind_key"),)
