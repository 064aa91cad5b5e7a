"""Scoring the extractor against labelled texts (``thirdcountry eval DIR``).

A labelled text is ``NAME.txt`` (or ``NAME.html``) with ``NAME.yaml`` beside it, in the format
of the seed's ``expected-claims.yaml``: ``document.published``, ``claims`` (each with
``must: true`` or ``false``) and ``must_not``. A folder holding exactly one text and one YAML
(the seed's layout) pairs those two; a YAML may also name its text in ``document.text``.

Matching is by kind, sender, receiver, value, count, amount/currency and facility, with the
date compatible at the labelled precision:

- an expected claim is **found** when an extracted claim has every field the label gives
  (a value among the label's values; a date inside the labelled period, at least as precise);
- an extracted claim is **correct** when it is compatible with some expected claim, ``must``
  or not; a field the extractor left unset does not count against it (a vaguer true claim is
  not false), but a field it set must agree.

Precision is correct / extracted, recall is found / ``must`` claims, per kind and overall.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import normalize_code
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import BadInput, NotFound, ValidationError
from thirdcountry.domain.vocabulary import ClaimKind, DatePrecision
from thirdcountry.extract.engine import gazetteer
from thirdcountry.extract.html import read_html
from thirdcountry.extract.pipeline import extract_claims

TEXT_SUFFIXES = (".txt", ".html", ".htm")
_FINENESS = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}

Extractor = Callable[..., list[Claim]]


@dataclass(frozen=True)
class Expected:
    """One labelled claim (or a ``must_not`` pattern)."""

    kind: ClaimKind
    must: bool = True
    sender: str | None = None
    receiver: str | None = None
    values: tuple[str, ...] = ()
    count: int | None = None
    amount: Decimal | None = None
    currency: str | None = None
    facility: str | None = None
    date: PartialDate | None = None
    nationalities: tuple[str, ...] = ()

    def describe(self) -> str:
        parts = [self.kind.value, f"{self.sender or '?'}→{self.receiver or '?'}"]
        if self.values:
            parts.append("|".join(self.values))
        if self.count is not None:
            parts.append(f"{self.count} people")
        if self.amount is not None:
            parts.append(f"{self.amount} {self.currency or ''}".strip())
        if self.facility:
            parts.append(f"@ {self.facility}")
        if self.date:
            parts.append(self.date.isoformat())
        return " ".join(parts)


@dataclass(frozen=True)
class LabelledText:
    name: str
    text: str
    published: dt.date | None
    expected: tuple[Expected, ...]
    forbidden: tuple[Expected, ...]


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


@dataclass
class Evaluation:
    texts: int = 0
    kinds: dict[ClaimKind, KindScore] = field(default_factory=dict)
    misses: list[tuple[str, Expected]] = field(default_factory=list)
    false_positives: list[tuple[str, Claim, bool]] = field(default_factory=list)  # bool: must_not

    @property
    def overall(self) -> KindScore:
        total = KindScore()
        for score in self.kinds.values():
            total.add(score)
        return total

    def kind(self, kind: ClaimKind) -> KindScore:
        return self.kinds.setdefault(kind, KindScore())

    def to_dict(self) -> dict[str, Any]:
        return {
            "texts": self.texts,
            "overall": self.overall.to_dict(),
            "kinds": {k.value: self.kinds[k].to_dict() for k in ClaimKind if k in self.kinds},
            "misses": [{"text": n, "claim": e.describe()} for n, e in self.misses],
            "false_positives": [
                {"text": n, "claim": c.to_dict(), "must_not": forbidden}
                for n, c, forbidden in self.false_positives
            ],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


# --- reading labels -------------------------------------------------------------------------


def load_labelled(directory: Path) -> list[LabelledText]:
    """Every labelled text of ``directory``, sorted by name."""
    if not directory.is_dir():
        raise NotFound(f"{directory} is not a folder of labelled texts")
    labels = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml"))
    texts = sorted(p for p in directory.iterdir() if p.suffix in TEXT_SUFFIXES)
    found: list[LabelledText] = []
    for label in labels:
        raw = _read_label(label)
        document = raw.get("document") or {}
        named = document.get("text") if isinstance(document, dict) else None
        text_path = _text_for(label, texts, named)
        if text_path is None:
            continue
        found.append(_labelled(label, text_path, raw))
    if not found:
        raise NotFound(f"{directory} holds no labelled texts (NAME.txt with NAME.yaml)")
    return found


def _read_label(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BadInput(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(raw, dict):
        raise BadInput(f"{path}: expected a mapping with document, claims and must_not")
    return raw


def _text_for(label: Path, texts: list[Path], named: object) -> Path | None:
    if isinstance(named, str):
        path = label.parent / named
        if not path.exists():
            raise BadInput(f"{label}: document.text names {named!r}, which does not exist")
        return path
    for suffix in TEXT_SUFFIXES:
        candidate = label.with_suffix(suffix)
        if candidate.exists():
            return candidate
    labels = [p for p in label.parent.iterdir() if p.suffix in (".yaml", ".yml")]
    if len(texts) == 1 and len(labels) == 1:
        return texts[0]
    return None


def _labelled(label: Path, text_path: Path, raw: dict[str, Any]) -> LabelledText:
    document = raw.get("document") or {}
    published = document.get("published") if isinstance(document, dict) else None
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            raise BadInput(f"{label}: document.published {published!r} is not a date") from None
    if published is not None and not isinstance(published, dt.date):
        raise BadInput(f"{label}: document.published must be a date")
    if text_path.suffix == ".txt":
        text = text_path.read_text(encoding="utf-8", errors="replace")
    else:
        page = read_html(text_path.read_bytes())
        text, published = page.text, published or page.published
    claims = raw.get("claims") or []
    forbidden = raw.get("must_not") or []
    if not isinstance(claims, list) or not isinstance(forbidden, list):
        raise BadInput(f"{label}: claims and must_not must be lists")
    return LabelledText(
        name=label.stem,
        text=text,
        published=published,
        expected=tuple(_expected(label, row, pattern=False) for row in claims),
        forbidden=tuple(_expected(label, row, pattern=True) for row in forbidden),
    )


def _expected(label: Path, row: object, *, pattern: bool) -> Expected:
    if not isinstance(row, dict):
        raise BadInput(f"{label}: each claim must be a mapping, got {row!r}")
    try:
        kind = ClaimKind(row["kind"])
        values = row.get("value")
        values = tuple(str(v) for v in values) if isinstance(values, list) else (
            (str(values),) if values is not None else ()
        )
        amount = row.get("amount")
        return Expected(
            kind=kind,
            must=bool(row.get("must", True)) and not pattern,
            sender=normalize_code(row["sender"]) if row.get("sender") else None,
            receiver=normalize_code(row["receiver"]) if row.get("receiver") else None,
            values=values,
            count=int(row["count"]) if row.get("count") is not None else None,
            amount=Decimal(str(amount)) if amount is not None else None,
            currency=str(row["currency"]).upper() if row.get("currency") else None,
            facility=gazetteer().canonical_facility(str(row["facility"]))
            if row.get("facility")
            else None,
            date=PartialDate.parse(row["date"]) if row.get("date") is not None else None,
            nationalities=tuple(normalize_code(c) for c in row.get("nationalities") or ()),
        )
    except (KeyError, ValueError, InvalidOperation, ValidationError) as exc:
        raise BadInput(f"{label}: bad claim {row!r} ({exc})") from None


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
    for expected in labelled.expected:
        if not expected.must:
            continue
        score_ = evaluation.kind(expected.kind)
        score_.must += 1
        if any(matches(c, expected, lenient=False) for c in claims):
            score_.found += 1
        else:
            evaluation.misses.append((labelled.name, expected))
    for claim in claims:
        score_ = evaluation.kind(claim.kind)
        score_.extracted += 1
        if any(matches(claim, e, lenient=True) for e in labelled.expected):
            score_.correct += 1
        else:
            forbidden = any(matches(claim, f, lenient=False) for f in labelled.forbidden)
            evaluation.false_positives.append((labelled.name, claim, forbidden))


def evaluate(directory: Path, extractor: Extractor = extract_claims) -> Evaluation:
    """Run ``extractor`` over every labelled text of ``directory`` and score it."""
    evaluation = Evaluation()
    for labelled in load_labelled(directory):
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
