"""Ingestion's tables and repository functions, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Table, inspect

from thirdcountry.domain.documents import Document, validate_document
from thirdcountry.ingest.dedupe import fingerprint
from thirdcountry.ingest.model import Capture, CaptureKind, SourceStatus
from thirdcountry.store import Store
from thirdcountry.store import documents as document_repo
from thirdcountry.store import ingest as repo
from thirdcountry.store.ingest_tables import Base

INGEST_TABLES = {
    "ingest_sources",
    "ingest_captures",
    "ingest_lsh_buckets",
    "ingest_signatures",
    "ingest_feeds",
    "ingest_feed_items",
}
STORY = (
    "Kosovo has agreed to temporarily host fifty people deported from the United States "
    "who are not its citizens, the embassy said, before they are returned to their "
    "countries of origin under conditions agreed in advance with Washington, joining "
    "Panama and El Salvador among the governments that have accepted such deportees."
)


def add_doc(store: Store, url: str, text: str = STORY, source_id: str | None = None) -> str:
    doc = validate_document(Document(url=url, text=text, title="t", source_id=source_id))
    with store.write() as session:
        document_repo.add_document(session, doc)
        found = fingerprint(text)
        assert found is not None
        repo.add_fingerprint(session, doc.id, found.signature, found.buckets)
    return doc.id


def _table_of(difference: Any) -> str | None:
    """The table an Alembic autogenerate difference is about."""
    if isinstance(difference, list):  # modifications of one column come grouped
        return _table_of(difference[0])
    for part in difference[1:]:
        name = getattr(part, "name", None) if isinstance(part, Table) else None
        table = getattr(part, "table", None)
        if name:
            return str(name)
        if isinstance(table, Table):
            return str(table.name)
        if isinstance(part, str) and part in INGEST_TABLES:
            return part
    return None


def test_the_migration_creates_what_the_orm_describes(store: Store) -> None:
    assert set(inspect(store.engine).get_table_names()) >= INGEST_TABLES
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert [d for d in differences if _table_of(d) in INGEST_TABLES] == []


def test_recording_a_source_again_updates_it(store: Store) -> None:
    with store.write() as session:
        repo.record_source(
            session, "https://a.test/x", SourceStatus.FAILED, reason="HTTP 503", retryable=True
        )
    with store.write() as session:
        repo.record_source(
            session, "https://a.test/x", SourceStatus.FAILED, reason="timed out", retryable=True
        )
    with store.read() as session:
        record = repo.get_source(session, "https://a.test/x")
        assert [r.locator for r in repo.failed_sources(session, retryable_only=True)] == [
            "https://a.test/x"
        ]
        assert repo.failed_sources(session, max_attempts=2) == []
    assert record is not None and (record.reason, record.attempts) == ("timed out", 2)


def test_near_duplicate_candidates_point_at_the_original(store: Store) -> None:
    original = add_doc(store, "https://wire.test/a")
    copy = add_doc(store, "https://copy.test/a", STORY + " Reporting by the wire.", original)
    add_doc(store, "https://other.test/b", "An unrelated story about fisheries quotas " * 8)
    with store.read() as session:
        query = fingerprint(STORY + " More.")
        assert query is not None
        candidates = repo.near_duplicate_candidates(session, query.buckets)
        texts = repo.document_texts(session, [c.document_id for c in candidates])
    assert {c.document_id for c in candidates} == {original, copy}
    assert {c.original_id for c in candidates} == {original}
    assert texts[original] == STORY


def test_captures_round_trip_compressed(store: Store) -> None:
    doc_id = add_doc(store, "https://wire.test/a")
    capture = Capture(
        kind=CaptureKind.RESPONSE,
        target="https://wire.test/a",
        requested="https://wire.test/old",
        fetched_at=datetime(2025, 6, 12, 9, 30, tzinfo=UTC),
        body=b"<html>" + b"a" * 10_000 + b"</html>",
        status=200,
        reason="OK",
        http_version="HTTP/1.1",
        headers=(("Content-Type", "text/html"), ("X-Twice", "1"), ("X-Twice", "2")),
        redirects=("https://wire.test/old",),
        ip="203.0.113.7",
        media_type="text/html",
    )
    with store.write() as session:
        repo.add_capture(session, doc_id, capture)
    with store.read() as session:
        (stored,) = list(repo.iter_captures(session))
    assert stored.capture == capture and stored.document_id == doc_id


def test_feed_state_remembers_validators_and_guids(store: Store) -> None:
    with store.write() as session:
        feed = repo.ensure_feed(session, "https://news.test/feed.xml", "Desk")
        repo.mark_seen(session, feed.id, "g-1", "https://news.test/1")
        repo.mark_seen(session, feed.id, "g-1", "https://news.test/1")
        repo.save_feed_validators(session, feed.id, etag='"v1"', last_modified=None)
    with store.read() as session:
        again = repo.get_feed(session, "https://news.test/feed.xml")
        assert repo.seen_guids(session, feed.id, ["g-1", "g-2"]) == {"g-1"}
    assert again is not None and again.etag == '"v1"'


@pytest.mark.parametrize("status", list(SourceStatus))
def test_every_status_fits_its_column(store: Store, status: SourceStatus) -> None:
    with store.write() as session:
        repo.record_source(session, f"/tmp/{status.value}", status)
    with store.read() as session:
        record = repo.get_source(session, f"/tmp/{status.value}")
    assert record is not None and record.status is status
