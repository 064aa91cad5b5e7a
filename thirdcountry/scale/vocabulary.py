"""The prefilter's vocabulary, generated from what the extractor reads, matched on bytes.

A page is relevant when the extractor finds a claim in its main text, so the byte
prefilter may turn a page away only when extraction could never accept it. What
extraction cannot do without is read off the extractor itself, for every registered
language, each time the rules load — never copied by hand:

* **the topic**: ``extract_claims`` returns nothing for a text that its languages'
  ``relevance`` patterns do not match, and those patterns are built from the stems and
  phrases each lexicon declares (``Lexicon.topic``: deport…, migra…, asylum, third
  country, tercer país…);
* **a cue or a facility**: a sentence yields a claim only when it matches one of the
  lexicon's frame patterns (``Lexicon.cue_alternatives``: transfer, agreement, payment…
  words) or names a facility;
* **a name**: every claim has a receiving state, which the gazetteer names — every CLDR
  name, alias, demonym, place, leader and facility of every language.

The topic is spelled straight from its declared terms: each as a page's bytes may hold it —
UTF-8, windows-1252, named and numeric HTML entities, and capitals (Hyperscan matches ASCII
letters in any case; the others are spelled lower case, upper case and capitalised) — and
a phrase's words in order with whatever markup may stand between them (``&nbsp;``, a tag, a
line break), so "third quarter" is not the topic and "third&nbsp;<em>country" is. It is one
Hyperscan pass over the whole payload, stopped at its first match: most pages have no topic
word and are turned away by it.

For the cues, ``required_literals`` (``extract/literals.py``) says which strings every match
of a pattern contains, and the databases' match ids are the *sets* a pattern requires. A set
holding a string shorter than three characters (or a digit) is taken as present: such
strings are on every page. A name of several words counts by its longest word (the page may
break the line, or put ``&nbsp;`` or a tag, where the main text has a space).

One exception to following the extractor, made on purpose and declared by the language
(``Lexicon.not_topic``): ``deport`` in Spanish sport (``deportes``, ``deporte``,
``deportivo``, ``deportista`` — the sports section of every Spanish news site) is not the
topic here, in any case, although the extractor's ``relevance`` pattern (``deport``) accepts it.
Without it, nearly every Spanish page would be parsed and read. A page that says
``deportados``, ``deportó``, ``deported`` or ``DEPORTADOS`` is a candidate.
"""

from __future__ import annotations

import contextlib
import html
import html.entities
import re
import string
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import hyperscan

from thirdcountry.extract import engine
from thirdcountry.extract.literals import DIGIT, required_literals
from thirdcountry.extract.rules import registered

_MIN_CHARS = 3
_DEPORT = "deport"
# Between the words of a topic phrase, what a page's bytes may hold where its main text has
# whitespace or a hyphen: ASCII whitespace or hyphens, a non-ASCII byte (UTF-8 or
# windows-1252 no-break and other spaces), an entity (``&nbsp;``, ``&#160;``) or a tag.
# Generous on purpose: the prefilter may keep too much, never too little.
_BETWEEN = rb"(?:[\s\-]|[\x80-\xff]|&#?[a-z0-9]{1,8};|<[^>]{0,300}>){1,24}"
_PHRASE_BREAK = re.compile(r"[\s-]+")


_LETTERS = "A-Za-z"


def _not_sport(words: Iterable[str]) -> bytes:
    """A Hyperscan expression for ``deport`` starting a word that is none of ``words``.

    ``words`` are the languages' declared non-topic words of the stem (``Lexicon.not_topic``):
    a word ending "-" is a stem ("deportiv-": deportivo, deportiva…), the others are whole
    words ("deportes", not "deportestrella"). The expression walks the tree of their
    endings: at each letter it matches whatever leaves the tree — another letter, or the
    word's end where no declared whole word ends — so a page of sport only has no match.
    Any case, like the rest of the prefilter (the words are ASCII letters)."""
    tree: dict[str, Any] = {}
    for word in words:
        lowered = word.lower()
        if not lowered.startswith(_DEPORT):
            raise ValueError(f"not_topic: {word!r} does not start with {_DEPORT!r}")
        ending = lowered.rstrip("-")[len(_DEPORT) :]
        if not re.fullmatch("[a-z]*", ending):
            raise ValueError(f"not_topic: {word!r} has a character that is not a letter a-z")
        node = tree
        for letter in ending:
            node = node.setdefault(letter, {})
        node["-" if lowered.endswith("-") else "$"] = {}

    def leaving(node: dict[str, Any]) -> str:
        if "-" in node:
            return ""  # a declared stem: whatever follows is sport
        letters = sorted(k for k in node if k in string.ascii_lowercase)
        others = "".join(f"{c}{c.upper()}" for c in string.ascii_lowercase if c not in letters)
        ways = [f"[^{_LETTERS}]|$"] if "$" not in node else []
        ways += [f"[{others}]"] if others else []
        ways += [f"{c}(?:{inner})" for c in letters if (inner := leaving(node[c]))]
        return "|".join(ways)

    return f"{_DEPORT}(?:{leaving(tree)})".encode()


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


def _expression(term: str) -> bytes:
    """A Hyperscan expression for ``term`` as a page's bytes may hold it: each spelling of
    each word (see ``spellings``), words apart by whatever ``_BETWEEN`` allows."""
    parts = [
        b"(?:" + b"|".join(_literal(raw) for raw in sorted(spellings(word))) + b")"
        for word in _PHRASE_BREAK.split(term.strip())
    ]
    return _BETWEEN.join(parts)


def _literals(strings: Iterable[str]) -> list[bytes]:
    """Each spelling of each string, as an expression of escaped bytes."""
    return sorted({_literal(raw) for term in strings for raw in spellings(term)})


def _compile(groups: Iterable[tuple[int, Iterable[bytes]]]) -> Any:
    """A database reporting the first place each group's expressions match, under the
    group's id, in any ASCII case."""
    expressions: list[bytes] = []
    ids: list[int] = []
    for id_, found in groups:
        listed = sorted(set(found))
        expressions += listed
        ids += [id_] * len(listed)
    flags = [hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH] * len(expressions)
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


@dataclass(frozen=True)
class Vocabulary:
    """Set ids by role, the databases that find them, and the topic's own patterns."""

    topic: frozenset[str]  # every language's topic stems and phrases
    cues: tuple[tuple[int, ...], ...]  # per cue pattern: the sets it needs
    name: int  # the id of "a gazetteer name"
    facility: int  # the id of "a facility name"
    strings: dict[int, frozenset[str]]  # each set's strings
    topic_database: Any
    database: Any

    def _scan(self, database: Any, payload: bytes | memoryview, *, first: bool = False) -> set[int]:
        seen: set[int] = set()

        def on_match(id_: int, _start: int, _end: int, _flags: int, _context: object) -> bool:
            seen.add(id_)
            return first  # true stops the scan

        # Stopped at the first match when asked: that is not an error.
        with contextlib.suppress(hyperscan.ScanTerminated):
            database.scan(payload, match_event_handler=on_match, scratch=_scratch(database))
        return seen

    def has_topic(self, payload: bytes | memoryview) -> bool:
        """Whether ``payload`` may hold a match of a language's topic pattern: one of its
        stems or phrases in any spelling (``deport`` only where it does not start a
        declared sport word)."""
        return bool(self._scan(self.topic_database, payload, first=True))

    def accepts(self, payload: bytes) -> bool:
        """All three: the topic, a cue or a facility, and a name."""
        if not self.has_topic(payload):
            return False
        seen = self._scan(self.database, payload)
        if self.name not in seen and self.facility not in seen:
            return False
        return self.facility in seen or any(all(i in seen for i in sets) for sets in self.cues)


@cache
def vocabulary() -> Vocabulary:
    """Built once per process from the registered languages' rules and gazetteer."""
    by_strings: dict[frozenset[str], int] = {}

    def id_of(strings: frozenset[str]) -> int:
        return by_strings.setdefault(strings, len(by_strings))

    topic: set[str] = set()
    cues: list[tuple[int, ...]] = []
    for rules in registered().values():
        lexicon = rules.lexicon
        topic.update(term.lower() for term in lexicon.topic)
        for pattern in lexicon.cue_alternatives():
            cues.append(tuple(id_of(s) for s in _requirement(required_literals(pattern))))
    name = id_of(frozenset(name_words()))
    facility = id_of(frozenset(facility_words()))
    sport = [w for rules in registered().values() for w in rules.lexicon.not_topic]
    # A term holding another single-word term adds nothing ("migrant" holds "migra");
    # not so for "deport", whose expression leaves the sport words out.
    stems = {term for term in topic if not _PHRASE_BREAK.search(term)} - {_DEPORT}
    needed = {term for term in topic if not any(s != term and s in term for s in stems)}
    expressions = [_expression(term) for term in needed - {_DEPORT}]
    if _DEPORT in needed:
        expressions.append(_not_sport(sport))
    return Vocabulary(
        topic=frozenset(topic),
        cues=tuple(cues),
        name=name,
        facility=facility,
        strings={id_: set_ for set_, id_ in by_strings.items()},
        topic_database=_compile([(0, expressions)]),
        database=_compile((id_, _literals(set_)) for set_, id_ in by_strings.items()),
    )
