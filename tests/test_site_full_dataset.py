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


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = Store(str(tmp_path_factory.mktemp("full") / "full.sqlite3"))
    store.migrate()
    load_file(store, FULL_DATASET)
    with TestClient(create_app(store)) as test_client:
        yield test_client
    store.dispose()


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/es/",
        "/en/country/SV",
        "/es/country/XK",
        "/en/country/GH",
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
