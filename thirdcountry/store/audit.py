"""The audit log: append-only, each entry chained to the one before by a SHA-256 hash,
and keyed when an audit key is configured.

* The hash chain alone shows an entry edited or deleted by someone who did not also
  recompute the hashes after it (``verify_chain``).
* With a key (the ``audit_key`` setting, kept outside the database), each entry also
  carries ``mac`` = HMAC-SHA256(key, its hash). Whoever can write the database but does
  not hold the key cannot recompute the chain after an edit, or append entries, without
  the MACs showing it.
* Cutting the newest entries away (and moving ``meta.audit_head`` back) leaves a valid
  shorter chain; only a checkpoint kept elsewhere shows it: ``checkpoint`` gives the head
  (``N:HASH``, with ``:MAC`` under the key) and ``verify_against`` checks the log still
  holds that entry with that hash. The latest checkpoint is published with the public
  data (changes feed, data package), so anyone can keep one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from thirdcountry.domain.errors import BadInput
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


def _mac(key: bytes, purpose: str, message: str) -> str:
    return hmac.new(key, f"thirdcountry-audit-{purpose}\n{message}".encode(), "sha256").hexdigest()


def entry_mac(key: bytes, entry_hash_value: str) -> str:
    """An entry's MAC: its hash (which covers its content and its predecessor's hash)
    under the key, so a chain recomputed without the key fails here."""
    return _mac(key, "entry", entry_hash_value)


def session_key(session: Session) -> bytes | None:
    """The audit key the store that made this session was opened with (None: no key)."""
    key = session.info.get("audit_key")
    return key if isinstance(key, bytes) and key else None


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
    key = session_key(session)
    row.mac = entry_mac(key, row.hash) if key else None
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
    # What this check could not vouch for (no key to check MACs with, entries without one).
    limits: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _ranges(ids: list[int]) -> str:
    """``[3, 4, 5, 9]`` as ``3-5, 9``: a wrong key must not print one line per entry."""
    spans: list[list[int]] = []
    for number in ids:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def verify_chain(session: Session, key: bytes | None = None) -> ChainReport:
    """Check every entry's hash and link, and its MAC when a key is at hand (``key``, else
    the session's store's); name each broken entry."""
    key = key or session_key(session)
    problems: list[str] = []
    previous_hash = GENESIS
    expected_id = 1
    count = 0
    bad_macs: list[int] = []
    unkeyed: list[int] = []
    keyed = 0
    first_keyed: int | None = None
    for row in session.scalars(select(AuditRow).order_by(AuditRow.id)):
        count += 1
        if row.id != expected_id:
            problems.append(f"entry {expected_id} is missing (next is {row.id})")
        if row.prev_hash != previous_hash:
            problems.append(f"entry {row.id} does not follow the entry before it")
        if entry_hash(row) != row.hash:
            problems.append(f"entry {row.id} was changed after it was written")
        if row.mac:
            keyed += 1
            first_keyed = first_keyed or row.id
            if key and not hmac.compare_digest(row.mac, entry_mac(key, row.hash)):
                bad_macs.append(row.id)
        elif first_keyed is not None:
            unkeyed.append(row.id)
        previous_hash = row.hash
        expected_id = row.id + 1
    if bad_macs:
        problems.append(
            f"entries {_ranges(bad_macs)}: MAC does not match (rewritten without the audit "
            "key, or audit_key is not the key they were written with)"
        )
    if unkeyed:
        problems.append(
            f"entries {_ranges(unkeyed)} have no MAC though entry {first_keyed} before them "
            "has one (written or rewritten without the audit key)"
        )
    head = session.get(MetaRow, HEAD_KEY)
    recorded = head.value if head else None
    actual = f"{expected_id - 1}:{previous_hash}" if count else None
    if recorded != actual:
        problems.append(f"the newest entry is not the one last written (recorded {recorded})")
    limits: list[str] = []
    if keyed and not key:
        limits.append("MACs not checked: no audit_key is set")
    if count and not keyed:
        limits.append(
            "hashes only, no entry has a MAC: someone who can write the database could "
            "rewrite the log undetected (set audit_key, keep checkpoints)"
        )
    elif first_keyed is not None and first_keyed > 1:
        limits.append(f"entries 1-{first_keyed - 1} were written before the audit key")
    return ChainReport(count, problems, limits)


# -- checkpoints ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """The head of the log at one moment, to keep somewhere a database writer cannot reach:
    ``N:HASH``, or ``N:HASH:MAC`` when made under the audit key."""

    entry: int
    hash: str
    mac: str | None = None

    def token(self) -> str:
        return f"{self.entry}:{self.hash}" + (f":{self.mac}" if self.mac else "")

    @classmethod
    def parse(cls, raw: str) -> Checkpoint:
        parts = raw.strip().split(":")
        hexes = parts[1:]
        if (
            len(parts) not in (2, 3)
            or not parts[0].isdigit()
            or any(len(p) != 64 or p.strip("0123456789abcdef") for p in hexes)
        ):
            shown = raw.strip()[:80]
            raise BadInput(
                f"audit checkpoint {shown!r} is not ENTRY:HASH[:MAC] "
                "(as `thirdcountry audit checkpoint` prints it)"
            )
        return cls(int(parts[0]), parts[1], parts[2] if len(parts) == 3 else None)


def _checkpoint_mac(key: bytes, entry: int, hash_value: str) -> str:
    return _mac(key, "checkpoint", f"{entry}:{hash_value}")


def checkpoint(session: Session, key: bytes | None = None) -> Checkpoint:
    """The newest entry as a checkpoint, with a MAC when a key is at hand."""
    key = key or session_key(session)
    last = session.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(1)).first()
    entry, hash_value = (last.id, last.hash) if last else (0, GENESIS)
    return Checkpoint(entry, hash_value, _checkpoint_mac(key, entry, hash_value) if key else None)


def verify_against(session: Session, kept: Checkpoint, key: bytes | None = None) -> ChainReport:
    """``verify_chain``, plus: does the log still hold the checkpoint's entry, unchanged?

    A log cut back below the checkpoint, or rewritten at or before its entry (even with
    every hash recomputed), no longer matches it. A checkpoint with a MAC is checked
    against the key first, so a forged one is refused rather than believed.
    """
    key = key or session_key(session)
    report = verify_chain(session, key)
    problems, limits = list(report.problems), list(report.limits)
    if kept.mac and key:
        if not hmac.compare_digest(kept.mac, _checkpoint_mac(key, kept.entry, kept.hash)):
            problems.append(
                "the checkpoint's MAC does not match: it was not made with this audit key"
            )
            return ChainReport(report.entries, problems, limits)
    elif kept.mac:
        limits.append("the checkpoint's MAC was not checked: no audit_key is set")
    row = session.get(AuditRow, kept.entry) if kept.entry else None
    if kept.entry and row is None:
        newest = session.scalar(select(func.max(AuditRow.id))) or 0
        cut = " (newest entries deleted)" if newest < kept.entry else ""
        problems.append(
            f"entry {kept.entry} of the checkpoint is missing: the log ends at entry {newest}{cut}"
        )
    elif row is not None and row.hash != kept.hash:
        problems.append(
            f"entry {kept.entry} is not the one the checkpoint recorded: the log was "
            f"rewritten at or before entry {kept.entry}"
        )
    return ChainReport(report.entries, problems, limits)


def history(session: Session, claim_id: str) -> list[AuditRow]:
    return list(
        session.scalars(select(AuditRow).where(AuditRow.claim_id == claim_id).order_by(AuditRow.id))
    )
