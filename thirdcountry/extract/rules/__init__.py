"""The registry of language rule sets.

A language is a :class:`LanguageRules`: its code, the name and version written into each
claim's ``extractor`` field ("rules-en/1.0"), its :class:`~thirdcountry.extract.lexicon.Lexicon`
and how its demonyms inflect. The built-in English and Spanish rules register themselves
exactly as an add-on would: a third language is a gazetteer table
(``thirdcountry/data/gazetteer/<code>.yaml``) plus a module that calls :func:`register`,
either imported by the application or advertised under the ``thirdcountry.rules`` entry-point
group of an installed package.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points

from thirdcountry.extract.lexicon import Lexicon

BUILTIN = ("thirdcountry.extract.rules.en", "thirdcountry.extract.rules.es")
ENTRY_POINT_GROUP = "thirdcountry.rules"


@dataclass(frozen=True)
class LanguageRules:
    code: str  # ISO 639-1
    version: str
    lexicon: Lexicon
    demonym_forms: Callable[[str], Iterable[tuple[str, bool]]]  # base → (form, is_plural)

    @property
    def extractor(self) -> str:
        return f"rules-{self.code}/{self.version}"


_REGISTRY: dict[str, LanguageRules] = {}
_loaded = False


def register(rules: LanguageRules) -> LanguageRules:
    """Add (or replace) the rules of one language."""
    _REGISTRY[rules.code] = rules
    _invalidate()
    return rules


def _invalidate() -> None:
    # The gazetteer is built from the registered languages; a new language rebuilds it.
    from thirdcountry.extract import engine

    engine.reset_caches()


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in BUILTIN:
        importlib.import_module(module)
    for point in entry_points(group=ENTRY_POINT_GROUP):
        point.load()


def registered() -> dict[str, LanguageRules]:
    """Every registered language, by code."""
    _load()
    return dict(_REGISTRY)


def rules_for(code: str) -> LanguageRules | None:
    _load()
    return _REGISTRY.get(code.lower().split("-")[0].split("_")[0])
