"""What flows through ingestion: captures as received, payloads, parsed documents, failures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from thirdcountry.domain.errors import ThirdCountryError
from thirdcountry.domain.vocabulary import DatePrecision, DocumentKind


class SourceError(ThirdCountryError):
    """A source that could not be ingested. It is recorded with its reason, not lost.

    ``retryable`` says whether trying again later may help (a timeout, a 503) or not
    (a 404, a body that is too big, a page without text).
    """

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class SourceStatus(StrEnum):
    """What became of a source, as recorded in the store."""

    NEW = "new"  # stored as a new, independent document
    COPY = "copy"  # stored as a copy of an earlier document with the very same text
    NEAR_COPY = "near_copy"  # stored as a copy of an earlier document with similar text
    SAME = "same"  # the same document as one already stored (same URL); nothing added
    FAILED = "failed"
    FEED = "feed"  # a feed: its entries are sources of their own


class CaptureKind(StrEnum):
    RESPONSE = "response"  # an HTTP response, archived as a WARC `response` record
    RESOURCE = "resource"  # a local file, archived as a WARC `resource` record


@dataclass(frozen=True, slots=True)
class Capture:
    """A source exactly as it was received, for the archive.

    ``body`` holds the bytes as they came off the wire (still gzip-encoded when the server
    sent them so), ``headers`` the response headers in their order and spelling.
    """

    kind: CaptureKind
    target: str  # the URL that answered (after redirects) or the file's URI
    requested: str  # what was asked for
    fetched_at: datetime
    body: bytes
    status: int | None = None
    reason: str | None = None
    http_version: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    redirects: tuple[str, ...] = ()  # URLs that redirected, in order
    ip: str | None = None  # the address connected to
    media_type: str | None = None


@dataclass(frozen=True, slots=True)
class Payload:
    """A fetched or read source, its body decoded and ready to parse."""

    locator: str  # the URL or path as the source was named
    content: bytes
    capture: Capture
    url: str | None = None  # the URL that answered, for web sources
    path: Path | None = None  # for local files
    media_type: str | None = None  # e.g. text/html, without parameters
    charset: str | None = None
    status: int = 200

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """Main text and metadata of one document, before de-duplication."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    canonical_url: str | None = None
    kind: DocumentKind = DocumentKind.NEWS
    warning: str | None = None  # what reading it cost (text dropped, say), kept as a note
    # None: a day. A feed may give only the month or the year ("2025-08").
    published_precision: DatePrecision | None = None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    guid: str
    link: str
    title: str | None = None
    published: date | None = None  # the first day of ``published_precision``'s period
    published_precision: DatePrecision | None = None  # None: a day


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...] = field(default_factory=tuple)
