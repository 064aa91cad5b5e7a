"""UI strings through gettext catalogs (Babel), one per supported language.

Catalogs are the ``.po`` files under ``web/locales/<lang>/LC_MESSAGES/``, one file per part of
the app (``site.po``, ``review.po``…), merged at start-up and read directly with Babel, so
there is no compile step to forget. ``tests/test_i18n.py`` checks that every string the
templates mark for translation is in both catalogs.
"""

from __future__ import annotations

from functools import cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
# The catalogs live with the web pages that use most of them; feeds use them too.
LOCALES = Path(__file__).parent / "web" / "locales"


def catalog_files(language: str) -> list[Path]:
    """The .po files of a language: one per part of the app, merged into one catalog."""
    return sorted((LOCALES / language / "LC_MESSAGES").glob("*.po"))


@cache
def translations(language: str) -> NullTranslations:
    files = catalog_files(language)
    if not files:
        return NullTranslations()
    merged: Catalog | None = None
    for path in files:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        if merged is None:
            # The first file's header rules the plural forms: our catalogs give two
            # (one, other), where CLDR's newer Spanish rule has three.
            merged = catalog
            continue
        for message in catalog:
            if message.id:
                merged[message.id] = message
    assert merged is not None
    # Compile in memory: the .po files are the only artefact, nothing to rebuild by hand.
    compiled = BytesIO()
    write_mo(compiled, merged)
    compiled.seek(0)
    return Translations(fp=compiled)


def negotiate(accept_language: str | None) -> str:
    """The best supported language for an Accept-Language header."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    weighted = []
    for part in accept_language.split(","):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        weighted.append((quality, tag.strip().lower()[:2]))
    for _, tag in sorted(weighted, key=lambda pair: -pair[0]):
        if tag in LANGUAGES:
            return tag
    return DEFAULT_LANGUAGE
