"""Blocks and sentences: spans of the original text, never a rewritten copy.

Offsets always index the text the caller gave, so evidence spans point at what the source
says. A line break ends a sentence (headlines, list items and datelines are lines); inside a
line a sentence ends at ``.``, ``!`` or ``?`` followed by a capital, except after an
abbreviation (``U.S.``, ``EE.UU.``, ``Mr.``, ``Sept.``) unless a common sentence opener follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Longest sentence we analyse as one unit; longer runs (tables, minified junk) are cut.
MAX_SENTENCE_CHARS = 1200

_BLOCK_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]+")
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(¿¡\-–—•]*[A-ZÁÉÍÓÚÑÜ0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:U\.S|U\.K|U\.N|EE\.\s?UU|E\.U\.A|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|"
    r"St|Sr|Sra|Srta|Dña|Jr|Inc|Corp|Co|Ltd|No|Nos|Vol|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|ene|feb|abr|ago|sep|sept|oct|nov|dic|núm|pág|art|p\.ej|e\.g|"
    r"i\.e)|\b[A-Z])\.[\"'”’)]*$"
)
_OPENER = re.compile(
    r"\s+[\"'“‘«(]*(?:The|A|An|In|On|At|He|She|They|It|We|But|And|This|That|These|Those|"
    r"His|Her|Their|Its|Officials|According|However|Meanwhile|Earlier|Last|Since|After|"
    r"There|Under|El|La|Los|Las|Un|Una|En|Según|Por|Pero|Además|Sin|Tras|Desde)\b"
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def blocks(text: str) -> list[Span]:
    """Paragraphs: runs of text separated by blank lines."""
    spans: list[Span] = []
    position = 0
    for match in _BLOCK_BREAK.finditer(text):
        if match.start() > position:
            spans.append(Span(position, match.start()))
        position = match.end()
    if position < len(text):
        spans.append(Span(position, len(text)))
    return [s for s in (_trim(text, s) for s in spans) if s is not None]


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Sentence spans inside ``text[start:end]``, trimmed of surrounding space."""
    end = len(text) if end is None else end
    for line in _LINE.finditer(text, start, end):
        yield from _split_line(text, line.start(), line.end())


def _split_line(text: str, start: int, end: int) -> Iterator[Span]:
    position = start
    for match in _END.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(start, match.start() - 12), match.end()) and not (
            _OPENER.match(text, match.end(), end)
        ):
            continue
        yield from _bounded(text, position, match.end())
        position = match.end()
    yield from _bounded(text, position, end)


def _bounded(text: str, start: int, end: int) -> Iterator[Span]:
    span = _trim(text, Span(start, end))
    if span is None:
        return
    while span.end - span.start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", span.start, span.start + MAX_SENTENCE_CHARS)
        if cut <= span.start:
            cut = span.start + MAX_SENTENCE_CHARS
        head = _trim(text, Span(span.start, cut))
        if head is not None:
            yield head
        rest = _trim(text, Span(cut, span.end))
        if rest is None:
            return
        span = rest
    yield span


def _trim(text: str, span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None
