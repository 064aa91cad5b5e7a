"""The audit trail as people read it: a claim's history (every version of it, every
decision on any of them, reports and conflict resolutions) and the JSON-lines export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.documents import Document
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store import reports as report_repo
from thirdcountry.store import review_records
from thirdcountry.store.reports import ProblemReport
from thirdcountry.store.review_records import Resolution
from thirdcountry.store.tables import AuditRow


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    claim_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None
    prev_hash: str
    hash: str
    mac: str | None = None  # under the audit key; exported, not shown in the history

    @property
    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for each field that differs, for display."""
        before, after = self.before or {}, self.after or {}
        names = list(dict.fromkeys([*before, *after]))
        return [(n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            # The form the hash was computed over, so an exported copy can be re-verified.
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "actor": self.actor,
            "action": self.action,
            "claim_id": self.claim_id,
            "before": self.before,
            "after": self.after,
            "note": self.note,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def _entry(row: AuditRow) -> AuditEntry:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
    return AuditEntry(
        id=row.id,
        at=at,
        actor=row.actor,
        action=row.action,
        claim_id=row.claim_id,
        before=row.before,
        after=row.after,
        note=row.note,
        prev_hash=row.prev_hash,
        hash=row.hash,
        mac=row.mac,
    )


@dataclass(slots=True)
class ClaimHistory:
    claim: Claim
    chain: list[Claim]  # oldest first: what it corrected, itself, what corrected it
    versions: dict[str, int]
    entries: list[AuditEntry]
    reports: list[ProblemReport]
    resolutions: list[Resolution]
    document: Document | None

    @property
    def public(self) -> bool:
        """Decided claims are part of the public record; a purely pending chain is not."""
        return any(c.review_state is not ReviewState.PENDING for c in self.chain)

    @property
    def current(self) -> Claim:
        """The version that stands: the newest not rejected, else the newest."""
        for claim in reversed(self.chain):
            if claim.review_state is not ReviewState.REJECTED:
                return claim
        return self.chain[-1]

    def to_dict(self, *, with_reports: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "claim": self.claim.to_dict(),
            "current": self.current.id,
            "chain": [{**c.to_dict(), "version": self.versions[c.id]} for c in self.chain],
            "audit": [e.to_dict() for e in self.entries],
            "resolutions": [r.to_dict() for r in self.resolutions],
            "document": self.document.to_dict() if self.document else None,
        }
        if with_reports:
            out["reports"] = [
                {"id": r.id, "message": r.message, "status": r.status, "resolved_by": r.resolved_by}
                for r in self.reports
            ]
        return out


def claim_history(session: Session, claim_id: str) -> ClaimHistory:
    claim = claim_repo.get_claim(session, claim_id)
    chain = claim_repo.superseding_chain(session, claim_id)
    ids = [c.id for c in chain]
    rows = session.scalars(select(AuditRow).where(AuditRow.claim_id.in_(ids)).order_by(AuditRow.id))
    reports = [
        r for cid in ids for r in report_repo.list_reports(session, status=None, claim_id=cid)
    ]
    resolutions = {
        r.id: r for cid in ids for r in review_records.resolutions_for_claim(session, cid)
    }
    document = document_repo.get_document(session, claim.document_id) if claim.document_id else None
    return ClaimHistory(
        claim=claim,
        chain=chain,
        versions={cid: claim_repo.claim_version(session, cid) for cid in ids},
        entries=[_entry(row) for row in rows],
        reports=reports,
        resolutions=sorted(resolutions.values(), key=lambda r: r.id),
        document=document,
    )


def audit_entries(session: Session, *, since_id: int = 0) -> Iterator[AuditEntry]:
    """Every entry of the log in order, read in batches so the export stays small in memory."""
    last = since_id
    while True:
        batch = list(
            session.scalars(
                select(AuditRow).where(AuditRow.id > last).order_by(AuditRow.id).limit(500)
            )
        )
        if not batch:
            return
        for row in batch:
            yield _entry(row)
        last = batch[-1].id
        session.expunge_all()


def export_lines(session: Session, *, since_id: int = 0) -> Iterator[str]:
    """The log as JSON lines: one entry a line, with the hashes (and MACs, for entries
    written under the audit key), so a copy can be verified."""
    for entry in audit_entries(session, since_id=since_id):
        line = entry.to_dict() | ({"mac": entry.mac} if entry.mac else {})
        yield json.dumps(line, ensure_ascii=False, sort_keys=True, default=str)
