"""The claims browser: facets with counts, filters, sort, stable pages and downloads."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from thirdcountry.publish.browse import ClaimIndex, ClaimQuery
from thirdcountry.settings import projection_rules
from thirdcountry.store import Store
from thirdcountry.store.site_views import site_picture

from .site_fixtures import PENDING_FACILITY, Fixture, served_site


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[TestClient, Store, Fixture]]:
    with served_site() as site:
        yield site


@pytest.fixture(scope="module")
def client(site: tuple[TestClient, Store, Fixture]) -> TestClient:
    return site[0]


def _status_count(html: str) -> int:
    found = re.search(r'<p role="status">([\d,.]+) (?:claims?|afirmaci)', html)
    assert found, "no count of claims"
    return int(found.group(1).replace(",", "").replace(".", ""))


def _facet(html: str, title: str) -> dict[str, int]:
    section = html.split(f"<h2>{title}</h2>", 1)[1].split("</section>", 1)[0]
    return {
        name.strip(): int(count.replace(",", ""))
        for name, count in re.findall(r'">([^<]+)</a> <span class="count">([\d,]+)</span>', section)
    }


def test_the_browser_lists_every_published_claim_with_facets(client: TestClient) -> None:
    html = client.get("/en/claims").text
    total = _status_count(html)
    kinds = _facet(html, "Kind")
    assert sum(kinds.values()) == total  # every claim has exactly one kind
    visible = re.sub(r"<[^>]+>", " ", html)  # codes may sit in links, never in the text
    assert "Status" in kinds and "arrangement_status" not in visible
    assert PENDING_FACILITY not in html
    assert 'href="/en/claim/' in html  # each row links its permalink


def test_choosing_a_facet_value_keeps_exactly_the_counted_claims(client: TestClient) -> None:
    html = client.get("/en/claims").text
    receivers = _facet(html, "Receiving country")
    kosovo = receivers["Kosovo"]
    narrowed = client.get("/en/claims?receiver=XK").text
    assert _status_count(narrowed) == kosovo
    assert "Kosovo" in narrowed.split('class="chosen"', 1)[1][:200]  # shown as chosen
    both = client.get("/en/claims?receiver=XK&kind=role").text
    assert _status_count(both) == _facet(narrowed, "Kind")["Role"]


def test_spanish_browser_uses_spanish_labels_and_plurals(client: TestClient) -> None:
    html = client.get("/es/claims?receiver=XK").text
    assert "Estado" in html and "Kosovo" in html
    assert re.search(r'<p role="status">[\d.]+ afirmaciones', html)
    one = client.get("/es/claims?receiver=XK&kind=capacity&year=2025").text
    if _status_count(one) == 1:
        assert '<p role="status">1 afirmación' in one


def test_sorting_and_pages_are_stable(site: tuple[TestClient, Store, Fixture]) -> None:
    client = site[0]
    first = client.get("/en/claims?sort=date&size=5").text
    assert first == client.get("/en/claims?sort=date&size=5").text
    total = _status_count(first)
    seen: list[str] = []
    for number in range(1, -(-total // 5) + 1):
        html = client.get(f"/en/claims?sort=date&size=5&page={number}").text
        seen += re.findall(r'href="/en/claim/([0-9a-f-]{36})"', html)
    assert len(seen) == len(set(seen)) == total  # every claim on exactly one page
    assert 'rel="next" href="/en/claims?sort=date&amp;size=5&amp;page=2"' in first
    last = client.get(f"/en/claims?sort=date&size=5&page={-(-total // 5)}").text
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_download_this_view_as_csv_and_json_has_the_same_claims(client: TestClient) -> None:
    html = client.get("/en/claims?receiver=XK&kind=role").text
    shown = _status_count(html)
    assert 'href="/en/claims?kind=role&amp;receiver=XK&amp;format=csv"' in html
    rows = list(
        csv.DictReader(io.StringIO(client.get("/en/claims?receiver=XK&kind=role&format=csv").text))
    )
    assert len(rows) == shown and {r["receiver"] for r in rows} == {"XK"}
    assert {r["kind"] for r in rows} == {"role"}
    data = json.loads(client.get("/en/claims?receiver=XK&kind=role&format=json").text)
    assert sorted(c["id"] for c in data) == sorted(r["id"] for r in rows)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("kind=gossip", "kind: unknown claim kind 'gossip'"),
        ("receiver=QQ", "receiver: unknown country code 'QQ'"),
        ("kind=role&value=agreed", "value: 'agreed' is not a value of role claims"),
        ("date_from=2025-13", "date_from: '2025-13' is not a date"),
        ("sort=price", "sort: 'price' is not one of"),
        ("page=0", "page: 0 is not a page number"),
        ("page=two", "page: 'two' is not a whole number"),
        ("size=5000", "size: 5000 is not between 1 and 500"),
        ("page=999", "page: 999 is past the last page"),
        ("format=xlsx", "format: 'xlsx' is not one of csv, json"),
    ],
)
def test_bad_parameters_are_one_line_errors(client: TestClient, query: str, message: str) -> None:
    response = client.get(f"/en/claims?{query}")
    assert response.status_code == 400
    assert message in html.unescape(response.text)


def test_facets_count_over_the_other_filters(site: tuple[TestClient, Store, Fixture]) -> None:
    """Datasette's rule: a facet's counts ignore that facet's own choice."""
    client, store, _ = site
    client.get("/en/claims")
    shown = site_picture(store, projection_rules())
    index = ClaimIndex(shown.claims.values(), shown.documents)
    chosen = ClaimQuery(receiver="XK")
    facets = {f.name: dict(f.counts) for f in index.facets(chosen)}
    everywhere = {f.name: dict(f.counts) for f in index.facets(ClaimQuery())}
    assert facets["receiver"] == everywhere["receiver"]  # its own choice is not applied
    assert sum(facets["kind"].values()) == len(index.filter(chosen))
