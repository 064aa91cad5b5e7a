"""Credentials in URLs are refused and never kept: not in a source's locator, not in its
failure reason, not in the report (the store drops them in one place)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from tests.ingest_server import Site
from thirdcountry.ingest.fetch import FetchSettings, SafeFetcher
from thirdcountry.ingest.pipeline import Outcome, Pipeline, SourceResult
from thirdcountry.ingest.urls import without_credentials
from thirdcountry.store import Store
from thirdcountry.store.ingest_tables import IngestSourceRow


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with Site() as running:
        yield running


def run(store: Store, sources: list[str]) -> list[SourceResult]:
    settings = FetchSettings(user_agent="thirdcountry-tests", allow_private=True, timeout=2.0)
    with SafeFetcher(settings) as fetch:
        return list(Pipeline(store, fetch=fetch, extract=None).run(sources).results)


def stored_text(store: Store) -> str:
    with store.read() as session:
        rows = session.scalars(select(IngestSourceRow)).all()
    return "\n".join(f"{r.locator} {r.reason}" for r in rows)


def test_without_credentials_drops_userinfo_from_every_url_in_a_text() -> None:
    text = "refused http://ann:pw@a.test/x: see also HTTPS://bob@b.test:8443?q=1 and c@d.test"
    assert without_credentials(text) == (
        "refused http://a.test/x: see also HTTPS://b.test:8443?q=1 and c@d.test"
    )


def test_a_url_with_credentials_is_refused_and_they_are_not_kept(site: Site, store: Store) -> None:
    named = site.url("/news/kosovo-agrees").replace("://", "://editor:s3cret@")
    (result,) = run(store, [named])
    assert result.outcome is Outcome.FAILED
    assert "s3cret" not in repr(result) and "editor" not in repr(result)
    assert "URLs with credentials are not fetched" in (result.reason or "")
    assert "s3cret" not in stored_text(store) and "editor@" not in stored_text(store)
    (again,) = run(store, [named])  # the same source, recognised without its credentials
    assert again.outcome is Outcome.FAILED_BEFORE


def test_a_redirect_to_a_url_with_credentials_leaves_none_in_the_reason(
    site: Site, sqlite_store: Store
) -> None:
    (result,) = run(sqlite_store, [site.url("/to-credentials")])
    assert result.outcome is Outcome.FAILED
    assert "s3cret" not in stored_text(sqlite_store)
    assert "s3cret" not in (result.reason or "")
