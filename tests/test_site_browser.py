"""The public site in a real browser: the system Chromium driven by Playwright, against the
app served by uvicorn on 127.0.0.1. One browser for the session; few, quick tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from thirdcountry.publish.web import create_app
from thirdcountry.publish.web.security_headers import CONTENT_SECURITY_POLICY
from thirdcountry.publish.web.testing import LocalServer, watch_csp
from thirdcountry.store import Store, open_store, reports

from .site_fixtures import Fixture, populate

pytestmark = pytest.mark.browser

CRAWL_LIMIT = 400


@pytest.fixture(scope="module")
def live(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Store, Fixture]]:
    store = open_store(str(tmp_path_factory.mktemp("site") / "site.sqlite3"))
    fixture = populate(store)
    with LocalServer(create_app(store)) as server:
        yield server.url, store, fixture
    store.dispose()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that fails the test on any console error, page error, failed load or
    Content-Security-Policy violation."""
    context = browser.new_context()
    violations: list[str] = []
    watch_csp(context, violations)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: problems.append(str(e)))
    opened.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    yield opened
    context.close()
    assert violations == [], "the site's own pages break its Content-Security-Policy"
    assert problems == []


def test_the_csp_watch_sees_inline_code_being_blocked(
    browser: Any, live: tuple[str, Store, Fixture]
) -> None:
    """The check above can fail: a page with inline code under the site's policy."""
    base, _store, _fx = live
    context = browser.new_context()
    violations: list[str] = []
    watch_csp(context, violations)
    page = context.new_page()
    page.route(
        f"{base}/inline-probe",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
            body='<!doctype html><p style="color:red">x</p><script>document.title="ran"</script>',
        ),
    )
    page.goto(f"{base}/inline-probe")
    page.wait_for_timeout(200)
    title = page.title()
    context.close()
    assert title != "ran", "the inline script must have been blocked"
    assert any("script-src" in v for v in violations) and any("style-src" in v for v in violations)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_main_pages_open_in_both_languages(
    page: Any, live: tuple[str, Store, Fixture], lang: str
) -> None:
    base, _store, fx = live
    for path in ("/", "/country/XK", "/transfers", "/sources", "/data", f"/claim/{fx.flight_a}"):
        response = page.goto(f"{base}/{lang}{path}")
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").first.is_visible()
        assert page.locator("footer time").count() == 1, f"{path} has no last-updated date"


def test_a_figure_leads_to_its_claims_and_their_sources(
    page: Any, live: tuple[str, Store, Fixture]
) -> None:
    base, _store, _fx = live
    page.goto(f"{base}/en/")
    page.click("a.figure-number[href='/en/evidence/people']")
    assert page.url.endswith("/en/evidence/people")
    page.locator("table.claims a[href*='/en/claim/']", has_text="Venezuela").first.click()
    assert "/en/claim/" in page.url
    source = page.locator("dt:has-text('Source') + dd")
    # The source itself is on another site: check the link, never leave 127.0.0.1.
    link = source.locator("a[href^='https://']")
    assert link.get_attribute("href") == "https://wire.example/palau-flight"
    assert "Wire Service" in source.inner_text()


def test_a_reader_reports_a_problem(page: Any, live: tuple[str, Store, Fixture]) -> None:
    base, store, fx = live
    page.goto(f"{base}/es/claim/{fx.xk_capacity}")
    page.fill("#report-message", "El tope es mensual, no total.")
    page.click("form.report button[type=submit]")
    assert page.locator("[role=status]").inner_text().startswith("Gracias")
    with store.read() as session:
        stored = reports.list_reports(session, claim_id=fx.xk_capacity)
    assert [r.message for r in stored] == ["El tope es mensual, no total."]


def test_the_map_works_from_the_keyboard(page: Any, live: tuple[str, Store, Fixture]) -> None:
    base, _store, _fx = live
    page.goto(f"{base}/en/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg.worldmap')"):
            break
    else:
        pytest.fail("no map link took the keyboard focus")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/country/[A-Z]{2}$"))


def test_no_link_is_broken(page: Any, live: tuple[str, Store, Fixture]) -> None:
    """Crawl every page reachable from both home pages; every same-site link answers 200."""
    base, _store, _fx = live
    queue = [f"{base}/en/", f"{base}/es/"]
    seen = set(queue)
    broken = []
    while queue and len(seen) < CRAWL_LIMIT:
        url = queue.pop()
        response = page.request.get(url)
        if response.status != 200:
            broken.append(f"{url}: {response.status}")
            continue
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        for href in re.findall(r'(?:href|src)="([^"]+)"', response.text()):
            target = urldefrag(urljoin(url, href.replace("&amp;", "&"))).url
            if urlsplit(target).netloc != urlsplit(base).netloc or target in seen:
                continue
            seen.add(target)
            queue.append(target)
    assert broken == []
    assert len(seen) > 40  # the crawl really went through the site
