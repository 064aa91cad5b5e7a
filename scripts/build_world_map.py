"""Build the compact world map the site draws, from Natural Earth 1:50m (npm `world-atlas`).

Usage (once, by a maintainer; the result is committed and shipped in the package)::

    cd "$(mktemp -d)" && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python scripts/build_world_map.py package/countries-50m.json thirdcountry/data/world-map.json

The 1:50m file is needed because the 1:110m one lacks small island states that have
arrangements (Palau, Antigua and Barbuda, Dominica, St Kitts and Nevis).

What it does: decodes the TopoJSON arcs, projects them with the Equal Earth projection
into a fixed SVG coordinate space, simplifies each *shared* arc once (Douglas-Peucker, so
neighbouring borders stay identical), drops islands too small to see (always keeping a
country's largest ring, so every state exists), rounds to whole units and writes one SVG
path per ISO 3166-1 alpha-2 code. Numeric ids become alpha-2 codes through CLDR's territory
aliases (Babel). Kosovo carries no numeric id in Natural Earth: it is keyed to ``XK`` by
name. Shapes with no ISO code (Somaliland, N. Cyprus…) are kept as unlabelled land.
Antarctica is left out: no arrangement involves it and it takes a fifth of the height.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
from pathlib import Path
from typing import Any

from babel.core import get_global

from thirdcountry.domain.countries import is_country

WIDTH = 2000  # SVG units; coordinates are rounded to whole units
SOUTH_LIMIT = -57.0  # degrees; below Cape Horn nothing is drawn
TOLERANCE = 0.5  # Douglas-Peucker tolerance in SVG units
MIN_ISLAND_AREA = 6.0  # square SVG units; smaller rings are dropped (not a country's largest)
KEYED_BY_NAME = {"Kosovo": "XK"}
LEFT_OUT = {"010"}  # Antarctica

# Equal Earth (Šavrič, Patterson, Jenny 2018) constants.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2

Point = tuple[float, float]


def equal_earth(lon: float, lat: float) -> Point:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX = equal_earth(180.0, 0.0)[0]
SCALE = WIDTH / (2 * X_MAX)
Y_TOP = equal_earth(0.0, 84.0)[1]  # the northernmost land of the data
HEIGHT = round((Y_TOP - equal_earth(0.0, SOUTH_LIMIT)[1]) * SCALE)


def to_svg(lon: float, lat: float) -> Point:
    x, y = equal_earth(lon, max(lat, SOUTH_LIMIT))
    return (x + X_MAX) * SCALE, (Y_TOP - y) * SCALE


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The arcs as longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        qx = qy = 0
        points = []
        for dx, dy in arc:
            qx, qy = qx + dx, qy + dy
            points.append((qx * sx + tx, qy * sy + ty))
        arcs.append(points)
    return arcs


def _clip(
    ring: list[Point], keep_left_of: float | None, keep_right_of: float | None
) -> list[Point]:
    """Sutherland-Hodgman clip of a ring against one vertical line (longitude)."""
    line = keep_left_of if keep_left_of is not None else keep_right_of
    assert line is not None

    def inside(p: Point) -> bool:
        return p[0] <= line if keep_left_of is not None else p[0] >= line

    out: list[Point] = []
    for current, following in zip(ring, ring[1:] + ring[:1], strict=True):
        if inside(current):
            out.append(current)
        if inside(current) != inside(following):
            (x0, y0), (x1, y1) = current, following
            out.append((line, y0 + (y1 - y0) * (line - x0) / (x1 - x0)))
    return out


def split_antimeridian(ring: list[Point]) -> list[list[Point]]:
    """A ring that crosses 180° becomes one ring on each side of the map."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in itertools.pairwise(ring)):
        return [ring]
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        previous = unwrapped[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        unwrapped.append((lon, lat))
    if unwrapped[-1][0] - unwrapped[0][0] > 180 or unwrapped[-1][0] - unwrapped[0][0] < -180:
        return [ring]  # circles a pole: nothing of the kind outside Antarctica
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        moved = [(lon + shift, lat) for lon, lat in unwrapped]
        piece = _clip(_clip(moved, 180.0, None), None, -180.0)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def _distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(lonlat: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on the projected points, iterative, keeping both ends."""
    if len(lonlat) < 3:
        return lonlat
    points = [to_svg(lon, lat) for lon, lat in lonlat]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(lonlat, keep, strict=True) if kept]


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def area(points: list[Point]) -> float:
    return abs(
        sum(
            x0 * y1 - x1 * y0
            for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True)
        )
        / 2
    )


def centroid(points: list[Point]) -> Point:
    twice, cx, cy = 0.0, 0.0, 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        twice += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(twice) < 1e-9:
        xs, ys = zip(*points, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    return cx / (3 * twice), cy / (3 * twice)


def project(lonlat: list[Point]) -> list[Point]:
    return [to_svg(lon, lat) for lon, lat in lonlat]


def rounded(points: list[Point]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for x, y in points:
        p = (round(x), round(y))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Compact SVG path: absolute move, then relative lines, one subpath per ring."""
    parts = []
    for ring in rings:
        (x, y), rest = ring[0], ring[1:]
        steps = []
        for nx, ny in rest:
            steps.append(f"{nx - x}{'' if ny - y < 0 else ' '}{ny - y}")
            x, y = nx, ny
        parts.append(f"M{ring[0][0]} {ring[0][1]}l" + " ".join(steps).replace(" -", "-") + "z")
    return "".join(parts)


def country_rings(
    geometry: dict[str, Any], raw: list[list[Point]], simple: list[list[Point]]
) -> list[list[tuple[int, int]]]:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    candidates = []
    for polygon in polygons:
        for ring in polygon:
            pieces = split_antimeridian(ring_points(ring, simple))
            if all(len(rounded(project(p))) < 3 for p in pieces):
                # Simplified away entirely: fall back to the raw ring for this one.
                pieces = split_antimeridian(ring_points(ring, raw))
            for piece in pieces:
                points = rounded(project(piece))
                if len(points) >= 3:
                    candidates.append(points)
    if not candidates:
        return []
    largest = max(candidates, key=lambda r: area([(float(x), float(y)) for x, y in r]))
    return [
        r
        for r in candidates
        if r is largest or area([(float(x), float(y)) for x, y in r]) >= MIN_ISLAND_AREA
    ]


def numeric_to_alpha2() -> dict[str, str]:
    aliases: dict[str, list[str]] = get_global("territory_aliases")
    return {
        numeric: codes[0]
        for numeric, codes in aliases.items()
        if numeric.isdigit() and len(codes) == 1 and is_country(codes[0])
    }


def build(topology: dict[str, Any], source: str) -> dict[str, Any]:
    raw = decode_arcs(topology)
    simple = [simplify(arc, TOLERANCE) for arc in raw]
    codes = numeric_to_alpha2()
    keyed: dict[str, list[list[tuple[int, int]]]] = {}
    names: dict[str, str] = {}
    unkeyed = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        numeric = geometry.get("id")
        if numeric in LEFT_OUT:
            continue
        code = KEYED_BY_NAME.get(name) or codes.get(numeric or "")
        rings = country_rings(geometry, raw, simple)
        if not rings:
            continue
        if code is None:
            unkeyed.append({"name": name, "d": path_data(rings)})
            continue
        keyed.setdefault(code, []).extend(rings)
        # A code's main shape names it (Australia, not Ashmore and Cartier Is.).
        names.setdefault(code, name)
    countries = {}
    for code, rings in sorted(keyed.items()):
        floats = [[(float(x), float(y)) for x, y in r] for r in rings]
        largest = max(floats, key=area)
        xs = [x for r in rings for x, _ in r]
        ys = [y for r in rings for _, y in r]
        cx, cy = centroid(largest)
        countries[code] = {
            "name": names[code],
            "d": path_data(rings),
            "box": [min(xs), min(ys), max(xs), max(ys)],
            "c": [round(cx, 1), round(cy, 1)],
        }
    return {
        "source": source,
        "attribution": "Natural Earth (public domain), via the world-atlas package",
        "projection": "Equal Earth",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": countries,
        "unkeyed": sorted(unkeyed, key=lambda u: u["name"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-50m.json")
    parser.add_argument("output", type=Path, help="where to write the compact map (JSON)")
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    package = args.topojson.parent / "package.json"
    version = json.loads(package.read_text())["version"] if package.exists() else "unknown"
    result = build(topology, f"world-atlas {version}, {args.topojson.name}")
    args.output.write_text(
        json.dumps(result, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
        encoding="utf-8",
    )
    size = args.output.stat().st_size
    print(f"{args.output}: {len(result['countries'])} countries, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
