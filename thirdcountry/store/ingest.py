"""Repository functions of ingestion: sources, archived captures, LSH buckets, feed state.

Callers hold the session of one ``store.write()`` transaction per source, so a document,
its capture, its buckets, its claims and the record of its source are stored together or
not at all.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from thirdcountry.domain.ids import new_id
from thirdcountry.ingest.model import Capture, CaptureKind, SourceStatus
from thirdcountry.ingest.urls import without_credentials
from thirdcountry.store.ingest_tables import (
    IngestCaptureRow,
    IngestFeedItemRow,
    IngestFeedRow,
    IngestLshBucketRow,
    IngestSignatureRow,
    IngestSourceRow,
)
from thirdcountry.store.tables import DocumentRow

_DEDUPE_LOCK = 7312  # PostgreSQL advisory lock key; the audit log uses 7311
_MAX_CANDIDATES = 20


def _key(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    # SQLite hands timestamps back without their zone; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def lock_for_dedupe(session: Session) -> None:
    """Serialise de-duplication decisions between concurrent writers.

    SQLite writers already hold the database lock (BEGIN IMMEDIATE); on PostgreSQL two
    ingest processes could otherwise both find no original and both store one.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SELECT pg_advisory_xact_lock({_DEDUPE_LOCK})"))


# -- sources ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceRecord:
    locator: str
    status: SourceStatus
    document_id: str | None
    reason: str | None
    retryable: bool
    attempts: int
    feed_id: int | None
    similarity: float | None = None


def _source(row: IngestSourceRow) -> SourceRecord:
    return SourceRecord(
        locator=row.locator,
        status=SourceStatus(row.status),
        document_id=row.document_id,
        reason=row.reason,
        retryable=bool(row.retryable),
        attempts=row.attempts,
        feed_id=row.feed_id,
        similarity=row.similarity,
    )


def get_source(session: Session, locator: str) -> SourceRecord | None:
    key = _key(without_credentials(locator))  # as record_source keeps it
    row = session.scalars(select(IngestSourceRow).where(IngestSourceRow.locator_key == key)).first()
    return _source(row) if row else None


def record_source(
    session: Session,
    locator: str,
    status: SourceStatus,
    *,
    document_id: str | None = None,
    similarity: float | None = None,
    reason: str | None = None,
    retryable: bool = False,
    feed_id: int | None = None,
) -> SourceRecord:
    """Record what became of ``locator`` (one more attempt at it), and return the record.

    The one place credentials are kept out of the store: the ``user:password@`` of a URL
    is dropped from the locator (and its key) and from every URL the reason names.
    """
    locator = without_credentials(locator)
    row = session.scalars(
        select(IngestSourceRow).where(IngestSourceRow.locator_key == _key(locator))
    ).first()
    now = _now()
    if row is None:
        row = IngestSourceRow(
            locator_key=_key(locator), locator=locator, attempts=0, first_seen=now
        )
        session.add(row)
    row.status = status.value
    row.document_id = document_id
    row.similarity = similarity
    row.reason = without_credentials(reason) if reason is not None else None
    row.retryable = retryable
    row.attempts = (row.attempts or 0) + 1
    row.last_attempt = now
    if feed_id is not None:
        row.feed_id = feed_id
    session.flush()
    return _source(row)


def failed_sources(
    session: Session,
    *,
    retryable_only: bool = False,
    feed_ids: Sequence[int] | None = None,
    max_attempts: int | None = None,
) -> list[SourceRecord]:
    query = select(IngestSourceRow).where(IngestSourceRow.status == SourceStatus.FAILED.value)
    if retryable_only:
        query = query.where(IngestSourceRow.retryable.is_(True))
    if feed_ids is not None:
        query = query.where(IngestSourceRow.feed_id.in_(list(feed_ids)))
    if max_attempts is not None:
        query = query.where(IngestSourceRow.attempts < max_attempts)
    return [_source(row) for row in session.scalars(query.order_by(IngestSourceRow.id))]


def list_sources(session: Session, status: SourceStatus | None = None) -> list[SourceRecord]:
    query = select(IngestSourceRow).order_by(IngestSourceRow.id)
    if status is not None:
        query = query.where(IngestSourceRow.status == status.value)
    return [_source(row) for row in session.scalars(query)]


# -- documents: exact and near duplicates ---------------------------------------------


def document_id_by_url(session: Session, urls: Iterable[str]) -> str | None:
    wanted = [u for u in dict.fromkeys(urls) if u]
    if not wanted:
        return None
    return session.scalars(
        select(DocumentRow.id).where(DocumentRow.url.in_(wanted)).order_by(DocumentRow.id)
    ).first()


def document_url(session: Session, document_id: str) -> str | None:
    return session.scalar(select(DocumentRow.url).where(DocumentRow.id == document_id))


def original_by_hash(session: Session, content_hash: str) -> str | None:
    """The independent source (the original's id) of a stored text with this hash."""
    row = session.execute(
        select(DocumentRow.id, DocumentRow.source_id)
        .where(DocumentRow.content_hash == content_hash)
        .order_by(DocumentRow.created_at, DocumentRow.id)
    ).first()
    return (row.source_id or row.id) if row else None


@dataclass(frozen=True, slots=True)
class Candidate:
    document_id: str
    original_id: str  # the candidate's own original when it is itself a copy
    signature: bytes
    shared_buckets: int


def near_duplicate_candidates(session: Session, buckets: Sequence[str]) -> list[Candidate]:
    """Stored documents sharing at least one LSH bucket, most shared first, oldest first."""
    if not buckets:
        return []
    shared = (
        select(IngestLshBucketRow.document_id, func.count().label("shared"))
        .where(IngestLshBucketRow.bucket.in_(list(buckets)))
        .group_by(IngestLshBucketRow.document_id)
        .subquery()
    )
    query = (
        select(DocumentRow.id, DocumentRow.source_id, IngestSignatureRow.signature, shared.c.shared)
        .join(shared, shared.c.document_id == DocumentRow.id)
        .join(IngestSignatureRow, IngestSignatureRow.document_id == DocumentRow.id)
        .order_by(shared.c.shared.desc(), DocumentRow.created_at, DocumentRow.id)
        .limit(_MAX_CANDIDATES)
    )
    return [
        Candidate(doc_id, source_id or doc_id, bytes(signature), count)
        for doc_id, source_id, signature, count in session.execute(query)
    ]


def document_texts(session: Session, document_ids: Sequence[str]) -> dict[str, str]:
    rows = session.execute(
        select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(list(document_ids)))
    )
    return {doc_id: text or "" for doc_id, text in rows}


def add_fingerprint(
    session: Session, document_id: str, signature: bytes, buckets: Iterable[str]
) -> None:
    session.add(IngestSignatureRow(document_id=document_id, signature=signature))
    session.add_all(
        IngestLshBucketRow(bucket=bucket, document_id=document_id)
        for bucket in dict.fromkeys(buckets)
    )


# -- the archive ------------------------------------------------------------------------


def add_capture(session: Session, document_id: str, capture: Capture) -> str:
    capture_id = new_id()
    session.add(
        IngestCaptureRow(
            id=capture_id,
            document_id=document_id,
            kind=capture.kind.value,
            target=capture.target,
            requested=capture.requested,
            status=capture.status,
            reason=capture.reason,
            http_version=capture.http_version,
            headers=[[name, value] for name, value in capture.headers],
            redirects=list(capture.redirects),
            ip=capture.ip,
            media_type=capture.media_type,
            fetched_at=capture.fetched_at,
            body_sha256=hashlib.sha256(capture.body).hexdigest(),
            body_length=len(capture.body),
            body_zlib=zlib.compress(capture.body, 6),
        )
    )
    return capture_id


@dataclass(frozen=True, slots=True)
class StoredCapture:
    id: str
    document_id: str
    capture: Capture


def _stored_capture(row: IngestCaptureRow) -> StoredCapture:
    return StoredCapture(
        id=row.id,
        document_id=row.document_id,
        capture=Capture(
            kind=CaptureKind(row.kind),
            target=row.target,
            requested=row.requested,
            fetched_at=_aware(row.fetched_at),
            body=zlib.decompress(row.body_zlib),
            status=row.status,
            reason=row.reason,
            http_version=row.http_version,
            headers=tuple((str(name), str(value)) for name, value in row.headers or ()),
            redirects=tuple(row.redirects or ()),
            ip=row.ip,
            media_type=row.media_type,
        ),
    )


def iter_captures(session: Session, document_id: str | None = None) -> Iterator[StoredCapture]:
    """Archived captures, oldest first, read in batches (an archive can be large)."""
    query = select(IngestCaptureRow).order_by(IngestCaptureRow.fetched_at, IngestCaptureRow.id)
    if document_id is not None:
        query = query.where(IngestCaptureRow.document_id == document_id)
    for row in session.scalars(query.execution_options(yield_per=100)):
        yield _stored_capture(row)


def count_captures(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(IngestCaptureRow)) or 0


# -- feeds ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedRecord:
    id: int
    locator: str
    etag: str | None
    last_modified: str | None


def _feed(row: IngestFeedRow) -> FeedRecord:
    return FeedRecord(row.id, row.locator, row.etag, row.last_modified)


def get_feed(session: Session, locator: str) -> FeedRecord | None:
    row = session.scalars(
        select(IngestFeedRow).where(IngestFeedRow.locator_key == _key(locator))
    ).first()
    return _feed(row) if row else None


def ensure_feed(session: Session, locator: str, title: str | None = None) -> FeedRecord:
    row = session.scalars(
        select(IngestFeedRow).where(IngestFeedRow.locator_key == _key(locator))
    ).first()
    if row is None:
        row = IngestFeedRow(locator_key=_key(locator), locator=locator)
        session.add(row)
    if title:
        row.title = title
    row.last_polled = _now()
    session.flush()
    return _feed(row)


def save_feed_validators(
    session: Session, feed_id: int, *, etag: str | None, last_modified: str | None
) -> None:
    """Remember what the feed's server said, for the next conditional request."""
    row = session.get(IngestFeedRow, feed_id)
    if row is not None:
        row.etag = etag
        row.last_modified = last_modified


def seen_guids(session: Session, feed_id: int, guids: Iterable[str]) -> set[str]:
    by_key = {_key(guid): guid for guid in guids}
    if not by_key:
        return set()
    found = session.scalars(
        select(IngestFeedItemRow.guid_key).where(
            IngestFeedItemRow.feed_id == feed_id,
            IngestFeedItemRow.guid_key.in_(list(by_key)),
        )
    )
    return {by_key[key] for key in found}


def mark_seen(session: Session, feed_id: int, guid: str, link: str) -> None:
    if session.get(IngestFeedItemRow, (feed_id, _key(guid))) is None:
        session.add(
            IngestFeedItemRow(
                feed_id=feed_id, guid_key=_key(guid), guid=guid, link=link, first_seen=_now()
            )
        )
