"""Is a page about third-country deportations? A byte prefilter and a decision on text.

A page is relevant when its text speaks of deportation (``deport…`` in English or
Spanish, but not ``deportes``, sports) *and* of the third-country side of it: the concept
("third country", "tercer país", "país puente", "other nationalities"…) or a facility
where such deportees are held (CECOT, CATEM, Bundase…). Both tests use one vocabulary:

* ``is_candidate`` (the prefilter) runs on the raw HTTP payload of every HTML record,
  before any parsing, so it must cost little more than reading the bytes. Its first stage
  asks whether the payload has ``deport``/``Deport`` in a word that is not about sport.
  SIMD substring counts (stringzilla, about 16 GB/s) settle that for almost every page:
  when each ``deport`` is the start of ``deportes`` or ``deportiv…`` — the sports
  section of every Spanish news site — there is none. Only the few pages left are searched
  with one compiled bytes regex, which says where the first deportation word is. Those
  that have one reach the second stage, an Aho-Corasick automaton (pyahocorasick) over the
  lowercased bytes, with every concept term spelled as UTF-8, windows-1252 and HTML
  entities; the first term found decides. (``bench/scan_speed.py`` compares this with one
  regex or one automaton for everything.)
* ``judge`` runs on the main text of the few candidates and decides; the matched terms are
  kept with the result, so a reviewer can see why a page was kept.

A page that reaches the second stage on markup alone (a sidebar link to a deportation
story, a script) is a *false candidate*. ``tells_story`` rejects most of them without
parsing: it asks whether both kinds of word are still there once the content of
``<aside>``, ``<nav>``, ``<footer>``, scripts and styles is cut out — the elements whose
text main-content extraction drops, and where news sites put their "most read" and
"related" link lists. The cut is conservative (an unclosed element, or a nested one past
its first closing tag, is kept), so a page it lets through still goes to ``judge``.
"""

from __future__ import annotations

import html.entities
import re
from dataclasses import dataclass
from functools import cache

import ahocorasick
import stringzilla

# The third-country side of the story. Canonical spelling first; lowercase.
CONCEPT_TERMS: dict[str, tuple[str, ...]] = {
    "third country": (
        "third country",
        "third-country",
        "third countries",
        "safe third country",
    ),
    "tercer país": (
        "tercer país",
        "tercer pais",
        "terceros países",
        "terceros paises",
        "tercer país seguro",
    ),
    "other nationalities": (
        "other nationalities",
        "of any nationality",
        "nationals of other countries",
        "otras nacionalidades",
        "cualquier nacionalidad",
    ),
    "bridge country": ("bridge country", "país puente", "pais puente"),
    "asylum cooperative agreement": (
        "asylum cooperative agreement",
        "asylum cooperation agreement",
        "cooperación en materia de asilo",
    ),
    "return hub": ("return hub", "return hubs", "centro de retorno", "centros de retorno"),
    "offshore processing": ("offshore processing", "regional processing centre"),
}

FACILITY_TERMS: dict[str, tuple[str, ...]] = {
    "CECOT": (
        "cecot",
        "terrorism confinement center",
        "terrorism confinement centre",
        "centro de confinamiento del terrorismo",
    ),
    "CATEM": ("catem", "centro de atención temporal para migrantes"),
    "Bundase": ("bundase",),
    "Matsapha": ("matsapha",),
    "Decapolis": ("hotel decapolis", "hotel decápolis", "decapolis hotel"),
    "Gjader": ("gjader", "gjadër"),
    "Shengjin": ("shengjin", "shëngjin"),
}

# Words that start like "deport" but are about sport (Spanish deporte, deportivo, deportista).
_SPORT_PREFIXES = ("deportiv", "deportist")
_DEPORT_WORD = re.compile(r"\bdeport\w*", re.IGNORECASE)
# The same rule on bytes. The literal "port" comes first so that the regex engine's prefix
# search skips ahead on a rare letter (p); the look-behind then asks for "deport" or
# "Deport", the look-ahead turns away deporte(s), deportivo and deportista — all in C, so
# the many "Deportes" links of a Spanish news site's menus cost no Python.
_REMOVAL_BYTES = re.compile(rb"port(?<=[dD]eport)(?!e[^de]|iv|ist)")
# Each stem with the sporting words it starts that the regex turns away. A payload in which
# every occurrence of a stem starts one of them has no deportation word of that stem; the
# counts are exact because none of these strings can overlap itself.
_SPORT_COUNTS = (
    (b"deport", (b"deportes", b"deportiv")),
    (b"Deport", (b"Deportes", b"Deportiv")),
)
_NEAR = 2048  # bytes either side of the first deportation word searched first
# The removal test on lowercased bytes (``Deportes`` is ``deportes`` there).
_REMOVAL_LOWER = re.compile(rb"port(?<=deport)(?!e[^de]|iv|ist)")
# Elements whose text is not the page's own story (see the module's docstring).
_BOILERPLATE_OPEN = re.compile(rb"<(aside|nav|footer|script|style|template|noscript)[\s/>]")


def _is_removal_word(word: str) -> bool:
    """``deported``, ``deportee``, ``deportación``, ``deportó``… but not ``deportes``."""
    word = word.lower()
    if word.startswith(_SPORT_PREFIXES):
        return False
    return not (word.startswith("deporte") and not word.startswith(("deported", "deportee")))


def _byte_spellings(term: str) -> set[bytes]:
    """``term`` as it may appear in a page's bytes, after ASCII lowercasing."""
    spellings: set[bytes] = set()
    for form in (term, term.upper()):
        for encoding in ("utf-8", "cp1252"):
            try:
                spellings.add(form.encode(encoding).lower())
            except UnicodeEncodeError:
                continue
        if not form.isascii():
            named = "".join(
                f"&{html.entities.codepoint2name[ord(c)]};"
                if not c.isascii() and ord(c) in html.entities.codepoint2name
                else c
                for c in form
            )
            numeric = "".join(c if c.isascii() else f"&#{ord(c)};" for c in form)
            hexa = "".join(c if c.isascii() else f"&#x{ord(c):x};" for c in form)
            for spelled in (named, numeric, hexa):
                spellings.add(spelled.encode("ascii").lower())
    return spellings


def _all_terms() -> dict[str, str]:
    """Every spelling (lowercase text) mapped to its canonical term."""
    out: dict[str, str] = {}
    for table in (CONCEPT_TERMS, FACILITY_TERMS):
        for canonical, spellings in table.items():
            for spelling in spellings:
                out[spelling] = canonical
    return out


@cache
def _byte_automaton() -> ahocorasick.Automaton:
    # pyahocorasick searches text, so bytes travel as latin-1: one character per byte.
    automaton = ahocorasick.Automaton()
    for spelling, canonical in _all_terms().items():
        for raw in _byte_spellings(spelling):
            automaton.add_word(raw.decode("latin-1"), canonical)
    automaton.make_automaton()
    return automaton


@cache
def _text_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for spelling, canonical in _all_terms().items():
        automaton.add_word(spelling, (len(spelling), canonical))
    automaton.make_automaton()
    return automaton


def _only_sport(payload: bytes) -> bool:
    """True when no ``deport``/``Deport`` in the payload can start a deportation word."""
    count = stringzilla.count
    for stem, sporting in _SPORT_COUNTS:
        # Most pages have no stem at all; finding the first stops there, counting cannot.
        if stringzilla.find(payload, stem) < 0:
            continue
        left = count(payload, stem)
        for word in sporting:
            if not left:
                break
            left -= count(payload, word)
        if left:
            return False
    return True


def _first_removal(payload: bytes) -> re.Match[bytes] | None:
    """Stage one: the first deportation word in the payload's bytes, if there is one."""
    if _only_sport(payload):
        return None
    return _REMOVAL_BYTES.search(payload)


def mentions_deportation(payload: bytes) -> bool:
    """Stage one: does the payload contain a deportation word?"""
    return _first_removal(payload) is not None


def concept_terms_in_bytes(payload: bytes) -> set[str]:
    """Stage two: the canonical concept and facility terms spelled anywhere in the bytes."""
    haystack = payload.lower().decode("latin-1")
    return {canonical for _end, canonical in _byte_automaton().iter(haystack)}


def is_candidate(payload: bytes) -> bool:
    """The prefilter: the test every HTML payload goes through before any parsing."""
    removal = _first_removal(payload)
    if removal is None:
        return False
    # Any one concept term will do. Look next to the deportation word first (a headline,
    # a description, a paragraph usually has both), then in the whole page.
    automaton = _byte_automaton()
    at = removal.start()
    near = payload[max(0, at - _NEAR) : at + _NEAR].lower().decode("latin-1")
    if next(automaton.iter(near), None) is not None:
        return True
    return next(automaton.iter(payload.lower().decode("latin-1")), None) is not None


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
    """Does a candidate have both a deportation word and a third-country term outside its
    boilerplate elements? Pages that do not are false candidates, found without parsing."""
    story = story_bytes(payload.lower())
    if _REMOVAL_LOWER.search(story) is None:
        return False
    return next(_byte_automaton().iter(story.decode("latin-1")), None) is not None


@dataclass(frozen=True, slots=True)
class Judgement:
    """The relevance decision on a page's text, with the terms that support it."""

    removal: tuple[str, ...]
    concepts: tuple[str, ...]

    @property
    def relevant(self) -> bool:
        return bool(self.removal) and bool(self.concepts)

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.removal) | set(self.concepts)))


def judge(text: str) -> Judgement:
    """Decide on the main text of a page: deportation words and third-country terms."""
    removal = sorted(
        {m.group(0).lower() for m in _DEPORT_WORD.finditer(text) if _is_removal_word(m.group(0))}
    )
    lowered = text.lower()
    concepts: set[str] = set()
    for end, (length, canonical) in _text_automaton().iter(lowered):
        start = end - length + 1
        before = lowered[start - 1] if start > 0 else " "
        after = lowered[end + 1] if end + 1 < len(lowered) else " "
        if not before.isalnum() and not after.isalnum():
            concepts.add(canonical)
    return Judgement(removal=tuple(removal), concepts=tuple(sorted(concepts)))
