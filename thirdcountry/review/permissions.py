"""Who may do what: the one table of roles × actions.

Every check in the web pages, the scripted API and the tests reads ``MATRIX``; changing a
permission is changing one line here (and ``docs/review.md``, which a test compares).
"""

from __future__ import annotations

from enum import StrEnum

from thirdcountry.domain.errors import Forbidden


class Role(StrEnum):
    CONTRIBUTOR = "contributor"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class Action(StrEnum):
    SUBMIT_SOURCE = "submit_source"
    PROPOSE_CLAIM = "propose_claim"
    VIEW_HISTORY = "view_history"
    VIEW_QUEUE = "view_queue"
    ACCEPT = "accept"
    REJECT = "reject"
    CORRECT = "correct"
    BULK_ACCEPT = "bulk_accept"
    VIEW_CONFLICTS = "view_conflicts"
    RESOLVE_CONFLICT = "resolve_conflict"
    RESOLVE_REPORT = "resolve_report"
    MANAGE_USERS = "manage_users"


_EVERYONE = frozenset(Role)
_REVIEWERS = frozenset({Role.REVIEWER, Role.ADMIN})

MATRIX: dict[Action, frozenset[Role]] = {
    Action.SUBMIT_SOURCE: _EVERYONE,
    Action.PROPOSE_CLAIM: _EVERYONE,
    Action.VIEW_HISTORY: _EVERYONE,
    Action.VIEW_QUEUE: _REVIEWERS,
    Action.ACCEPT: _REVIEWERS,
    Action.REJECT: _REVIEWERS,
    Action.CORRECT: _REVIEWERS,
    Action.BULK_ACCEPT: _REVIEWERS,
    Action.VIEW_CONFLICTS: _REVIEWERS,
    Action.RESOLVE_CONFLICT: _REVIEWERS,
    Action.RESOLVE_REPORT: _REVIEWERS,
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
}

# What the same words mean to a reader of the docs and of a 403 message.
DESCRIPTIONS: dict[Action, str] = {
    Action.SUBMIT_SOURCE: "submit a source (URL or file)",
    Action.PROPOSE_CLAIM: "propose a claim (stored as pending)",
    Action.VIEW_HISTORY: "see the history of a pending claim (decided claims are public)",
    Action.VIEW_QUEUE: "see the review queue and problem reports",
    Action.ACCEPT: "accept a pending claim",
    Action.REJECT: "reject a claim, with a note",
    Action.CORRECT: "correct a claim (writes a superseding claim)",
    Action.BULK_ACCEPT: "accept every pending claim of a document",
    Action.VIEW_CONFLICTS: "see conflicts between accepted claims",
    Action.RESOLVE_CONFLICT: "record the resolution of a conflict",
    Action.RESOLVE_REPORT: "resolve a problem report",
    Action.MANAGE_USERS: "add users, change roles, disable accounts, issue API tokens",
}


def allowed(role: Role | str | None, action: Action) -> bool:
    """True when ``role`` (None: not logged in) may perform ``action``."""
    if role is None:
        return False
    return Role(role) in MATRIX[action]


def require(role: Role | str | None, action: Action, who: str = "you") -> None:
    if not allowed(role, action):
        roles = ", ".join(sorted(r.value for r in MATRIX[action]))
        raise Forbidden(f"{who} may not {DESCRIPTIONS[action]} (needs the role: {roles})")


def permissions_markdown() -> str:
    """The matrix as the Markdown table printed in docs/review.md."""
    roles = list(Role)
    lines = [
        "| action | " + " | ".join(r.value for r in roles) + " | meaning |",
        "| --- | " + " | ".join("---" for _ in roles) + " | --- |",
    ]
    for action in Action:
        marks = " | ".join("yes" if r in MATRIX[action] else "no" for r in roles)
        lines.append(f"| `{action.value}` | {marks} | {DESCRIPTIONS[action]} |")
    return "\n".join(lines) + "\n"
