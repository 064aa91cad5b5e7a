"""Generated WARC archives for tests and benchmarks: news pages, a few of them relevant.

``write_archive`` writes a WARC file (gzipped per record, or plain) that looks like a news
crawl: a ``warcinfo`` record, then a request and a response for every page, with the odd
redirect, robots.txt, JSON feed, image and "not found" page in between. Pages are full news
pages (``testdata_pages``), in English and Spanish, some in windows-1252 and some with HTML
entities. A configurable share of pages carry one of the relevant articles of
``testdata_articles``; the rest are generated sports, weather, business, technology,
culture and local stories plus hard negatives (ordinary immigration news, trade with "third
countries", sidebars that link to a deportation story). The returned manifest says which
URLs are relevant, so tests and benchmarks can score a scan.

Run ``python -m thirdcountry.scale.testdata OUT.warc.gz --size-mb 200 --relevant 0.005``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

from thirdcountry.scale.testdata_articles import HARD_NEGATIVES, RELEVANT, Article
from thirdcountry.scale.testdata_pages import OUTLETS, Page, PageMaker

__all__ = ["HARD_NEGATIVES", "RELEVANT", "Manifest", "render_article", "write_archive"]


@dataclass(slots=True)
class Manifest:
    """What was written: every page's URL, and which pages carry a relevant article."""

    path: Path
    pages: int = 0
    records: int = 0
    relevant: dict[str, str] = field(default_factory=dict)  # url -> article key
    hard_negatives: dict[str, str] = field(default_factory=dict)
    sidebar_mentions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "pages": self.pages,
            "records": self.records,
            "relevant": self.relevant,
            "hard_negatives": self.hard_negatives,
            "sidebar_mentions": self.sidebar_mentions,
        }


def render_article(
    article: Article, *, url: str, sidebar_mention: bool = False, seed: int = 0
) -> bytes:
    """One article as a full news page of an outlet of its language (for hand-built sites)."""
    maker = PageMaker(seed)
    outlet = next(o for o in OUTLETS if o.language == article.language)
    return maker.article_page(outlet, article, url=url, sidebar_mention=sidebar_mention).body


def _record(
    record_type: WarcRecordType,
    uri: str | None,
    content: bytes,
    content_type: str,
    when: datetime,
    rng: random.Random,
) -> bytes:
    record = WarcRecord()
    record.init_headers(record_type, f"uuid:{_uuid(rng)}".encode())
    record.record_date = when
    if uri is not None:
        record.headers.append("WARC-Target-URI", uri)
    record.headers.append("Content-Type", content_type)
    record.set_bytes_content(content)
    out = io.BytesIO()
    record.write(out, checksum_data=True)
    return out.getvalue()


def _uuid(rng: random.Random) -> str:
    raw = rng.randbytes(16).hex()
    return f"{raw[:8]}-{raw[8:12]}-4{raw[13:16]}-a{raw[17:20]}-{raw[20:]}"


def _page_records(page: Page, when: datetime, rng: random.Random) -> Iterator[bytes]:
    host = page.url.split("/")[2]
    path = "/" + page.url.split("/", 3)[3] if page.url.count("/") >= 3 else "/"
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\n"
        "User-Agent: thirdcountry-testdata/1.0\r\nAccept: text/html,*/*\r\n\r\n"
    ).encode()
    yield _record(
        WarcRecordType.request, page.url, request, "application/http; msgtype=request", when, rng
    )
    headers = [("Content-Type", page.content_type), ("Content-Length", str(len(page.body)))]
    headers.extend(page.extra_headers)
    head = f"HTTP/1.1 {page.status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    yield _record(
        WarcRecordType.response,
        page.url,
        head.encode("latin-1") + b"\r\n" + page.body,
        "application/http; msgtype=response",
        when,
        rng,
    )


def _pages(
    maker: PageMaker, relevant_ratio: float, manifest: Manifest, start: date
) -> Iterator[Page]:
    """An endless stream of pages; exactly ``relevant_ratio`` of the articles are relevant."""
    rng = maker.rng
    relevant_seen = 0
    articles = 0
    while True:
        if rng.random() < 0.15:
            yield maker.side_page(rng.choice(OUTLETS))
            continue
        articles += 1
        # Plant a relevant page whenever the running share falls behind the target ratio.
        if relevant_ratio > 0 and relevant_seen < int(articles * relevant_ratio + 0.5):
            article = RELEVANT[relevant_seen % len(RELEVANT)]
            relevant_seen += 1
            outlet = rng.choice([o for o in OUTLETS if o.language == article.language])
            url = maker.next_url(outlet, article)
            manifest.relevant[url] = article.key
            yield maker.article_page(outlet, article, url=url)
            continue
        outlet = rng.choice(OUTLETS)
        if rng.random() < 0.01:
            candidates = [a for a in HARD_NEGATIVES if a.language == outlet.language]
            article = rng.choice(candidates)
            url = maker.next_url(outlet, article)
            manifest.hard_negatives[url] = article.key
        else:
            day = start + timedelta(days=rng.randint(0, 364))
            article = maker.generated_article(outlet.language, day)
            url = maker.next_url(outlet, article)
        mention = rng.random() < 0.01
        if mention:
            manifest.sidebar_mentions.append(url)
        yield maker.article_page(outlet, article, url=url, sidebar_mention=mention)


def write_archive(
    path: Path,
    *,
    pages: int | None = None,
    size_mb: float | None = None,
    relevant_ratio: float = 0.005,
    seed: int = 0,
    compress: bool | None = None,
    mixed_in: Sequence[Page] = (),
) -> Manifest:
    """Write a WARC of ``pages`` pages (or of about ``size_mb`` MB on disk) and its manifest.

    Gzipped (one member per record, as crawlers write them) when ``compress`` is true or,
    by default, when the name ends in ``.gz``. ``mixed_in`` pages (made elsewhere, e.g.
    with ``PageMaker.article_page``) are written among the generated ones, spread evenly,
    in their order; they count in ``pages`` and the manifest does not judge them.
    """
    if (pages is None) == (size_mb is None):
        raise ValueError("give either pages or size_mb")
    if not 0 <= relevant_ratio <= 1:
        raise ValueError("relevant_ratio must be between 0 and 1")
    compress = path.name.endswith(".gz") if compress is None else compress
    maker = PageMaker(seed)
    rng = maker.rng
    manifest = Manifest(path=path)
    limit = None if size_mb is None else int(size_mb * 1024 * 1024)
    when = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
    written = 0
    with path.open("wb") as out:

        def emit(raw: bytes) -> None:
            nonlocal written
            blob = gzip.compress(raw, compresslevel=6, mtime=0) if compress else raw
            out.write(blob)
            written += len(blob)
            manifest.records += 1

        info = b"software: thirdcountry-testdata\r\nformat: WARC File Format 1.1\r\n"
        emit(_record(WarcRecordType.warcinfo, None, info, "application/warc-fields", when, rng))
        extra = list(mixed_in)
        # Spread over the generated pages, so that the last one comes before the end.
        own = max(0, (pages or 0) - len(extra))
        every = max(1, own // (len(extra) + 1)) if extra else 0
        generated = _pages(maker, relevant_ratio, manifest, date(2025, 1, 1))
        for page, made_elsewhere in _mixed(generated, extra, every):
            # Full once every page made elsewhere is written: ``extra`` is already empty
            # when its last page is yielded, and that page is written too.
            full = (pages is not None and manifest.pages >= pages) or (
                limit is not None and written >= limit
            )
            if full and not extra and not made_elsewhere:
                break
            when += timedelta(seconds=rng.randint(1, 20))
            for raw in _page_records(page, when, rng):
                emit(raw)
            manifest.pages += 1
    return manifest


def _mixed(generated: Iterator[Page], extra: list[Page], every: int) -> Iterator[tuple[Page, bool]]:
    """The generated pages with one of ``extra`` (consumed as it goes) after each ``every``;
    each with whether it is one of ``extra``."""
    for count, page in enumerate(generated, start=1):
        yield page, False
        if extra and count % every == 0:
            yield extra.pop(0), True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="WARC file to write (.warc.gz for gzip)")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--pages", type=int, help="number of pages")
    size.add_argument("--size-mb", type=float, help="approximate size on disk")
    parser.add_argument("--relevant", type=float, default=0.005, help="share of relevant pages")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--manifest", type=Path, help="also write the manifest as JSON here")
    args = parser.parse_args(argv)
    manifest = write_archive(
        args.out,
        pages=args.pages,
        size_mb=args.size_mb,
        relevant_ratio=args.relevant,
        seed=args.seed,
    )
    if args.manifest:
        args.manifest.write_text(json.dumps(manifest.to_dict(), indent=2), encoding="utf-8")
    print(
        f"{args.out}: {manifest.pages} pages, {manifest.records} records, "
        f"{len(manifest.relevant)} relevant"
    )


if __name__ == "__main__":
    main()
