"""The public picture: what the API, the exports and the static site may show.

Public means accepted. Pending and rejected claims never leave the store through this
module; a claim that an accepted correction supersedes is kept apart as *history*, shown
only to whoever asks for it. Documents are public when a public claim cites them (or
when a public document is a copy of them).

Building the picture projects every decided claim, which takes a while on a large store,
so ``PublicCache`` keeps one snapshot per *data version*: a cheap fingerprint of the
store that changes whenever anything public can have changed (a review or load decision
appends to the audit log, a new claim or document takes a new row).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import get_country
from thirdcountry.domain.documents import Document
from thirdcountry.domain.projection import Arrangement, ProjectionRules, Transfer, project
from thirdcountry.domain.tally import tally
from thirdcountry.domain.vocabulary import ClaimKind, ReviewState
from thirdcountry.store import audit
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store.database import Store
from thirdcountry.store.load import DATASET_META_KEY
from thirdcountry.store.tables import AuditRow, ClaimRow, DocumentRow, MetaRow

# Which arrangement a map shows for a receiving country with several senders: the most
# consequential current status first (people are being sent there, then could be, …).
HEADLINE_ORDER = (
    "implemented",
    "agreed",
    "suspended",
    "negotiating",
    "requested",
    "ended",
    "refused",
    "denied",
)

# Audit actions after which a claim is public.
_PUBLISHING_ACTIONS = ("accept", "load:accepted")


@dataclass(frozen=True, slots=True)
class PublicTransfer:
    """A distinct transfer event, with a stable id: its earliest claim's id."""

    id: str
    kind: str  # "transfer" or "onward_transfer"
    event: Transfer

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, **self.event.to_dict()}


@dataclass(slots=True)
class Facility:
    """A named place of detention or stay, as public claims name it."""

    id: str
    name: str
    country: str
    claim_ids: list[str] = field(default_factory=list)
    transfer_ids: list[str] = field(default_factory=list)
    senders: set[str] = field(default_factory=set)
    concerns: set[str] = field(default_factory=set)
    people_transferred: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "senders": sorted(self.senders),
            "concerns": sorted(self.concerns),
            "people_transferred": self.people_transferred,
            "transfers": list(self.transfer_ids),
            "claims": list(self.claim_ids),
        }


@dataclass(slots=True)
class CountrySummary:
    """A country that takes part in at least one arrangement, with its headline figures."""

    code: str
    name_en: str
    name_es: str
    receivers: list[str] = field(default_factory=list)  # countries it sends people to
    senders: list[str] = field(default_factory=list)  # countries that send people to it
    status: str | None = None  # headline status as a receiving country
    disputed: bool = False
    people_received: int = 0
    people_sent: int = 0
    transfers_received: int = 0
    transfers_sent: int = 0

    @property
    def role(self) -> str:
        if self.senders and self.receivers:
            return "both"
        return "receiver" if self.senders else "sender"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": {"en": self.name_en, "es": self.name_es},
            "role": self.role,
            "status": self.status,
            "disputed": self.disputed,
            "senders": list(self.senders),
            "receivers": list(self.receivers),
            "people_received": self.people_received,
            "people_sent": self.people_sent,
            "transfers_received": self.transfers_received,
            "transfers_sent": self.transfers_sent,
        }


@dataclass(slots=True)
class PublicData:
    """One consistent snapshot of everything public, in stable orders."""

    version: str
    last_modified: datetime | None
    dataset: dict[str, Any]
    arrangements: list[Arrangement]  # by sender, receiver
    claims: list[Claim]  # standing claims, by id
    history: list[Claim]  # accepted claims an accepted correction superseded, by id
    superseded_by: dict[str, str]
    documents: list[Document]  # by id, without their text
    transfers: list[PublicTransfer]  # by date, then id
    facilities: list[Facility]  # by country, then id
    countries: list[CountrySummary]  # by code
    published_at: dict[str, datetime]  # claim id -> when it became public
    document_claims: dict[str, list[str]]  # document id -> ids of standing claims citing it
    # The audit log's head when this was read (``audit.Checkpoint``), published so that
    # anyone can keep it and later show a rewritten or cut-back log.
    audit_checkpoint: str | None = None

    def arrangement(self, sender: str, receiver: str) -> Arrangement | None:
        for item in self.arrangements:
            if item.sender == sender and item.receiver == receiver:
                return item
        return None

    def counts(self) -> dict[str, int]:
        return {
            "countries": len(self.countries),
            **tally(self.arrangements).to_dict(),
            "claims": len(self.claims),
            "documents": len(self.documents),
            "transfers": len(self.transfers),
            "facilities": len(self.facilities),
        }


# -- the data version -----------------------------------------------------------------


def data_version(session: Session) -> str:
    """A fingerprint that changes whenever anything public may have changed."""
    if session.get_bind().dialect.name == "sqlite":
        # Rows are never deleted, so the largest rowid moves with every insert; it is
        # read from the end of the b-tree instead of counting every row.
        row = session.execute(
            text(
                "SELECT (SELECT value FROM meta WHERE key = 'audit_head'),"
                " (SELECT max(rowid) FROM claims), (SELECT max(rowid) FROM documents),"
                " (SELECT value FROM meta WHERE key = :dataset)"
            ),
            {"dataset": DATASET_META_KEY},
        ).one()
    else:
        row = session.execute(
            select(
                select(MetaRow.value).where(MetaRow.key == "audit_head").scalar_subquery(),
                select(func.count()).select_from(ClaimRow).scalar_subquery(),
                select(func.count()).select_from(DocumentRow).scalar_subquery(),
                select(MetaRow.value).where(MetaRow.key == DATASET_META_KEY).scalar_subquery(),
            )
        ).one()
    blob = json.dumps([str(part) for part in row])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


# -- building the snapshot ------------------------------------------------------------


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def facility_id(country: str, name: str) -> str:
    """A readable, stable id for a facility: its country and its name as a slug."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "unnamed"
    return f"{country}-{slug}"


def _transfers(arrangements: Iterable[Arrangement]) -> list[PublicTransfer]:
    found: dict[str, PublicTransfer] = {}
    for arrangement in arrangements:
        for kind, events in (
            (ClaimKind.TRANSFER.value, arrangement.transfers),
            (ClaimKind.ONWARD_TRANSFER.value, arrangement.onward_transfers),
        ):
            for event in events:
                # An onward transfer appears under every arrangement into its country.
                transfer_id = min(event.claim_ids)
                found.setdefault(transfer_id, PublicTransfer(transfer_id, kind, event))
    return sorted(
        found.values(),
        key=lambda t: (t.event.date.isoformat() if t.event.date else "", t.id),
    )


def _facilities(claims: Iterable[Claim], transfers: Iterable[PublicTransfer]) -> list[Facility]:
    by_key: dict[tuple[str, str], Facility] = {}

    def facility(country: str, name: str) -> Facility:
        key = (country, name.casefold())
        if key not in by_key:
            by_key[key] = Facility(facility_id(country, name), name, country)
        return by_key[key]

    for claim in claims:
        if claim.facility and claim.receiver:
            named = facility(claim.receiver, claim.facility)
            named.claim_ids.append(claim.id)
            if claim.kind is ClaimKind.CONCERN and claim.value:
                named.concerns.add(claim.value)
    for transfer in transfers:
        event = transfer.event
        if event.facility and event.receiver:
            named = facility(event.receiver, event.facility)
            named.transfer_ids.append(transfer.id)
            named.people_transferred += event.count or 0
            if event.sender:
                named.senders.add(event.sender)
    # Two spellings can fold to one slug ("CECOT", "Cecot"): the first keeps the bare id.
    seen: dict[str, int] = defaultdict(int)
    out = sorted(by_key.values(), key=lambda f: (f.id, f.name))
    for item in out:
        seen[item.id] += 1
        if seen[item.id] > 1:
            item.id = f"{item.id}-{seen[item.id]}"
    return sorted(out, key=lambda f: (f.country, f.id))


def _countries(arrangements: Iterable[Arrangement]) -> list[CountrySummary]:
    summaries: dict[str, CountrySummary] = {}

    def summary(code: str) -> CountrySummary:
        if code not in summaries:
            country = get_country(code)
            summaries[code] = CountrySummary(code, country.name_en, country.name_es)
        return summaries[code]

    rank = {status: i for i, status in enumerate(HEADLINE_ORDER)}
    for arrangement in arrangements:
        sender, receiver = summary(arrangement.sender), summary(arrangement.receiver)
        sender.receivers.append(arrangement.receiver)
        receiver.senders.append(arrangement.sender)
        people = arrangement.people_transferred
        sender.people_sent += people
        receiver.people_received += people
        sender.transfers_sent += len(arrangement.transfers)
        receiver.transfers_received += len(arrangement.transfers)
        receiver.disputed = receiver.disputed or arrangement.disputed
        if arrangement.status is not None and (
            receiver.status is None
            or rank.get(arrangement.status, 99) < rank.get(receiver.status, 99)
        ):
            receiver.status = arrangement.status
    for item in summaries.values():
        item.senders.sort()
        item.receivers.sort()
    return [summaries[code] for code in sorted(summaries)]


def _published_at(session: Session, claims: Iterable[Claim]) -> dict[str, datetime]:
    logged = {
        claim_id: _aware(at)
        for claim_id, at in session.execute(
            select(AuditRow.claim_id, func.max(AuditRow.at))
            .where(AuditRow.action.in_(_PUBLISHING_ACTIONS))
            .group_by(AuditRow.claim_id)
        )
    }
    out: dict[str, datetime] = {}
    for claim in claims:
        moment = _aware(claim.reviewed_at) or logged.get(claim.id)
        if moment is not None:
            out[claim.id] = moment
    return out


def build_public_data(
    session: Session, rules: ProjectionRules | None = None, *, version: str | None = None
) -> PublicData:
    """Read and project everything public in one read transaction."""
    version = version or data_version(session)
    # Plain rows, not ORM instances: on a large store, building 50,000 tracked objects
    # costs more than the projection. Rows carry the same attribute names.
    columns = ClaimRow.__table__.columns
    decided = [
        claim_repo.to_domain(cast(ClaimRow, row))
        for row in session.execute(
            select(*columns).where(columns.review_state != ReviewState.PENDING.value)
        )
    ]
    infos = document_repo.source_infos(session)
    arrangements = project(decided, infos, rules)

    superseded_by = {
        c.supersedes: c.id
        for c in decided
        if c.supersedes and c.review_state is ReviewState.ACCEPTED
    }
    accepted = [c for c in decided if c.review_state is ReviewState.ACCEPTED]
    standing = sorted((c for c in accepted if c.id not in superseded_by), key=lambda c: c.id)
    history = sorted((c for c in accepted if c.id in superseded_by), key=lambda c: c.id)

    cited = {c.document_id for c in accepted if c.document_id}
    rows = list(session.scalars(select(DocumentRow).where(DocumentRow.id.in_(cited))))
    originals = {row.source_id for row in rows if row.source_id} - cited
    if originals:
        rows += session.scalars(select(DocumentRow).where(DocumentRow.id.in_(originals)))
    documents = sorted(
        (_without_text(document_repo.to_domain(row)) for row in rows), key=lambda d: d.id
    )

    document_claims: dict[str, list[str]] = defaultdict(list)
    for claim in standing:
        if claim.document_id:
            document_claims[claim.document_id].append(claim.id)

    transfers = _transfers(arrangements)
    meta_row = session.get(MetaRow, DATASET_META_KEY)
    last = session.scalar(select(func.max(AuditRow.at)))
    return PublicData(
        version=version,
        last_modified=_aware(last),
        dataset=json.loads(meta_row.value) if meta_row else {},
        arrangements=arrangements,
        claims=standing,
        history=history,
        superseded_by=superseded_by,
        documents=documents,
        transfers=transfers,
        facilities=_facilities(standing, transfers),
        countries=_countries(arrangements),
        published_at=_published_at(session, standing),
        document_claims=dict(document_claims),
        audit_checkpoint=audit.checkpoint(session).token(),
    )


def _without_text(document: Document) -> Document:
    # Stored texts are copies of other people's articles: their words are not ours to
    # republish. The public record is where to read them (url) and their hash.
    return replace(document, text=None)


# -- the cache ------------------------------------------------------------------------


class PublicCache:
    """The public snapshot of one store, rebuilt only when its data version changes."""

    def __init__(self, store: Store, rules: ProjectionRules | None = None) -> None:
        self.store = store
        self.rules = rules or ProjectionRules()
        self._data: PublicData | None = None
        self._lock = threading.Lock()
        self._derived: dict[tuple[str, Any], Any] = {}

    def version(self) -> str:
        with self.store.read() as session:
            return data_version(session)

    def peek(self, version: str) -> PublicData | None:
        """The snapshot if it is current for ``version``; None when it must be built."""
        data = self._data
        return data if data is not None and data.version == version else None

    def load(self, version: str | None = None) -> PublicData:
        """The current snapshot, building it if the store changed (one builder at a time)."""
        with self._lock:
            with self.store.read() as session:
                current = version or data_version(session)
                if self._data is not None and self._data.version == current:
                    return self._data
                data = build_public_data(session, self.rules, version=current)
            self._data = data
            self._derived.clear()
            return data

    def current(self) -> PublicData:
        version = self.version()
        return self.peek(version) or self.load(version)

    def cached(self, data: PublicData, key: Any) -> Any:
        """What ``derived`` keeps for ``key``, or None."""
        return self._derived.get((data.version, key))

    def derived(self, data: PublicData, key: Any, build: Any) -> Any:
        """Something computed from a snapshot (a rendered page, an export), kept with it."""
        slot = (data.version, key)
        found = self._derived.get(slot)
        if found is None:
            found = build()
            if data is self._data:
                if len(self._derived) >= 2048:
                    self._derived.clear()
                self._derived[slot] = found
        return found


_CACHES: weakref.WeakKeyDictionary[Store, PublicCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def public_cache(store: Store, rules: ProjectionRules | None = None) -> PublicCache:
    """The one cache of ``store``: the API, the data files and the site share it."""
    with _CACHES_LOCK:
        cache = _CACHES.get(store)
        if cache is None or (rules is not None and cache.rules != rules):
            cache = PublicCache(store, rules)
            _CACHES[store] = cache
        return cache
