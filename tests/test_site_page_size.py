"""The home page and every country page stay under 150 KB of HTML; long lists come in parts."""

import itertools
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from thirdcountry.publish.web.site.paging import part_of

from .test_site_full_dataset import full_dataset_site

LIMIT = 150_000
ANCHORS = {
    "cards_page": "arrangements-heading",
    "timeline_page": "timeline-heading",
    "sources_page": "sources-heading",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from full_dataset_site(tmp_path_factory)


def size(client: TestClient, path: str) -> int:
    response = client.get(path, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200, path
    return len(response.content)


def country_codes(client: TestClient) -> list[str]:
    return sorted(set(re.findall(r'href="/en/country/([A-Z]{2})"', client.get("/en/").text)))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_home_page_stays_under_the_limit(client: TestClient, lang: str) -> None:
    assert size(client, f"/{lang}/") < LIMIT


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_country_page_stays_under_the_limit(client: TestClient, lang: str) -> None:
    sizes = {code: size(client, f"/{lang}/country/{code}") for code in country_codes(client)}
    largest = max(sizes, key=sizes.__getitem__)
    assert largest == "US"  # the page that once weighed 450 KB
    assert sizes[largest] < LIMIT, sizes[largest]


def _parts(client: TestClient, first: str, name: str) -> list[str]:
    """Every part of one list, following its "next" links from the first."""
    pages, href = [], first
    while href:
        html = client.get(href).text
        pages.append(html)
        found = re.search(rf'<a rel="next" href="([^"]*)#{ANCHORS[name]}"', html)
        href = found.group(1).replace("&amp;", "&") if found else ""
    return pages


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("cards_page", r'<article class="card" aria-labelledby="card-([A-Z]{2}-[A-Z]{2})"'),
        ("timeline_page", r'<ol class="timeline"'),
        ("sources_page", r'<ul class="sources">'),
    ],
)
def test_the_parts_of_a_long_list_lose_nothing(client: TestClient, name: str, pattern: str) -> None:
    pages = _parts(client, "/en/country/US", name)
    assert len(pages) > 1, name
    assert all(re.search(pattern, html) for html in pages)
    assert f"Part {len(pages)} of {len(pages)}" in pages[-1]


def test_every_arrangement_of_the_country_has_its_card_in_some_part(
    client: TestClient,
) -> None:
    pages = _parts(client, "/en/country/US", "cards_page")
    cards = [key for html in pages for key in re.findall(r'id="card-([A-Z]{2}-[A-Z]{2})"', html)]
    api = client.get("/api/v1/arrangements?sender=US&size=500").json()["items"]
    assert len(cards) == len(set(cards))
    assert set(cards) == {f"{a['sender']}-{a['receiver']}" for a in api}


def test_the_timeline_parts_hold_every_entry_once(client: TestClient) -> None:
    pages = _parts(client, "/en/country/US", "timeline_page")
    sections = [html.split('id="timeline-heading"', 1)[1] for html in pages]
    notes = [re.search(r"Entries (\d+) to (\d+) of (\d+)", part) for part in sections]
    assert all(notes)
    spans = [(int(n.group(1)), int(n.group(2)), int(n.group(3))) for n in notes if n]
    assert spans[0][0] == 1 and spans[-1][1] == spans[-1][2]
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans))


def test_a_country_page_links_the_claims_browser_for_that_country(client: TestClient) -> None:
    html = client.get("/en/country/US").text
    assert 'href="/en/claims?sender=US"' in html
    assert client.get("/en/claims?sender=US").status_code == 200


@pytest.mark.parametrize("raw", ["0", "x", "99"])
def test_a_bad_part_number_is_an_error_naming_it(client: TestClient, raw: str) -> None:
    response = client.get(f"/en/country/US?timeline_page={raw}")
    assert response.status_code in (400, 404)
    assert "timeline_page" in response.text


def test_a_part_keeps_the_other_lists_where_they_are() -> None:
    part = part_of(list(range(25)), {"other": "3", "mine": "2"}, "mine", 10, "/p", "h")
    assert list(part.items) == list(range(10, 20))
    assert part.previous_href == "/p?other=3#h"
    assert part.next_href == "/p?mine=3&other=3#h"
    assert part_of([], {}, "mine", 10, "/p", "h").parts == 1
