"""Gazetteers: every way reporting names a state, a nationality or a facility, matched fast.

Country names come from CLDR (through Babel) for each registered language; the curated tables
in ``thirdcountry/data/gazetteer/`` add aliases (``EE.UU.``, ``the Trump administration``),
capitals and airports, leaders, demonyms, facilities and names that must *not* match
(``Latin America`` is not America). All names of all languages go into one Aho-Corasick
automaton (pyahocorasick), so a document is scanned once whatever its languages.
Matching is case-sensitive ("US" the country, not "us" the pronoun) and respects word
boundaries; overlapping matches keep the longest ("South Sudan", not "Sudan").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick
import yaml
from babel import Locale, UnknownLocaleError

from thirdcountry.data import DATA_DIR
from thirdcountry.domain.countries import all_countries

GAZETTEER_DIR = DATA_DIR / "gazetteer"


class MentionKind(StrEnum):
    COUNTRY = "country"  # a name of the state itself
    GOVERNMENT = "government"  # a name for its government: Washington, ICE, the Home Office
    PLACE = "place"  # a city, airport or region inside it
    PERSON = "person"  # a leader or minister who stands for it
    DEMONYM = "demonym"  # a nationality word
    FACILITY = "facility"  # a named place of detention or stay
    ORGANIZATION = "organization"  # a party that is not a state (EU, IOM)
    REGION_PEOPLE = "region_people"  # people of a region: "West Africans"
    BLOCKED = "blocked"  # contains a name but is something else: "Latin America"


# When one surface string has several readings, the first kind here wins.
_PRIORITY = (
    MentionKind.BLOCKED,
    MentionKind.FACILITY,
    MentionKind.ORGANIZATION,
    MentionKind.PERSON,
    MentionKind.COUNTRY,
    MentionKind.GOVERNMENT,
    MentionKind.PLACE,
    MentionKind.REGION_PEOPLE,
    MentionKind.DEMONYM,
)
_RANK = {kind: rank for rank, kind in enumerate(_PRIORITY)}


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface string means."""

    kind: MentionKind
    code: str | None = None  # the state it names (for a facility: the state it is in)
    facility: str | None = None  # canonical facility name
    facility_type: str | None = None  # prison, camp, hotel …
    plural: bool = False  # a plural demonym ("Venezuelans") names people by itself


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entry: Entry

    @property
    def kind(self) -> MentionKind:
        return self.entry.kind

    @property
    def code(self) -> str | None:
        return self.entry.code


@dataclass(frozen=True)
class LanguageTables:
    """The curated table of one language (``data/gazetteer/<code>.yaml``)."""

    code: str
    countries: dict[str, list[str]] = field(default_factory=dict)
    governments: dict[str, list[str]] = field(default_factory=dict)
    places: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    blocked: list[str] = field(default_factory=list)
    facilities: dict[str, list[str]] = field(default_factory=dict)  # canonical → local names
    region_people: list[str] = field(default_factory=list)
    region_adjectives: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CommonTables:
    facilities: list[dict[str, Any]]
    people: dict[str, list[str]]
    organizations: list[str]
    senders: tuple[str, ...]
    regions: dict[str, frozenset[str]]


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


@cache
def common_tables() -> CommonTables:
    raw = _read_yaml(GAZETTEER_DIR / "common.yaml")
    return CommonTables(
        facilities=list(raw.get("facilities") or []),
        people={str(k): list(v) for k, v in (raw.get("people") or {}).items()},
        organizations=list(raw.get("organizations") or []),
        senders=tuple(raw.get("senders") or ()),
        regions={str(k): frozenset(v) for k, v in (raw.get("regions") or {}).items()},
    )


@cache
def language_tables(code: str) -> LanguageTables:
    raw = _read_yaml(GAZETTEER_DIR / f"{code}.yaml")

    def mapping(name: str) -> dict[str, list[str]]:
        return {str(k): [str(x) for x in (v or [])] for k, v in (raw.get(name) or {}).items()}

    return LanguageTables(
        code=code,
        countries=mapping("countries"),
        governments=mapping("governments"),
        places=mapping("places"),
        demonyms=mapping("demonyms"),
        blocked=[str(x) for x in raw.get("blocked") or []],
        facilities=mapping("facilities"),
        region_people=[str(x) for x in raw.get("region_people") or []],
        region_adjectives={str(k): str(v) for k, v in (raw.get("region_adjectives") or {}).items()},
    )


_PARENS = re.compile(r"\s*\(([^)]*)\)")


def cldr_name_variants(name: str, conjunction: str) -> list[str]:
    """Spellings of a CLDR territory name as prose writes it.

    "St. Kitts & Nevis" → also "Saint Kitts and Nevis"; "Myanmar (Burma)" → "Myanmar" and
    "Burma". CLDR's disambiguated forms ("Congo - Kinshasa") are left to the curated tables.
    """
    if " - " in name:
        return []
    variants = {name}
    inner = _PARENS.search(name)
    if inner:
        variants = {_PARENS.sub("", name).strip(), inner.group(1).strip()}
    for variant in list(variants):
        if "&" in variant:
            variants.add(variant.replace("&", conjunction))
    for variant in list(variants):
        if variant.startswith("St. "):
            variants.add("Saint " + variant[4:])
            variants.add("St " + variant[4:])
    return sorted(v for v in variants if v)


@dataclass
class _Builder:
    entries: dict[str, list[Entry]] = field(default_factory=dict)

    def add(self, surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if len(surface) < 2:
            return
        readings = self.entries.setdefault(surface, [])
        if entry not in readings:
            readings.append(entry)

    def add_cased(self, surface: str, entry: Entry) -> None:
        """Add a name, its headline capitals, and a capitalised form of a lower-case word."""
        self.add(surface, entry)
        if len(surface) >= 4 and surface.upper() != surface:
            self.add(surface.upper(), entry)
        if surface[:1].islower():
            self.add(surface[:1].upper() + surface[1:], entry)


DemonymForms = Callable[[str], Iterable[tuple[str, bool]]]


class Gazetteer:
    """One automaton over the names of every given language."""

    def __init__(self, languages: Iterable[tuple[str, DemonymForms]]) -> None:
        builder = _Builder()
        common = common_tables()
        codes = [c.code for c in all_countries()]
        conjunctions = {"en": "and", "es": "y"}
        self.region_adjectives: dict[str, frozenset[str]] = {}
        self.languages: list[str] = []
        for code, demonym_forms in languages:
            self.languages.append(code)
            tables = language_tables(code)
            try:
                territories = dict(Locale.parse(code).territories)
            except (ValueError, TypeError, UnknownLocaleError):
                territories = {}  # a language CLDR does not know: its table must name states
            for country in codes:
                name = territories.get(country)
                if name:
                    for variant in cldr_name_variants(name, conjunctions.get(code, "&")):
                        builder.add_cased(variant, Entry(MentionKind.COUNTRY, country))
            self._add_table(builder, tables.countries, MentionKind.COUNTRY)
            self._add_table(builder, tables.governments, MentionKind.GOVERNMENT)
            self._add_table(builder, tables.places, MentionKind.PLACE)
            for country, bases in tables.demonyms.items():
                for base in bases:
                    for form, plural in demonym_forms(base):
                        builder.add_cased(form, Entry(MentionKind.DEMONYM, country, plural=plural))
            for name in tables.blocked:
                builder.add_cased(name, Entry(MentionKind.BLOCKED))
            for name in tables.region_people:
                builder.add_cased(name, Entry(MentionKind.REGION_PEOPLE, plural=True))
            for adjective, region in tables.region_adjectives.items():
                members = common.regions.get(region)
                if members:
                    self.region_adjectives[adjective.casefold()] = members
        local_names: dict[str, list[str]] = {}
        for code in self.languages:
            for canonical, names in language_tables(code).facilities.items():
                local_names.setdefault(canonical, []).extend(names)
        for facility in common.facilities:
            entry = Entry(
                MentionKind.FACILITY,
                str(facility["country"]),
                facility=str(facility["name"]),
                facility_type=str(facility.get("type") or "") or None,
            )
            names = [facility["name"], *facility.get("names", [])]
            for name in [*names, *local_names.get(str(facility["name"]), [])]:
                builder.add(str(name), entry)
        for country, names in common.people.items():
            for name in names:
                builder.add(name, Entry(MentionKind.PERSON, country))
        for name in common.organizations:
            builder.add(name, Entry(MentionKind.ORGANIZATION))
        self.senders = common.senders
        self.facility_aliases = {
            surface.casefold(): readings[0].facility
            for surface, readings in builder.entries.items()
            if readings and readings[0].kind is MentionKind.FACILITY
        }
        self._automaton = ahocorasick.Automaton()
        for surface, readings in builder.entries.items():
            best = min(readings, key=lambda e: _RANK[e.kind])
            self._automaton.add_word(surface, (len(surface), best))
        self._automaton.make_automaton()

    @staticmethod
    def _add_table(builder: _Builder, table: dict[str, list[str]], kind: MentionKind) -> None:
        for country, names in table.items():
            for name in names:
                builder.add_cased(name, Entry(kind, country))

    def canonical_facility(self, name: str) -> str:
        """The canonical name of a facility alias; other names come back unchanged."""
        return self.facility_aliases.get(name.strip().casefold()) or name.strip()

    def surfaces(self) -> list[str]:
        """Every surface the automaton matches (CLDR names, the curated tables, demonym
        forms, facilities, leaders…), as built for these languages: what the scan's byte
        prefilter must find for a page to name a state."""
        return [str(surface) for surface in self._automaton.keys()]  # noqa: SIM118 - not a dict

    def mentions(self, text: str) -> list[Mention]:
        """Leftmost-longest matches on word boundaries.

        Blocked names ("Latin America") come back too, as BLOCKED mentions with no code: they
        name no state, but they still take part in lists ("from Central Asia and India").
        """
        found: list[tuple[int, int, Entry]] = []
        for last, (length, entry) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if start > 0 and _is_word_char(text[start - 1]):
                continue
            if end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
                continue
            found.append((start, end, entry))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: list[Mention] = []
        reach = -1
        for start, end, entry in found:
            if start < reach:
                continue
            reach = end
            chosen.append(Mention(start, end, entry))
        return chosen

    def iter_mentions(self, text: str, start: int, end: int) -> Iterator[Mention]:
        """Mentions inside ``text[start:end]`` with offsets into ``text``."""
        for mention in self.mentions(text[start:end]):
            yield Mention(mention.start + start, mention.end + start, mention.entry)


def _is_word_char(char: str) -> bool:
    return char.isalnum()
