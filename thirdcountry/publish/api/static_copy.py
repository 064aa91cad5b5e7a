"""A static copy of the read API: the same JSON bodies, one file per resource.

Lists are written whole (no cursors: a static host cannot page), each detail as
``<collection>/<id>.json``. ``copy_path`` tells which file stands for a live API URL, so
the static site can point links at the copy.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel

from thirdcountry.publish.api import models
from thirdcountry.publish.api import resources as res
from thirdcountry.publish.api.endpoints import dump
from thirdcountry.store.public import PublicData

PREFIX = "api/v1/"
# Ids become file names: anything else (a slash, a leading dot) is not written.
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def _whole(collection: res.Collection[Any], data: PublicData, items: list[Any]) -> bytes:
    payload = {
        "items": [collection.to_dict(data, item) for item in items],
        "total": len(items),
        "limit": len(items),
        "next_cursor": None,
        "next": None,
    }
    return dump(collection.page_model, payload)


def api_copy(data: PublicData, openapi: dict[str, Any]) -> dict[str, bytes]:
    """Relative file name (under the site root) → body, for every public resource."""
    files: dict[str, bytes] = {}

    def detail(name: str, model: type[BaseModel], payload: dict[str, Any]) -> None:
        files[f"{PREFIX}{name}.json"] = dump(model, payload)

    for collection, items in (
        (res.COUNTRIES, data.countries),
        (res.ARRANGEMENTS, data.arrangements),
        (res.CLAIMS, data.claims),
        (res.DOCUMENTS, data.documents),
        (res.TRANSFERS, data.transfers),
        (res.FACILITIES, data.facilities),
    ):
        files[f"{PREFIX}{collection.name}.json"] = _whole(collection, data, list(items))

    for country in data.countries:
        detail(
            f"countries/{country.code}",
            models.CountryDetail,
            res.country_detail(data, country.code),
        )
    for arrangement in data.arrangements:
        detail(
            f"arrangements/{arrangement.sender}/{arrangement.receiver}",
            models.ArrangementOut,
            res.arrangement_dict(data, arrangement),
        )
    for claim in data.claims:
        if SAFE_ID.match(claim.id):
            detail(f"claims/{claim.id}", models.ClaimOut, res.claim_dict(data, claim))
    for document in data.documents:
        if SAFE_ID.match(document.id):
            detail(
                f"documents/{document.id}",
                models.DocumentDetail,
                res.document_detail(data, document.id),
            )
    for transfer in data.transfers:
        if SAFE_ID.match(transfer.id):
            detail(f"transfers/{transfer.id}", models.TransferOut, transfer.to_dict())
    for facility in data.facilities:
        if SAFE_ID.match(facility.id):
            detail(f"facilities/{facility.id}", models.FacilityOut, facility.to_dict())

    index = res.index(data, "")
    index["endpoints"] = {
        name: f"{name}.json"
        for name in ("countries", "arrangements", "claims", "documents", "transfers", "facilities")
    } | {"openapi.json": "openapi.json"}
    files[f"{PREFIX}index.json"] = dump(models.ApiIndex, index)
    files[f"{PREFIX}openapi.json"] = json.dumps(openapi, ensure_ascii=False, indent=1).encode()
    return files


def copy_path(path: str, files: dict[str, bytes]) -> str | None:
    """The file of the copy that stands for the live API URL ``path`` (no query), if any."""
    if not path.startswith("/api/v1"):
        return None
    rest = path[len("/api/v1") :].strip("/")
    if rest in ("", "index.json"):
        return f"{PREFIX}index.json"
    if rest in ("openapi.json", "docs"):
        return f"{PREFIX}openapi.json"
    candidate = f"{PREFIX}{rest}.json"
    return candidate if candidate in files else None
