"""Request-scoped helpers: the store, the language, template rendering."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import Response

from thirdcountry import __version__
from thirdcountry.data import bundled_labels
from thirdcountry.domain.countries import country_name
from thirdcountry.domain.errors import NotFound
from thirdcountry.domain.labels import format_money
from thirdcountry.domain.tally import tally, tally_sentence
from thirdcountry.publish.i18n import LANGUAGES, translations
from thirdcountry.store import Store

TEMPLATE_DIR = Path(__file__).parent / "templates"


def _environment(lang: str) -> Environment:
    # One environment per language: translations are installed once, never swapped per
    # request, so concurrent requests in different languages cannot see each other's.
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(default=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(
        version=__version__,
        languages=LANGUAGES,
        lang=lang,
        country_name=lambda code: country_name(code, lang),
        # Codes never reach people: one label table for every page (data/labels.yaml).
        label=lambda vocabulary, code: bundled_labels().label(vocabulary, code, lang),
        labels=lambda vocabulary: bundled_labels().vocabulary(vocabulary, lang),
        value_label=lambda kind, value: bundled_labels().value(kind, value, lang),
        any_value_label=lambda value: bundled_labels().any_value(value, lang),
        money=lambda amount, currency: format_money(amount, currency, lang),
        # The one wording of the arrangement count, shared with the API and the CLI.
        count_sentence=lambda arrangements: tally_sentence(tally(arrangements), lang),
    )
    return env


TEMPLATES = {lang: Jinja2Templates(env=_environment(lang)) for lang in LANGUAGES}


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise NotFound(f"no pages in language {lang!r} (available: {', '.join(LANGUAGES)})")
    return lang


def switch_language_path(path: str, lang: str) -> str:
    """The same page in another language: the first path segment is the language."""
    parts = path.split("/", 2)
    if len(parts) >= 2 and parts[1] in LANGUAGES:
        parts[1] = lang
        return "/".join(parts)
    return f"/{lang}/"


def render(
    request: Request,
    template: str,
    lang: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    """A page in ``lang``: gettext, the language switch and common context filled in."""
    full = {
        "lang": lang,
        "alternates": {code: switch_language_path(request.url.path, code) for code in LANGUAGES},
        **(context or {}),
    }
    return TEMPLATES[lang].TemplateResponse(request, template, full, status_code=status_code)
