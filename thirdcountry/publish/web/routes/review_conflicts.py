"""Conflicts between accepted claims, side by side with their sources, and resolutions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from thirdcountry.domain.errors import BadInput, Conflict, NotFound, ThirdCountryError
from thirdcountry.publish.web import auth
from thirdcountry.review import decisions
from thirdcountry.review.permissions import Action
from thirdcountry.review.queue import conflict_board
from thirdcountry.store.accounts import User

router = APIRouter(route_class=auth.PageRoute)


def _board(request: Request, refused: ThirdCountryError | None = None) -> Response:
    with auth.store_of(request).read() as session:
        open_conflicts, resolved = conflict_board(session, auth.config(request).rules)
    context = {"conflicts": open_conflicts, "resolved": resolved}
    return auth.page(request, "review_conflicts.html", context, refused=refused)


@router.get("/review/conflicts", include_in_schema=False)
def conflicts(
    request: Request, _user: Annotated[User, Depends(auth.requires(Action.VIEW_CONFLICTS))]
) -> Response:
    return _board(request)


@router.post(
    "/review/conflicts/{conflict_key}/resolve",
    include_in_schema=False,
    dependencies=[Depends(auth.check_csrf)],
)
async def resolve(
    request: Request,
    conflict_key: str,
    user: Annotated[User, Depends(auth.requires(Action.RESOLVE_CONFLICT))],
) -> Response:
    form = await request.form()
    outcome = str(form.get("outcome", ""))
    keep = [str(v) for v in form.getlist("keep")]
    note = str(form.get("note", ""))

    def run() -> Response:
        try:
            with auth.store_of(request).write() as session:
                decisions.resolve_conflict(
                    session,
                    user.name,
                    conflict_key,
                    outcome=outcome,
                    keep=keep,
                    note=note,
                    rules=auth.config(request).rules,
                )
        except (BadInput, Conflict, NotFound) as error:
            return _board(request, error)
        return auth.redirect(request, "/review/conflicts?done=resolved")

    return await run_in_threadpool(run)
