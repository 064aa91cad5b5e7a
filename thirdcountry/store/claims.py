"""Repository functions for claims. Content is append-only; only review fields change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from thirdcountry.domain.claims import Claim, validate
from thirdcountry.domain.errors import BadInput, Conflict, NotFound
from thirdcountry.domain.ids import new_id
from thirdcountry.domain.vocabulary import ClaimKind, CountQualifier, DatePrecision, ReviewState
from thirdcountry.store import audit, search_index
from thirdcountry.store.tables import ClaimRow, DocumentRow


def to_domain(row: ClaimRow) -> Claim:
    reviewed_at = row.reviewed_at
    if reviewed_at is not None and reviewed_at.tzinfo is None:
        reviewed_at = reviewed_at.replace(tzinfo=UTC)
    return Claim(
        id=row.id,
        kind=ClaimKind(row.kind),
        sender=row.sender,
        receiver=row.receiver,
        value=row.value,
        count=row.count,
        count_qualifier=CountQualifier(row.count_qualifier) if row.count_qualifier else None,
        nationalities=tuple(row.nationalities or ()),
        amount=Decimal(str(row.amount)) if row.amount is not None else None,
        currency=row.currency,
        facility=row.facility,
        date=row.date,
        date_precision=_precision(row.date_precision),
        period_start=row.period_start,
        period_start_precision=_precision(row.period_start_precision),
        period_end=row.period_end,
        period_end_precision=_precision(row.period_end_precision),
        document_id=row.document_id,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        quote=row.quote,
        extractor=row.extractor,
        confidence=row.confidence,
        review_state=ReviewState(row.review_state),
        reviewer=row.reviewer,
        reviewed_at=reviewed_at,
        review_note=row.review_note,
        supersedes=row.supersedes,
    )


def _precision(raw: str | None) -> DatePrecision | None:
    return DatePrecision(raw) if raw else None


def _to_row(claim: Claim) -> ClaimRow:
    return ClaimRow(
        id=claim.id,
        kind=claim.kind.value,
        sender=claim.sender,
        receiver=claim.receiver,
        value=claim.value,
        count=claim.count,
        count_qualifier=claim.count_qualifier.value if claim.count_qualifier else None,
        nationalities=list(claim.nationalities),
        amount=claim.amount,
        currency=claim.currency,
        facility=claim.facility,
        date=claim.date,
        date_precision=claim.date_precision.value if claim.date_precision else None,
        period_start=claim.period_start,
        period_start_precision=(
            claim.period_start_precision.value if claim.period_start_precision else None
        ),
        period_end=claim.period_end,
        period_end_precision=(
            claim.period_end_precision.value if claim.period_end_precision else None
        ),
        document_id=claim.document_id,
        evidence_start=claim.evidence_start,
        evidence_end=claim.evidence_end,
        quote=claim.quote,
        extractor=claim.extractor,
        confidence=claim.confidence,
        review_state=claim.review_state.value,
        reviewer=claim.reviewer,
        reviewed_at=claim.reviewed_at,
        review_note=claim.review_note,
        supersedes=claim.supersedes,
        fingerprint=claim.fingerprint(),
        created_at=datetime.now(UTC),
        version=1,
    )


def _review_fields(claim: Claim) -> dict[str, Any]:
    return {
        "review_state": claim.review_state.value,
        "reviewer": claim.reviewer,
        "reviewed_at": claim.reviewed_at.isoformat() if claim.reviewed_at else None,
        "review_note": claim.review_note,
    }


def find_by_fingerprint(session: Session, fingerprint: str) -> Claim | None:
    row = session.scalars(select(ClaimRow).where(ClaimRow.fingerprint == fingerprint)).first()
    return to_domain(row) if row else None


def add_claim(session: Session, claim: Claim, *, actor: str | None = None) -> Claim:
    """Store a validated claim. Claims arriving already decided get an audit entry."""
    claim = validate(claim)
    if claim.document_id and session.get(DocumentRow, claim.document_id) is None:
        raise BadInput(f"claim points to a missing document {claim.document_id!r}")
    if claim.supersedes and session.get(ClaimRow, claim.supersedes) is None:
        raise BadInput(f"claim supersedes a missing claim {claim.supersedes!r}")
    session.add(_to_row(claim))
    session.flush()
    if claim.review_state is not ReviewState.PENDING:
        search_index.mark_claims(session, [claim.id])
        audit.append(
            session,
            actor=actor or claim.reviewer or claim.extractor or "unknown",
            action=f"load:{claim.review_state.value}",
            claim_id=claim.id,
            after=_review_fields(claim),
            note=claim.review_note,
        )
    return claim


def add_pending_claims(session: Session, claims: Sequence[Claim]) -> int:
    """Store pending claims the store does not hold yet, with one lookup and one flush.

    Made for extractors proposing many claims per document: a claim that fails
    validation, points to a missing document or repeats a stored one (same fingerprint)
    is skipped, not an error. Returns how many were added.
    """
    fresh: dict[str, Claim] = {}
    for claim in claims:
        if claim.review_state is not ReviewState.PENDING:
            raise BadInput(f"claim {claim.id} is {claim.review_state.value}, not pending")
        try:
            valid = validate(claim)
        except BadInput:
            continue
        fresh.setdefault(valid.fingerprint(), valid)
    if not fresh:
        return 0
    documents = {c.document_id for c in fresh.values() if c.document_id}
    known = set(session.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(documents))))
    stored = set(
        session.scalars(select(ClaimRow.fingerprint).where(ClaimRow.fingerprint.in_(list(fresh))))
    )
    rows = [
        _to_row(claim)
        for fingerprint, claim in fresh.items()
        if fingerprint not in stored and (claim.document_id is None or claim.document_id in known)
    ]
    session.add_all(rows)
    session.flush()
    return len(rows)


def get_claim(session: Session, claim_id: str) -> Claim:
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise NotFound(f"no claim with id {claim_id!r}")
    return to_domain(row)


def claim_version(session: Session, claim_id: str) -> int:
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise NotFound(f"no claim with id {claim_id!r}")
    return row.version


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    state: ReviewState | None = None
    kind: ClaimKind | None = None
    country: str | None = None  # sender or receiver
    sender: str | None = None
    receiver: str | None = None
    document_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def list_claims(
    session: Session, where: ClaimFilter | None = None, *, limit: int | None = None
) -> list[Claim]:
    where = where or ClaimFilter()
    query = select(ClaimRow)
    if where.state is not None:
        query = query.where(ClaimRow.review_state == where.state.value)
    if where.kind is not None:
        query = query.where(ClaimRow.kind == where.kind.value)
    if where.country is not None:
        query = query.where(
            or_(ClaimRow.sender == where.country, ClaimRow.receiver == where.country)
        )
    if where.sender is not None:
        query = query.where(ClaimRow.sender == where.sender)
    if where.receiver is not None:
        query = query.where(ClaimRow.receiver == where.receiver)
    if where.document_id is not None:
        query = query.where(ClaimRow.document_id == where.document_id)
    if where.date_from is not None:
        query = query.where(ClaimRow.date >= where.date_from)
    if where.date_to is not None:
        query = query.where(ClaimRow.date <= where.date_to)
    query = query.order_by(ClaimRow.id)
    if limit is not None:
        query = query.limit(limit)
    return [to_domain(row) for row in session.scalars(query)]


def review_claim(
    session: Session,
    claim_id: str,
    decision: ReviewState,
    reviewer: str,
    *,
    note: str | None = None,
    expected_version: int | None = None,
    allow_change: bool = False,
) -> Claim:
    """Accept or reject a claim, with optimistic locking against concurrent reviewers.

    ``expected_version`` is the version the reviewer saw; if someone else decided since,
    the update touches no row and a Conflict names who decided and when.
    """
    if decision is ReviewState.PENDING:
        raise BadInput("a review decides: accept or reject, not pending")
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise NotFound(f"no claim with id {claim_id!r}")
    before = to_domain(row)
    version = row.version if expected_version is None else expected_version
    if before.review_state is not ReviewState.PENDING and not allow_change:
        raise _already_reviewed(before)
    after = before.with_review(decision, reviewer, note)
    result = session.execute(
        update(ClaimRow)
        .where(ClaimRow.id == claim_id, ClaimRow.version == version)
        .values(
            review_state=after.review_state.value,
            reviewer=after.reviewer,
            reviewed_at=after.reviewed_at,
            review_note=after.review_note,
            version=version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.expire(row)
        raise _already_reviewed(get_claim(session, claim_id))
    session.expire(row)
    search_index.mark_claims(session, [claim_id])
    audit.append(
        session,
        actor=reviewer,
        action=decision.value if decision is ReviewState.REJECTED else "accept",
        claim_id=claim_id,
        before=_review_fields(before),
        after=_review_fields(after),
        note=note,
        at=after.reviewed_at,
    )
    return after


def _already_reviewed(claim: Claim) -> Conflict:
    when = (
        claim.reviewed_at.strftime("%Y-%m-%d %H:%M UTC") if claim.reviewed_at else "an earlier time"
    )
    return Conflict(
        f"claim {claim.id} was already {claim.review_state.value} by {claim.reviewer} at {when}"
    )


def correct_claim(
    session: Session,
    claim_id: str,
    changes: dict[str, Any],
    reviewer: str,
    *,
    note: str | None = None,
) -> Claim:
    """Write a corrected copy that supersedes ``claim_id``; the original stays as it was."""
    original = get_claim(session, claim_id)
    forbidden = set(changes) & {"id", "supersedes", "review_state", "reviewer", "reviewed_at"}
    if forbidden:
        raise BadInput(f"a correction cannot set {', '.join(sorted(forbidden))}")
    successor = session.scalars(
        select(ClaimRow).where(ClaimRow.supersedes == claim_id, ClaimRow.review_state != "rejected")
    ).first()
    if successor is not None:
        raise Conflict(f"claim {claim_id} was already corrected by claim {successor.id}")
    corrected = validate(
        replace(
            original,
            **changes,
            id=new_id(),
            supersedes=claim_id,
            extractor=f"person:{reviewer}",
            confidence=None,
        ).with_review(ReviewState.ACCEPTED, reviewer, note)
    )
    session.add(_to_row(corrected))
    session.flush()
    search_index.mark_claims(session, [corrected.id])
    audit.append(
        session,
        actor=reviewer,
        action="correct",
        claim_id=claim_id,
        before=original.to_dict(),
        after=corrected.to_dict(),
        note=note,
        at=corrected.reviewed_at,
    )
    return corrected


def superseding_chain(session: Session, claim_id: str) -> list[Claim]:
    """The claim, the claims it corrected and the claims that corrected it, oldest first."""
    chain = [get_claim(session, claim_id)]
    while chain[0].supersedes:
        chain.insert(0, get_claim(session, chain[0].supersedes))
    while True:
        row = session.scalars(select(ClaimRow).where(ClaimRow.supersedes == chain[-1].id)).first()
        if row is None:
            return chain
        chain.append(to_domain(row))
