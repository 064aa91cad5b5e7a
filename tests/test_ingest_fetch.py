"""The safe fetcher against a site on 127.0.0.1 that the tests start themselves."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from ipaddress import ip_address, ip_network

import pytest

from tests.ingest_server import Site
from thirdcountry.domain.errors import BadInput, FetchRefused
from thirdcountry.ingest.addresses import IPAddress
from thirdcountry.ingest.fetch import (
    FetchSettings,
    SafeFetcher,
    check_target,
    content_type,
    decode_body,
)
from thirdcountry.ingest.model import CaptureKind, SourceError
from thirdcountry.settings import load_settings

UA = "thirdcountry/0.1 (+https://example.org/thirdcountry-tests)"


def settings(**changes: object) -> FetchSettings:
    base = {
        "user_agent": UA,
        "allow_private": True,
        "timeout": 0.5,
        "total_timeout": 3.0,
        "max_bytes": 200_000,
        "max_redirects": 3,
    }
    return FetchSettings(**{**base, **changes})  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with Site() as running:
        yield running


@pytest.fixture
def fetch() -> Iterator[SafeFetcher]:
    with SafeFetcher(settings()) as fetcher:
        yield fetcher


def test_a_page_is_fetched_with_our_user_agent_and_kept_as_received(
    site: Site, fetch: SafeFetcher
) -> None:
    payload = fetch(site.url("/news/kosovo-agrees"))
    assert payload.status == 200 and payload.media_type == "text/html"
    assert payload.charset == "utf-8"
    assert b"Kosovo to take in 50 deportees" in payload.content
    capture = payload.capture
    assert capture.kind is CaptureKind.RESPONSE and capture.body == payload.content
    assert capture.ip == "127.0.0.1" and capture.http_version == "HTTP/1.1"
    assert ("Content-Type", "text/html; charset=utf-8") in capture.headers
    sent = dict(site.requests)["/news/kosovo-agrees"]
    assert sent["User-Agent"] == UA


def test_redirects_are_followed_and_recorded(site: Site, fetch: SafeFetcher) -> None:
    payload = fetch(site.url("/hop"))
    assert payload.url == site.url("/news/kosovo-agrees")
    assert payload.capture.redirects == (site.url("/hop"), site.url("/old/kosovo"))
    assert payload.capture.requested == site.url("/hop")


def test_redirect_chains_are_limited(site: Site, fetch: SafeFetcher) -> None:
    with pytest.raises(SourceError, match="more than 3 redirects") as failure:
        fetch(site.url("/loop/1"))
    assert not failure.value.retryable


def test_a_redirect_to_another_scheme_is_refused(site: Site, fetch: SafeFetcher) -> None:
    with pytest.raises(FetchRefused, match="only http and https"):
        fetch(site.url("/to-ftp"))


def test_every_redirect_is_checked_by_the_address_guard(site: Site) -> None:
    # 127.0.0.1 is opened for this test, 127.0.0.2 is not: the redirect must be refused
    # before any connection to it is attempted.
    only_site = settings(allow_private=False, allow_networks=(ip_network("127.0.0.1/32"),))
    with SafeFetcher(only_site) as fetcher:
        assert fetcher(site.url("/news/eswatini-flight")).status == 200
        with pytest.raises(FetchRefused, match=r"127\.0\.0\.2: a loopback address"):
            fetcher(site.url("/to-other-loopback"))


def test_loopback_is_refused_without_the_flag_and_nothing_is_sent(site: Site) -> None:
    before = len(site.requests)
    with (
        SafeFetcher(settings(allow_private=False)) as fetcher,
        pytest.raises(FetchRefused, match=r"127\.0\.0\.1: a loopback address"),
    ):
        fetcher(site.url("/news/kosovo-agrees"))
    assert len(site.requests) == before


def test_we_connect_to_the_address_we_checked_and_send_the_name_as_host(site: Site) -> None:
    asked: list[tuple[str, int]] = []

    def resolver(host: str, port: int) -> list[IPAddress]:
        asked.append((host, port))
        return [ip_address("127.0.0.1")]

    port = site.url("").rsplit(":", 1)[1]
    with SafeFetcher(settings(), resolver=resolver) as fetcher:
        payload = fetcher(f"http://news.test:{port}/es/kosovo-acepta")
    assert payload.capture.ip == "127.0.0.1"
    assert asked == [("news.test", int(port))]
    headers = next(h for path, h in reversed(site.requests) if path == "/es/kosovo-acepta")
    assert headers["Host"] == f"news.test:{port}"


def test_a_name_resolving_to_a_private_address_is_refused_before_connecting() -> None:
    attempts: list[str] = []

    def resolver(host: str, _port: int) -> list[IPAddress]:
        attempts.append(host)
        return [ip_address("93.184.215.14"), ip_address("192.168.0.10")]

    with (
        SafeFetcher(settings(allow_private=False), resolver=resolver) as fetcher,
        pytest.raises(FetchRefused, match=r"192\.168\.0\.10\): a private address"),
    ):
        fetcher("http://rebinding.test/")
    assert attempts == ["rebinding.test"]


def test_robots_txt_is_obeyed(site: Site, fetch: SafeFetcher) -> None:
    with pytest.raises(SourceError, match=r"robots\.txt .* disallows /private/memo"):
        fetch(site.url("/private/memo"))
    with SafeFetcher(settings(robots=False)) as fetcher:
        assert fetcher(site.url("/private/memo")).status == 200


def test_a_slow_server_times_out_and_may_be_retried(site: Site, fetch: SafeFetcher) -> None:
    with pytest.raises(SourceError, match="timed out waiting for the server") as failure:
        fetch(site.url("/slow"))
    assert failure.value.retryable


def test_a_trickling_server_hits_the_total_deadline(site: Site) -> None:
    with (
        SafeFetcher(settings(timeout=1.0, total_timeout=0.6)) as fetcher,
        pytest.raises(SourceError, match=r"longer than 0\.6 s in all"),
    ):
        fetcher(site.url("/trickle"))


def test_an_announced_oversized_body_is_refused_before_reading(
    site: Site, fetch: SafeFetcher
) -> None:
    with pytest.raises(SourceError, match="too big: 50000000 bytes announced") as failure:
        fetch(site.url("/huge"))
    assert not failure.value.retryable


def test_an_oversized_body_is_stopped_while_streaming(site: Site, fetch: SafeFetcher) -> None:
    with pytest.raises(SourceError, match="too big: more than 200000 bytes"):
        fetch(site.url("/huge-chunked"))


def test_a_compression_bomb_is_stopped_while_inflating(site: Site, fetch: SafeFetcher) -> None:
    with pytest.raises(SourceError, match="decompresses to more than 200000 bytes"):
        fetch(site.url("/bomb"))


@pytest.mark.parametrize(
    ("path", "message", "retryable"),
    [
        ("/broken", "HTTP 500 Internal Server Error", True),
        ("/nothing-here", "HTTP 404 Not Found", False),
        ("/photo.png", "unsupported content type image/png", False),
    ],
)
def test_failures_say_what_happened_and_whether_to_retry(
    site: Site, fetch: SafeFetcher, path: str, message: str, retryable: bool
) -> None:
    with pytest.raises(SourceError, match=message) as failure:
        fetch(site.url(path))
    assert failure.value.retryable is retryable


def test_a_conditional_request_can_come_back_not_modified(site: Site, fetch: SafeFetcher) -> None:
    first = fetch(site.url("/feed.xml"))
    etag = dict(first.capture.headers)["ETag"]
    again = fetch(site.url("/feed.xml"), headers={"If-None-Match": etag})
    assert again.not_modified and again.content == b""


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/x", "file:///etc/passwd", "http://user:secret@example.org/", "http:///x"],
)
def test_only_plain_web_urls_are_requested(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_target(url)


def test_content_encodings_are_undone_within_the_limit() -> None:
    text = b"<p>hello</p>" * 10
    assert decode_body(gzip.compress(text), "gzip", 1000) == text
    assert decode_body(zlib.compress(text), "deflate", 1000) == text
    raw_deflate = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    assert decode_body(raw_deflate.compress(text) + raw_deflate.flush(), "deflate", 1000) == text
    assert decode_body(text, None, 1000) == text
    with pytest.raises(SourceError, match="decompresses to more than 50 bytes"):
        decode_body(gzip.compress(text), "gzip", 50)
    with pytest.raises(SourceError, match="unsupported content encoding 'br'"):
        decode_body(text, "br", 1000)
    with pytest.raises(SourceError, match="the body is not validly gzip-encoded"):
        decode_body(b"\x1f\x8b not gzip at all", "gzip", 1000)


@pytest.mark.parametrize("coding", ["gzip", "deflate", "raw deflate"])
def test_a_truncated_compressed_body_is_refused_not_half_inflated(coding: str) -> None:
    text = b"<p>Kosovo agrees to host fifty people deported from the United States.</p>" * 40
    if coding == "gzip":
        whole = gzip.compress(text)
    elif coding == "deflate":
        whole = zlib.compress(text)
    else:
        raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        whole = raw.compress(text) + raw.flush()
    header = coding.removeprefix("raw ")
    assert decode_body(whole, header, 100_000) == text
    with pytest.raises(SourceError, match="ends before its compressed stream does") as cut:
        decode_body(whole[: len(whole) // 2], header, 100_000)
    assert cut.value.retryable  # a transfer cut short may well come whole next time


def test_a_truncated_gzip_response_is_a_failure(site: Site, fetch: SafeFetcher) -> None:
    with pytest.raises(SourceError, match="the transfer was cut short"):
        fetch(site.url("/truncated-gzip"))


def test_content_type_header_is_split_into_type_and_charset() -> None:
    assert content_type('text/HTML; Charset="ISO-8859-1"') == ("text/html", "iso-8859-1")
    assert content_type("application/pdf") == ("application/pdf", None)
    assert content_type(None) == (None, None)


def test_fetch_settings_come_from_the_settings_table() -> None:
    values = load_settings({"fetch_timeout": 2.5, "fetch_allow_networks": "10.9.0.0/16"})
    fetch_settings = FetchSettings.from_settings(values)
    assert fetch_settings.timeout == 2.5 and fetch_settings.robots
    assert fetch_settings.allow_networks == (ip_network("10.9.0.0/16"),)
    assert fetch_settings.robots_token == "thirdcountry"
    with pytest.raises(BadInput, match="fetch_max_bytes must be positive"):
        FetchSettings.from_settings({**values, "fetch_max_bytes": 0})
