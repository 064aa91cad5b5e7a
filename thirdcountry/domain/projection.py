"""From accepted claims to the picture: arrangements, distinct transfers, disputes.

Rules (each tested, each described on the methodology page):

* Only accepted claims count, and never one that a non-rejected claim supersedes.
* Status: accepted status claims in date order (undated ones at their document's
  publication date). A later claim of a *lower* stage of the forward path requested →
  negotiating → agreed → implemented does not downgrade (later reporting often re-states an
  earlier step); any other later claim (suspended, ended, refused, denied, or a new start
  after an end) replaces the current status. Claims of the same date are taken in the order
  of the path, answers last: a refusal or denial reported the day a request was made
  answers it.
* Disputed: a denial (``denial`` claim, or a ``denied`` status) stands against a claim of
  talks, an agreement or its implementation (negotiating, agreed, implemented) when it is
  dated after it or at most ``dispute_window_days`` before it.
* Distinct transfers: two transfer claims of one pair are one event when their dates are
  compatible (periods overlap, allowing ``same_event_slack_days`` of drift), their counts
  are equal or one is unknown, and their facilities are equal or one is unknown. A second
  rule joins reports that disagree on the date only: equal known count *and* equal known
  facility within ``same_event_window_days``; such an event is flagged ``date_conflict``.
* Period totals (``period_total``) are never transfers and never added to them; the
  arrangement's ``reported_total`` is the largest sum of totals whose periods do not
  overlap (``thirdcountry.domain.totals``).
* Status basis: what the status rests on, for a reader (``StatusBasis``).
* Sources are independent sources: syndicated copies share their original's key.
* An arrangement whose claims all await review is still listed, with no status, so a
  reported approach is visible before anyone has confirmed it; every arrangement counts its
  claims awaiting review (``pending_claims``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from gettext import ngettext
from typing import Any

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.totals import PeriodTotal, ReportedTotal, merge_totals, reported_total
from thirdcountry.domain.vocabulary import (
    PAIR_KINDS,
    ClaimKind,
    DatePrecision,
    ReviewState,
    Status,
)

_FORWARD = (Status.REQUESTED, Status.NEGOTIATING, Status.AGREED, Status.IMPLEMENTED)
# What a denial contradicts: both governments engaging. A request is one side's ask.
_DISPUTABLE = frozenset({Status.NEGOTIATING, Status.AGREED, Status.IMPLEMENTED})
# Order of status claims that share a date: the forward path, then what answers or ends it.
_SAME_DATE_ORDER = {
    status: rank
    for rank, status in enumerate(
        (*_FORWARD, Status.SUSPENDED, Status.ENDED, Status.REFUSED, Status.DENIED)
    )
}


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What projection needs to know of a document."""

    source_key: str  # one key per independent source (copies share their original's)
    published: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class ProjectionRules:
    dispute_window_days: int = 62
    same_event_slack_days: int = 3
    same_event_window_days: int = 62


@dataclass(slots=True)
class Transfer:
    sender: str
    receiver: str
    date: PartialDate | None
    count: int | None
    nationalities: tuple[str, ...]
    facility: str | None
    claim_ids: list[str]
    source_keys: set[str]
    date_conflict: bool = False
    count_conflict: bool = False

    @property
    def sources(self) -> int:
        return len(self.source_keys)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "receiver": self.receiver,
            "date": self.date.isoformat() if self.date else None,
            "count": self.count,
            "nationalities": list(self.nationalities),
            "facility": self.facility,
            "sources": self.sources,
            "date_conflict": self.date_conflict,
            "claims": list(self.claim_ids),
        }


class BasisKind:
    """What a status rests on, most informative first (docs/methodology.md)."""

    PEOPLE_IN_TRANSFERS = "people_in_transfers"  # implemented, distinct transfers with counts
    REPORTED_TOTAL = "reported_total"  # implemented, a reported total, no counted transfer
    NUMBER_NOT_REPORTED = "number_not_reported"  # implemented, no source gives a number
    STATUS_REPORTED = "status_reported"  # any other status: the claims that state it


@dataclass(frozen=True, slots=True)
class StatusBasis:
    """Why an arrangement has its status, in figures a reader can check."""

    status: str
    kind: str
    since: PartialDate | None
    sources: int
    people: int = 0  # people in distinct transfers with a count
    transfers: int = 0  # distinct transfers with a count
    unsized_transfers: int = 0  # distinct transfers whose size no source gives
    first_arrival: PartialDate | None = None
    total: ReportedTotal | None = None

    @property
    def people_reported(self) -> bool:
        """Implemented with a number of people, from transfers or a reported total."""
        return self.kind in (BasisKind.PEOPLE_IN_TRANSFERS, BasisKind.REPORTED_TOTAL)

    def text(self) -> str:
        """The basis as one English line (the site words it per language)."""
        sources = _plural(self.sources, "source")
        if self.kind == BasisKind.PEOPLE_IN_TRANSFERS:
            line = (
                f"{self.status}: {_plural(self.people, 'person', 'people')} in "
                f"{_plural(self.transfers, 'transfer')} ({sources})"
            )
            if self.unsized_transfers:
                line += f"; {_plural(self.unsized_transfers, 'more transfer')} of unreported size"
            return line
        if self.kind == BasisKind.REPORTED_TOTAL and self.total is not None:
            return (
                f"{self.status}: {total_phrase(self.total)} "
                f"{ngettext('person', 'people', self.total.count)} reported in total, "
                f"{english_date(self.total.start)} to {english_date(self.total.end)} ({sources})"
            )
        if self.kind == BasisKind.NUMBER_NOT_REPORTED:
            when = f" {english_date(self.first_arrival)}" if self.first_arrival else ", undated"
            return (
                f"{self.status}: first arrival reported{when} ({sources}); "
                "number of people not reported"
            )
        when = f" {english_date(self.since)}" if self.since else ", undated"
        return f"{self.status}: reported{when} ({sources})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "kind": self.kind,
            "since": self.since.isoformat() if self.since else None,
            "sources": self.sources,
            "people": self.people,
            "transfers": self.transfers,
            "unsized_transfers": self.unsized_transfers,
            "first_arrival": self.first_arrival.isoformat() if self.first_arrival else None,
            "people_reported": self.people_reported,
            "text": self.text(),
        }


def _plural(count: int, noun: str, nouns: str | None = None) -> str:
    # The English line of the API and CLI; the site words the basis per language.
    return f"{count:,} {ngettext(noun, nouns or noun + 's', count)}"


def total_phrase(total: ReportedTotal) -> str:
    """``at least 5,728`` or ``about 250``: a total is a floor unless it is rounded."""
    word = "about" if total.qualifier.value == "about" else "at least"
    return f"{word} {total.count:,}"


def english_date(when: PartialDate) -> str:
    if when.precision is DatePrecision.DAY:
        return f"{when.value.day} {when.value.strftime('%b %Y')}"
    if when.precision is DatePrecision.MONTH:
        return when.value.strftime("%b %Y")
    return str(when.value.year)


@dataclass(slots=True)
class Arrangement:
    sender: str
    receiver: str
    status: str | None = None
    status_date: PartialDate | None = None
    disputed: bool = False
    dispute_claims: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    capacity: int | None = None
    compensation: dict[str, Any] | None = None
    instrument: str | None = None
    facilities: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    onward_transfers: list[Transfer] = field(default_factory=list)
    period_totals: list[PeriodTotal] = field(default_factory=list)
    reported_total: ReportedTotal | None = None
    status_basis: StatusBasis | None = None
    source_keys: set[str] = field(default_factory=set)
    claim_ids: list[str] = field(default_factory=list)
    last_updated: PartialDate | None = None
    pending_claims: int = 0

    @property
    def key(self) -> str:
        return f"{self.sender}-{self.receiver}"

    @property
    def first_transfer_date(self) -> PartialDate | None:
        dated = [t.date for t in self.transfers if t.date is not None]
        return min(dated) if dated else None

    @property
    def people_transferred(self) -> int:
        return sum(t.count or 0 for t in self.transfers)

    @property
    def source_count(self) -> int:
        return len(self.source_keys)

    def to_dict(self) -> dict[str, Any]:
        first = self.first_transfer_date
        return {
            "sender": self.sender,
            "receiver": self.receiver,
            "status": self.status,
            "status_date": self.status_date.isoformat() if self.status_date else None,
            "disputed": self.disputed,
            "dispute_claims": list(self.dispute_claims),
            "roles": list(self.roles),
            "capacity": self.capacity,
            "compensation": self.compensation,
            "instrument": self.instrument,
            "facilities": list(self.facilities),
            "concerns": list(self.concerns),
            "first_transfer_date": first.isoformat() if first else None,
            "transfers": [t.to_dict() for t in self.transfers],
            "onward_transfers": [t.to_dict() for t in self.onward_transfers],
            "people_transferred": self.people_transferred,
            "period_totals": [t.to_dict() for t in self.period_totals],
            "reported_total": self.reported_total.to_dict() if self.reported_total else None,
            "status_basis": self.status_basis.to_dict() if self.status_basis else None,
            "source_count": self.source_count,
            "last_updated": self.last_updated.isoformat() if self.last_updated else None,
            "pending_claims": self.pending_claims,
            "claims": list(self.claim_ids),
        }


def standing_claims(claims: Iterable[Claim]) -> list[Claim]:
    """Accepted claims that no non-rejected correction supersedes."""
    claims = list(claims)
    superseded = {
        c.supersedes for c in claims if c.supersedes and c.review_state is not ReviewState.REJECTED
    }
    return [c for c in claims if c.review_state is ReviewState.ACCEPTED and c.id not in superseded]


def _when(claim: Claim, sources: Mapping[str, SourceInfo]) -> PartialDate | None:
    if claim.when is not None:
        return claim.when
    info = sources.get(claim.document_id or "")
    return info.published if info else None


def _sort_key(when: PartialDate | None) -> tuple[date, int]:
    if when is None:
        return (date.min, 0)
    # A day-precise date sorts after the month or year that contains it.
    order = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}
    return (when.start, order[when.precision])


def _project_status(
    arrangement: Arrangement,
    claims: list[Claim],
    sources: Mapping[str, SourceInfo],
) -> None:
    dated = sorted(
        ((_when(c, sources), c) for c in claims),
        key=lambda pair: (_sort_key(pair[0]), _SAME_DATE_ORDER[Status(pair[1].value or "")]),
    )
    current: Status | None = None
    for when, claim in dated:
        status = Status(claim.value or "")
        if (
            current in _FORWARD
            and status in _FORWARD
            and _FORWARD_INDEX[status] < _FORWARD_INDEX[current]
        ):
            continue
        if status is not current:
            # The date the current status was established, not its latest restatement.
            arrangement.status_date = when
        current = status
    arrangement.status = current.value if current else None


_FORWARD_INDEX = {s: i for i, s in enumerate(_FORWARD)}


def _project_dispute(
    arrangement: Arrangement,
    status_claims: list[Claim],
    denials: list[Claim],
    sources: Mapping[str, SourceInfo],
    rules: ProjectionRules,
) -> None:
    agreements = [c for c in status_claims if c.value in _DISPUTABLE]
    against = denials + [c for c in status_claims if c.value == Status.DENIED]
    involved: set[str] = set()
    for denial in against:
        denied_on = _when(denial, sources)
        for agreement in agreements:
            agreed_on = _when(agreement, sources)
            if denied_on is None or agreed_on is None:
                continue
            if (
                denied_on.end >= agreed_on.start
                or (agreed_on.start - denied_on.end).days <= rules.dispute_window_days
            ):
                involved.update((denial.id, agreement.id))
    arrangement.disputed = bool(involved)
    arrangement.dispute_claims = sorted(involved)


def _same_event(
    transfer: Transfer, claim: Claim, when: PartialDate | None, rules: ProjectionRules
) -> bool | None:
    """True (same event), None (same event, dates disagree) or False."""
    counts_agree = transfer.count is None or claim.count is None or transfer.count == claim.count
    facilities_agree = (
        transfer.facility is None
        or claim.facility is None
        or transfer.facility.casefold() == claim.facility.casefold()
    )
    if not (counts_agree and facilities_agree):
        return False
    if transfer.date is None or when is None:
        # Undated reports join only an event they name precisely.
        return claim.count is not None and claim.count == transfer.count
    if transfer.date.compatible(when, rules.same_event_slack_days):
        return True
    strong = (
        claim.count is not None
        and claim.count == transfer.count
        and claim.facility is not None
        and transfer.facility is not None
    )
    if strong and transfer.date.gap_days(when) <= rules.same_event_window_days:
        return None
    return False


def merge_transfers(
    claims: list[Claim],
    sources: Mapping[str, SourceInfo],
    rules: ProjectionRules,
) -> list[Transfer]:
    """Group transfer claims of one pair into distinct events."""
    events: list[Transfer] = []
    # Most precise dates first, so an event's date is the best any source gives.
    ordered = sorted(
        claims,
        key=lambda c: (0 if c.when and c.when.precision is DatePrecision.DAY else 1, c.id),
    )
    for claim in ordered:
        # An undated report does not borrow its publication date: transfers are often
        # reported long after the flight.
        when = claim.when
        info = sources.get(claim.document_id or "")
        key = info.source_key if info else claim.id
        for event in events:
            verdict = _same_event(event, claim, when, rules)
            if verdict is False:
                continue
            event.claim_ids.append(claim.id)
            event.source_keys.add(key)
            event.date_conflict = event.date_conflict or verdict is None
            if event.count is None:
                event.count = claim.count
            if event.facility is None:
                event.facility = claim.facility
            if event.date is None:
                event.date = when
            event.nationalities = tuple(sorted(set(event.nationalities) | set(claim.nationalities)))
            break
        else:
            events.append(
                Transfer(
                    sender=claim.sender or "",
                    receiver=claim.receiver or "",
                    date=when,
                    count=claim.count,
                    nationalities=tuple(sorted(set(claim.nationalities))),
                    facility=claim.facility,
                    claim_ids=[claim.id],
                    source_keys={key},
                )
            )
    events.sort(key=lambda t: _sort_key(t.date))
    return events


def project(
    claims: Iterable[Claim],
    sources: Mapping[str, SourceInfo] | None = None,
    rules: ProjectionRules | None = None,
) -> list[Arrangement]:
    """Arrangements derived from the standing claims, sorted by sender then receiver.

    Pass pending claims too (any order, any mix) to have them counted and to list the
    arrangements that so far rest on pending claims alone.
    """
    sources = sources or {}
    rules = rules or ProjectionRules()
    claims = list(claims)
    pending = _pending_by_pair(claims)
    by_pair: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    by_receiver: dict[str, list[Claim]] = defaultdict(list)
    onward_by_sender: dict[str, list[Claim]] = defaultdict(list)
    for claim in standing_claims(claims):
        if claim.kind is ClaimKind.ONWARD_TRANSFER:
            onward_by_sender[claim.sender or ""].append(claim)
        elif claim.sender and claim.receiver:
            by_pair[(claim.sender, claim.receiver)].append(claim)
        elif claim.receiver:
            by_receiver[claim.receiver].append(claim)

    arrangements = []
    for sender, receiver in sorted(set(by_pair) | set(pending)):
        pair_claims = by_pair.get((sender, receiver), [])
        if not any(c.kind in PAIR_KINDS for c in pair_claims):
            if pending[(sender, receiver)]:
                arrangements.append(
                    Arrangement(sender, receiver, pending_claims=pending[(sender, receiver)])
                )
            continue
        arrangement = _project_pair(sender, receiver, pair_claims, sources, rules)
        arrangement.pending_claims = pending[(sender, receiver)]
        _attach_receiver_claims(arrangement, by_receiver.get(receiver, []), sources)
        onward = onward_by_sender.get(receiver, [])
        arrangement.onward_transfers = merge_transfers(onward, sources, rules)
        for claim in onward:
            _note_source(arrangement, claim, sources)
        arrangements.append(arrangement)
    return arrangements


def _pending_by_pair(claims: list[Claim]) -> Counter[tuple[str, str]]:
    """Claims awaiting review that name a pair, per (sender, receiver).

    Onward moves are left out: their sender is the third country, not a party of the pair.
    """
    superseded = {
        c.supersedes for c in claims if c.supersedes and c.review_state is not ReviewState.REJECTED
    }
    return Counter(
        (c.sender, c.receiver)
        for c in claims
        if c.review_state is ReviewState.PENDING
        and c.id not in superseded
        and c.kind is not ClaimKind.ONWARD_TRANSFER
        and c.sender
        and c.receiver
    )


def _note_source(arrangement: Arrangement, claim: Claim, sources: Mapping[str, SourceInfo]) -> None:
    arrangement.claim_ids.append(claim.id)
    info = sources.get(claim.document_id or "")
    arrangement.source_keys.add(info.source_key if info else (claim.document_id or claim.id))
    # The picture last changed when a source reporting on it was published.
    when = info.published if info and info.published else claim.when
    if when is not None and (
        arrangement.last_updated is None or _sort_key(when) > _sort_key(arrangement.last_updated)
    ):
        arrangement.last_updated = when


def _latest(claims: list[Claim], sources: Mapping[str, SourceInfo]) -> Claim | None:
    if not claims:
        return None
    return max(claims, key=lambda c: _sort_key(_when(c, sources)))


def _project_pair(
    sender: str,
    receiver: str,
    claims: list[Claim],
    sources: Mapping[str, SourceInfo],
    rules: ProjectionRules,
) -> Arrangement:
    arrangement = Arrangement(sender=sender, receiver=receiver)
    by_kind: dict[ClaimKind, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_kind[claim.kind].append(claim)
        _note_source(arrangement, claim, sources)

    status_claims = by_kind[ClaimKind.ARRANGEMENT_STATUS]
    _project_status(arrangement, status_claims, sources)
    _project_dispute(arrangement, status_claims, by_kind[ClaimKind.DENIAL], sources, rules)
    arrangement.roles = sorted({c.value for c in by_kind[ClaimKind.ROLE] if c.value})
    capacity = _latest(by_kind[ClaimKind.CAPACITY], sources)
    arrangement.capacity = capacity.count if capacity else None
    paid = _latest([c for c in by_kind[ClaimKind.COMPENSATION] if c.amount is not None], sources)
    if paid is not None and paid.amount is not None:
        amount: Decimal = paid.amount
        arrangement.compensation = {
            "amount": int(amount) if amount == amount.to_integral_value() else float(amount),
            "currency": paid.currency,
        }
    instrument = _latest(by_kind[ClaimKind.INSTRUMENT], sources)
    arrangement.instrument = instrument.value if instrument else None
    arrangement.transfers = merge_transfers(by_kind[ClaimKind.TRANSFER], sources, rules)
    arrangement.period_totals = merge_totals(
        by_kind[ClaimKind.PERIOD_TOTAL], lambda c: _source_key(c, sources)
    )
    arrangement.reported_total = reported_total(arrangement.period_totals)
    arrangement.status_basis = _status_basis(arrangement, status_claims, sources)
    arrangement.concerns = sorted({c.value for c in by_kind[ClaimKind.CONCERN] if c.value})
    named = {c.facility for c in claims if c.facility}
    arrangement.facilities = sorted(named)
    return arrangement


def _source_key(claim: Claim, sources: Mapping[str, SourceInfo]) -> str:
    info = sources.get(claim.document_id or "")
    return info.source_key if info else (claim.document_id or claim.id)


def _status_basis(
    arrangement: Arrangement, status_claims: list[Claim], sources: Mapping[str, SourceInfo]
) -> StatusBasis | None:
    status = arrangement.status
    if status is None:
        return None
    stating = {_source_key(c, sources) for c in status_claims if c.value == status}
    since = arrangement.status_date
    if status != Status.IMPLEMENTED.value:
        return StatusBasis(status, BasisKind.STATUS_REPORTED, since, len(stating))
    counted = [t for t in arrangement.transfers if t.count is not None]
    unsized = len(arrangement.transfers) - len(counted)
    if counted:
        keys = set().union(*(t.source_keys for t in arrangement.transfers))
        return StatusBasis(
            status,
            BasisKind.PEOPLE_IN_TRANSFERS,
            since,
            len(keys),
            people=sum(t.count or 0 for t in counted),
            transfers=len(counted),
            unsized_transfers=unsized,
            first_arrival=arrangement.first_transfer_date,
        )
    total = arrangement.reported_total
    if total is not None:
        return StatusBasis(
            status,
            BasisKind.REPORTED_TOTAL,
            since,
            total.sources,
            unsized_transfers=unsized,
            first_arrival=arrangement.first_transfer_date,
            total=total,
        )
    keys = stating.union(*(t.source_keys for t in arrangement.transfers))
    return StatusBasis(
        status,
        BasisKind.NUMBER_NOT_REPORTED,
        since,
        len(keys),
        unsized_transfers=unsized,
        first_arrival=arrangement.first_transfer_date or since,
    )


def _attach_receiver_claims(
    arrangement: Arrangement, claims: list[Claim], sources: Mapping[str, SourceInfo]
) -> None:
    """Facility and concern claims that name only the receiving country."""
    for claim in claims:
        _note_source(arrangement, claim, sources)
        if claim.facility and claim.facility not in arrangement.facilities:
            arrangement.facilities.append(claim.facility)
        if (
            claim.kind is ClaimKind.CONCERN
            and claim.value
            and claim.value not in arrangement.concerns
        ):
            arrangement.concerns.append(claim.value)
    arrangement.facilities.sort()
    arrangement.concerns.sort()
