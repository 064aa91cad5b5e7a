"""The ingestion pipeline: sources in; stored, de-duplicated documents and pending claims out.

For each source (URL, file, folder, feed): fetch or read it, expand it when it is a feed,
turn it into text and metadata, find whether it is already stored, a copy, a near copy or
new, and store document, archived capture, LSH buckets, claims and the source's fate in
ONE transaction. A process killed at any moment therefore leaves each source either fully
stored or untouched, and the next run picks up exactly where it stopped.

Fetching and parsing run on worker threads; results are committed on the calling thread
in the order the sources were named (feed entries after their feed), so which copy is the
"original" never depends on which server answered first.

The fetcher and the extractor are injected callables, so tests swap in fakes and
ingestion works before extraction exists: ``load_extractor`` picks up
``thirdcountry.extract.extract_claims`` once that lands.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.documents import Document, validate_document
from thirdcountry.domain.errors import BadInput, FetchRefused, ThirdCountryError
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.ingest.dedupe import (
    CANDIDATE_THRESHOLD,
    ESTIMATE_MARGIN,
    Fingerprint,
    check_threshold,
    containment,
    estimated_similarity,
    fingerprint,
    jaccard,
    shingles,
)
from thirdcountry.ingest.feeds import parse_feed
from thirdcountry.ingest.files import folder_files, read_file
from thirdcountry.ingest.model import Feed, ParsedDocument, Payload, SourceError, SourceStatus
from thirdcountry.ingest.readers import Format, parse_payload, sniff_format
from thirdcountry.ingest.urls import is_web_url, normalize_url
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store import ingest as repo
from thirdcountry.store.database import Store


class Fetcher(Protocol):
    def __call__(self, url: str, *, headers: Mapping[str, str] | None = None) -> Payload: ...


class Extractor(Protocol):
    def __call__(
        self,
        text: str,
        *,
        published: date | PartialDate | None = None,
        language: str | None = None,
    ) -> list[Claim]: ...


def load_extractor() -> Extractor | None:
    """Claim extraction if this installation has it, else None (documents only)."""
    try:
        module = importlib.import_module("thirdcountry.extract")
        return cast(Extractor, module.extract_claims)
    except (ImportError, AttributeError):
        return None


class RetryPolicy(StrEnum):
    NONE = "none"  # sources that failed before are reported, not tried again
    RETRYABLE = "retryable"  # failures that may pass on a new try (timeouts, 5xx)
    ALL = "all"  # every recorded failure (``ingest --retry-failed``)


class Outcome(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"  # same text as a stored document: stored as its copy
    NEAR_DUPLICATE = "near_duplicate"  # similar text: stored as a copy of the original
    ALREADY_STORED = "already_stored"  # ingested before (or the same URL): nothing added
    FAILED = "failed"
    FAILED_BEFORE = "failed_before"  # recorded failure, not retried in this run
    FEED = "feed"


@dataclass(frozen=True, slots=True)
class SourceResult:
    locator: str
    outcome: Outcome
    document_id: str | None = None
    original_id: str | None = None  # for copies: the document they copy
    original_url: str | None = None
    similarity: float | None = None
    reason: str | None = None
    retryable: bool = False
    claims: int = 0
    entries: int = 0  # for feeds: entries not seen before
    note: str | None = None  # e.g. why extraction did not run

    def to_dict(self) -> dict[str, Any]:
        out = {
            "source": self.locator,
            "outcome": self.outcome.value,
            "document_id": self.document_id,
            "original_id": self.original_id,
            "original_url": self.original_url,
            "similarity": round(self.similarity, 3) if self.similarity is not None else None,
            "reason": self.reason,
            "retryable": self.retryable if self.outcome is Outcome.FAILED else None,
            "claims": self.claims or None,
            "entries": self.entries if self.outcome is Outcome.FEED else None,
            "note": self.note,
        }
        return {k: v for k, v in out.items() if v is not None}


@dataclass(slots=True)
class IngestReport:
    extraction: bool
    results: list[SourceResult] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {outcome.value: 0 for outcome in Outcome}
        for result in self.results:
            counts[result.outcome.value] += 1
        return counts

    @property
    def failures(self) -> list[SourceResult]:
        return [r for r in self.results if r.outcome is Outcome.FAILED]

    @property
    def not_stored(self) -> list[SourceResult]:
        """Sources that are neither stored nor already present: failed now or before."""
        return [r for r in self.results if r.outcome in (Outcome.FAILED, Outcome.FAILED_BEFORE)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts(),
            "claims": sum(r.claims for r in self.results),
            "extraction": self.extraction,
            "sources": [r.to_dict() for r in self.results],
        }


@dataclass(frozen=True, slots=True)
class IngestOptions:
    near_duplicate_threshold: float = 0.8
    near_duplicate_containment: float = 0.9
    jobs: int = 4
    retry: RetryPolicy = RetryPolicy.NONE
    max_attempts: int | None = None  # with RETRYABLE: stop after this many tries

    def __post_init__(self) -> None:
        check_threshold(self.near_duplicate_threshold)
        check_threshold(self.near_duplicate_containment, "near_duplicate_containment")
        if self.jobs < 1:
            raise BadInput(f"jobs must be at least 1, got {self.jobs}")


# Progress: (sources done, sources known so far, the latest result).
Progress = Callable[[int, int, SourceResult], None]


@dataclass(frozen=True, slots=True)
class _Work:
    locator: str
    path: Path | None = None
    given: str | None = None  # a URL as named, before normalisation (datasets keep it so)
    feed_id: int | None = None  # the feed that listed this entry
    guid: str | None = None
    feed_published: PartialDate | None = None  # a day, or the month or year a feed gives
    retry: bool = False  # may be tried again though it failed before
    always: bool = False  # polled every run (watched feeds)
    refused: str | None = None  # why this source cannot be ingested at all


@dataclass(frozen=True, slots=True)
class _Parsed:
    payload: Payload
    document: ParsedDocument
    fingerprint: Fingerprint | None
    claims: list[Claim]
    note: str | None


@dataclass(frozen=True, slots=True)
class _Expanded:
    payload: Payload
    feed: Feed


@dataclass(frozen=True, slots=True)
class _Failed:
    reason: str
    retryable: bool


@dataclass(frozen=True, slots=True)
class _NotModified:
    pass


_Prepared = _Parsed | _Expanded | _Failed | _NotModified


@dataclass(slots=True)
class _FeedProgress:
    open_entries: int
    etag: str | None
    last_modified: str | None


def _describe(exc: Exception) -> str:
    """What went wrong, in one line: the driver's own message for database errors (not
    the statement and its parameters, which can hold a whole document)."""
    if isinstance(exc, ThirdCountryError):
        return exc.message
    cause: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc
    lines = str(cause).strip().splitlines()
    return f"{type(cause).__name__}: {lines[0] if lines else ''}".rstrip(": ")


def plan(sources: Iterable[str]) -> list[_Work]:
    """One unit of work per URL or file (folders walked). A name that is neither becomes
    a unit of work that fails with the reason, so it is recorded like any other failure."""
    works: list[_Work] = []
    for raw in sources:
        works.extend(_works_for(raw.strip()))
    return works


def _works_for(source: str) -> list[_Work]:
    if is_web_url(source):
        return [_Work(normalize_url(source), given=source)]
    if "://" in source:
        return [_Work(source, refused="only http and https URLs can be ingested")]
    path = Path(source).expanduser()
    if path.is_dir():
        return [_Work(str(p), path=p) for p in folder_files(path)]
    if path.is_file():
        resolved = path.resolve()
        return [_Work(str(resolved), path=resolved)]
    return [_Work(source, refused="not an http(s) URL, and no such file or folder")]


class Pipeline:
    def __init__(
        self,
        store: Store,
        *,
        fetch: Fetcher,
        extract: Extractor | None,
        options: IngestOptions | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.fetch = fetch
        self.extract = extract
        self.options = options or IngestOptions()
        self.progress = progress

    # -- the run ------------------------------------------------------------------------

    def run(
        self, sources: Sequence[str], *, always: bool = False, watched_feeds_only: bool = False
    ) -> IngestReport:
        """Ingest ``sources``; with ``always``, poll them even if they failed before (feeds
        that are watched). ``watched_feeds_only`` limits retries to entries of ``sources``."""
        retry_named = self.options.retry is RetryPolicy.ALL
        named: dict[str, _Work] = {}
        for work in plan(sources):
            named.setdefault(work.locator, work)  # a source named twice is ingested once
        queue = deque(replace(w, retry=retry_named, always=always) for w in named.values())
        queue.extend(self._retries(queue, watched_feeds_only))
        report = IngestReport(extraction=self.extract is not None)
        queued = {w.locator for w in queue}
        feeds: dict[int, _FeedProgress] = {}
        total = len(queue)
        in_flight: deque[tuple[_Work, Future[_Prepared]]] = deque()

        def finish(work: _Work, result: SourceResult | None) -> None:
            if work.feed_id is not None:
                self._entry_done(work, feeds)
            if result is not None:
                report.results.append(result)
                if self.progress is not None:
                    self.progress(len(report.results), total, result)

        with ThreadPoolExecutor(self.options.jobs, thread_name_prefix="ingest") as pool:
            try:
                while queue or in_flight:
                    while queue and len(in_flight) < 2 * self.options.jobs:
                        work = queue.popleft()
                        decided = self._triage(work)
                        if isinstance(decided, SourceResult):
                            finish(work, decided)
                        elif decided is None:  # a feed entry seen under another name
                            total -= 1
                            finish(work, None)
                        else:
                            headers = self._conditional_headers(decided)
                            future = pool.submit(self._prepare, decided, headers)
                            in_flight.append((decided, future))
                    if not in_flight:
                        continue
                    work, future = in_flight.popleft()
                    result, more = self._commit_isolated(work, future.result(), feeds)
                    fresh = [w for w in more if w.locator not in queued]
                    queued.update(w.locator for w in fresh)
                    for dropped in (w for w in more if w not in fresh):
                        self._entry_done(dropped, feeds)
                    queue.extend(fresh)
                    total += len(fresh)
                    finish(work, result)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        return report

    def _retries(self, named: Iterable[_Work], watched_feeds_only: bool) -> list[_Work]:
        policy = self.options.retry
        if policy is RetryPolicy.NONE:
            return []
        named_locators = {w.locator for w in named}
        with self.store.read() as session:
            feed_ids: list[int] | None = None
            if watched_feeds_only:
                feeds = (repo.get_feed(session, w.locator) for w in named)
                feed_ids = [f.id for f in feeds if f is not None]
            records = repo.failed_sources(
                session,
                retryable_only=policy is RetryPolicy.RETRYABLE,
                feed_ids=feed_ids,
                max_attempts=self.options.max_attempts,
            )
        works = []
        for record in records:
            if record.locator in named_locators:
                continue
            for work in _works_for(record.locator):
                works.append(replace(work, feed_id=record.feed_id, retry=True))
        return works

    # -- before fetching: what we know already -----------------------------------------

    def _triage(self, work: _Work) -> _Work | SourceResult | None:
        if work.refused is not None:
            return self._fail(work, work.refused, False)
        with self.store.read() as session:
            record = repo.get_source(session, work.locator)
            same_url = None
            if record is None and work.path is None:
                same_url = repo.document_id_by_url(session, [work.locator, work.given or ""])
        if record is not None:
            if record.status is SourceStatus.FEED:
                return work
            if record.status is SourceStatus.FAILED:
                if work.retry or work.always:
                    return work
                return SourceResult(
                    work.locator,
                    Outcome.FAILED_BEFORE,
                    reason=record.reason,
                    retryable=record.retryable,
                    note="use --retry-failed to try again",
                )
            if work.feed_id is not None and record.feed_id != work.feed_id:
                return None  # another feed's entry that we already have: not news here
            return SourceResult(
                work.locator, Outcome.ALREADY_STORED, document_id=record.document_id
            )
        if same_url is not None:
            with self.store.write() as session:
                repo.record_source(
                    session,
                    work.locator,
                    SourceStatus.SAME,
                    document_id=same_url,
                    feed_id=work.feed_id,
                )
            return SourceResult(work.locator, Outcome.ALREADY_STORED, document_id=same_url)
        return work

    def _conditional_headers(self, work: _Work) -> dict[str, str]:
        if work.path is not None:
            return {}
        with self.store.read() as session:
            feed = repo.get_feed(session, work.locator)
        headers = {}
        if feed is not None and feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed is not None and feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        return headers

    # -- on a worker thread: fetch or read, parse, extract -------------------------------

    def _prepare(self, work: _Work, headers: Mapping[str, str]) -> _Prepared:
        try:
            if work.path is not None:
                payload = read_file(work.path)
            else:
                payload = self.fetch(work.locator, headers=headers or None)
            if payload.not_modified:
                return _NotModified()
            fmt = sniff_format(payload.content, payload.media_type)
            if fmt is Format.FEED:
                return _Expanded(payload, parse_feed(payload.content, base_url=payload.url))
            document = parse_payload(payload, fmt)
            if document.published is None and work.feed_published is not None:
                document = replace(
                    document,
                    published=work.feed_published.value,
                    published_precision=work.feed_published.precision,
                )
            claims, note = self._extract(document)
            note = "; ".join(n for n in (document.warning, note) if n) or None
            return _Parsed(payload, document, fingerprint(document.text), claims, note)
        except SourceError as exc:
            return _Failed(exc.message, exc.retryable)
        except FetchRefused as exc:
            return _Failed(exc.message, False)
        except Exception as exc:  # one page that breaks a parser must not stop the run
            return _Failed(f"unexpected error: {_describe(exc)}", False)

    def _extract(self, document: ParsedDocument) -> tuple[list[Claim], str | None]:
        if self.extract is None:
            return [], None
        try:
            claims = self.extract(
                document.text, published=_publication(document), language=document.language
            )
        except Exception as exc:  # the document is still worth keeping without claims
            return [], f"extraction failed: {_describe(exc)}"
        return list(claims), None

    # -- on the calling thread: decide and store, one transaction per source ------------

    def _commit_isolated(
        self, work: _Work, prepared: _Prepared, feeds: dict[int, _FeedProgress]
    ) -> tuple[SourceResult, list[_Work]]:
        """Commit one source; whatever the store refuses of it is that source's recorded
        failure, and the run goes on. (If the failure cannot be recorded either, the
        store itself is unusable and the run stops.)"""
        try:
            return self._commit(work, prepared, feeds)
        except Exception as exc:
            return self._fail(work, f"cannot store: {_describe(exc)}", False), []

    def _commit(
        self, work: _Work, prepared: _Prepared, feeds: dict[int, _FeedProgress]
    ) -> tuple[SourceResult, list[_Work]]:
        if isinstance(prepared, _Failed):
            return self._fail(work, prepared.reason, prepared.retryable), []
        if isinstance(prepared, _NotModified):
            with self.store.write() as session:
                repo.ensure_feed(session, work.locator)
                repo.record_source(session, work.locator, SourceStatus.FEED, feed_id=work.feed_id)
            return SourceResult(work.locator, Outcome.FEED, note="not modified since last poll"), []
        if isinstance(prepared, _Expanded):
            return self._expand(work, prepared, feeds)
        try:
            return self._store(work, prepared), []
        except IntegrityError:
            # Another process stored this URL between our check and our insert: decide again.
            return self._store(work, prepared), []
        except BadInput as exc:
            return self._fail(work, f"cannot store: {exc.message}", False), []

    def _fail(self, work: _Work, reason: str, retryable: bool) -> SourceResult:
        with self.store.write() as session:
            record = repo.record_source(
                session,
                work.locator,
                SourceStatus.FAILED,
                reason=reason,
                retryable=retryable,
                feed_id=work.feed_id,
            )
        # Reported as recorded: without the credentials a refused URL may carry.
        return SourceResult(
            record.locator, Outcome.FAILED, reason=record.reason, retryable=retryable
        )

    def _expand(
        self, work: _Work, expanded: _Expanded, feeds: dict[int, _FeedProgress]
    ) -> tuple[SourceResult, list[_Work]]:
        feed = expanded.feed
        with self.store.write() as session:
            record = repo.ensure_feed(session, work.locator, feed.title)
            repo.record_source(session, work.locator, SourceStatus.FEED, feed_id=work.feed_id)
            seen = repo.seen_guids(session, record.id, (e.guid for e in feed.entries))
        entries = [
            _Work(
                normalize_url(e.link),
                feed_id=record.id,
                guid=e.guid,
                feed_published=PartialDate.of(e.published, e.published_precision or "day")
                if e.published
                else None,
                retry=work.retry,
            )
            for e in feed.entries
            if e.guid not in seen
        ]
        headers = {name.lower(): value for name, value in expanded.payload.capture.headers}
        progress = _FeedProgress(len(entries), headers.get("etag"), headers.get("last-modified"))
        feeds[record.id] = progress
        if not entries:
            self._save_validators(record.id, progress)
        result = SourceResult(work.locator, Outcome.FEED, entries=len(entries))
        return result, entries

    def _entry_done(self, work: _Work, feeds: dict[int, _FeedProgress]) -> None:
        """An entry has been dealt with: remember its GUID; once the last entry of its feed
        is done, remember the feed's ETag, so a crash before that polls the feed again."""
        assert work.feed_id is not None
        if work.guid is not None:
            with self.store.write() as session:
                repo.mark_seen(session, work.feed_id, work.guid, work.locator)
        progress = feeds.get(work.feed_id)
        if progress is None or work.guid is None:
            return
        progress.open_entries -= 1
        if progress.open_entries == 0:
            self._save_validators(work.feed_id, progress)

    def _save_validators(self, feed_id: int, progress: _FeedProgress) -> None:
        with self.store.write() as session:
            repo.save_feed_validators(
                session, feed_id, etag=progress.etag, last_modified=progress.last_modified
            )

    def _store(self, work: _Work, parsed: _Parsed) -> SourceResult:
        payload, found = parsed.payload, parsed.document
        url = found.canonical_url or (str(work.path) if work.path else work.locator)
        with self.store.write() as session:
            repo.lock_for_dedupe(session)
            candidates = [url, work.locator, work.given, payload.url]
            candidates.append(normalize_url(payload.url) if payload.url else None)
            same = repo.document_id_by_url(session, [c for c in candidates if c])
            if same is not None:
                repo.record_source(
                    session,
                    work.locator,
                    SourceStatus.SAME,
                    document_id=same,
                    feed_id=work.feed_id,
                )
                return SourceResult(work.locator, Outcome.ALREADY_STORED, document_id=same)
            document = validate_document(
                Document(
                    url=url,
                    outlet=found.outlet,
                    title=found.title,
                    published=found.published,
                    published_precision=found.published_precision,
                    language=found.language,
                    kind=found.kind,
                    author=found.author,
                    text=found.text,
                )
            )
            assert document.content_hash is not None
            similarity: float | None = None
            original = repo.original_by_hash(session, document.content_hash)
            if original is not None:
                outcome, status = Outcome.DUPLICATE, SourceStatus.COPY
            else:
                match = self._near_match(session, found.text, parsed.fingerprint)
                if match is not None:
                    original, similarity = match
                    outcome, status = Outcome.NEAR_DUPLICATE, SourceStatus.NEAR_COPY
                else:
                    outcome, status = Outcome.NEW, SourceStatus.NEW
            original_url = repo.document_url(session, original) if original else None
            document = replace(document, source_id=original)
            document_repo.add_document(session, document)
            if parsed.fingerprint is not None:
                repo.add_fingerprint(
                    session,
                    document.id,
                    parsed.fingerprint.signature,
                    parsed.fingerprint.buckets,
                )
            repo.add_capture(session, document.id, payload.capture)
            # An exact copy asserts exactly what its original does: its claims would only
            # repeat the original's for reviewers. A near copy may add or change facts.
            claims = (
                0
                if outcome is Outcome.DUPLICATE
                else self._add_claims(session, document.id, parsed.claims)
            )
            repo.record_source(
                session,
                work.locator,
                status,
                document_id=document.id,
                similarity=similarity,
                reason=found.warning,  # stored, but at a cost the record should keep
                feed_id=work.feed_id,
            )
        return SourceResult(
            work.locator,
            outcome,
            document_id=document.id,
            original_id=original,
            original_url=original_url,
            similarity=similarity,
            claims=claims,
            note=parsed.note,
        )

    def _near_match(
        self, session: Session, text: str, found: Fingerprint | None
    ) -> tuple[str, float] | None:
        """The original of the most similar stored text at or above a threshold: Jaccard
        similarity, or containment of the shorter text in the longer."""
        if found is None:
            return None
        threshold = self.options.near_duplicate_threshold
        contained = self.options.near_duplicate_containment
        # A text cut short keeps a low Jaccard similarity with its original, so only
        # candidates below what any copy could reach are dropped on the estimate.
        floor = CANDIDATE_THRESHOLD - ESTIMATE_MARGIN
        plausible = [
            c
            for c in repo.near_duplicate_candidates(session, found.buckets)
            if estimated_similarity(found.signature, c.signature) >= floor
        ]
        if not plausible:
            return None
        texts = repo.document_texts(session, [c.document_id for c in plausible])
        mine = shingles(text)
        best: tuple[str, float] | None = None
        for candidate in plausible:
            theirs = shingles(texts.get(candidate.document_id, ""))
            score = jaccard(mine, theirs)
            if score < threshold and containment(mine, theirs) < contained:
                continue
            if best is None or score > best[1]:
                best = (candidate.original_id, score)
        return best

    def _add_claims(self, session: Session, document_id: str, claims: Sequence[Claim]) -> int:
        pending = [
            replace(
                claim,
                document_id=document_id,
                review_state=ReviewState.PENDING,
                reviewer=None,
                reviewed_at=None,
                review_note=None,
            )
            for claim in claims
        ]
        try:
            with session.begin_nested():
                return claim_repo.add_pending_claims(session, pending)
        except IntegrityError:
            # Another process stored one of these claims meanwhile: retry one by one.
            added = 0
            for claim in pending:
                try:
                    with session.begin_nested():
                        added += claim_repo.add_pending_claims(session, [claim])
                except IntegrityError:
                    continue
            return added


def _publication(document: ParsedDocument) -> date | PartialDate | None:
    """The document's publication date: a date, or the month or year its source gives."""
    if document.published is None or document.published_precision in (None, "day"):
        return document.published
    return PartialDate.of(document.published, document.published_precision)
