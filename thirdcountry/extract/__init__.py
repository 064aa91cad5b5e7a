"""Extraction: typed, cited claims from English and Spanish text.

Public entry points (the contract other stages call):

    extract_claims(text, *, published=None, language=None) -> list[Claim]
        The claims ``text`` states, each a pending :class:`~thirdcountry.domain.claims.Claim`
        with ``evidence_start``/``evidence_end`` offsets into ``text``, the ``quote`` they
        span, ``extractor`` (rule set and version, e.g. "rules-en/1.0") and ``confidence``
        (0–1). ``document_id`` is left unset: the caller sets it. ``published`` (a date)
        resolves relative dates ("in April of this year", "el pasado martes") and no claim is
        dated after it; ``language`` ("en", "es", or None/"auto") is detected per paragraph
        when not given. Never raises on text, however broken (empty, binary junk, mixed
        languages); raises :class:`~thirdcountry.domain.errors.BadInput` only for unusable
        input: not a string, longer than ``MAX_TEXT_CHARS``, a language without rules.

    detect_language(text) -> str
        ISO 639-1 code of the text's language, or "und" when it cannot be told.

    html_to_text(html) -> str  and  read_html(html) -> HtmlText
        The article text of an HTML page (trafilatura), with its title and date for
        ``read_html``.

The work is rule-based and fast (hundreds of documents per second per core): gazetteers of
states, demonyms and facilities matched with Aho-Corasick (``gazetteer.py``), sentences
(``segment.py``), numbers and dates (``numbers.py``, ``dates.py``), each sentence read for
the roles of the states it names (``reading.py``), then frames per claim kind
(``frames.py``) driven by the cues of one language (``lexicon.py``; ``rules/en.py``,
``rules/es.py``, registered in ``rules/__init__.py``). ``evaluate.py`` scores the extractor
on labelled texts.
"""

from thirdcountry.extract.html import HtmlText, html_to_text, read_html
from thirdcountry.extract.language import detect_language
from thirdcountry.extract.pipeline import MAX_TEXT_CHARS, extract_claims

__all__ = [
    "MAX_TEXT_CHARS",
    "HtmlText",
    "detect_language",
    "extract_claims",
    "html_to_text",
    "read_html",
]
