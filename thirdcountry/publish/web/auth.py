"""The request side of accounts, for the review pages and the scripted review API.

* who is asking: the session cookie (pages) or a bearer API token (``/review/api/``);
* may they: one dependency per action, reading the matrix in ``review.permissions``;
* is the form theirs: CSRF tokens (``review.csrf``) checked on every form post;
* cookies: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS (by the URL's
  scheme, which ``web.forwarded`` takes from a trusted proxy's X-Forwarded-Proto).

Pages that need a login redirect there (``PageRoute``); the API answers every error as
JSON in the project's one error shape (``ApiRoute``).
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

from thirdcountry.domain.errors import Forbidden, ThirdCountryError
from thirdcountry.domain.projection import ProjectionRules
from thirdcountry.publish.i18n import LANGUAGES, negotiate
from thirdcountry.publish.web.deps import TEMPLATES, render
from thirdcountry.publish.web.errors import error_body
from thirdcountry.review import accounts
from thirdcountry.review.accounts import AccountPolicy, BadCredentials
from thirdcountry.review.csrf import CsrfSigner, signing_secret
from thirdcountry.review.permissions import Action, allowed, require
from thirdcountry.settings import load_settings
from thirdcountry.settings import projection_rules as settings_projection_rules
from thirdcountry.store import Store
from thirdcountry.store.accounts import User

SESSION_COOKIE = "tc_session"
PRE_SESSION_COOKIE = "tc_pre"
LANGUAGE_COOKIE = "tc_lang"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True, slots=True)
class ReviewConfig:
    policy: AccountPolicy
    signer: CsrfSigner
    cookie_secure: str
    upload_max_bytes: int
    rules: ProjectionRules


def config(request: Request) -> ReviewConfig:
    """Settings for the review pages, read once per app (environment and settings file)."""
    found: ReviewConfig | None = getattr(request.app.state, "review_config", None)
    if found is None:
        values = load_settings()
        policy = AccountPolicy.from_settings(values)
        found = ReviewConfig(
            policy=policy,
            signer=CsrfSigner(signing_secret(store_of(request)), int(policy.session_hours * 3600)),
            cookie_secure=str(values["cookie_secure"]),
            upload_max_bytes=int(values["upload_max_bytes"]),
            rules=settings_projection_rules(values),
        )
        request.app.state.review_config = found
    return found


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def is_https(request: Request) -> bool:
    # The scheme and client are those ``web.forwarded`` settled on: a proxy's word only
    # when ``trust_forwarded`` is on and the connection comes from ``trusted_proxies``.
    return request.url.scheme == "https"


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def set_cookie(
    response: Response, request: Request, name: str, value: str, max_age: int | None
) -> None:
    mode = config(request).cookie_secure
    secure = mode == "always" or (mode == "auto" and is_https(request))
    response.set_cookie(
        name, value, max_age=max_age, path="/", httponly=True, samesite="lax", secure=secure
    )


def clear_cookie(response: Response, request: Request, name: str) -> None:
    set_cookie(response, request, name, "", max_age=0)


# -- who is asking ----------------------------------------------------------------------

_UNSET = object()


def current_user(request: Request) -> User | None:
    """The logged-in user of this request (looked up once per request)."""
    cached = getattr(request.state, "account", _UNSET)
    if cached is not _UNSET:
        return cached  # type: ignore[return-value]
    token = request.cookies.get(SESSION_COOKIE)
    user = accounts.session_account(store_of(request), token) if token else None
    request.state.account = user
    return user


class LoginRequired(Exception):
    """Raised by page dependencies for visitors who are not logged in."""


def login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/login?" + urlencode({"next": target})


def requires(action: Action) -> Callable[[Request], User]:
    """A dependency for pages: the user, who must be logged in and allowed ``action``."""

    def dependency(request: Request) -> User:
        user = current_user(request)
        if user is None:
            raise LoginRequired
        require(user.role, action, who=user.name)
        return user

    return dependency


def api_user(request: Request) -> User:
    scheme, _, raw = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        raise BadCredentials("send an API token: Authorization: Bearer <token>")
    user = accounts.token_account(store_of(request), raw.strip())
    if user is None:
        raise BadCredentials("the API token is unknown, revoked or its user disabled")
    return user


def api_requires(action: Action) -> Callable[[Request], User]:
    """A dependency for the scripted API: the token's user, allowed ``action``."""

    def dependency(request: Request) -> User:
        user = api_user(request)
        require(user.role, action, who=user.name)
        return user

    return dependency


# -- CSRF -------------------------------------------------------------------------------


def _binding(request: Request) -> str | None:
    session_token = request.cookies.get(SESSION_COOKIE)
    if session_token:
        return accounts.digest(session_token)
    pre = getattr(request.state, "new_pre_session", None) or request.cookies.get(PRE_SESSION_COOKIE)
    return str(pre) if pre else None


def csrf_token(request: Request) -> str:
    """A token for the forms of this page; starts a pre-session for new visitors."""
    binding = _binding(request)
    if binding is None:
        binding = accounts.digest(secrets.token_urlsafe(16))
        request.state.new_pre_session = binding
    return config(request).signer.issue(binding)


async def check_csrf(request: Request) -> AsyncIterator[None]:
    """A dependency for every form post: the form must carry this visitor's token.

    The form is parsed here, so uploaded files are closed here too, once the request is
    answered (FastAPI closes only the forms it parses for its own parameters).
    """
    form = await request.form()
    try:
        token = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
        signer = (await run_in_threadpool(config, request)).signer
        if not signer.check(token if isinstance(token, str) else None, _binding(request)):
            raise Forbidden(
                "the form's security token is missing or expired; reload the page and try again"
            )
        yield
    finally:
        await form.close()


# -- pages ------------------------------------------------------------------------------


def page_language(request: Request) -> str:
    wanted = request.query_params.get("lang") or request.cookies.get(LANGUAGE_COOKIE)
    if wanted in LANGUAGES:
        return wanted  # type: ignore[return-value]
    return negotiate(request.headers.get("accept-language"))


def _alternates(request: Request) -> dict[str, str]:
    params = {k: v for k, v in request.query_params.items() if k != "lang"}
    return {
        code: request.url.path + "?" + urlencode({**params, "lang": code}) for code in LANGUAGES
    }


def page(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
    *,
    refused: ThirdCountryError | None = None,
) -> Response:
    """A review page in the visitor's language, with their account and a CSRF token.

    Every page gets the flash of what was just done (``?done=``) and, when the action it
    answers was ``refused``, the reason as an alert, sent with the refusal's status.
    """
    lang = page_language(request)
    full = {
        "user": current_user(request),
        "csrf_token": csrf_token(request),
        "alternates": _alternates(request),
        "allowed": allowed,
        "Action": Action,
        "done": request.query_params.get("done"),
        "alert": refused.message if refused is not None else None,
        **(context or {}),
    }
    if refused is not None:
        status_code = refused.http_status
    response = render(request, template, lang, full, status_code=status_code)
    finish(request, response)
    return response


def finish(request: Request, response: Response) -> None:
    """Set the cookies this request started: a pre-session, a chosen language."""
    pre = getattr(request.state, "new_pre_session", None)
    if pre:
        set_cookie(response, request, PRE_SESSION_COOKIE, pre, max_age=None)
    chosen = request.query_params.get("lang")
    if chosen in LANGUAGES and chosen != request.cookies.get(LANGUAGE_COOKIE):
        set_cookie(response, request, LANGUAGE_COOKIE, chosen, max_age=365 * 24 * 3600)


def redirect(request: Request, url: str) -> Response:
    response = RedirectResponse(url, status_code=303)
    finish(request, response)
    return response


def safe_next(target: str | None, default: str = "/review") -> str:
    """Only paths on this site: never an absolute URL an attacker could send people to."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


def with_flash(url: str, **params: str) -> str:
    joiner = "&" if "?" in url else "?"
    return url + joiner + "&".join(f"{k}={quote(v)}" for k, v in params.items())


# -- route classes ----------------------------------------------------------------------

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class PageRoute(APIRoute):
    """Review pages: a visitor who is not logged in is sent to the login page."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except LoginRequired:
                return RedirectResponse(login_url(request), status_code=303)

        return route


class ApiRoute(APIRoute):
    """The scripted review API: every error as JSON, in the project's error shape."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except ThirdCountryError as exc:
                status, message, code = exc.http_status, exc.message, type(exc).__name__.lower()
            except StarletteHTTPException as exc:
                status, message, code = exc.status_code, str(exc.detail), "http"
            except RequestValidationError as exc:
                first = exc.errors()[0] if exc.errors() else {}
                where = ".".join(str(p) for p in first.get("loc", ()))
                status, code = 400, "badinput"
                message = f"{where}: {first.get('msg', 'invalid request')}"
            headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            return JSONResponse(error_body(status, message, code), status, headers=headers)

        return route


# -- the account partial in the site header ---------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountLinks:
    user: User | None
    csrf_token: str
    can_review: bool
    can_manage: bool


def account_links(request: Request) -> AccountLinks | None:
    """What ``_account.html`` shows in the header of every page, public ones included."""
    try:
        user = current_user(request)
        token = csrf_token(request) if user else ""
    except (ThirdCountryError, SQLAlchemyError):
        # The header must never break a page, least of all the error page of a failing
        # database: without an account lookup it simply shows no account links.
        return None
    return AccountLinks(
        user=user,
        csrf_token=token,
        can_review=bool(user) and allowed(user.role if user else None, Action.VIEW_QUEUE),
        can_manage=bool(user) and allowed(user.role if user else None, Action.MANAGE_USERS),
    )


for _templates in TEMPLATES.values():
    _templates.env.globals["account_links"] = account_links
