"""The public pages render the full bundled dataset, not only the small fixtures."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from thirdcountry.data import FULL_DATASET
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store
from thirdcountry.store.claims import ClaimFilter, list_claims
from thirdcountry.store.load import load_file


def full_dataset_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The site over a fresh store holding the bundled dataset (for module fixtures)."""
    store = Store(str(tmp_path_factory.mktemp("full") / "full.sqlite3"))
    store.migrate()
    load_file(store, FULL_DATASET)
    with TestClient(create_app(store)) as test_client:
        yield test_client
    store.dispose()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from full_dataset_site(tmp_path_factory)


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/es/",
        "/en/country/SV",
        "/es/country/XK",
        "/en/country/GH",
        "/en/country/UG",
        "/es/country/UG",
        "/en/transfers",
        "/es/sources",
        "/en/data",
        "/en/changes",
        "/en/search?q=CECOT",
    ],
)
def test_page_renders(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, path
    assert "<main" in response.text


def test_home_counts_every_arrangement(client: TestClient) -> None:
    body = client.get("/en/").text
    assert "Eswatini" in body and "Kosovo" in body and "Nauru" in body


def test_a_dataset_load_is_one_change_counting_all_its_claims(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    with store.read() as session:
        accepted = len(list_claims(session, ClaimFilter(state=ReviewState.ACCEPTED)))
    assert accepted > 400
    assert f"Dataset loaded: {accepted} claims accepted" in client.get("/en/").text


@pytest.mark.parametrize(
    ("lang", "implemented", "undated"),
    [("en", "Implemented", "date not reported"), ("es", "En aplicación", "fecha no informada")],
)
def test_an_undated_status_says_its_date_is_not_reported(
    client: TestClient, lang: str, implemented: str, undated: str
) -> None:
    # US-Uganda is implemented on an undated flight report (a curated decision).
    html = client.get(f"/{lang}/country/UG").text
    card = html.split('id="card-US-UG"', 1)[1].split("</article>", 1)[0]
    status = card.split("</dd>", 1)[0]
    assert implemented in status and undated in status and "None" not in card
    assert f'{implemented}, <span class="muted">{undated}</span>' in card


def test_the_api_gives_an_undated_status_as_null(client: TestClient) -> None:
    body = client.get("/api/v1/arrangements/US/UG").json()
    assert (body["status"], body["status_date"], body["disputed"]) == ("implemented", None, True)
