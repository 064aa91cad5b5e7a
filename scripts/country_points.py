"""Build the table of one map point per country used by the GeoJSON export.

Input: a Natural Earth countries TopoJSON as the npm package ``world-atlas`` ships it
(``countries-10m.json``; Natural Earth is public domain, world-atlas is ISC-licensed):

    npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python scripts/country_points.py package/countries-10m.json \
        thirdcountry/publish/exports/country_points.json

For each country the point is the area centroid of its largest polygon (so France's point
is in Europe, not between its overseas departments), moved inside the polygon along its
latitude when the centroid falls outside (a crescent-shaped country). Features are matched
to ISO 3166-1 alpha-2 codes through their numeric ids and CLDR's territory aliases
(Babel); Kosovo has no numeric id and is matched by name to ``XK``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel.core import get_global

Point = tuple[float, float]
Ring = list[Point]

# Features without an ISO numeric id that this project needs.
BY_NAME = {"Kosovo": "XK"}


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(indexes: Iterable[int], arcs: list[list[Point]]) -> Ring:
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [[ring(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


def signed_area_and_centroid(points: Ring) -> tuple[float, Point]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        return 0.0, points[0]
    return area, (cx / (6 * area), cy / (6 * area))


def inside(point: Point, points: Ring) -> bool:
    x, y = point
    result = False
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


def unwrap(polygon: list[Ring]) -> list[Ring]:
    """Shift western longitudes east of 180 when a polygon straddles the antimeridian."""
    xs = [x for r in polygon for x, _ in r]
    if max(xs) - min(xs) <= 180:
        return polygon
    return [[(x + 360 if x < 0 else x, y) for x, y in r] for r in polygon]


def interior_point(polygon: list[Ring]) -> tuple[float, Point]:
    """The polygon's area and its centroid, or a point inside it on the same latitude."""
    polygon = unwrap(polygon)
    outer = polygon[0]
    area, centroid = signed_area_and_centroid(outer)
    area = abs(area) - sum(abs(signed_area_and_centroid(hole)[0]) for hole in polygon[1:])
    if inside(centroid, outer):
        return area, centroid
    y = centroid[1]
    crossings = sorted(
        x0 + (y - y0) * (x1 - x0) / (y1 - y0)
        for (x0, y0), (x1, y1) in zip(outer, outer[1:] + outer[:1], strict=True)
        if (y0 > y) != (y1 > y)
    )
    spans = list(zip(crossings[::2], crossings[1::2], strict=False))
    if not spans:
        return area, centroid
    left, right = max(spans, key=lambda span: span[1] - span[0])
    return area, ((left + right) / 2, y)


def alpha2_by_numeric() -> dict[str, str]:
    aliases = get_global("territory_aliases")
    return {
        number: targets[0]
        for number, targets in aliases.items()
        if number.isdigit() and len(targets) == 1 and len(targets[0]) == 2
    }


def country_points(topology: dict[str, Any]) -> dict[str, list[float]]:
    arcs = decode_arcs(topology)
    numeric = alpha2_by_numeric()
    best: dict[str, tuple[float, Point]] = {}
    for feature in topology["objects"]["countries"]["geometries"]:
        name = feature.get("properties", {}).get("name", "")
        code = BY_NAME.get(name) or numeric.get(str(feature.get("id", "")))
        if code is None:
            continue
        for polygon in polygons(feature, arcs):
            area, point = interior_point(polygon)
            if code not in best or area > best[code][0]:
                best[code] = (area, point)
    return {
        code: [round((point[0] + 180) % 360 - 180, 3), round(point[1], 3)]
        for code, (_, point) in sorted(best.items())
    }


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    table = {
        "about": "One point per country (longitude, latitude; WGS 84) for map markers: the "
        "centroid of the country's largest polygon, moved inside it when needed.",
        "source": "Natural Earth (public domain) via the world-atlas npm package (ISC), "
        "countries-10m; built by scripts/country_points.py",
        "points": country_points(topology),
    }
    Path(argv[2]).write_text(json.dumps(table, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(table['points'])} points to {argv[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
