"""The map's status colours stay apart for people with colour blindness.

The colours are read from the site's style sheet. Each pair of flat fills (the statuses
without a pattern, sending countries and plain land) must differ by at least
``MIN_DELTA_E`` (CIE76, in CIELAB) in normal vision and as simulated for protanopia,
deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity 1, applied in
linear RGB). Suspended/ended and refused/denied are told apart by their hatching.
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parent.parent / "thirdcountry/publish/web/static/site.css"
FLAT = ("land", "implemented", "agreed", "talks", "sender")
MIN_DELTA_E = 15.0

Matrix = tuple[tuple[float, float, float], ...]
SIMULATIONS: dict[str, Matrix | None] = {
    "normal": None,
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
RGB = tuple[float, float, float]


def palette() -> dict[str, str]:
    root = CSS.read_text(encoding="utf-8").split(":root", 1)[1].split("}", 1)[0]
    return dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", root))


def linear(colour: str) -> RGB:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return channel(r), channel(g), channel(b)


def simulate(rgb: RGB, matrix: Matrix | None) -> RGB:
    if matrix is None:
        return rgb
    r, g, b = (
        min(1.0, max(0.0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])) for row in matrix
    )
    return r, g, b


def lab(rgb: RGB) -> RGB:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str, b: str, matrix: Matrix | None) -> float:
    return math.dist(lab(simulate(linear(a), matrix)), lab(simulate(linear(b), matrix)))


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_flat_map_colours_are_far_apart(vision: str) -> None:
    colours = palette()
    assert set(FLAT) <= set(colours), "a map colour is missing from :root"
    close = [
        (a, b, round(delta_e(colours[a], colours[b], SIMULATIONS[vision]), 1))
        for a, b in itertools.combinations(FLAT, 2)
        if delta_e(colours[a], colours[b], SIMULATIONS[vision]) < MIN_DELTA_E
    ]
    assert close == [], f"too close in {vision}"


def test_the_check_tells_a_red_green_pair_apart_only_in_normal_vision() -> None:
    # The old "agreed" red against a green of the same lightness: fine for most, not for all.
    assert delta_e("#c2413a", "#5f8a00", None) > MIN_DELTA_E
    assert delta_e("#c2413a", "#5f8a00", SIMULATIONS["deuteranopia"]) < MIN_DELTA_E


def hue(colour: str) -> float:
    _lightness, a, b = lab(linear(colour))
    return math.degrees(math.atan2(b, a)) % 360


@pytest.mark.parametrize(
    ("colours", "apart"),
    [(None, True), ({"implemented": "#6b1d2a", "agreed": "#c2413a"}, False)],
    ids=["site", "old dark red and red"],
)
def test_each_status_has_a_hue_of_its_own(colours: dict[str, str] | None, apart: bool) -> None:
    """Not two shades of one colour: chromatic statuses sit 40° apart or more on the hue wheel."""
    chosen = colours or {k: palette()[k] for k in ("implemented", "agreed", "talks", "sender")}
    gaps = [
        min(abs(hue(chosen[a]) - hue(chosen[b])), 360 - abs(hue(chosen[a]) - hue(chosen[b])))
        for a, b in itertools.combinations(chosen, 2)
    ]
    assert (min(gaps) >= 40) is apart, gaps
