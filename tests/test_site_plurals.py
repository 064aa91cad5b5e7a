"""Counts on the site go through ngettext: one person, two people, in both languages."""

from __future__ import annotations

import pytest

from tests.site_fixtures import served_site
from thirdcountry.domain.projection import BasisKind, StatusBasis
from thirdcountry.publish.web.deps import TEMPLATES
from thirdcountry.publish.web.site.formatting import Formatter


def _macro(lang: str, call: str, **context: object) -> str:
    env = TEMPLATES[lang].env
    source = '{% import "site/_macros.html" as m %}{{ ' + call + " }}"
    return env.from_string(source).render(f=Formatter(lang), **context).strip()


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("en", 1, "1 source"),
        ("en", 3, "3 sources"),
        ("es", 1, "1 fuente"),
        ("es", 3, "3 fuentes"),
    ],
)
def test_sources_are_counted_in_the_right_number(lang: str, count: int, expected: str) -> None:
    assert _macro(lang, "m.n_sources(n, f)", n=count) == expected


@pytest.mark.parametrize(
    ("lang", "qualifier", "count", "expected"),
    [
        ("en", "about", 1, "about 1 person"),
        ("en", "at_least", 1, "at least 1 person"),
        ("en", "about", 250, "about 250 people"),
        ("es", "about", 1, "aproximadamente 1 persona"),
        ("es", "at_least", 1, "al menos 1 persona"),
        ("es", "at_least", 5728, "al menos 5728 personas"),
    ],
)
def test_a_reported_total_of_one_is_one_person(
    lang: str, qualifier: str, count: int, expected: str
) -> None:
    found = _macro(lang, "m.total_figure(q, n, f)", q=qualifier, n=count)
    # Babel groups Spanish thousands only from five digits on; either form is a number.
    assert found.replace(".", "").replace("\xa0", "").replace(",", "") == expected


@pytest.mark.parametrize(
    ("lang", "people", "expected"),
    [
        ("en", 1, "Implemented: 1 person in 1 transfer (1 source)"),
        ("en", 2, "Implemented: 2 people in 1 transfer (1 source)"),
        ("es", 1, "En aplicación: 1 persona en 1 traslado (1 fuente)"),
        ("es", 2, "En aplicación: 2 personas en 1 traslado (1 fuente)"),
    ],
)
def test_the_status_basis_counts_people_in_the_right_number(
    lang: str, people: int, expected: str
) -> None:
    basis = StatusBasis("implemented", BasisKind.PEOPLE_IN_TRANSFERS, None, 1, people, 1)
    assert _macro(lang, "m.status_basis(b, none, f)", b=basis) == expected


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("en", "?receiver=SV", "1 distinct transfer, 238 people."),
        ("en", "", "2 distinct transfers, 245 people."),
        ("es", "?receiver=SV", "1 traslado distinto, 238 personas."),
        ("es", "", "2 traslados distintos, 245 personas."),
    ],
)
def test_the_transfers_page_counts_in_the_right_number(
    lang: str, query: str, expected: str
) -> None:
    with served_site() as (client, _store, _fixture):
        page = client.get(f"/{lang}/transfers{query}").text
    assert f'<p role="status">{expected}</p>' in page
