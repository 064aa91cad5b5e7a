"""HTML pages are sent gzip-compressed when the client accepts it, with validators kept apart."""

import gzip
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from tests.site_fixtures import served_site
from thirdcountry.publish.web.compression import HtmlGzip


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with served_site() as (site, _store, _fixture):
        yield site


def raw(client: TestClient, path: str, encoding: str | None) -> Any:
    headers = {"Accept-Encoding": encoding} if encoding is not None else {}
    # Streamed so that httpx does not decode the body: the test sees the bytes sent.
    with client.stream("GET", path, headers=headers) as response:
        return response, b"".join(response.iter_raw())


@pytest.mark.parametrize("path", ["/en/", "/es/data", "/en/transfers"])
def test_pages_are_gzipped_when_accepted(client: TestClient, path: str) -> None:
    response, body = raw(client, path, "gzip, deflate, br")
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["vary"]
    assert int(response.headers["content-length"]) == len(body)
    plain = gzip.decompress(body).decode("utf-8")
    assert "<main" in plain
    # The page, not an empty or cut one: the same bytes as the identity response.
    _, identity = raw(client, path, "identity")
    assert plain.encode("utf-8") == identity


@pytest.mark.parametrize("encoding", ["", "identity", "gzip;q=0", "br"])
def test_pages_are_plain_when_gzip_is_not_accepted(client: TestClient, encoding: str) -> None:
    response, body = raw(client, "/en/", encoding)
    assert "content-encoding" not in response.headers
    assert b"<main" in body
    assert "Accept-Encoding" in response.headers["vary"]


def test_api_bodies_keep_their_own_gzip_and_etag(client: TestClient) -> None:
    response, body = raw(client, "/api/v1/claims", "gzip")
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["etag"].endswith('-gzip"')
    gzip.decompress(body)  # compressed once, not twice


def _app(etag: str) -> TestClient:
    def page(_: Any) -> Response:
        return HTMLResponse("<p>" + "x" * 4000 + "</p>", headers={"ETag": etag})

    return TestClient(HtmlGzip(Starlette(routes=[Route("/", page)])))


def test_a_strong_etag_names_the_compressed_form_apart() -> None:
    response, _ = raw(_app('"abc"'), "/", "gzip")
    assert response.headers["etag"] == '"abc-gzip"'
    plain, _ = raw(_app('"abc"'), "/", "identity")
    assert plain.headers["etag"] == '"abc"'


def test_a_weak_etag_is_kept() -> None:
    response, _ = raw(_app('W/"abc"'), "/", "gzip")
    assert response.headers["etag"] == 'W/"abc"'


def test_small_pages_are_not_compressed() -> None:
    def tiny(_: Any) -> Response:
        return HTMLResponse("<p>hi</p>")

    app = TestClient(HtmlGzip(Starlette(routes=[Route("/", tiny)])))
    response, body = raw(app, "/", "gzip")
    assert "content-encoding" not in response.headers and body == b"<p>hi</p>"
