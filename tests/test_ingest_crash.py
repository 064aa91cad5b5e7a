"""Killing ingestion midway (SIGKILL) and running it again ends where one clean run ends."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.ingest_server import Site

# What a stored state is, without what necessarily differs between two runs: ids and
# timestamps are assigned at insertion, captured headers carry the server's Date, and
# attempt counters count runs (the killed run did try). Rows are compared by content.
SNAPSHOT = {
    "documents": """
        SELECT d.url, d.title, d.outlet, d.author, d.published, d.published_precision,
               d.language, d.kind, d.content_hash, d.text, o.url
        FROM documents d LEFT JOIN documents o ON o.id = d.source_id""",
    "sources": """
        SELECT s.locator, s.status, d.url, s.reason, s.retryable, round(s.similarity, 6),
               f.locator
        FROM ingest_sources s LEFT JOIN documents d ON d.id = s.document_id
        LEFT JOIN ingest_feeds f ON f.id = s.feed_id""",
    "captures": """
        SELECT d.url, c.kind, c.target, c.requested, c.status, c.redirects, c.media_type,
               c.body_sha256, c.body_length
        FROM ingest_captures c JOIN documents d ON d.id = c.document_id""",
    "buckets": """
        SELECT b.bucket, d.url
        FROM ingest_lsh_buckets b JOIN documents d ON d.id = b.document_id""",
    "signatures": """
        SELECT s.signature, d.url
        FROM ingest_signatures s JOIN documents d ON d.id = s.document_id""",
    "feeds": "SELECT locator, title, etag, last_modified FROM ingest_feeds",
    "feed_items": """
        SELECT f.locator, i.guid, i.link
        FROM ingest_feed_items i JOIN ingest_feeds f ON f.id = i.feed_id""",
    "claims": """
        SELECT d.url, c.kind, c.sender, c.receiver, c.value, c.count, c.evidence_start,
               c.evidence_end, c.quote, c.review_state
        FROM claims c JOIN documents d ON d.id = c.document_id""",
}


def connect(db: Path) -> sqlite3.Connection:
    # Read-only: never create the file the process under test is about to create.
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    connection = connect(db)
    try:
        return {
            name: sorted(connection.execute(query).fetchall(), key=repr)
            for name, query in SNAPSHOT.items()
        }
    finally:
        connection.close()


def stored_documents(db: Path) -> int:
    try:
        connection = connect(db)
    except sqlite3.OperationalError:
        return 0
    try:
        return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet
        return 0
    finally:
        connection.close()


def ingest_command(db: Path, sources: list[str]) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from thirdcountry.cli import main; main()",
        "ingest",
        *sources,
        "--allow-private",
        "--jobs",
        "1",
        "--db",
        str(db),
    ]


@pytest.mark.slow
def test_sigkill_midway_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    with Site() as site:
        sources = [site.url(p) for p in ("/feed.xml", "/statement.txt", "/statement.pdf")]
        clean = tmp_path / "clean.sqlite3"
        # The feed lists one entry that answers 500: a finished run exits 1 for it.
        ran = subprocess.run(ingest_command(clean, sources), capture_output=True, timeout=120)
        assert ran.returncode == 1 and b"not stored" in ran.stderr, ran.stderr
        total = stored_documents(clean)

        site.article_delay = 0.4  # slow enough that the kill lands between two stores
        crashed = tmp_path / "crashed.sqlite3"
        process = subprocess.Popen(
            ingest_command(crashed, sources), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            deadline = time.monotonic() + 60
            while stored_documents(crashed) < 2 and time.monotonic() < deadline:
                time.sleep(0.02)
        finally:
            process.kill()  # SIGKILL: no clean-up, no rollback by the process itself
            process.wait(timeout=30)
        partial = stored_documents(crashed)
        assert process.returncode == -9
        assert 2 <= partial < total

        site.article_delay = 0
        rerun = subprocess.run(ingest_command(crashed, sources), capture_output=True, timeout=120)
        assert rerun.returncode == 1 and b"not stored" in rerun.stderr, rerun.stderr
    assert snapshot(crashed) == snapshot(clean)
    assert stored_documents(crashed) == total == 8
