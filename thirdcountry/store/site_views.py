"""Read models of the public web site: only what is public, assembled once per store state.

Public means accepted: pending and rejected claims never reach a public page. The whole
picture is derived from the public snapshot of ``store.public`` and kept beside it in the
same cache, so the site, the API and the exports see one state and a write renews all.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.documents import Document
from thirdcountry.domain.projection import Arrangement, ProjectionRules, Transfer
from thirdcountry.domain.vocabulary import ClaimKind, ReviewState
from thirdcountry.store import audit
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store.database import Store
from thirdcountry.store.kept_secrets import kept_secret
from thirdcountry.store.public import PublicData, build_public_data, public_cache
from thirdcountry.store.tables import AuditRow, ClaimRow

FORM_SECRET_KEY = "site_form_secret"
# Audit actions that change what the public sees.
_PUBLIC_ACTIONS = ("accept", "correct", "load:accepted", "rejected", "reject")


@dataclass(slots=True)
class PublicPicture:
    """Everything the public pages show, derived from accepted claims only."""

    head: str  # the data version of the snapshot it was made from
    arrangements: list[Arrangement]
    claims: dict[str, Claim]  # standing claims: accepted and not superseded
    documents: dict[str, Document]  # the sources of standing claims (text not loaded)
    dataset: dict[str, Any]
    updated_at: datetime | None  # when the public picture last changed
    by_pair_kind: dict[tuple[str, str, str], list[Claim]] = field(default_factory=dict)

    def arrangement(self, sender: str, receiver: str) -> Arrangement | None:
        return next(
            (a for a in self.arrangements if a.sender == sender and a.receiver == receiver), None
        )

    def for_country(self, code: str) -> list[Arrangement]:
        return [a for a in self.arrangements if code in (a.sender, a.receiver)]

    def pair_claims(self, sender: str, receiver: str, kind: ClaimKind | str) -> list[Claim]:
        return self.by_pair_kind.get((sender, receiver, str(kind)), [])

    def transfers(self) -> list[Transfer]:
        """Every distinct transfer, oldest first (onward transfers are listed apart)."""
        found = [t for a in self.arrangements for t in a.transfers]
        return sorted(found, key=lambda t: (t.date.start.isoformat() if t.date else "", t.sender))

    def onward_transfers(self) -> list[Transfer]:
        seen: dict[str, Transfer] = {}
        for arrangement in self.arrangements:
            for transfer in arrangement.onward_transfers:
                seen.setdefault(transfer.claim_ids[0], transfer)
        return sorted(
            seen.values(), key=lambda t: (t.date.start.isoformat() if t.date else "", t.sender)
        )

    def transfer(self, first_claim_id: str) -> Transfer | None:
        for transfer in self.transfers() + self.onward_transfers():
            if transfer.claim_ids[0] == first_claim_id:
                return transfer
        return None

    def source_keys(self) -> set[str]:
        return {key for a in self.arrangements for key in a.source_keys}

    def claims_of(self, ids: list[str]) -> list[Claim]:
        return [self.claims[i] for i in ids if i in self.claims]


def _updated_at(session: Session) -> datetime | None:
    at = session.scalar(
        select(AuditRow.at)
        .where(AuditRow.action.in_(_PUBLIC_ACTIONS))
        .order_by(AuditRow.id.desc())
        .limit(1)
    )
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at


def picture_from(data: PublicData, updated_at: datetime | None) -> PublicPicture:
    """The site's read model of one public snapshot: nothing is read from the store again."""
    by_pair_kind: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in data.claims:
        if claim.sender and claim.receiver:
            by_pair_kind[(claim.sender, claim.receiver, claim.kind.value)].append(claim)
    for claims in by_pair_kind.values():
        claims.sort(key=lambda c: (c.date.isoformat() if c.date else "", c.id))
    # The snapshot also holds the sources of superseded versions; pages show the sources
    # of standing claims, and the originals of those that are copies.
    cited: set[str] = {c.document_id for c in data.claims if c.document_id}
    by_id = {d.id: d for d in data.documents}
    originals = {by_id[i].source_id for i in cited if i in by_id}
    wanted = cited | {i for i in originals if i}
    return PublicPicture(
        head=data.version,
        arrangements=data.arrangements,
        claims={c.id: c for c in data.claims},
        documents={i: by_id[i] for i in sorted(wanted) if i in by_id},
        dataset=data.dataset,
        updated_at=updated_at,
        by_pair_kind=dict(by_pair_kind),
    )


def build_picture(session: Session, rules: ProjectionRules | None = None) -> PublicPicture:
    """The picture of the store as ``session`` sees it, outside any cache."""
    return picture_from(build_public_data(session, rules), _updated_at(session))


def site_picture(store: Store, rules: ProjectionRules | None = None) -> PublicPicture:
    """The public picture, kept with the one public snapshot that the API and the exports
    also read (``public_cache``): a write that changes the data version renews both."""
    cache = public_cache(store, rules)
    data = cache.current()

    def build() -> PublicPicture:
        with store.read() as session:
            return picture_from(data, _updated_at(session))

    picture: PublicPicture = cache.derived(data, ("site-picture",), build)
    return picture


# -- one claim's public page ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    claim_id: str  # the version decided on
    at: datetime
    actor: str
    action: str
    note: str | None


@dataclass(slots=True)
class ClaimPage:
    claim: Claim
    document: Document | None
    original: Document | None  # the original when the document is a syndicated copy
    versions: list[Claim]  # the public versions of the claim, oldest first
    current: Claim  # the version that stands now
    decisions: list[Decision]
    evidence: str | None  # the quoted words: the claim's quote, else the document's span

    def version_number(self, claim_id: str) -> int:
        """1 for the first version of the claim, 2 for its first correction…"""
        return next(i for i, v in enumerate(self.versions, 1) if v.id == claim_id)


def public_claim(session: Session, claim_id: str) -> Claim | None:
    """The claim if the public may see it: accepted (even if since corrected)."""
    row = session.get(ClaimRow, claim_id)
    if row is None or row.review_state != ReviewState.ACCEPTED.value:
        return None
    return claim_repo.to_domain(row)


def claim_page(session: Session, claim_id: str) -> ClaimPage | None:
    claim = public_claim(session, claim_id)
    if claim is None:
        return None
    chain = claim_repo.superseding_chain(session, claim_id)
    versions = [c for c in chain if c.review_state is ReviewState.ACCEPTED]
    current = versions[-1]
    decisions = []
    for version in versions:
        for entry in audit.history(session, version.id):
            if entry.action in (
                "accept",
                "correct",
                "reject",
                "rejected",
            ) or entry.action.startswith("load:"):
                at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)
                decisions.append(Decision(version.id, at, entry.actor, entry.action, entry.note))
    decisions.sort(key=lambda d: d.at)
    document = original = None
    evidence = claim.quote
    if claim.document_id:
        document = document_repo.get_document(session, claim.document_id)
        if document.source_id:
            original = document_repo.get_document(session, document.source_id)
        if (
            evidence is None
            and document.text
            and claim.evidence_start is not None
            and claim.evidence_end is not None
        ):
            evidence = document.text[claim.evidence_start : claim.evidence_end].strip() or None
    return ClaimPage(claim, document, original, versions, current, decisions, evidence)


# -- the public changelog -------------------------------------------------------------


@dataclass(slots=True)
class Change:
    at: datetime
    kind: str  # "load", "accept", "correct", "retract"
    actor: str
    claim_id: str | None = None
    new_claim_id: str | None = None
    count: int = 1
    note: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)  # kind, sender, receiver


def _summary(claim: dict[str, Any] | None) -> dict[str, Any]:
    if not claim:
        return {}
    return {k: claim.get(k) for k in ("kind", "sender", "receiver")}


def _load_changes(session: Session) -> list[Change]:
    """Dataset loads, one change per loader and day however many claims it accepted."""
    loads: list[Change] = []
    rows = session.execute(
        select(AuditRow.actor, AuditRow.at)
        .where(AuditRow.action == "load:accepted")
        .order_by(AuditRow.id.desc())
    )
    for actor, at in rows:
        at = at if at.tzinfo else at.replace(tzinfo=UTC)
        last = loads[-1] if loads else None
        if last and last.actor == actor and last.at.date() == at.date():
            last.count += 1
            continue
        loads.append(Change(at, "load", actor))
    return loads


def changelog(session: Session, limit: int = 100) -> list[Change]:
    """Accepted changes and retractions, newest first; a dataset load is one change."""
    rows = session.scalars(
        select(AuditRow)
        .where(AuditRow.action.in_(_PUBLIC_ACTIONS), AuditRow.action != "load:accepted")
        .order_by(AuditRow.id.desc())
        .limit(limit * 4)
    )
    changes: list[Change] = []
    claim_ids = set()
    for row in rows:
        at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
        if row.action in ("reject", "rejected"):
            # Rejecting a pending claim is not public; taking back an accepted one is.
            if (row.before or {}).get("review_state") != ReviewState.ACCEPTED.value:
                continue
            changes.append(Change(at, "retract", row.actor, row.claim_id, note=row.note))
        elif row.action == "correct":
            after = row.after or {}
            changes.append(
                Change(
                    at,
                    "correct",
                    row.actor,
                    row.claim_id,
                    new_claim_id=after.get("id"),
                    note=row.note,
                    summary=_summary(after),
                )
            )
        else:
            changes.append(Change(at, "accept", row.actor, row.claim_id, note=row.note))
        if row.claim_id:
            claim_ids.add(row.claim_id)
        if len(changes) >= limit:
            break
    changes = sorted(changes + _load_changes(session), key=lambda c: c.at, reverse=True)[:limit]
    summaries = {
        row.id: {"kind": row.kind, "sender": row.sender, "receiver": row.receiver}
        for row in session.execute(
            select(ClaimRow.id, ClaimRow.kind, ClaimRow.sender, ClaimRow.receiver).where(
                ClaimRow.id.in_(claim_ids)
            )
        )
    }
    for change in changes:
        if change.claim_id and not change.summary:
            change.summary = summaries.get(change.claim_id, {})
    return changes


# -- the report form's signing key ----------------------------------------------------


def form_secret(store: Store) -> str:
    """A random key kept in the store, so form tokens survive restarts and many workers."""
    return kept_secret(store, FORM_SECRET_KEY, lambda: secrets.token_hex(32))
