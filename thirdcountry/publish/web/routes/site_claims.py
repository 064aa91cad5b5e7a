"""The claims browser: every published claim, with facets, sorting, pages and downloads."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import Response

from thirdcountry.domain.errors import BadInput
from thirdcountry.publish.browse import DEFAULT_SORT, PAGE_SIZE, SORTS, ClaimIndex, ClaimQuery
from thirdcountry.publish.exports.tables import CLAIMS, claim_row
from thirdcountry.publish.web.deps import check_language
from thirdcountry.publish.web.site.downloads import FORMATS, download, wanted_format
from thirdcountry.publish.web.site.pages import page, picture

router = APIRouter()


def _whole(raw: str | None, name: str, default: int) -> int:
    if not raw:
        return default
    if not raw.isdigit():
        raise BadInput(f"{name}: {raw!r} is not a whole number")
    return int(raw)


@router.get("/{lang}/claims", include_in_schema=False)
def claims_browser(request: Request, lang: str) -> Response:
    check_language(lang)
    shown = picture(request)
    params = dict(request.query_params)
    query = ClaimQuery.parse(params)
    order = params.get("sort") or DEFAULT_SORT  # ClaimIndex.sort names a bad one
    index = ClaimIndex(shown.claims.values(), shown.documents)
    fmt = wanted_format(params)
    if fmt is not None:
        # Every claim of the view, not only the page shown.
        kept = index.sort(index.filter(query), order)
        rows = (claim_row(c) for c in kept)
        return download(fmt, CLAIMS, rows, [c.to_dict() for c in kept], query.params())
    size = _whole(params.get("size"), "size", PAGE_SIZE)
    result = index.page(query, order=order, page=_whole(params.get("page"), "page", 1), size=size)
    base = query.params() | ({"sort": order} if order != DEFAULT_SORT else {})
    base |= {"size": str(size)} if size != PAGE_SIZE else {}

    def link(**changes: str | None) -> str:
        merged = {**base, **changes}
        kept = {k: v for k, v in merged.items() if v}
        return f"/{lang}/claims" + (f"?{urlencode(kept)}" if kept else "")

    return page(
        request,
        "site/claims.html",
        lang,
        {
            "result": result,
            "query": query,
            "order": order,
            "sorts": SORTS,
            "link": link,
            "index": index,
            "downloads": {fmt: link(format=fmt, page=None) for fmt in FORMATS},
            "api_link": "/api/v1/claims"
            + (f"?{urlencode(query.params())}" if query.active else ""),
        },
        current=shown,
    )
