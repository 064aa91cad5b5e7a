"""HTML → text for extraction: trafilatura's main-content extraction, with a plain fallback.

Pages that trafilatura cannot make sense of (fragments, broken markup, pages that are all
boilerplate) still give their visible text through lxml, so extraction never sees markup and
never fails on a page. The title is kept as the first line: headlines often state the news.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html
from lxml_html_clean import Cleaner

from thirdcountry.domain.errors import BadInput

_CLEANER = Cleaner(scripts=True, javascript=True, style=True, comments=True, page_structure=False)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None = None
    published: dt.date | None = None


def read_html(html: str | bytes) -> HtmlText:
    """The article text of a page, its title and its publication date when the page says."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str):
        raise BadInput(f"HTML must be text or bytes, got {type(html).__name__}")
    html = html.replace("\x00", "")
    if not html.strip():
        return HtmlText("")
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception:  # trafilatura raises assorted errors on pathological markup
        document = None
    text = getattr(document, "text", None) or ""
    title = getattr(document, "title", None) or None
    published = _date(getattr(document, "date", None))
    if not text.strip():
        text = _visible_text(html)
    if title and not text.lstrip().startswith(title.strip()):
        text = f"{title.strip()}\n\n{text}"
    return HtmlText(text.strip(), title, published)


def html_to_text(html: str | bytes) -> str:
    """The article text of a page (see :func:`read_html`)."""
    return read_html(html).text


def _visible_text(html: str) -> str:
    try:
        tree = lxml_html.fromstring(html)
        tree = _CLEANER.clean_html(tree)
        raw = "\n".join(t for t in tree.itertext())
    except Exception:  # not even lxml can parse it: strip tags by hand
        raw = re.sub(r"<[^>]*>", "\n", html)
    lines = (_SPACES.sub(" ", line).strip() for line in raw.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(line for line in lines if line))


def _date(raw: object) -> dt.date | None:
    if not isinstance(raw, str):
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None
