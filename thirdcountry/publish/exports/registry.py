"""One registry of exporters. Built-in formats register here exactly as add-ons do.

An exporter turns a public snapshot into named files. The built-ins live one per module in
``publish/exports/formats/`` and call ``register`` when imported; other packages add
formats through the ``thirdcountry.exporters`` entry-point group (each entry point names
an exporter object). The CLI, the ``/data/`` route and the static site ask the registry,
never a list of their own.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import threading
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol, runtime_checkable

from thirdcountry.domain.errors import BadInput, NotFound
from thirdcountry.domain.projection import ProjectionRules
from thirdcountry.store import Store
from thirdcountry.store.public import PublicData, public_cache

ENTRY_POINT_GROUP = "thirdcountry.exporters"


@dataclass(frozen=True, slots=True)
class Links:
    """How exported files point back to the site and the API.

    ``site`` is the site's root as seen from the data folder: an absolute URL when known,
    else a relative prefix (``../``). The static site's API copy names files ``….json``,
    the live API does not, hence ``api_suffix``.
    """

    site: str = "../"
    api_suffix: str = ""

    def api(self, path: str) -> str:
        return f"{self.site}api/v1/{path}{self.api_suffix}"

    def data(self, name: str) -> str:
        return f"{self.site}data/{name}"


@dataclass(frozen=True, slots=True)
class ExportFile:
    name: str  # relative path inside the export folder, "/" separated
    media_type: str
    content: bytes


@runtime_checkable
class Exporter(Protocol):
    name: str  # the --format value
    description: str

    def file_names(self, data: PublicData) -> list[str]:
        """The files ``render`` writes, without rendering them."""
        ...

    def render(self, data: PublicData, links: Links) -> list[ExportFile]: ...


_REGISTRY: dict[str, Exporter] = {}
_LOADED = False
_LOCK = threading.RLock()


def register(exporter: Exporter) -> Exporter:
    """Add a format; a second exporter with the same name replaces the first."""
    if not isinstance(exporter, Exporter):
        raise BadInput(f"{exporter!r} is not an exporter (needs name, file_names, render)")
    with _LOCK:
        _REGISTRY[exporter.name] = exporter
    return exporter


def _load() -> None:
    global _LOADED
    with _LOCK:
        if _LOADED:
            return
        _LOADED = True
        from thirdcountry.publish.exports import formats

        for module in sorted(pkgutil.iter_modules(formats.__path__), key=lambda m: m.name):
            importlib.import_module(f"{formats.__name__}.{module.name}")
        for entry in entry_points(group=ENTRY_POINT_GROUP):
            register(entry.load())


def exporters() -> dict[str, Exporter]:
    """Every registered format, by name, in the order of their names.

    Not in registration order: a module that imports one format directly (the site imports
    the CSV writer) registers it before the rest, and lists (``--help``, the docs) would
    then depend on what was imported first.
    """
    _load()
    with _LOCK:
        return dict(sorted(_REGISTRY.items()))


def get_exporter(name: str) -> Exporter:
    found = exporters().get(name)
    if found is None:
        raise BadInput(f"unknown export format {name!r} (one of: {', '.join(exporters())})")
    return found


def exporter_for_file(data: PublicData, name: str) -> Exporter:
    """The exporter that writes the file ``name`` (the first one, if several do)."""
    for exporter in exporters().values():
        if name in exporter.file_names(data):
            return exporter
    raise NotFound(f"no data file named {name!r}")


def render_formats(data: PublicData, names: list[str], links: Links) -> list[ExportFile]:
    """The files of the named formats; a file two formats share is written once."""
    files: dict[str, ExportFile] = {}
    for name in names:
        for item in get_exporter(name).render(data, links):
            files.setdefault(item.name, item)
    return list(files.values())


def write_files(files: list[ExportFile], out: Path) -> list[Path]:
    """Write files under ``out``; each is written whole to a temporary name first."""
    written = []
    for item in files:
        target = out.joinpath(*item.name.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_bytes(item.content)
        partial.replace(target)
        written.append(target)
    return written


def export(
    store: Store,
    formats: list[str],
    out: Path,
    *,
    links: Links | None = None,
    rules: ProjectionRules | None = None,
) -> list[Path]:
    """Write the named formats (or ``all``) of the store's public data under ``out``."""
    names = list(exporters()) if "all" in formats else list(dict.fromkeys(formats))
    for name in names:
        get_exporter(name)  # an unknown name fails before anything is written
    if out.exists() and not out.is_dir():
        raise BadInput(f"--out {out} is a file, not a folder")
    data = public_cache(store, rules).current()
    return write_files(render_formats(data, names, links or Links()), out)


_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._]+")


def attachment(stem: str, extension: str) -> dict[str, str]:
    """A Content-Disposition header for a download named after its filters.

    Header values are Latin-1 on the wire and a quote would end the name, so the name is
    an ASCII slug of the filters (an outlet "Ā" becomes "-"), cut to 120 characters.
    """
    safe = _UNSAFE_IN_NAME.sub("-", stem).strip("-")[:120] or "download"
    return {"Content-Disposition": f'attachment; filename="{safe}.{extension}"'}
