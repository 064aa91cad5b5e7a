"""Scan engines: where the spans of a scan are processed.

An engine is a module of this package named after it, defining ``create(options)`` that
returns an ``Engine``. ``local`` runs spans one after the other in this process; ``dask``
spreads them over a Dask distributed cluster. Adding an engine is adding a module: the
registry lists the package, and imports an engine only when it is asked for (Dask takes a
second to import; ``thirdcountry --help`` should not pay for it).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

from thirdcountry.domain.errors import BadInput

if TYPE_CHECKING:  # the registry itself stays light: the CLI lists engines at start-up
    from thirdcountry.scale.pipeline import Progress, ScanOptions, SpanResult
    from thirdcountry.scale.warc import Span


@dataclass(frozen=True, slots=True)
class EngineOptions:
    workers: int | None = None
    scheduler: str | None = None  # address of a running Dask scheduler, tcp://HOST:PORT
    processes: bool = True  # a local Dask cluster of processes (False: threads, for tests)


class Engine(Protocol):
    name: str

    @property
    def workers(self) -> int: ...

    def run(
        self, spans: Sequence[Span], options: ScanOptions, progress: Progress | None
    ) -> Iterator[SpanResult]:
        """Every span's result, in whatever order they finish."""
        ...

    def __enter__(self) -> Engine: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


EngineFactory = Callable[[EngineOptions], Engine]


def engine_names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def open_engine(name: str, options: EngineOptions | None = None) -> Engine:
    if name not in engine_names():
        raise BadInput(f"unknown engine {name!r} (one of: {', '.join(engine_names())})")
    module = importlib.import_module(f"{__name__}.{name}")
    factory: EngineFactory = module.create
    return factory(options or EngineOptions())
