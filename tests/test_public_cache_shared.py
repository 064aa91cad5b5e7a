"""One snapshot cache of the public state: the site, the API and the exports share it."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from thirdcountry.review import decisions
from thirdcountry.settings import projection_rules
from thirdcountry.store import Store
from thirdcountry.store import public as public_module
from thirdcountry.store.public import public_cache
from thirdcountry.store.site_views import site_picture

from .site_fixtures import PENDING_FACILITY, Fixture, served_site


@pytest.fixture
def site() -> Iterator[tuple[TestClient, Store, Fixture]]:
    with served_site() as found:
        yield found


def counting_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    built: list[str] = []
    original = public_module.build_public_data

    def counted(*args: Any, **kwargs: Any) -> Any:
        data = original(*args, **kwargs)
        built.append(data.version)
        return data

    monkeypatch.setattr(public_module, "build_public_data", counted)
    return built


def test_a_write_renews_the_site_and_the_api_views_together(
    site: tuple[TestClient, Store, Fixture], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, store, fixture = site
    claim = f"/api/v1/claims/{fixture.pending}"
    assert PENDING_FACILITY not in client.get("/en/claims").text
    assert client.get(claim).status_code == 404
    built = counting_builds(monkeypatch)

    with store.write() as session:
        decisions.accept(session, "reviewer", fixture.pending)

    assert PENDING_FACILITY in client.get("/en/claims").text
    assert client.get(claim).status_code == 200
    assert client.get("/api/v1/claims").json()["total"] >= 1
    # One rebuild for the new state, which the page and the API both read.
    assert len(built) == 1


def test_the_site_picture_is_kept_with_the_api_snapshot(
    site: tuple[TestClient, Store, Fixture], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, store, _ = site
    client.get("/api/v1/claims")  # the API builds the snapshot first
    built = counting_builds(monkeypatch)
    first = site_picture(store, projection_rules())
    assert client.get("/en/").status_code == 200
    assert site_picture(store, projection_rules()) is first  # kept, not rebuilt
    assert built == []
    assert first.head == public_cache(store).current().version
