"""Scanning one span of a WARC file: every engine runs this same function on its workers.

For each record: responses with an HTML payload go through the byte prefilter; the few
candidates are parsed (Resiliparse), and their main text is given a language and read for
claims (``thirdcountry.extract``): a page is relevant, and kept, when it states at least
one claim. Everything else costs a header check and one pass over the payload bytes.

Identifiers are derived from the archive, not drawn at random, so two runs over the same
files (on one machine or on a cluster) write the same rows: a document's id is a UUIDv7
whose time is the capture time and whose random bits come from a hash of the WARC record
id and URL; a claim's id hashes its document id, position and content.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from fastwarc.warc import WarcRecord, WarcRecordType

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import ArchiveUnreadable
from thirdcountry.domain.ids import content_hash
from thirdcountry.extract import detect_language, extract_claims
from thirdcountry.extract.rules import rules_for
from thirdcountry.scale.page import parse_page_if
from thirdcountry.scale.relevance import (
    is_candidate,
    may_state_claims,
    relevance_terms,
    tells_story,
)
from thirdcountry.scale.remote import RemoteOptions
from thirdcountry.scale.warc import RecordStream, Span, target_uri

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_RESPONSE = WarcRecordType.response
_PROGRESS_EVERY = 1024  # records between progress reports
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH = datetime(1970, 1, 1)
_MILLISECOND = timedelta(milliseconds=1)

K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class SpanProgress:
    """How far one span has got: cumulative counts, sent every 1,024 records and at its end."""

    span: int  # the span's index
    path: str
    records: int
    bytes: int  # of the span, read so far
    size: int  # bytes of the span in all (0 until its file is open)
    relevant: int
    done: bool = False
    failed: bool = False


Progress = Callable[[SpanProgress], None]


@dataclass(frozen=True, slots=True)
class ScanOptions:
    max_payload: int = 5 * 1024 * 1024  # bytes of one payload read at most; the rest skipped
    batch: int = 64  # relevant pages whose claims are extracted together (see _finish)
    remote: RemoteOptions = field(default_factory=RemoteOptions)  # for remote files


@dataclass(slots=True)
class ScanStats:
    """What a scan saw. Sums over spans; identical whichever engine ran them."""

    records: int = 0
    bytes: int = 0
    malformed: int = 0
    html: int = 0
    truncated: int = 0
    candidates: int = 0
    boilerplate: int = 0  # candidates whose words are all in menus, asides, scripts…
    relevant: int = 0
    claims: int = 0

    @property
    def false_candidates(self) -> int:
        """Pages the prefilter let through that were not relevant: those rejected on their
        markup (``boilerplate``) and those rejected on their main text."""
        return self.candidates - self.relevant

    def add(self, other: ScanStats) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def to_dict(self) -> dict[str, int]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["false_candidates"] = self.false_candidates
        return out


@dataclass(slots=True)
class SpanResult:
    span: Span
    stats: ScanStats
    rows: list[dict[str, Any]] = field(default_factory=list)
    failure: str | None = None  # the one line saying why the span's file could not be read


def stable_uuid7(moment: datetime, *parts: str) -> str:
    """A UUIDv7 with ``moment`` as its time and the other bits from a hash of ``parts``.

    A naive ``moment`` is taken as UTC. The time is counted in whole integers, not through
    ``timestamp()``, which depends on the local zone for naive times and fails near year 1.
    """
    since_epoch = moment.replace(tzinfo=None) - _NAIVE_EPOCH - (moment.utcoffset() or timedelta())
    millis = (since_epoch // _MILLISECOND) & ((1 << 48) - 1)
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    rand = int.from_bytes(digest[:10], "big")
    rand_a = rand >> 68  # 12 bits
    rand_b = rand & ((1 << 62) - 1)
    value = (millis << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    return str(uuid.UUID(int=value))


class _Readings:
    """Language and claims of the texts already read in this span, by text.

    Syndicated stories are the same main text on many sites; extraction is deterministic
    given the text, the reference date and the language (and today's date, which bounds
    dates), so a copy's claims are the first copy's, anchored to its own document.
    Bounded: cleared when full, so memory does not grow with the span.
    """

    def __init__(self, limit: int = 1024) -> None:
        self.limit = limit
        self.languages: dict[str, str] = {}
        self.claims: dict[tuple[str, date | None, str, date], list[Claim]] = {}

    def _kept(self, table: dict[K, V], key: K, make: Callable[[], V]) -> V:
        if key not in table:
            if len(table) >= self.limit:
                table.clear()
            table[key] = make()
        return table[key]

    def language(self, text_hash: str, text: str) -> str:
        return self._kept(self.languages, text_hash, lambda: detect_language(text))

    def read(self, text_hash: str, text: str, published: date | None, language: str) -> list[Claim]:
        # A language without rules (French, say) is left to extraction's own per-paragraph
        # reading.
        known = language if rules_for(language) is not None else None
        return self._kept(
            self.claims,
            (text_hash, published, language, date.today()),
            lambda: extract_claims(text, published=published, language=known),
        )


def _anchored(found: list[Claim], *, doc_id: str, moment: datetime) -> list[dict[str, Any]]:
    """The claims as rows of one document, with ids derived from it."""
    out = []
    for position, claim in enumerate(found):
        anchored: Claim = replace(claim, document_id=doc_id)
        stable = replace(
            anchored,
            id=stable_uuid7(moment, doc_id, str(position), anchored.fingerprint()),
        )
        out.append(stable.to_dict())
    return out


def _worth_reading(text: str) -> bool | None:
    return True if may_state_claims(text) else None


@dataclass(slots=True)
class _Kept:
    """A parsed candidate, with what its row needs from the WARC record, before its claims."""

    row: dict[str, Any]  # every column but language and claims
    moment: datetime
    reference_date: date | None  # relative dates resolve against this


def _kept_page(record: WarcRecord, payload: bytes, span: Span) -> _Kept | None:
    """A candidate's row so far, or None when its main text cannot state a claim."""
    url = target_uri(record)
    parsed = parse_page_if(payload, charset=record.http_charset, url=url, wanted=_worth_reading)
    if parsed is None:
        return None
    page, _ = parsed
    # A record without a readable WARC-Date still gets stable ids (at the epoch).
    captured = record.record_date.astimezone(UTC) if record.record_date else None
    moment = captured or _EPOCH
    record_id = record.headers.get("WARC-Record-ID") or ""
    doc_id = stable_uuid7(moment, record_id, url)
    published = page.published
    if published is not None and captured is not None and published > captured.date():
        published = None  # a page cannot be published after it was fetched
    row: dict[str, Any] = {
        "id": doc_id,
        "url": url,
        "title": page.title,
        "outlet": page.outlet,
        "published": published,
        "content_hash": content_hash(page.text),
        "text": page.text,
        "relevance_terms": [],  # filled in for the pages kept
        "warc_file": span.path,
        "warc_offset": record.stream_pos,
        "warc_record_id": record_id,
        "captured": captured,
    }
    # Relative dates resolve against publication, else against the capture (news is fresh).
    reference = published or (captured.date() if captured else None)
    return _Kept(row=row, moment=moment, reference_date=reference)


def _finish(
    kept: list[_Kept], rows: list[dict[str, Any]], stats: ScanStats, readings: _Readings
) -> None:
    """Language and claims of the candidates parsed so far; those with claims are the
    relevant pages, appended to ``rows`` in order.

    Done in batches, not page by page: between two relevant pages the scan streams
    megabytes of HTML through the CPU caches, and extraction — many small regexes and
    tables — run cold after that costs half as much again as it does warm.
    """
    for page in kept:
        text, text_hash = page.row["text"], page.row["content_hash"]
        language = readings.language(text_hash, text)
        found = readings.read(text_hash, text, page.reference_date, language)
        if not found:
            continue  # a false candidate on text: extraction finds nothing in it
        claims = _anchored(found, doc_id=page.row["id"], moment=page.moment)
        stats.relevant += 1
        stats.claims += len(claims)
        terms = list(relevance_terms(text))
        rows.append({**page.row, "relevance_terms": terms, "language": language, "claims": claims})
    kept.clear()


def scan_span(
    span: Span, options: ScanOptions | None = None, progress: Progress | None = None
) -> SpanResult:
    """Scan the records of ``span``; the rows of relevant pages and the counts.

    A file that cannot be read — missing, refused, not a WARC, or cut off by the network
    for longer than the retries last — gives no rows and no counts, only its ``failure``:
    a file is scanned whole or not at all, so a rerun can take it up again.
    """
    try:
        return _scan_records(span, options or ScanOptions(), progress)
    except ArchiveUnreadable as exc:
        if progress is not None:
            progress(SpanProgress(span.index, span.path, 0, 0, 0, 0, done=True, failed=True))
        return SpanResult(span=span, stats=ScanStats(), failure=exc.message)


def _scan_records(span: Span, options: ScanOptions, progress: Progress | None) -> SpanResult:
    stats = ScanStats()
    result = SpanResult(span=span, stats=stats)
    stream = RecordStream(span, options.remote)

    def report(*, done: bool = False) -> None:
        if progress is not None:
            read = stats.bytes if done else stream.position - span.start
            size = span.length(stream.size)
            progress(
                SpanProgress(
                    span.index, span.path, stats.records, read, size, stats.relevant, done=done
                )
            )

    max_payload = options.max_payload
    kept: list[_Kept] = []  # relevant pages waiting for their language and claims
    readings = _Readings()
    for record in stream:
        stats.records += 1
        if stats.records % _PROGRESS_EVERY == 1:
            report()
        if record.record_type != _RESPONSE:
            continue
        if not record.is_http:
            if (record.headers.get("Content-Type") or "").startswith("application/http"):
                stream.mark_malformed()  # an HTTP response whose head did not parse
            continue
        if record.http_content_type not in HTML_TYPES:
            continue
        status = record.http_headers.status_code
        if status is None or not 200 <= status < 300:
            continue
        stats.html += 1
        payload = stream.read(record, max_payload)
        if payload is None:
            continue
        if len(payload) == max_payload:
            stats.truncated += 1
        # The prefilter, before any parsing: one pass over the bytes for most pages.
        if not is_candidate(payload):
            continue
        stats.candidates += 1
        if not tells_story(payload):
            stats.boilerplate += 1  # no parsing: its words are all in menus and sidebars
            continue
        page = _kept_page(record, payload, span)
        if page is not None:
            kept.append(page)
            if len(kept) >= options.batch:
                _finish(kept, result.rows, stats, readings)
    _finish(kept, result.rows, stats, readings)
    stats.malformed = stream.malformed
    stats.bytes = span.length(stream.size)
    report(done=True)
    return result
