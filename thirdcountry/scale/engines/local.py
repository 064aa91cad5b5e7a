"""The local engine: every span in this process, one after the other."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import TracebackType

from thirdcountry.domain.errors import BadInput
from thirdcountry.scale.engines import EngineOptions
from thirdcountry.scale.pipeline import Progress, ScanOptions, SpanResult, scan_span
from thirdcountry.scale.warc import Span


class LocalEngine:
    name = "local"
    workers = 1

    def run(
        self, spans: Sequence[Span], options: ScanOptions, progress: Progress | None
    ) -> Iterator[SpanResult]:
        for span in spans:
            yield scan_span(span, options, progress)

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


def create(options: EngineOptions) -> LocalEngine:
    if options.scheduler is not None:
        raise BadInput("the local engine takes no scheduler (use --engine dask)")
    if options.workers not in (None, 1):
        raise BadInput("the local engine runs one worker (use --engine dask for more)")
    return LocalEngine()
