"""Auto-accept policies for unattended use: accept pending claims that a rule vouches for
(extractor confidence, kind of source, kind of claim), each recorded in the audit trail as
a decision by ``policy:<rule name>`` with the reason in the note.

Rules live in a YAML (or JSON) file::

    rules:
      - name: government-statements
        min_confidence: 0.9
        source_kinds: [government, court]     # omitted: any source kind
        claim_kinds: [arrangement_status]     # omitted: any claim kind
        extractors: [rules-en]                # extractor prefixes; omitted: any

Claims proposed by people, claims without a confidence and claims with an open problem
report are never accepted by a policy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import BadInput, Conflict
from thirdcountry.domain.vocabulary import ClaimKind, DocumentKind, ReviewState
from thirdcountry.store import Store
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import reports as report_repo
from thirdcountry.store.tables import ClaimRow, DocumentRow

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")
_RULE_KEYS = {"name", "min_confidence", "source_kinds", "claim_kinds", "extractors"}


@dataclass(frozen=True, slots=True)
class AcceptRule:
    name: str
    min_confidence: float
    source_kinds: frozenset[DocumentKind] = frozenset()
    claim_kinds: frozenset[ClaimKind] = frozenset()
    extractors: tuple[str, ...] = ()

    @property
    def actor(self) -> str:
        return f"policy:{self.name}"

    def reason(self, claim: Claim, source_kind: DocumentKind | None) -> str | None:
        """Why this rule accepts the claim, or None when it does not."""
        if claim.confidence is None or claim.confidence < self.min_confidence:
            return None
        if (claim.extractor or "").startswith("person:"):
            return None
        if self.claim_kinds and claim.kind not in self.claim_kinds:
            return None
        if self.source_kinds and source_kind not in self.source_kinds:
            return None
        if self.extractors and not (claim.extractor or "").startswith(self.extractors):
            return None
        parts = [f"confidence {claim.confidence:.2f} ≥ {self.min_confidence:.2f}"]
        if self.source_kinds and source_kind is not None:
            parts.append(f"{source_kind.value} source")
        if self.extractors:
            parts.append(f"extractor {claim.extractor}")
        return f"rule {self.name}: " + ", ".join(parts)


def _choices(raw: Any, enum: Any, where: str) -> frozenset[Any]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list):
        raise BadInput(f"{where} must be a list")
    try:
        return frozenset(enum(item) for item in raw)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise BadInput(f"{where}: {raw!r} holds a value not among: {allowed}") from None


def parse_rules(data: Any, source: str = "rules") -> list[AcceptRule]:
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list) or not data["rules"]:
        raise BadInput(f"{source}: expected a mapping with a non-empty list under 'rules'")
    rules = []
    for number, raw in enumerate(data["rules"], start=1):
        where = f"{source}: rule #{number}"
        if not isinstance(raw, dict):
            raise BadInput(f"{where} must be a mapping")
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise BadInput(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        name = str(raw.get("name", ""))
        if not _NAME.match(name):
            raise BadInput(f"{where}: name {name!r} must be lowercase letters, digits, . _ -")
        confidence = raw.get("min_confidence")
        if isinstance(confidence, bool) or not isinstance(confidence, int | float):
            raise BadInput(f"{where}: min_confidence must be a number between 0 and 1")
        if not 0 < float(confidence) <= 1:
            raise BadInput(f"{where}: min_confidence must be above 0 and at most 1")
        extractors = raw.get("extractors") or []
        if not isinstance(extractors, list):
            raise BadInput(f"{where}.extractors must be a list")
        rules.append(
            AcceptRule(
                name=name,
                min_confidence=float(confidence),
                source_kinds=_choices(
                    raw.get("source_kinds"), DocumentKind, f"{where}.source_kinds"
                ),
                claim_kinds=_choices(raw.get("claim_kinds"), ClaimKind, f"{where}.claim_kinds"),
                extractors=tuple(str(e) for e in extractors),
            )
        )
    names = [r.name for r in rules]
    if len(set(names)) != len(names):
        raise BadInput(f"{source}: rule names must be unique")
    return rules


def load_rules(path: Path) -> list[AcceptRule]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"rules file {path} does not exist") from None
    except yaml.YAMLError as exc:
        raise BadInput(f"rules file {path}: not valid YAML ({exc})") from None
    return parse_rules(data, str(path))


@dataclass(slots=True)
class AutoAcceptReport:
    considered: int = 0
    accepted: list[tuple[str, str]] = field(default_factory=list)  # (claim id, reason)
    skipped: list[str] = field(default_factory=list)  # decided by someone else meanwhile

    def to_dict(self) -> dict[str, object]:
        return {
            "considered": self.considered,
            "accepted": [{"claim": c, "reason": r} for c, r in self.accepted],
            "skipped": list(self.skipped),
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    claim_id: str
    version: int  # the version the rule looked at; a decision taken since wins
    rule: AcceptRule
    reason: str


def candidates(store: Store, rules: Sequence[AcceptRule]) -> tuple[int, list[Candidate]]:
    """How many claims are pending, and those a rule vouches for (first matching rule)."""
    with store.read() as session:
        reported = {r.claim_id for r in report_repo.list_reports(session, status="open")}
        rows = session.execute(
            select(ClaimRow, ClaimRow.version, DocumentRow.kind)
            .outerjoin(DocumentRow, DocumentRow.id == ClaimRow.document_id)
            .where(ClaimRow.review_state == ReviewState.PENDING.value)
            .order_by(ClaimRow.id)
        ).all()
        pending = [
            (claim_repo.to_domain(row), version, DocumentKind(kind) if kind else None)
            for row, version, kind in rows
        ]
    found = []
    for claim, version, source_kind in pending:
        if claim.id in reported:
            continue
        for rule in rules:
            why = rule.reason(claim, source_kind)
            if why:
                found.append(Candidate(claim.id, version, rule, why))
                break
    return len(pending), found


def apply(store: Store, found: Sequence[Candidate], report: AutoAcceptReport) -> None:
    """Accept each candidate in its own transaction, at the version the rule saw."""
    for candidate in found:
        try:
            with store.write() as session:
                claim_repo.review_claim(
                    session,
                    candidate.claim_id,
                    ReviewState.ACCEPTED,
                    candidate.rule.actor,
                    note=candidate.reason,
                    expected_version=candidate.version,
                )
        except Conflict as refused:
            report.skipped.append(refused.message)
            continue
        report.accepted.append((candidate.claim_id, candidate.reason))


def auto_accept(
    store: Store, rules: Sequence[AcceptRule], *, dry_run: bool = False
) -> AutoAcceptReport:
    """Apply the rules to every pending claim; with ``dry_run``, only say what they would
    accept. A person's decision taken meanwhile stands and is reported, not overwritten."""
    considered, found = candidates(store, rules)
    report = AutoAcceptReport(considered=considered)
    if dry_run:
        report.accepted = [(c.claim_id, c.reason) for c in found]
    else:
        apply(store, found, report)
    return report
