"""Open-data exports: CSV, JSON, GeoJSON, Data Package, Atom and SQLite, from one registry."""

from thirdcountry.publish.exports.registry import (
    Exporter,
    ExportFile,
    Links,
    export,
    exporter_for_file,
    exporters,
    get_exporter,
    register,
    render_formats,
    write_files,
)

__all__ = [
    "ExportFile",
    "Exporter",
    "Links",
    "export",
    "exporter_for_file",
    "exporters",
    "get_exporter",
    "register",
    "render_formats",
    "write_files",
]
