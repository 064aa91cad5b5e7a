"""The public site's pages, through Starlette's TestClient, on the bundled dataset plus
hand-built claims (tests/site_fixtures.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from thirdcountry.publish.web import create_app
from thirdcountry.store import Store, reports

from .site_fixtures import (
    PENDING_FACILITY,
    REJECTED_FACILITY,
    RETRACTED_FACILITY,
    Fixture,
    populate,
    served_site,
)

PAGES = (
    "/",
    "/transfers",
    "/claims",
    "/sources",
    "/methodology",
    "/data",
    "/changes",
    "/search?q=a",
)


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[TestClient, Store, Fixture]]:
    with served_site() as site:
        yield site


@pytest.fixture(scope="module")
def client(site: tuple[TestClient, Store, Fixture]) -> TestClient:
    return site[0]


@pytest.fixture(scope="module")
def fx(site: tuple[TestClient, Store, Fixture]) -> Fixture:
    return site[2]


def get(client: TestClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, f"{path}: {response.status_code}"
    return response.text


def token_of(html: str) -> str:
    found = re.search(r'name="token" value="([^"]+)"', html)
    assert found, "the claim page has no report form"
    return found.group(1)


# -- every page ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_language_switch_and_last_updated(
    client: TestClient, lang: str, path: str
) -> None:
    html = get(client, f"/{lang}{path}")
    other = "es" if lang == "en" else "en"
    assert f'<html lang="{lang}">' in html
    assert f'hreflang="{other}"' in html
    assert "Last updated" in html if lang == "en" else "Última actualización" in html
    assert '<time datetime="' in html


@pytest.mark.parametrize("path", [*PAGES, "/country/PW", "/country/HN"])
def test_pending_rejected_and_retracted_claims_never_show(client: TestClient, path: str) -> None:
    for lang in ("en", "es"):
        html = get(client, f"/{lang}{path}")
        for hidden in (PENDING_FACILITY, REJECTED_FACILITY, RETRACTED_FACILITY):
            assert hidden not in html


def test_search_does_not_find_unpublished_facilities(client: TestClient) -> None:
    assert PENDING_FACILITY not in get(client, "/en/search?q=zeta")


# -- home ----------------------------------------------------------------------------


def test_home_map_draws_kosovo_and_small_states_as_clickable_shapes(client: TestClient) -> None:
    html = get(client, "/en/")
    for code in ("XK", "PW", "SV", "US"):
        assert f'<a href="/en/country/{code}" class="m-' in html
    palau = html.split('<a href="/en/country/PW"', 1)[1].split("</a>", 1)[0]
    assert 'class="marker"' in palau and "Implemented" in palau
    assert "Natural Earth" in html


def test_home_map_has_a_table_twin_and_a_legend_in_words(client: TestClient) -> None:
    html = get(client, "/en/")
    table = html.split('<table class="arrangements stacked">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 9  # header and eight arrangements
    assert "Disputed" in table and "Implemented" in table
    legend = html.split('class="legend"', 1)[1].split("</ul>", 1)[0]
    # The table's words, not words of the map's own.
    for words in ("Implemented", "Agreed", "Requested / Negotiating", "Sending country"):
        assert words in legend
    assert "In operation" not in html and "in talks" not in html


def test_home_figures_link_to_the_claims_behind_them(client: TestClient) -> None:
    html = get(client, "/en/")
    assert 'href="/en/evidence/people">245</a>' in html  # 238 to El Salvador + 7 to Palau
    assert 'href="/en/evidence/status/agreed"' in html
    assert 'href="/en/evidence/disputed"' in html
    assert re.search(r'href="/en/sources">4</a>', html)  # seed, wire (+copy), local, gov


def test_home_in_spanish_uses_cldr_names_and_dates(client: TestClient) -> None:
    html = get(client, "/es/")
    assert "Estados Unidos" in html and "junio de 2025" in html
    assert "Quién recibe" in html


def test_latest_changes_show_the_correction_and_the_retraction(client: TestClient) -> None:
    html = get(client, "/en/")
    assert "Claim corrected" in html and "Claim retracted" in html
    assert "Dataset loaded: 15 claims accepted" in html


# -- country pages ---------------------------------------------------------------------


def test_kosovo_page_shows_the_card_with_cap_and_claim_links(
    client: TestClient, fx: Fixture
) -> None:
    html = get(client, "/en/country/XK")
    assert "<h1>Kosovo</h1>" in html
    assert "up to 50 people" in html
    assert f'href="/en/claim/{fx.xk_capacity}"' in html
    assert "Temporary stay, then return" in html


def test_country_page_in_spanish(client: TestClient) -> None:
    html = get(client, "/es/country/XK")
    assert "hasta 50 personas" in html and "desde" in html and "junio de 2025" in html


def test_disputed_arrangement_shows_both_sides(client: TestClient, fx: Fixture) -> None:
    html = get(client, "/en/country/HN")
    dispute = html.split('class="dispute"', 1)[1].split("</div>", 1)[0]
    assert "Announced" in dispute and "Denied" in dispute
    assert "Gobierno de Honduras" in dispute and f"/en/claim/{fx.denial}" in dispute


def test_one_flight_reported_three_times_is_one_transfer_with_two_sources(
    client: TestClient,
) -> None:
    html = get(client, "/en/country/PW")
    table = html.split('<table class="transfers stacked">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 2  # header and one transfer
    assert "Venezuela" in table and ">7</a>" in table
    assert re.search(r'class="num" data-label="Sources">2 <span class="refs">', table)


def test_country_page_shows_the_chain_and_the_corrected_cap(client: TestClient) -> None:
    html = get(client, "/en/country/PW")
    assert "From agreement to transfers" in html
    assert "up to 12 people" in html and "up to 10 people" not in html


def test_country_codes_are_case_insensitive_and_unknown_ones_are_404(client: TestClient) -> None:
    response = client.get("/en/country/xk", follow_redirects=False)
    assert response.status_code == 301 and response.headers["location"] == "/en/country/XK"
    get(client, "/en/country/QQ", 404)
    assert "No accepted claim" in get(client, "/en/country/FR")


# -- transfers -------------------------------------------------------------------------


def test_transfers_page_lists_distinct_transfers_with_a_flow_view(client: TestClient) -> None:
    html = get(client, "/en/transfers")
    assert "2 distinct transfers, 245 people." in html
    assert '<svg class="flows"' in html
    assert "Nationality not reported" in html  # the CECOT transfer names none


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nationality=VE", "1 distinct transfer, 7 people."),
        ("receiver=SV", "1 distinct transfer, 238 people."),
        ("start=2025-08-01&end=2025-12-31", "1 distinct transfer, 7 people."),
        ("sender=XK", "0 distinct transfers, 0 people."),
    ],
)
def test_transfer_filters(client: TestClient, query: str, expected: str) -> None:
    assert expected in get(client, f"/en/transfers?{query}")


def test_transfer_filters_refuse_bad_input_by_name(client: TestClient) -> None:
    assert "nationality: unknown country code" in get(client, "/en/transfers?nationality=ZZZ", 400)
    assert "start:" in get(client, "/en/transfers?start=June", 400)


# -- claims ----------------------------------------------------------------------------


def test_claim_permalink_shows_source_evidence_and_cite_text(
    client: TestClient, fx: Fixture
) -> None:
    html = get(client, f"/en/claim/{fx.flight_a}")
    assert "Wire Service" in html and 'href="https://wire.example/palau-flight"' in html
    assert "flew seven Venezuelan men to Palau" in html  # the evidence span of the text
    cite = html.split('id="cite-text">', 1)[1].split("</p>", 1)[0]
    assert "dataset version 2026.11.28" in cite
    assert f"http://testserver/en/claim/{fx.flight_a}" in cite and "accessed" in cite


def test_claim_history_shows_versions_and_decisions(client: TestClient, fx: Fixture) -> None:
    old = get(client, f"/en/claim/{fx.corrected}")
    assert "This version was corrected" in old and f"/en/claim/{fx.correction}" in old
    new = get(client, f"/es/claim/{fx.correction}")
    assert "vigente" in new and "Corregida" in new and "the source says twelve" in new
    decisions = new.split("Decisiones de revisión", 1)[1].split("</table>", 1)[0]
    assert re.search(r"<td>1</td>\s*<td>Aceptada con el conjunto", decisions)
    assert re.search(r"<td>1</td>\s*<td>Corregida", decisions)  # version 1 was corrected


@pytest.mark.parametrize("which", ["pending", "rejected", "retracted"])
def test_unpublished_claims_have_no_public_page(
    client: TestClient, fx: Fixture, which: str
) -> None:
    get(client, f"/en/claim/{getattr(fx, which)}", 404)


def test_evidence_pages_list_the_claims_behind_figures(client: TestClient, fx: Fixture) -> None:
    people = get(client, "/en/evidence/people")
    for claim_id in (fx.flight_a, fx.flight_b, fx.flight_c):
        assert f"/en/claim/{claim_id}" in people
    assert fx.denial in get(client, "/en/evidence/disputed")
    assert fx.xk_capacity in get(client, "/en/evidence/pair/US-XK/capacity")
    assert fx.flight_c in get(client, f"/en/evidence/transfer/{fx.flight_a}")
    get(client, "/en/evidence/status/bogus", 404)
    get(client, "/en/evidence/pair/US-FR/capacity", 404)


# -- problem reports -------------------------------------------------------------------


def test_a_report_is_stored_for_reviewers(site: tuple[TestClient, Store, Fixture]) -> None:
    client, store, fx = site
    token = token_of(get(client, f"/en/claim/{fx.xk_capacity}"))
    response = client.post(
        f"/en/claim/{fx.xk_capacity}/report",
        data={"token": token, "message": "The cap is per month.", "contact": "r@example.org"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "Thank you" in get(client, response.headers["location"])
    with store.read() as session:
        stored = reports.list_reports(session, claim_id=fx.xk_capacity)
    assert [(r.message, r.contact) for r in stored] == [("The cap is per month.", "r@example.org")]


@pytest.mark.parametrize(
    ("data", "headers", "issued_token", "status"),
    [
        ({"message": "no token"}, {}, False, 403),
        ({"token": "forged", "message": "x"}, {}, False, 403),
        ({"message": "cross-site"}, {"origin": "https://elsewhere.example"}, True, 403),
        ({"message": "   "}, {}, True, 400),
    ],
)
def test_reports_without_a_valid_form_are_refused(
    site: tuple[TestClient, Store, Fixture],
    data: dict[str, str],
    headers: dict[str, str],
    issued_token: bool,
    status: int,
) -> None:
    client, store, fx = site
    if issued_token:
        data = {**data, "token": token_of(get(client, f"/en/claim/{fx.flight_c}"))}
    response = client.post(f"/en/claim/{fx.flight_c}/report", data=data, headers=headers)
    assert response.status_code == status
    with store.read() as session:
        assert reports.list_reports(session, claim_id=fx.flight_c) == []


def test_a_token_for_one_claim_does_not_work_for_another(
    site: tuple[TestClient, Store, Fixture],
) -> None:
    client, _store, fx = site
    token = token_of(get(client, f"/en/claim/{fx.flight_a}"))
    response = client.post(f"/en/claim/{fx.flight_c}/report", data={"token": token, "message": "x"})
    assert response.status_code == 403


def test_the_bot_trap_field_stores_nothing(site: tuple[TestClient, Store, Fixture]) -> None:
    client, store, fx = site
    token = token_of(get(client, f"/en/claim/{fx.flight_b}"))
    response = client.post(
        f"/en/claim/{fx.flight_b}/report",
        data={"token": token, "message": "buy now", "website": "spam.example"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    with store.read() as session:
        assert reports.list_reports(session, claim_id=fx.flight_b) == []


# -- sources, data, changes, search ----------------------------------------------------


def test_sources_list_copies_under_their_original(client: TestClient) -> None:
    html = get(client, "/en/sources")
    assert "4 independent sources." in html
    wire = html.split("Wire Service", 1)[1].split("</li>\n  <li", 1)[0]
    assert "Also published as:" in wire and "Reprint Daily" in wire


def test_data_page_shows_version_changelog_and_the_files_the_exporters_publish(
    client: TestClient,
) -> None:
    html = get(client, "/en/data")
    assert "2026.11.28" in html and "First release" in html and "CC-BY-4.0" in html
    for path in ("/data/claims.csv", "/data/datapackage.json", "/data/thirdcountry.db"):
        assert f'href="{path}"' in html
        assert client.get(path).status_code == 200, path


def test_data_page_lists_an_added_export_format(site: tuple[TestClient, Store, Fixture]) -> None:
    from thirdcountry.publish.exports import registry

    # A fresh app: formats are registered at start-up, and pages are cached per app.
    client = TestClient(create_app(site[1]))

    class Plain:
        name = "plain"
        description = "Every claim id, one a line."

        def file_names(self, data: object) -> list[str]:
            return ["claims.txt"]

        def render(self, data: object, links: object) -> list[object]:
            return []

    registry.register(Plain())  # type: ignore[arg-type]
    try:
        html = get(client, "/en/data")
    finally:
        registry._REGISTRY.pop("plain", None)
    assert "Every claim id, one a line." in html and 'href="/data/claims.txt"' in html


def test_changes_page_lists_retractions_with_their_reason(client: TestClient) -> None:
    html = get(client, "/en/changes")
    assert "Claim retracted" in html and "no such facility" in html


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/search?q=kosovo", 'href="/en/country/XK"'),
        ("/es/search?q=estados", 'href="/es/country/US"'),
        ("/es/search?q=salvador", 'href="/es/country/SV"'),
        ("/en/search?q=cecot", "CECOT</a>"),
        ("/en/search?q=island times", "Island Times"),
        ("/en/search?q=UK", 'href="/en/country/GB"'),
        ("/en/search?q=El Salvador", "claims from this source"),
        ("/es/search?q=EE.UU.", 'href="/es/country/US"'),
        ("/es/search?q=no existe tal acuerdo", 'lang="es">no existe tal acuerdo</q>'),
    ],
)
def test_search_finds_countries_facilities_and_sources(
    client: TestClient, path: str, expected: str
) -> None:
    assert expected in get(client, path)


def test_search_for_uk_does_not_offer_ukraine(client: TestClient) -> None:
    assert 'href="/en/country/UA"' not in get(client, "/en/search?q=UK")


def test_unknown_language_is_404(client: TestClient) -> None:
    get(client, "/fr/transfers", 404)


def test_public_read_models_on_each_backend(store: Store) -> None:
    from thirdcountry.store.site_views import build_picture, changelog, claim_page

    fx = populate(store)
    with store.read() as session:
        shown = build_picture(session)
        changes = changelog(session)
        page = claim_page(session, fx.corrected)
        hidden = claim_page(session, fx.pending)
    assert {a.key for a in shown.arrangements} >= {"US-XK", "US-PW", "US-HN"}
    assert fx.pending not in shown.claims and fx.corrected not in shown.claims
    assert [c.kind for c in changes][:2] == ["retract", "correct"]
    assert page is not None and page.current.id == fx.correction and hidden is None
