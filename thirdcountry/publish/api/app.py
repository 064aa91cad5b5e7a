"""The API application: read-only, JSON errors, CORS for GETs, a precise OpenAPI document."""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response

from thirdcountry import __version__
from thirdcountry.domain.errors import ThirdCountryError, bounded
from thirdcountry.domain.projection import ProjectionRules
from thirdcountry.publish.api.endpoints import router
from thirdcountry.publish.web.errors import error_body
from thirdcountry.settings import projection_rules
from thirdcountry.store import Store
from thirdcountry.store.public import public_cache

DESCRIPTION = """\
Read-only access to the public data of thirdcountry: arrangements projected from accepted,
cited claims, the claims themselves, their sources, distinct transfers and facilities.

* Only accepted claims are shown; a claim a correction superseded appears only with
  `history=true`.
* Lists are paginated with opaque cursors: follow `next` (or the `Link` header) until it
  is null. Cursors name the last item seen, so pages never shift under you.
* Every response carries `ETag` and `Last-Modified`; send `If-None-Match` or
  `If-Modified-Since` to get `304 Not Modified` when nothing changed.
* Any origin may read (CORS). Errors are `{"error": {"status", "code", "message"}}`.
"""


def rules_from_settings() -> ProjectionRules:
    """Projection rules as the settings (file, environment) give them."""
    return projection_rules()


def _json_error(status: int, message: str, code: str, headers: Any = None) -> Response:
    # Bounded here too: validation messages quote the value sent, whatever its length.
    body = error_body(status, bounded(message), code)
    return JSONResponse(body, status_code=status, headers=headers)


def validation_message(exc: RequestValidationError) -> str:
    """The first problem in one line; long lists of allowed values point to the schema."""
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()))
    message = str(first.get("msg", "invalid request"))
    if first.get("type") == "enum" and len(message) > 200:
        message = f"{first.get('input')!r} is not an allowed value (see /api/v1/openapi.json)"
    return f"{where}: {message}" if where else message


def _install_error_handlers(api: FastAPI) -> None:
    @api.exception_handler(ThirdCountryError)
    async def _project_error(_request: Request, exc: ThirdCountryError) -> Response:
        return _json_error(exc.http_status, exc.message, type(exc).__name__.lower())

    @api.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        return _json_error(exc.status_code, str(exc.detail), "http", exc.headers)

    @api.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> Response:
        return _json_error(400, validation_message(exc), "badinput")


def _openapi(api: FastAPI) -> dict[str, Any]:
    """FastAPI's document, minus the 422 responses this API never sends (it says 400)."""
    if api.openapi_schema:
        return api.openapi_schema
    document = get_openapi(
        title=api.title,
        version=api.version,
        description=api.description,
        routes=api.routes,
        servers=api.servers or None,
    )
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            operation.get("responses", {}).pop("422", None)
    schemas = document.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    api.openapi_schema = document
    return document


SWAGGER_CDN = "https://cdn.jsdelivr.net"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def docs_page(request: Request) -> Response:
    """Swagger UI over the OpenAPI document, with a policy of its own: the page loads
    Swagger UI from its CDN and starts it with one inline script, allowed by its hash
    (never by ``unsafe-inline``)."""
    page = get_swagger_ui_html(
        openapi_url=str(request.scope.get("root_path", "")) + "/openapi.json",
        title="thirdcountry API",
        swagger_favicon_url="/static/favicon.svg",
    )
    body = bytes(page.body).decode("utf-8")
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(body)
    )
    policy = "; ".join(
        (
            "default-src 'self'",
            f"script-src {SWAGGER_CDN} {hashes}",
            f"style-src {SWAGGER_CDN}",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        )
    )
    return HTMLResponse(body, headers={"Content-Security-Policy": policy})


def create_api(store: Store, rules: ProjectionRules | None = None) -> FastAPI:
    """The /api/v1 application over ``store``; mount it under /api/v1."""
    api = FastAPI(
        title="thirdcountry API",
        version=f"1 ({__version__})",
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    api.state.store = store
    api.state.public = public_cache(store, rules or rules_from_settings())
    api.include_router(router)
    api.add_api_route("/docs", docs_page, methods=["GET"], include_in_schema=False)
    _install_error_handlers(api)
    api.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["If-None-Match", "If-Modified-Since"],
        expose_headers=["ETag", "Last-Modified", "Link"],
        max_age=86400,
    )
    api.openapi = lambda: _openapi(api)  # type: ignore[method-assign]
    return api
