"""Validators and conditional requests (RFC 9110 §13): ETag, Last-Modified, 304.

Bodies are rendered once per data version and kept with their strong ETag (a hash of the
bytes), so answering ``If-None-Match`` costs a dictionary lookup.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

# Clients may reuse a response for a minute, then must revalidate (cheap: 304).
CACHE_CONTROL = "public, max-age=60"


@dataclass(frozen=True, slots=True)
class Rendered:
    body: bytes
    media_type: str
    etag: str

    @classmethod
    def of(cls, body: bytes, media_type: str) -> Rendered:
        return cls(body, media_type, f'"{hashlib.sha256(body).hexdigest()[:32]}"')


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
    """The rendered body, or an empty 304 when the client already has it."""
    out = {"ETag": rendered.etag, "Cache-Control": CACHE_CONTROL, **(headers or {})}
    if last_modified is not None:
        out["Last-Modified"] = http_date(last_modified)
    if not_modified(request, rendered.etag, last_modified):
        return Response(status_code=304, headers=out)
    return Response(rendered.body, media_type=rendered.media_type, headers=out)
