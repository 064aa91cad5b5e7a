"""Public pages are rendered once per data version for anonymous visitors."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.publish.web import create_app
from thirdcountry.publish.web.site import pages
from thirdcountry.store import Store
from thirdcountry.store import claims as claim_repo

from .review.conftest import add_claim, add_user, login
from .site_fixtures import populate


@pytest.fixture
def app_and_store(sqlite_store: Store) -> Iterator[tuple[TestClient, Store]]:
    populate(sqlite_store)
    with TestClient(create_app(sqlite_store)) as client:
        yield client, sqlite_store


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = pages.render

    def counting(request, template, lang, context, status_code=200):  # type: ignore[no-untyped-def]
        seen.append(template)
        return original(request, template, lang, context, status_code=status_code)

    monkeypatch.setattr(pages, "render", counting)
    return seen


def test_a_second_anonymous_visit_is_served_from_the_cache(
    app_and_store: tuple[TestClient, Store], renders: list[str]
) -> None:
    client, _ = app_and_store
    first, second = client.get("/en/country/XK"), client.get("/en/country/XK")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert second.headers["content-language"] == "en"
    assert renders == ["site/country.html"]
    client.get("/es/country/XK")
    assert renders == ["site/country.html", "site/country.html"]  # each language once


def test_an_accepted_claim_makes_every_cached_page_stale(
    app_and_store: tuple[TestClient, Store], renders: list[str]
) -> None:
    client, store = app_and_store
    before = client.get("/en/country/SZ").text
    claim = add_claim(store, kind="capacity", sender="US", receiver="SZ", count=160)
    with store.write() as session:
        claim_repo.review_claim(session, claim.id, ReviewState.ACCEPTED, "ana")
    after = client.get("/en/country/SZ").text
    assert len(renders) == 2 and after != before and "160" in after


def test_logged_in_visitors_get_their_own_header(
    app_and_store: tuple[TestClient, Store], renders: list[str]
) -> None:
    client, store = app_and_store
    client.get("/en/")
    add_user(store, "ana", "reviewer")
    login(client, "ana")
    page = client.get("/en/").text
    assert "ana" in page and renders.count("site/home.html") == 2


def test_claim_pages_with_their_report_form_are_never_cached(
    app_and_store: tuple[TestClient, Store], renders: list[str]
) -> None:
    client, store = app_and_store
    with store.read() as session:
        accepted = claim_repo.list_claims(
            session, claim_repo.ClaimFilter(state=ReviewState.ACCEPTED), limit=1
        )[0]
    client.get(f"/en/claim/{accepted.id}")
    client.get(f"/en/claim/{accepted.id}")
    assert renders.count("site/claim.html") == 2
