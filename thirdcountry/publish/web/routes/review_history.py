"""A claim's history: every version of it and every decision on any of them.

Decided claims are part of the public record, so their history is open to everyone;
the history of a claim nobody has decided yet needs an account (``view_history``).
Reports' messages are shown to those who resolve them; contacts only in the queue.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from thirdcountry.publish.web import auth
from thirdcountry.review.permissions import Action, allowed, require
from thirdcountry.review.trail import claim_history

router = APIRouter(route_class=auth.PageRoute)


@router.get("/review/claim/{claim_id}/history", include_in_schema=False)
def history(request: Request, claim_id: str) -> Response:
    with auth.store_of(request).read() as session:
        found = claim_history(session, claim_id)
    user = auth.current_user(request)
    if not found.public:
        if user is None:
            raise auth.LoginRequired
        require(user.role, Action.VIEW_HISTORY, who=user.name)
    context = {
        "history": found,
        "show_reports": user is not None and allowed(user.role, Action.RESOLVE_REPORT),
    }
    return auth.page(request, "review_history.html", context)
