"""Reported totals: "N people sent between A and B", kept apart from distinct transfers.

A total is never a transfer and is never added to one. Totals of one pair that state the
same count, qualifier and period are one total with several sources. Two totals whose
periods overlap may count the same people, so they are never added together: the
arrangement's *reported total* is the largest sum of totals no two of which overlap (one
cumulative figure, or monthly figures end to end), with its period and its sources.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.vocabulary import CountQualifier

# How a sum of totals is qualified: as loosely as its loosest part.
_LOOSENESS = (CountQualifier.EXACT, CountQualifier.AT_LEAST, CountQualifier.ABOUT)


@dataclass(slots=True)
class PeriodTotal:
    """One reported total, with every independent source that states it."""

    sender: str
    receiver: str
    count: int
    qualifier: CountQualifier
    start: PartialDate
    end: PartialDate
    nationalities: tuple[str, ...]
    claim_ids: list[str]
    source_keys: set[str]

    @property
    def sources(self) -> int:
        return len(self.source_keys)

    def overlaps(self, other: PeriodTotal) -> bool:
        """True when the two periods share a day: they may count the same people."""
        return not (self.end.end < other.start.start or other.end.end < self.start.start)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "receiver": self.receiver,
            "count": self.count,
            "count_qualifier": self.qualifier.value,
            "period_start": self.start.isoformat(),
            "period_end": self.end.isoformat(),
            "nationalities": list(self.nationalities),
            "sources": self.sources,
            "claims": list(self.claim_ids),
        }


@dataclass(slots=True)
class ReportedTotal:
    """The largest figure the totals of an arrangement support without double counting."""

    parts: list[PeriodTotal] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(p.count for p in self.parts)

    @property
    def qualifier(self) -> CountQualifier:
        return max((p.qualifier for p in self.parts), key=_LOOSENESS.index)

    @property
    def start(self) -> PartialDate:
        return min((p.start for p in self.parts), key=lambda d: d.start)

    @property
    def end(self) -> PartialDate:
        return max((p.end for p in self.parts), key=lambda d: d.end)

    @property
    def source_keys(self) -> set[str]:
        return set().union(*(p.source_keys for p in self.parts))

    @property
    def sources(self) -> int:
        return len(self.source_keys)

    @property
    def claim_ids(self) -> list[str]:
        return [claim_id for p in self.parts for claim_id in p.claim_ids]

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "count_qualifier": self.qualifier.value,
            "period_start": self.start.isoformat(),
            "period_end": self.end.isoformat(),
            "sources": self.sources,
            "totals": len(self.parts),
            "claims": self.claim_ids,
        }


_STATED = {
    CountQualifier.EXACT: "",
    CountQualifier.AT_LEAST: "at least ",
    CountQualifier.ABOUT: "about ",
}


def stated_count(count: int, qualifier: CountQualifier | None) -> str:
    """A count as its source states it: ``5000``, ``at least 5000`` or ``about 250``."""
    if qualifier is None:
        return str(count)
    return f"{_STATED[CountQualifier(qualifier)]}{count}"


def merge_totals(claims: Iterable[Claim], source_key: Callable[[Claim], str]) -> list[PeriodTotal]:
    """One PeriodTotal per distinct (count, qualifier, period) of the pair, oldest first."""
    merged: dict[tuple[Any, ...], PeriodTotal] = {}
    for claim in sorted(claims, key=lambda c: c.id):
        start, end = claim.period_from, claim.period_to
        if start is None or end is None or claim.count is None or claim.count_qualifier is None:
            continue  # validation refuses such a total; nothing to count
        key = (claim.count, claim.count_qualifier, start, end)
        found = merged.get(key)
        if found is None:
            found = merged[key] = PeriodTotal(
                sender=claim.sender or "",
                receiver=claim.receiver or "",
                count=claim.count,
                qualifier=CountQualifier(claim.count_qualifier),
                start=start,
                end=end,
                nationalities=(),
                claim_ids=[],
                source_keys=set(),
            )
        found.claim_ids.append(claim.id)
        found.source_keys.add(source_key(claim))
        found.nationalities = tuple(sorted(set(found.nationalities) | set(claim.nationalities)))
    return sorted(merged.values(), key=lambda t: (t.start.start, t.end.end, -t.count))


def reported_total(totals: list[PeriodTotal]) -> ReportedTotal | None:
    """The largest sum of pairwise non-overlapping totals (weighted interval scheduling).

    Ties go to fewer parts, then to more sources, so a single cumulative figure is
    preferred to a patchwork that says the same.
    """
    if not totals:
        return None
    ordered = sorted(totals, key=lambda t: (t.end.end, t.start.start, -t.count))
    # best[i]: the best choice among the first i totals, as (count, -parts, sources, parts).
    best: list[tuple[int, int, int, list[PeriodTotal]]] = [(0, 0, 0, [])]
    for index, candidate in enumerate(ordered):
        previous = index
        while previous > 0 and ordered[previous - 1].end.end >= candidate.start.start:
            previous -= 1
        base = best[previous]
        chosen = [*base[3], candidate]
        sources = len(set().union(*(p.source_keys for p in chosen)))
        with_it = (base[0] + candidate.count, base[1] - 1, sources, chosen)
        best.append(max(best[index], with_it, key=lambda b: (b[0], b[1], b[2])))
    return ReportedTotal(parts=best[-1][3])
