"""Magnified insets of the home map, for the regions where receiving countries are too small
or too close together to tell apart on the world map (the Balkans, Central America, the
Eastern Caribbean, the Great Lakes of Africa).

Each inset is its own small SVG drawn under the world map at a readable scale: the rings of
the shipped geometry that reach into its box (clipped to it, so a page does not carry all
of Russia for the Balkans), every coloured country named by a label, and a marker for
islands too small to see even there. Labels sit on their own country unless a placement
below moves them to the sea or to uncoloured land, with a leader line back to the country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in map units
Ring = list[tuple[int, int]]

# Inset key → its box on the world map. The keys are also the CSS/test hooks.
INSET_BOXES: dict[str, Box] = {
    "balkans": (1068, 154, 1124, 206),
    "central-america": (488, 340, 580, 432),
    "caribbean": (596, 330, 692, 378),
    "great-lakes": (1140, 446, 1204, 512),
}
# Where a label goes instead of its country's centroid: (x, y, text-anchor).
LABEL_AT: dict[str, tuple[float, float, str]] = {
    "XK": (1109, 174.5, "start"),
    "BA": (1080, 160.5, "middle"),
    "SV": (506, 394, "middle"),
    "BZ": (527, 351, "start"),
    "AG": (676, 342, "end"),
    "KN": (656, 363, "end"),
    "DM": (669, 370, "start"),
    "DO": (600, 356, "start"),
}
MARKER_BELOW = 4  # map units: a state smaller than this also gets a marker in its inset
LABEL_SIZE = 0.0375  # font size as a share of the inset's width (about 12 px at 320 px)
CLIP_MARGIN = 2.0  # map units beyond the box, so clipping edges stay out of sight

_NUMBER = re.compile(r"-?\d+")


@dataclass(frozen=True, slots=True)
class InsetShape:
    code: str | None
    path: str
    map_class: str | None
    disputed: bool


@dataclass(frozen=True, slots=True)
class InsetLabel:
    code: str
    map_class: str
    x: float
    y: float
    anchor: str
    leader: tuple[float, float] | None  # the country's own point, when the label is moved
    marker: tuple[float, float] | None  # an island too small to see: a dot on it


@dataclass(frozen=True, slots=True)
class Inset:
    key: str
    box: Box
    shapes: list[InsetShape]
    labels: list[InsetLabel]
    font_size: float
    marker_radius: float

    @property
    def view_box(self) -> str:
        x0, y0, x1, y1 = self.box
        return f"{x0:g} {y0:g} {x1 - x0:g} {y1 - y0:g}"


def parse_rings(path: str) -> list[Ring]:
    """The rings of a path in the shipped format: ``M x y l dx dy … z`` per ring."""
    rings = []
    for part in path.split("M")[1:]:
        numbers = [int(n) for n in _NUMBER.findall(part)]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def ring_box(ring: Ring) -> Box:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def clip(ring: Ring, box: Box) -> list[tuple[float, float]]:
    """Sutherland-Hodgman clip of a ring to a rectangle (a convex window)."""
    x0, y0, x1, y1 = box
    points: list[tuple[float, float]] = [(float(x), float(y)) for x, y in ring]
    edges = (
        (lambda p: p[0] >= x0, lambda a, b: _at_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _at_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _at_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _at_y(a, b, y1)),
    )
    for inside, cross in edges:
        out: list[tuple[float, float]] = []
        for current, following in zip(points, points[1:] + points[:1], strict=True):
            if inside(current):
                out.append(current)
            if inside(current) != inside(following):
                out.append(cross(current, following))
        points = out
        if not points:
            break
    return points


def _at_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def _path(rings: list[list[tuple[float, float]]]) -> str:
    return "".join(
        "M" + "L".join(f"{round(x, 1):g} {round(y, 1):g}" for x, y in r) + "z" for r in rings
    )


def in_inset(centre: tuple[float, float]) -> str | None:
    """The inset whose box holds a country's point, if any."""
    for key, (x0, y0, x1, y1) in INSET_BOXES.items():
        if x0 <= centre[0] <= x1 and y0 <= centre[1] <= y1:
            return key
    return None


def clipped_shapes(
    key: str, countries: dict[str, dict[str, Any]], unkeyed: list[dict[str, str]]
) -> list[tuple[str | None, str]]:
    """(code or None for unnamed land, path) of every shape reaching into an inset's box."""
    x0, y0, x1, y1 = INSET_BOXES[key]
    window = (x0 - CLIP_MARGIN, y0 - CLIP_MARGIN, x1 + CLIP_MARGIN, y1 + CLIP_MARGIN)
    drawn = [(None, u["d"]) for u in unkeyed] + [(code, c["d"]) for code, c in countries.items()]
    out: list[tuple[str | None, str]] = []
    for code, path in drawn:
        pieces = [clip(r, window) for r in parse_rings(path) if overlaps(ring_box(r), window)]
        pieces = [p for p in pieces if len(p) >= 3]
        if pieces:
            out.append((code, _path(pieces)))
    return out


def build_insets(
    countries: dict[str, dict[str, Any]],
    clipped: dict[str, list[tuple[str | None, str]]],
    classes: dict[str, tuple[str, bool]],
) -> list[Inset]:
    """The insets that hold at least one coloured country, in the order of ``INSET_BOXES``.

    ``clipped`` is ``clipped_shapes`` of every inset (the same for every page, so cached).
    """
    insets = []
    for key, box in INSET_BOXES.items():
        shapes: list[InsetShape] = []
        labels: list[InsetLabel] = []
        for code, path in clipped[key]:
            cls, disputed = classes.get(code or "", (None, False))
            shapes.append(InsetShape(code, path, cls, disputed))
            if code is None or cls is None:
                continue
            cx, cy = countries[code]["c"]
            if in_inset((cx, cy)) != key:
                continue
            x0, y0, x1, y1 = countries[code]["box"]
            tiny = max(x1 - x0, y1 - y0) < MARKER_BELOW
            placed = LABEL_AT.get(code)
            x, y, anchor = placed or (cx, cy, "middle")
            leader = (cx, cy) if placed else None
            labels.append(InsetLabel(code, cls, x, y, anchor, leader, (cx, cy) if tiny else None))
        if labels:
            # Plain land first, coloured countries over it, as on the world map.
            shapes.sort(key=lambda s: s.map_class is not None)
            width = box[2] - box[0]
            font = round(width * LABEL_SIZE, 2)
            insets.append(Inset(key, box, shapes, labels, font, round(width * 0.012, 2)))
    return insets
