"""Logging in and out of the review pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import Response

from thirdcountry.publish.web import auth
from thirdcountry.review import accounts
from thirdcountry.review.permissions import Action, allowed

router = APIRouter(route_class=auth.PageRoute)


@router.get("/login", include_in_schema=False)
def login_page(request: Request, next: str | None = None) -> Response:
    user = auth.current_user(request)
    if user is not None and next:
        return auth.redirect(request, auth.safe_next(next))
    return auth.page(request, "login.html", {"next": auth.safe_next(next, "")})


@router.post("/login", include_in_schema=False, dependencies=[Depends(auth.check_csrf)])
def login(
    request: Request,
    name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    settings = auth.config(request)
    result = accounts.attempt_login(
        auth.store_of(request), name, password, auth.client_address(request), settings.policy
    )
    if result.error is not None:
        context = {
            "next": auth.safe_next(next, ""),
            "name": name,
            "failure": "limited" if isinstance(result.error, accounts.RateLimited) else "wrong",
            "detail": result.error.message,
        }
        return auth.page(request, "login.html", context, status_code=result.error.http_status)
    user, token = result.raise_for_error()
    previous = request.cookies.get(auth.SESSION_COOKIE)
    if previous:
        # A new login replaces the session this browser had: never two live ones.
        accounts.logout(auth.store_of(request), previous)
    landing = "/review" if allowed(user.role, Action.VIEW_QUEUE) else "/contribute"
    response = auth.redirect(request, auth.safe_next(next, landing))
    auth.set_cookie(
        response,
        request,
        auth.SESSION_COOKIE,
        token,
        max_age=int(settings.policy.session_hours * 3600),
    )
    return response


@router.post("/logout", include_in_schema=False, dependencies=[Depends(auth.check_csrf)])
def logout(request: Request) -> Response:
    token = request.cookies.get(auth.SESSION_COOKIE)
    if token:
        accounts.logout(auth.store_of(request), token)
    response = auth.redirect(request, "/login?done=logout")
    auth.clear_cookie(response, request, auth.SESSION_COOKIE)
    return response
