"""Entry points that belong to no language: the root redirect and the health check."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from sqlalchemy import text
from starlette.responses import JSONResponse, RedirectResponse, Response

from thirdcountry.publish.i18n import negotiate
from thirdcountry.publish.web.deps import get_store
from thirdcountry.store import Store

router = APIRouter()


@router.get("/", include_in_schema=False)
def root(request: Request) -> Response:
    """Send visitors to the site in the language their browser prefers."""
    lang = negotiate(request.headers.get("accept-language"))
    return RedirectResponse(f"/{lang}/", status_code=303, headers={"Vary": "Accept-Language"})


@router.get("/healthz", include_in_schema=False)
def healthz(store: Store = Depends(get_store)) -> Response:  # noqa: B008
    with store.read() as session:
        session.execute(text("SELECT 1"))
    return JSONResponse({"status": "ok"})
