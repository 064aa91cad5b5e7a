"""Response models of the JSON API: the OpenAPI document is generated from them.

Responses are built from the public snapshot and passed through these models before they
are cached, so a body that drifts from its documented shape fails loudly in the tests
(``extra="forbid"``) instead of surprising a client. Claims and documents omit unset
fields, as the claim contract says; the other resources always carry every field.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer

from thirdcountry.domain.countries import all_countries
from thirdcountry.domain.vocabulary import ClaimKind, CountQualifier, DatePrecision, DocumentKind

# Every code the API accepts and returns, so clients (and schemathesis) see the whole set.
CountryCode = StrEnum(  # type: ignore[misc]
    "CountryCode", {country.code: country.code for country in all_countries()}
)

PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Sparse(_Model):
    """A model whose unset (None) fields are left out of the JSON."""

    @model_serializer(mode="wrap")
    def _omit_unset(self, handler: Any) -> dict[str, Any]:
        return {k: v for k, v in handler(self).items() if v is not None}


class ErrorDetail(_Model):
    status: int = Field(description="The HTTP status code.")
    code: str = Field(description="A short machine-readable name: badinput, notfound, http…")
    message: str = Field(description="What went wrong, in one line.")


class ErrorBody(_Model):
    error: ErrorDetail


class Name(_Model):
    en: str
    es: str


class Money(_Model):
    amount: int | float
    currency: str | None


class TransferOut(_Model):
    id: str = Field(description="Stable id of the event: the id of its earliest claim.")
    kind: Literal["transfer", "onward_transfer"]
    sender: str
    receiver: str
    date: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD.")
    count: int | None = Field(description="People moved, when any source says.")
    nationalities: list[str]
    facility: str | None
    sources: int = Field(description="Independent sources reporting the event.")
    date_conflict: bool = Field(description="Sources agree on the event but not on its date.")
    claims: list[str]


class PeriodTotalOut(_Model):
    """A reported total of people over a period: never a transfer, never added to one."""

    sender: str
    receiver: str
    count: int
    count_qualifier: CountQualifier
    period_start: str = Field(pattern=PARTIAL_DATE)
    period_end: str = Field(pattern=PARTIAL_DATE)
    nationalities: list[str]
    sources: int = Field(description="Independent sources stating this total.")
    claims: list[str]


class ReportedTotalOut(_Model):
    """The largest sum of the arrangement's totals no two of which overlap."""

    count: int
    count_qualifier: CountQualifier = Field(description="As loose as its loosest part.")
    period_start: str = Field(pattern=PARTIAL_DATE)
    period_end: str = Field(pattern=PARTIAL_DATE)
    sources: int
    totals: int = Field(description="How many non-overlapping totals it adds up.")
    claims: list[str]


class StatusBasisOut(_Model):
    """What the status rests on (docs/methodology.md, status basis)."""

    status: str
    kind: Literal["people_in_transfers", "reported_total", "number_not_reported", "status_reported"]
    since: str | None
    sources: int = Field(description="Independent sources of what the basis counts.")
    people: int = Field(description="People in distinct transfers with a count.")
    transfers: int = Field(description="Distinct transfers with a count.")
    unsized_transfers: int
    first_arrival: str | None
    people_reported: bool = Field(
        description="Implemented, and a number of people is reported (transfers or a total)."
    )
    text: str = Field(description="The basis in one English line.")


class ArrangementSummary(_Model):
    """An arrangement as lists show it: figures and counts; the detail adds the claims."""

    sender: str
    receiver: str
    status: str | None = Field(description="Current status, projected from accepted claims.")
    status_date: str | None
    disputed: bool = Field(description="A denial stands against an agreement claim.")
    roles: list[str]
    capacity: int | None
    compensation: Money | None
    instrument: str | None
    facilities: list[str]
    concerns: list[str]
    first_transfer_date: str | None
    people_transferred: int = Field(description="People in distinct transfers; no total is added.")
    reported_total: ReportedTotalOut | None
    status_basis: StatusBasisOut | None
    source_count: int
    last_updated: str | None
    transfer_count: int = Field(description="Distinct transfer events.")
    onward_transfer_count: int
    claim_count: int = Field(description="Accepted claims behind the arrangement.")


class ArrangementOut(ArrangementSummary):
    """One arrangement with its transfers and the ids of every claim behind it."""

    dispute_claims: list[str]
    transfers: list[TransferOut]
    onward_transfers: list[TransferOut]
    period_totals: list[PeriodTotalOut]
    claims: list[str]


class CountryOut(_Model):
    code: str
    name: Name
    role: Literal["sender", "receiver", "both"]
    status: str | None = Field(
        description="Headline status as a receiving country: the most consequential of its "
        "arrangements (implemented, agreed, suspended, negotiating, requested, ended, "
        "refused, denied)."
    )
    disputed: bool
    senders: list[str]
    receivers: list[str]
    people_received: int
    people_sent: int
    transfers_received: int
    transfers_sent: int


class FacilityOut(_Model):
    id: str
    name: str
    country: str
    senders: list[str]
    concerns: list[str]
    people_transferred: int
    transfers: list[str]
    claims: list[str]


class CountryDetail(CountryOut):
    arrangements: list[ArrangementSummary]
    facilities: list[FacilityOut]


class ClaimOut(_Sparse):
    """A claim in the contract's JSON form (docs/claims.md); unset fields are omitted."""

    id: str
    kind: ClaimKind
    sender: str | None = None
    receiver: str | None = None
    value: str | None = None
    count: int | None = None
    count_qualifier: CountQualifier | None = None
    nationalities: list[str] | None = None
    amount: int | float | None = None
    currency: str | None = None
    facility: str | None = None
    date: str | None = Field(default=None, pattern=PARTIAL_DATE)
    date_precision: DatePrecision | None = None
    period_start: str | None = Field(default=None, pattern=PARTIAL_DATE)
    period_start_precision: DatePrecision | None = None
    period_end: str | None = Field(default=None, pattern=PARTIAL_DATE)
    period_end_precision: DatePrecision | None = None
    document_id: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    quote: str | None = None
    extractor: str | None = None
    confidence: float | None = None
    review_state: Literal["accepted"]
    reviewer: str | None = None
    # Kept as the contract writes it (ISO 8601 with its offset), not re-serialised.
    reviewed_at: str | None = Field(default=None, json_schema_extra={"format": "date-time"})
    review_note: str | None = None
    supersedes: str | None = None
    superseded_by: str | None = Field(
        default=None, description="Only in history: the claim that corrected this one."
    )


class DocumentOut(_Sparse):
    """A source's metadata. Its text is not republished."""

    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, pattern=PARTIAL_DATE)
    language: str | None = None
    kind: DocumentKind
    author: str | None = None
    content_hash: str | None = None
    source_id: str | None = Field(
        default=None, description="The original this document is a copy of."
    )
    claims: int = Field(description="Public claims citing this document.")


class DocumentDetail(DocumentOut):
    claim_ids: list[str]


class _Page(_Model):
    total: int = Field(description="Items matching the filters, over all pages.")
    limit: int
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page.")
    next: str | None = Field(description="The next page's URL, or null on the last page.")


class CountryPage(_Page):
    items: list[CountryOut]


class ArrangementPage(_Page):
    items: list[ArrangementSummary]


class ClaimPage(_Page):
    items: list[ClaimOut]


class DocumentPage(_Page):
    items: list[DocumentOut]


class TransferPage(_Page):
    items: list[TransferOut]


class FacilityPage(_Page):
    items: list[FacilityOut]


class Counts(_Model):
    countries: int
    arrangements: int
    arrangements_with_status: int = Field(description="Arrangements whose claims set a status.")
    claims: int
    documents: int
    transfers: int
    facilities: int


class ApiIndex(_Model):
    name: str
    api_version: str
    software_version: str
    dataset: dict[str, Any] = Field(description="Name, version and licence of the dataset.")
    data_version: str = Field(description="Changes whenever the public data changes.")
    last_modified: datetime | None
    counts: Counts
    summary: dict[str, str] = Field(
        description='The counts in words, by language: "48 arrangements, 45 with a status".'
    )
    endpoints: dict[str, str]
