"""Every UI string of the templates is in the catalogs of both languages."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from thirdcountry.publish.i18n import LANGUAGES, catalog_files, negotiate
from thirdcountry.publish.web.errors import _TITLES

WEB = Path(__file__).resolve().parent.parent / "thirdcountry" / "publish" / "web"


def template_strings() -> set[str]:
    found = set()
    method_map = [("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(WEB), method_map, options
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_template_string_is_translated(lang: str) -> None:
    translated = set()
    for path in catalog_files(lang):
        with path.open("rb") as handle:
            # A plural message is known by its singular, as the extractor names it.
            translated |= {
                m.id if isinstance(m.id, str) else m.id[0]
                for m in read_po(handle)
                if m.id and m.string and all(m.string)
            }
    wanted = template_strings() | set(_TITLES.values()) | {"Error"}
    assert wanted, "no strings found: the extractor is misconfigured"
    missing = sorted(wanted - translated)
    assert not missing, f"{lang} catalog lacks: {missing}"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("es", "es"),
        ("fr-FR,es;q=0.8,en;q=0.5", "es"),
        ("de", "en"),
        ("en;q=0.2,es;q=0.9", "es"),
        ("es;q=bogus,en", "en"),
    ],
)
def test_language_negotiation(header: str | None, expected: str) -> None:
    assert negotiate(header) == expected
