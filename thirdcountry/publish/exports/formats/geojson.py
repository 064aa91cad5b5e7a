"""GeoJSON (RFC 7946): one point feature per country that takes part in an arrangement.

The point comes from ``country_points.json`` (built by ``scripts/country_points.py`` from
Natural Earth); a country without one gets a null geometry, which RFC 7946 allows for
features without a location.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from thirdcountry.publish.exports.registry import ExportFile, Links, register
from thirdcountry.store.public import PublicData

FILE_NAME = "arrangements.geojson"
POINTS = Path(__file__).resolve().parent.parent / "country_points.json"


@cache
def country_points() -> dict[str, list[float]]:
    points: dict[str, list[float]] = json.loads(POINTS.read_text(encoding="utf-8"))["points"]
    return points


def _arrangement_summary(data: PublicData, sender: str, receiver: str) -> dict[str, Any]:
    found = data.arrangement(sender, receiver)
    assert found is not None  # the summaries are built from the arrangements
    return {
        "sender": found.sender,
        "receiver": found.receiver,
        "status": found.status,
        "disputed": found.disputed,
        "roles": list(found.roles),
        "capacity": found.capacity,
        "transfers": len(found.transfers),
        "people_transferred": found.people_transferred,
        # A total over a period sits beside the transfers; it is never added to them.
        "reported_total": found.reported_total.to_dict() if found.reported_total else None,
        "status_basis": found.status_basis.to_dict() if found.status_basis else None,
        "source_count": found.source_count,
    }


def feature_collection(data: PublicData) -> dict[str, Any]:
    points = country_points()
    features = []
    for country in data.countries:
        point = points.get(country.code)
        properties = {
            **{k: v for k, v in country.to_dict().items() if k != "name"},
            "name_en": country.name_en,
            "name_es": country.name_es,
            "arrangements_as_receiver": [
                _arrangement_summary(data, sender, country.code) for sender in country.senders
            ],
            "arrangements_as_sender": [
                _arrangement_summary(data, country.code, receiver) for receiver in country.receivers
            ],
        }
        features.append(
            {
                "type": "Feature",
                "id": country.code,
                "geometry": {"type": "Point", "coordinates": point} if point else None,
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


class GeoJsonExporter:
    name = "geojson"
    description = f"{FILE_NAME}: a point per country with its status and figures (RFC 7946)."

    def file_names(self, data: PublicData) -> list[str]:
        return [FILE_NAME]

    def render(self, data: PublicData, links: Links) -> list[ExportFile]:
        body = json.dumps(feature_collection(data), ensure_ascii=False, indent=1)
        return [ExportFile(FILE_NAME, "application/geo+json", body.encode("utf-8"))]


register(GeoJsonExporter())
