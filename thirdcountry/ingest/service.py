"""Ingestion's entry points, with typed arguments: what the CLI (or a web app) calls."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thirdcountry.ingest.dedupe import check_threshold
from thirdcountry.ingest.fetch import FetchSettings, SafeFetcher
from thirdcountry.ingest.pipeline import (
    Extractor,
    Fetcher,
    IngestOptions,
    IngestReport,
    Pipeline,
    Progress,
    RetryPolicy,
)
from thirdcountry.ingest.warc import export_warc
from thirdcountry.ingest.watch import MAX_RETRY_ATTEMPTS, watch
from thirdcountry.store import ingest as repo
from thirdcountry.store.database import Store


@dataclass(frozen=True, slots=True)
class IngestConfig:
    fetch: FetchSettings
    near_duplicate_threshold: float = 0.8
    near_duplicate_containment: float = 0.9

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> IngestConfig:
        return cls(
            fetch=FetchSettings.from_settings(values),
            near_duplicate_threshold=check_threshold(float(values["near_duplicate_threshold"])),
            near_duplicate_containment=check_threshold(
                float(values["near_duplicate_containment"]), "near_duplicate_containment"
            ),
        )


def ingest(
    store: Store,
    sources: Sequence[str],
    *,
    config: IngestConfig,
    extract: Extractor | None,
    retry_failed: bool = False,
    jobs: int = 4,
    progress: Progress | None = None,
    fetch: Fetcher | None = None,
) -> IngestReport:
    """Ingest URLs, files, folders and feeds; with ``retry_failed``, every recorded failure
    too. ``fetch`` defaults to the safe fetcher configured by ``config``."""
    options = IngestOptions(
        near_duplicate_threshold=config.near_duplicate_threshold,
        near_duplicate_containment=config.near_duplicate_containment,
        jobs=jobs,
        retry=RetryPolicy.ALL if retry_failed else RetryPolicy.NONE,
    )
    with _fetcher(config, fetch) as fetcher:
        pipeline = Pipeline(
            store, fetch=fetcher, extract=extract, options=options, progress=progress
        )
        return pipeline.run(sources)


def watch_feeds(
    store: Store,
    feeds: list[str],
    *,
    config: IngestConfig,
    extract: Extractor | None,
    every: float,
    once: bool = False,
    stop: threading.Event | None = None,
    on_poll: Callable[[IngestReport], None] | None = None,
    jobs: int = 4,
    fetch: Fetcher | None = None,
) -> int:
    options = IngestOptions(
        near_duplicate_threshold=config.near_duplicate_threshold,
        near_duplicate_containment=config.near_duplicate_containment,
        jobs=jobs,
        retry=RetryPolicy.RETRYABLE,
        max_attempts=MAX_RETRY_ATTEMPTS,
    )
    with _fetcher(config, fetch) as fetcher:
        pipeline = Pipeline(store, fetch=fetcher, extract=extract, options=options)
        return watch(pipeline, feeds, every=every, once=once, stop=stop, on_poll=on_poll)


def export_archive(store: Store, out: Path) -> int:
    """Write every archived capture to ``out`` as a WARC file; return how many."""
    with store.read() as session:
        captures = (stored.capture for stored in repo.iter_captures(session))
        return export_warc(captures, out)


@contextmanager
def _fetcher(config: IngestConfig, given: Fetcher | None) -> Iterator[Fetcher]:
    """The given fetcher, or a safe fetcher configured by ``config`` and closed after."""
    if given is not None:
        yield given
        return
    with SafeFetcher(config.fetch) as own:
        yield own
