"""Opening archives where they live: local files, ``http(s)://`` and anonymous ``s3://``.

A remote archive is read through fsspec as a sequence of byte ranges (HTTP ``Range``
requests; S3 ranged GETs), each a few megabytes, with the next range fetched on a
background thread while the scan works through the current one — records stream as they
arrive, memory holds two ranges. A range that fails for a transient reason (a dropped
connection, a timeout, a 5xx or 429 answer, a body shorter than asked for) is asked for
again — that range alone, not the file from its start — after a pause that doubles; a
permanent one (404, 403, any other 4xx) ends the file at once. Either way the caller gets
an ``ArchiveUnreadable`` naming the file, and the scan goes on with the next one.

Nothing here runs on the client of a cluster: each worker opens the files of its own spans.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from thirdcountry.domain.errors import ArchiveUnreadable

REMOTE_SCHEMES = ("http://", "https://", "s3://")
_ASK_AGAIN_4XX = frozenset({408, 425, 429})  # 4xx answers worth asking again

T = TypeVar("T")


def is_remote(path: str) -> bool:
    return path.lower().startswith(REMOTE_SCHEMES)


@dataclass(frozen=True, slots=True)
class RemoteOptions:
    """How remote archives are read. A read tries ``attempts`` times in all, pausing
    ``backoff`` seconds after the first failure and twice as long after each next one (at
    most ``max_pause``); ``s3_endpoint`` is an S3-compatible server to use instead of AWS
    (a mirror, or a test server)."""

    attempts: int = 6
    backoff: float = 1.0
    max_pause: float = 30.0
    chunk_bytes: int = 8 << 20  # one ranged request
    s3_endpoint: str | None = None

    def pause(self, failures: int) -> float:
        return float(min(self.max_pause, self.backoff * 2 ** (failures - 1)))


def _status(exc: BaseException) -> int | None:
    status = getattr(exc, "status", None)  # aiohttp's ClientResponseError
    return status if isinstance(status, int) else None


def is_transient(exc: BaseException) -> bool:
    """Whether asking again may succeed: network trouble and 5xx/429, not 404 or 403."""
    if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
        return False
    status = _status(exc)
    if status is not None:
        return status >= 500 or status in _ASK_AGAIN_4XX
    return isinstance(exc, OSError | TimeoutError | ConnectionError | _ShortRead) or (
        type(exc).__module__.startswith(("aiohttp", "botocore", "aiobotocore"))
    )


class _ShortRead(Exception):
    """A ranged answer that ended before the bytes it promised."""


def describe(exc: BaseException) -> str:
    """A failure in a few words for the one line that reports it."""
    if isinstance(exc, FileNotFoundError):
        return "not found (404)"
    if isinstance(exc, PermissionError):
        return "access denied (403)"
    status = _status(exc)
    text = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
    return f"HTTP {status}: {text}" if status else text


def _storage_options(url: str, options: RemoteOptions) -> dict[str, Any]:
    if url.lower().startswith("s3://"):
        # Common Crawl's bucket is public: no credentials are looked for or sent.
        extra = {"client_kwargs": {"endpoint_url": options.s3_endpoint}}
        return {"anon": True, **(extra if options.s3_endpoint else {})}
    return {}


class RemoteFile(io.RawIOBase):
    """A seekable, read-only view of one remote file, read in ranges with retries."""

    def __init__(
        self,
        url: str,
        policy: RemoteOptions | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        import fsspec  # loaded only when a scan reads a remote file

        super().__init__()
        self.url = url
        self.policy = policy or RemoteOptions()
        self.retries = 0  # failed requests asked again, over the file's life
        self._sleep = sleep
        self._fs, self._path = fsspec.core.url_to_fs(url, **_storage_options(url, self.policy))
        self.size: int = int(self._retrying(lambda: self._fs.size(self._path)))
        self._position = 0
        self._chunk_start = 0
        self._chunk = b""
        self._ahead: tuple[int, Future[bytes]] | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warc-read")

    # -- requests ---------------------------------------------------------------------

    def _retrying(self, request: Callable[[], T]) -> T:
        failures = 0
        while True:
            try:
                return request()
            except Exception as exc:
                failures += 1
                if not is_transient(exc) or failures >= self.policy.attempts:
                    suffix = f" after {failures} attempts" if failures > 1 else ""
                    raise ArchiveUnreadable(f"{self.url}: {describe(exc)}{suffix}") from exc
                self.retries += 1
                self._sleep(self.policy.pause(failures))

    def _fetch_once(self, start: int) -> bytes:
        end = min(self.size, start + self.policy.chunk_bytes)
        data: bytes = self._fs.cat_file(self._path, start=start, end=end)
        if len(data) != end - start:
            raise _ShortRead(f"range {start}-{end} gave {len(data)} bytes")
        return data

    def _fetch(self, start: int) -> bytes:
        """The range at ``start``, asked again from where it stopped when it fails."""
        return self._retrying(lambda: self._fetch_once(start))

    def _load(self, start: int) -> None:
        ahead = self._ahead
        self._ahead = None
        if ahead is not None and ahead[0] == start:
            try:
                data = ahead[1].result()
            except Exception:
                data = self._fetch(start)  # the prefetch failed on its own: ask again here
        else:
            if ahead is not None:
                ahead[1].cancel()
            data = self._fetch(start)
        self._chunk_start, self._chunk = start, data
        following = start + len(data)
        if following < self.size:
            self._ahead = (following, self._pool.submit(self._fetch_once, following))

    # -- RawIOBase ----------------------------------------------------------------------

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self.size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def readinto(self, buffer: Any) -> int:
        if self._position >= self.size:
            return 0
        inside = self._position - self._chunk_start
        if not 0 <= inside < len(self._chunk):
            self._load(self._position)
            inside = 0
        view = memoryview(buffer).cast("B")
        n = min(len(view), len(self._chunk) - inside)
        view[:n] = self._chunk[inside : inside + n]
        self._position += n
        return n

    def close(self) -> None:
        if self._ahead is not None:
            self._ahead[1].cancel()
            self._ahead = None
        self._pool.shutdown(wait=False, cancel_futures=True)
        super().close()


def open_archive(path: str, policy: RemoteOptions | None = None) -> tuple[BinaryIO, int]:
    """A seekable binary file for ``path`` (local or remote) and its size in bytes."""
    if is_remote(path):
        raw = RemoteFile(path, policy)
        return io.BufferedReader(raw, buffer_size=1 << 20), raw.size  # type: ignore[return-value]
    try:
        f = Path(path).open("rb")  # noqa: SIM115 - the caller closes it
        return f, Path(path).stat().st_size
    except FileNotFoundError:
        raise ArchiveUnreadable(f"{path}: no such file") from None
    except OSError as exc:
        raise ArchiveUnreadable(f"{path}: cannot open ({exc.strerror})") from None
