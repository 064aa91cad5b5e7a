"""The review queue and the decisions taken from it: accept, reject with a note, correct,
accept a whole document, resolve a problem report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import normalize_code
from thirdcountry.domain.errors import BadInput, Conflict, ThirdCountryError
from thirdcountry.publish.web import auth
from thirdcountry.review import decisions
from thirdcountry.review.fields import EDITABLE
from thirdcountry.review.permissions import Action
from thirdcountry.review.queue import build_queue, claim_card
from thirdcountry.store.accounts import User

router = APIRouter(route_class=auth.PageRoute)
CSRF = [Depends(auth.check_csrf)]


def _country(raw: str | None) -> str | None:
    return normalize_code(raw) if raw and raw.strip() else None


def _queue_page(request: Request, refused: ThirdCountryError | None = None) -> Response:
    """The queue as it is now; after a refused decision (someone decided first, or the
    input was wrong), with why."""
    params = request.query_params
    country = _country(params.get("country"))
    page_number = int(params["page"]) if params.get("page", "").isdigit() else 1
    with auth.store_of(request).read() as session:
        queue = build_queue(session, country=country, page=page_number)
    context = {"queue": queue, "country": country or ""}
    return auth.page(request, "review_queue.html", context, refused=refused)


@router.get("/review", include_in_schema=False)
def queue(
    request: Request, _user: Annotated[User, Depends(auth.requires(Action.VIEW_QUEUE))]
) -> Response:
    return _queue_page(request)


def _decided(request: Request, done: str, anchor: str | None = None) -> Response:
    back = auth.safe_next(request.query_params.get("back"), "/review")
    url = auth.with_flash(back, done=done) + (f"#{anchor}" if anchor else "")
    return auth.redirect(request, url)


def _version(raw: str) -> int | None:
    return int(raw) if raw.strip().isdigit() else None


def _verdict(
    request: Request,
    decide: Callable[..., Claim],
    done: str,
    user: User,
    claim_id: str,
    *,
    version: str,
    note: str,
) -> Response:
    """Accept or reject one claim with the queue form's version and note; back to its
    document in the queue, or the queue with why the verdict was refused."""
    try:
        with auth.store_of(request).write() as session:
            claim = decide(session, user.name, claim_id, version=_version(version), note=note)
    except (BadInput, Conflict) as error:
        return _queue_page(request, error)
    return _decided(request, done, f"doc-{claim.document_id or 'none'}")


@router.post("/review/claim/{claim_id}/accept", include_in_schema=False, dependencies=CSRF)
def accept(
    request: Request,
    claim_id: str,
    user: Annotated[User, Depends(auth.requires(Action.ACCEPT))],
    version: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    return _verdict(
        request, decisions.accept, "accepted", user, claim_id, version=version, note=note
    )


@router.post("/review/claim/{claim_id}/reject", include_in_schema=False, dependencies=CSRF)
def reject(
    request: Request,
    claim_id: str,
    user: Annotated[User, Depends(auth.requires(Action.REJECT))],
    version: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    return _verdict(
        request, decisions.reject, "rejected", user, claim_id, version=version, note=note
    )


def _correct_page(
    request: Request,
    claim_id: str,
    values: dict[str, Any] | None = None,
    refused: ThirdCountryError | None = None,
) -> Response:
    with auth.store_of(request).read() as session:
        card, document = claim_card(session, claim_id)
    claim = card.claim.to_dict()
    if values is None:
        values = {name: claim.get(name, "") for name in EDITABLE}
        values["nationalities"] = ", ".join(claim.get("nationalities", []))
    context = {"card": card, "document": document, "values": values}
    return auth.page(request, "review_correct.html", context, refused=refused)


@router.get("/review/claim/{claim_id}/correct", include_in_schema=False)
def correct_form(
    request: Request, claim_id: str, _user: Annotated[User, Depends(auth.requires(Action.CORRECT))]
) -> Response:
    return _correct_page(request, claim_id)


@router.post("/review/claim/{claim_id}/correct", include_in_schema=False, dependencies=CSRF)
async def correct(
    request: Request,
    claim_id: str,
    user: Annotated[User, Depends(auth.requires(Action.CORRECT))],
) -> Response:
    form = await request.form()
    wanted = {name: str(form.get(name, "")) for name in EDITABLE if name in form}
    version, note = _version(str(form.get("version", ""))), str(form.get("note", ""))

    def run() -> Response:
        try:
            with auth.store_of(request).write() as session:
                corrected = decisions.correct(
                    session, user.name, claim_id, wanted, version=version, note=note
                )
        except (BadInput, Conflict) as error:
            return _correct_page(request, claim_id, wanted, error)
        return auth.redirect(
            request, auth.with_flash(f"/review/claim/{corrected.id}/history", done="corrected")
        )

    return await run_in_threadpool(run)


@router.post(
    "/review/document/{document_id}/accept-all", include_in_schema=False, dependencies=CSRF
)
async def accept_all(
    request: Request,
    document_id: str,
    user: Annotated[User, Depends(auth.requires(Action.BULK_ACCEPT))],
) -> Response:
    form = await request.form()
    versions: dict[str, int] = {}
    for raw in form.getlist("seen"):
        claim_id, _, version = str(raw).rpartition(":")
        if claim_id and version.isdigit():
            versions[claim_id] = int(version)

    def run() -> Response:
        if not versions:
            return _queue_page(request, BadInput("no claims of this document were on the page"))
        with auth.store_of(request).write() as session:
            result = decisions.bulk_accept(session, user.name, document_id, versions=versions)
        if result.skipped:
            return _queue_page(request, Conflict("; ".join(result.skipped)))
        return _decided(request, "bulk", f"doc-{document_id}")

    return await run_in_threadpool(run)


@router.post("/review/report/{report_id}/resolve", include_in_schema=False, dependencies=CSRF)
def resolve_report(
    request: Request,
    report_id: int,
    user: Annotated[User, Depends(auth.requires(Action.RESOLVE_REPORT))],
    note: Annotated[str, Form()] = "",
    withdraw: Annotated[str, Form()] = "",
    version: Annotated[str, Form()] = "",
) -> Response:
    try:
        with auth.store_of(request).write() as session:
            decisions.resolve_report(
                session,
                user.name,
                report_id,
                note=note,
                withdraw=withdraw == "yes",
                version=_version(version),
            )
    except (BadInput, Conflict) as error:
        return _queue_page(request, error)
    return _decided(request, "report", "reports")
