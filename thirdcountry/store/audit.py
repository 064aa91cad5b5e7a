"""The audit log: append-only, each entry chained to the one before by a SHA-256 hash.

Editing or deleting a row breaks the chain, which ``verify_chain`` reports.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from thirdcountry.store.tables import AuditRow, MetaRow

HEAD_KEY = "audit_head"

GENESIS = "0" * 64


def _canonical(row: AuditRow) -> str:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
    payload = {
        "id": row.id,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": row.actor,
        "action": row.action,
        "claim_id": row.claim_id,
        "before": row.before,
        "after": row.after,
        "note": row.note,
        "prev_hash": row.prev_hash,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)


def entry_hash(row: AuditRow) -> str:
    return hashlib.sha256(_canonical(row).encode("utf-8")).hexdigest()


def _lock_chain(session: Session) -> None:
    # SQLite writers already hold the database lock (BEGIN IMMEDIATE); PostgreSQL needs
    # one lock so that two appends never chain to the same predecessor.
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7311)"))


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    claim_id: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> AuditRow:
    """Add one decision to the log, inside the caller's transaction."""
    _lock_chain(session)
    last = session.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(1)).first()
    row = AuditRow(
        id=(last.id + 1) if last else 1,
        at=(at or datetime.now(UTC)),
        actor=actor,
        action=action,
        claim_id=claim_id,
        before=before,
        after=after,
        note=note,
        prev_hash=last.hash if last else GENESIS,
        hash="",
    )
    row.hash = entry_hash(row)
    session.add(row)
    # The head is kept apart from the rows so that deleting the newest entry shows too.
    head = session.get(MetaRow, HEAD_KEY)
    if head is None:
        session.add(MetaRow(key=HEAD_KEY, value=f"{row.id}:{row.hash}"))
    else:
        head.value = f"{row.id}:{row.hash}"
    session.flush()
    return row


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(session: Session) -> ChainReport:
    """Check every entry's hash and link; name each broken entry."""
    problems: list[str] = []
    previous_hash = GENESIS
    expected_id = 1
    count = 0
    for row in session.scalars(select(AuditRow).order_by(AuditRow.id)):
        count += 1
        if row.id != expected_id:
            problems.append(f"entry {expected_id} is missing (next is {row.id})")
        if row.prev_hash != previous_hash:
            problems.append(f"entry {row.id} does not follow the entry before it")
        if entry_hash(row) != row.hash:
            problems.append(f"entry {row.id} was changed after it was written")
        previous_hash = row.hash
        expected_id = row.id + 1
    head = session.get(MetaRow, HEAD_KEY)
    recorded = head.value if head else None
    actual = f"{expected_id - 1}:{previous_hash}" if count else None
    if recorded != actual:
        problems.append(f"the newest entry is not the one last written (recorded {recorded})")
    return ChainReport(count, problems)


def history(session: Session, claim_id: str) -> list[AuditRow]:
    return list(
        session.scalars(select(AuditRow).where(AuditRow.claim_id == claim_id).order_by(AuditRow.id))
    )
