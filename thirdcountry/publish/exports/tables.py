"""The public data as flat tables: one definition feeds CSV, the Data Package and SQLite.

Each column is declared once with its type and meaning, so the CSV header, the Table
Schema of ``datapackage.json`` and the documented SQLite columns cannot disagree.
Lists (roles, claim ids…) are joined with ``;`` in one cell, which spreadsheets read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from thirdcountry.data import bundled_labels
from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import get_country
from thirdcountry.domain.documents import Document
from thirdcountry.domain.labels import VALUE_VOCABULARY, VOCABULARIES
from thirdcountry.domain.totals import ReportedTotal
from thirdcountry.store.public import PublicData, PublicTransfer

ColumnType = Literal["string", "integer", "number", "boolean", "datetime"]
PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
SEPARATOR = ";"


class _Dated(Protocol):
    def isoformat(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType
    description: str
    required: bool = False
    pattern: str | None = None
    # The label table's vocabulary its cells are codes of (``VALUES``: a claim's value, from
    # the vocabulary of its kind); the data package gives them as an enum and labels them.
    codes: str | None = None
    listed: bool = False  # several values in one cell, joined with SEPARATOR


# ``Column.codes`` of a claim's value: the codes of every value vocabulary.
VALUES = "value"


@dataclass(frozen=True, slots=True)
class ForeignKey:
    column: str
    table: str
    target: str


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: str
    rows: Callable[[PublicData], Iterable[dict[str, Any]]]
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)

    def records(self, data: PublicData) -> list[list[Any]]:
        """Rows as lists in column order, values as Python scalars (None when unknown)."""
        return self.records_of(self.rows(data))

    def records_of(self, rows: Iterable[dict[str, Any]]) -> list[list[Any]]:
        """Given rows (a filtered view, say) as lists in this table's column order."""
        names = [c.name for c in self.columns]
        return [[row.get(name) for name in names] for row in rows]


def joined(values: Iterable[str]) -> str | None:
    items = list(values)
    return SEPARATOR.join(items) if items else None


def iso(value: _Dated | None) -> str | None:
    return value.isoformat() if value else None


def timestamp(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _code(name: str, what: str, required: bool = False) -> Column:
    return Column(name, "string", what, required, r"^[A-Z]{2}$")


def _list(name: str, what: str, codes: str | None = None) -> Column:
    return Column(name, "string", f"{what}, separated by '{SEPARATOR}'", codes=codes, listed=True)


def _date(name: str, what: str) -> Column:
    return Column(name, "string", f"{what} (YYYY, YYYY-MM or YYYY-MM-DD)", pattern=PARTIAL_DATE)


def _name(code: str, language: str) -> str:
    country = get_country(code)
    return country.name_es if language == "es" else country.name_en


# -- rows -----------------------------------------------------------------------------


def _arrangement_rows(data: PublicData) -> Iterable[dict[str, Any]]:
    for a in data.arrangements:
        yield {
            "key": a.key,
            "sender": a.sender,
            "receiver": a.receiver,
            "sender_name": _name(a.sender, "en"),
            "receiver_name": _name(a.receiver, "en"),
            "status": a.status,
            "status_date": iso(a.status_date),
            "disputed": a.disputed,
            "roles": joined(a.roles),
            "capacity": a.capacity,
            "compensation_amount": a.compensation["amount"] if a.compensation else None,
            "compensation_currency": a.compensation["currency"] if a.compensation else None,
            "instrument": a.instrument,
            "facilities": joined(a.facilities),
            "concerns": joined(a.concerns),
            "transfers": len(a.transfers),
            "first_transfer_date": iso(a.first_transfer_date),
            "people_transferred": a.people_transferred,
            **_total_cells(a.reported_total),
            "status_basis": a.status_basis.kind if a.status_basis else None,
            "status_basis_text": a.status_basis.text() if a.status_basis else None,
            "onward_transfers": len(a.onward_transfers),
            "source_count": a.source_count,
            "last_updated": iso(a.last_updated),
            "claims": joined(a.claim_ids),
        }


def _total_cells(total: ReportedTotal | None) -> dict[str, Any]:
    return {
        "reported_total": total.count if total else None,
        "reported_total_qualifier": total.qualifier.value if total else None,
        "reported_total_start": iso(total.start) if total else None,
        "reported_total_end": iso(total.end) if total else None,
        "reported_total_sources": total.sources if total else None,
    }


def _claim_rows(data: PublicData) -> Iterable[dict[str, Any]]:
    return (claim_row(c) for c in data.claims)


def claim_row(c: Claim) -> dict[str, Any]:
    """One claim as a row of the claims table."""
    return {
        "id": c.id,
        "kind": c.kind.value,
        "sender": c.sender,
        "receiver": c.receiver,
        "value": c.value,
        "count": c.count,
        "count_qualifier": c.count_qualifier.value if c.count_qualifier else None,
        "nationalities": joined(c.nationalities),
        "amount": float(c.amount) if c.amount is not None else None,
        "currency": c.currency,
        "facility": c.facility,
        "date": iso(c.when),
        "date_precision": c.date_precision.value if c.date_precision else None,
        "period_start": iso(c.period_from),
        "period_end": iso(c.period_to),
        "document_id": c.document_id,
        "evidence_start": c.evidence_start,
        "evidence_end": c.evidence_end,
        "quote": c.quote,
        "extractor": c.extractor,
        "confidence": c.confidence,
        "reviewer": c.reviewer,
        "reviewed_at": timestamp(c.reviewed_at),
        "review_note": c.review_note,
        "supersedes": c.supersedes,
    }


def _transfer_rows(data: PublicData) -> Iterable[dict[str, Any]]:
    return (transfer_row(t) for t in data.transfers)


def transfer_row(t: PublicTransfer) -> dict[str, Any]:
    """One transfer event as a row of the transfers table."""
    event = t.event
    return {
        "id": t.id,
        "kind": t.kind,
        "sender": event.sender,
        "receiver": event.receiver,
        "date": iso(event.date),
        "count": event.count,
        "nationalities": joined(event.nationalities),
        "facility": event.facility,
        "sources": event.sources,
        "date_conflict": event.date_conflict,
        "claims": joined(event.claim_ids),
    }


def _document_rows(data: PublicData) -> Iterable[dict[str, Any]]:
    return (document_row(d, len(data.document_claims.get(d.id, ()))) for d in data.documents)


def document_row(d: Document, claims: int) -> dict[str, Any]:
    """One source as a row of the documents table, with how many claims cite it."""
    return {
        "id": d.id,
        "url": d.url,
        "outlet": d.outlet,
        "title": d.title,
        "published": iso(d.published_date),
        "language": d.language,
        "kind": d.kind.value,
        "author": d.author,
        "content_hash": d.content_hash,
        "source_id": d.source_id,
        "claims": claims,
    }


def _facility_rows(data: PublicData) -> Iterable[dict[str, Any]]:
    for f in data.facilities:
        yield {
            "id": f.id,
            "name": f.name,
            "country": f.country,
            "senders": joined(sorted(f.senders)),
            "concerns": joined(sorted(f.concerns)),
            "people_transferred": f.people_transferred,
            "transfers": joined(f.transfer_ids),
            "claims": joined(f.claim_ids),
        }


def _country_rows(data: PublicData) -> Iterable[dict[str, Any]]:
    for c in data.countries:
        yield {
            "code": c.code,
            "name_en": c.name_en,
            "name_es": c.name_es,
            "role": c.role,
            "status": c.status,
            "disputed": c.disputed,
            "senders": joined(c.senders),
            "receivers": joined(c.receivers),
            "people_received": c.people_received,
            "people_sent": c.people_sent,
            "transfers_received": c.transfers_received,
            "transfers_sent": c.transfers_sent,
        }


# -- the tables -----------------------------------------------------------------------

_CLAIM_IDS = "Ids of the accepted claims behind it"

ARRANGEMENTS = Table(
    "arrangements",
    "Arrangements",
    "One row per (sender, receiver) pair, projected from accepted claims.",
    (
        Column("key", "string", "SENDER-RECEIVER, e.g. US-SV", True),
        _code("sender", "Sending state, ISO 3166-1 alpha-2 (XK is Kosovo)", True),
        _code("receiver", "Receiving state, ISO 3166-1 alpha-2 (XK is Kosovo)", True),
        Column("sender_name", "string", "Sending state's English name (CLDR)"),
        Column("receiver_name", "string", "Receiving state's English name (CLDR)"),
        Column("status", "string", "Current status (latest accepted status claim)", codes="status"),
        _date("status_date", "When the current status was established"),
        Column("disputed", "boolean", "A denial stands against an agreement claim", True),
        _list("roles", "Roles of the receiver", "role"),
        Column("capacity", "integer", "Cap on people, latest accepted capacity claim"),
        Column("compensation_amount", "number", "Money paid to the receiver, latest claim"),
        Column("compensation_currency", "string", "ISO 4217 currency of the compensation"),
        Column("instrument", "string", "Legal instrument of the arrangement", codes="instrument"),
        _list("facilities", "Facilities named"),
        _list("concerns", "Reported harms", "concern"),
        Column("transfers", "integer", "Distinct transfer events", True),
        _date("first_transfer_date", "Date of the earliest dated transfer"),
        Column(
            "people_transferred",
            "integer",
            "People moved, summed over distinct events (no reported total is added)",
            True,
        ),
        Column(
            "reported_total",
            "integer",
            "Largest sum of reported period totals whose periods do not overlap; never a transfer",
        ),
        Column(
            "reported_total_qualifier",
            "string",
            "exact, at_least or about",
            codes="count_qualifier",
        ),
        _date("reported_total_start", "First day, month or year the reported total counts"),
        _date("reported_total_end", "Last day, month or year the reported total counts"),
        Column("reported_total_sources", "integer", "Independent sources of the reported total"),
        Column(
            "status_basis",
            "string",
            "What the status rests on: people_in_transfers, reported_total, "
            "number_not_reported or status_reported",
        ),
        Column("status_basis_text", "string", "The status basis in one English line"),
        Column("onward_transfers", "integer", "Distinct onward transfers from the receiver", True),
        Column("source_count", "integer", "Independent sources (copies count once)", True),
        _date("last_updated", "Publication date of the newest source about it"),
        _list("claims", _CLAIM_IDS),
    ),
    "key",
    _arrangement_rows,
)

DOCUMENTS = Table(
    "documents",
    "Documents",
    "Sources cited by accepted claims (metadata only; their text is not republished).",
    (
        Column("id", "string", "Document id", True),
        Column("url", "string", "Where the source was published"),
        Column("outlet", "string", "Publisher"),
        Column("title", "string", "Title"),
        _date("published", "Publication date"),
        Column("language", "string", "Language code"),
        Column(
            "kind", "string", "news, government, court, ngo or other", True, codes="document_kind"
        ),
        Column("author", "string", "Author"),
        Column("content_hash", "string", "SHA-256 of the stored text"),
        Column("source_id", "string", "The original this document is a copy of"),
        Column("claims", "integer", "Accepted claims citing it", True),
    ),
    "id",
    _document_rows,
    (ForeignKey("source_id", "documents", "id"),),
)

CLAIMS = Table(
    "claims",
    "Claims",
    "Accepted claims that no correction superseded, in the claim contract's fields.",
    (
        Column("id", "string", "Claim id (UUIDv7, time-ordered)", True),
        Column("kind", "string", "Claim kind (docs/claims.md)", True, codes="kind"),
        _code("sender", "Sending state"),
        _code("receiver", "Receiving state", True),
        Column("value", "string", "Value from the kind's vocabulary", codes=VALUES),
        Column("count", "integer", "People"),
        Column(
            "count_qualifier",
            "string",
            "period_total: exact, at_least or about",
            codes="count_qualifier",
        ),
        _list("nationalities", "Nationalities of the people moved"),
        Column("amount", "number", "Money"),
        Column("currency", "string", "ISO 4217 currency"),
        Column("facility", "string", "Facility named"),
        _date("date", "When the asserted thing happened"),
        Column("date_precision", "string", "day, month or year", codes="date_precision"),
        _date("period_start", "period_total: the first day, month or year it counts"),
        _date("period_end", "period_total: the last day, month or year it counts"),
        Column("document_id", "string", "The source stating it"),
        Column("evidence_start", "integer", "Start offset of the evidence in the source text"),
        Column("evidence_end", "integer", "End offset of the evidence in the source text"),
        Column("quote", "string", "The evidence, quoted"),
        Column("extractor", "string", "Rule set or person that proposed it"),
        Column("confidence", "number", "How sure the extractor was (0-1)"),
        Column("reviewer", "string", "Who accepted it"),
        Column("reviewed_at", "datetime", "When it was accepted (UTC)"),
        Column("review_note", "string", "The reviewer's note"),
        Column("supersedes", "string", "The claim it corrects"),
    ),
    "id",
    _claim_rows,
    (ForeignKey("document_id", "documents", "id"),),
)

TRANSFERS = Table(
    "transfers",
    "Transfers",
    "Distinct transfer events: many reports of one flight are one row.",
    (
        Column("id", "string", "Event id: the id of its earliest claim", True),
        Column(
            "kind", "string", "transfer, or onward_transfer from the receiver", True, codes="kind"
        ),
        _code("sender", "Country people were moved from", True),
        _code("receiver", "Country people were moved to", True),
        _date("date", "When"),
        Column("count", "integer", "People moved"),
        _list("nationalities", "Nationalities"),
        Column("facility", "string", "Where they were taken"),
        Column("sources", "integer", "Independent sources reporting it", True),
        Column("date_conflict", "boolean", "Sources disagree on the date", True),
        _list("claims", _CLAIM_IDS),
    ),
    "id",
    _transfer_rows,
)

FACILITIES = Table(
    "facilities",
    "Facilities",
    "Places of detention or stay named by accepted claims.",
    (
        Column("id", "string", "COUNTRY-name-slug", True),
        Column("name", "string", "Name as first reported", True),
        _code("country", "Country where it is", True),
        _list("senders", "States that sent people there"),
        _list("concerns", "Harms reported there", "concern"),
        Column("people_transferred", "integer", "People taken there in distinct transfers", True),
        _list("transfers", "Ids of the transfers into it"),
        _list("claims", _CLAIM_IDS),
    ),
    "id",
    _facility_rows,
)

COUNTRIES = Table(
    "countries",
    "Countries",
    "Countries taking part in at least one arrangement, with headline figures.",
    (
        _code("code", "ISO 3166-1 alpha-2 (XK is Kosovo)", True),
        Column("name_en", "string", "English name (CLDR)", True),
        Column("name_es", "string", "Spanish name (CLDR)", True),
        Column("role", "string", "sender, receiver or both", True),
        Column(
            "status",
            "string",
            "Most consequential status of its arrangements as receiver",
            codes="status",
        ),
        Column("disputed", "boolean", "One of its arrangements as receiver is disputed", True),
        _list("senders", "States sending people to it"),
        _list("receivers", "States it sends people to"),
        Column("people_received", "integer", "People received in distinct transfers", True),
        Column("people_sent", "integer", "People sent in distinct transfers", True),
        Column("transfers_received", "integer", "Distinct transfers received", True),
        Column("transfers_sent", "integer", "Distinct transfers sent", True),
    ),
    "code",
    _country_rows,
)


def _code_rows(_data: PublicData) -> Iterable[dict[str, Any]]:
    labels = bundled_labels()
    for vocabulary in VOCABULARIES:
        english, spanish = labels.vocabulary(vocabulary, "en"), labels.vocabulary(vocabulary, "es")
        for code, label in english.items():
            yield {
                "id": f"{vocabulary}:{code}",
                "vocabulary": vocabulary,
                "code": code,
                "label_en": label,
                "label_es": spanish[code],
            }


CODES = Table(
    "codes",
    "Codes",
    "Every code the other tables use, with how it reads in English and Spanish.",
    (
        Column("id", "string", "VOCABULARY:CODE", True),
        Column("vocabulary", "string", "Which list the code belongs to", True),
        Column("code", "string", "The code as the other tables write it", True),
        Column("label_en", "string", "How it reads in English", True),
        Column("label_es", "string", "How it reads in Spanish", True),
    ),
    "id",
    _code_rows,
)


def codes_of(vocabulary: str) -> list[str]:
    """The codes a column of ``Column.codes`` may hold, in the label table's order."""
    labels = bundled_labels()
    names = VALUE_VOCABULARY.values() if vocabulary == VALUES else (vocabulary,)
    return list(dict.fromkeys(code for name in names for code in labels.vocabulary(name)))


# Referenced tables come before the tables that reference them.
TABLES: tuple[Table, ...] = (COUNTRIES, ARRANGEMENTS, DOCUMENTS, CLAIMS, TRANSFERS, FACILITIES)
# The data package also carries the codes its tables use, with their labels.
PACKAGE_TABLES: tuple[Table, ...] = (*TABLES, CODES)
