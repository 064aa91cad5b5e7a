"""Whether a body is binary data rather than text, HTML or a feed: one check, shared by
``ingest`` (every source, whatever its name or declared type says) and ``extract``.

A file's name and a server's Content-Type are claims about a body; its bytes are the
evidence. Known magic numbers name what a body is (a gzip file named ``.html.gz``, an
image served without a type); anything else counts as binary when control bytes, which
text and markup almost never hold, make up more than one byte in twenty of its start
(random bytes hold about one in nine). A stray NUL in a long text does not make it
binary: the store keeps such text (see ``store.storable``).
"""

from __future__ import annotations

SNIFF_BYTES = 8192

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable"),
)
# C0 controls but tab, line feed, vertical tab, form feed and carriage return; and DEL.
_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 1 / 20


def binary_kind(content: bytes) -> str | None:
    """What binary data ``content`` is (e.g. ``gzip-compressed data``), or None for text."""
    head = content[:SNIFF_BYTES]
    for magic, kind in _MAGIC:
        if head.startswith(magic) and (magic != b"BZh" or head[3:4].isdigit()):
            return kind
    if not head:
        return None
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if controls / len(head) > _MAX_CONTROL_SHARE:
        plural = "s" if controls != 1 else ""
        return f"binary data ({controls} control byte{plural} in the first {len(head)})"
    return None
