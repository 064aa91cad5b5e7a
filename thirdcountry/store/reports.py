"""Repository functions for problem reports. Resolving one is an audited decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from thirdcountry.domain.errors import BadInput, Conflict, NotFound
from thirdcountry.store import audit
from thirdcountry.store.reports_tables import ProblemReportRow
from thirdcountry.store.tables import ClaimRow

MAX_MESSAGE = 4000


@dataclass(frozen=True, slots=True)
class ProblemReport:
    id: int
    claim_id: str
    message: str
    contact: str | None
    created_at: datetime
    status: str
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    resolution_note: str | None = None


def _to_domain(row: ProblemReportRow) -> ProblemReport:
    return ProblemReport(
        id=row.id,
        claim_id=row.claim_id,
        message=row.message,
        contact=row.contact,
        created_at=row.created_at,
        status=row.status,
        resolved_by=row.resolved_by,
        resolved_at=row.resolved_at,
        resolution_note=row.resolution_note,
    )


def add_report(
    session: Session, claim_id: str, message: str, contact: str | None = None
) -> ProblemReport:
    message = (message or "").strip()
    if not message:
        raise BadInput("a problem report needs a message saying what is wrong")
    if len(message) > MAX_MESSAGE:
        raise BadInput(f"a problem report may be at most {MAX_MESSAGE} characters")
    if session.get(ClaimRow, claim_id) is None:
        raise NotFound(f"no claim with id {claim_id!r}")
    row = ProblemReportRow(
        claim_id=claim_id,
        message=message,
        contact=(contact or "").strip()[:200] or None,
        created_at=datetime.now(UTC),
        status="open",
    )
    session.add(row)
    session.flush()
    return _to_domain(row)


def list_reports(
    session: Session, *, status: str | None = "open", claim_id: str | None = None
) -> list[ProblemReport]:
    query = select(ProblemReportRow).order_by(ProblemReportRow.id)
    if status is not None:
        query = query.where(ProblemReportRow.status == status)
    if claim_id is not None:
        query = query.where(ProblemReportRow.claim_id == claim_id)
    return [_to_domain(row) for row in session.scalars(query)]


def resolve_report(
    session: Session, report_id: int, reviewer: str, note: str | None = None
) -> ProblemReport:
    row = session.get(ProblemReportRow, report_id)
    if row is None:
        raise NotFound(f"no problem report {report_id}")
    if row.status != "open":
        raise Conflict(f"problem report {report_id} was already resolved by {row.resolved_by}")
    row.status = "resolved"
    row.resolved_by = reviewer
    row.resolved_at = datetime.now(UTC)
    row.resolution_note = note
    session.flush()
    audit.append(
        session,
        actor=reviewer,
        action="resolve_report",
        claim_id=row.claim_id,
        before={"report": report_id, "status": "open"},
        after={"report": report_id, "status": "resolved"},
        note=note,
        at=row.resolved_at,
    )
    return _to_domain(row)
