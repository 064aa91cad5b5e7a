"""Figures a reader can trust, on the bundled dataset, in both languages: totals are not
transfers, every status states its basis, the map tells counted from uncounted
implementation, and the timeline shows each fact once (issue 15)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.test_site_full_dataset import full_dataset_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from full_dataset_site(tmp_path_factory)


def page(site: TestClient, path: str) -> str:
    response = site.get(path)
    assert response.status_code == 200, path
    return response.text


def words(html: str) -> str:
    """The page as a reader sees it: tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def card(html: str, key: str) -> str:
    return words(html.split(f'id="card-{key}"', 1)[1].split("</article>", 1)[0])


@pytest.mark.parametrize(
    ("lang", "people", "total"),
    [
        ("en", "2,063", "United States → Mexico: at least 5,728 people"),
        ("es", "2.063", "Estados Unidos → México: al menos 5.728 personas"),
    ],
)
def test_home_counts_transfers_and_shows_totals_apart(
    site: TestClient, lang: str, people: str, total: str
) -> None:
    figures = section(page(site, f"/{lang}/"), "figures-heading")
    assert f'href="/{lang}/evidence/people">{people}</a>' in figures
    assert total in words(figures).replace("\u00a0", " ")
    assert "7,776" not in figures and "7776" not in figures


@pytest.mark.parametrize(
    ("lang", "counted", "uncounted"),
    [
        # The legend speaks the table's words: the status, then whether people were counted.
        ("en", "Implemented, people reported", "Implemented, no number of people reported"),
        (
            "es",
            "En aplicación, con personas informadas",
            "En aplicación, sin número de personas informado",
        ),
    ],
)
def test_map_and_legend_tell_counted_from_uncounted_implementation(
    site: TestClient, lang: str, counted: str, uncounted: str
) -> None:
    html = page(site, f"/{lang}/")
    assert f'<a href="/{lang}/country/XK" class="m-unnumbered" data-code="XK">' in html
    assert f'<a href="/{lang}/country/MX" class="m-implemented" data-code="MX">' in html
    assert f'<a href="/{lang}/country/SV" class="m-implemented" data-code="SV">' in html
    legend = html.split('class="legend"', 1)[1].split("</ul>", 1)[0]
    assert counted in legend and uncounted in legend
    assert "sw-unnumbered" in legend


@pytest.mark.parametrize(
    ("lang", "key", "basis"),
    [
        ("en", "US-SV", "Implemented: 238 people in 1 transfer (4 sources)"),
        (
            "en",
            "US-XK",
            "Implemented: first arrival reported December 11, 2025 (3 sources); "
            "number of people not reported",
        ),
        (
            "en",
            "US-MX",
            "Implemented: at least 5,728 people in a reported total, "
            "January 20, 2025 to June 24, 2025 (1 source)",
        ),
        ("en", "DK-XK", "Agreed: reported May 30, 2024 (4 sources)"),
        (
            "en",
            "US-UG",
            "Implemented: first arrival reported, undated (1 source); "
            "number of people not reported",
        ),
        (
            "es",
            "US-UG",
            "En aplicación: primera llegada informada, sin fecha (1 fuente); número de personas "
            "no informado",
        ),
        ("es", "US-SV", "En aplicación: 238 personas en 1 traslado (4 fuentes)"),
        (
            "es",
            "US-XK",
            "En aplicación: primera llegada informada, 11 de diciembre de 2025 (3 fuentes); "
            "número de personas no informado",
        ),
    ],
)
def test_every_card_states_the_basis_of_its_status(
    site: TestClient, lang: str, key: str, basis: str
) -> None:
    receiver = key.split("-")[1]
    assert basis in card(page(site, f"/{lang}/country/{receiver}"), key)


def test_every_implemented_card_states_its_basis(site: TestClient) -> None:
    for lang in ("en", "es"):
        home = page(site, f"/{lang}/")
        receivers = set(re.findall(rf'href="/{lang}/country/([A-Z]{{2}})"', home))
        for code in sorted(receivers):
            html = page(site, f"/{lang}/country/{code}")
            for part in html.split('<article class="card"')[1:]:
                if "status-implemented" in part.split("</dd>", 1)[0]:
                    assert 'class="basis"' in part, (lang, code)


def test_a_reported_total_sits_beside_the_transfers_not_in_them(site: TestClient) -> None:
    mexico = card(page(site, "/en/country/MX"), "US-MX")
    assert "Reported total at least 5,728 people, January 20, 2025 to June 24, 2025" in mexico
    assert "not added to the people transferred" in mexico
    assert "People transferred no transfer reported" in mexico
    assert "Transfers: 0" in mexico
    spanish = card(page(site, "/es/country/MX"), "US-MX")
    assert "Total informado al menos 5.728 personas" in spanish.replace("\u00a0", " ")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_none_reported_and_not_reported_no_longer_mean_the_same(
    site: TestClient, lang: str
) -> None:
    retired = "none reported" if lang == "en" else "ninguno informado"
    for path in ("/", "/country/XK", "/country/MX", "/country/UZ", "/country/SV"):
        assert retired not in page(site, f"/{lang}{path}"), path
    kosovo = page(site, f"/{lang}/country/XK")
    no_transfer = "no transfer reported" if lang == "en" else "ningún traslado informado"
    no_number = "number not reported" if lang == "en" else "número no informado"
    assert no_transfer in card(kosovo, "DK-XK")  # agreed, nobody sent yet
    assert no_number in card(kosovo, "US-XK")  # people arrived, no count given


def test_the_timeline_shows_a_fact_once_with_its_reports_folded(site: TestClient) -> None:
    html = page(site, "/en/country/XK")
    timeline = section(html, "timeline-heading")
    lines = [words(item) for item in timeline.split("<li>")[1:]]
    caps = [line for line in lines if "Cap (Denmark → Kosovo): up to 300 people" in line]
    assert len(caps) == 1
    assert "3 reports: AP (via Southeast Missourian), JURIST, Reuters" in caps[0]
    assert timeline.count("/en/claim/") > len(caps)  # each report keeps its claim link
    # The count of independent sources is unchanged by the folding.
    assert "Sources 8; latest published" in card(html, "DK-XK")
    spanish = words(section(page(site, "/es/country/XK"), "timeline-heading"))
    assert "3 informes: AP (en inglés: via Southeast Missourian), JURIST" in spanish


@pytest.mark.parametrize(
    ("lang", "period"),
    [
        ("en", "Period January 20, 2025 to June 2"),  # 24 or 27 June: either total
        ("es", "Periodo de 20 de enero de 2025 a 2"),
    ],
)
def test_a_total_claim_page_gives_its_period(site: TestClient, lang: str, period: str) -> None:
    evidence = page(site, f"/{lang}/evidence/pair/US-MX/period_total")
    first = re.search(rf'href="/{lang}/claim/([0-9a-f-]+)"', evidence.split("<tbody", 1)[1])
    assert first is not None
    claim = words(page(site, f"/{lang}/claim/{first.group(1)}").replace("</dt>", " </dt>"))
    assert period in claim
