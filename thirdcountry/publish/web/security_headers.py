"""Security headers on every response, from one ASGI middleware.

Pages, the JSON API under ``/api/v1``, the files under ``/data/``, static files and error
pages alike get:

* ``Content-Security-Policy``: scripts, styles, images and fonts from this origin only,
  with no ``unsafe-inline`` (the templates have no inline script, style or event
  handler; ``review.js`` is a static file) and ``frame-ancestors 'none'``. No page is meant
  to be embedded in another site, so none may be framed (``X-Frame-Options: DENY`` says the
  same to older browsers): the review buttons cannot be clickjacked. A response that sets
  its own policy keeps it (the API's interactive documentation, see ``api.app``).
* ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: same-origin`` (a review URL
  never leaves the site in a Referer).
* ``Cache-Control: no-store`` on every response to a signed-in visitor (a session cookie
  or an ``Authorization`` header) and on the account and review paths, whatever the
  route said: a shared or browser cache must not keep a page with someone's queue, CSRF
  token or API token.
* ``Strict-Transport-Security`` when the request came over HTTPS (as ``web.forwarded``
  settled it).
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import Headers, MutableHeaders

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HSTS = "max-age=31536000"
SESSION_COOKIE = "tc_session"
# Paths whose pages belong to an account (or to logging into one), signed in or not.
PRIVATE_PREFIXES = ("/review", "/admin", "/contribute", "/login", "/logout")

ALWAYS = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
)


def is_private(path: str, request_headers: Headers) -> bool:
    """Whether a response to this request may hold something of one visitor's."""
    if request_headers.get("authorization"):
        return True
    cookies = request_headers.get("cookie", "")
    if any(part.strip().startswith(SESSION_COOKIE + "=") for part in cookies.split(";")):
        return True
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PRIVATE_PREFIXES)


class SecurityHeaders:
    """ASGI middleware adding the headers above to every HTTP response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = is_private(scope.get("path", ""), Headers(scope=scope))
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                for name, value in ALWAYS:
                    headers[name] = value
                if private:
                    headers["Cache-Control"] = "no-store"
                if https:
                    headers["Strict-Transport-Security"] = HSTS
            await send(message)

        await self.app(scope, receive, send_with_headers)
