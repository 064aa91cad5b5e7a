"""Validators and conditional requests (RFC 9110 §13): ETag, Last-Modified, 304.

Bodies are rendered once per data version and kept with their strong ETag (a hash of the
bytes), so answering ``If-None-Match`` costs a dictionary lookup.
"""

from __future__ import annotations

import gzip
import hashlib
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

# Clients may reuse a response for a minute, then must revalidate (cheap: 304).
CACHE_CONTROL = "public, max-age=60"


class Rendered:
    """A body with its strong ETag, and its gzip form made on first demand."""

    __slots__ = ("_gzipped", "body", "etag", "media_type")

    # Below this size compression saves less than it costs.
    MIN_GZIP = 1024

    def __init__(self, body: bytes, media_type: str, etag: str) -> None:
        self.body = body
        self.media_type = media_type
        self.etag = etag
        self._gzipped: bytes | None = None

    @classmethod
    def of(cls, body: bytes, media_type: str) -> Rendered:
        return cls(body, media_type, f'"{hashlib.sha256(body).hexdigest()[:32]}"')

    @property
    def compressible(self) -> bool:
        return len(self.body) >= self.MIN_GZIP and not self.media_type.startswith(
            ("application/vnd.sqlite3", "application/gzip", "image/")
        )

    @property
    def gzipped(self) -> bytes:
        if self._gzipped is None:
            # mtime=0: the same body always compresses to the same bytes.
            self._gzipped = gzip.compress(self.body, compresslevel=6, mtime=0)
        return self._gzipped

    @property
    def gzip_etag(self) -> str:
        # Another representation, another strong validator (RFC 9110 §8.8.3).
        return self.etag[:-1] + '-gzip"'


def accepts_gzip(header: str | None) -> bool:
    for part in (header or "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            return params.strip().replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC).replace(microsecond=0), usegmt=True)


def _etag_matches(header: str, etag: str) -> bool:
    # If-None-Match uses the weak comparison: W/"x" matches "x".
    wanted = etag.removeprefix("W/")
    for candidate in header.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == wanted:
            return True
    return False


def not_modified(request: Request, etag: str, last_modified: datetime | None) -> bool:
    """True when the client's copy is current (only GET and HEAD are ever answered 304)."""
    if request.method not in ("GET", "HEAD"):
        return False
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        # When both are sent, If-None-Match decides alone (RFC 9110 §13.2.2).
        return _etag_matches(if_none_match, etag)
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since is None or last_modified is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError, IndexError):
        return False  # an unreadable date is ignored, as the RFC asks
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return last_modified.replace(microsecond=0) <= since


def conditional_response(
    request: Request,
    rendered: Rendered,
    last_modified: datetime | None,
    *,
    headers: dict[str, str] | None = None,
) -> Response:
    """The rendered body (gzipped if the client takes it), or an empty 304 when the
    client already has it."""
    body, etag = rendered.body, rendered.etag
    out = {"Cache-Control": CACHE_CONTROL, **(headers or {})}
    if rendered.compressible:
        out["Vary"] = "Accept-Encoding"
        if accepts_gzip(request.headers.get("accept-encoding")):
            body, etag = rendered.gzipped, rendered.gzip_etag
            out["Content-Encoding"] = "gzip"
    out["ETag"] = etag
    if last_modified is not None:
        out["Last-Modified"] = http_date(last_modified)
    if not_modified(request, etag, last_modified):
        out.pop("Content-Encoding", None)
        return Response(status_code=304, headers=out)
    return Response(body, media_type=rendered.media_type, headers=out)
