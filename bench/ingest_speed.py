"""Documents per second for local HTML files, end to end: text extraction, de-duplication,
archive and store, with and without claim extraction.

    .venv/bin/python bench/ingest_speed.py [--docs 300] [--jobs 4] [--db URL]

The articles are generated here from sentence templates (one in ten is a lightly edited
copy of an earlier one, so near-duplicate detection has work to do); each run starts from
an empty database. Figures depend on the machine; this prints them, it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from thirdcountry.ingest.html import parse_html
from thirdcountry.ingest.model import Payload
from thirdcountry.ingest.pipeline import (
    Extractor,
    IngestOptions,
    IngestReport,
    Pipeline,
    load_extractor,
)
from thirdcountry.store import open_store

SENDERS = ["the United States", "the United Kingdom", "Italy", "Denmark", "Australia"]
RECEIVERS = [
    "Kosovo",
    "El Salvador",
    "Eswatini",
    "Rwanda",
    "Ghana",
    "Panama",
    "Costa Rica",
    "South Sudan",
    "Uganda",
    "Albania",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
TEMPLATES = [
    "{receiver} has agreed to receive up to {count} people deported from {sender} who are "
    "not its own citizens, officials said on {weekday}.",
    "The government in {capital} said the arrangement would last {months} months and could "
    "be extended if both sides agreed.",
    "A first flight carrying {count} people landed in {receiver} in {month}, according to "
    "people familiar with the transfer.",
    "Lawyers for the deportees said they had not been able to reach their clients since "
    "they arrived and asked the courts to intervene.",
    "{sender} will pay about {amount} million dollars to cover housing, food and security "
    "for the people it sends, a spokesperson said.",
    "Rights groups warned that people sent to a third country risk being returned to "
    "places where they face persecution.",
    "Opposition politicians in {receiver} demanded that parliament be allowed to review "
    "the terms before any further transfers take place.",
    "Officials declined to say which nationalities were included or how long each person "
    "would stay before being sent on.",
    "The agreement follows months of talks in which {sender} pressed several governments "
    "to accept people whose home countries refuse to take them back.",
    "Local residents near the facility said they had seen buses arrive at night under "
    "police escort in {month}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article_text(rng: random.Random, paragraphs: int = 8) -> list[str]:
    sender, receiver = rng.choice(SENDERS), rng.choice(RECEIVERS)
    out = []
    for _ in range(paragraphs):
        sentences = [
            rng.choice(TEMPLATES).format(
                sender=sender,
                receiver=receiver,
                capital=receiver,
                count=rng.randint(3, 300),
                months=rng.randint(3, 24),
                month=rng.choice(MONTHS),
                amount=rng.randint(1, 20),
                weekday=rng.choice(WEEKDAYS),
            )
            for _ in range(rng.randint(3, 5))
        ]
        out.append(" ".join(sentences))
    return out


def page(title: str, outlet: str, paragraphs: list[str], day: int) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs[:3])
    body += '\n<div class="ad ad-inline"><span>Advertisement</span></div>\n'
    body += "\n".join(f"<p>{p}</p>" for p in paragraphs[3:])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {outlet}</title><meta property="og:site_name" content="{outlet}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "2025-06-{day:02d}T08:00:00Z",
"author": {{"@type": "Person", "name": "Desk Reporter"}}}}</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a>
</nav></header><main><article><h1>{title}</h1><p class="byline">By Desk Reporter</p>
{body}</article><aside class="related"><h2>Related</h2><ul><li><a href="/a">Another story
</a></li><li><a href="/b">Yet another story</a></li></ul></aside></main>
<footer>&copy; 2025 {outlet}. All rights reserved.</footer></body></html>"""


def write_articles(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    texts: list[list[str]] = []
    for n in range(count):
        if n % 10 == 9 and texts:  # a syndicated copy with its closing paragraph cut
            paragraphs = [*rng.choice(texts)[:-1], "This story was first published by a wire."]
        else:
            paragraphs = article_text(rng)
            texts.append(paragraphs)
        html = page(f"Story number {n}", f"Outlet {n % 17}", paragraphs, 1 + n % 28)
        (folder / f"article-{n:05d}.html").write_text(html, encoding="utf-8")


def no_fetch(url: str, *, headers: object = None) -> Payload:
    raise AssertionError(f"the benchmark reads local files only, not {url}")


def timed(label: str, count: int, work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    elapsed = time.perf_counter() - started
    rate = count / elapsed
    print(f"{label:<46} {count:>5} docs in {elapsed:7.2f} s = {rate:7.1f} docs/s")
    return rate


def ingest_run(folder: Path, db: str, extract: Extractor | None, jobs: int) -> IngestReport:
    store = open_store(db)
    try:
        pipeline = Pipeline(
            store, fetch=no_fetch, extract=extract, options=IngestOptions(jobs=jobs)
        )
        return pipeline.run([str(folder)])
    finally:
        store.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--db", help="database URL (default: a new SQLite file per run)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, args.docs)
        files = sorted(folder.iterdir())
        python = sys.version.split()[0]
        print(f"{args.docs} generated HTML articles, jobs={args.jobs}, python {python}")
        parse_html(files[0].read_bytes())  # warm-up: models and parsers load once

        timed(
            "html→text and metadata only (no store)",
            len(files),
            lambda: [parse_html(f.read_bytes(), charset="utf-8") for f in files],
        )

        def database(name: str) -> str:
            return args.db or f"sqlite:///{Path(tmp) / name}"

        report: list[IngestReport] = []
        timed(
            "end to end, without claim extraction",
            len(files),
            lambda: report.append(ingest_run(folder, database("plain.sqlite3"), None, args.jobs)),
        )
        counts = report[-1].counts()
        print(
            f"{'':<46} new {counts['new']}, duplicate {counts['duplicate']}, "
            f"near-duplicate {counts['near_duplicate']}, failed {counts['failed']}"
        )
        extractor = load_extractor()
        if extractor is None:
            print(
                "end to end, with claim extraction: not measured "
                "(thirdcountry.extract.extract_claims is not installed here)"
            )
            return
        if args.db:
            print("(with --db, the second run finds everything stored: use a fresh database)")
        timed(
            "end to end, with claim extraction",
            len(files),
            lambda: report.append(
                ingest_run(folder, database("extract.sqlite3"), extractor, args.jobs)
            ),
        )
        print(f"{'':<46} pending claims {sum(r.claims for r in report[-1].results)}")


if __name__ == "__main__":
    main()
