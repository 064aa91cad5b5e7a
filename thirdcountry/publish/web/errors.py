"""One place that renders errors for the web: JSON under /api/, an HTML page elsewhere."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from thirdcountry.domain.errors import ThirdCountryError
from thirdcountry.publish.i18n import LANGUAGES, negotiate
from thirdcountry.publish.web.deps import render

_TITLES = {
    400: "Bad request",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    422: "Unprocessable request",
    429: "Too many requests",
    500: "Server error",
}


def error_body(status: int, message: str, code: str) -> dict[str, object]:
    """The error shape every API response shares."""
    return {"error": {"status": status, "code": code, "message": message}}


def _language(request: Request) -> str:
    first = request.url.path.split("/")[1] if request.url.path.count("/") >= 1 else ""
    return first if first in LANGUAGES else negotiate(request.headers.get("accept-language"))


def error_response(request: Request, status: int, message: str, code: str) -> Response:
    if request.url.path.startswith("/api/") or "application/json" in request.headers.get(
        "accept", ""
    ):
        return JSONResponse(error_body(status, message, code), status_code=status)
    lang = _language(request)
    context = {"status": status, "title": _TITLES.get(status, "Error"), "message": message}
    return render(request, "error.html", lang, context, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ThirdCountryError)
    async def _project_error(request: Request, exc: ThirdCountryError) -> Response:
        code = type(exc).__name__.lower()
        return error_response(request, exc.http_status, exc.message, code)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = error_response(request, exc.status_code, str(exc.detail), "http")
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid request')}" if where else "invalid request"
        return error_response(request, 400, message, "badinput")
