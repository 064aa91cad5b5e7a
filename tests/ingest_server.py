"""A small news site on 127.0.0.1 for ingestion tests: articles, a feed and misbehaviour.

Only ever bound to 127.0.0.1; tests never send traffic anywhere else. Every request is
logged (path and headers) so tests can check what was, and was not, asked for.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from functools import cache
from pathlib import Path

PAGES = Path(__file__).parent / "ingest_site"

# path on the site -> page file
ARTICLES = {
    "/news/kosovo-agrees": "kosovo-en.html",
    "/world/kosovo-deal": "kosovo-copy.html",
    "/es/kosovo-acepta": "kosovo-es.html",
    "/news/eswatini-flight": "eswatini-en.html",
    "/es/cecot-venezolanos": "cecot-es.html",
}

PLAIN_TEXT = """South Sudan receives eight men deported from the United States

Juba, 5 July 2025. Eight men deported from the United States arrived in South Sudan on
Friday after weeks held at a U.S. military base in Djibouti while courts weighed their
case. Only one of them is a South Sudanese national; the others come from Cuba, Laos,
Mexico, Myanmar and Vietnam. The government in Juba said the men would be processed by
the immigration authorities and that it was examining how they could be sent on to their
countries of origin. Rights groups said the men faced risks in a country where fighting
has displaced millions and asked both governments to explain the legal basis of the move.
"""

PDF_LINES = [
    "Statement on the temporary reception of third-country nationals",
    "The Government confirms that it has agreed to receive up to fifty",
    "people removed from the United States who are not its citizens.",
    "They will stay for a limited period and will then be assisted to",
    "return to their countries of origin in cooperation with partners.",
    "The arrangement respects international standards on the treatment",
    "of migrants and will be reviewed by the Government after one year.",
    "No payment has been requested or received for this reception.",
]


def make_pdf(lines: list[str], *, title: str = "Press statement") -> bytes:
    """A one-page PDF with a text layer, written by hand (no PDF library needed)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 11 Tf 72 720 Td 15 TL " + " ".join(f"({escape(x)}) '" for x in lines)
    stream += " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({escape(title)}) /Author (Ministry of Foreign Affairs) "
        "/CreationDate (D:20250611120000+02'00') >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


def page(name: str, base: str) -> bytes:
    return (PAGES / name).read_text(encoding="utf-8").replace("{BASE}", base).encode("utf-8")


@dataclass
class Site:
    """The site; use as a context manager. ``base`` is its root URL."""

    article_delay: float = 0.0  # seconds each article waits before answering
    flaky_failures: int = 0  # /flaky answers 503 this many times, then the article
    feed_paths: list[str] = field(
        default_factory=lambda: [
            "/news/kosovo-agrees",
            "/world/kosovo-deal",
            "/es/kosovo-acepta",
            "/news/eswatini-flight",
            "/es/cecot-venezolanos",
            "/mirror/kosovo-agrees",
            "/old/kosovo",
            "/broken",
        ]
    )
    untyped_body: bytes = b""  # what /untyped answers, without a Content-Type
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._server: http.server.ThreadingHTTPServer | None = None
        self._lock = threading.Lock()

    @property
    def base(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths_requested(self) -> list[str]:
        with self._lock:
            return [path for path, _headers in self.requests]

    def __enter__(self) -> Site:
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def do_GET(self) -> None:
                with site._lock:
                    site.requests.append((self.path, dict(self.headers.items())))
                # The client hangs up on slow or huge answers, as it should.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    site._route(self)

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release.set()
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    # -- routes ---------------------------------------------------------------------------

    def _route(self, h: http.server.BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        routes: dict[str, Callable[[http.server.BaseHTTPRequestHandler], None]] = {
            "/robots.txt": lambda h: self._send(
                h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"
            ),
            "/feed.xml": self._feed,
            "/old/kosovo": lambda h: self._redirect(h, 301, "/news/kosovo-agrees"),
            "/hop": lambda h: self._redirect(h, 302, "/old/kosovo"),
            "/mirror/kosovo-agrees": self._mirror,
            "/broken": lambda h: self._send(h, 500, b"<h1>Internal error</h1>", "text/html"),
            "/flaky": self._flaky,
            "/slow": self._slow,
            "/trickle": self._trickle,
            "/huge": self._huge,
            "/huge-chunked": self._huge_chunked,
            "/bomb": self._bomb,
            "/truncated-gzip": self._truncated_gzip,
            "/untyped": self._untyped,
            "/photo.png": lambda h: self._send(
                h, 200, b"\x89PNG\r\n\x1a\n" + b"0" * 64, "image/png"
            ),
            "/statement.txt": lambda h: self._send(
                h, 200, PLAIN_TEXT.encode(), "text/plain; charset=utf-8"
            ),
            "/statement.pdf": lambda h: self._send(h, 200, make_pdf(PDF_LINES), "application/pdf"),
            "/private/memo": lambda h: self._article(h, "kosovo-en.html"),
            "/to-ftp": lambda h: self._redirect(h, 302, "ftp://127.0.0.1/file"),
            "/to-credentials": lambda h: self._redirect(
                h, 302, self.base.replace("://", "://editor:s3cret@") + "/news/kosovo-agrees"
            ),
            "/to-other-loopback": lambda h: self._redirect(h, 302, "http://127.0.0.2:9/x"),
        }
        if path.startswith("/loop/"):
            number = int(path.rsplit("/", 1)[1])
            self._redirect(h, 302, f"/loop/{number + 1}")
        elif path in ARTICLES:
            self._article(h, ARTICLES[path])
        elif path in routes:
            routes[path](h)
        else:
            self._send(h, 404, b"<h1>Not found</h1>", "text/html")

    def _send(
        self,
        h: http.server.BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str,
        extra: dict[str, str] | None = None,
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            h.send_header(name, value)
        h.end_headers()
        h.wfile.write(body)

    def _redirect(self, h: http.server.BaseHTTPRequestHandler, status: int, to: str) -> None:
        self._send(h, status, b"", "text/html", {"Location": to})

    def _article(self, h: http.server.BaseHTTPRequestHandler, name: str) -> None:
        if self.article_delay:
            self.release.wait(self.article_delay)
        self._send(h, 200, page(name, self.base), "text/html; charset=utf-8")

    def _mirror(self, h: http.server.BaseHTTPRequestHandler) -> None:
        # The same article under another address and without a canonical link: an
        # identical copy that a mirror or a scraper site would serve.
        body = page("kosovo-en.html", self.base)
        lines = [line for line in body.split(b"\n") if b'rel="canonical"' not in line]
        self._send(h, 200, b"\n".join(lines), "text/html; charset=utf-8")

    def _feed(self, h: http.server.BaseHTTPRequestHandler) -> None:
        items = "".join(
            f"<item><title>Story {n}</title><link>{self.base}{p}?utm_source=rss</link>"
            f'<guid isPermaLink="false">story-{p.strip("/").replace("/", "-")}</guid>'
            f"<pubDate>{formatdate(1749700000 + n * 3600, usegmt=True)}</pubDate></item>"
            for n, p in enumerate(self.feed_paths)
        )
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Migration desk</title><link>{self.base}/</link>{items}</channel></rss>"
        ).encode()
        etag = f'"feed-{len(self.feed_paths)}"'
        if h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        self._send(h, 200, body, "application/rss+xml", {"ETag": etag})

    def _flaky(self, h: http.server.BaseHTTPRequestHandler) -> None:
        with self._lock:
            failing = self.flaky_failures > 0
            self.flaky_failures -= 1 if failing else 0
        if failing:
            self._send(h, 503, b"busy", "text/plain")
        else:
            self._article(h, "eswatini-en.html")

    def _slow(self, h: http.server.BaseHTTPRequestHandler) -> None:
        self.release.wait(10)  # far beyond any test's read timeout; teardown releases it
        self._article(h, "kosovo-en.html")

    def _trickle(self, h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(100000):
            if self.release.wait(0.1):
                return
            h.wfile.write(b" ")
            h.wfile.flush()

    def _huge(self, h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(50_000_000))
        h.end_headers()
        h.wfile.write(b"<html>" + b" " * 1024)

    def _huge_chunked(self, h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        chunk = b"<p>" + b"x" * 16_000 + b"</p>"
        for _ in range(200):  # about 3 MB unless the client hangs up first
            h.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            time.sleep(0)
        h.wfile.write(b"0\r\n\r\n")

    def _untyped(self, h: http.server.BaseHTTPRequestHandler) -> None:
        # Bytes with no Content-Type at all (what tests set in ``untyped_body``).
        h.send_response(200)
        h.send_header("Content-Length", str(len(self.untyped_body)))
        h.end_headers()
        h.wfile.write(self.untyped_body)

    def _truncated_gzip(self, h: http.server.BaseHTTPRequestHandler) -> None:
        # Half of a gzip stream, with a Content-Length that matches the half: as a server
        # cut off mid-response, or a cache that stored half a body, sends it.
        whole = gzip.compress(page("kosovo-en.html", self.base))
        half = whole[: len(whole) // 2]
        self._send(h, 200, half, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})

    def _bomb(self, h: http.server.BaseHTTPRequestHandler) -> None:
        self._send(h, 200, _bomb_body(), "text/html", {"Content-Encoding": "gzip"})


@cache
def _bomb_body() -> bytes:
    """A few kilobytes of gzip that inflate to 20 MB."""
    return gzip.compress(b"<html><body>" + b" " * 20_000_000 + b"</body></html>")
