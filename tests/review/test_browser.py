"""The review pages in a real browser (Debian's Chromium through Playwright): log in,
accept with the keyboard, reject with a note, correct, and see the public state change;
a contributor is refused, a visitor is sent to log in, a post without a token is refused.

The public state is checked where this branch shows it: the projection the public pages
are drawn from, and the public history page of each decided claim. When the public
country page (``/{lang}/country/{code}``) is mounted it is checked too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from thirdcountry.domain.projection import Arrangement
from thirdcountry.publish.web import create_app
from thirdcountry.publish.web.testing import LocalServer, watch_csp
from thirdcountry.store import Store, open_store
from thirdcountry.store.views import arrangements

from .conftest import PASSWORD, Seeded, add_claim, seed

pytestmark = pytest.mark.browser

# Where the public site shows an arrangement; checked when the route exists.
PUBLIC_COUNTRY_PAGE = "/{lang}/country/{code}"


class Site(LocalServer):
    """The app on a loopback port, and which routes it has."""

    def __init__(self, store: Store) -> None:
        super().__init__(create_app(store))

    def has_route(self, path: str) -> bool:
        def walk(routes: list[Any]) -> Iterator[str]:
            for route in routes:
                included = getattr(route, "original_router", None)
                yield from walk(included.routes) if included else [getattr(route, "path", "")]

        return path in set(walk(self.app.routes))


class WatchedBrowser:
    """The session's browser, every context of which reports CSP violations."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.violations: list[str] = []

    def new_context(self, **options: Any) -> Any:
        context = self.browser.new_context(**options)
        watch_csp(context, self.violations)
        return context


@pytest.fixture
def browser(browser: Any) -> Iterator[WatchedBrowser]:
    """Every test here fails on any Content-Security-Policy violation in its pages."""
    watched = WatchedBrowser(browser)
    yield watched
    assert watched.violations == [], "the review pages break their Content-Security-Policy"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Seeded, Site]]:
    store = open_store(str(tmp_path / "browser.sqlite3"))
    seeded = seed(store)
    with Site(store) as site:
        yield seeded, site
    store.dispose()


def kosovo(store: Store) -> Arrangement | None:
    """The public US–XK arrangement; one made only of pending claims is not public."""
    with store.read() as session:
        found = next((a for a in arrangements(session) if a.receiver == "XK"), None)
    return found if found is not None and found.claim_ids else None


def log_in(page: Any, site: Site, name: str) -> None:
    page.goto(f"{site.url}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_load_state()


def check_public_page(page: Any, site: Site, expected: str) -> None:
    assert site.has_route(PUBLIC_COUNTRY_PAGE), "the public country page is missing"
    page.goto(site.url + PUBLIC_COUNTRY_PAGE.format(lang="en", code="XK"))
    assert expected in page.content()


def test_a_reviewer_accepts_rejects_and_corrects_and_the_public_state_follows(
    browser: Any, world: tuple[Seeded, Site]
) -> None:
    seeded, site = world
    role = add_claim(
        seeded.store,
        seeded.doc,
        quote="before they return",
        kind="role",
        value="detention",
        count=None,
    )
    assert kosovo(seeded.store) is None, "nothing accepted yet: nothing public"
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site.url}/review")
    assert "/login?next=" in page.url
    page.fill("input[name=name]", "reviewer")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_url(f"{site.url}/review")
    assert page.locator("mark", has_text="agreed to host up to 50 people").count() >= 1

    # Accept the first claim from the keyboard: j selects it, a accepts it.
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("a")
    assert "Claim accepted." in page.content()
    after_accept = kosovo(seeded.store)
    assert after_accept is not None and after_accept.capacity == 50

    # Reject the status claim, with a note.
    card = page.locator(f"#claim-{seeded.other.id}")
    card.locator("form.reject input[name=note]").fill("a plan, not an agreement")
    with page.expect_navigation():
        card.locator("form.reject button").click()
    assert "Claim rejected." in page.content()
    after_reject = kosovo(seeded.store)
    assert after_reject is not None and after_reject.status is None

    # Correct the role claim: the correction supersedes it and is what the public sees.
    page.locator(f"#claim-{role.id} a.correct").click()
    page.fill("input[name=value]", "temporary_stay_then_return")
    page.fill("input[name=note]", "the article says they return home")
    with page.expect_navigation():
        page.click("form.correct-form button[type=submit]")
    assert "Correction saved" in page.content()
    after_correct = kosovo(seeded.store)
    assert after_correct is not None and after_correct.roles == ["temporary_stay_then_return"]

    # Anyone (logged out) sees each decision on the claims' public history pages.
    public = browser.new_context().new_page()
    public.goto(f"{site.url}/review/claim/{seeded.other.id}/history")
    assert "a plan, not an agreement" in public.content()
    public.goto(f"{site.url}/review/claim/{role.id}/history")
    assert public.locator("li.version").count() == 2
    assert "the article says they return home" in public.content()
    check_public_page(public, site, "Temporary stay, then return")
    context.close()


def test_a_contributor_is_refused_and_a_visitor_is_sent_to_log_in(
    browser: Any, world: tuple[Seeded, Site]
) -> None:
    seeded, site = world
    visitor = browser.new_context().new_page()
    visitor.goto(f"{site.url}/review/conflicts")
    assert visitor.url == f"{site.url}/login?next=%2Freview%2Fconflicts"

    contributor = browser.new_context().new_page()
    log_in(contributor, site, "contributor")
    assert contributor.url == f"{site.url}/contribute"
    response = contributor.goto(f"{site.url}/review")
    assert response is not None and response.status == 403
    response = contributor.goto(f"{site.url}/review/claim/{seeded.pending.id}/correct")
    assert response is not None and response.status == 403


def test_a_post_without_the_csrf_token_is_refused(browser: Any, world: tuple[Seeded, Site]) -> None:
    seeded, site = world
    context = browser.new_context()
    page = context.new_page()
    log_in(page, site, "reviewer")
    # The browser sends the session cookie, as a forged cross-site form would.
    response = context.request.post(
        f"{site.url}/review/claim/{seeded.pending.id}/accept", form={"version": "1"}
    )
    assert response.status == 403
    assert kosovo(seeded.store) is None
    context.close()
