"""Does `thirdcountry scan` find real reporting? Recall and precision on the real-news corpus.

Builds one gzipped WARC from the texts of the real-news corpus (``tests/realnews/``: the
labels are committed, the texts are git-ignored and gathered again by its README), each
wrapped in a full news page of the project's generator (header, menus, "most read"
sidebar, scripts, comments; some Spanish pages in windows-1252 or with HTML entities),
mixed into at least 10,000 generated pages that are not relevant: sports sections in
Spanish, business pages that name countries, immigration and deportation news with no
third country, sidebars linking to deportation stories. Then it scans the archive and
prints:

* **recall** of relevant pages (target ≥ 0.98): a corpus page is relevant when its labels
  have at least one claim; the corpus' hard negatives (``negative:`` set) have none;
* **precision** of kept pages (target ≥ 0.90): kept pages that are relevant, over all
  pages kept (a generated page kept counts against it);
* the speed on the same archive: CPU seconds of reading it (FastWARC, every record and
  payload) and of the scan, best of ``--repeat`` interleaved runs, and their ratio.

    .venv/bin/python bench/scan_realnews.py [--corpus tests/realnews] [--pages 10000]

``--corpus`` may be given several times (corpus folders of other work trees). Without
any text it prints why and exits 0. The last line is exactly
``realnews: recall R (a/b); precision P (c/d); scan/read ratio X.XX``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from thirdcountry.extract import detect_language, extract_claims
from thirdcountry.scale.page import parse_page
from thirdcountry.scale.relevance import is_candidate, may_state_claims, tells_story
from thirdcountry.scale.results import read_rows
from thirdcountry.scale.testdata import write_archive
from thirdcountry.scale.testdata_articles import Article
from thirdcountry.scale.testdata_pages import OUTLETS, Page, PageMaker

sys.path.insert(0, str(Path(__file__).parent))
from scan_speed import best_of, our_scan, read_floor  # the bench next door

MB = 1e6


@dataclass(frozen=True)
class CorpusPage:
    id: str
    url: str
    language: str
    published: dt.date
    text: str
    relevant: bool  # its labels have at least one claim


def _date(raw: Any) -> dt.date:
    """A label's ``published``: a date, or YYYY-MM / YYYY (the first day of it)."""
    if isinstance(raw, dt.date):
        return raw
    parts = [int(p) for p in str(raw).split("-")[:3]] if raw else [2025]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def corpus_pages(folders: list[Path]) -> tuple[list[CorpusPage], int]:
    """The labelled pages whose text is present, and how many labels had no text."""
    pages: dict[str, CorpusPage] = {}
    missing = 0
    for folder in folders:
        for label in sorted((folder / "labels").glob("*.yaml")):
            data = yaml.safe_load(label.read_text(encoding="utf-8")) or {}
            document = data.get("document") or {}
            text_path = (label.parent / str(document.get("text") or "")).resolve()
            if not document.get("text") or not text_path.is_file():
                text_path = folder / "texts" / f"{label.stem}.txt"
            if not text_path.is_file():
                missing += 1
                continue
            languages = document.get("languages") or [label.stem.split("-")[0]]
            pages[str(document.get("id") or label.stem)] = CorpusPage(
                id=str(document.get("id") or label.stem),
                url=str(document.get("url") or f"https://corpus.example/{label.stem}"),
                language=str(languages[0]),
                published=_date(document.get("published")),
                text=text_path.read_text(encoding="utf-8"),
                relevant=bool(data.get("claims")),
            )
    return sorted(pages.values(), key=lambda p: p.id), missing


# Longer first lines are the story's first paragraph (many texts have no headline line).
_HEADLINE_CHARS = 200


def as_page(maker: PageMaker, page: CorpusPage) -> Page:
    """The text as a news page: its first line the headline when it is short enough to be
    one, the rest paragraphs. Every line of the text is on the page, whole."""
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    headline, paragraphs = "", lines
    if len(lines) > 1 and len(lines[0]) <= _HEADLINE_CHARS:
        headline, paragraphs = lines[0], lines[1:]
    language = page.language if page.language in ("en", "es") else "en"
    article = Article(
        key=page.id,
        language=language,
        headline=headline,
        dek="",
        published=page.published,
        paragraphs=tuple(paragraphs),
        section="World",
    )
    outlet = maker.rng.choice([o for o in OUTLETS if o.language == language])
    return maker.article_page(outlet, article, url=page.url)


def lost_at(page: Page, corpus: CorpusPage) -> str:
    """The step at which a relevant page was turned away."""
    published = corpus.published
    charset = "windows-1252" if "1252" in page.content_type else "utf-8"
    if not is_candidate(page.body):
        if extract_claims(corpus.text, published=published):
            return "prefilter, LOST: the extractor reads a claim in the text"
        return "prefilter (the extractor finds no claim in the text either)"
    if not tells_story(page.body):
        return "markup check"
    text = parse_page(page.body, charset=charset, url=page.url).text
    if not may_state_claims(text):
        return "main text (no topic word)"
    if not extract_claims(text, published=published, language=detect_language(text)):
        if extract_claims(corpus.text, published=published):
            # The page's chrome in its main text (ad labels, byline) changes the reading.
            return "extraction of the main text, LOST: the extractor reads a claim in the text"
        return "extraction (the extractor finds no claim in the text either)"
    return "extraction (no claim: date or language differ)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="corpus folder(s)")
    parser.add_argument("--pages", type=int, default=10_000, help="generated pages mixed in")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs of read/scan")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    folders = args.corpus or [Path(__file__).parent.parent / "tests" / "realnews"]
    pages, missing = corpus_pages(folders)
    if not pages:
        where = ", ".join(str(f) for f in folders)
        print(
            f"skipped: no real-news texts under {where} ({missing} labels without their "
            "text; the texts are not committed: gather them as tests/realnews/README.md says)"
        )
        return
    relevant = {p.url for p in pages if p.relevant}
    with tempfile.TemporaryDirectory(prefix="scan-realnews-") as tmp:
        archive = Path(tmp) / "realnews.warc.gz"
        maker = PageMaker(args.seed)
        mixed = [as_page(maker, p) for p in pages]
        manifest = write_archive(
            archive,
            pages=args.pages + len(mixed),
            relevant_ratio=0.0,
            seed=args.seed,
            mixed_in=mixed,
        )
        size = archive.stat().st_size
        print(
            f"archive: {size / MB:,.1f} MB gzipped, {manifest.pages:,} pages: {len(pages)} "
            f"corpus pages ({len(relevant)} relevant, {len(pages) - len(relevant)} negatives; "
            f"{missing} labels without text left out) among {manifest.pages - len(pages):,} "
            f"generated ({len(manifest.hard_negatives)} deportation news without a third "
            f"country, {len(manifest.sidebar_mentions)} with a sidebar link)"
        )
        out = Path(tmp) / "result.parquet"
        report = our_scan(archive, out)
        kept = {row["url"] for row in read_rows(out)}
        runs = {"read": lambda: read_floor(archive), "scan": lambda: our_scan(archive, out)}
        best = best_of(args.repeat, runs)
    found = kept & relevant
    recall = len(found) / len(relevant) if relevant else 1.0
    precision = len(found) / len(kept) if kept else 1.0
    stats = report.stats
    read, scanned = best["read"].cpu, best["scan"].cpu
    print(
        f"scan: {stats.candidates} candidates ({stats.boilerplate} turned away on markup, "
        f"{stats.false_candidates - stats.boilerplate} on text), {stats.relevant} kept, "
        f"{stats.claims} claims"
    )
    losses: dict[str, list[str]] = {}
    for page, made in zip(pages, mixed, strict=True):
        if page.relevant and page.url not in kept:
            losses.setdefault(lost_at(made, page), []).append(page.id)
    for step, ids in sorted(losses.items()):
        print(f"  missed at {step}: {len(ids)}: {', '.join(ids)}")
    for url in sorted(kept - relevant):
        print(f"  kept, not relevant: {url}")
    print(
        f"speed (CPU s, best of {args.repeat}): read {read:.2f} s ({size / MB / read:.0f} MB/s), "
        f"scan {scanned:.2f} s ({size / MB / scanned:.0f} MB/s)"
    )
    print(
        f"realnews: recall {recall:.3f} ({len(found)}/{len(relevant)}); precision "
        f"{precision:.3f} ({len(found)}/{len(kept)}); scan/read ratio {read / scanned:.2f}"
    )


if __name__ == "__main__":
    main()
