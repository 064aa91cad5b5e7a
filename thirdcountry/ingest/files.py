"""Local sources: files read as they are, folders walked for the files we can read."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from thirdcountry.ingest.model import Capture, CaptureKind, Payload, SourceError
from thirdcountry.ingest.readers import SUFFIX_MEDIA_TYPES

# Local files are trusted more than the web, but a runaway file must not exhaust memory.
MAX_FILE_BYTES = 200_000_000


def readable(path: Path) -> bool:
    return path.suffix.lower() in SUFFIX_MEDIA_TYPES and not path.name.startswith(".")


def folder_files(folder: Path) -> list[Path]:
    """Every readable file under ``folder``, hidden ones and hidden folders skipped,
    in a stable order (so two runs process files alike)."""
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and readable(path):
            found.append(path.resolve())
    return found


_CHUNK_BYTES = 1 << 20


def read_limited(path: Path) -> bytes:
    """The bytes of ``path``, read in chunks and never more than ``MAX_FILE_BYTES`` of
    them: its size on disk is not trusted (a device such as /dev/zero says 0 and never
    ends, a file may grow while read). SourceError when it is bigger or unreadable."""
    limit = MAX_FILE_BYTES
    content = bytearray()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(min(_CHUNK_BYTES, limit + 1 - len(content))):
                content += chunk
                if len(content) > limit:
                    raise SourceError(
                        f"too big: more than {limit} bytes, the limit for files",
                        retryable=False,
                    )
    except FileNotFoundError:
        raise SourceError("the file no longer exists", retryable=True) from None
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror or exc}", retryable=True) from None
    return bytes(content)


def read_file(path: Path) -> Payload:
    content = read_limited(path)
    media_type = SUFFIX_MEDIA_TYPES.get(path.suffix.lower())
    capture = Capture(
        kind=CaptureKind.RESOURCE,
        target=path.as_uri(),
        requested=str(path),
        fetched_at=datetime.now(UTC),
        body=content,
        media_type=media_type,
    )
    return Payload(
        locator=str(path), content=content, capture=capture, path=path, media_type=media_type
    )
