"""Repository functions for what reviewers and contributors record besides claims:
conflict resolutions and submitted sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from thirdcountry.domain.errors import Conflict
from thirdcountry.store.accounts import utc
from thirdcountry.store.accounts_tables import ConflictResolutionRow, SubmissionRow


@dataclass(frozen=True, slots=True)
class Resolution:
    id: int
    conflict_key: str
    kind: str
    sender: str
    receiver: str
    claim_ids: tuple[str, ...]
    outcome: str
    kept: tuple[str, ...]
    note: str | None
    resolved_by: str
    resolved_at: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "key": self.conflict_key,
            "kind": self.kind,
            "sender": self.sender,
            "receiver": self.receiver,
            "claims": list(self.claim_ids),
            "outcome": self.outcome,
            "kept": list(self.kept),
            "note": self.note,
            "resolved_by": self.resolved_by,
            "resolved_at": self.resolved_at.isoformat(),
        }


def _resolution(row: ConflictResolutionRow) -> Resolution:
    return Resolution(
        id=row.id,
        conflict_key=row.conflict_key,
        kind=row.kind,
        sender=row.sender,
        receiver=row.receiver,
        claim_ids=tuple(row.claim_ids),
        outcome=row.outcome,
        kept=tuple(row.kept),
        note=row.note,
        resolved_by=row.resolved_by,
        resolved_at=utc(row.resolved_at),
    )


def find_resolution(session: Session, conflict_key: str) -> Resolution | None:
    row = session.scalars(
        select(ConflictResolutionRow).where(ConflictResolutionRow.conflict_key == conflict_key)
    ).first()
    return _resolution(row) if row else None


def _already_resolved(found: Resolution) -> Conflict:
    when = found.resolved_at.strftime("%Y-%m-%d %H:%M UTC")
    return Conflict(
        f"conflict {found.conflict_key[:12]} was already resolved by {found.resolved_by} at {when}"
    )


def add_resolution(
    session: Session,
    *,
    conflict_key: str,
    kind: str,
    sender: str,
    receiver: str,
    claim_ids: Sequence[str],
    outcome: str,
    kept: Sequence[str],
    note: str | None,
    resolved_by: str,
) -> Resolution:
    """Record a resolution; a second one for the same conflict is a Conflict naming the first."""
    existing = find_resolution(session, conflict_key)
    if existing is not None:
        raise _already_resolved(existing)
    row = ConflictResolutionRow(
        conflict_key=conflict_key,
        kind=kind,
        sender=sender,
        receiver=receiver,
        claim_ids=list(claim_ids),
        outcome=outcome,
        kept=list(kept),
        note=note,
        resolved_by=resolved_by,
        resolved_at=datetime.now(UTC),
    )
    try:
        # A savepoint: a reviewer resolving the same conflict at the same moment loses
        # the race on the unique key, not the whole transaction.
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        winner = find_resolution(session, conflict_key)
        if winner is None:
            raise
        raise _already_resolved(winner) from None
    return _resolution(row)


def list_resolutions(session: Session, *, limit: int | None = None) -> list[Resolution]:
    query = select(ConflictResolutionRow).order_by(ConflictResolutionRow.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [_resolution(row) for row in session.scalars(query)]


def resolutions_for_claim(session: Session, claim_id: str) -> list[Resolution]:
    # JSON containment differs per dialect; the table stays small, so filter here.
    return [r for r in list_resolutions(session) if claim_id in r.claim_ids]


@dataclass(frozen=True, slots=True)
class Submission:
    id: int
    document_id: str | None
    url: str | None
    filename: str | None
    content_type: str | None
    size: int
    note: str | None
    submitted_by: str
    submitted_at: datetime
    status: str

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "document_id": self.document_id,
            "url": self.url,
            "filename": self.filename,
            "content_type": self.content_type,
            "size": self.size,
            "note": self.note,
            "submitted_by": self.submitted_by,
            "submitted_at": self.submitted_at.isoformat(),
            "status": self.status,
        }


def _submission(row: SubmissionRow) -> Submission:
    return Submission(
        id=row.id,
        document_id=row.document_id,
        url=row.url,
        filename=row.filename,
        content_type=row.content_type,
        size=len(row.content or b""),
        note=row.note,
        submitted_by=row.submitted_by,
        submitted_at=utc(row.submitted_at),
        status=row.status,
    )


def add_submission(
    session: Session,
    *,
    document_id: str | None,
    submitted_by: str,
    url: str | None = None,
    filename: str | None = None,
    content_type: str | None = None,
    content: bytes | None = None,
    note: str | None = None,
) -> Submission:
    row = SubmissionRow(
        document_id=document_id,
        url=url,
        filename=filename,
        content_type=content_type,
        content=content,
        note=note,
        submitted_by=submitted_by,
        submitted_at=datetime.now(UTC),
        status="new",
    )
    session.add(row)
    session.flush()
    return _submission(row)


def list_submissions(
    session: Session, *, submitted_by: str | None = None, status: str | None = None
) -> list[Submission]:
    query = select(SubmissionRow).order_by(SubmissionRow.id.desc())
    if submitted_by is not None:
        query = query.where(SubmissionRow.submitted_by == submitted_by)
    if status is not None:
        query = query.where(SubmissionRow.status == status)
    return [_submission(row) for row in session.scalars(query)]
