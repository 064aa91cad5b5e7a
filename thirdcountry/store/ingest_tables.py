"""Tables of ingestion. Migration ``0002_ingest`` creates exactly these.

* ``ingest_sources``: every source ever named (URL, file, feed entry) and what became of
  it, failures included with their reason, so nothing is fetched twice and nothing lost;
* ``ingest_captures``: the archive, each fetched or read source as received, compressed;
* ``ingest_signatures`` and ``ingest_lsh_buckets``: each document's MinHash signature
  and its LSH buckets, the persistent index of near-duplicate detection;
* ``ingest_feeds`` and ``ingest_feed_items``: what each feed said last (ETag,
  Last-Modified) and which entries (GUIDs) were already seen.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from thirdcountry.store.tables import Base


class IngestFeedRow(Base):
    __tablename__ = "ingest_feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    locator_key: Mapped[str] = mapped_column(String(64), unique=True)
    locator: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_polled: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class IngestFeedItemRow(Base):
    __tablename__ = "ingest_feed_items"

    feed_id: Mapped[int] = mapped_column(ForeignKey("ingest_feeds.id"), primary_key=True)
    guid_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    guid: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class IngestSourceRow(Base):
    __tablename__ = "ingest_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    locator_key: Mapped[str] = mapped_column(String(64), unique=True)
    locator: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), index=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)
    retryable: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_feeds.id"), index=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_attempt: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class IngestCaptureRow(Base):
    __tablename__ = "ingest_captures"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    target: Mapped[str] = mapped_column(Text)
    requested: Mapped[str] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    http_version: Mapped[str | None] = mapped_column(String(16))
    headers: Mapped[list[list[str]]] = mapped_column(JSON)
    redirects: Mapped[list[str]] = mapped_column(JSON)
    ip: Mapped[str | None] = mapped_column(String(45))
    media_type: Mapped[str | None] = mapped_column(String(127))
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    body_sha256: Mapped[str] = mapped_column(String(64))
    body_length: Mapped[int] = mapped_column(Integer)
    body_zlib: Mapped[bytes] = mapped_column(LargeBinary)


class IngestSignatureRow(Base):
    __tablename__ = "ingest_signatures"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class IngestLshBucketRow(Base):
    __tablename__ = "ingest_lsh_buckets"

    bucket: Mapped[str] = mapped_column(String(18), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
