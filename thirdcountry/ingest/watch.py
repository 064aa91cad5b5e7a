"""Watching feeds: poll a list of feeds every so often and ingest what is new.

Everything a poll learns (GUIDs seen, ETag and Last-Modified, failures) is in the store,
so a watcher that is stopped or killed resumes where it was. Each poll also retries the
feeds' entries that failed for reasons that may pass (timeouts, 5xx), a few times.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

from thirdcountry.domain.errors import BadInput
from thirdcountry.ingest.pipeline import IngestReport, Pipeline
from thirdcountry.ingest.urls import is_web_url

MAX_RETRY_ATTEMPTS = 5
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)?", re.IGNORECASE)
_UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0}


def parse_duration(text: str) -> float:
    """Seconds in ``90``, ``30s``, ``15m``, ``1h`` or ``1h30m``."""
    raw = text.strip().lower().replace(" ", "")
    position, seconds = 0, 0.0
    while position < len(raw):
        match = _DURATION.match(raw, position)
        if match is None or match.end() == position:
            break
        seconds += float(match.group(1)) * _UNIT_SECONDS[match.group(2) or "s"]
        position = match.end()
    if not raw or position != len(raw) or seconds <= 0:
        raise BadInput(f"{text!r} is not a duration (e.g. 90s, 15m, 1h)")
    return seconds


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs (or feed files), one a line; blank lines and ``#`` comments ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise BadInput(f"feed list {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"feed list {path} cannot be read: {exc}") from None
    feeds: list[str] = []
    for number, line in enumerate(lines, start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not is_web_url(entry) and not Path(entry).expanduser().is_file():
            raise BadInput(f"{path}, line {number}: {entry!r} is neither an http(s) URL nor a file")
        feeds.append(entry)
    if not feeds:
        raise BadInput(f"feed list {path} names no feed")
    return feeds


def watch(
    pipeline: Pipeline,
    feeds: list[str],
    *,
    every: float,
    once: bool = False,
    stop: threading.Event | None = None,
    on_poll: Callable[[IngestReport], None] | None = None,
) -> int:
    """Poll ``feeds`` until ``stop`` is set (or once); return how many polls ran."""
    stop = stop or threading.Event()
    polls = 0
    while not stop.is_set():
        report = pipeline.run(feeds, always=True, watched_feeds_only=True)
        polls += 1
        if on_poll is not None:
            on_poll(report)
        if once or stop.wait(every):
            break
    return polls
