"""What a scan reads: paths, glob patterns, URLs and path listings, turned into archives.

A *listing* is a text file (gzipped or not) with one archive path a line, as Common Crawl
publishes for each crawl (``warc.paths.gz``); its name ends ``.paths`` or ``.paths.gz``.
A line that is a URL or an absolute path is taken as it is; a relative one (Common Crawl's
``crawl-data/CC-NEWS/…``) is joined to the Common Crawl base (setting ``scan_cc_base``).

An input that cannot be used — a missing file, a pattern that matches nothing, a listing
that cannot be read, a bad line in one — costs one line in ``failures`` naming it, and the
other inputs are still scanned.
"""

from __future__ import annotations

import glob
import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path

from thirdcountry.domain.errors import ArchiveUnreadable, BadInput
from thirdcountry.scale.remote import RemoteOptions, is_remote, open_archive

CC_BASE = "https://data.commoncrawl.org/"
CC_NEWS_LISTING = "crawl-data/CC-NEWS/{year}/{month}/warc.paths.gz"
_LISTING_SUFFIXES = (".paths", ".paths.gz")
_ARCHIVE_SUFFIXES = (".warc", ".warc.gz")
_MONTH = re.compile(r"(\d{4})/(\d{1,2})")
_LISTING_CAP = 64 << 20  # a month of CC-NEWS lists a few hundred files in a few KB
_UNPRINTABLE = re.compile(r"[\s\x00-\x1f\x7f]")


@dataclass(slots=True)
class Inputs:
    """The archives to scan, in order and each named once, and the inputs that failed."""

    paths: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, path: str) -> None:
        if path not in self._seen:
            self._seen.add(path)
            self.paths.append(path)

    _seen: set[str] = field(default_factory=set, repr=False)


def cc_news_listing(month: str, base: str = CC_BASE) -> str:
    """The URL of Common Crawl News' listing for ``month`` (``YYYY/MM``)."""
    found = _MONTH.fullmatch(month.strip())
    if found is None or not 1 <= int(found[2]) <= 12 or (int(found[1]), int(found[2])) < (2016, 8):
        raise BadInput(f"--cc-news {month!r}: not a month like 2025/06 (CC-NEWS begins 2016/08)")
    path = CC_NEWS_LISTING.format(year=found[1], month=f"{int(found[2]):02d}")
    return f"{base.rstrip('/')}/{path}"


def is_listing(path: str) -> bool:
    return path.lower().endswith(_LISTING_SUFFIXES)


def _line_problem(line: str) -> str | None:
    if _UNPRINTABLE.search(line):
        return "not a path (spaces or control characters)"
    if not line.lower().endswith(_ARCHIVE_SUFFIXES):
        return "not a WARC path (.warc or .warc.gz)"
    return None


def _resolve(line: str, base: str) -> str:
    if is_remote(line) or line.startswith("/"):
        return line
    return f"{base.rstrip('/')}/{line.lstrip('/')}"


def read_listing(
    listing: str, inputs: Inputs, *, base: str = CC_BASE, policy: RemoteOptions | None = None
) -> None:
    """Add the archives ``listing`` names to ``inputs`` (its bad lines to the failures)."""
    try:
        f, size = open_archive(listing, policy)
        with f:
            if size > _LISTING_CAP:
                raise ArchiveUnreadable(f"{listing}: too large for a listing ({size:,} bytes)")
            data = f.read()
    except ArchiveUnreadable as exc:
        inputs.failures.append(exc.message)
        return
    try:
        text = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError):
        inputs.failures.append(f"{listing}: not a listing (neither text nor gzipped text)")
        return
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        problem = _line_problem(line)
        if problem is not None:
            inputs.failures.append(f"{listing} line {number}: {problem}: {line[:80]!r}")
            continue
        inputs.add(_resolve(line, base))


def expand_inputs(
    items: list[str] | tuple[str, ...],
    *,
    base: str = CC_BASE,
    policy: RemoteOptions | None = None,
    limit: int | None = None,
) -> Inputs:
    """Archives from paths, glob patterns, URLs and listings; at most ``limit`` of them."""
    inputs = Inputs()
    for item in items:
        if is_remote(item):
            if is_listing(item):
                read_listing(item, inputs, base=base, policy=policy)
            else:
                inputs.add(item)
            continue
        if glob.has_magic(item):
            # glob.glob, not Path.glob: patterns may be absolute (/data/cc/*.warc.gz).
            matches = sorted(
                p
                for p in glob.glob(item, recursive=True)  # noqa: PTH207
                if Path(p).is_file()
            )
            if not matches:
                inputs.failures.append(f"{item}: no file matches this pattern")
        else:
            path = Path(item)
            if not path.exists():
                inputs.failures.append(f"{item}: no such file")
                continue
            if not path.is_file():
                inputs.failures.append(f"{item}: is not a file")
                continue
            matches = [item]
        for match in matches:
            if is_listing(match):
                read_listing(match, inputs, base=base, policy=policy)
            else:
                inputs.add(match)
    if limit is not None:
        del inputs.paths[limit:]
    return inputs
