"""Claim permalinks with their history, "cite this", the problem report form, and the
evidence pages that list the claims behind any figure of the site."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import BadInput, NotFound
from thirdcountry.domain.projection import Arrangement, Transfer
from thirdcountry.domain.vocabulary import ClaimKind, Status
from thirdcountry.publish.web.deps import check_language, get_store
from thirdcountry.publish.web.site.formtoken import check_origin
from thirdcountry.publish.web.site.pages import form_tokens, page, picture
from thirdcountry.store.reports import MAX_MESSAGE, add_report
from thirdcountry.store.site_views import ClaimPage, claim_page

router = APIRouter()


def _claim_or_404(request: Request, claim_id: str) -> ClaimPage:
    with get_store(request).read() as session:
        found = claim_page(session, claim_id)
    if found is None:
        # Pending, rejected and unknown claims look alike from outside.
        raise NotFound(f"no published claim with id {claim_id!r}")
    return found


def _claim_response(
    request: Request,
    lang: str,
    found: ClaimPage,
    *,
    report_error: str | None = None,
    message: str = "",
    contact: str = "",
    status_code: int = 200,
) -> Response:
    permalink = f"{str(request.base_url).rstrip('/')}/{lang}/claim/{found.claim.id}"
    return page(
        request,
        "site/claim.html",
        lang,
        {
            "c": found.claim,
            "found": found,
            "permalink": permalink,
            "accessed": datetime.now(UTC),
            "token": form_tokens(request).issue(found.claim.id),
            "reported": request.query_params.get("reported") == "1",
            "report_error": report_error,
            "report_message": message,
            "report_contact": contact,
            "max_message": MAX_MESSAGE,
        },
        status_code=status_code,
    )


@router.get("/{lang}/claim/{claim_id}", include_in_schema=False)
def claim(request: Request, lang: str, claim_id: str) -> Response:
    check_language(lang)
    return _claim_response(request, lang, _claim_or_404(request, claim_id))


@router.post("/{lang}/claim/{claim_id}/report", include_in_schema=False)
def report_problem(
    request: Request,
    lang: str,
    claim_id: str,
    token: str = Form(""),
    message: str = Form(""),
    contact: str = Form(""),
    website: str = Form(""),
) -> Response:
    """Store a reader's report for the reviewers; the claim itself is untouched."""
    check_language(lang)
    check_origin(request)
    found = _claim_or_404(request, claim_id)
    form_tokens(request).check(token, claim_id)
    thanks = RedirectResponse(f"/{lang}/claim/{claim_id}?reported=1#report", status_code=303)
    if website:
        return thanks  # a field people never see: filled in only by bots
    try:
        with get_store(request).write() as session:
            add_report(session, claim_id, message, contact or None)
    except BadInput as exc:
        return _claim_response(
            request,
            lang,
            found,
            report_error=exc.message,
            message=message,
            contact=contact,
            status_code=400,
        )
    return thanks


# -- evidence: the claims behind a figure ---------------------------------------------


@dataclass(slots=True)
class EvidenceGroup:
    arrangement: Arrangement | None
    transfer: Transfer | None
    claims: list[Claim]


def _evidence(
    request: Request, lang: str, figure: str, groups: list[EvidenceGroup], **extra: object
) -> Response:
    shown = picture(request)
    total = len({c.id for g in groups for c in g.claims})
    return page(
        request,
        "site/evidence.html",
        lang,
        {"figure": figure, "groups": groups, "claim_total": total, **extra},
        current=shown,
    )


@router.get("/{lang}/evidence/status/{status}", include_in_schema=False)
def evidence_status(request: Request, lang: str, status: str) -> Response:
    check_language(lang)
    if status not in {s.value for s in Status}:
        raise NotFound(f"no status {status!r}")
    shown = picture(request)
    groups = [
        EvidenceGroup(
            a,
            None,
            [
                c
                for c in shown.pair_claims(a.sender, a.receiver, ClaimKind.ARRANGEMENT_STATUS)
                if c.value == status
            ],
        )
        for a in shown.arrangements
        if a.status == status
    ]
    return _evidence(request, lang, "status", groups, status=status, count=len(groups))


@router.get("/{lang}/evidence/disputed", include_in_schema=False)
def evidence_disputed(request: Request, lang: str) -> Response:
    check_language(lang)
    shown = picture(request)
    groups = [
        EvidenceGroup(a, None, shown.claims_of(a.dispute_claims))
        for a in shown.arrangements
        if a.disputed
    ]
    return _evidence(request, lang, "disputed", groups, count=len(groups))


@router.get("/{lang}/evidence/people", include_in_schema=False)
def evidence_people(request: Request, lang: str) -> Response:
    check_language(lang)
    shown = picture(request)
    transfers = shown.transfers()
    groups = [EvidenceGroup(None, t, shown.claims_of(t.claim_ids)) for t in transfers]
    people = sum(t.count or 0 for t in transfers)
    return _evidence(request, lang, "people", groups, count=people)


@router.get("/{lang}/evidence/transfer/{claim_id}", include_in_schema=False)
def evidence_transfer(request: Request, lang: str, claim_id: str) -> Response:
    check_language(lang)
    shown = picture(request)
    transfer = shown.transfer(claim_id)
    if transfer is None:
        raise NotFound(f"no published transfer starting with claim {claim_id!r}")
    groups = [EvidenceGroup(None, transfer, shown.claims_of(transfer.claim_ids))]
    return _evidence(request, lang, "transfer", groups, count=transfer.count)


@router.get("/{lang}/evidence/pair/{key}/{kind}", include_in_schema=False)
def evidence_pair(request: Request, lang: str, key: str, kind: str) -> Response:
    check_language(lang)
    shown = picture(request)
    sender, _, receiver = key.partition("-")
    arrangement = shown.arrangement(sender, receiver)
    if arrangement is None or kind not in {k.value for k in ClaimKind}:
        raise NotFound(f"no published arrangement {key!r} with claims of kind {kind!r}")
    if kind == ClaimKind.TRANSFER.value:
        groups = [
            EvidenceGroup(arrangement, t, shown.claims_of(t.claim_ids))
            for t in arrangement.transfers
        ]
    else:
        claims = list(shown.pair_claims(sender, receiver, kind))
        claims += [
            c
            for c in shown.claims_of(arrangement.claim_ids)
            if c.sender is None and c.kind.value == kind
        ]
        groups = [EvidenceGroup(arrangement, None, claims)]
    return _evidence(request, lang, "pair", groups, kind=kind, arrangement=arrangement)
