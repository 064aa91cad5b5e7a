"""Pages nested deeper than the HTML parser allows: read flattened, and say what was lost.

libxml2, under lxml and so under trafilatura, stops building the tree 255 elements deep
("Excessive depth in document") and drops everything past that point without a word: a
sloppy page that opens a ``<div>`` per paragraph and never closes one kept 28 K of its
4.3 M characters. Such a page is read again with its container and inline elements
flattened away (paragraphs, headings and line breaks kept, so the text keeps its shape),
which brings almost any page within the limit. If it is still too deep, the text past
the limit is counted with the standard library's tokenizer, which has no depth limit,
and the page's warning says how much was dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from lxml import etree
from lxml import html as lxml_html

# libxml2's own limit without XML_PARSE_HUGE (lxml's huge_tree), which only raises it.
PARSER_DEPTH_LIMIT = 255
_DEPTH_ERROR = "excessive depth"
_CONTAINERS = re.compile(
    r"</?(?:div|span|section|article|aside|main|header|footer|nav|font|center|b|i|u|em|"
    r"strong|small|big|a|blockquote|table|thead|tbody|tfoot|tr|td|th|ul|ol|li|dl|dt|dd|"
    r"form|label|figure|figcaption)\b[^>]*>",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class DepthCheck:
    html: str | bytes  # what to extract from: the page, or the page flattened
    warning: str | None = None


def _too_deep(html: str | bytes) -> tuple[bool, etree._Element | None]:
    parser = lxml_html.HTMLParser()
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (etree.LxmlError, ValueError):
        return False, None  # not ours to judge: the extractor reports unparseable pages
    deep = any(_DEPTH_ERROR in (entry.message or "").lower() for entry in parser.error_log)
    return deep, tree


class _TextCounter(HTMLParser):
    """Characters of text (whitespace aside) as a tokenizer sees them, at any depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.characters = 0

    def handle_data(self, data: str) -> None:
        self.characters += len(_SPACE.sub("", data))


def _text_characters(html: str) -> int:
    counter = _TextCounter()
    counter.feed(html)
    counter.close()
    return counter.characters


def check_depth(html: str | bytes) -> DepthCheck:
    """The page to extract from, flattened when it nests past the parser's limit."""
    deep, _tree = _too_deep(html)
    if not deep:
        return DepthCheck(html)
    text = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    flat = _CONTAINERS.sub("\n", text)
    note = f"the page nests deeper than the HTML parser's limit ({PARSER_DEPTH_LIMIT} levels)"
    still_deep, tree = _too_deep(flat)
    if not still_deep:
        return DepthCheck(flat, f"{note}: read with its containers flattened")
    kept = len(_SPACE.sub("", tree.text_content())) if tree is not None else 0
    total = _text_characters(flat)
    dropped = max(total - kept, 0)
    return DepthCheck(
        flat,
        f"{note}, even flattened: about {dropped} of {total} characters of its text "
        "were past it and dropped",
    )
