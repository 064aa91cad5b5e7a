"""ETag, Last-Modified, 304s, the data version behind them, and CORS."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.publicdata import populate
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store
from thirdcountry.store import claims as claim_repo
from thirdcountry.store.public import data_version
from thirdcountry.store.tables import ClaimRow

URLS = [
    "/api/v1/",
    "/api/v1/countries",
    "/api/v1/countries/SV",
    "/api/v1/arrangements",
    "/api/v1/arrangements/US/SV",
    "/api/v1/claims?kind=transfer",
    "/api/v1/documents",
    "/api/v1/transfers",
    "/api/v1/facilities",
    "/api/v1/facilities/SV-cecot",
    "/data/claims.csv",
    "/data/feed.atom",
]


@pytest.fixture
def ids(store: Store) -> dict[str, str]:
    return populate(store)


@pytest.fixture
def client(store: Store, ids: dict[str, str]) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as test_client:
        yield test_client


@pytest.mark.parametrize("url", URLS)
def test_if_none_match_answers_304_without_a_body(client: TestClient, url: str) -> None:
    first = client.get(url)
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('"')
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["last-modified"] == first.headers["last-modified"]


@pytest.mark.parametrize(
    "header", ["W/{etag}", '"other", {etag}', "*"], ids=["weak", "list", "star"]
)
def test_if_none_match_forms(client: TestClient, header: str) -> None:
    etag = client.get("/api/v1/arrangements").headers["etag"]
    response = client.get(
        "/api/v1/arrangements", headers={"if-none-match": header.format(etag=etag)}
    )
    assert response.status_code == 304


def test_a_different_etag_gets_the_body(client: TestClient) -> None:
    response = client.get("/api/v1/arrangements", headers={"if-none-match": '"stale"'})
    assert response.status_code == 200 and response.json()["items"]


def test_if_modified_since(client: TestClient) -> None:
    first = client.get("/api/v1/claims")
    modified = parsedate_to_datetime(first.headers["last-modified"])
    same = client.get(
        "/api/v1/claims", headers={"if-modified-since": first.headers["last-modified"]}
    )
    assert same.status_code == 304
    earlier = format_datetime(modified - timedelta(seconds=1), usegmt=True)
    assert client.get("/api/v1/claims", headers={"if-modified-since": earlier}).status_code == 200
    garbled = client.get("/api/v1/claims", headers={"if-modified-since": "yesterday"})
    assert garbled.status_code == 200


def test_if_none_match_decides_over_if_modified_since(client: TestClient) -> None:
    first = client.get("/api/v1/claims")
    response = client.get(
        "/api/v1/claims",
        headers={"if-none-match": '"stale"', "if-modified-since": first.headers["last-modified"]},
    )
    assert response.status_code == 200


def test_a_review_changes_the_etag(client: TestClient, store: Store) -> None:
    before = client.get("/api/v1/arrangements?receiver=XK")
    with store.write() as session:
        row = session.scalars(
            select(ClaimRow).where(ClaimRow.receiver == "PA", ClaimRow.review_state == "pending")
        ).one()
        claim_repo.review_claim(session, row.id, ReviewState.ACCEPTED, "second reviewer")
    after = client.get("/api/v1/arrangements", headers={"if-none-match": before.headers["etag"]})
    assert after.status_code == 200
    assert "PA" in {a["receiver"] for a in after.json()["items"]}
    assert client.get("/api/v1/arrangements/US/PA").json()["status"] == "negotiating"


def test_data_version_moves_only_when_the_store_changes(store: Store, ids: dict[str, str]) -> None:
    with store.read() as session:
        first = data_version(session)
        assert data_version(session) == first
    with store.write() as session:
        claim_repo.review_claim(session, ids["pending"], ReviewState.REJECTED, "tester")
    with store.read() as session:
        assert data_version(session) != first


def test_cors_lets_any_origin_read(client: TestClient) -> None:
    response = client.get("/api/v1/claims", headers={"origin": "https://elsewhere.example"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert "ETag" in response.headers["access-control-expose-headers"]
    preflight = client.options(
        "/api/v1/claims",
        headers={
            "origin": "https://elsewhere.example",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )
    assert (
        preflight.status_code == 200 and "GET" in preflight.headers["access-control-allow-methods"]
    )
    refused = client.options(
        "/api/v1/claims",
        headers={"origin": "https://elsewhere.example", "access-control-request-method": "POST"},
    )
    assert refused.status_code == 400


def test_data_files_allow_any_origin(client: TestClient) -> None:
    assert client.get("/data/arrangements.geojson").headers["access-control-allow-origin"] == "*"


def test_gzip_is_its_own_representation(client: TestClient) -> None:
    plain = client.get("/api/v1/claims", headers={"accept-encoding": "identity"})
    zipped = client.get("/api/v1/claims", headers={"accept-encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert (
        "Accept-Encoding" in plain.headers["vary"] and "Accept-Encoding" in zipped.headers["vary"]
    )
    assert zipped.json() == plain.json()  # the client decoded it
    assert zipped.headers["etag"] != plain.headers["etag"]
    again = client.get(
        "/api/v1/claims",
        headers={"accept-encoding": "gzip", "if-none-match": zipped.headers["etag"]},
    )
    assert again.status_code == 304 and "content-encoding" not in again.headers
    refused = client.get("/api/v1/claims", headers={"accept-encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers
