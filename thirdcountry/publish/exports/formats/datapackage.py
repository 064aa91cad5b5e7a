"""Frictionless Data Package: ``datapackage.json`` describing the CSV tables.

The Table Schemas come from the same column definitions as the CSV files, with primary
and foreign keys, so ``frictionless validate datapackage.json`` checks types, patterns,
required cells and that every claim's document is in the documents table.
"""

from __future__ import annotations

import json
import re
from typing import Any

from thirdcountry.publish.exports.formats.csvfiles import MEDIA_TYPE as CSV_MEDIA_TYPE
from thirdcountry.publish.exports.formats.csvfiles import file_name, table_csv
from thirdcountry.publish.exports.registry import ExportFile, Links, register
from thirdcountry.publish.exports.tables import (
    PACKAGE_TABLES,
    SEPARATOR,
    Column,
    Table,
    codes_of,
)
from thirdcountry.store.public import PublicData

FILE_NAME = "datapackage.json"

# Licences the bundled datasets use, with their canonical pages.
LICENCES = {
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC0-1.0": ("CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": (
        "Open Data Commons Open Database License 1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
    ),
}


def _field(column: Column) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.type == "datetime":
        out["format"] = "%Y-%m-%dT%H:%M:%SZ"
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.codes and column.listed:
        # A list cell cannot take an enum: a pattern over the same codes, joined by ';'.
        one = "(?:" + "|".join(re.escape(code) for code in codes_of(column.codes)) + ")"
        constraints["pattern"] = f"^{one}(?:{re.escape(SEPARATOR)}{one})*$"
    elif column.codes:
        # The codes resource labels each of them in English and Spanish.
        constraints["enum"] = codes_of(column.codes)
    if constraints:
        out["constraints"] = constraints
    return out


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "primaryKey": [table.primary_key],
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": [key.column],
                # An empty resource name is this same table (documents copy documents).
                "reference": {
                    "resource": "" if key.table == table.name else key.table,
                    "fields": [key.target],
                },
            }
            for key in table.foreign_keys
        ]
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description,
        "path": file_name(table),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _licence(data: PublicData) -> list[dict[str, str]]:
    name = str(data.dataset.get("license") or data.dataset.get("licence") or "CC-BY-4.0")
    title, path = LICENCES.get(name, (name, ""))
    licence = {"name": name, "title": title}
    if path:
        licence["path"] = path
    return [licence]


def _package_name(data: PublicData) -> str:
    raw = str(data.dataset.get("name") or "dataset").lower()
    return "thirdcountry-" + (re.sub(r"[^a-z0-9._-]+", "-", raw).strip("-") or "dataset")


def descriptor(data: PublicData) -> dict[str, Any]:
    out: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": _package_name(data),
        "title": str(data.dataset.get("title") or "thirdcountry public data"),
        "description": "Third-country deportation and transfer arrangements, projected from "
        "accepted, cited claims. Only accepted claims are included; every figure traces back "
        "to the claims listed with it. Lists inside a cell are separated by ';'. "
        f"Data version {data.version}.",
        "version": str(data.dataset.get("version") or data.version),
        "licenses": _licence(data),
        "homepage": "https://github.com/thirdcountry/thirdcountry",
        "resources": [_resource(t) for t in PACKAGE_TABLES],
    }
    if data.last_modified is not None:
        out["created"] = data.last_modified.strftime("%Y-%m-%dT%H:%M:%SZ")
    if data.audit_checkpoint:
        # The review log's head when this package was made: keep it, and `thirdcountry
        # audit verify --against` it later shows a log rewritten or cut back since.
        out["audit_checkpoint"] = data.audit_checkpoint
    return out


class DataPackageExporter:
    name = "datapackage"
    description = (
        f"{FILE_NAME} with Table Schemas, plus the CSV tables it describes and codes.csv, the"
        " English and Spanish labels of every code they use."
    )

    def file_names(self, data: PublicData) -> list[str]:
        return [FILE_NAME, *(file_name(t) for t in PACKAGE_TABLES)]

    def render(self, data: PublicData, links: Links) -> list[ExportFile]:
        body = json.dumps(descriptor(data), ensure_ascii=False, indent=1).encode("utf-8")
        return [
            ExportFile(FILE_NAME, "application/json", body),
            *(ExportFile(file_name(t), CSV_MEDIA_TYPE, table_csv(t, data)) for t in PACKAGE_TABLES),
        ]


register(DataPackageExporter())
