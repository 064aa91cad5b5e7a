"""HTML → main text and metadata (title, outlet, author, publication date, language).

trafilatura finds the article among navigation, advertising and related links, and reads
metadata from JSON-LD, OpenGraph and the page itself. Before it runs we prune containers
that news sites mark as advertising or promotion by class or id, since a lone
"Advertisement" label inside the article body would otherwise reach the stored text.
"""

from __future__ import annotations

import re
from datetime import date

import trafilatura
from lxml.etree import LxmlError

from thirdcountry.domain.vocabulary import DocumentKind
from thirdcountry.ingest.depth import check_depth
from thirdcountry.ingest.language import detect_language
from thirdcountry.ingest.model import ParsedDocument, SourceError
from thirdcountry.ingest.urls import host_of, is_web_url, normalize_url, same_site

# Class or id tokens of elements that hold no article text (English and Spanish sites).
_NOISE_TOKENS = (
    "ad",
    "ads",
    "advert",
    "advertisement",
    "ad-slot",
    "ad-box",
    "ad-inline",
    "inline-ad",
    "ad-label",
    "sponsored",
    "publicidad",
    "anuncio",
    "read-more",
    "newsletter",
    "share-tools",
    "social-share",
)
_PRUNE = [
    f"//*[contains(concat(' ', normalize-space(@{attr}), ' '), ' {token} ')]"
    for token in _NOISE_TOKENS
    for attr in ("class", "id")
]
# Whole lines that are labels, not text.
_LABEL_LINES = frozenset(
    {"advertisement", "advertising", "ad", "sponsored", "publicidad", "anuncio", "patrocinado"}
)
_HTML_LANG = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)")
_GOVERNMENT_LABELS = frozenset({"gov", "gob", "gouv", "govt", "gv"})
# Fewer words than this are crumbs of navigation picked up from a page without an article.
_MIN_WORDS = 8


def _decode(content: bytes, charset: str | None) -> str | bytes:
    """Text when the server named a charset we know; else bytes for trafilatura to sniff."""
    if charset:
        try:
            return content.decode(charset, errors="replace")
        except LookupError:
            pass
    return content


def _published(raw: str | None) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _clean_text(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and line.strip(" .:·-").lower() not in _LABEL_LINES]
    return "\n".join(kept)


def document_kind(url: str | None) -> DocumentKind:
    """Government sites by their host (``.gov``, ``gob.mx``, ``gov.uk``…); news otherwise."""
    host = host_of(url) if url else None
    if host and _GOVERNMENT_LABELS & set(host.split(".")):
        return DocumentKind.GOVERNMENT
    return DocumentKind.NEWS


def canonical_url(declared: str | None, fetched: str | None) -> str | None:
    """The URL a page is stored under.

    A fetched page: its canonical URL when that is on its own site, else the URL that
    answered. A page claiming to be another site's page (syndication often does this)
    keeps its own address: near-duplicate detection, not the page's word, links it to
    the original. A saved page read from a file: its canonical URL, the best citation.
    """
    declared_web = normalize_url(declared) if declared and is_web_url(declared) else None
    if fetched is None:
        return declared_web
    if declared_web and same_site(declared_web, fetched):
        return declared_web
    return normalize_url(fetched)


def parse_html(
    content: bytes | str, *, url: str | None = None, charset: str | None = None
) -> ParsedDocument:
    """Main text and metadata of an HTML page; SourceError when it has no main text."""
    html = _decode(content, charset) if isinstance(content, bytes) else content
    depth = check_depth(html)
    try:
        extracted = trafilatura.bare_extraction(
            depth.html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            prune_xpath=_PRUNE,
            date_extraction_params={
                "original_date": True,  # when first published, not when last edited
                "extensive_search": False,  # a date in the prose is not the page's date
                "max_date": date.today().isoformat(),
            },
        )
    except (ValueError, LxmlError) as exc:
        raise SourceError(f"could not parse the HTML: {exc}", retryable=False) from None
    except Exception as exc:  # trafilatura and htmldate trip over some markup (an assert)
        raise SourceError(
            f"could not parse the HTML: the extractor failed ({type(exc).__name__})",
            retryable=False,
        ) from None
    if extracted is None or isinstance(extracted, dict):
        raise SourceError("no main text found in the page", retryable=False)
    text = _clean_text(extracted.text or "")
    if len(text.split()) < _MIN_WORDS:
        raise SourceError("no main text found in the page", retryable=False)
    head = (html.encode("utf-8", "replace") if isinstance(html, str) else html)[:4096]
    declared = _HTML_LANG.search(head)
    declared_language = declared.group(1).decode("ascii") if declared else None
    return ParsedDocument(
        text=text,
        title=(extracted.title or "").strip() or None,
        outlet=(extracted.sitename or "").strip() or (host_of(url) if url else None),
        author=(extracted.author or "").strip() or None,
        published=_published(extracted.date),
        language=detect_language(text, declared=declared_language),
        canonical_url=canonical_url(extracted.url, url),
        kind=document_kind(url),
        warning=depth.warning,
    )
