"""From a candidate's HTML bytes to its main text and metadata, with Resiliparse.

Only the few pages that pass the prefilter come here. Resiliparse was chosen over
trafilatura because ``bench/scan_speed.py`` measures it several times faster on the same
candidates while both keep the article and drop navigation and sidebars.

``parse_page_if`` reads the title, outlet and date only of the pages whose main text is
wanted: most candidates are rejected on their text, and their metadata cost as much as the
text itself. The parsed tree never leaves these functions: Resiliparse trees must be freed
on the thread that made them, and a Dask worker's profiler can hold on to the frames of a
task thread and release them from its event loop.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar
from urllib.parse import urlsplit

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree

# Where news sites put the publication date, most specific first (lowercased names).
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dcterms.created",
    "date",
)
T = TypeVar("T")

_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')


@dataclass(frozen=True, slots=True)
class ParsedPage:
    title: str | None
    text: str
    published: date | None
    outlet: str | None


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:  # servers do announce charsets nobody knows
        return None


def decode(payload: bytes, charset: str | None) -> str:
    """The page as text: the HTTP charset if it is usable, else what the bytes say."""
    encoding = _known(charset) or _known(detect_encoding(payload, from_html_meta=True)) or "utf-8"
    return bytes_to_str(payload, encoding)


def _iso_date(raw: str | None) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw.strip()[:10])
    except ValueError:
        return None


def _meta(tree: HTMLTree) -> dict[str, str]:
    found: dict[str, str] = {}
    head = tree.head
    if head is None:
        return found
    # values() hands over the whole list at once; iterating the node list directly costs
    # Resiliparse about 20 µs per element, which made this the dearest step of a page.
    for element in head.query_selector_all("meta[content]").values():
        key = element.getattr("property") or element.getattr("name") or element.getattr("itemprop")
        content = element.getattr("content")
        if key and content:
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _published(tree: HTMLTree, meta: dict[str, str], markup: str) -> date | None:
    for key in _DATE_META:
        when = _iso_date(meta.get(key))
        if when is not None:
            return when
    body = tree.body
    if body is not None:
        stamp = body.query_selector("time[datetime]")
        if stamp is not None:
            when = _iso_date(stamp.getattr("datetime"))
            if when is not None:
                return when
    match = _JSONLD_DATE.search(markup)
    return _iso_date(match.group(1)) if match else None


def outlet_from_url(url: str) -> str | None:
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def _main_text(payload: bytes, charset: str | None) -> tuple[str, HTMLTree, str]:
    markup = decode(payload, charset)
    tree = HTMLTree.parse(markup)
    text = extract_plain_text(
        tree, main_content=True, alt_texts=False, links=False, comments=False, noscript=False
    )
    return markup, tree, text.strip()


def _details(markup: str, tree: HTMLTree, text: str, url: str) -> ParsedPage:
    meta = _meta(tree)
    return ParsedPage(
        title=meta.get("og:title") or (tree.title or "").strip() or None,
        text=text,
        published=_published(tree, meta, markup),
        outlet=meta.get("og:site_name") or outlet_from_url(url),
    )


def parse_page(payload: bytes, *, charset: str | None, url: str) -> ParsedPage:
    return _details(*_main_text(payload, charset), url)


def parse_page_if(
    payload: bytes, *, charset: str | None, url: str, wanted: Callable[[str], T | None]
) -> tuple[ParsedPage, T] | None:
    """The parsed page and what ``wanted`` says of its main text, unless it says None."""
    markup, tree, text = _main_text(payload, charset)
    verdict = wanted(text)
    if verdict is None:
        return None
    return _details(markup, tree, text, url), verdict
