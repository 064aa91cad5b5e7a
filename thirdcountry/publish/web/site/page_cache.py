"""Rendered public pages, kept per data version for anonymous visitors.

A public page depends only on the public picture (keyed by its data version), the language
and the URL, except for the account links in the header, which name a logged-in user.
So pages are cached for requests without a session cookie, and every entry dies with the
picture it was rendered from. Pages that embed per-visitor tokens (a claim's report form)
are not cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from fastapi import Request

from thirdcountry.publish.web.auth import SESSION_COOKIE

CACHEABLE_TEMPLATES = frozenset(
    {
        "site/home.html",
        "site/country.html",
        "site/transfers.html",
        "site/sources.html",
        "site/methodology.html",
        "site/data.html",
        "site/changes.html",
        "site/evidence.html",
    }
)


@dataclass(frozen=True, slots=True)
class CachedPage:
    body: bytes
    media_type: str


class PageCache:
    """A bounded least-recently-used map from (version, language, URL) to a page."""

    def __init__(self, capacity: int = 512) -> None:
        self.capacity = capacity
        self._pages: OrderedDict[tuple[str, str, str], CachedPage] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(
        request: Request, template: str, lang: str, version: str
    ) -> tuple[str, str, str] | None:
        if template not in CACHEABLE_TEMPLATES or request.method != "GET":
            return None
        if SESSION_COOKIE in request.cookies or "lang" in request.query_params:
            return None  # a named user's header, or a language choice to remember
        return (version, lang, str(request.url.path) + "?" + str(request.url.query))

    def get(self, key: tuple[str, str, str]) -> CachedPage | None:
        with self._lock:
            found = self._pages.get(key)
            if found is not None:
                self._pages.move_to_end(key)
            return found

    def put(self, key: tuple[str, str, str], page: CachedPage) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            # Entries of an older data version can never be asked for again.
            stale = [k for k in self._pages if k[0] != key[0]]
            for old in stale:
                del self._pages[old]
            while len(self._pages) > self.capacity:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)
