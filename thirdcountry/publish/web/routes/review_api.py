"""The review actions as a JSON API for scripts, authenticated by API tokens.

Mounted under ``/review/api/`` (the public open-data API owns ``/api/v1``). Every endpoint
needs ``Authorization: Bearer <token>`` (``thirdcountry user token NAME``); no cookies,
so no CSRF token either. Errors use the project's JSON error shape. See docs/review.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from pydantic import BaseModel
from starlette.responses import JSONResponse, Response

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import normalize_code
from thirdcountry.domain.errors import BadInput
from thirdcountry.publish.web import auth
from thirdcountry.review import accounts, contribute, decisions
from thirdcountry.review.permissions import MATRIX, Action
from thirdcountry.review.queue import build_queue, conflict_board
from thirdcountry.review.trail import claim_history
from thirdcountry.store import accounts as account_repo
from thirdcountry.store.accounts import User

router = APIRouter(prefix="/review/api", route_class=auth.ApiRoute)


class Decision(BaseModel):
    version: int | None = None  # the claim version the caller saw: the optimistic lock
    note: str | None = None


class Correction(Decision):
    changes: dict[str, Any]


class BulkDecision(BaseModel):
    versions: dict[str, int] | None = None
    note: str | None = None


class ReportDecision(BaseModel):
    note: str
    withdraw: bool = False
    version: int | None = None


class ConflictDecision(BaseModel):
    outcome: str
    keep: list[str] = []
    note: str


class SourceIn(BaseModel):
    url: str | None = None
    text: str | None = None
    filename: str | None = None
    title: str | None = None
    outlet: str | None = None
    kind: str = "news"
    language: str | None = None
    published: str | None = None
    note: str | None = None


class NewUser(BaseModel):
    name: str
    role: str
    password: str


class UserChange(BaseModel):
    role: str | None = None
    active: bool | None = None


def _json(data: Any, status_code: int = 200) -> Response:
    return JSONResponse(data, status_code=status_code)


def _verdict(
    request: Request, decide: Callable[..., Claim], user: User, claim_id: str, body: Decision
) -> Response:
    """Accept or reject one claim at the version the caller saw; the claim as it now is."""
    with auth.store_of(request).write() as session:
        claim = decide(session, user.name, claim_id, version=body.version, note=body.note)
    return _json({"claim": claim.to_dict()})


@router.get("/me")
def me(user: Annotated[User, Depends(auth.api_user)]) -> Response:
    """Who the token belongs to and what they may do."""
    actions = [a.value for a in Action if user.role in MATRIX[a]]
    return _json({"name": user.name, "role": user.role, "actions": actions})


@router.get("/queue")
def queue(
    request: Request,
    _user: Annotated[User, Depends(auth.api_requires(Action.VIEW_QUEUE))],
    country: str | None = None,
    page: int = 1,
) -> Response:
    code = normalize_code(country) if country else None
    with auth.store_of(request).read() as session:
        found = build_queue(session, country=code, page=page, per_page=50)
    return _json(found.to_dict())


@router.post("/claims/{claim_id}/accept")
def accept(
    request: Request,
    claim_id: str,
    user: Annotated[User, Depends(auth.api_requires(Action.ACCEPT))],
    body: Decision | None = None,
) -> Response:
    return _verdict(request, decisions.accept, user, claim_id, body or Decision())


@router.post("/claims/{claim_id}/reject")
def reject(
    request: Request,
    claim_id: str,
    body: Decision,
    user: Annotated[User, Depends(auth.api_requires(Action.REJECT))],
) -> Response:
    return _verdict(request, decisions.reject, user, claim_id, body)


@router.post("/claims/{claim_id}/correct")
def correct(
    request: Request,
    claim_id: str,
    body: Correction,
    user: Annotated[User, Depends(auth.api_requires(Action.CORRECT))],
) -> Response:
    with auth.store_of(request).write() as session:
        claim = decisions.correct(
            session, user.name, claim_id, body.changes, version=body.version, note=body.note
        )
    return _json({"claim": claim.to_dict(), "supersedes": claim_id}, 201)


@router.get("/claims/{claim_id}/history")
def history(
    request: Request,
    claim_id: str,
    user: Annotated[User, Depends(auth.api_requires(Action.VIEW_HISTORY))],
) -> Response:
    with auth.store_of(request).read() as session:
        found = claim_history(session, claim_id)
    show_reports = user.role in MATRIX[Action.RESOLVE_REPORT]
    return _json(found.to_dict(with_reports=show_reports))


@router.post("/claims")
def propose(
    request: Request,
    body: Annotated[dict[str, Any], Body(...)],
    user: Annotated[User, Depends(auth.api_requires(Action.PROPOSE_CLAIM))],
) -> Response:
    fields = dict(body)
    document_id = fields.pop("document_id", None)
    with auth.store_of(request).write() as session:
        claim = contribute.propose_claim(session, user.name, document_id, fields)
    return _json({"claim": claim.to_dict()}, 201)


@router.post("/documents/{document_id}/accept")
def accept_document(
    request: Request,
    document_id: str,
    user: Annotated[User, Depends(auth.api_requires(Action.BULK_ACCEPT))],
    body: BulkDecision | None = None,
) -> Response:
    body = body or BulkDecision()
    with auth.store_of(request).write() as session:
        result = decisions.bulk_accept(
            session, user.name, document_id, versions=body.versions, note=body.note
        )
    return _json(result.to_dict())


@router.post("/reports/{report_id}/resolve")
def resolve_report(
    request: Request,
    report_id: int,
    body: ReportDecision,
    user: Annotated[User, Depends(auth.api_requires(Action.RESOLVE_REPORT))],
) -> Response:
    with auth.store_of(request).write() as session:
        report = decisions.resolve_report(
            session,
            user.name,
            report_id,
            note=body.note,
            withdraw=body.withdraw,
            version=body.version,
        )
    return _json({"report": report.id, "status": report.status, "resolved_by": user.name})


@router.get("/conflicts")
def conflicts(
    request: Request, _user: Annotated[User, Depends(auth.api_requires(Action.VIEW_CONFLICTS))]
) -> Response:
    with auth.store_of(request).read() as session:
        open_cards, resolved = conflict_board(session, auth.config(request).rules)
    return _json(
        {"open": [c.to_dict() for c in open_cards], "resolved": [r.to_dict() for r in resolved]}
    )


@router.post("/conflicts/{conflict_key}/resolve")
def resolve_conflict(
    request: Request,
    conflict_key: str,
    body: ConflictDecision,
    user: Annotated[User, Depends(auth.api_requires(Action.RESOLVE_CONFLICT))],
) -> Response:
    with auth.store_of(request).write() as session:
        resolution = decisions.resolve_conflict(
            session,
            user.name,
            conflict_key,
            outcome=body.outcome,
            keep=body.keep,
            note=body.note,
            rules=auth.config(request).rules,
        )
    return _json(resolution.to_dict(), 201)


@router.post("/sources")
def submit_source(
    request: Request,
    body: SourceIn,
    user: Annotated[User, Depends(auth.api_requires(Action.SUBMIT_SOURCE))],
) -> Response:
    meta = contribute.SourceMeta(
        title=body.title,
        outlet=body.outlet,
        kind=body.kind,
        language=body.language,
        published=body.published,
        note=body.note,
    )
    with auth.store_of(request).write() as session:
        if body.text is not None:
            done = contribute.submit_file(
                session,
                user.name,
                body.filename or "submitted.txt",
                "text/plain",
                body.text.encode("utf-8"),
                meta,
                max_bytes=auth.config(request).upload_max_bytes,
            )
        elif body.url:
            done = contribute.submit_url(session, user.name, body.url, meta)
        else:
            raise BadInput("give a url or a text")
    return _json(
        {
            "document": done.document.to_dict(),
            "known": done.known,
            "submission": done.submission.to_dict() if done.submission else None,
        },
        200 if done.known else 201,
    )


@router.get("/users")
def users(
    request: Request, _user: Annotated[User, Depends(auth.api_requires(Action.MANAGE_USERS))]
) -> Response:
    with auth.store_of(request).read() as session:
        found = account_repo.list_users(session)
    return _json({"users": [u.to_dict() for u in found]})


@router.post("/users")
def add_user(
    request: Request,
    body: NewUser,
    admin: Annotated[User, Depends(auth.api_requires(Action.MANAGE_USERS))],
) -> Response:
    with auth.store_of(request).write() as session:
        user = accounts.create_user(session, body.name, body.role, body.password, admin.name)
    return _json(user.to_dict(), 201)


@router.post("/users/{name}")
def change_user(
    request: Request,
    name: str,
    body: UserChange,
    admin: Annotated[User, Depends(auth.api_requires(Action.MANAGE_USERS))],
) -> Response:
    with auth.store_of(request).write() as session:
        user = accounts.change_user(session, name, admin.name, role=body.role, active=body.active)
    return _json(user.to_dict())
