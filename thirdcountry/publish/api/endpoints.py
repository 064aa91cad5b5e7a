"""The read endpoints of /api/v1/. Each renders once per data version and query."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from thirdcountry.domain.vocabulary import ClaimKind, DocumentKind, Status
from thirdcountry.publish.api import models
from thirdcountry.publish.api import resources as res
from thirdcountry.publish.api.conditional import Rendered, conditional_response
from thirdcountry.publish.api.pagination import Page, paginate
from thirdcountry.publish.browse import ClaimQuery
from thirdcountry.publish.exports.formats.csvfiles import MEDIA_TYPE as CSV_MEDIA_TYPE
from thirdcountry.publish.exports.formats.csvfiles import records_csv
from thirdcountry.publish.exports.registry import attachment
from thirdcountry.publish.exports.tables import CLAIMS as CLAIM_TABLE
from thirdcountry.publish.exports.tables import DOCUMENTS as DOCUMENT_TABLE
from thirdcountry.publish.exports.tables import TRANSFERS as TRANSFER_TABLE
from thirdcountry.publish.exports.tables import (
    Table,
    claim_row,
    document_row,
    transfer_row,
)
from thirdcountry.store.public import PublicCache, PublicData

JSON = "application/json"
ERRORS: dict[int | str, dict[str, Any]] = {
    304: {
        "description": "Not modified: the copy named by If-None-Match or "
        "If-Modified-Since is current."
    },
    400: {"model": models.ErrorBody, "description": "A parameter is malformed or unknown."},
    404: {"model": models.ErrorBody, "description": "No such public resource."},
}
# Every endpoint may answer these; declared once for the OpenAPI document.
router = APIRouter(responses=ERRORS)

Country = Annotated[
    models.CountryCode | None,  # type: ignore[valid-type]
    Query(description="ISO 3166-1 alpha-2 code (XK is Kosovo), upper case."),
]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Cursor = Annotated[
    str | None,
    Query(
        max_length=400,
        pattern=r"^c1\.[A-Za-z0-9_-]+$",
        description="The next_cursor of the previous page; opaque.",
    ),
]
DateFrom = Annotated[
    str | None,
    Query(
        pattern=models.PARTIAL_DATE,
        description="Only items dated in or after this YYYY, YYYY-MM or YYYY-MM-DD.",
    ),
]
DateTo = Annotated[
    str | None,
    Query(
        pattern=models.PARTIAL_DATE,
        description="Only items dated in or before this YYYY, YYYY-MM or YYYY-MM-DD.",
    ),
]
Identifier = Annotated[str, Path(min_length=1, max_length=200)]
Format = Annotated[
    Literal["json", "csv"],
    Query(
        description="json (pages) or csv: every item the filters keep, in one file with "
        "the columns of the open-data table; limit and cursor do not apply."
    ),
]
# Lists that can answer CSV say so in the OpenAPI document.
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
}


def _cache(request: Request) -> PublicCache:
    cache: PublicCache = request.app.state.public
    return cache


async def current_data(cache: PublicCache) -> PublicData:
    """The current public snapshot; a rebuild runs off the event loop."""
    version = cache.version()
    data = cache.peek(version)
    if data is None:
        data = await run_in_threadpool(cache.load, version)
    return data


def _render(model: type[BaseModel], payload: dict[str, Any]) -> Rendered:
    return Rendered.of(model.model_validate(payload).model_dump_json().encode("utf-8"), JSON)


async def respond(
    request: Request,
    model: type[BaseModel],
    build: Callable[[PublicData], dict[str, Any]],
    headers: Callable[[dict[str, Any]], dict[str, str]] | None = None,
) -> Response:
    """Build (or reuse) the body for this URL and answer it, conditionally."""
    data = await current_data(_cache(request))
    key = (request.url.path, tuple(sorted(request.query_params.multi_items())))

    def render() -> tuple[Rendered, dict[str, str]]:
        payload = build(data)
        return _render(model, payload), (headers(payload) if headers else {})

    cache = _cache(request)
    found = cache.cached(data, key)
    if found is None:  # rendering a large page runs off the event loop
        found = await run_in_threadpool(cache.derived, data, key, render)
    rendered, extra = found
    return conditional_response(request, rendered, data.last_modified, headers=extra)


def _page_payload(
    request: Request, data: PublicData, collection: res.Collection[Any], page: Page[Any], limit: int
) -> dict[str, Any]:
    following = None
    if page.next_cursor is not None:
        query = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
        following = f"{request.url.path}?{urlencode([*query, ('cursor', page.next_cursor)])}"
    return {
        "items": [collection.to_dict(data, item) for item in page.items],
        "total": page.total,
        "limit": limit,
        "next_cursor": page.next_cursor,
        "next": following,
    }


def _link_header(payload: dict[str, Any]) -> dict[str, str]:
    return {"Link": f'<{payload["next"]}>; rel="next"'} if payload.get("next") else {}


async def respond_page(
    request: Request,
    collection: res.Collection[Any],
    select: Callable[[PublicData], list[Any]],
    limit: int,
    cursor: str | None,
) -> Response:
    def build(data: PublicData) -> dict[str, Any]:
        page = paginate(select(data), collection.key, collection.width, limit=limit, cursor=cursor)
        return _page_payload(request, data, collection, page, limit)

    return await respond(request, collection.page_model, build, _link_header)


async def respond_csv(
    request: Request,
    table: Table,
    rows: Callable[[PublicData], Iterable[dict[str, Any]]],
) -> Response:
    """The filtered list as CSV in ``table``'s columns, rendered once per version and query."""
    data = await current_data(_cache(request))
    key = ("csv", request.url.path, tuple(sorted(request.query_params.multi_items())))
    filters = [
        f"{k}-{v}"
        for k, v in request.query_params.items()
        if k not in ("format", "limit", "cursor")
    ]
    filename = "-".join([table.name, *filters])

    def render() -> tuple[Rendered, dict[str, str]]:
        body = records_csv(table, table.records_of(rows(data)))
        headers = attachment(filename, "csv")
        return Rendered.of(body, CSV_MEDIA_TYPE), headers

    cache = _cache(request)
    found = cache.cached(data, key)
    if found is None:
        found = await run_in_threadpool(cache.derived, data, key, render)
    rendered, extra = found
    return conditional_response(request, rendered, data.last_modified, headers=extra)


def _value(member: Any) -> str | None:
    return member.value if member is not None else None


def _places(sender: Any, receiver: Any, country: Any) -> res.Places:
    return res.Places(_value(sender), _value(receiver), _value(country))


# -- index ----------------------------------------------------------------------------


@router.get("/", response_model=models.ApiIndex, summary="API index")
async def api_index(request: Request) -> Response:
    """Dataset name, version and licence, the data version, counts and the endpoints."""
    base = request.url.path.rstrip("/") + "/"
    return await respond(request, models.ApiIndex, lambda data: res.index(data, base))


# -- countries ------------------------------------------------------------------------


@router.get("/countries", response_model=models.CountryPage, tags=["countries"])
async def list_countries(
    request: Request,
    role: Annotated[
        Literal["sender", "receiver", "both"] | None,
        Query(description="Countries that send, receive, or both."),
    ] = None,
    status: Annotated[
        Status | None, Query(description="Headline status as a receiving country.")
    ] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Response:
    """Countries that take part in at least one arrangement, by code."""
    return await respond_page(
        request,
        res.COUNTRIES,
        lambda data: res.countries(data, role=role, status=_value(status)),
        limit,
        cursor,
    )


@router.get("/countries/{code}", response_model=models.CountryDetail, tags=["countries"])
async def get_country(
    request: Request,
    code: Annotated[models.CountryCode, Path(description="ISO 3166-1 alpha-2; XK is Kosovo.")],  # type: ignore[valid-type]
) -> Response:
    """One country: its figures, its arrangements as sender or receiver, its facilities."""
    return await respond(
        request, models.CountryDetail, lambda data: res.country_detail(data, code.value)
    )


# -- arrangements ---------------------------------------------------------------------


@router.get("/arrangements", response_model=models.ArrangementPage, tags=["arrangements"])
async def list_arrangements(
    request: Request,
    sender: Country = None,
    receiver: Country = None,
    country: Country = None,
    status: Annotated[Status | None, Query(description="Current status.")] = None,
    disputed: Annotated[bool | None, Query(description="Only disputed (or undisputed).")] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Response:
    """Arrangements projected from accepted claims, by sender then receiver."""
    places = _places(sender, receiver, country)
    return await respond_page(
        request,
        res.ARRANGEMENTS,
        lambda data: res.arrangements(
            data, places=places, status=_value(status), disputed=disputed
        ),
        limit,
        cursor,
    )


@router.get(
    "/arrangements/{sender}/{receiver}",
    response_model=models.ArrangementOut,
    tags=["arrangements"],
)
async def get_arrangement(
    request: Request,
    sender: Annotated[models.CountryCode, Path()],  # type: ignore[valid-type]
    receiver: Annotated[models.CountryCode, Path()],  # type: ignore[valid-type]
) -> Response:
    """One arrangement: status, roles, cap, compensation, distinct transfers, claims."""
    return await respond(
        request,
        models.ArrangementOut,
        lambda data: res.arrangement_detail(data, sender.value, receiver.value),
    )


# -- claims ---------------------------------------------------------------------------


@router.get("/claims", response_model=models.ClaimPage, tags=["claims"], responses=CSV_RESPONSE)
async def list_claims(
    request: Request,
    kind: Annotated[ClaimKind | None, Query(description="Claim kind.")] = None,
    value: Annotated[
        str | None,
        Query(max_length=40, description="Claim value (a status, role, concern…)."),
    ] = None,
    sender: Country = None,
    receiver: Country = None,
    country: Country = None,
    document: Annotated[
        str | None, Query(max_length=200, description="Only claims citing this document id.")
    ] = None,
    outlet: Annotated[
        str | None, Query(max_length=200, description="Only claims from this outlet.")
    ] = None,
    language: Annotated[
        str | None,
        Query(pattern=r"^[a-z]{2,3}$", description="Only claims from sources in this language."),
    ] = None,
    year: Annotated[
        str | None, Query(pattern=r"^[0-9]{4}$", description="Only claims dated in this year.")
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    history: Annotated[
        bool, Query(description="Include accepted claims that a correction superseded.")
    ] = False,
    format: Format = "json",
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Response:
    """Accepted claims, by id (time-ordered). Pending and rejected claims are never shown.

    ``value``, ``outlet``, ``language`` and ``year`` mean what they mean in the site's
    claims browser (``/en/claims``).
    """
    places, dates = _places(sender, receiver, country), res.DateRange.parse(date_from, date_to)
    browse = ClaimQuery.parse(
        {"kind": _value(kind), "value": value, "outlet": outlet, "language": language, "year": year}
    )

    def select(data: PublicData) -> list[Any]:
        return res.claims(
            data,
            kind=_value(kind),
            places=places,
            document=document,
            dates=dates,
            history=history,
            browse=browse,
        )

    if format == "csv":
        return await respond_csv(request, CLAIM_TABLE, lambda data: map(claim_row, select(data)))
    return await respond_page(request, res.CLAIMS, select, limit, cursor)


@router.get("/claims/{claim_id}", response_model=models.ClaimOut, tags=["claims"])
async def get_claim(
    request: Request,
    claim_id: Identifier,
    history: Annotated[bool, Query(description="Show the claim even if superseded.")] = False,
) -> Response:
    """One accepted claim in the contract's JSON form."""
    return await respond(
        request, models.ClaimOut, lambda data: res.claim_detail(data, claim_id, history=history)
    )


# -- documents ------------------------------------------------------------------------


@router.get(
    "/documents", response_model=models.DocumentPage, tags=["documents"], responses=CSV_RESPONSE
)
async def list_documents(
    request: Request,
    kind: Annotated[DocumentKind | None, Query(description="Kind of source.")] = None,
    language: Annotated[
        str | None, Query(pattern=r"^[a-z]{2,3}$", description="Language code, e.g. en, es.")
    ] = None,
    format: Format = "json",
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Response:
    """Sources cited by accepted claims (metadata only, never their text), by id."""

    def select(data: PublicData) -> list[Any]:
        return res.documents(data, kind=_value(kind), language=language)

    if format == "csv":
        return await respond_csv(
            request,
            DOCUMENT_TABLE,
            lambda data: (
                document_row(d, len(data.document_claims.get(d.id, ()))) for d in select(data)
            ),
        )
    return await respond_page(request, res.DOCUMENTS, select, limit, cursor)


@router.get("/documents/{document_id}", response_model=models.DocumentDetail, tags=["documents"])
async def get_document(request: Request, document_id: Identifier) -> Response:
    """One source and the ids of the accepted claims that cite it."""
    return await respond(
        request, models.DocumentDetail, lambda data: res.document_detail(data, document_id)
    )


# -- transfers ------------------------------------------------------------------------


@router.get(
    "/transfers", response_model=models.TransferPage, tags=["transfers"], responses=CSV_RESPONSE
)
async def list_transfers(
    request: Request,
    kind: Annotated[
        Literal["transfer", "onward_transfer"] | None,
        Query(description="Transfers from the sender, or onward from the receiver."),
    ] = None,
    sender: Country = None,
    receiver: Country = None,
    country: Country = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    format: Format = "json",
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Response:
    """Distinct transfer events (many reports of one flight are one event), by date."""
    places, dates = _places(sender, receiver, country), res.DateRange.parse(date_from, date_to)

    def select(data: PublicData) -> list[Any]:
        return res.transfers(data, kind=kind, places=places, dates=dates)

    if format == "csv":
        return await respond_csv(
            request, TRANSFER_TABLE, lambda data: map(transfer_row, select(data))
        )
    return await respond_page(request, res.TRANSFERS, select, limit, cursor)


@router.get("/transfers/{transfer_id}", response_model=models.TransferOut, tags=["transfers"])
async def get_transfer(request: Request, transfer_id: Identifier) -> Response:
    """One transfer event and the claims reporting it."""
    return await respond(
        request, models.TransferOut, lambda data: res.transfer_detail(data, transfer_id)
    )


# -- facilities -----------------------------------------------------------------------


@router.get("/facilities", response_model=models.FacilityPage, tags=["facilities"])
async def list_facilities(
    request: Request, country: Country = None, limit: Limit = 100, cursor: Cursor = None
) -> Response:
    """Places of detention or stay named by accepted claims, by country."""
    return await respond_page(
        request,
        res.FACILITIES,
        lambda data: res.facilities(data, country=_value(country)),
        limit,
        cursor,
    )


@router.get("/facilities/{facility_id}", response_model=models.FacilityOut, tags=["facilities"])
async def get_facility(request: Request, facility_id: Identifier) -> Response:
    """One facility: who sends people there, how many, and what concerns are reported."""
    return await respond(
        request, models.FacilityOut, lambda data: res.facility_detail(data, facility_id)
    )


def dump(model: type[BaseModel], payload: dict[str, Any]) -> bytes:
    """A body as the API would send it (the static site writes these)."""
    return _render(model, payload).body
