"""A loopback HTTP server for the remote-reading tests: files, byte ranges and faults.

``ArchiveServer`` serves a dict of path → bytes with HEAD, GET and ``Range``; it logs
every request, and can be told to drop the connection halfway through the body of the
next ``n`` answers for a path (``drop``), or of all of them (``drop`` with ``times=None``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_RANGE = re.compile(r"bytes=(\d+)-(\d*)")


@dataclass
class Request:
    method: str
    path: str
    range: str | None
    authorization: str | None = None


@dataclass
class ArchiveServer:
    files: dict[str, bytes] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    drops: dict[str, int | None] = field(default_factory=dict)
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def drop(self, path: str, times: int | None = 1) -> None:
        """Cut the next ``times`` GET answers for ``path`` halfway (None: every one)."""
        self.drops["/" + path.lstrip("/")] = times

    def gets(self, path: str) -> list[Request]:
        return [r for r in self.log if r.method == "GET" and r.path == "/" + path.lstrip("/")]

    def _should_drop(self, path: str) -> bool:
        with self.lock:
            if path not in self.drops:
                return False
            left = self.drops[path]
            if left is None:
                return True
            if left <= 1:
                del self.drops[path]
            else:
                self.drops[path] = left - 1
            return True


def _handler(server: ArchiveServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: object) -> None:
            return None

        def _answer(self, *, body: bool) -> None:
            path = self.path.split("?", 1)[0]
            wanted = self.headers.get("Range")
            signed = self.headers.get("Authorization")
            server.log.append(Request(self.command, path, wanted, signed))
            data = server.files.get(path)
            if data is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            start, end = 0, len(data)
            found = _RANGE.fullmatch(wanted or "")
            if found:
                start = int(found[1])
                end = min(len(data), int(found[2]) + 1) if found[2] else len(data)
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{end - 1}/{len(data)}")
            else:
                self.send_response(200)
            self.send_header("Content-Length", str(end - start))
            self.send_header("Accept-Ranges", "bytes")
            self.end_headers()
            if not body:
                return
            chunk = data[start:end]
            if server._should_drop(path):
                self.wfile.write(chunk[: len(chunk) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self.wfile.write(chunk)

        def do_HEAD(self) -> None:
            self._answer(body=False)

        def do_GET(self) -> None:
            self._answer(body=True)

    return Handler


@contextmanager
def serving(files: dict[str, bytes]) -> Iterator[ArchiveServer]:
    server = ArchiveServer(files={"/" + k.lstrip("/"): v for k, v in files.items()})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    httpd.daemon_threads = True
    server.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
