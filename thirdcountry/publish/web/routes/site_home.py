"""The home page: the map, the headline figures and the latest changes."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request
from starlette.responses import Response

from thirdcountry.publish.web.deps import check_language, get_store
from thirdcountry.publish.web.site.formatting import fold
from thirdcountry.publish.web.site.pages import FORMATTERS, page, picture
from thirdcountry.publish.web.site.worldmap import MAP_CLASSES, arrangement_class, build_map
from thirdcountry.store.site_views import changelog

router = APIRouter()

LATEST_CHANGES = 8


@router.get("/{lang}/", include_in_schema=False)
def home(request: Request, lang: str) -> Response:
    check_language(lang)
    shown = picture(request)
    arrangements = shown.arrangements
    by_status = Counter(a.status or "" for a in arrangements)
    with get_store(request).read() as session:
        latest = changelog(session, limit=LATEST_CHANGES)
    transfers = shown.transfers()
    figures = {
        "arrangements": len(arrangements),
        "by_status": [(s, by_status[s]) for s in _STATUS_ORDER if by_status[s]],
        "disputed": sum(a.disputed for a in arrangements),
        "people": sum(t.count or 0 for t in transfers),
        "transfers": len(transfers),
        "unsized": sum(t.count is None for t in transfers),
        "sources": len(shown.source_keys()),
        # Beside the transfers, never added to them: each arrangement's largest total.
        "totals": [a for a in arrangements if a.reported_total is not None],
    }
    rows = sorted(
        arrangements,
        key=lambda a: (
            MAP_CLASSES.index(arrangement_class(a) or "talks"),
            fold(FORMATTERS[lang].country(a.receiver)),
            fold(FORMATTERS[lang].country(a.sender)),
        ),
    )
    return page(
        request,
        "site/home.html",
        lang,
        {
            "figures": figures,
            "world": build_map(arrangements),
            "rows": rows,
            "latest": latest,
        },
        current=shown,
    )


_STATUS_ORDER = (
    "implemented",
    "agreed",
    "negotiating",
    "requested",
    "suspended",
    "ended",
    "refused",
    "denied",
)
