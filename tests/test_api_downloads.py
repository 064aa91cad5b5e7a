"""The API's claims-browser filters and its CSV form (``?format=csv``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.publicdata import populate
from thirdcountry.publish.browse import ClaimIndex, ClaimQuery
from thirdcountry.publish.exports.tables import CLAIMS, DOCUMENTS, TRANSFERS
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store, open_store
from thirdcountry.store.public import public_cache


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(str(tmp_path_factory.mktemp("downloads") / "store.sqlite3"))
    populate(opened)
    yield opened
    opened.dispose()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as test_client:
        yield test_client


def items(client: TestClient, url: str) -> list[dict[str, Any]]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


def rows(client: TestClient, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize(
    "query",
    [
        "value=implemented",
        "outlet=Ministerio",
        "language=es",
        "year=2025",
        "kind=transfer&year=2025",
    ],
)
def test_claim_filters_mean_what_the_claims_browser_means(
    client: TestClient, store: Store, query: str
) -> None:
    data = public_cache(store).current()
    index = ClaimIndex(data.claims, {d.id: d for d in data.documents})
    params = dict(part.split("=") for part in query.split("&"))
    expected = {c.id for c in index.filter(ClaimQuery.parse(params))}
    assert expected, query  # the fixture has claims for each filter
    assert {c["id"] for c in items(client, f"/api/v1/claims?{query}&limit=500")} == expected
    assert len(expected) < len(data.claims)


def test_an_outlet_without_claims_finds_none(client: TestClient) -> None:
    assert items(client, "/api/v1/claims?outlet=Nobody") == []


@pytest.mark.parametrize(
    ("path", "table"),
    [
        ("/api/v1/claims", CLAIMS),
        ("/api/v1/transfers", TRANSFERS),
        ("/api/v1/documents", DOCUMENTS),
    ],
)
def test_csv_has_the_export_columns_and_every_filtered_item(
    client: TestClient, path: str, table: Any
) -> None:
    every = items(client, f"{path}?limit=500")
    found = rows(client, f"{path}?format=csv&limit=1")  # limit does not cut a download
    assert list(found[0]) == [c.name for c in table.columns]
    assert [r["id"] for r in found] == [i["id"] for i in every]


def test_csv_keeps_the_filters(client: TestClient) -> None:
    json_ids = [c["id"] for c in items(client, "/api/v1/claims?receiver=SV&language=en&limit=500")]
    csv_rows = rows(client, "/api/v1/claims?receiver=SV&language=en&format=csv")
    assert [r["id"] for r in csv_rows] == json_ids and json_ids
    assert {r["receiver"] for r in csv_rows} == {"SV"}


def test_csv_answers_conditional_requests(client: TestClient) -> None:
    first = client.get("/api/v1/transfers?format=csv")
    again = client.get(
        "/api/v1/transfers?format=csv", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/claims?format=xlsx",
        "/api/v1/claims?year=25",
        "/api/v1/claims?kind=arrangement_status&value=maybe",
        "/api/v1/claims?language=Spanish",
    ],
)
def test_bad_download_parameters_are_400(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "badinput"
