"""Rendering a public page: the cached public picture and the context every page shares."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from starlette.responses import Response

from thirdcountry.publish.web.deps import check_language, get_store, render
from thirdcountry.publish.web.site.formatting import Formatter
from thirdcountry.publish.web.site.formtoken import FormTokens
from thirdcountry.publish.web.site.page_cache import CachedPage, PageCache
from thirdcountry.settings import projection_rules
from thirdcountry.store.site_views import PublicPicture, form_secret, site_picture

FORMATTERS = {lang: Formatter(lang) for lang in ("en", "es")}


def picture(request: Request) -> PublicPicture:
    """The public picture of the app's store, from the snapshot the API also serves."""
    return site_picture(get_store(request), projection_rules())


def form_tokens(request: Request) -> FormTokens:
    state = request.app.state
    tokens: FormTokens | None = getattr(state, "site_form_tokens", None)
    if tokens is None:
        tokens = FormTokens(form_secret(get_store(request)))
        state.site_form_tokens = tokens
    return tokens


def page(
    request: Request,
    template: str,
    lang: str,
    context: dict[str, Any] | None = None,
    *,
    current: PublicPicture | None = None,
    status_code: int = 200,
) -> Response:
    """A public page in ``lang`` with the shared context: formatter, dataset, last update."""
    lang = check_language(lang)
    shown = current or picture(request)
    cache = page_cache(request)
    key = cache.key(request, template, lang, str(shown.head)) if status_code == 200 else None
    cached = cache.get(key) if key else None
    if cached is not None:
        return Response(
            cached.body, media_type=cached.media_type, headers={"Content-Language": lang}
        )
    full = {
        "f": FORMATTERS[lang],
        "picture": shown,
        "dataset": shown.dataset,
        "site_updated": shown.updated_at,
        "nav": request.url.path.split("/")[2] if request.url.path.count("/") >= 2 else "",
        **(context or {}),
    }
    response = render(request, template, lang, full, status_code=status_code)
    response.headers.setdefault("Content-Language", lang)
    if key is not None and "set-cookie" not in response.headers:
        cache.put(key, CachedPage(bytes(response.body), response.media_type or "text/html"))
    return response


def page_cache(request: Request) -> PageCache:
    state = request.app.state
    cache: PageCache | None = getattr(state, "site_pages", None)
    if cache is None:
        cache = PageCache()
        state.site_pages = cache
    return cache
