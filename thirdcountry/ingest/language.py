"""Which language a document is written in, among those the project stores."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from thirdcountry.domain.documents import LANGUAGES

# Below this many letters a guess is noise; below this probability it is not a decision.
_MIN_LETTERS = 40
_MIN_CONFIDENCE = 0.8


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # Only the languages a document may be stored with: the classifier then never picks
    # a look-alike we could not store (Catalan for Spanish, Afrikaans for Dutch).
    identifier.set_languages(sorted(LANGUAGES - {"und"}))
    return identifier


def detect_language(text: str, *, declared: str | None = None) -> str | None:
    """The text's language (ISO 639-1), else the page's declared one, else None.

    The text decides when there is enough of it: pages often declare their CMS's
    default language rather than the article's.
    """
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) >= _MIN_LETTERS:
        language, confidence = _identifier().classify(sample)
        if confidence >= _MIN_CONFIDENCE:
            return str(language)
    if declared:
        primary = declared.strip().lower().replace("_", "-").split("-", 1)[0]
        if primary in LANGUAGES and primary != "und":
            return primary
    return None
