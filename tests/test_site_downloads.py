"""'Download this view' on the site's transfers and sources pages (``?format=csv|json``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from thirdcountry.publish.exports.tables import DOCUMENTS, TRANSFERS

from .site_fixtures import Fixture, served_site


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[TestClient, Fixture]]:
    with served_site() as (client, _store, fixture):
        yield client, fixture


def table(client: TestClient, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.DictReader(io.StringIO(response.text)))


def test_transfers_download_keeps_the_filters(site: tuple[TestClient, Fixture]) -> None:
    client, fx = site
    page = client.get("/en/transfers?receiver=PW").text
    assert 'href="/en/transfers?receiver=PW&amp;format=csv"' in page
    assert 'href="/api/v1/transfers?receiver=PW"' in page
    rows = table(client, "/en/transfers?receiver=PW&format=csv")
    assert list(rows[0]) == [c.name for c in TRANSFERS.columns]
    assert {r["receiver"] for r in rows} == {"PW"}
    # Three reports of one flight are one event, with the API's id: its earliest claim.
    flight = min(fx.flight_a, fx.flight_b, fx.flight_c)
    assert [r["id"] for r in rows].count(flight) == 1
    every = table(client, "/en/transfers?format=csv")
    assert len(every) > len(rows)
    items = client.get("/en/transfers?receiver=PW&format=json").json()
    assert [i["id"] for i in items] == [r["id"] for r in rows]


def test_a_nationality_filter_has_no_api_link(site: tuple[TestClient, Fixture]) -> None:
    client, _ = site
    page = client.get("/en/transfers?nationality=VE").text
    assert "format=csv" in page and "/api/v1/transfers" not in page


def test_sources_download_lists_originals_and_copies(site: tuple[TestClient, Fixture]) -> None:
    client, _ = site
    page = client.get("/es/sources").text
    assert 'href="/es/sources?format=csv"' in page and "Descargar" in page
    rows = table(client, "/en/sources?format=csv")
    assert list(rows[0]) == [c.name for c in DOCUMENTS.columns]
    by_outlet = {r["outlet"]: r for r in rows}
    wire, copy = by_outlet["Wire Service"], by_outlet["Reprint Daily"]
    assert copy["source_id"] == wire["id"] and copy["claims"] == "1"
    assert len(client.get("/en/sources?format=json").json()) == len(rows)


@pytest.mark.parametrize("path", ["/en/transfers?format=xml", "/en/sources?format=pdf"])
def test_an_unknown_format_is_400(site: tuple[TestClient, Fixture], path: str) -> None:
    response = site[0].get(path)
    assert response.status_code == 400 and "format" in response.text
