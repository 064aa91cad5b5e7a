"""The static site: built by crawling the app, served by `python -m http.server` from a
sub-path, and crawled again over HTTP to prove that no link is broken."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import lxml.html
import pytest
from click.testing import CliRunner
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from starlette.responses import HTMLResponse, RedirectResponse

from tests.publicdata import populate
from thirdcountry.cli import cli
from thirdcountry.data import bundled_dataset
from thirdcountry.domain.errors import BadInput
from thirdcountry.publish.static_site import build_site, output_name, relative
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store
from thirdcountry.store.load import load_file


def _page(title: str, body: str, lang: str = "en") -> HTMLResponse:
    return HTMLResponse(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        '<link rel="stylesheet" href="/static/site.css">'
        f'<link rel="alternate" hreflang="es" href="/es/"></head><body>{body}</body></html>'
    )


def placeholder_pages() -> APIRouter:
    """Pages shaped like the public site's: language roots, a country page, a paginated
    list, a redirect, links to data files and to the API, external links."""
    router = APIRouter()

    @router.get("/en/")
    def home_en() -> HTMLResponse:
        return _page(
            "Home",
            '<a href="/en/countries/SV">El Salvador</a> <a href="countries/XK">Kosovo</a>'
            '<a href="/en/list?page=2">more</a> <a href="/en/old-country">old link</a>'
            '<a href="/data/claims.csv">claims</a> <a href="/data/feed-SV.atom">feed</a>'
            '<a href="/api/v1/arrangements">API</a> <a href="/api/v1/claims?kind=transfer">'
            'transfers</a> <a href="https://example.org/elsewhere">out</a>'
            '<a href="#top">top</a> <a href="mailto:team@example.org">mail</a>'
            '<a href="/">root</a> <a href="/api/v1/docs">API docs</a>',
        )

    @router.get("/es/")
    def home_es() -> HTMLResponse:
        return _page("Inicio", '<a href="/es/countries/SV">El Salvador</a>', "es")

    @router.get("/{lang}/countries/{code}")
    def country(lang: str, code: str) -> HTMLResponse:
        return _page(
            code,
            f'<a href="/{lang}/">home</a> <a href="../list?page=2#end">list</a>'
            f'<img src="/static/site.css" srcset="/static/site.css 1x, /static/site.css 2x">'
            f'<a href="/api/v1/countries/{code}">data</a>'
            '<form method="post" action="/en/report"><button>report</button></form>',
            lang,
        )

    @router.get("/{lang}/list")
    def listing(lang: str, page: int = 1) -> HTMLResponse:
        return _page(f"page {page}", f'<a href="/{lang}/list?page=1">first</a>', lang)

    @router.get("/en/old-country")
    def moved() -> RedirectResponse:
        return RedirectResponse("/en/countries/SV", status_code=301)

    return router


def site_app(store: Store) -> FastAPI:
    """The real app with the placeholder pages in front, so their links are what is crawled."""
    app = create_app(store)
    app.router.routes[0:0] = placeholder_pages().routes
    return app


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Store]]:
    from thirdcountry.store import open_store

    root = tmp_path_factory.mktemp("static")
    store = open_store(str(root / "store.sqlite3"))
    populate(store)
    out = root / "www" / "tracker" / "site"
    report = build_site(store, out, app=site_app(store))
    assert report.broken == []
    assert report.pages == 9 and report.data_files > 10 and report.api_files > 30
    yield out, store
    store.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served(built: tuple[Path, Store]) -> Iterator[str]:
    """`python -m http.server` on 127.0.0.1 serving the folder two levels above the site."""
    out, _ = built
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=out.parent.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/tracker/site/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def crawl_http(start: str) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Follow every link of every HTML page under ``start``.

    Returns the status of every URL reached, and the (page, link) pairs that are broken:
    a status other than 200, or a link to this host outside the site's sub-path (an
    absolute path the build failed to make relative).
    """
    statuses: dict[str, int] = {}
    found_on: dict[str, str] = {}
    escaping: list[tuple[str, str]] = []
    queue = deque([start])
    host = urlsplit(start).netloc
    with httpx.Client(timeout=10) as client:
        while queue:
            url = queue.popleft()
            if url in statuses:
                continue
            response = client.get(url)
            statuses[url] = response.status_code
            if not response.headers.get("content-type", "").startswith("text/html"):
                continue
            document = lxml.html.document_fromstring(response.content)
            for element, _attribute, link, _ in document.iterlinks():
                if element.tag == "form":
                    continue
                target = urljoin(url, link).split("#")[0]
                if urlsplit(target).netloc != host:
                    continue  # external
                if not target.startswith(start):
                    escaping.append((url, link))
                elif target not in statuses:
                    found_on.setdefault(target, url)
                    queue.append(target)
    broken = [(found_on.get(url, ""), url) for url, status in statuses.items() if status != 200]
    return statuses, broken + escaping


def test_served_site_has_no_broken_links(served: str) -> None:
    statuses, broken = crawl_http(served)
    assert not broken
    visited = {url.removeprefix(served) for url in statuses}
    assert {
        "",
        "en/index.html",
        "es/index.html",
        "en/countries/SV/index.html",
        "en/countries/XK/index.html",
        "data/claims.csv",
        "data/feed-SV.atom",
        "api/v1/arrangements.json",
        "api/v1/countries/SV.json",
    } <= visited
    assert any(url.startswith("en/list/index--page=2") for url in visited)
    assert any(url.startswith("api/v1/claims--kind=transfer") for url in visited)


def test_links_are_relative_and_redirects_resolved(built: tuple[Path, Store]) -> None:
    out, _ = built
    home = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="countries/SV/index.html"' in home
    assert 'href="../data/claims.csv"' in home and 'href="../api/v1/arrangements.json"' in home
    assert 'href="../index.html"' in home and 'href="https://example.org/elsewhere"' in home
    assert home.count('href="countries/SV/index.html"') == 2  # the redirecting link too
    assert 'href="../static/site.css"' in home
    country = (out / "en" / "countries" / "SV" / "index.html").read_text(encoding="utf-8")
    assert 'srcset="../../../static/site.css 1x, ../../../static/site.css 2x"' in country
    assert "#end" in country


def test_api_copy_matches_the_live_api(built: tuple[Path, Store]) -> None:
    out, store = built
    with TestClient(create_app(store)) as client:
        for name in ("claims", "arrangements", "transfers"):
            live = client.get(f"/api/v1/{name}?limit=500").json()
            copy = json.loads((out / "api" / "v1" / f"{name}.json").read_text())
            assert copy["items"] == live["items"] and copy["next"] is None
        sv = client.get("/api/v1/countries/SV").json()
    assert json.loads((out / "api" / "v1" / "countries" / "SV.json").read_text()) == sv
    index = json.loads((out / "api" / "v1" / "index.json").read_text())
    for target in index["endpoints"].values():
        assert (out / "api" / "v1" / target).exists()


def test_feeds_in_the_static_site_point_at_the_copy(built: tuple[Path, Store]) -> None:
    out, _ = built
    feed = (out / "data" / "feed.atom").read_text(encoding="utf-8")
    assert 'href="../api/v1/claims/' in feed and '.json"' in feed


def test_cli_build_of_the_bundled_dataset(sqlite_store: Store, tmp_path: Path) -> None:
    """Whatever public pages this app has, plus data and API copy: no broken link."""
    load_file(sqlite_store, bundled_dataset())
    out = tmp_path / "public"
    result = CliRunner().invoke(
        cli, ["build-site", str(out), "--db", sqlite_store.url, "--strict", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["broken_links"] == [] and report["data_files"] > 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="data/datapackage.json"' in index and 'href="api/v1/index.json"' in index
    # The claims browser's filters answer live only: its pages, not every combination.
    browser = (out / "en" / "claims" / "index.html").read_text(encoding="utf-8")
    assert "data-live-only" not in browser and 'class="count"' in browser
    assert len(list((out / "en").glob("claims*/**/*.html"))) < 40
    again = CliRunner().invoke(cli, ["build-site", str(out), "--db", sqlite_store.url])
    assert again.exit_code == 0, again.output  # an earlier build is replaced


def test_build_refuses_a_folder_it_did_not_make(sqlite_store: Store, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BadInput, match="not an earlier build-site output"):
        build_site(sqlite_store, tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize(
    ("url", "content_type", "name"),
    [
        ("/en/", "text/html", "en/index.html"),
        ("/en/countries/SV", "text/html", "en/countries/SV/index.html"),
        ("/en/about.html", "text/html", "en/about.html"),
        ("/static/site.css", "text/css", "static/site.css"),
        ("/api/v1/claims", "application/json", "api/v1/claims.json"),
        ("/en/../../etc/passwd", "text/html", "etc/passwd/index.html"),  # kept inside
    ],
)
def test_output_names(url: str, content_type: str, name: str | None) -> None:
    assert output_name(url, content_type) == name


def test_query_pages_get_distinct_names() -> None:
    first = output_name("/en/list?page=1", "text/html")
    second = output_name("/en/list?page=2", "text/html")
    assert first and second and first != second and first.startswith("en/list/index--page=1")


def test_relative_links() -> None:
    assert relative("data/claims.csv", "en/countries/SV/index.html") == "../../../data/claims.csv"
    assert relative("en/index.html", "index.html") == "en/index.html"
