"""robots.txt, read once per site and kept for a day, interpreted as RFC 9309 says.

A robots.txt that is missing or forbidden (4xx) allows everything; one that cannot be
read (5xx, timeout) allows nothing for now, so the page fails as retryable.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from protego import Protego

from thirdcountry.ingest.model import SourceError

ROBOTS_MAX_BYTES = 512 * 1024
_TTL_SECONDS = 24 * 3600

# Reads a robots.txt URL before the deadline: its text, or None when it is absent (4xx).
RobotsReader = Callable[[str, float], str | None]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class RobotsRules:
    """Per-site robots.txt rules for one product token, safe to share between threads."""

    def __init__(self, read: RobotsReader, token: str) -> None:
        self._read = read
        self._token = token
        self._rules: dict[str, tuple[float, Protego | None]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def require(self, url: str, deadline: float) -> None:
        """Return if robots.txt lets us fetch ``url``; raise SourceError if not."""
        origin = origin_of(url)
        rules = self._rules_for(origin, deadline)
        if rules is not None and not rules.can_fetch(url, self._token):
            path = urlsplit(url).path or "/"
            raise SourceError(f"robots.txt of {origin} disallows {path}", retryable=False)

    def _rules_for(self, origin: str, deadline: float) -> Protego | None:
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # one read per site, even when several pages of it are fetched at once
            cached = self._rules.get(origin)
            if cached is not None and time.monotonic() - cached[0] < _TTL_SECONDS:
                return cached[1]
            try:
                text = self._read(f"{origin}/robots.txt", deadline)
            except SourceError as exc:
                raise SourceError(
                    f"robots.txt of {origin} could not be read ({exc.message})", retryable=True
                ) from None
            rules = Protego.parse(text) if text is not None else None
            self._rules[origin] = (time.monotonic(), rules)
            return rules
