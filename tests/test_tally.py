"""One count of arrangements, worded one way on the home page, data page, API and CLI."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from thirdcountry.cli import cli
from thirdcountry.data import FULL_DATASET
from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.tally import Tally, tally, tally_sentence
from thirdcountry.publish.web import create_app
from thirdcountry.settings import projection_rules
from thirdcountry.store import Store, views
from thirdcountry.store.load import load_file


@pytest.mark.parametrize(
    ("counted", "lang", "said"),
    [
        (Tally(48, 45), "en", "48 arrangements, 45 with a status"),
        (Tally(1, 1), "en", "1 arrangement, 1 with a status"),
        (Tally(1, 0), "en", "1 arrangement, 0 with a status"),
        (Tally(48, 45), "es", "48 acuerdos, 45 con estado"),
        (Tally(1, 1), "es", "1 acuerdo, 1 con estado"),
        (Tally(0, 0), "es", "0 acuerdos, 0 con estado"),
        (Tally(1200, 1001), "es", "1.200 acuerdos, 1.001 con estado"),
        (Tally(1200, 1001), "en", "1,200 arrangements, 1,001 with a status"),
        (
            Tally(47, 47, 1),
            "en",
            "47 arrangements, 47 with a status; 1 more rests on pending claims alone",
        ),
        (
            Tally(47, 47, 4),
            "es",
            "47 acuerdos, 47 con estado; 4 más se basan solo en afirmaciones pendientes",
        ),
    ],
)
def test_the_sentence_agrees_with_each_number(counted: Tally, lang: str, said: str) -> None:
    assert tally_sentence(counted, lang) == said


def test_an_unknown_language_is_an_error_naming_it() -> None:
    with pytest.raises(ValidationError, match="'fr'"):
        tally_sentence(Tally(1, 1), "fr")


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, TestClient, Tally]]:
    path = tmp_path_factory.mktemp("tally") / "full.sqlite3"
    store = Store(str(path))
    store.migrate()
    load_file(store, FULL_DATASET)
    with store.read() as session:
        counted = tally(views.arrangements(session, projection_rules()))
    with TestClient(create_app(store)) as client:
        yield path, client, counted
    store.dispose()


def test_the_bundled_dataset_has_arrangements_on_pending_claims_alone(
    full: tuple[Path, TestClient, Tally],
) -> None:
    # They are what once made the CLI's count differ from the site's (48 against 45).
    _, _, counted = full
    assert counted.awaiting_review > 0 and counted.arrangements > 0


def public(counted: Tally) -> Tally:
    """The count the public surfaces give: they never see pending claims."""
    return Tally(counted.arrangements, counted.with_status)


@pytest.mark.parametrize("path", ["/en/", "/es/", "/en/data", "/es/data"])
def test_home_and_data_pages_say_the_count(full: tuple[Path, TestClient, Tally], path: str) -> None:
    _, client, counted = full
    html = client.get(path).text
    said = tally_sentence(public(counted), path[1:3])
    assert f'id="arrangement-count">{said}<' in html


def test_the_api_index_gives_both_counts_and_the_sentence(
    full: tuple[Path, TestClient, Tally],
) -> None:
    _, client, counted = full
    body = client.get("/api/v1").json()
    assert body["counts"]["arrangements"] == counted.arrangements
    assert body["counts"]["arrangements_with_status"] == counted.with_status
    assert body["summary"] == {lang: tally_sentence(public(counted), lang) for lang in ("en", "es")}


def test_the_cli_titles_its_table_with_the_sentence(
    full: tuple[Path, TestClient, Tally],
) -> None:
    path, _, counted = full
    result = CliRunner().invoke(
        cli, ["arrangements", "--db", str(path)], catch_exceptions=False, env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0
    # The site's words, then the arrangements only the reviewers' tools see.
    assert tally_sentence(counted, "en") in " ".join(result.output.split())
    assert tally_sentence(public(counted), "en") in result.output


@pytest.mark.parametrize("path", ["/data", "/data/"])
@pytest.mark.parametrize(("accept", "lang"), [("es-ES,es;q=0.9", "es"), ("en", "en")])
def test_the_data_folder_leads_to_the_data_page(
    full: tuple[Path, TestClient, Tally], path: str, accept: str, lang: str
) -> None:
    _, client, _ = full
    response = client.get(path, headers={"Accept-Language": accept}, follow_redirects=False)
    assert response.status_code in (301, 302, 303, 307, 308)
    assert response.headers["location"] == f"/{lang}/data"
    assert client.get(path, headers={"Accept-Language": accept}).status_code == 200
