"""``extract_claims``: checks the input, splits and tags the text, runs the engine."""

from __future__ import annotations

import datetime as dt
import re

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import BadInput, ValidationError
from thirdcountry.extract import engine
from thirdcountry.extract.calibration import calibrate
from thirdcountry.extract.language import (
    UNDETERMINED,
    best_language,
    closest_language,
    detect_language,
    stopword_scores,
)
from thirdcountry.extract.rules import LanguageRules, registered
from thirdcountry.extract.segment import Span, blocks, sentences

# Longest text read as one document (2 million characters: a long book). Longer input is
# refused with a clear error rather than read for minutes: split it into its documents first.
MAX_TEXT_CHARS = 2_000_000
# From this length on, the language model's verdict on a whole document is trusted.
_RELIABLE_CHARS = 300


def extract_claims(
    text: str,
    *,
    published: dt.date | PartialDate | str | None = None,
    language: str | None = None,
) -> list[Claim]:
    """The claims ``text`` states, as pending claims citing where it states them, each with
    a calibrated ``confidence`` (``calibration.py``): about that share of such claims is
    right. The arguments and errors are those of :func:`extract_raw`."""
    return calibrate(extract_raw(text, published=published, language=language))


def extract_raw(
    text: str,
    *,
    published: dt.date | PartialDate | str | None = None,
    language: str | None = None,
) -> list[Claim]:
    """The claims ``text`` states, with the rules' own scores as ``confidence`` (what the
    calibration is fitted on; :func:`extract_claims` gives calibrated ones).

    ``published`` resolves relative dates ("last month", "el pasado martes") and bounds every
    date; it may be a day, or only a month or a year (a :class:`PartialDate`, or
    ``"YYYY-MM"``/``"YYYY"``), and no date is then resolved more precisely than it allows;
    ``language`` ("en", "es") is detected per paragraph when not given. Each claim has
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
    when = _publication(published)
    rules = registered()
    chosen = _chosen_language(language, rules)
    if not text.strip() or not any(r.lexicon.relevance.search(text) for r in rules.values()):
        return []
    segments = list(_segments(text, rules, chosen))
    if not segments:
        return []
    today = max(dt.date.today(), when.end) if when else dt.date.today()
    return engine.extract(text, segments, when, today)


def _publication(published: object) -> PartialDate | None:
    """The publication date as a day, month or year; BadInput when it is none of these."""
    if published is None:
        return None
    if isinstance(published, bool) or not isinstance(published, dt.date | PartialDate | str):
        raise BadInput(f"published must be a date, got {published!r}")
    try:
        return PartialDate.parse(published)
    except ValidationError:
        raise BadInput(
            f"published must be a date (YYYY-MM-DD, YYYY-MM or YYYY), got {published!r}"
        ) from None


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
        # The language model names the document's language among all languages, so a
        # French page is not read with Spanish rules because it shares "de" and "la".
        # Short texts (a headline, a sentence of names) fool the model: they go by stopwords.
        detected = detect_language(text)
        if detected in rules:
            default = detected
        elif detected != UNDETERMINED and len(text.strip()) >= _RELIABLE_CHARS:
            return []
        else:
            default = best_language(text[:20_000], stopwords, None)
    found: list[tuple[Span, LanguageRules]] = []
    codes = tuple(sorted(rules))
    for block in blocks(text):
        block_code = language or best_language(text[block.start : block.end], stopwords, default)
        for line in _LINE.finditer(text, block.start, block.end):
            code = language or _line_language(line.group(0), stopwords, codes) or block_code
            if code is None:
                continue
            for sentence in sentences(text, line.start(), line.end()):
                found.append((sentence, rules[code]))
    return found


_LINE = re.compile(r"[^\n]+")


def _line_language(
    line: str, stopwords: dict[str, frozenset[str]], codes: tuple[str, ...]
) -> str | None:
    """The language of one line when it says clearly (a Spanish headline over an English
    story): by stopwords, else for a short line by the language model."""
    code = best_language(line, stopwords, None)
    if code is not None:
        return code
    if sum(stopword_scores(line, stopwords).values()) <= 2 and len(line) < 200:
        return closest_language(line, codes)
    return None
