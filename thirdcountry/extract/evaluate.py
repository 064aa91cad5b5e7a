"""Scoring the extractor against labelled texts (``thirdcountry eval DIR``).

Labelled texts are read by ``labels.py``. Matching is by kind, sender, receiver, value, count,
amount/currency and facility, with the date compatible at the labelled precision:

- an expected claim is **found** when an extracted claim has every field the label gives
  (a value among the label's values; a date inside the labelled period, at least as precise);
- an extracted claim is **correct** when it is compatible with some expected claim, ``must``
  or not; a field the extractor left unset does not count against it (a vaguer true claim is
  not false), but a field it set must agree.

Precision is correct / extracted, recall is found / ``must`` claims, per kind and overall, and
the same per language (a text's first labelled language). Each miss is shown with the
sentence of the text that best fits it, each false positive with the sentence it quotes.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.vocabulary import ClaimKind, DatePrecision
from thirdcountry.extract.engine import gazetteer
from thirdcountry.extract.labels import (
    Corpus,
    Expected,
    LabelledText,
    load_corpus,
    load_labelled,
)
from thirdcountry.extract.pipeline import extract_claims
from thirdcountry.extract.segment import sentences

_FINENESS = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}

Extractor = Callable[..., list[Claim]]


@dataclass
class KindScore:
    extracted: int = 0
    correct: int = 0
    must: int = 0
    found: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.must if self.must else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def add(self, other: KindScore) -> None:
        self.extracted += other.extracted
        self.correct += other.correct
        self.must += other.must
        self.found += other.found

    def to_dict(self) -> dict[str, Any]:
        return {
            "extracted": self.extracted,
            "correct": self.correct,
            "must": self.must,
            "found": self.found,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass(frozen=True)
class Miss:
    """A ``must`` claim no extracted claim gives, with the sentence that best fits it."""

    text: str  # the labelled text's name
    expected: Expected
    sentence: str


@dataclass(frozen=True)
class FalsePositive:
    """An extracted claim no label allows; ``forbidden`` when a ``must_not`` entry names it."""

    text: str
    claim: Claim
    forbidden: bool


@dataclass(frozen=True)
class Scored:
    """One extracted claim and whether the labels allow it (what calibration is fitted on)."""

    text: str
    language: str
    claim: Claim
    correct: bool


@dataclass
class Evaluation:
    texts: int = 0
    kinds: dict[ClaimKind, KindScore] = field(default_factory=dict)
    languages: dict[str, dict[ClaimKind, KindScore]] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    scored: list[Scored] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the labels left out and why

    @property
    def overall(self) -> KindScore:
        return _total(self.kinds)

    def language_overall(self, language: str) -> KindScore:
        return _total(self.languages.get(language, {}))

    def kind(self, kind: ClaimKind, language: str | None = None) -> KindScore:
        if language is not None:
            self.languages.setdefault(language, {}).setdefault(kind, KindScore())
        return self.kinds.setdefault(kind, KindScore())

    def _count(self, kind: ClaimKind, language: str) -> tuple[KindScore, KindScore]:
        self.kind(kind, language)
        return self.kinds[kind], self.languages[language][kind]

    def reliability(self) -> list[Bin]:
        """How often claims are right, by band of confidence (the reliability table)."""
        return reliability(self.scored)

    def to_dict(self) -> dict[str, Any]:
        def kinds(table: Mapping[ClaimKind, KindScore]) -> dict[str, Any]:
            return {k.value: table[k].to_dict() for k in ClaimKind if k in table}

        return {
            "texts": self.texts,
            "overall": self.overall.to_dict(),
            "kinds": kinds(self.kinds),
            "languages": {
                code: {"overall": _total(table).to_dict(), "kinds": kinds(table)}
                for code, table in sorted(self.languages.items())
            },
            "misses": [
                {"text": m.text, "claim": m.expected.describe(), "sentence": m.sentence}
                for m in self.misses
            ],
            "false_positives": [
                {"text": f.text, "claim": f.claim.to_dict(), "must_not": f.forbidden}
                for f in self.false_positives
            ],
            "reliability": [b.to_dict() for b in self.reliability()],
            "notes": list(self.notes),
        }


# Bands of the reliability table; the last one holds the claims a policy may accept unseen.
RELIABILITY_BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.0)


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    claims: int
    correct: int
    mean_confidence: float | None

    @property
    def share(self) -> float | None:
        return self.correct / self.claims if self.claims else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "confidence": f"{self.low:.1f}–{self.high:.1f}",
            "claims": self.claims,
            "correct": self.correct,
            "share_correct": _round(self.share),
            "mean_confidence": _round(self.mean_confidence),
        }


def reliability(scored: Iterable[Scored], bands: Sequence[float] = RELIABILITY_BANDS) -> list[Bin]:
    """Claims by band of confidence ``[low, high)`` (the last band includes its top), with
    how many were right: a calibrated extractor's share correct matches its confidence."""
    rows = [(s.claim.confidence, s.correct) for s in scored if s.claim.confidence is not None]
    found = []
    for number, (low, high) in enumerate(itertools.pairwise(bands)):
        last = number == len(bands) - 2
        inside = [(c, ok) for c, ok in rows if low <= c < high or (last and c == high)]
        mean = sum(c for c, _ in inside) / len(inside) if inside else None
        found.append(Bin(low, high, len(inside), sum(ok for _, ok in inside), mean))
    return found


def _total(table: Mapping[ClaimKind, KindScore]) -> KindScore:
    total = KindScore()
    for score_ in table.values():
        total.add(score_)
    return total


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


# --- matching ---------------------------------------------------------------------------------


def matches(claim: Claim, expected: Expected, *, lenient: bool) -> bool:
    """Whether ``claim`` satisfies ``expected`` (``lenient``: unset claim fields are allowed)."""
    if claim.kind is not expected.kind:
        return False
    if expected.sender and claim.sender != expected.sender:
        return False
    if expected.receiver and claim.receiver != expected.receiver:
        return False
    if expected.values and claim.value not in expected.values:
        return False
    checks: list[tuple[object, object, Callable[[Any, Any], bool]]] = [
        (claim.count, expected.count, lambda a, b: a == b),
        (claim.amount, expected.amount, lambda a, b: Decimal(a) == b),
        (claim.currency, expected.currency, lambda a, b: a == b),
        (claim.facility, expected.facility, _same_facility),
    ]
    for got, wanted, same in checks:
        if wanted is None:
            continue
        if got is None:
            if lenient:
                continue
            return False
        if not same(got, wanted):
            return False
    if expected.date is not None:
        when = claim.when
        if when is None:
            return lenient
        if lenient:
            return when.gap_days(expected.date) == 0
        return (
            _FINENESS[when.precision] <= _FINENESS[expected.date.precision]
            and expected.date.start <= when.start
            and when.end <= expected.date.end
        )
    return True


def _same_facility(got: str, wanted: str) -> bool:
    names = gazetteer()
    return names.canonical_facility(got).casefold() == names.canonical_facility(wanted).casefold()


def score(labelled: LabelledText, claims: Iterable[Claim], evaluation: Evaluation) -> None:
    """Add one text's result to ``evaluation``."""
    claims = list(claims)
    evaluation.texts += 1
    language = labelled.language
    for expected in labelled.expected:
        if not expected.must:
            continue
        scores = evaluation._count(expected.kind, language)
        for score_ in scores:
            score_.must += 1
        if any(matches(c, expected, lenient=False) for c in claims):
            for score_ in scores:
                score_.found += 1
        else:
            sentence = best_sentence(labelled.text, expected)
            evaluation.misses.append(Miss(labelled.name, expected, sentence))
    for claim in claims:
        scores = evaluation._count(claim.kind, language)
        correct = any(matches(claim, e, lenient=True) for e in labelled.expected)
        for score_ in scores:
            score_.extracted += 1
            score_.correct += correct
        evaluation.scored.append(Scored(labelled.name, language, claim, correct))
        if not correct:
            forbidden = any(matches(claim, f, lenient=False) for f in labelled.forbidden)
            evaluation.false_positives.append(FalsePositive(labelled.name, claim, forbidden))


def best_sentence(text: str, expected: Expected) -> str:
    """The sentence of ``text`` that most looks like where ``expected`` is stated: it names
    the receiver (most), the sender, the facility, and holds the count's digits."""
    names = gazetteer()
    best, best_score = "", 0
    for span in sentences(text):
        piece = text[span.start : span.end]
        codes = {m.code for m in names.mentions(piece) if m.code}
        points = 0
        if expected.receiver and expected.receiver in codes:
            points += 3
        if expected.sender and expected.sender in codes:
            points += 1
        if expected.count is not None and f"{expected.count:,}".replace(",", "") in (
            piece.replace(",", "").replace(".", "")
        ):
            points += 2
        if expected.facility and expected.facility.casefold() in piece.casefold():
            points += 2
        if points > best_score:
            best, best_score = piece, points
    return best


def evaluate(
    directory: Path, extractor: Extractor = extract_claims, *, split: str | None = None
) -> Evaluation:
    """Run ``extractor`` over every labelled text of ``directory`` (of ``split`` only, when
    given) and score it."""
    corpus: Corpus = load_corpus(directory, split)
    evaluation = Evaluation(notes=corpus.notes())
    for labelled in corpus.texts:
        claims = extractor(labelled.text, published=labelled.published)
        score(labelled, claims, evaluation)
    return evaluation


# --- floors -----------------------------------------------------------------------------------


def load_floors(path: Path) -> dict[str, Any]:
    try:
        floors = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BadInput(f"{path}: cannot read quality floors ({exc})") from None
    if not isinstance(floors, dict):
        raise BadInput(f"{path}: quality floors must be a JSON object")
    return floors


def below_floors(evaluation: Evaluation, floors: Mapping[str, Any]) -> list[str]:
    """Each precision or recall under its floor, as a sentence; empty when all hold."""
    failures: list[str] = []
    checks: list[tuple[str, KindScore, Mapping[str, Any]]] = [
        ("overall", evaluation.overall, floors.get("overall") or {})
    ]
    for name, limits in (floors.get("kinds") or {}).items():
        checks.append((name, evaluation.kind(ClaimKind(name)), limits))
    for name, result, limits in checks:
        for measure in ("precision", "recall"):
            floor = limits.get(measure)
            value = getattr(result, measure)
            if floor is not None and value is not None and value + 1e-9 < float(floor):
                failures.append(f"{name} {measure} {value:.3f} is below its floor {floor}")
    return failures


__all__ = [
    "Bin",
    "Evaluation",
    "Expected",
    "FalsePositive",
    "KindScore",
    "LabelledText",
    "Miss",
    "Scored",
    "below_floors",
    "best_sentence",
    "evaluate",
    "load_floors",
    "load_labelled",
    "matches",
    "reliability",
    "score",
]
