"""Claim kinds and the value vocabularies of the claim contract (DESIGN.md)."""

from __future__ import annotations

from enum import StrEnum


class ClaimKind(StrEnum):
    ARRANGEMENT_STATUS = "arrangement_status"
    ROLE = "role"
    CAPACITY = "capacity"
    COMPENSATION = "compensation"
    INSTRUMENT = "instrument"
    TRANSFER = "transfer"
    ONWARD_TRANSFER = "onward_transfer"
    FACILITY = "facility"
    DENIAL = "denial"
    CONCERN = "concern"
    # N people sent over a period (an official cumulative or monthly figure): never a
    # transfer, never added to one (docs/methodology.md).
    PERIOD_TOTAL = "period_total"


class Status(StrEnum):
    REQUESTED = "requested"
    NEGOTIATING = "negotiating"
    AGREED = "agreed"
    IMPLEMENTED = "implemented"
    SUSPENDED = "suspended"
    ENDED = "ended"
    DENIED = "denied"
    REFUSED = "refused"


class Role(StrEnum):
    DETENTION = "detention"
    TEMPORARY_STAY_THEN_RETURN = "temporary_stay_then_return"
    PROTECTION_OR_RESETTLEMENT = "protection_or_resettlement"
    TRANSIT_STOPOVER = "transit_stopover"
    ONWARD_REMOVAL = "onward_removal"


class Instrument(StrEnum):
    SAFE_THIRD_COUNTRY_AGREEMENT = "safe_third_country_agreement"
    ASYLUM_COOPERATION_AGREEMENT = "asylum_cooperation_agreement"
    MEMORANDUM_OF_UNDERSTANDING = "memorandum_of_understanding"
    UNDISCLOSED = "undisclosed"
    OTHER = "other"


class Concern(StrEnum):
    ABUSE = "abuse"
    INCOMMUNICADO = "incommunicado"
    REFOULEMENT = "refoulement"
    DUE_PROCESS = "due_process"
    DEATH = "death"
    OTHER = "other"


class Denier(StrEnum):
    """Who denies, for ``denial`` claims: the party whose government issued the denial."""

    RECEIVER = "receiver"
    SENDER = "sender"
    BOTH = "both"


class CountQualifier(StrEnum):
    """How a reported total states its figure: exactly, as a lower bound, or rounded."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    ABOUT = "about"


class ReviewState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DocumentKind(StrEnum):
    NEWS = "news"
    GOVERNMENT = "government"
    COURT = "court"
    NGO = "ngo"
    OTHER = "other"


# The vocabulary of ``value`` for each kind; kinds absent here carry no value.
VALUES_BY_KIND: dict[ClaimKind, type[StrEnum]] = {
    ClaimKind.ARRANGEMENT_STATUS: Status,
    ClaimKind.ROLE: Role,
    ClaimKind.INSTRUMENT: Instrument,
    ClaimKind.CONCERN: Concern,
    ClaimKind.DENIAL: Denier,
}

# Kinds whose value is required (the others may omit it).
VALUE_REQUIRED = frozenset(
    {ClaimKind.ARRANGEMENT_STATUS, ClaimKind.ROLE, ClaimKind.INSTRUMENT, ClaimKind.CONCERN}
)

# Kinds that describe a pair of states and therefore need both sender and receiver.
PAIR_KINDS = frozenset(
    {
        ClaimKind.ARRANGEMENT_STATUS,
        ClaimKind.ROLE,
        ClaimKind.CAPACITY,
        ClaimKind.COMPENSATION,
        ClaimKind.INSTRUMENT,
        ClaimKind.TRANSFER,
        ClaimKind.ONWARD_TRANSFER,
        ClaimKind.DENIAL,
        ClaimKind.PERIOD_TOTAL,
    }
)

# How far along a deal is; used to order statuses that share a date.
STATUS_STAGE: dict[Status, int] = {
    Status.REQUESTED: 1,
    Status.NEGOTIATING: 2,
    Status.AGREED: 3,
    Status.IMPLEMENTED: 4,
    Status.SUSPENDED: 5,
    Status.ENDED: 6,
    Status.DENIED: 0,
    Status.REFUSED: 0,
}
