"""Sources, methodology, data, the public changelog and search."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import Response
from starlette.routing import Match

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.documents import Document
from thirdcountry.publish.exports import exporters
from thirdcountry.publish.exports.tables import DOCUMENTS, document_row
from thirdcountry.publish.web.deps import check_language, get_store
from thirdcountry.publish.web.site.downloads import FORMATS, download, wanted_format
from thirdcountry.publish.web.site.pages import page, picture, projection_rules
from thirdcountry.store import Store, search_index
from thirdcountry.store.public import public_cache
from thirdcountry.store.search_index import EntryKind
from thirdcountry.store.site_views import PublicPicture, changelog

router = APIRouter()

CHANGELOG_LENGTH = 200
SEARCH_LIMIT = 50
API_DOCS = "/api/v1/docs"


@dataclass(slots=True)
class SourceGroup:
    """One independent source: the original and its syndicated copies."""

    original: Document
    copies: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def source_groups(shown: PublicPicture) -> list[SourceGroup]:
    claims_by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in shown.claims.values():
        if claim.document_id:
            claims_by_doc[claim.document_id].append(claim)
    groups: dict[str, SourceGroup] = {}
    for doc in shown.documents.values():
        key = doc.independent_source
        original = shown.documents.get(key, doc)
        group = groups.setdefault(key, SourceGroup(original))
        if doc.id != key:
            group.copies.append(doc)
        group.claims.extend(claims_by_doc.get(doc.id, []))
    return sorted(
        groups.values(),
        key=lambda g: (g.original.published or date.min, g.original.id),
        reverse=True,
    )


@router.get("/{lang}/sources", include_in_schema=False)
def sources(request: Request, lang: str) -> Response:
    check_language(lang)
    shown = picture(request)
    groups = source_groups(shown)
    wanted = wanted_format(request.query_params)
    if wanted is not None:
        cited = Counter(c.document_id for c in shown.claims.values() if c.document_id)
        listed = [d for g in groups for d in (g.original, *g.copies)]
        rows = (document_row(d, cited[d.id]) for d in listed)
        return download(wanted, DOCUMENTS, rows, [d.to_dict() for d in listed], {})
    downloads = {kind: f"/{lang}/sources?format={kind}" for kind in FORMATS}
    values = {"groups": groups, "downloads": downloads, "api_link": "/api/v1/documents"}
    return page(request, "site/sources.html", lang, values, current=shown)


@router.get("/{lang}/methodology", include_in_schema=False)
def methodology(request: Request, lang: str) -> Response:
    check_language(lang)
    return page(request, "site/methodology.html", lang, {"rules": projection_rules()})


def _served(request: Request, path: str) -> bool:
    scope = {"type": "http", "path": path, "method": "GET", "root_path": ""}
    for route in request.app.routes:
        match, _ = route.matches(scope)
        # The site's own pages take any first segment as a language: they serve no files.
        if match is Match.FULL and not getattr(route, "path", "").startswith("/{lang}"):
            return True
    return False


def downloads(store: Store) -> list[tuple[str, str, list[str]]]:
    """Every export format with the files it publishes now: the registry decides."""
    data = public_cache(store).current()
    return [
        (name, exporter.description, [f"/data/{file}" for file in exporter.file_names(data)])
        for name, exporter in sorted(exporters().items())
    ]


@router.get("/{lang}/data", include_in_schema=False)
def data(request: Request, lang: str) -> Response:
    check_language(lang)
    return page(
        request,
        "site/data.html",
        lang,
        {
            "downloads": downloads(get_store(request)),
            "api_docs": API_DOCS,
            "api_served": _served(request, API_DOCS),
        },
    )


@router.get("/{lang}/changes", include_in_schema=False)
def changes(request: Request, lang: str) -> Response:
    check_language(lang)
    with get_store(request).read() as session:
        found = changelog(session, limit=CHANGELOG_LENGTH)
    return page(request, "site/changes.html", lang, {"changes": found})


@dataclass(slots=True)
class SearchResults:
    """What a search found that the public picture shows, each kind best first."""

    countries: list[str] = field(default_factory=list)
    facilities: list[tuple[str, str]] = field(default_factory=list)  # name, country
    claims: list[Claim] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


def search_results(store: Store, shown: PublicPicture, query: str) -> SearchResults:
    found = search_index.search_store(store, query, limit=SEARCH_LIMIT)
    involved = {code for a in shown.arrangements for code in (a.sender, a.receiver)}
    facilities = {
        search_index.facility_key(a.receiver, name): (name, a.receiver)
        for a in shown.arrangements
        for name in a.facilities
    }
    countries = [hit.key for hit in found.get(EntryKind.COUNTRY, [])]
    # Countries with arrangements first (what people look for here), each group by rank.
    countries.sort(key=lambda code: code not in involved)
    hits = {kind: [hit.key for hit in found.get(kind, [])] for kind in EntryKind}
    return SearchResults(
        countries=countries,
        facilities=[facilities[key] for key in hits[EntryKind.FACILITY] if key in facilities],
        claims=shown.claims_of(hits[EntryKind.CLAIM]),
        documents=[shown.documents[k] for k in hits[EntryKind.SOURCE] if k in shown.documents],
    )


@router.get("/{lang}/search", include_in_schema=False)
def search(request: Request, lang: str, q: str = "") -> Response:
    check_language(lang)
    shown = picture(request)
    query = q.strip()[: search_index.MAX_QUERY]
    results = search_results(get_store(request), shown, query) if query else SearchResults()
    involved = {code for a in shown.arrangements for code in (a.sender, a.receiver)}
    return page(
        request,
        "site/search.html",
        lang,
        {"query": query, "results": results, "involved": involved, "documents": shown.documents},
        current=shown,
    )
