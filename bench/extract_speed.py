"""Claim extraction against trafilatura's HTML→text step, on the same documents.

The documents are the extraction development and held-out texts (and the seed when
../shared is present), each laid out as a news page of typical weight: a navigation bar and
section menu, an inline analytics script and JSON-LD block, a cookie banner, the article
with its byline, a box of related headlines, a comment teaser and a footer of links. The
markup is generated here; only the article text comes from the labelled texts.

For each round the script times trafilatura's ``extract`` over every page, then
``extract_claims`` over the texts trafilatura returned, and prints documents per second for
both and the ratio of the two times. Its last line is exactly
``extract/trafilatura time ratio: X.XX`` (below 1.00: extraction is the cheaper step).

    .venv/bin/python bench/extract_speed.py [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import time
from pathlib import Path

import trafilatura

from thirdcountry.extract import extract_claims

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "tests" / "devset", REPO / "tests" / "holdout", REPO.parent / "shared" / "seed"]

_SECTIONS = ["World", "Americas", "Europe", "Africa", "Asia", "Politics", "Business",
             "Climate", "Science", "Health", "Sport", "Culture", "Opinion", "Video"]  # fmt: skip
_WORDS = ("council", "budget", "election", "market", "storm", "court", "league", "minister",
          "festival", "report", "inflation", "harvest", "vaccine", "bridge", "museum",
          "strike", "summit", "border", "satellite", "ferry", "river", "school", "hospital",
          "airline", "factory", "ceasefire", "drought", "census", "stadium")  # fmt: skip


def _headline(rng: random.Random) -> str:
    words = rng.sample(_WORDS, 6)
    return f"{words[0].capitalize()} {words[1]} {words[2]} as {words[3]} {words[4]} {words[5]}"


def page(text: str, number: int) -> str:
    """A news page of typical weight around ``text`` (its first line is the headline)."""
    rng = random.Random(number)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    title = paragraphs[0].splitlines()[0] if paragraphs else "Untitled"
    body = "\n".join(
        f"<p>{html.escape(line)}</p>"
        for paragraph in paragraphs[1:]
        for line in paragraph.splitlines()
        if line.strip()
    )
    menu = "".join(
        f'<li class="nav-item"><a href="/{s.lower()}/">{s}</a><ul class="sub">'
        + "".join(f'<li><a href="/{s.lower()}/{i}/">{_headline(rng)}</a></li>' for i in range(6))
        + "</ul></li>"
        for s in _SECTIONS
    )
    related = "".join(
        f'<li><a href="/story/{rng.randrange(10**6)}"><img src="/img/{i}.jpg" alt="">'
        f"<span>{_headline(rng)}</span></a><time>2 hours ago</time></li>"
        for i in range(24)
    )
    footer = "".join(f'<a href="/info/{w}">{w.capitalize()}</a> ' for w in _WORDS * 2)
    tracking = ";".join(
        f"window.dl{i}=window.dl{i}||[];dl{i}.push({{event:'view',id:{rng.randrange(10**9)}}})"
        for i in range(120)
    )
    json_ld = (
        '{"@context":"https://schema.org","@type":"NewsArticle","headline":'
        f'"{html.escape(title)}","datePublished":"2025-06-12","author":'
        '{"@type":"Person","name":"Staff"}}'
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | The Daily Record</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<script type="application/ld+json">{json_ld}</script>
<script>{tracking}</script>
<style>.nav-item{{display:inline-block}}.sub{{display:none}}body{{margin:0}}</style></head>
<body><div id="cookie">We use cookies to improve your experience. <button>Accept</button></div>
<header><a class="logo" href="/">The Daily Record</a><nav><ul>{menu}</ul></nav>
<form action="/search"><input name="q" placeholder="Search"></form></header>
<main><article><h1>{html.escape(title)}</h1>
<div class="byline">By Staff Reporter · <time datetime="2025-06-12">June 12, 2025</time></div>
<figure><img src="/img/lead.jpg" alt=""><figcaption>File photo.</figcaption></figure>
{body}
<div class="share"><a href="#">Share</a> <a href="#">Email</a> <a href="#">Print</a></div>
</article>
<section class="comments"><h2>Comments</h2><p>Log in to join the conversation.</p></section>
<aside><h2>Most read</h2><ol>{related}</ol></aside></main>
<footer><nav>{footer}</nav><p>© 2025 The Daily Record. All rights reserved.</p></footer>
</body></html>"""


def documents() -> list[str]:
    texts: list[str] = []
    for folder in SOURCES:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [page(text, number) for number, text in enumerate(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    rounds = parser.parse_args().rounds
    pages = documents()
    published = dt.date(2025, 12, 31)
    # Warm up both (model loading, regex compilation, the gazetteer automaton).
    texts = [trafilatura.extract(p) or "" for p in pages[:3]]
    for text in texts:
        extract_claims(text, published=published)

    html_time = extract_time = 0.0
    claims = 0
    for _ in range(rounds):
        started = time.perf_counter()
        texts = [trafilatura.extract(p) or "" for p in pages]
        html_time += time.perf_counter() - started
        started = time.perf_counter()
        for text in texts:
            claims += len(extract_claims(text, published=published))
        extract_time += time.perf_counter() - started

    count = len(pages) * rounds
    size = sum(len(p) for p in pages) / len(pages) / 1024
    print(f"documents: {len(pages)} pages (average {size:.0f} KiB of HTML), {rounds} rounds")
    print(f"trafilatura HTML→text: {count / html_time:.1f} documents/s")
    print(f"claim extraction:      {count / extract_time:.1f} documents/s ({claims} claims)")
    print(f"extract/trafilatura time ratio: {extract_time / html_time:.2f}")


if __name__ == "__main__":
    main()
