"""Browsing public claims: filters, facet counts, sorting and pages, for the site and the API.

One query object serves the claims browser (``/{lang}/claims``), its downloads and the
API's claim list, so a filter means the same thing everywhere. Facet counts follow
Datasette: each facet is counted over the claims the *other* filters keep, so a reader
sees how many claims choosing a value would leave.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import get_country
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.documents import Document
from thirdcountry.domain.errors import BadInput, ValidationError
from thirdcountry.domain.vocabulary import VALUES_BY_KIND, ClaimKind

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500

# Facets in the order the browser shows them.
FACETS = ("kind", "value", "sender", "receiver", "outlet", "language", "year")

# Sort keys a reader may ask for; a leading "-" reverses. Every order ends on the id,
# so pages are stable for one version of the data.
SORTS = ("date", "-date", "kind", "sender", "receiver", "outlet")
DEFAULT_SORT = "-date"


def country_param(raw: str | None, name: str) -> str | None:
    """A country code from a query parameter, or a one-line error naming the parameter."""
    if not raw:
        return None
    try:
        return get_country(raw).code
    except ValidationError:
        raise BadInput(f"{name}: unknown country code {raw!r}") from None


def _partial(raw: str | None, name: str) -> PartialDate | None:
    if not raw:
        return None
    try:
        return PartialDate.parse(raw)
    except ValidationError:
        raise BadInput(f"{name}: {raw!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """What a reader asked for; every field is optional and they all must hold."""

    kind: str | None = None
    value: str | None = None
    sender: str | None = None
    receiver: str | None = None
    outlet: str | None = None
    language: str | None = None
    year: str | None = None
    date_from: PartialDate | None = None
    date_to: PartialDate | None = None
    document: str | None = None

    @classmethod
    def parse(cls, params: Mapping[str, str | None]) -> ClaimQuery:
        """From query parameters; an unknown code or a bad date is one line naming it."""
        kind = params.get("kind") or None
        if kind is not None and kind not in {k.value for k in ClaimKind}:
            raise BadInput(f"kind: unknown claim kind {kind!r}")
        value = params.get("value") or None
        if value is not None and kind is not None:
            vocabulary = VALUES_BY_KIND.get(ClaimKind(kind))
            if vocabulary is not None and value not in {v.value for v in vocabulary}:
                raise BadInput(f"value: {value!r} is not a value of {kind} claims")
        year = params.get("year") or None
        if year is not None and not (year.isdigit() and len(year) == 4):
            raise BadInput(f"year: {year!r} is not a year (YYYY)")
        return cls(
            kind=kind,
            value=value,
            sender=country_param(params.get("sender"), "sender"),
            receiver=country_param(params.get("receiver"), "receiver"),
            outlet=params.get("outlet") or None,
            language=(params.get("language") or "").lower() or None,
            year=year,
            date_from=_partial(params.get("date_from"), "date_from"),
            date_to=_partial(params.get("date_to"), "date_to"),
            document=params.get("document") or None,
        )

    def params(self) -> dict[str, str]:
        """The query as URL parameters (what a link or a download repeats)."""
        out: dict[str, str] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is not None:
                out[item.name] = value.isoformat() if isinstance(value, PartialDate) else value
        return out

    @property
    def active(self) -> bool:
        return bool(self.params())


@dataclass(frozen=True, slots=True)
class Facet:
    name: str
    counts: list[tuple[str, int]]  # value, claims; most claims first
    chosen: str | None


@dataclass(frozen=True, slots=True)
class ClaimPage:
    claims: list[Claim]
    total: int
    page: int
    pages: int
    size: int
    facets: list[Facet]


class ClaimIndex:
    """The public claims and their sources, ready to filter, count and sort."""

    def __init__(self, claims: Iterable[Claim], documents: Mapping[str, Document]) -> None:
        self.claims = list(claims)
        self.documents = documents
        self._facet_value: dict[str, Callable[[Claim], str | None]] = {
            "kind": lambda c: c.kind.value,
            "value": lambda c: c.value,
            "sender": lambda c: c.sender,
            "receiver": lambda c: c.receiver,
            "outlet": self.outlet,
            "language": self.language,
            "year": lambda c: str(c.when.value.year) if c.when else None,
        }

    def document(self, claim: Claim) -> Document | None:
        return self.documents.get(claim.document_id or "")

    def outlet(self, claim: Claim) -> str | None:
        document = self.document(claim)
        return document.outlet if document else None

    def language(self, claim: Claim) -> str | None:
        document = self.document(claim)
        return document.language if document else None

    def _keeps(self, claim: Claim, query: ClaimQuery, skip: str | None = None) -> bool:
        for name in FACETS:
            wanted = getattr(query, name)
            if name != skip and wanted is not None and self._facet_value[name](claim) != wanted:
                return False
        if query.document is not None and claim.document_id != query.document:
            return False
        if query.date_from or query.date_to:
            when = claim.when
            if when is None:
                return False
            if query.date_from and when.end < query.date_from.start:
                return False
            if query.date_to and when.start > query.date_to.end:
                return False
        return True

    def filter(self, query: ClaimQuery) -> list[Claim]:
        return [c for c in self.claims if self._keeps(c, query)]

    def facets(self, query: ClaimQuery, limit: int = 30) -> list[Facet]:
        out = []
        for name in FACETS:
            counter: Counter[str] = Counter()
            for claim in self.claims:
                if self._keeps(claim, query, skip=name):
                    value = self._facet_value[name](claim)
                    if value is not None:
                        counter[value] += 1
            ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:limit]
            out.append(Facet(name, ranked, getattr(query, name)))
        return out

    def sort(self, claims: Sequence[Claim], order: str) -> list[Claim]:
        if order not in SORTS:
            raise BadInput(f"sort: {order!r} is not one of {', '.join(SORTS)}")
        key = order.lstrip("-")
        if key == "date":
            ordered = sorted(claims, key=lambda c: c.id)
            ordered.sort(key=lambda c: c.when.start if c.when else date.min)
            return ordered[::-1] if order.startswith("-") else ordered
        value = self._facet_value[key]
        return sorted(claims, key=lambda c: (value(c) or "", c.id))

    def page(
        self, query: ClaimQuery, *, order: str = DEFAULT_SORT, page: int = 1, size: int = PAGE_SIZE
    ) -> ClaimPage:
        if page < 1:
            raise BadInput(f"page: {page} is not a page number (1 or more)")
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise BadInput(f"size: {size} is not between 1 and {MAX_PAGE_SIZE}")
        kept = self.sort(self.filter(query), order)
        pages = max(1, -(-len(kept) // size))
        if page > pages:
            raise BadInput(f"page: {page} is past the last page ({pages})")
        start = (page - 1) * size
        return ClaimPage(
            kept[start : start + size], len(kept), page, pages, size, self.facets(query)
        )
