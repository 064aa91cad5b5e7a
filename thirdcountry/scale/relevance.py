"""Is a page about third-country deportations? The extractor decides; bytes go first.

A page is relevant when the extractor finds a claim in its main text (``pipeline.py`` runs
``extract_claims`` on every page that gets that far). Before that, on the raw payload of
every HTML record and without parsing:

* ``is_candidate`` — the byte prefilter. It turns a page away only when extraction could
  never accept it: its vocabulary is generated from the extractor's own lexicon and
  gazetteer (``vocabulary.py``), spelled in UTF-8, windows-1252, HTML entities and any
  case, so a page in capitals (``DEPORTADOS``) is a candidate like any other.
* ``tells_story`` — the markup check. A candidate whose words are all inside ``<aside>``,
  ``<nav>``, ``<footer>``, scripts and styles — the elements whose text main-content
  extraction drops, where news sites put their "most read" and "related" link lists — is
  turned away without parsing (a *false candidate on markup*). The cut is conservative (an
  unclosed element, or a nested one past its first closing tag, is kept).
* ``may_state_claims`` — on the main text of a parsed candidate, the extractor's own first
  test (its languages' ``relevance`` patterns); only pages that pass it are given to
  extraction.

``relevance_terms`` are kept with each page: the words of the text that the extractor's
``relevance`` and ``third_country`` patterns match, so a reviewer can see why.
"""

from __future__ import annotations

import re
from functools import cache

import stringzilla

from thirdcountry.extract.rules import registered
from thirdcountry.scale.vocabulary import vocabulary

# Elements whose text is not the page's own story (see the module's docstring).
_BOILERPLATE_OPEN = re.compile(rb"<(aside|nav|footer|script|style|template|noscript)[\s/>]")


# Script and style elements, whose content is never text, by their tags in either case.
_CODE_TAGS = ((b"<script", b"</script"), (b"<SCRIPT", b"</SCRIPT"), (b"<style", b"</style"))
_TAG_END = (b" ", b">", b"/", b"\t", b"\n", b"\r")


def _body_start(payload: bytes) -> int:
    """Where the main text can start: the payload's ``<body`` tag, in lower or upper case
    (0 when it has none)."""
    found = [i for i in (stringzilla.find(payload, t) for t in (b"<body", b"<BODY")) if i >= 0]
    return min(found) if found else 0


def _body(payload: bytes, start: int | None = None) -> bytes:
    """What the main text can come from: the payload from its ``<body`` tag on (all of it
    when it has no such tag, in lower or upper case), less the content of its scripts and
    styles. An element that never closes keeps the rest. ``start`` is ``_body_start``'s
    answer when the caller has it already."""
    if start is None:
        start = _body_start(payload)
    cuts: list[tuple[int, int]] = []
    find = stringzilla.find
    for opening, closing in _CODE_TAGS:
        at = find(payload, opening, start)
        while at >= 0:
            after = at + len(opening)
            if payload[after : after + 1] not in _TAG_END:  # <scripture> is not a script
                at = find(payload, opening, after)
                continue
            end = find(payload, closing, after)
            if end < 0:
                break
            cuts.append((at, end))
            at = find(payload, opening, end)
    if not cuts:
        return payload[start:]
    cuts.sort()
    kept: list[bytes] = []
    for at, end in cuts:
        if at >= start:  # (a style inside a script is already cut)
            kept.append(payload[start:at])
            start = end
    kept.append(payload[start:])
    return b" ".join(kept)


def is_candidate(payload: bytes) -> bool:
    """The prefilter: the test every HTML payload goes through before any parsing.

    The topic is looked for first from the ``<body`` tag on, in place: most pages have
    none, and a page without it there has none in its body less scripts either, so they
    are turned away before that is cut out. (The head, a fifth of a page's bytes or more,
    holds no main text; leaving it out of the one pass every page gets is what it saves.)"""
    words = vocabulary()
    start = _body_start(payload)
    return words.has_topic(memoryview(payload)[start:]) and words.accepts(_body(payload, start))


def story_bytes(lowered: bytes) -> bytes:
    """A lowercased payload without the content of its boilerplate elements."""
    kept: list[bytes] = []
    at = 0
    while (opening := _BOILERPLATE_OPEN.search(lowered, at)) is not None:
        closing = lowered.find(b"</" + opening.group(1), opening.end())
        if closing < 0:
            break  # never closed: keep the rest rather than guess where it ends
        kept.append(lowered[at : opening.start()])
        at = closing
    kept.append(lowered[at:])
    return b" ".join(kept)


def tells_story(payload: bytes) -> bool:
    """Does a candidate pass the prefilter outside its boilerplate elements? Pages that do
    not are false candidates, found without parsing."""
    return vocabulary().accepts(story_bytes(_body(payload).lower()))


@cache
def _text_patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    return tuple((r.lexicon.relevance, r.lexicon.third_country) for r in registered().values())


def may_state_claims(text: str) -> bool:
    """The extractor's first test of a text: without it, it states no claim."""
    return any(relevance.search(text) for relevance, _ in _text_patterns())


def relevance_terms(text: str) -> tuple[str, ...]:
    """The words of ``text`` that the extractor's topic and third-country patterns match."""
    found: set[str] = set()
    for relevance, third_country in _text_patterns():
        for pattern in (relevance, third_country):
            for match in pattern.finditer(text):
                # The whole word: "deport" is what the pattern asks for, "deportees" is
                # what the page says.
                rest = _WORD_REST.match(text, match.end())
                term = match.group(0) + (rest.group(0) if rest else "")
                found.add(" ".join(term.lower().split()))
    return tuple(sorted(found))


_WORD_REST = re.compile(r"\w*")
