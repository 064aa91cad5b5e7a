"""The Dask engine: spans spread over a Dask distributed cluster.

Given a scheduler address it joins that cluster (every worker needs thirdcountry installed
and the WARC paths readable at the same place, e.g. a shared file system); otherwise it
starts a ``LocalCluster`` of ``workers`` processes on this machine. Workers run the same
``scan_span`` as the local engine, so the rows are the same. They report progress as Dask
events (cumulative counts per span, at most twice a second), which the client turns into
the deltas its progress bar expects.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, fields
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import dask
from distributed import Client, LocalCluster, Worker, as_completed, get_worker

from thirdcountry.domain.errors import BadInput
from thirdcountry.scale.engines import EngineOptions
from thirdcountry.scale.pipeline import Progress, ScanOptions, SpanProgress, SpanResult, scan_span
from thirdcountry.scale.warc import Span

_PROGRESS_FIELDS = tuple(f.name for f in fields(SpanProgress))
_EVENT_INTERVAL = 0.5  # seconds between progress events from one span


def run_span_on_worker(span: Span, options: ScanOptions, topic: str) -> SpanResult:
    """The task each worker runs: scan one span, sending progress events on ``topic``."""
    worker = get_worker()
    last_sent = 0.0

    def progress(update: SpanProgress) -> None:
        nonlocal last_sent
        now = time.monotonic()
        if update.done or now - last_sent >= _EVENT_INTERVAL:
            last_sent = now
            worker.log_event(topic, asdict(update))

    return scan_span(span, options, progress)


def _stop_profiling(dask_worker: Worker) -> None:
    """Switch off a worker's statistical profiler.

    Every 10 ms it takes hold of the frames of the running task from the worker's event
    loop; a frame it still holds when the task returns is freed there later, with the
    Resiliparse parse tree among its locals — and a parse tree freed on a thread other than
    its own aborts with "unsendable". The scan has no use for the profile.
    """
    for name in ("profile", "profile-cycle"):
        callback = dask_worker.periodic_callbacks.pop(name, None)
        if callback is not None:
            callback.stop()


class _ProgressRelay:
    """Passes the workers' progress events on, in order per span: events can arrive after
    the span's result, or out of order, and a span's last word is its result."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.seen: dict[int, int] = {}
        self.done: set[int] = set()
        self.lock = threading.Lock()

    def update(self, update: SpanProgress) -> None:
        if self.progress is None:
            return
        with self.lock:
            if update.span in self.done or update.records < self.seen.get(update.span, 0):
                return
            if update.done:
                self.done.add(update.span)
            self.seen[update.span] = update.records
            self.progress(update)

    def on_event(self, event: Any) -> None:
        _timestamp, message = event
        # The worker adds fields of its own (its address): keep ours.
        self.update(SpanProgress(**{name: message[name] for name in _PROGRESS_FIELDS}))


def _checked_address(address: str) -> str:
    """A scheduler address as Dask takes it (tcp://HOST:PORT or tls://HOST:PORT)."""
    parts = urlsplit(address.strip())
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or port is None:
        raise BadInput(f"scheduler {address!r} is not an address like tcp://HOST:PORT")
    return address.strip()


class DaskEngine:
    name = "dask"

    def __init__(self, options: EngineOptions) -> None:
        self._cluster: LocalCluster | None = None
        if options.scheduler:
            address = _checked_address(options.scheduler)
            try:
                self.client = Client(address, timeout=15)
            except (OSError, TimeoutError, ValueError) as exc:
                raise BadInput(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        else:
            # Workers started here never profile (see _stop_profiling); the nannies pass
            # this configuration on to worker processes.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                self._cluster = LocalCluster(
                    n_workers=options.workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=options.processes,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            self.client = Client(self._cluster)
        # The workers of a cluster we joined may profile: stop them before any task runs.
        self.client.run(_stop_profiling)

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info()["workers"])

    def run(
        self, spans: Sequence[Span], options: ScanOptions, progress: Progress | None
    ) -> Iterator[SpanResult]:
        topic = f"thirdcountry-scan-{uuid.uuid4().hex}"
        relay = _ProgressRelay(progress)
        self.client.subscribe_topic(topic, relay.on_event)
        try:
            futures = self.client.map(
                run_span_on_worker,
                list(spans),
                options=options,
                topic=topic,
                pure=False,
                key=[f"{topic}-{span.index}" for span in spans],
            )
            for future in as_completed(futures):
                result: SpanResult = future.result()
                future.release()
                stats = result.stats
                relay.update(
                    SpanProgress(
                        result.span.index,
                        result.span.path,
                        stats.records,
                        stats.bytes,
                        stats.bytes,
                        stats.relevant,
                        done=True,
                        failed=result.failure is not None,
                    )
                )
                yield result
        finally:
            self.client.unsubscribe_topic(topic)

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def create(options: EngineOptions) -> DaskEngine:
    return DaskEngine(options)
