"""Plain text and PDF → text and metadata; and which reader a payload needs."""

from __future__ import annotations

import io
import logging
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from thirdcountry.ingest.binary import binary_kind
from thirdcountry.ingest.html import canonical_url, document_kind, parse_html
from thirdcountry.ingest.language import detect_language
from thirdcountry.ingest.model import ParsedDocument, Payload, SourceError
from thirdcountry.ingest.urls import host_of

# pypdf logs the recoverable oddities of real-world PDFs as warnings; they are not ours to
# show, and a PDF it cannot read at all raises instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_TITLE_MIN_WORDS = 3
_TITLE_MAX_CHARS = 200


class Format(StrEnum):
    HTML = "html"
    TEXT = "text"
    PDF = "pdf"
    FEED = "feed"


_BY_MEDIA_TYPE = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "text/plain": Format.TEXT,
    "application/pdf": Format.PDF,
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/rdf+xml": Format.FEED,
}
SUFFIX_MEDIA_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
    ".pdf": "application/pdf",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
}


def sniff_format(content: bytes, media_type: str | None) -> Format:
    """What a body is: its magic bytes, else its declared type, else what it looks like.
    Binary data is refused here, whatever its name or declared type says."""
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return Format.PDF
    kind = binary_kind(content)
    if kind is not None:
        raise SourceError(f"{kind}, not a web page, text, PDF or feed", retryable=False)
    declared = _BY_MEDIA_TYPE.get(media_type or "")
    if declared is not None:
        return declared
    if head.startswith(b"<") and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return Format.FEED
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return Format.HTML
    if media_type in ("application/xml", "text/xml"):
        raise SourceError("an XML document that is neither a web page nor a feed", retryable=False)
    return Format.TEXT


def decode_text(content: bytes, charset: str | None = None) -> str:
    """Text from bytes: the declared charset, else UTF-8, else Windows-1252 (the usual
    encoding of text that is not UTF-8 in English and Spanish sources)."""
    for candidate in (charset, "utf-8-sig"):
        if candidate:
            try:
                return content.decode(candidate)
            except (LookupError, UnicodeDecodeError):
                continue
    return content.decode("cp1252", errors="replace")


def _first_title_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if len(line.split()) >= _TITLE_MIN_WORDS and len(line) <= _TITLE_MAX_CHARS:
            return line
    return None


def parse_text(content: bytes, *, charset: str | None = None) -> ParsedDocument:
    text = "\n".join(line.rstrip() for line in decode_text(content, charset).splitlines())
    text = text.strip()
    if not text:
        raise SourceError("the file holds no text", retryable=False)
    return ParsedDocument(text=text, title=_first_title_line(text), language=detect_language(text))


def _pdf_date(raw: datetime | None) -> date | None:
    return raw.date() if isinstance(raw, datetime) else None


def parse_pdf(content: bytes) -> ParsedDocument:
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("the PDF is encrypted", retryable=False)
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        title = (meta.title or "").strip() if meta else ""
        author = (meta.author or "").strip() if meta else ""
        published = _pdf_date(meta.creation_date) if meta else None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise SourceError(f"could not read the PDF: {exc}", retryable=False) from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise SourceError("the PDF has no text layer (a scan?)", retryable=False)
    return ParsedDocument(
        text=text,
        title=title or _first_title_line(text),
        author=author or None,
        published=published,
        language=detect_language(text),
    )


def parse_payload(payload: Payload, fmt: Format) -> ParsedDocument:
    """Text and metadata of a payload in the given (non-feed) format."""
    if fmt is Format.HTML:
        return parse_html(payload.content, url=payload.url, charset=payload.charset)
    parsed = (
        parse_pdf(payload.content)
        if fmt is Format.PDF
        else parse_text(payload.content, charset=payload.charset)
    )
    if payload.url is None:
        return parsed
    return replace(
        parsed,
        outlet=parsed.outlet or host_of(payload.url),
        canonical_url=canonical_url(None, payload.url),
        kind=document_kind(payload.url),
    )
