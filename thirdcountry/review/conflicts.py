"""Conflicts: accepted claims about one arrangement that cannot all be right as they stand.

Projection already decides what the public sees (a denial against an agreement makes the
arrangement *disputed*; the latest cap wins). A reviewer should still look at each such
disagreement, side by side with its sources, and record what they concluded:

* ``status_vs_denial`` — an agreement and a denial the projection finds disputing it;
* ``transfer_count`` — transfer reports that may describe one event (compatible dates,
  agreeing facilities) but give different numbers of people;
* ``capacity`` — different caps for one arrangement;
* ``compensation`` — different sums paid.

Each conflict has a key made of its kind and its exact claims: once resolved it stays
resolved, until a new claim joins the disagreement and makes it a new conflict.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.projection import (
    ProjectionRules,
    SourceInfo,
    project,
    standing_claims,
)
from thirdcountry.domain.vocabulary import ClaimKind


class ConflictKind(StrEnum):
    STATUS_VS_DENIAL = "status_vs_denial"
    TRANSFER_COUNT = "transfer_count"
    CAPACITY = "capacity"
    COMPENSATION = "compensation"


@dataclass(frozen=True, slots=True)
class ClaimConflict:
    kind: ConflictKind
    sender: str
    receiver: str
    claim_ids: tuple[str, ...]  # sorted

    @property
    def key(self) -> str:
        blob = "|".join([self.kind.value, self.sender, self.receiver, *self.claim_ids])
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "kind": self.kind.value,
            "sender": self.sender,
            "receiver": self.receiver,
            "claims": list(self.claim_ids),
        }


def _conflict(kind: ConflictKind, pair: tuple[str, str], ids: Iterable[str]) -> ClaimConflict:
    return ClaimConflict(kind, pair[0], pair[1], tuple(sorted(set(ids))))


def _may_be_one_transfer(a: Claim, b: Claim, rules: ProjectionRules) -> bool:
    if a.count is None or b.count is None or a.count == b.count:
        return False
    if a.facility and b.facility and a.facility.casefold() != b.facility.casefold():
        return False
    if a.when is None or b.when is None:
        return False
    if a.when.compatible(b.when, rules.same_event_slack_days):
        return True
    # The projection joins same-facility reports over a wider window when counts agree;
    # with counts that disagree, the same window marks a possible single event.
    both_named = a.facility is not None and b.facility is not None
    return both_named and a.when.gap_days(b.when) <= rules.same_event_window_days


def _transfer_groups(claims: list[Claim], rules: ProjectionRules) -> list[list[str]]:
    parent = {c.id: c.id for c in claims}

    def root(claim_id: str) -> str:
        while parent[claim_id] != claim_id:
            parent[claim_id] = parent[parent[claim_id]]
            claim_id = parent[claim_id]
        return claim_id

    linked: set[str] = set()
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if _may_be_one_transfer(a, b, rules):
                parent[root(a.id)] = root(b.id)
                linked.update((a.id, b.id))
    groups: dict[str, list[str]] = defaultdict(list)
    for claim_id in linked:
        groups[root(claim_id)].append(claim_id)
    return list(groups.values())


def detect_conflicts(
    claims: Iterable[Claim],
    sources: Mapping[str, SourceInfo] | None = None,
    rules: ProjectionRules | None = None,
) -> list[ClaimConflict]:
    """Every conflict among the standing claims, ordered by pair and kind."""
    claims = list(claims)
    rules = rules or ProjectionRules()
    found: list[ClaimConflict] = []
    for arrangement in project(claims, sources, rules):
        if arrangement.dispute_claims:
            pair = (arrangement.sender, arrangement.receiver)
            found.append(_conflict(ConflictKind.STATUS_VS_DENIAL, pair, arrangement.dispute_claims))

    by_pair: dict[tuple[str, str], dict[ClaimKind, list[Claim]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for claim in standing_claims(claims):
        if claim.sender and claim.receiver:
            by_pair[(claim.sender, claim.receiver)][claim.kind].append(claim)
    for pair, kinds in by_pair.items():
        for group in _transfer_groups(kinds[ClaimKind.TRANSFER], rules):
            found.append(_conflict(ConflictKind.TRANSFER_COUNT, pair, group))
        caps = kinds[ClaimKind.CAPACITY]
        if len({c.count for c in caps}) > 1:
            found.append(_conflict(ConflictKind.CAPACITY, pair, (c.id for c in caps)))
        paid = [c for c in kinds[ClaimKind.COMPENSATION] if c.amount is not None]
        if len({(c.amount, c.currency) for c in paid}) > 1:
            found.append(_conflict(ConflictKind.COMPENSATION, pair, (c.id for c in paid)))
    order = list(ConflictKind)
    found.sort(key=lambda c: (c.sender, c.receiver, order.index(c.kind), c.claim_ids))
    return found
