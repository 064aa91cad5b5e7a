"""'Download this view': a site page's filtered rows as CSV (the export's columns) or JSON.

The claims browser, the transfers page and the sources page answer ``?format=csv`` and
``?format=json`` with every row their filters keep (not only the page shown), so a reader
gets exactly what they were looking at.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from starlette.responses import Response

from thirdcountry.domain.errors import BadInput
from thirdcountry.publish.exports.formats.csvfiles import MEDIA_TYPE as CSV_MEDIA_TYPE
from thirdcountry.publish.exports.formats.csvfiles import records_csv
from thirdcountry.publish.exports.registry import attachment
from thirdcountry.publish.exports.tables import Table

FORMATS = ("csv", "json")


def wanted_format(params: Mapping[str, str]) -> str | None:
    """The download asked for, or None for the page; another format is bad input."""
    fmt = params.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise BadInput(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    return fmt


def file_name(table: Table, filters: Mapping[str, str]) -> str:
    return "-".join([table.name, *(f"{k}-{v}" for k, v in filters.items())])


def download(
    fmt: str,
    table: Table,
    rows: Iterable[dict[str, Any]],
    items: list[dict[str, Any]],
    filters: Mapping[str, str],
) -> Response:
    """``rows`` (in ``table``'s columns) as CSV, or ``items`` (the API's JSON forms)."""
    headers = attachment(file_name(table, filters), fmt)
    if fmt == "csv":
        body = records_csv(table, table.records_of(rows))
        return Response(body, media_type=CSV_MEDIA_TYPE, headers=headers)
    text = json.dumps(items, ensure_ascii=False, indent=1)
    return Response(text, media_type="application/json", headers=headers)
