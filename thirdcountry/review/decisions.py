"""Reviewers' decisions: accept, reject, correct, bulk accept, resolve a problem report,
resolve a conflict. Each runs inside the caller's transaction and leaves audit entries.

Every decision on a claim names the version the reviewer saw. When someone else decided
first, the decision is refused with a Conflict saying who and when — never a silent
overwrite (the check is an UPDATE … WHERE version = seen, so it holds across processes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import BadInput, Conflict, NotFound
from thirdcountry.domain.projection import ProjectionRules
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.review.conflicts import ClaimConflict
from thirdcountry.review.fields import changed_fields, parse_fields
from thirdcountry.review.queue import current_conflicts
from thirdcountry.store import audit, review_records
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store import reports as report_repo
from thirdcountry.store.reports import ProblemReport
from thirdcountry.store.reports_tables import ProblemReportRow
from thirdcountry.store.review_records import Resolution
from thirdcountry.store.tables import ClaimRow

MAX_NOTE = 4000


def _note(note: str | None, *, required: str | None = None) -> str | None:
    cleaned = (note or "").strip()
    if not cleaned and required:
        raise BadInput(required)
    if len(cleaned) > MAX_NOTE:
        raise BadInput(f"a note may be at most {MAX_NOTE} characters")
    return cleaned or None


def accept(
    session: Session,
    actor: str,
    claim_id: str,
    *,
    version: int | None = None,
    note: str | None = None,
) -> Claim:
    return claim_repo.review_claim(
        session,
        claim_id,
        ReviewState.ACCEPTED,
        actor,
        note=_note(note),
        expected_version=version,
    )


def reject(
    session: Session,
    actor: str,
    claim_id: str,
    *,
    note: str | None,
    version: int | None = None,
    withdraw: bool = False,
) -> Claim:
    """Reject a pending claim; with ``withdraw``, also one already accepted (the version
    the reviewer saw guards against undoing a decision they have not seen)."""
    return claim_repo.review_claim(
        session,
        claim_id,
        ReviewState.REJECTED,
        actor,
        note=_note(note, required="a rejection needs a note saying why"),
        expected_version=version,
        allow_change=withdraw,
    )


def _changed_since(session: Session, claim_id: str, version: int | None) -> None:
    if version is not None and claim_repo.claim_version(session, claim_id) != version:
        claim = claim_repo.get_claim(session, claim_id)
        when = claim.reviewed_at.strftime("%Y-%m-%d %H:%M UTC") if claim.reviewed_at else "?"
        raise Conflict(
            f"claim {claim_id} was already {claim.review_state.value} by {claim.reviewer} at "
            f"{when}; reload to see it"
        )


def _evidence(session: Session, claim: Claim, quote: str | None) -> dict[str, Any]:
    """The evidence span of a new quote inside the claim's document, when it has text."""
    if quote is None:
        return {"quote": None, "evidence_start": None, "evidence_end": None}
    text = (
        document_repo.get_document(session, claim.document_id).text if claim.document_id else None
    )
    if not text:
        return {"quote": quote}
    start = text.find(quote)
    if start == -1:
        raise BadInput("the quote is not in the document's text; copy it exactly")
    return {"quote": quote, "evidence_start": start, "evidence_end": start + len(quote)}


def correct(
    session: Session,
    actor: str,
    claim_id: str,
    wanted: Mapping[str, Any],
    *,
    version: int | None = None,
    note: str | None = None,
) -> Claim:
    """Write a corrected claim superseding ``claim_id``.

    A pending original is closed as rejected (pointing at its correction) so it leaves the
    queue; an accepted one stays as it was, superseded, and the history shows both.
    """
    original = claim_repo.get_claim(session, claim_id)
    changes = changed_fields(original, parse_fields(wanted))
    if not changes:
        raise BadInput("the correction changes nothing; accept the claim instead")
    if "quote" in changes:
        changes.update(_evidence(session, original, changes.pop("quote")))
    note = _note(note)
    if original.review_state is ReviewState.PENDING:
        corrected = claim_repo.correct_claim(session, claim_id, changes, actor, note=note)
        claim_repo.review_claim(
            session,
            claim_id,
            ReviewState.REJECTED,
            actor,
            note=f"corrected by claim {corrected.id}",
            expected_version=version,
        )
        return corrected
    _changed_since(session, claim_id, version)
    return claim_repo.correct_claim(session, claim_id, changes, actor, note=note)


@dataclass(slots=True)
class BulkResult:
    accepted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one message per claim not accepted

    def to_dict(self) -> dict[str, object]:
        return {"accepted": list(self.accepted), "skipped": list(self.skipped)}


def bulk_accept(
    session: Session,
    actor: str,
    document_id: str,
    *,
    versions: Mapping[str, int] | None = None,
    note: str | None = None,
) -> BulkResult:
    """Accept the document's pending claims the reviewer saw (``versions``: claim id →
    version shown; None accepts every pending claim). Claims decided meanwhile by someone
    else are skipped with the usual message; claims that arrived since are left pending."""
    document_repo.get_document(session, document_id)
    note = _note(note)
    result = BulkResult()
    if versions is None:
        pending = session.scalars(
            select(ClaimRow.id).where(
                ClaimRow.document_id == document_id, ClaimRow.review_state == "pending"
            )
        )
        targets: dict[str, int | None] = dict.fromkeys(pending)
    else:
        targets = dict(versions)
    for claim_id in sorted(targets):
        seen = targets[claim_id]
        try:
            claim = claim_repo.get_claim(session, claim_id)
            if claim.document_id != document_id:
                raise BadInput(f"claim {claim_id} is not from document {document_id}")
            claim_repo.review_claim(
                session,
                claim_id,
                ReviewState.ACCEPTED,
                actor,
                note=note,
                expected_version=seen,
            )
        except (Conflict, NotFound) as refused:
            result.skipped.append(refused.message)
            continue
        result.accepted.append(claim_id)
    return result


def resolve_report(
    session: Session,
    actor: str,
    report_id: int,
    *,
    note: str | None,
    withdraw: bool = False,
    version: int | None = None,
) -> ProblemReport:
    """Close a problem report; with ``withdraw`` the claim it concerns is rejected too."""
    note = _note(note, required="resolving a report needs a note saying what was done")
    if withdraw:
        report = session.get(ProblemReportRow, report_id)
        if report is None:
            raise NotFound(f"no problem report {report_id}")
        reject(
            session,
            actor,
            report.claim_id,
            note=f"problem report #{report_id}: {note}",
            version=version,
            withdraw=True,
        )
    return report_repo.resolve_report(session, report_id, actor, note)


OUTCOMES = ("all_stand", "keep")


def resolve_conflict(
    session: Session,
    actor: str,
    conflict_key: str,
    *,
    outcome: str,
    keep: Sequence[str] = (),
    note: str | None,
    rules: ProjectionRules | None = None,
) -> Resolution:
    """Record how a reviewer resolved a conflict.

    ``all_stand``: every claim is right (a genuine dispute, a cap that changed); nothing
    changes but the record. ``keep``: only the claims in ``keep`` stand; the others are
    withdrawn (rejected) with a note pointing at this resolution.
    """
    note = _note(note, required="resolving a conflict needs a note saying why")
    if outcome not in OUTCOMES:
        raise BadInput(f"outcome {outcome!r} is not one of: {', '.join(OUTCOMES)}")
    conflict = _find_conflict(session, conflict_key, rules)
    kept = sorted(set(keep)) if outcome == "keep" else list(conflict.claim_ids)
    if outcome == "keep":
        strangers = set(kept) - set(conflict.claim_ids)
        if strangers:
            raise BadInput(f"claim(s) {', '.join(sorted(strangers))} are not in this conflict")
        if not kept or len(kept) == len(conflict.claim_ids):
            raise BadInput("keep some of the claims but not all (or choose all_stand)")
    resolution = review_records.add_resolution(
        session,
        conflict_key=conflict.key,
        kind=conflict.kind.value,
        sender=conflict.sender,
        receiver=conflict.receiver,
        claim_ids=conflict.claim_ids,
        outcome=outcome,
        kept=kept,
        note=note,
        resolved_by=actor,
    )
    for claim_id in conflict.claim_ids:
        withdrawn = claim_id not in kept
        if withdrawn:
            reject(
                session,
                actor,
                claim_id,
                note=f"conflict resolution #{resolution.id}: {note}",
                withdraw=True,
            )
        audit.append(
            session,
            actor=actor,
            action="resolve_conflict",
            claim_id=claim_id,
            before={"conflict": conflict.key, "kind": conflict.kind.value},
            after={
                "conflict": conflict.key,
                "resolution": resolution.id,
                "outcome": outcome,
                "stands": not withdrawn,
            },
            note=note,
        )
    return resolution


def _find_conflict(
    session: Session, conflict_key: str, rules: ProjectionRules | None
) -> ClaimConflict:
    for conflict in current_conflicts(session, rules):
        if conflict.key == conflict_key:
            return conflict
    done = review_records.find_resolution(session, conflict_key)
    if done is not None:
        when = done.resolved_at.strftime("%Y-%m-%d %H:%M UTC")
        raise Conflict(
            f"conflict {conflict_key[:12]} was already resolved by {done.resolved_by} at {when}"
        )
    raise NotFound(
        f"no open conflict {conflict_key[:12]}: its claims changed since; reload the conflicts"
    )
