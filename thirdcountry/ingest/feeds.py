"""RSS and Atom feeds → the entries they list.

feedparser is only ever handed bytes we fetched through the safe fetcher or read from a
file: given a string it would fetch URLs itself, out of the address guard's sight.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import feedparser

from thirdcountry.domain.vocabulary import DatePrecision
from thirdcountry.ingest.model import Feed, FeedEntry, SourceError
from thirdcountry.ingest.urls import is_web_url

# A feed date that names only a month or a year ("2025-08", "2025"): feedparser reads it
# as the first day, which would claim a precision the feed does not give.
_MONTH_ONLY = re.compile(r"\s*\d{4}-\d{2}\s*")
_YEAR_ONLY = re.compile(r"\s*\d{4}\s*")


def _date(item: Any) -> tuple[date | None, DatePrecision | None]:
    """The entry's publication date, and its precision when coarser than a day."""
    for name in ("published", "updated"):
        # Read the entry as the plain dict it is: feedparser's own lookup of a missing
        # published_parsed falls back to updated_parsed with a DeprecationWarning.
        moment = dict.get(item, f"{name}_parsed")
        if not moment:
            continue
        try:
            day = date(moment.tm_year, moment.tm_mon, moment.tm_mday)
        except (AttributeError, ValueError):
            continue
        raw = str(dict.get(item, name) or "")
        if _YEAR_ONLY.fullmatch(raw):
            return day.replace(month=1, day=1), DatePrecision.YEAR
        if _MONTH_ONLY.fullmatch(raw):
            return day.replace(day=1), DatePrecision.MONTH
        return day, None
    return None, None


_CHARREF = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")


def _no_impossible_charrefs(content: bytes) -> bytes:
    """Character references to what is no character (NUL, a surrogate, past U+10FFFF)
    become U+FFFD: feedparser's own handling of them fails with a UnicodeEncodeError."""

    def replace(match: re.Match[bytes]) -> bytes:
        digits = match.group(1)
        value = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
        impossible = value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF
        return b"&#xFFFD;" if impossible else match.group(0)

    return _CHARREF.sub(replace, content)


def parse_feed(content: bytes, *, base_url: str | None = None) -> Feed:
    """The entries of a feed with a web link, in feed order; SourceError if it is no feed.

    An entry's GUID is its id, else its link: what a feed reader would call it, and what
    stays the same when the outlet edits the title or the link's tracking parameters.
    """
    headers = {"content-location": base_url, "content-type": "application/xml"}
    try:
        parsed = feedparser.parse(
            _no_impossible_charrefs(bytes(content)),
            response_headers={k: v for k, v in headers.items() if v},
            sanitize_html=False,
        )
    except Exception as exc:  # feedparser is lenient, but not about everything
        raise SourceError(
            f"not an RSS or Atom feed (the feed parser failed: {type(exc).__name__})",
            retryable=False,
        ) from None
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise SourceError(f"not an RSS or Atom feed{detail}", retryable=False)
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for item in parsed.entries:
        link = str(item.get("link") or "").strip()
        if not is_web_url(link):
            continue
        guid = str(item.get("id") or link).strip()
        if guid in seen:
            continue
        seen.add(guid)
        title = str(item.get("title") or "").strip() or None
        published, precision = _date(item)
        entries.append(
            FeedEntry(
                guid=guid,
                link=link,
                title=title,
                published=published,
                published_precision=precision,
            )
        )
    title = str(parsed.feed.get("title") or "").strip() or None
    return Feed(title=title, entries=tuple(entries))
