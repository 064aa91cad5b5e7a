"""The review pages end to end through the ASGI app: login, CSRF, cookies, the queue and
its decisions, two reviewers at once, history, conflicts, contributions, users."""

import html
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.publish.web import create_app
from thirdcountry.review import decisions
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import reports
from thirdcountry.store.views import arrangements

from .conftest import PASSWORD, Seeded, add_claim, add_document, csrf, csrf_from, login

Clients = Callable[[str | None], TestClient]


def post(
    client: TestClient, path: str, data: dict[str, object] | None = None, page: str = "/review"
):  # type: ignore[no-untyped-def]
    form = {**(data or {}), "csrf_token": csrf(client, page)}
    return client.post(path, data=form, follow_redirects=False)


def claim_state(seeded: Seeded, claim_id: str) -> tuple[ReviewState, str | None, str | None]:
    with seeded.store.read() as session:
        claim = claim_repo.get_claim(session, claim_id)
    return claim.review_state, claim.reviewer, claim.review_note


# -- logging in -------------------------------------------------------------------------


def test_login_sets_a_hardened_session_cookie(client_for: Clients) -> None:
    client = client_for(None)
    token = csrf(client)
    response = client.post(
        "/login",
        data={"name": "reviewer", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/review"
    cookie = response.headers["set-cookie"].lower()
    assert "tc_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie, "plain http on a test client"


def test_cookies_are_secure_over_https_and_behind_a_trusted_proxy(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    with TestClient(create_app(seeded.store), base_url="https://review.example") as client:
        token = csrf(client)
        response = client.post(
            "/login",
            data={"name": "reviewer", "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
    assert "secure" in response.headers["set-cookie"].lower()

    def login_behind_proxy() -> str:
        # The proxy is on this host: the default `trusted_proxies` lists loopback.
        with TestClient(create_app(seeded.store), client=("127.0.0.1", 50000)) as client:
            token = csrf(client)
            return (
                client.post(
                    "/login",
                    data={"name": "reviewer", "password": PASSWORD, "csrf_token": token},
                    headers={"X-Forwarded-Proto": "https"},
                    follow_redirects=False,
                )
                .headers["set-cookie"]
                .lower()
            )

    assert "secure" not in login_behind_proxy(), "forwarded headers are not trusted by default"
    monkeypatch.setenv("THIRDCOUNTRY_TRUST_FORWARDED", "true")
    assert "secure" in login_behind_proxy()


def test_a_contributor_lands_on_the_contribute_page_and_next_is_honoured(
    client_for: Clients,
) -> None:
    client = client_for(None)
    token = csrf(client)
    response = client.post(
        "/login",
        data={"name": "contributor", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/contribute"
    token = csrf(client, "/login")
    client.post("/logout", data={"csrf_token": token})
    for target, landing in (
        ("/review/conflicts", "/review/conflicts"),
        ("//evil.example/x", "/review"),
        ("https://evil.example/", "/review"),
    ):
        client2 = client_for(None)
        response = client2.post(
            "/login",
            data={
                "name": "reviewer",
                "password": PASSWORD,
                "next": target,
                "csrf_token": csrf(client2),
            },
            follow_redirects=False,
        )
        assert response.headers["location"] == landing


def test_wrong_passwords_are_answered_on_the_form_and_then_limited(client_for: Clients) -> None:
    client = client_for(None)
    for _ in range(5):
        response = client.post(
            "/login",
            data={"name": "reviewer", "password": "not it at all", "csrf_token": csrf(client)},
        )
        assert response.status_code == 401 and "Wrong user name or password." in response.text
    response = client.post(
        "/login", data={"name": "reviewer", "password": PASSWORD, "csrf_token": csrf(client)}
    )
    assert response.status_code == 429 and "Too many failed logins" in response.text


def test_logout_ends_the_session(client_for: Clients) -> None:
    client = client_for("reviewer")
    assert client.get("/review").status_code == 200
    response = post(client, "/logout")
    assert response.status_code == 303 and response.headers["location"] == "/login?done=logout"
    assert client.get("/review", follow_redirects=False).status_code == 303


# -- CSRF -------------------------------------------------------------------------------


FORM_POSTS = [
    "/login",
    "/logout",
    "/review/claim/{pending}/accept",
    "/review/claim/{pending}/reject",
    "/review/claim/{pending}/correct",
    "/review/document/{doc}/accept-all",
    "/review/report/1/resolve",
    "/review/conflicts/abc/resolve",
    "/contribute/source",
    "/contribute/claim",
    "/admin/users",
    "/admin/users/reviewer",
    "/admin/users/reviewer/token",
    "/admin/tokens/1/revoke",
]


@pytest.mark.parametrize("path", FORM_POSTS)
@pytest.mark.parametrize("token", ["missing", "forged", "another visitor's"])
def test_posts_without_this_visitors_csrf_token_are_refused(
    seeded: Seeded, client_for: Clients, path: str, token: str
) -> None:
    admin = client_for("admin")
    url = path.format(pending=seeded.pending.id, doc=seeded.doc.id)
    data: dict[str, str] = {"version": "1", "note": "x", "name": "admin", "password": PASSWORD}
    if token == "forged":
        data["csrf_token"] = csrf(admin)[:-4] + "AAAA"
    elif token == "another visitor's":
        data["csrf_token"] = csrf(client_for("reviewer"))
    response = admin.post(url, data=data, follow_redirects=False)
    assert response.status_code == 403
    assert "security token" in response.text
    assert claim_state(seeded, seeded.pending.id)[0] is ReviewState.PENDING


def test_the_csrf_header_works_for_scripts_that_use_the_session(
    seeded: Seeded, client_for: Clients
) -> None:
    client = client_for("reviewer")
    response = client.post(
        f"/review/claim/{seeded.pending.id}/accept",
        data={"version": "1"},
        headers={"X-CSRF-Token": csrf(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303


# -- the queue and its decisions --------------------------------------------------------


def test_the_queue_groups_claims_by_document_with_their_evidence_marked(
    seeded: Seeded, client_for: Clients
) -> None:
    elsewhere = add_claim(seeded.store, None, count=9, receiver="SZ")
    page = client_for("reviewer").get("/review").text
    assert f'id="doc-{seeded.doc.id}"' in page and 'id="doc-none"' in page
    assert page.index(seeded.pending.id) < page.index(elsewhere.id)
    assert "<mark>agreed to host up to 50 people</mark>" in page
    assert '<mark data-claims="' in page, "the full text marks every claim"
    assert f'value="{seeded.pending.id}:1"' in page, "bulk accept names what was shown"
    assert "Pending claims: 3, in documents: 2" in page


def test_the_queue_filters_by_country(seeded: Seeded, client_for: Clients) -> None:
    add_claim(seeded.store, None, count=9, receiver="SZ")
    client = client_for("reviewer")
    assert "Pending claims: 1, in documents: 1" in client.get("/review?country=sz").text
    assert client.get("/review?country=QQ").status_code == 400


def test_accept_reject_and_correct_from_the_queue(seeded: Seeded, client_for: Clients) -> None:
    client = client_for("reviewer")
    response = post(client, f"/review/claim/{seeded.other.id}/accept", {"version": "1"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/review?done=accepted#doc-{seeded.doc.id}"
    assert "Claim accepted." in client.get(response.headers["location"]).text
    assert claim_state(seeded, seeded.other.id)[:2] == (ReviewState.ACCEPTED, "reviewer")

    refused = post(
        client, f"/review/claim/{seeded.pending.id}/reject", {"version": "1", "note": " "}
    )
    assert refused.status_code == 400 and "a rejection needs a note" in refused.text

    form = client.get(f"/review/claim/{seeded.pending.id}/correct").text
    assert 'name="count" value="50"' in form
    response = client.post(
        f"/review/claim/{seeded.pending.id}/correct",
        data={
            "csrf_token": csrf_from(form),
            "version": "1",
            "count": "40",
            "kind": "capacity",
            "sender": "US",
            "receiver": "XK",
            "note": "ministry figure",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    history = client.get(response.headers["location"]).text
    assert "Correction saved" in history and "ministry figure" in history
    with seeded.store.read() as session:
        kosovo = next(a for a in arrangements(session) if a.receiver == "XK")
    assert kosovo.capacity == 40 and kosovo.status == "agreed"


def test_a_bad_correction_keeps_what_was_typed(seeded: Seeded, client_for: Clients) -> None:
    client = client_for("reviewer")
    response = post(
        client,
        f"/review/claim/{seeded.pending.id}/correct",
        {"version": "1", "count": "forty"},
        page=f"/review/claim/{seeded.pending.id}/correct",
    )
    assert response.status_code == 400
    assert "count 'forty' is not a whole number" in html.unescape(response.text)
    assert 'value="forty"' in response.text


def test_the_second_reviewer_is_told_who_decided_first(seeded: Seeded, client_for: Clients) -> None:
    ana, ben = client_for("reviewer"), client_for("admin")
    ana_page, ben_page = ana.get("/review").text, ben.get("/review").text
    assert 'name="version" value="1"' in ana_page and 'name="version" value="1"' in ben_page
    first = ana.post(
        f"/review/claim/{seeded.pending.id}/accept",
        data={"csrf_token": csrf_from(ana_page), "version": "1"},
        follow_redirects=False,
    )
    second = ben.post(
        f"/review/claim/{seeded.pending.id}/reject",
        data={"csrf_token": csrf_from(ben_page), "version": "1", "note": "too high"},
        follow_redirects=False,
    )
    assert first.status_code == 303
    assert second.status_code == 409
    assert f"claim {seeded.pending.id} was already accepted by reviewer at" in second.text
    assert claim_state(seeded, seeded.pending.id)[:2] == (ReviewState.ACCEPTED, "reviewer")


def test_bulk_accept_of_a_document(seeded: Seeded, client_for: Clients) -> None:
    client = client_for("reviewer")
    seen = [f"{seeded.pending.id}:1", f"{seeded.other.id}:1"]
    response = post(client, f"/review/document/{seeded.doc.id}/accept-all", {"seen": seen})
    assert response.status_code == 303
    assert {claim_state(seeded, c.id)[0] for c in (seeded.pending, seeded.other)} == {
        ReviewState.ACCEPTED
    }
    again = post(client, f"/review/document/{seeded.doc.id}/accept-all", {"seen": seen})
    assert again.status_code == 409 and "already accepted by reviewer" in again.text


def test_problem_reports_arrive_in_the_queue_and_are_resolved(
    seeded: Seeded, client_for: Clients
) -> None:
    with seeded.store.write() as session:
        decisions.accept(session, "setup", seeded.pending.id)
        report = reports.add_report(
            session, seeded.pending.id, "The cap is per year, not total.", "me@example.org"
        )
    client = client_for("reviewer")
    page = client.get("/review").text
    assert "The cap is per year, not total." in page and "me@example.org" in page
    response = post(
        client,
        f"/review/report/{report.id}/resolve",
        {"note": "withdrawn, see ministry", "withdraw": "yes", "version": "2"},
    )
    assert response.status_code == 303
    assert claim_state(seeded, seeded.pending.id)[0] is ReviewState.REJECTED
    assert "The cap is per year" not in client.get("/review").text
    history = client_for(None).get(f"/review/claim/{seeded.pending.id}/history").text
    assert "resolved a problem report" in history and "me@example.org" not in history


# -- history ----------------------------------------------------------------------------


def test_history_of_decided_claims_is_public_and_of_pending_ones_is_not(
    seeded: Seeded, client_for: Clients
) -> None:
    visitor = client_for(None)
    pending = visitor.get(f"/review/claim/{seeded.pending.id}/history", follow_redirects=False)
    assert pending.status_code == 303 and pending.headers["location"].startswith("/login?next=")
    assert (
        client_for("contributor").get(f"/review/claim/{seeded.pending.id}/history").status_code
        == 200
    )
    with seeded.store.write() as session:
        fixed = decisions.correct(
            session, "reviewer", seeded.pending.id, {"count": "40"}, note="typo"
        )
    for claim_id in (seeded.pending.id, fixed.id):
        page = visitor.get(f"/review/claim/{claim_id}/history")
        assert page.status_code == 200
        assert page.text.count('<li class="version') == 2
        assert "corrected" in page.text and "typo" in page.text
    assert visitor.get("/review/claim/nope/history").status_code == 404


# -- conflicts --------------------------------------------------------------------------


def test_conflicts_side_by_side_and_resolved(seeded: Seeded, client_for: Clients) -> None:
    other_doc = add_document(seeded.store, "Kosovo will host 75 people.", "https://b.example/75")
    seventy_five = add_claim(seeded.store, other_doc, quote="75 people", count=75)
    with seeded.store.write() as session:
        decisions.accept(session, "setup", seeded.pending.id)
        decisions.accept(session, "setup", seventy_five.id)
    client = client_for("reviewer")
    page = client.get("/review/conflicts").text
    assert "Different caps" in page and "<mark>75 people</mark>" in page
    assert page.count('name="keep"') == 2
    action = page.split('action="/review/conflicts/')[1].split('"')[0]
    response = post(
        client,
        f"/review/conflicts/{action}",
        {"outcome": "keep", "keep": seeded.pending.id, "note": "75 was a misprint"},
        page="/review/conflicts",
    )
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert "Conflict resolution recorded." in page and "No open conflicts." in page
    assert "75 was a misprint" in page
    assert claim_state(seeded, seventy_five.id)[0] is ReviewState.REJECTED


# -- contributions ----------------------------------------------------------------------


def test_a_contributor_submits_a_url_and_a_text_file_and_proposes_a_claim(
    seeded: Seeded, client_for: Clients
) -> None:
    client = client_for("contributor")
    response = post(
        client,
        "/contribute/source",
        {"url": "https://new.example/story", "outlet": "New", "kind": "news"},
        page="/contribute",
    )
    assert response.status_code == 303 and "done=submitted" in response.headers["location"]
    again = post(
        client, "/contribute/source", {"url": "https://new.example/story"}, page="/contribute"
    )
    assert "done=known" in again.headers["location"]

    text = "Honduras said on Monday it would let deportation flights refuel in San Pedro Sula."
    response = client.post(
        "/contribute/source",
        data={
            "csrf_token": csrf(client, "/contribute"),
            "kind": "government",
            "published": "2025-07",
        },
        files={"file": ("statement.txt", text.encode(), "text/plain")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    document_id = response.headers["location"].split("document=")[1]
    response = post(
        client,
        "/contribute/claim",
        {
            "document": document_id,
            "kind": "role",
            "sender": "US",
            "receiver": "HN",
            "value": "transit_stopover",
            "quote": "let deportation flights refuel",
        },
        page="/contribute",
    )
    assert response.status_code == 303
    page = client.get("/contribute").text
    assert "statement.txt" in page and "Transit stopover" in page  # a label, not the code
    queue = client_for("reviewer").get("/review").text
    assert "<mark>let deportation flights refuel</mark>" in queue


def test_a_pdf_upload_waits_for_ingestion_and_misquotes_are_refused(
    seeded: Seeded, client_for: Clients
) -> None:
    client = client_for("contributor")
    response = client.post(
        "/contribute/source",
        data={"csrf_token": csrf(client, "/contribute"), "title": "Ministry PDF"},
        files={"file": ("decree.pdf", b"%PDF-1.4 not really", "application/pdf")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    refused = post(
        client,
        "/contribute/claim",
        {
            "document": seeded.doc.id,
            "kind": "capacity",
            "sender": "US",
            "receiver": "XK",
            "count": "60",
            "quote": "sixty people",
        },
        page="/contribute",
    )
    assert refused.status_code == 400 and "quote is not in the document" in refused.text
    assert 'value="60"' in refused.text


def test_uploads_over_the_limit_are_refused(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIRDCOUNTRY_UPLOAD_MAX_BYTES", "10")
    with TestClient(create_app(seeded.store)) as client:
        login(client, "contributor")
        response = client.post(
            "/contribute/source",
            data={"csrf_token": csrf(client, "/contribute")},
            files={"file": ("big.txt", b"x" * 11, "text/plain")},
        )
    assert response.status_code == 400 and "larger than the limit of 10 bytes" in response.text


# -- users ------------------------------------------------------------------------------


def test_admins_add_users_change_roles_and_issue_tokens(
    seeded: Seeded, client_for: Clients
) -> None:
    admin = client_for("admin")
    response = post(
        admin,
        "/admin/users",
        {"name": "lucia", "role": "reviewer", "password": PASSWORD},
        page="/admin/users",
    )
    assert response.status_code == 303
    lucia = client_for("lucia")
    assert lucia.get("/review").status_code == 200
    post(admin, "/admin/users/lucia", {"role": "contributor", "active": "yes"}, page="/admin/users")
    assert lucia.get("/review").status_code == 403
    page = post(admin, "/admin/users/lucia/token", {"label": "script"}, page="/admin/users")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    token = page.text.split('<code class="token">')[1].split("<")[0]
    me = admin.get("/review/api/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["name"] == "lucia"
    post(admin, "/admin/users/lucia", {"role": "contributor", "active": "no"}, page="/admin/users")
    assert lucia.get("/contribute", follow_redirects=False).status_code == 303, "logged out"
    demote = post(
        admin, "/admin/users/admin", {"role": "reviewer", "active": "yes"}, page="/admin/users"
    )
    assert demote.status_code == 409 and "last active admin" in demote.text


# -- languages and the header -----------------------------------------------------------


def test_review_pages_speak_spanish_when_asked_and_remember_it(client_for: Clients) -> None:
    client = client_for("reviewer")
    page = client.get("/review?lang=es")
    assert "Cola de revisión" in page.text and 'lang="es"' in page.text
    assert "tc_lang=es" in page.headers["set-cookie"]
    assert "Cola de revisión" in client.get("/review").text
    assert 'href="/review?lang=en"' in client.get("/review").text


def test_the_header_shows_the_account_links(client_for: Clients) -> None:
    assert 'href="/login"' in client_for(None).get("/login").text
    page = client_for("admin").get("/review").text
    assert 'href="/admin/users"' in page and 'action="/logout"' in page
    page = client_for("contributor").get("/contribute").text
    assert 'href="/review"' not in page and 'href="/contribute"' in page


def test_only_an_accepted_version_is_marked_as_standing(
    seeded: Seeded, client_for: Clients
) -> None:
    client = client_for("reviewer")
    assert "stands" not in client.get(f"/review/claim/{seeded.pending.id}/history").text
    with seeded.store.write() as session:
        decisions.accept(session, "reviewer", seeded.pending.id)
    assert "stands" in client.get(f"/review/claim/{seeded.pending.id}/history").text
