"""Admins' page: add users, change roles, disable accounts, issue and revoke API tokens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from thirdcountry.domain.errors import BadInput, Conflict, NotFound, ThirdCountryError
from thirdcountry.publish.web import auth
from thirdcountry.review import accounts
from thirdcountry.review.permissions import Action, Role
from thirdcountry.store import accounts as account_repo
from thirdcountry.store.accounts import User

router = APIRouter(route_class=auth.PageRoute)
CSRF = [Depends(auth.check_csrf)]
MANAGE = auth.requires(Action.MANAGE_USERS)


def _page(
    request: Request,
    *,
    refused: ThirdCountryError | None = None,
    new_token: tuple[str, str] | None = None,
) -> Response:
    with auth.store_of(request).read() as session:
        users = account_repo.list_users(session)
        tokens = accounts.tokens_of(session)
    context = {
        "users": users,
        "tokens": tokens,
        "roles": [r.value for r in Role],
        "new_token": new_token,
    }
    return auth.page(request, "review_users.html", context, refused=refused)


@router.get("/admin/users", include_in_schema=False)
def users_page(request: Request, _user: Annotated[User, Depends(MANAGE)]) -> Response:
    return _page(request)


def _act(request: Request, flash: str, work: Callable[[Session], object]) -> Response:
    """One account change in a write transaction, then the users page with ``flash``; when
    it is refused (bad input, a conflict, no such user or token), the page says why."""
    try:
        with auth.store_of(request).write() as session:
            work(session)
    except (BadInput, Conflict, NotFound) as error:
        return _page(request, refused=error)
    return auth.redirect(request, f"/admin/users?done={flash}")


@router.post("/admin/users", include_in_schema=False, dependencies=CSRF)
def add_user(
    request: Request,
    admin: Annotated[User, Depends(MANAGE)],
    name: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    return _act(
        request,
        "added",
        lambda session: accounts.create_user(session, name, role, password, admin.name),
    )


@router.post("/admin/users/{name}", include_in_schema=False, dependencies=CSRF)
def change_user(
    request: Request,
    name: str,
    admin: Annotated[User, Depends(MANAGE)],
    role: Annotated[str, Form()] = "",
    active: Annotated[str, Form()] = "",
) -> Response:
    enabled = {"yes": True, "no": False}.get(active)
    return _act(
        request,
        "changed",
        lambda session: accounts.change_user(
            session, name, admin.name, role=role or None, active=enabled
        ),
    )


@router.post("/admin/users/{name}/token", include_in_schema=False, dependencies=CSRF)
def issue_token(
    request: Request,
    name: str,
    admin: Annotated[User, Depends(MANAGE)],
    label: Annotated[str, Form()] = "",
) -> Response:
    try:
        with auth.store_of(request).write() as session:
            token = accounts.issue_token(session, name, admin.name, label)
    except (BadInput, Conflict, NotFound) as error:
        return _page(request, refused=error)
    # Shown in this response only, never in a URL or a log line.
    response = _page(request, new_token=(name, token))
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/admin/tokens/{token_id}/revoke", include_in_schema=False, dependencies=CSRF)
def revoke_token(
    request: Request, token_id: int, admin: Annotated[User, Depends(MANAGE)]
) -> Response:
    return _act(
        request, "revoked", lambda session: accounts.revoke_token(session, token_id, admin.name)
    )
