"""``extract_claims``: checks the input, splits and tags the text, runs the engine."""

from __future__ import annotations

import datetime as dt

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import BadInput
from thirdcountry.extract import engine
from thirdcountry.extract.language import best_language, detect_language
from thirdcountry.extract.rules import LanguageRules, registered
from thirdcountry.extract.segment import Span, blocks, sentences

# Longest text read as one document (about 10 MB of prose); longer input is refused with a
# clear error rather than read for minutes: split it into its documents first.
MAX_TEXT_CHARS = 10_000_000


def extract_claims(
    text: str,
    *,
    published: dt.date | None = None,
    language: str | None = None,
) -> list[Claim]:
    """The claims ``text`` states, as pending claims citing where it states them.

    ``published`` resolves relative dates ("last month", "el pasado martes") and bounds every
    date; ``language`` ("en", "es") is detected per paragraph when not given. Each claim has
    ``evidence_start``/``evidence_end`` offsets into ``text``, the ``quote`` they span, the
    ``extractor`` ("rules-en/1.0") and a ``confidence``; ``document_id`` is left for the
    caller. Raises :class:`BadInput` only for input that cannot be read: text that is not a
    string or is longer than ``MAX_TEXT_CHARS``, a ``published`` that is not a date, or a
    ``language`` without rules. Anything else, however broken, gives a (possibly empty) list.
    """
    if not isinstance(text, str):
        raise BadInput(f"extract_claims needs text (str), got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise BadInput(
            f"text is {len(text):,} characters; extraction reads at most "
            f"{MAX_TEXT_CHARS:,} per document (split it into its documents first)"
        )
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is not None and not isinstance(published, dt.date):
        raise BadInput(f"published must be a date, got {published!r}")
    rules = registered()
    chosen = _chosen_language(language, rules)
    if not text.strip() or not any(r.lexicon.relevance.search(text) for r in rules.values()):
        return []
    segments = list(_segments(text, rules, chosen))
    if not segments:
        return []
    today = max(dt.date.today(), published) if published else dt.date.today()
    return engine.extract(text, segments, published, today)


def _chosen_language(language: str | None, rules: dict[str, LanguageRules]) -> str | None:
    if language is None or language.strip().lower() in ("", "auto"):
        return None
    code = language.strip().lower().replace("_", "-").split("-")[0]
    if code not in rules:
        available = ", ".join(sorted(rules))
        raise BadInput(f"no extraction rules for language {language!r} (available: {available})")
    return code


def _segments(
    text: str, rules: dict[str, LanguageRules], language: str | None
) -> list[tuple[Span, LanguageRules]]:
    """Every sentence with the rules of its language."""
    stopwords = {code: r.lexicon.stopwords for code, r in rules.items()}
    default = language
    if default is None:
        default = best_language(text[:20_000], stopwords, None)
    if default is None:
        detected = detect_language(text)
        default = detected if detected in rules else None
    found: list[tuple[Span, LanguageRules]] = []
    for block in blocks(text):
        code = language or best_language(text[block.start : block.end], stopwords, default)
        if code is None:
            continue
        for sentence in sentences(text, block.start, block.end):
            found.append((sentence, rules[code]))
    return found
