"""JSON: every public resource in one file, in the API's JSON forms."""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

from thirdcountry.publish.api import resources as res
from thirdcountry.publish.exports.registry import ExportFile, Links, register
from thirdcountry.store.public import PublicData

FILE_NAME = "thirdcountry.json"


def document(data: PublicData) -> dict[str, Any]:
    """The whole public picture as one JSON document."""
    return {
        "dataset": data.dataset,
        "data_version": data.version,
        "last_modified": data.last_modified.astimezone(UTC).isoformat()
        if data.last_modified
        else None,
        "counts": data.counts(),
        "countries": [res.country_dict(data, c) for c in data.countries],
        "arrangements": [res.arrangement_dict(data, a) for a in data.arrangements],
        "claims": [res.claim_dict(data, c) for c in data.claims],
        "documents": [res.document_dict(data, d) for d in data.documents],
        "transfers": [res.transfer_dict(data, t) for t in data.transfers],
        "facilities": [res.facility_dict(data, f) for f in data.facilities],
    }


class JsonExporter:
    name = "json"
    description = f"{FILE_NAME}: every public resource in the API's JSON forms."

    def file_names(self, data: PublicData) -> list[str]:
        return [FILE_NAME]

    def render(self, data: PublicData, links: Links) -> list[ExportFile]:
        body = json.dumps(document(data), ensure_ascii=False, indent=1)
        return [ExportFile(FILE_NAME, "application/json", body.encode("utf-8"))]


register(JsonExporter())
