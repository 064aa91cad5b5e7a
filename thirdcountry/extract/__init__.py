"""Extraction: typed, cited claims from English and Spanish text.

Public entry point (the contract other stages call):

    extract_claims(text, *, published=None, language=None) -> list[Claim]

Claims come back `pending`, each with evidence offsets into ``text``, a quote, the
extractor's name and version, and a confidence.
"""
