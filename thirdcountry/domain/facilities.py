"""Facilities: the named places where transferred people are held, housed or processed.

A facility has one canonical name (the one claims carry in their ``facility`` field), a
Spanish name where reporters in Spanish use a different one, the aliases seen in reports,
the country and city it is in, and a type. Every surface form (name, Spanish name, alias)
belongs to exactly one facility, so a gazetteer built from the table is unambiguous.

The bundled table is ``thirdcountry/data/facilities.yaml`` (schema in its header and in
``docs/dataset.md``); ``thirdcountry.data.bundled_facilities()`` loads it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from thirdcountry.domain.countries import normalize_code
from thirdcountry.domain.errors import BadInput, NotFound, ValidationError

FACILITY_FIELDS = frozenset({"name", "name_es", "aliases", "country", "city", "type", "note"})


class FacilityType(StrEnum):
    PRISON = "prison"
    DETENTION_CENTRE = "detention_centre"
    RECEPTION_CENTRE = "reception_centre"
    PROCESSING_CENTRE = "processing_centre"
    MILITARY_BASE = "military_base"
    CAMP = "camp"
    HOTEL = "hotel"
    SHELTER = "shelter"
    HOUSE = "house"


@dataclass(frozen=True, slots=True)
class Facility:
    name: str  # canonical: what claims carry in `facility`
    country: str
    type: FacilityType
    name_es: str | None = None
    city: str | None = None
    aliases: tuple[str, ...] = ()
    note: str | None = None

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Every way reports name it: canonical name, Spanish name, aliases."""
        forms = [self.name]
        if self.name_es:
            forms.append(self.name_es)
        forms.extend(self.aliases)
        return tuple(forms)

    def display_name(self, locale: str = "en") -> str:
        if locale.startswith("es") and self.name_es:
            return self.name_es
        return self.name

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "name_es": self.name_es,
            "aliases": list(self.aliases),
            "country": self.country,
            "city": self.city,
            "type": self.type.value,
            "note": self.note,
        }
        return {k: v for k, v in out.items() if v not in (None, [])}


class FacilitiesError(BadInput):
    """A facilities table with problems; ``problems`` holds one line per problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + f"\n{source}: ".join(problems))


class FacilityTable:
    """Facilities looked up by any of their names, ignoring case."""

    def __init__(self, facilities: list[Facility]) -> None:
        self._facilities = list(facilities)
        self._by_form: dict[str, Facility] = {}
        for facility in self._facilities:
            for form in facility.surface_forms:
                key = form.casefold()
                other = self._by_form.get(key)
                if other is not None and other is not facility:
                    raise ValidationError(
                        f"{form!r} names both {other.name!r} and {facility.name!r}"
                    )
                self._by_form[key] = facility

    def __iter__(self) -> Iterator[Facility]:
        return iter(self._facilities)

    def __len__(self) -> int:
        return len(self._facilities)

    def find(self, name: str) -> Facility | None:
        """The facility any of whose names is ``name`` (case-insensitive), if any."""
        return self._by_form.get(name.strip().casefold())

    def resolve(self, name: str) -> Facility:
        found = self.find(name)
        if found is None:
            raise NotFound(f"facility {name!r} is not in the facilities table")
        return found

    def canonical(self, name: str) -> str:
        """The canonical name claims use for ``name``."""
        return self.resolve(name).name

    def in_country(self, code: str) -> list[Facility]:
        code = normalize_code(code)
        return [f for f in self._facilities if f.country == code]

    def surface_forms(self) -> dict[str, Facility]:
        """Every surface form, as written, to its facility: what a gazetteer matches on."""
        return {form: f for f in self._facilities for form in f.surface_forms}


def parse_facilities(data: Any, source: str) -> FacilityTable:
    """Validate a loaded ``facilities:`` document; raise FacilitiesError listing every problem."""
    items = data.get("facilities") if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        raise FacilitiesError(source, ["top level must be a mapping with a facilities list"])
    problems: list[str] = []
    parsed: list[Facility] = []
    for number, item in enumerate(items, start=1):
        try:
            parsed.append(_parse_facility(item))
        except ValidationError as exc:
            label = item.get("name") if isinstance(item, Mapping) else None
            problems.append(f"facility #{number}{f' ({label})' if label else ''}: {exc}")
    seen: dict[str, str] = {}
    for facility in parsed:
        for form in facility.surface_forms:
            other = seen.setdefault(form.casefold(), facility.name)
            if other != facility.name:
                problems.append(f"{form!r} names both {other!r} and {facility.name!r}")
    if problems:
        raise FacilitiesError(source, problems)
    return FacilityTable(parsed)


def _parse_facility(item: Any) -> Facility:
    if not isinstance(item, Mapping):
        raise ValidationError("must be a mapping")
    unknown = set(item) - FACILITY_FIELDS
    if unknown:
        raise ValidationError(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    name = _text(item.get("name"))
    if name is None:
        raise ValidationError("needs a name (claims use it)")
    raw_country = item.get("country")
    if not raw_country:
        raise ValidationError("needs a country")
    try:
        country = normalize_code(str(raw_country))
    except ValidationError as exc:
        raise ValidationError(f"country: {exc}") from None
    try:
        kind = FacilityType(str(item.get("type")))
    except ValueError:
        allowed = ", ".join(t.value for t in FacilityType)
        raise ValidationError(f"type {item.get('type')!r} is not one of: {allowed}") from None
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list):
        raise ValidationError("aliases must be a list of names")
    return Facility(
        name=name,
        country=country,
        type=kind,
        name_es=_text(item.get("name_es")),
        city=_text(item.get("city")),
        aliases=tuple(a for a in (_text(x) for x in aliases) if a),
        note=_text(item.get("note")),
    )


def _text(raw: Any) -> str | None:
    if raw is None:
        return None
    return str(raw).strip() or None
