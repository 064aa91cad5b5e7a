"""Which language a text, or a paragraph of it, is written in.

:func:`detect_language` names any language (py3langid's model, bundled with the package, no
download). Inside :func:`~thirdcountry.extract.extract_claims` each paragraph is first scored
against the stopwords of the registered rule sets, which is cheaper and more reliable on the
short paragraphs of news pages (a Spanish headline over an English story); py3langid decides
only when the stopwords do not.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from thirdcountry.domain.errors import BadInput

UNDETERMINED = "und"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 20_000


@cache
def _classify() -> Any:
    # Imported on first use: loading the model takes about a second.
    from py3langid import langid

    return langid.classify


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or ``"und"``.

    ``"und"`` (undetermined) comes back for text with too few letters to tell, such as empty
    or binary input. Raises :class:`BadInput` only when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise BadInput(f"detect_language needs text (str), got {type(text).__name__}")
    sample = text[:_SAMPLE_CHARS]
    letters = sum(len(w) for w in _WORD.findall(sample))
    if letters < 12 or letters < len(sample.strip()) * 0.3:
        return UNDETERMINED
    code, _score = _classify()(sample)
    return str(code)


@cache
def _restricted(codes: tuple[str, ...]) -> Any:
    """An identifier that only chooses among ``codes`` (the languages with rules)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # The model ships inside the package (no download); a fresh identifier keeps the
    # restriction to our languages away from py3langid's shared one.
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    known = [c for c in codes if c in identifier.nb_classes]
    if len(known) > 1:
        identifier.set_languages(known)
    return identifier


def closest_language(text: str, codes: tuple[str, ...]) -> str | None:
    """Which of ``codes`` a short text (a headline) is most likely written in."""
    if len(_WORD.findall(text)) < 3:
        return None
    code, _score = _restricted(codes).classify(text)
    return str(code) if code in codes else None


def stopword_scores(text: str, stopwords: dict[str, frozenset[str]]) -> dict[str, int]:
    """How many words of ``text`` are stopwords of each language."""
    scores = dict.fromkeys(stopwords, 0)
    for word in _WORD.findall(text.lower()):
        for code, words in stopwords.items():
            if word in words:
                scores[code] += 1
    return scores


def best_language(
    text: str, stopwords: dict[str, frozenset[str]], default: str | None
) -> str | None:
    """The registered language whose stopwords clearly dominate ``text``, else ``default``."""
    scores = stopword_scores(text, stopwords)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked:
        return default
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if score >= 2 and score >= 2 * runner_up:
        return best
    return default
