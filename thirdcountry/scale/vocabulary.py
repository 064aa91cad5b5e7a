"""The prefilter's vocabulary, generated from what the extractor reads, matched on bytes.

A page is relevant when the extractor finds a claim in its main text, so the byte
prefilter may turn a page away only when extraction could never accept it. What
extraction cannot do without is read off the extractor itself, for every registered
language, each time the rules load — never copied by hand:

* **the topic**: ``extract_claims`` returns nothing for a text that its languages'
  ``relevance`` patterns do not match (deport…, migra…, asylum, asilo, traslad…);
* **a cue or a facility**: a sentence yields a claim only when it matches one of the
  lexicon's frame patterns (``Lexicon.cue_alternatives``: transfer, agreement, payment…
  words) or names a facility;
* **a name**: every claim has a receiving state, which the gazetteer names — every CLDR
  name, alias, demonym, place, leader and facility of every language.

For each pattern, ``required_literals`` (``extract/literals.py``) says which strings every
match contains. Each is spelled as a page's bytes may hold it — UTF-8, windows-1252, named
and numeric HTML entities, and capitals (Hyperscan matches ASCII letters in any case; the
others are spelled lower case, upper case and capitalised) — in Hyperscan databases whose
match ids are the *sets* a pattern requires. A set holding a string shorter than three
characters (or a digit) is taken as present: such strings are on every page. A name of
several words counts by its longest word (the page may break the line, or put ``&nbsp;``
or a tag, where the main text has a space).

A topic string found on its own is not always the topic: ``third`` is only the start of
``third[- ]country``. Where a topic string does not match the relevance pattern by itself,
each place it is found is decoded (UTF-8, else windows-1252, entities resolved) and the
pattern itself is run there.

One exception to following the extractor, made on purpose and declared by the language
(``Lexicon.not_topic``): ``deport`` in Spanish sport (``deportes``, ``deporte``,
``deportivo``, ``deportista`` — the sports section of every Spanish news site) is not the
topic here, although the extractor's ``relevance`` pattern (``deport``) accepts it.
Without it, nearly every Spanish page would be parsed and read. A page that says
``deportados``, ``deportó``, ``deported`` or ``DEPORTADOS`` is a candidate.
"""

from __future__ import annotations

import html
import html.entities
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import hyperscan
import stringzilla

from thirdcountry.extract import engine
from thirdcountry.extract.literals import DIGIT, required_literals
from thirdcountry.extract.rules import registered

_MIN_CHARS = 3
_WEAK = 1 << 20  # added to a topic set's id for its weak strings
# Bytes before and after the end of a weak topic string decoded to check the pattern there
# (the topic patterns match words and short phrases: "tercer pa&iacute;s").
_BEFORE, _AFTER = 24, 40
_DEPORT = "deport"


@dataclass(frozen=True)
class _Sport:
    """The languages' declared non-topic words of the stem ``deport`` (``Lexicon.not_topic``),
    as the counts and patterns that tell them from deportation words on bytes."""

    counted: tuple[str, ...]  # none a prefix of another, so their counts never overlap
    casings: tuple[tuple[Any, re.Pattern[bytes]], ...]


def _sport(words: Iterable[str]) -> _Sport:
    """For each casing of the stem: a page where the sporting words account for every
    occurrence of the stem has no deportation word of that stem (the counts are exact:
    none of the strings overlaps itself). On the few pages left the pattern says: the stem
    not followed by a declared whole word's ending and a non-letter, or a stem's ending.
    The literal "port" first, so that the regex engine skips ahead to it."""
    stems: set[str] = set()
    wholes: set[str] = set()
    for word in words:
        if not word.lower().startswith(_DEPORT):
            raise ValueError(f"not_topic: {word!r} does not start with {_DEPORT!r}")
        (stems if word.endswith("-") else wholes).add(word.rstrip("-").lower())
    every = stems | wholes
    counted = tuple(sorted(w for w in every if not any(o != w and o.startswith(w) for o in every)))
    casings: list[tuple[Any, re.Pattern[bytes]]] = []
    for casing in (str.lower, str.capitalize, str.upper):
        tail = str.upper if casing is str.upper else str.lower
        endings = [
            *(re.escape(tail(w[len(_DEPORT) :])) + "(?![A-Za-z])" for w in sorted(wholes)),
            *(re.escape(tail(w[len(_DEPORT) :])) for w in sorted(stems)),
        ]
        stem = casing(_DEPORT)
        refuse = f"(?!{'|'.join(endings)})" if endings else ""
        casings.append((casing, re.compile(f"{stem[2:]}(?<={stem}){refuse}".encode())))
    return _Sport(counted=counted, casings=tuple(casings))


@cache
def _declared_sport() -> _Sport:
    return _sport(w for rules in registered().values() for w in rules.lexicon.not_topic)


def spellings(term: str) -> set[bytes]:
    """``term`` (lower case) as a page's bytes may spell it, up to ASCII case."""
    out: set[bytes] = set()
    for form in {term, term.upper(), term.capitalize(), term.title()}:
        for encoding in ("utf-8", "cp1252"):
            try:
                out.add(form.encode(encoding))
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
                if spelled.isascii():
                    out.add(spelled.encode("ascii"))
    return out


def _requirement(pattern_sets: Iterable[frozenset[str]]) -> tuple[frozenset[str], ...]:
    """The sets worth testing: one with a short string or a digit is on every page."""
    return tuple(
        strings
        for strings in pattern_sets
        if strings and all(len(s) >= _MIN_CHARS and DIGIT not in s for s in strings)
    )


def _longest_word(surface: str) -> str:
    return max(surface.split(), key=len, default="").lower()


def name_words() -> set[str]:
    """Every name the gazetteer knows, lower case, by its longest word."""
    return {_longest_word(surface) for surface in _gazetteer_surfaces()}


def facility_words() -> set[str]:
    """Every facility name the gazetteer knows, by its longest word."""
    return {_longest_word(alias) for alias in engine.gazetteer().facility_aliases}


def _gazetteer_surfaces() -> Iterable[str]:
    return engine.gazetteer().surfaces()


def _literal(raw: bytes) -> bytes:
    # Every byte escaped, so no character means anything to Hyperscan's parser.
    return b"".join(b"\\x%02x" % byte for byte in raw)


def _compile(groups: Iterable[tuple[int, Iterable[str], bool]]) -> Any:
    """A database matching each group's strings under the group's id; a group marked
    ``every`` reports each place it is found, the others only their first."""
    expressions: list[bytes] = []
    ids: list[int] = []
    flags: list[int] = []
    for id_, strings, every in groups:
        single = 0 if every else hyperscan.HS_FLAG_SINGLEMATCH
        for raw in sorted({s for term in strings for s in spellings(term)}):
            expressions.append(_literal(raw))
            ids.append(id_)
            flags.append(hyperscan.HS_FLAG_CASELESS | single)
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(expressions=expressions, ids=ids, elements=len(expressions), flags=flags)
    return database


_THREADS = threading.local()


def _scratch(database: Any) -> Any:
    """This thread's scratch space for ``database``: a scan needs one of its own (threads
    of a Dask worker scan at the same time)."""
    spaces: dict[int, Any] = _THREADS.__dict__.setdefault("spaces", {})
    space = spaces.get(id(database))
    if space is None:
        space = spaces[id(database)] = hyperscan.Scratch(database)
    return space


def _decoded(window: bytes) -> str:
    try:
        text = window.decode("utf-8")
    except UnicodeDecodeError:
        text = window.decode("cp1252", errors="replace")
    return html.unescape(text) if "&" in text else text


def _has_deportation_word(payload: bytes) -> bool:
    """Whether ``deport`` starts a word that is not Spanish sport, in any casing."""
    count = stringzilla.count
    sport = _declared_sport()
    for casing, word in sport.casings:
        stem = casing(_DEPORT).encode()
        if stringzilla.find(payload, stem) < 0:
            continue
        left = count(payload, stem)
        left -= sum(count(payload, casing(w).encode()) for w in sport.counted)
        if left > 0 and word.search(payload) is not None:
            return True
    return False


@dataclass(frozen=True)
class Vocabulary:
    """Set ids by role, the databases that find them, and the topic's own patterns."""

    topics: tuple[int, ...]  # per language: a set every match of its topic holds a string of
    cues: tuple[tuple[int, ...], ...]  # per cue pattern: the sets it needs
    name: int  # the id of "a gazetteer name"
    facility: int  # the id of "a facility name"
    strings: dict[int, frozenset[str]]  # each set's strings
    deport: frozenset[int]  # topic sets holding "deport" (found by ``_has_deportation_word``)
    unscreened: bool  # a language's topic has no telling string: every page has the topic
    patterns: dict[int, tuple[re.Pattern[str], ...]]  # topic set → its languages' patterns
    topic_database: Any
    database: Any

    def _scan(self, database: Any, payload: bytes) -> list[tuple[int, int]]:
        hits: list[tuple[int, int]] = []

        def on_match(id_: int, _start: int, end: int, _flags: int, _context: object) -> None:
            hits.append((id_, end))

        database.scan(payload, match_event_handler=on_match, scratch=_scratch(database))
        return hits

    def has_topic(self, payload: bytes) -> bool:
        """Whether ``payload`` may hold a match of a language's topic pattern: a string of
        the topic's set that the pattern matches alone, or one it does not (``third``)
        where the pattern matches around it."""
        if self.unscreened or (self.deport and _has_deportation_word(payload)):
            return True
        weak: list[tuple[int, int]] = []
        for id_, end in self._scan(self.topic_database, payload):
            if id_ < _WEAK:
                return True
            weak.append((id_ - _WEAK, end))
        checked: set[bytes] = set()
        for id_, end in weak:
            raw = payload[max(0, end - _BEFORE) : end + _AFTER]
            if raw in checked:
                continue  # the same phrase again (a headline repeated in the page)
            checked.add(raw)
            window = _decoded(raw)
            if any(p.search(window) for p in self.patterns[id_]):
                return True
        return False

    def accepts(self, payload: bytes) -> bool:
        """All three: the topic, a cue or a facility, and a name."""
        if not self.has_topic(payload):
            return False
        seen = {id_ for id_, _end in self._scan(self.database, payload)}
        if self.name not in seen and self.facility not in seen:
            return False
        return self.facility in seen or any(all(i in seen for i in sets) for sets in self.cues)


@cache
def vocabulary() -> Vocabulary:
    """Built once per process from the registered languages' rules and gazetteer."""
    by_strings: dict[frozenset[str], int] = {}

    def id_of(strings: frozenset[str]) -> int:
        return by_strings.setdefault(strings, len(by_strings))

    topics: list[int] = []
    unscreened = False
    cues: list[tuple[int, ...]] = []
    patterns: dict[int, tuple[re.Pattern[str], ...]] = {}
    for rules in registered().values():
        lexicon = rules.lexicon
        # The first set is enough: every match of the pattern holds one of its strings.
        first = _requirement(required_literals(lexicon.relevance))[:1]
        if not first:
            unscreened = True  # a topic pattern without a telling string: no screen
        for needed in first:
            id_ = id_of(needed)
            topics.append(id_)
            patterns[id_] = (*patterns.get(id_, ()), lexicon.relevance)
        for pattern in lexicon.cue_alternatives():
            cues.append(tuple(id_of(s) for s in _requirement(required_literals(pattern))))
    name = id_of(frozenset(name_words()))
    facility = id_of(frozenset(facility_words()))
    strings = {id_: set_ for set_, id_ in by_strings.items()}
    topic_ids = sorted(set(topics))
    deport = frozenset(id_ for id_ in topic_ids if _DEPORT in strings[id_])
    topic_groups: list[tuple[int, Iterable[str], bool]] = []
    for id_ in topic_ids:
        # A weak string is one the pattern does not match alone ("third" of "third country").
        weak = {s for s in strings[id_] if not any(p.search(s) for p in patterns[id_])}
        topic_groups.append((id_, set(strings[id_]) - weak - {_DEPORT}, False))
        topic_groups.append((id_ + _WEAK, weak, True))
    others = [(id_, s, False) for id_, s in strings.items() if id_ not in topic_ids]
    return Vocabulary(
        topics=tuple(topics),
        cues=tuple(cues),
        name=name,
        facility=facility,
        strings=strings,
        deport=deport,
        unscreened=unscreened,
        patterns=patterns,
        topic_database=_compile(g for g in topic_groups if g[1]),
        database=_compile(others),
    )
