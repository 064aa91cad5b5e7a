"""The web app's shell: routing by language, health, errors as JSON or HTML."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from thirdcountry.publish.web import create_app
from thirdcountry.store import Store


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_store)) as test_client:
        yield test_client


def test_root_redirects_by_accept_language(client: TestClient) -> None:
    response = client.get(
        "/", headers={"accept-language": "es-ES,es;q=0.9,en;q=0.5"}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/es/"
    assert client.get("/", follow_redirects=False).headers["location"] == "/en/"


def test_health_check_touches_the_database(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_unknown_page_is_an_html_page_in_the_right_language(client: TestClient) -> None:
    response = client.get("/es/no-such-page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "No encontrado" in response.text and 'lang="es"' in response.text


def test_api_errors_are_json_with_one_shape(client: TestClient) -> None:
    response = client.get("/api/v1/no-such-endpoint")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_static_stylesheet_is_served(client: TestClient) -> None:
    assert client.get("/static/site.css").status_code == 200
