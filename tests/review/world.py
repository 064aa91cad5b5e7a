"""A store holding one of everything a review action can act on, and the requests that
perform each action on the web pages and on the scripted API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thirdcountry.review import accounts, decisions
from thirdcountry.review.permissions import Action, Role
from thirdcountry.review.queue import current_conflicts
from thirdcountry.store import Store, reports

from .conftest import PASSWORD, Seeded, add_claim, add_document, seed


@dataclass
class World:
    seeded: Seeded
    conflict_key: str
    report_id: int
    tokens: dict[str, str]

    @property
    def store(self) -> Store:
        return self.seeded.store

    def ids(self) -> dict[str, Any]:
        return {
            "pending": self.seeded.pending.id,
            "other": self.seeded.other.id,
            "doc": self.seeded.doc.id,
            "key": self.conflict_key,
            "report": self.report_id,
        }


def build_world(store: Store) -> World:
    seeded = seed(store)
    caps = []
    for count in (160, 150):
        doc = add_document(
            store, f"Eswatini will take up to {count} people.", f"https://e.example/{count}"
        )
        caps.append(add_claim(store, doc, quote=f"{count} people", receiver="SZ", count=count))
    with store.write() as session:
        for claim in caps:
            decisions.accept(session, "setup", claim.id)
        report = reports.add_report(session, caps[0].id, "The agreement says 150.")
        tokens = {role.value: accounts.issue_token(session, role.value, "setup") for role in Role}
    with store.read() as session:
        key = current_conflicts(session)[0].key
    return World(seeded, key, report.id, tokens)


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    data: dict[str, Any] | None = None


# Every action, performed through the web pages (form posts carry a CSRF token).
WEB_CALLS: dict[Action, list[Call]] = {
    Action.SUBMIT_SOURCE: [
        Call("GET", "/contribute"),
        Call("POST", "/contribute/source", {"url": "https://new.example/story", "kind": "news"}),
    ],
    Action.PROPOSE_CLAIM: [
        Call(
            "POST",
            "/contribute/claim",
            {
                "document": "{doc}",
                "kind": "role",
                "sender": "US",
                "receiver": "XK",
                "value": "temporary_stay_then_return",
                "quote": "before they return",
            },
        ),
    ],
    Action.VIEW_HISTORY: [Call("GET", "/review/claim/{pending}/history")],
    Action.VIEW_QUEUE: [Call("GET", "/review")],
    Action.ACCEPT: [Call("POST", "/review/claim/{pending}/accept", {"version": "1"})],
    Action.REJECT: [Call("POST", "/review/claim/{pending}/reject", {"version": "1", "note": "no"})],
    Action.CORRECT: [
        Call("GET", "/review/claim/{pending}/correct"),
        Call("POST", "/review/claim/{pending}/correct", {"version": "1", "count": "40"}),
    ],
    Action.BULK_ACCEPT: [
        Call("POST", "/review/document/{doc}/accept-all", {"seen": ["{pending}:1", "{other}:1"]})
    ],
    Action.VIEW_CONFLICTS: [Call("GET", "/review/conflicts")],
    Action.RESOLVE_CONFLICT: [
        Call("POST", "/review/conflicts/{key}/resolve", {"outcome": "all_stand", "note": "raised"})
    ],
    Action.RESOLVE_REPORT: [Call("POST", "/review/report/{report}/resolve", {"note": "checked"})],
    Action.MANAGE_USERS: [
        Call("GET", "/admin/users"),
        Call(
            "POST", "/admin/users", {"name": "newbie", "role": "contributor", "password": PASSWORD}
        ),
        Call("POST", "/admin/users/contributor", {"role": "reviewer", "active": "yes"}),
        Call("POST", "/admin/users/contributor/token", {"label": "script"}),
        Call("POST", "/admin/tokens/1/revoke", {}),
    ],
}

# Every action through the scripted API (bearer tokens, JSON bodies).
API_CALLS: dict[Action, list[Call]] = {
    Action.SUBMIT_SOURCE: [
        Call("POST", "/review/api/sources", {"url": "https://new.example/story"}),
        Call("POST", "/review/api/sources", {"text": "Plain text source.", "title": "Notes"}),
    ],
    Action.PROPOSE_CLAIM: [
        Call(
            "POST",
            "/review/api/claims",
            {
                "document_id": "{doc}",
                "kind": "capacity",
                "sender": "US",
                "receiver": "XK",
                "count": 45,
                "date": "2025-06",
            },
        ),
    ],
    Action.VIEW_HISTORY: [Call("GET", "/review/api/claims/{pending}/history")],
    Action.VIEW_QUEUE: [Call("GET", "/review/api/queue")],
    Action.ACCEPT: [Call("POST", "/review/api/claims/{pending}/accept", {"version": 1})],
    Action.REJECT: [
        Call("POST", "/review/api/claims/{pending}/reject", {"note": "no", "version": 1})
    ],
    Action.CORRECT: [
        Call(
            "POST", "/review/api/claims/{pending}/correct", {"changes": {"count": 40}, "version": 1}
        )
    ],
    Action.BULK_ACCEPT: [Call("POST", "/review/api/documents/{doc}/accept", {})],
    Action.VIEW_CONFLICTS: [Call("GET", "/review/api/conflicts")],
    Action.RESOLVE_CONFLICT: [
        Call(
            "POST",
            "/review/api/conflicts/{key}/resolve",
            {"outcome": "all_stand", "note": "raised"},
        )
    ],
    Action.RESOLVE_REPORT: [
        Call("POST", "/review/api/reports/{report}/resolve", {"note": "checked"})
    ],
    Action.MANAGE_USERS: [
        Call("GET", "/review/api/users"),
        Call(
            "POST",
            "/review/api/users",
            {"name": "newbie", "role": "contributor", "password": PASSWORD},
        ),
        Call("POST", "/review/api/users/contributor", {"role": "reviewer"}),
    ],
}


def fill(value: Any, ids: dict[str, Any]) -> Any:
    if isinstance(value, str):
        return value.format(**ids)
    if isinstance(value, list):
        return [fill(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, ids) for k, v in value.items()}
    return value
