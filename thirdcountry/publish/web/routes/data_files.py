"""The export files, served live under /data/ (the Data page links here).

Each format is rendered once per data version and kept, with its ETag, in the public
cache; conditional requests are answered 304 like the API's.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from thirdcountry.publish.api.conditional import Rendered, conditional_response
from thirdcountry.publish.api.endpoints import current_data
from thirdcountry.publish.exports import Links, exporter_for_file, get_exporter
from thirdcountry.publish.i18n import negotiate
from thirdcountry.publish.web.deps import get_store
from thirdcountry.store import Store
from thirdcountry.store.public import PublicData, public_cache

router = APIRouter()


def _render_format(data: PublicData, exporter_name: str, links: Links) -> dict[str, Rendered]:
    files = get_exporter(exporter_name).render(data, links)
    return {f.name: Rendered.of(f.content, f.media_type) for f in files}


@router.get("/data", include_in_schema=False)
@router.get("/data/", include_in_schema=False)
def data_index(request: Request) -> Response:
    """The folder has no listing of its own: the Data page, in the reader's language, is it."""
    lang = negotiate(request.headers.get("accept-language"))
    return RedirectResponse(f"/{lang}/data", status_code=303, headers={"Vary": "Accept-Language"})


@router.api_route("/data/{name:path}", methods=["GET", "HEAD"], include_in_schema=False)
async def data_file(request: Request, name: str, store: Store = Depends(get_store)) -> Response:  # noqa: B008
    """One export file, by the name the exporters give it."""
    cache = public_cache(store)
    data = await current_data(cache)
    exporter = exporter_for_file(data, name)
    # Feeds link back to the site and the API: absolute links when served live.
    links = Links(site=str(request.base_url))
    key = ("export", exporter.name, links.site)
    rendered = cache.cached(data, key) or await run_in_threadpool(
        cache.derived, data, key, lambda: _render_format(data, exporter.name, links)
    )
    return conditional_response(
        request,
        rendered[name],
        data.last_modified,
        headers={"Access-Control-Allow-Origin": "*"},
    )
