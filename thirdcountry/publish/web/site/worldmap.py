"""The home page's choropleth: shipped Natural Earth geometry coloured by arrangement status.

The geometry (``data/world-map.json``) is built by ``scripts/build_world_map.py``. Each
country with an arrangement gets one *map class*: the most advanced status among the
arrangements it receives under, else ``sender`` if it only sends. An implemented
arrangement is ``implemented`` when a number of people is reported (distinct transfers
with a count, or a reported total) and ``unnumbered`` when no source gives one. Classes differ in
lightness and pattern as well as hue, and every shape carries its status in words, so colour
is never the only carrier. States too small to see get a magnified inset (``insets.py``)
or, alone in the sea, a marker; a marker never sits on another coloured country.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from thirdcountry.data import DATA_DIR
from thirdcountry.domain.projection import Arrangement
from thirdcountry.publish.web.site.insets import (
    INSET_BOXES,
    Inset,
    build_insets,
    clipped_shapes,
    in_inset,
)

MAP_FILE = DATA_DIR / "world-map.json"

# Map classes, most advanced first; the order of the legend.
MAP_CLASSES = ("implemented", "unnumbered", "agreed", "talks", "halted", "refused", "sender")
_CLASS_OF_STATUS = {
    "implemented": "implemented",
    "agreed": "agreed",
    "negotiating": "talks",
    "requested": "talks",
    "suspended": "halted",
    "ended": "halted",
    "refused": "refused",
    "denied": "refused",
}
# Below this size (SVG units, the map is 2000 wide) a state also gets a marker.
MARKER_BELOW = 14
MARKER_RADIUS = 13  # SVG units, the radius the template draws


@dataclass(frozen=True, slots=True)
class Shape:
    code: str | None
    path: str
    map_class: str | None  # None: no arrangement
    disputed: bool
    statuses: tuple[tuple[str, str, str], ...]  # (sender, receiver, status) it takes part in
    marker: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class WorldMap:
    width: int
    height: int
    attribution: str
    shapes: list[Shape]  # drawn in order: plain land, then countries with arrangements
    classes_present: tuple[str, ...]
    insets: list[Inset]  # magnified regions, drawn under the map
    marker_radius: float = MARKER_RADIUS

    @property
    def frames(self) -> list[tuple[int, Inset]]:
        """Each inset with its number, for the outlines drawn on the world map."""
        return list(enumerate(self.insets, start=1))


@cache
def geometry() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    return data


@cache
def inset_geometry() -> dict[str, list[tuple[str | None, str]]]:
    data = geometry()
    return {key: clipped_shapes(key, data["countries"], data["unkeyed"]) for key in INSET_BOXES}


def map_class(status: str | None) -> str | None:
    return _CLASS_OF_STATUS.get(status or "")


def arrangement_class(arrangement: Arrangement) -> str | None:
    """The map class of one arrangement: its status's, split by whether people are counted."""
    cls = map_class(arrangement.status)
    basis = arrangement.status_basis
    if cls == "implemented" and not (basis is not None and basis.people_reported):
        return "unnumbered"
    return cls


def _rank(arrangement: Arrangement) -> int:
    cls = arrangement_class(arrangement)
    return len(MAP_CLASSES) - MAP_CLASSES.index(cls) if cls else 0


def country_classes(arrangements: list[Arrangement]) -> dict[str, tuple[str, bool]]:
    """Code → (map class, disputed) for every country taking part in an arrangement."""
    out: dict[str, tuple[str, bool]] = {}
    by_receiver: dict[str, list[Arrangement]] = {}
    for arrangement in arrangements:
        by_receiver.setdefault(arrangement.receiver, []).append(arrangement)
    for code, received in by_receiver.items():
        best = max(received, key=_rank)
        cls = arrangement_class(best) or "talks"
        out[code] = (cls, any(a.disputed for a in received))
    for arrangement in arrangements:
        out.setdefault(arrangement.sender, ("sender", False))
    return out


def build_map(arrangements: list[Arrangement]) -> WorldMap:
    data = geometry()
    classes = country_classes(arrangements)
    involved: dict[str, list[tuple[str, str, str]]] = {}
    for a in arrangements:
        for code in (a.sender, a.receiver):
            involved.setdefault(code, []).append((a.sender, a.receiver, a.status or ""))
    plain: list[Shape] = [Shape(None, u["d"], None, False, (), None) for u in data["unkeyed"]]
    coloured: list[Shape] = []
    for code, country in data["countries"].items():
        if code not in classes:
            plain.append(Shape(code, country["d"], None, False, (), None))
            continue
        cls, disputed = classes[code]
        x0, y0, x1, y1 = country["box"]
        centre = (country["c"][0], country["c"][1])
        small = max(x1 - x0, y1 - y0) < MARKER_BELOW
        # A small state inside an inset is shown there; a marker would cover its neighbours.
        marker = centre if small and in_inset(centre) is None else None
        coloured.append(
            Shape(code, country["d"], cls, disputed, tuple(involved.get(code, ())), marker)
        )
    # Small states last, so their markers sit on top of larger neighbours.
    coloured.sort(key=lambda s: (s.marker is not None, s.code or ""))
    present = tuple(c for c in MAP_CLASSES if any(s.map_class == c for s in coloured))
    return WorldMap(
        width=data["width"],
        height=data["height"],
        attribution=data["attribution"],
        shapes=plain + coloured,
        classes_present=present,
        insets=build_insets(data["countries"], inset_geometry(), classes),
    )


def missing_from_map(codes: set[str]) -> set[str]:
    """Codes the shipped geometry cannot draw (the table still lists them)."""
    return codes - set(geometry()["countries"])
