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
