"""Helpers shared by the scale tests: small generated archives and their manifests."""

from __future__ import annotations

import gzip
from pathlib import Path

from thirdcountry.scale.testdata import Manifest, write_archive


def small_archive(folder: Path, name: str = "news.warc.gz", **options: object) -> Manifest:
    """About 260 pages with every relevant article planted at least once (~2 MB gzipped)."""
    settings: dict[str, object] = {"pages": 260, "relevant_ratio": 0.07, "seed": 7}
    settings.update(options)
    return write_archive(folder / name, **settings)  # type: ignore[arg-type]


def gunzip(source: Path, target: Path) -> Path:
    """The same archive as a plain (uncompressed) WARC."""
    with gzip.open(source, "rb") as inflated:
        target.write_bytes(inflated.read())
    return target
