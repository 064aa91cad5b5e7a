"""The flow view of the transfers page: nationalities on the left, receiving countries on
the right, ribbons as wide as the number of people, laid out as a two-column Sankey.

Only what sources say is drawn: a transfer naming one nationality flows from it; one naming
several flows from "several nationalities" (its people are not split by guesswork); one
naming none flows from "not reported". Transfers whose size no source gives are counted
apart and drawn as hairlines.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from thirdcountry.domain.projection import Transfer

SEVERAL = "several"
UNKNOWN = "unknown"

WIDTH = 760
NODE_WIDTH = 14
GAP = 10
MIN_BAND = 2.0
HEIGHT_FOR_PEOPLE = 420


@dataclass(frozen=True, slots=True)
class Node:
    key: str  # a country code, SEVERAL or UNKNOWN
    side: str  # "from" or "to"
    people: int
    transfers: int
    y: float
    height: float


@dataclass(frozen=True, slots=True)
class Link:
    source: str
    target: str
    people: int
    transfers: int
    unsized: int  # transfers of unknown size in this flow
    path: str
    width: float
    y0: float
    y1: float


@dataclass(frozen=True, slots=True)
class Flows:
    width: int
    height: int
    node_width: int
    left: list[Node]
    right: list[Node]
    links: list[Link]


def _origin(transfer: Transfer) -> str:
    if not transfer.nationalities:
        return UNKNOWN
    if len(transfer.nationalities) > 1:
        return SEVERAL
    return transfer.nationalities[0]


def _stack(
    widths: dict[str, float], totals: dict[str, list[int]], side: str, order: list[str]
) -> list[Node]:
    nodes, y = [], 0.0
    for key in order:
        people, transfers = totals[key]
        nodes.append(Node(key, side, people, transfers, y, widths[key]))
        y += widths[key] + GAP
    return nodes


def _left_order(totals: dict[str, list[int]]) -> list[str]:
    """Largest first, "several" and "not reported" last."""
    special = [k for k in (SEVERAL, UNKNOWN) if k in totals]
    named = sorted((k for k in totals if k not in special), key=lambda k: (-totals[k][0], k))
    return named + special


def _right_order(
    widths: dict[tuple[str, str], float], left_rank: dict[str, int], targets: list[str]
) -> list[str]:
    """Each receiving country beside the nationalities that flow into it (barycentre)."""

    def centre(target: str) -> float:
        weights = [(w, left_rank[s]) for (s, t), w in widths.items() if t == target]
        return sum(w * rank for w, rank in weights) / sum(w for w, _ in weights)

    return sorted(targets, key=lambda t: (centre(t), t))


def _ribbon(x0: float, y0: float, x1: float, y1: float, width: float) -> str:
    middle = (x0 + x1) / 2
    return (
        f"M{x0:.1f} {y0:.1f}C{middle:.1f} {y0:.1f} {middle:.1f} {y1:.1f} {x1:.1f} {y1:.1f}"
        f"L{x1:.1f} {y1 + width:.1f}C{middle:.1f} {y1 + width:.1f} {middle:.1f} "
        f"{y0 + width:.1f} {x0:.1f} {y0 + width:.1f}Z"
    )


def layout(transfers: list[Transfer]) -> Flows | None:
    """The Sankey layout of ``transfers``, or None when there is nothing to draw."""
    if not transfers:
        return None
    # (origin, receiver) -> [people, transfers, transfers of unknown size]
    flows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for transfer in transfers:
        flow = flows[(_origin(transfer), transfer.receiver)]
        flow[0] += transfer.count or 0
        flow[1] += 1
        flow[2] += transfer.count is None
    scale = HEIGHT_FOR_PEOPLE / max(sum(f[0] for f in flows.values()), 1)
    widths = {key: max(f[0] * scale, MIN_BAND * f[1]) for key, f in flows.items()}
    column_widths: tuple[dict[str, float], dict[str, float]] = (
        defaultdict(float),
        defaultdict(float),
    )
    column_totals: tuple[dict[str, list[int]], dict[str, list[int]]] = (
        defaultdict(lambda: [0, 0]),
        defaultdict(lambda: [0, 0]),
    )
    for (source, target), (people, count, _unsized) in flows.items():
        for side, key in enumerate((source, target)):
            column_widths[side][key] += widths[(source, target)]
            column_totals[side][key][0] += people
            column_totals[side][key][1] += count
    left_order = _left_order(column_totals[0])
    left_rank = {key: i for i, key in enumerate(left_order)}
    right_order = _right_order(widths, left_rank, list(column_totals[1]))
    left = _stack(column_widths[0], column_totals[0], "from", left_order)
    right = _stack(column_widths[1], column_totals[1], "to", right_order)
    left_at = {n.key: n for n in left}
    right_at = {n.key: n for n in right}
    right_rank = {key: i for i, key in enumerate(right_order)}
    # Ribbons leave and arrive in column order, so they cross as little as they can.
    used: dict[str, float] = defaultdict(float)
    x0, x1 = float(NODE_WIDTH), float(WIDTH - NODE_WIDTH)
    links = []
    for (source, target), (people, count, unsized) in sorted(
        flows.items(), key=lambda item: (left_rank[item[0][0]], right_rank[item[0][1]])
    ):
        width = widths[(source, target)]
        y0 = left_at[source].y + used["from:" + source]
        y1 = right_at[target].y + used["to:" + target]
        used["from:" + source] += width
        used["to:" + target] += width
        path = _ribbon(x0, y0, x1, y1, width)
        links.append(Link(source, target, people, count, unsized, path, width, y0, y1))
    height = max(n.y + n.height for n in left + right)
    return Flows(WIDTH, int(height) + 2, NODE_WIDTH, left, right, links)
