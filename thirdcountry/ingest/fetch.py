"""The safe fetcher: one GET of a web source, on guard against everything a server can do.

* only http and https, no credentials in URLs;
* every connection is made to an address the address guard accepted (``transport``),
  on the first request and on every redirect, which we follow ourselves up to a limit;
* connect and read timeouts, and a deadline for the whole fetch (a server trickling one
  byte at a time does not hold us forever);
* a maximum body size, checked against Content-Length and again while the body streams
  in, and once more while it is decompressed (a small gzip body can inflate enormously);
* only content types we can read (HTML, text, PDF, feeds);
* a User-Agent that says who we are, and robots.txt obeyed unless switched off.

The body is kept twice: as received (for the archive) and decoded (for parsing).
"""

from __future__ import annotations

import contextlib
import time
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from thirdcountry.domain.errors import BadInput, FetchRefused
from thirdcountry.ingest.addresses import AddressPolicy, IPNetwork, Resolver, parse_networks
from thirdcountry.ingest.addresses import system_resolver as _system_resolver
from thirdcountry.ingest.model import Capture, CaptureKind, Payload, SourceError
from thirdcountry.ingest.robots import ROBOTS_MAX_BYTES, RobotsRules
from thirdcountry.ingest.transport import GuardedTransport
from thirdcountry.ingest.urls import WEB_SCHEMES

ACCEPTED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/pdf",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,application/pdf;q=0.8,*/*;q=0.1"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRYABLE_STATUS = frozenset({408, 425, 429})


class HTTPStatusFailure(SourceError):
    """The server answered, with a status that is not a success."""

    def __init__(self, status: int, reason: str) -> None:
        retryable = status >= 500 or status in _RETRYABLE_STATUS
        super().__init__(f"HTTP {status} {reason}".rstrip(), retryable=retryable)
        self.status = status


@dataclass(frozen=True, slots=True)
class FetchSettings:
    user_agent: str
    allow_private: bool = False
    allow_networks: tuple[IPNetwork, ...] = ()
    timeout: float = 10.0
    total_timeout: float = 60.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    robots: bool = True

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> FetchSettings:
        """Fetch settings from the resolved settings table (``settings.load_settings``)."""
        settings = cls(
            user_agent=str(values["user_agent"]),
            allow_private=bool(values["allow_private"]),
            allow_networks=parse_networks(values.get("fetch_allow_networks") or ""),
            timeout=float(values["fetch_timeout"]),
            total_timeout=float(values["fetch_total_timeout"]),
            max_bytes=int(values["fetch_max_bytes"]),
            max_redirects=int(values["fetch_max_redirects"]),
            robots=bool(values["respect_robots"]),
        )
        for name in ("timeout", "total_timeout", "max_bytes"):
            if getattr(settings, name) <= 0:
                raise BadInput(f"fetch_{name} must be positive, got {getattr(settings, name)}")
        if settings.max_redirects < 0:
            raise BadInput(f"fetch_max_redirects must not be negative: {settings.max_redirects}")
        if not settings.user_agent.strip():
            raise BadInput("user_agent must not be empty")
        return settings

    @property
    def policy(self) -> AddressPolicy:
        return AddressPolicy(allow_private=self.allow_private, allow_networks=self.allow_networks)

    @property
    def robots_token(self) -> str:
        """The product token robots.txt groups are matched against (``thirdcountry``)."""
        return self.user_agent.split("/", 1)[0].split()[0].lower()


@dataclass(frozen=True, slots=True)
class _Received:
    url: str
    status: int
    reason: str
    http_version: str
    headers: tuple[tuple[str, str], ...]
    raw: bytes
    content: bytes
    media_type: str | None
    charset: str | None
    fetched_at: datetime
    redirects: tuple[str, ...]
    ip: str | None


def content_type(header: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) of a Content-Type header; both lower-case."""
    if not header:
        return None, None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return (media.strip().lower() or None), charset


def decode_body(raw: bytes, encoding: str | None, limit: int) -> bytes:
    """Undo Content-Encoding (gzip, deflate), never producing more than ``limit`` bytes."""
    try:
        return _decode_body(raw, encoding, limit)
    except zlib.error as exc:
        message = f"the body is not validly {encoding}-encoded: {exc}"
        raise SourceError(message, retryable=False) from None


def _decode_body(raw: bytes, encoding: str | None, limit: int) -> bytes:
    data = raw
    codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
    for coding in reversed(codings):
        if coding == "identity":
            continue
        if coding in ("gzip", "x-gzip"):
            data = _inflate(data, 16 + zlib.MAX_WBITS, limit)
        elif coding == "deflate":
            try:
                data = _inflate(data, zlib.MAX_WBITS, limit)
            except zlib.error:  # some servers send raw deflate without the zlib wrapper
                data = _inflate(data, -zlib.MAX_WBITS, limit)
        else:
            raise SourceError(f"unsupported content encoding {coding!r}", retryable=False)
    return data


def _inflate(data: bytes, wbits: int, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise SourceError(f"too big: decompresses to more than {limit} bytes", retryable=False)
    out += inflater.flush()
    if not inflater.eof:
        # Half a stream inflates without complaint to half a document: only the end of
        # the stream (and, for gzip, its checksum) says the body came whole.
        raise SourceError(
            f"the body ends before its compressed stream does: {len(data)} bytes received, "
            "the transfer was cut short",
            retryable=True,
        )
    return out


def check_target(url: str) -> str:
    """``url`` if it is one we may request at all; FetchRefused naming the problem if not."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchRefused(f"{url!r} is not a valid URL") from None
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise FetchRefused(f"refused {url}: only http and https URLs are fetched")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused(f"refused {url}: URLs with credentials are not fetched")
    if not parts.hostname:
        raise FetchRefused(f"refused {url}: no host")
    return url


class SafeFetcher:
    """A callable ``fetch(url, headers=None) -> Payload``; close it (or use ``with``)."""

    def __init__(self, settings: FetchSettings, *, resolver: Resolver | None = None) -> None:
        self.settings = settings
        self._client = httpx.Client(
            transport=GuardedTransport(settings.policy, resolver or _system_resolver),
            follow_redirects=False,  # each hop is checked by us, see _get
            trust_env=False,  # no proxies from the environment: they would resolve for us
            headers={
                "User-Agent": settings.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
        )
        self._robots = RobotsRules(self._read_robots, settings.robots_token)

    def __enter__(self) -> SafeFetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def __call__(self, url: str, *, headers: Mapping[str, str] | None = None) -> Payload:
        deadline = time.monotonic() + self.settings.total_timeout
        got = self._get(
            url,
            headers=headers,
            deadline=deadline,
            max_bytes=self.settings.max_bytes,
            robots=self.settings.robots,
            accepted=ACCEPTED_TYPES,
        )
        capture = Capture(
            kind=CaptureKind.RESPONSE,
            target=got.url,
            requested=url,
            fetched_at=got.fetched_at,
            body=got.raw,
            status=got.status,
            reason=got.reason,
            http_version=got.http_version,
            headers=got.headers,
            redirects=got.redirects,
            ip=got.ip,
            media_type=got.media_type,
        )
        return Payload(
            locator=url,
            content=got.content,
            capture=capture,
            url=got.url,
            media_type=got.media_type,
            charset=got.charset,
            status=got.status,
        )

    # -- one fetch, redirects followed by hand ------------------------------------------

    def _get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None,
        deadline: float,
        max_bytes: int,
        robots: bool,
        accepted: frozenset[str] | None,
    ) -> _Received:
        redirects: list[str] = []
        target = url
        while True:
            check_target(target)
            if robots:
                self._robots.require(target, deadline)
            with self._errors(), self._open(target, headers, deadline) as response:
                location = response.headers.get("location")
                if response.status_code in _REDIRECTS and location:
                    if len(redirects) >= self.settings.max_redirects:
                        raise SourceError(
                            f"more than {self.settings.max_redirects} redirects", retryable=False
                        )
                    redirects.append(target)
                    target = urljoin(target, location.strip())
                    continue
                conditional = bool(headers) and any(
                    k.lower() in ("if-none-match", "if-modified-since") for k in headers or {}
                )
                return self._receive(
                    target, response, tuple(redirects), deadline, max_bytes, accepted, conditional
                )

    def _timeout(self, deadline: float) -> httpx.Timeout:
        left = deadline - time.monotonic()
        if left <= 0:
            raise SourceError(
                f"took longer than {self.settings.total_timeout:g} s in all", retryable=True
            )
        return httpx.Timeout(min(self.settings.timeout, left))

    @contextlib.contextmanager
    def _open(
        self, url: str, headers: Mapping[str, str] | None, deadline: float
    ) -> Iterator[httpx.Response]:
        request = self._client.build_request(
            "GET", url, headers=dict(headers or {}), timeout=self._timeout(deadline)
        )
        response = self._client.send(request, stream=True)
        try:
            yield response
        finally:
            response.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Transport failures as SourceErrors that say what happened."""
        try:
            yield
        except httpx.TimeoutException as exc:
            kind = {
                httpx.ConnectTimeout: "connecting",
                httpx.ReadTimeout: "waiting for the server to send data",
                httpx.WriteTimeout: "sending the request",
                httpx.PoolTimeout: "waiting for a free connection",
            }.get(type(exc), "waiting")
            raise SourceError(
                f"timed out {kind} (after {self.settings.timeout:g} s)", retryable=True
            ) from None
        except httpx.ConnectError as exc:
            raise SourceError(f"could not connect: {exc}", retryable=True) from None
        except httpx.InvalidURL as exc:
            raise SourceError(f"invalid URL: {exc}", retryable=False) from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise SourceError(f"transfer failed: {exc}", retryable=True) from None

    def _receive(
        self,
        url: str,
        response: httpx.Response,
        redirects: tuple[str, ...],
        deadline: float,
        max_bytes: int,
        accepted: frozenset[str] | None,
        conditional: bool,
    ) -> _Received:
        fetched_at = datetime.now(UTC)
        status = response.status_code
        if not (200 <= status < 300 and status != 204) and not (status == 304 and conditional):
            raise HTTPStatusFailure(status, response.reason_phrase)
        media_type, charset = content_type(response.headers.get("content-type"))
        if status != 304 and accepted is not None and media_type and media_type not in accepted:
            raise SourceError(f"unsupported content type {media_type}", retryable=False)
        declared = response.headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > max_bytes:
            raise SourceError(
                f"too big: {int(declared)} bytes announced, the limit is {max_bytes}",
                retryable=False,
            )
        ip = _peer_address(response)
        raw = bytearray()
        for chunk in response.iter_raw():
            raw += chunk
            if len(raw) > max_bytes:
                raise SourceError(f"too big: more than {max_bytes} bytes", retryable=False)
            if time.monotonic() > deadline:
                raise SourceError(
                    f"took longer than {self.settings.total_timeout:g} s in all", retryable=True
                )
        body = bytes(raw)
        return _Received(
            url=url,
            status=status,
            reason=response.reason_phrase,
            http_version=response.http_version,
            headers=tuple(
                (name.decode("latin-1"), value.decode("latin-1"))
                for name, value in response.headers.raw
            ),
            raw=body,
            content=decode_body(body, response.headers.get("content-encoding"), max_bytes),
            media_type=media_type,
            charset=charset,
            fetched_at=fetched_at,
            redirects=redirects,
            ip=ip,
        )

    def _read_robots(self, url: str, deadline: float) -> str | None:
        try:
            got = self._get(
                url,
                headers=None,
                deadline=deadline,
                max_bytes=ROBOTS_MAX_BYTES,
                robots=False,
                accepted=None,
            )
        except HTTPStatusFailure as exc:
            if 400 <= exc.status < 500 and exc.status not in _RETRYABLE_STATUS:
                return None
            raise
        try:
            return got.content.decode(got.charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return got.content.decode("utf-8", errors="replace")


def _peer_address(response: httpx.Response) -> str | None:
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        address = stream.get_extra_info("server_addr")
    except Exception:  # a transport that cannot say is no reason to fail the fetch
        return None
    return str(address[0]) if address else None
