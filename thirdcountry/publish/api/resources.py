"""The API's resources over a public snapshot: filters, sort keys and JSON forms.

Nothing here knows about HTTP, so the live API and the static site's JSON copy build the
same bodies from the same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from thirdcountry import __version__
from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import get_country
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.documents import Document
from thirdcountry.domain.errors import BadInput, NotFound
from thirdcountry.domain.projection import Arrangement
from thirdcountry.domain.tally import tally, tally_sentence
from thirdcountry.publish.api import models
from thirdcountry.publish.api.pagination import Key
from thirdcountry.publish.browse import ClaimIndex, ClaimQuery
from thirdcountry.store.public import CountrySummary, Facility, PublicData, PublicTransfer

API_VERSION = "v1"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Collection(Generic[T]):
    """A list resource: where its items come from, how they sort, what a page looks like."""

    name: str
    key: Callable[[T], Key]
    width: int
    to_dict: Callable[[PublicData, T], dict[str, Any]]
    page_model: type[BaseModel]


# -- date ranges and places -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateRange:
    """``date_from``/``date_to`` filters; partial dates cover their whole period."""

    start: date | None = None
    end: date | None = None

    @classmethod
    def parse(cls, date_from: str | None, date_to: str | None) -> DateRange:
        start = _partial(date_from, "date_from").start if date_from else None
        end = _partial(date_to, "date_to").end if date_to else None
        if start is not None and end is not None and start > end:
            raise BadInput(f"date_from {date_from} is after date_to {date_to}")
        return cls(start, end)

    @property
    def active(self) -> bool:
        return self.start is not None or self.end is not None

    def overlaps(self, when: PartialDate | None) -> bool:
        """True when the period ``when`` meets the range; undated things never do."""
        if not self.active:
            return True
        if when is None:
            return False
        if self.start is not None and when.end < self.start:
            return False
        return not (self.end is not None and when.start > self.end)


@dataclass(frozen=True, slots=True)
class Places:
    """``sender``/``receiver``/``country`` filters; ``country`` is either side."""

    sender: str | None = None
    receiver: str | None = None
    country: str | None = None

    def admit(self, sender: str | None, receiver: str | None) -> bool:
        return (
            (self.sender is None or sender == self.sender)
            and (self.receiver is None or receiver == self.receiver)
            and (self.country is None or self.country in (sender, receiver))
        )


def _partial(raw: str, name: str) -> PartialDate:
    try:
        return PartialDate.parse(raw)
    except BadInput as exc:
        raise BadInput(f"{name}: {exc}") from None


def country_code(raw: str | None) -> str | None:
    return get_country(raw).code if raw else None


# -- JSON forms -----------------------------------------------------------------------


def transfer_dict(_data: PublicData | None, transfer: PublicTransfer) -> dict[str, Any]:
    return transfer.to_dict()


_DETAIL_ONLY = ("dispute_claims", "transfers", "onward_transfers", "period_totals", "claims")


def arrangement_dict(_data: PublicData | None, arrangement: Arrangement) -> dict[str, Any]:
    """The full form: transfers (with their ids) and every claim id."""
    out = arrangement.to_dict()
    # The public API speaks of accepted claims only; what awaits review is not its business.
    out.pop("pending_claims", None)
    for field_name, kind in (("transfers", "transfer"), ("onward_transfers", "onward_transfer")):
        out[field_name] = [
            {"id": min(item["claims"]), "kind": kind, **item} for item in out[field_name]
        ]
    out["transfer_count"] = len(arrangement.transfers)
    out["onward_transfer_count"] = len(arrangement.onward_transfers)
    out["claim_count"] = len(arrangement.claim_ids)
    return out


def arrangement_summary(data: PublicData | None, arrangement: Arrangement) -> dict[str, Any]:
    """The list form: lists of ids stay in the detail, where a page holds one arrangement."""
    full = arrangement_dict(data, arrangement)
    return {k: v for k, v in full.items() if k not in _DETAIL_ONLY}


def country_dict(_data: PublicData | None, country: CountrySummary) -> dict[str, Any]:
    return country.to_dict()


def facility_dict(_data: PublicData | None, facility: Facility) -> dict[str, Any]:
    return facility.to_dict()


def claim_dict(data: PublicData, claim: Claim) -> dict[str, Any]:
    out = claim.to_dict()
    successor = data.superseded_by.get(claim.id)
    if successor is not None:
        out["superseded_by"] = successor
    return out


def document_dict(data: PublicData, document: Document) -> dict[str, Any]:
    return {**document.to_dict(), "claims": len(data.document_claims.get(document.id, ()))}


COUNTRIES: Collection[CountrySummary] = Collection(
    "countries", lambda c: (c.code,), 1, country_dict, models.CountryPage
)
ARRANGEMENTS: Collection[Arrangement] = Collection(
    "arrangements",
    lambda a: (a.sender, a.receiver),
    2,
    arrangement_summary,
    models.ArrangementPage,
)
CLAIMS: Collection[Claim] = Collection("claims", lambda c: (c.id,), 1, claim_dict, models.ClaimPage)
DOCUMENTS: Collection[Document] = Collection(
    "documents", lambda d: (d.id,), 1, document_dict, models.DocumentPage
)
TRANSFERS: Collection[PublicTransfer] = Collection(
    "transfers",
    lambda t: (t.event.date.isoformat() if t.event.date else "", t.id),
    2,
    transfer_dict,
    models.TransferPage,
)
FACILITIES: Collection[Facility] = Collection(
    "facilities", lambda f: (f.country, f.id), 2, facility_dict, models.FacilityPage
)


# -- filters --------------------------------------------------------------------------


def countries(
    data: PublicData, *, role: str | None = None, status: str | None = None
) -> list[CountrySummary]:
    return [
        c
        for c in data.countries
        if (role is None or c.role == role or (c.role == "both" and role != "both"))
        and (status is None or c.status == status)
    ]


def arrangements(
    data: PublicData,
    *,
    places: Places | None = None,
    status: str | None = None,
    disputed: bool | None = None,
) -> list[Arrangement]:
    places = places or Places()
    return [
        a
        for a in data.arrangements
        if places.admit(a.sender, a.receiver)
        and (status is None or a.status == status)
        and (disputed is None or a.disputed == disputed)
    ]


def claims(
    data: PublicData,
    *,
    kind: str | None = None,
    places: Places | None = None,
    document: str | None = None,
    dates: DateRange | None = None,
    history: bool = False,
    browse: ClaimQuery | None = None,
) -> list[Claim]:
    source: Sequence[Claim] = data.claims
    if history and data.history:
        source = sorted([*data.claims, *data.history], key=lambda c: c.id)
    if browse is not None and browse.active:
        # The claims browser's own filters (value, outlet, language, year), same meaning.
        source = ClaimIndex(source, {d.id: d for d in data.documents}).filter(browse)
    places, dates = places or Places(), dates or DateRange()
    return [
        c
        for c in source
        if (kind is None or c.kind == kind)
        and places.admit(c.sender, c.receiver)
        and (document is None or c.document_id == document)
        and dates.overlaps(c.when)
    ]


def documents(
    data: PublicData, *, kind: str | None = None, language: str | None = None
) -> list[Document]:
    return [
        d
        for d in data.documents
        if (kind is None or d.kind == kind) and (language is None or d.language == language)
    ]


def transfers(
    data: PublicData,
    *,
    kind: str | None = None,
    places: Places | None = None,
    dates: DateRange | None = None,
) -> list[PublicTransfer]:
    places, dates = places or Places(), dates or DateRange()
    return [
        t
        for t in data.transfers
        if (kind is None or t.kind == kind)
        and places.admit(t.event.sender, t.event.receiver)
        and dates.overlaps(t.event.date)
    ]


def facilities(data: PublicData, *, country: str | None = None) -> list[Facility]:
    return [f for f in data.facilities if country is None or f.country == country]


# -- single items ---------------------------------------------------------------------


def country_detail(data: PublicData, code: str) -> dict[str, Any]:
    found = next((c for c in data.countries if c.code == code), None)
    if found is None:
        country = get_country(code)
        found = CountrySummary(country.code, country.name_en, country.name_es)
    return {
        **found.to_dict(),
        "arrangements": [
            arrangement_summary(data, a) for a in arrangements(data, places=Places(country=code))
        ],
        "facilities": [facility_dict(data, f) for f in facilities(data, country=code)],
    }


def arrangement_detail(data: PublicData, sender: str, receiver: str) -> dict[str, Any]:
    found = data.arrangement(sender, receiver)
    if found is None:
        raise NotFound(f"no arrangement from {sender} to {receiver} in the public data")
    return arrangement_dict(data, found)


def claim_detail(data: PublicData, claim_id: str, *, history: bool = False) -> dict[str, Any]:
    for source in (data.claims, data.history):
        found = _by_id(source, claim_id, lambda c: c.id)
        if found is None:
            continue
        successor = data.superseded_by.get(found.id)
        if successor is not None and not history:
            raise NotFound(
                f"claim {claim_id} was corrected by claim {successor}; "
                "add history=true to see the superseded claim"
            )
        return claim_dict(data, found)
    raise NotFound(f"no public claim with id {claim_id!r}")


def document_detail(data: PublicData, document_id: str) -> dict[str, Any]:
    found = _by_id(data.documents, document_id, lambda d: d.id)
    if found is None:
        raise NotFound(f"no public document with id {document_id!r}")
    return {**document_dict(data, found), "claim_ids": data.document_claims.get(found.id, [])}


def transfer_detail(data: PublicData, transfer_id: str) -> dict[str, Any]:
    found = next((t for t in data.transfers if t.id == transfer_id), None)
    if found is None:
        raise NotFound(f"no public transfer with id {transfer_id!r}")
    return found.to_dict()


def facility_detail(data: PublicData, facility_id: str) -> dict[str, Any]:
    found = next((f for f in data.facilities if f.id == facility_id), None)
    if found is None:
        raise NotFound(f"no facility with id {facility_id!r}")
    return found.to_dict()


def _by_id(items: Sequence[T], wanted: str, ident: Callable[[T], str]) -> T | None:
    # Lists sorted by id: binary search instead of a scan of every claim.
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if ident(items[middle]) < wanted:
            low = middle + 1
        else:
            high = middle
    if low < len(items) and ident(items[low]) == wanted:
        return items[low]
    return None


def index(data: PublicData, base: str) -> dict[str, Any]:
    return {
        "name": "thirdcountry",
        "api_version": API_VERSION,
        "software_version": __version__,
        "dataset": data.dataset,
        "data_version": data.version,
        "last_modified": data.last_modified,
        "counts": data.counts(),
        "summary": {lang: tally_sentence(tally(data.arrangements), lang) for lang in ("en", "es")},
        "endpoints": {
            name: f"{base}{name}"
            for name in (
                "countries",
                "arrangements",
                "claims",
                "documents",
                "transfers",
                "facilities",
                "openapi.json",
                "docs",
            )
        },
    }
