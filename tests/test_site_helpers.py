"""The public site's helpers: map geometry and classes, flow layout, formatting, form tokens."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.requests import Request

from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import BadInput, Forbidden
from thirdcountry.domain.projection import Arrangement, BasisKind, StatusBasis, Transfer
from thirdcountry.publish.web.site import flows
from thirdcountry.publish.web.site.formatting import Formatter, fold
from thirdcountry.publish.web.site.formtoken import FormTokens, check_origin
from thirdcountry.publish.web.site.insets import clip, parse_rings
from thirdcountry.publish.web.site.worldmap import (
    MAP_FILE,
    WorldMap,
    build_map,
    country_classes,
    geometry,
)


def test_shipped_geometry_is_small_and_has_every_state_with_an_arrangement_in_mind() -> None:
    assert MAP_FILE.stat().st_size < 1_000_000
    countries = geometry()["countries"]
    # The small island states the 1:110m file lacks, and Kosovo, keyed by name.
    for code in ("PW", "AG", "DM", "KN", "XK", "SV", "RW", "US"):
        assert countries[code]["d"].startswith("M"), code
    assert "Natural Earth" in geometry()["attribution"]


def arrangement(sender: str, receiver: str, status: str, disputed: bool = False) -> Arrangement:
    return Arrangement(sender=sender, receiver=receiver, status=status, disputed=disputed)


def counted(sender: str, receiver: str) -> Arrangement:
    """Implemented, with people counted in a transfer."""
    found = arrangement(sender, receiver, "implemented")
    found.status_basis = StatusBasis("implemented", BasisKind.PEOPLE_IN_TRANSFERS, None, 1, 7, 1)
    return found


def test_a_receiver_takes_its_most_advanced_status_and_senders_are_marked() -> None:
    classes = country_classes(
        [
            arrangement("US", "SV", "negotiating"),
            counted("GB", "SV"),
            arrangement("US", "HN", "denied", disputed=True),
        ]
    )
    assert classes["SV"] == ("implemented", False)
    assert classes["HN"] == ("refused", True)
    assert classes["US"] == ("sender", False) and classes["GB"] == ("sender", False)


def test_implemented_without_a_number_of_people_is_its_own_class() -> None:
    unnumbered = arrangement("US", "XK", "implemented")
    unnumbered.status_basis = StatusBasis(
        "implemented", BasisKind.NUMBER_NOT_REPORTED, None, 2, first_arrival=None
    )
    classes = country_classes([unnumbered, counted("US", "SV"), arrangement("DK", "XK", "agreed")])
    assert classes["XK"] == ("unnumbered", False)  # still above the other sender's agreement
    assert classes["SV"] == ("implemented", False)
    world = build_map([unnumbered, counted("US", "SV")])
    assert world.classes_present == ("implemented", "unnumbered", "sender")


def test_small_states_get_markers_and_large_ones_do_not() -> None:
    world = build_map([arrangement("US", "PW", "agreed"), arrangement("US", "BR", "agreed")])
    shapes = {s.code: s for s in world.shapes if s.map_class}
    assert shapes["PW"].marker is not None
    assert shapes["BR"].marker is None
    assert world.classes_present == ("agreed", "sender")


def transfer(receiver: str, count: int | None, *nationalities: str) -> Transfer:
    return Transfer("US", receiver, None, count, nationalities, None, ["c"], {"s"})


def test_flow_layout_groups_nationalities_honestly() -> None:
    layout = flows.layout(
        [
            transfer("SV", 238),
            transfer("PW", 7, "VE"),
            transfer("PW", 5, "VE", "CU"),
            transfer("PW", None, "VE"),
        ]
    )
    assert layout is not None
    left = {n.key: (n.people, n.transfers) for n in layout.left}
    assert left == {"VE": (7, 2), flows.SEVERAL: (5, 1), flows.UNKNOWN: (238, 1)}
    unsized = {(link.source, link.target): link.unsized for link in layout.links}
    assert unsized[("VE", "PW")] == 1
    assert flows.layout([]) is None


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["SV", "PW", "XK"]),
            st.one_of(st.none(), st.integers(0, 5000)),
            st.lists(st.sampled_from(["VE", "CU", "MX"]), max_size=2, unique=True),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_flow_bands_fill_their_nodes_exactly(rows: list[tuple[str, int | None, list[str]]]) -> None:
    layout = flows.layout([transfer(r, c, *n) for r, c, n in rows])
    assert layout is not None
    for side, nodes in (("source", layout.left), ("target", layout.right)):
        for node in nodes:
            widths = sum(link.width for link in layout.links if getattr(link, side) == node.key)
            assert widths == pytest.approx(node.height)
            assert node.height >= flows.MIN_BAND


@pytest.mark.parametrize(
    ("lang", "raw", "expected"),
    [
        ("en", "2025-06-12", "June 12, 2025"),
        ("es", "2025-06-12", "12 de junio de 2025"),
        ("en", "2025-06", "June 2025"),
        ("es", "2025-06", "junio de 2025"),
        ("es", "2025", "2025"),
    ],
)
def test_dates_are_as_precise_as_the_source_and_no_more(lang: str, raw: str, expected: str) -> None:
    assert Formatter(lang).date(PartialDate.parse(raw)) == expected


def test_numbers_money_and_names_follow_the_locale() -> None:
    en, es = Formatter("en"), Formatter("es")
    assert en.number(12500) == "12,500" and es.number(12500) == "12.500"
    assert es.money(6000000, "USD") == "6 millones de dólares estadounidenses"
    assert es.country("US") == "Estados Unidos" and en.country("XK") == "Kosovo"
    assert fold("Panamá") == "panama"
    assert es.sort_countries(["US", "AL", "SV"]) == ["AL", "SV", "US"]  # Albania, El S., EE. UU.


def test_form_tokens_are_bound_to_their_claim_and_key() -> None:
    tokens = FormTokens("secret")
    token = tokens.issue("claim-1")
    tokens.check(token, "claim-1")
    with pytest.raises(Forbidden):
        tokens.check(token, "claim-2")
    with pytest.raises(Forbidden):
        FormTokens("another secret").check(token, "claim-1")


def test_expired_form_tokens_ask_for_a_reload() -> None:
    token = FormTokens("secret").issue("claim-1")
    with pytest.raises(BadInput, match="expired"):
        FormTokens("secret", max_age=-1).check(token, "claim-1")


def request_with(headers: dict[str, str]) -> Request:
    raw = [(k.encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "method": "POST", "path": "/", "headers": raw})


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [(None, True), ("http://site.example", True), ("https://evil.example", False), ("null", False)],
)
def test_origin_check(origin: str | None, allowed: bool) -> None:
    headers = {"host": "site.example"} | ({"origin": origin} if origin else {})
    if allowed:
        check_origin(request_with(headers))
    else:
        with pytest.raises(Forbidden):
            check_origin(request_with(headers))


def test_partial_dates_render_in_time_elements() -> None:
    assert Formatter("en").iso(PartialDate.parse("2025-06")) == "2025-06"
    assert Formatter("en").iso(date(2025, 6, 12)) == "2025-06-12"


# Receivers and senders of the bundled dataset's arrangements, where the map is crowded.
CROWDED = {
    "AL": "implemented", "XK": "implemented", "BA": "refused", "SV": "implemented",
    "GT": "implemented", "HN": "implemented", "BZ": "agreed", "CR": "implemented",
    "PA": "implemented", "MX": "implemented", "AG": "agreed", "KN": "agreed",
    "DM": "agreed", "DO": "refused", "RW": "implemented", "UG": "implemented",
    "CD": "implemented", "SZ": "implemented", "PW": "agreed", "NR": "implemented",
    "CV": "refused", "GQ": "implemented", "GA": "requested", "CM": "implemented",
}  # fmt: skip


def crowded_map() -> WorldMap:
    return build_map([arrangement("US", code, status) for code, status in CROWDED.items()])


def test_small_states_in_an_inset_are_labelled_there_and_get_no_marker_on_the_world_map() -> None:
    world = crowded_map()
    shapes = {s.code: s for s in world.shapes if s.map_class}
    labelled = {label.code: inset.key for inset in world.insets for label in inset.labels}
    for code in ("XK", "SV", "AG", "KN", "DM", "RW"):
        assert shapes[code].marker is None, code
        assert code in labelled, code
    assert labelled["XK"] == labelled["AL"] == "balkans"
    # Islands too small to see even in an inset carry a dot there.
    dots = {label.code for inset in world.insets for label in inset.labels if label.marker}
    assert {"AG", "KN", "DM"} <= dots and "AL" not in dots


def test_no_marker_sits_on_another_coloured_country() -> None:
    world = crowded_map()
    coloured = [s for s in world.shapes if s.map_class]
    markers = [s for s in coloured if s.marker]
    assert {s.code for s in markers} >= {"PW", "NR", "CV"}
    for s in markers:
        assert s.marker is not None
        mx, my = s.marker
        for other in coloured:
            if other.code == s.code:
                continue
            near = [
                (x, y)
                for ring in parse_rings(other.path)
                for x, y in ring
                if (x - mx) ** 2 + (y - my) ** 2 <= (world.marker_radius + 1) ** 2
            ]
            assert near == [], f"the marker of {s.code} covers {other.code}"


def test_insets_are_clipped_to_their_box_and_keep_pages_small() -> None:
    world = crowded_map()
    for inset in world.insets:
        x0, y0, x1, y1 = inset.box
        for shape in inset.shapes:
            for x, y in (p for r in parse_rings_float(shape.path) for p in r):
                assert x0 - 3 <= x <= x1 + 3 and y0 - 3 <= y <= y1 + 3, (inset.key, shape.code)
    assert sum(len(s.path) for i in world.insets for s in i.shapes) < 20_000


def parse_rings_float(path: str) -> list[list[tuple[float, float]]]:
    """Rings of an inset path (absolute ``M x y L x y … z``)."""
    rings = []
    for part in path.split("M")[1:]:
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", part)]
        rings.append(list(zip(numbers[::2], numbers[1::2], strict=True)))
    return rings


def test_a_ring_clipped_to_a_box_stays_inside_it_and_a_ring_inside_is_unchanged() -> None:
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert sorted(clip(square, (2, 2, 5, 5))) == [(2.0, 2.0), (2.0, 5.0), (5.0, 2.0), (5.0, 5.0)]
    assert sorted(clip(square, (-1, -1, 11, 11))) == sorted((float(x), float(y)) for x, y in square)
    assert clip(square, (20, 20, 30, 30)) == []
    assert parse_rings("M1 2l3-1 0 4z") == [[(1, 2), (4, 1), (4, 5)]]
