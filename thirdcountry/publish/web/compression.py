"""HTML pages sent gzip-compressed to clients that accept it, from one ASGI middleware.

The API and the files under ``/data/`` compress their own bodies (``api.conditional``,
which keeps a gzip form and its own ETag per rendered body); they arrive here with
``Content-Encoding`` set and pass untouched. Starlette's GZipMiddleware is not used because
it would keep a strong ETag on the compressed bytes: a validator names one representation
(RFC 9110 §8.8.3), so a compressed page gets the ``-gzip`` form of it, as the API does.
"""

from __future__ import annotations

import gzip
from typing import Any

from starlette.datastructures import Headers, MutableHeaders

from thirdcountry.publish.api.conditional import Rendered, accepts_gzip


def _gzip_etag(etag: str) -> str:
    if etag.startswith("W/") or not etag.endswith('"'):
        return etag  # a weak validator already allows another encoding
    return etag[:-1] + '-gzip"'


class HtmlGzip:
    """ASGI middleware: compresses complete ``text/html`` 200 responses of 1 KB or more."""

    def __init__(self, app: Any, *, minimum_size: int = Rendered.MIN_GZIP) -> None:
        self.app = app
        self.minimum_size = minimum_size

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            # HEAD keeps the identity length it announces; nothing else carries HTML.
            await self.app(scope, receive, send)
            return
        wanted = accepts_gzip(Headers(scope=scope).get("accept-encoding"))
        start: dict[str, Any] | None = None
        chunks: list[bytes] = []

        async def buffered(message: dict[str, Any]) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = Headers(raw=message.get("headers", []))
                html = headers.get("content-type", "").startswith("text/html")
                if message["status"] == 200 and html and "content-encoding" not in headers:
                    start = message  # held until the whole body is known
                    return
                await send(message)
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await self._finish(start, b"".join(chunks), wanted, send)

        await self.app(scope, receive, buffered)

    async def _finish(self, start: dict[str, Any], body: bytes, wanted: bool, send: Any) -> None:
        headers = MutableHeaders(scope=start)
        if len(body) >= self.minimum_size:
            headers.add_vary_header("Accept-Encoding")
            if wanted:
                # mtime=0: the same page always compresses to the same bytes.
                body = gzip.compress(body, compresslevel=6, mtime=0)
                headers["Content-Encoding"] = "gzip"
                headers["Content-Length"] = str(len(body))
                if "etag" in headers:
                    headers["ETag"] = _gzip_etag(headers["etag"])
        await send(start)
        await send({"type": "http.response.body", "body": body, "more_body": False})
