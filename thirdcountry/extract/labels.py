"""Labelled texts: what a careful reader finds in a text, read from its YAML label.

A labelled text is ``NAME.txt`` (or ``NAME.html``) with ``NAME.yaml`` beside it, in the format
of the seed's ``expected-claims.yaml``: ``document.published`` (``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``), ``claims`` (each with ``must: true`` or ``false``) and ``must_not``. A folder
holding exactly one text and one YAML (the seed's layout) pairs those two; a YAML may also
name its text in ``document.text`` (the real-news corpus keeps its texts in another, git-ignored
folder). ``document.split`` (``dev`` or ``test``) lets a run read one split only.

A label may use a claim kind this installation does not know (a kind another branch adds):
such rows are counted and left out, so a corpus can run ahead of the extractor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from thirdcountry.domain.countries import normalize_code
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import BadInput, NotFound, ValidationError
from thirdcountry.domain.vocabulary import ClaimKind
from thirdcountry.extract.engine import gazetteer
from thirdcountry.extract.html import read_html

TEXT_SUFFIXES = (".txt", ".html", ".htm")
SPLITS = ("dev", "test")


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
    published: PartialDate | None
    expected: tuple[Expected, ...]
    forbidden: tuple[Expected, ...]
    language: str = "und"  # the first of ``document.languages``, else the name's prefix


@dataclass
class Corpus:
    """The labelled texts of a folder, and what was left out of them and why."""

    texts: list[LabelledText] = field(default_factory=list)
    unknown_kinds: Counter[str] = field(default_factory=Counter)  # kind → rows left out
    missing_texts: list[str] = field(default_factory=list)  # labels whose text is not there

    def notes(self) -> list[str]:
        found: list[str] = []
        if self.unknown_kinds:
            kinds = ", ".join(f"{k} ({n})" for k, n in sorted(self.unknown_kinds.items()))
            found.append(f"left out label rows of kinds this version does not know: {kinds}")
        if self.missing_texts:
            found.append(
                f"{len(self.missing_texts)} labels have no text here and were skipped "
                f"(first: {self.missing_texts[0]})"
            )
        return found


def load_labelled(directory: Path) -> list[LabelledText]:
    """Every labelled text of ``directory``, sorted by name."""
    return load_corpus(directory).texts


def load_corpus(directory: Path, split: str | None = None) -> Corpus:
    """The labelled texts of ``directory`` (only those of ``split`` when given)."""
    if not directory.is_dir():
        raise NotFound(f"{directory} is not a folder of labelled texts")
    if split is not None and split not in SPLITS:
        raise BadInput(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    labels = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml"))
    texts = sorted(p for p in directory.iterdir() if p.suffix in TEXT_SUFFIXES)
    corpus = Corpus()
    for label in labels:
        raw = _read_label(label)
        document = raw.get("document") or {}
        if not isinstance(document, dict):
            raise BadInput(f"{label}: document must be a mapping")
        if split is not None and document.get("split") != split:
            continue
        named = document.get("text")
        text_path = _text_for(label, texts, named)
        if text_path is None:
            if isinstance(named, str):
                corpus.missing_texts.append(label.stem)
            continue
        corpus.texts.append(_labelled(label, text_path, raw, corpus.unknown_kinds))
    if not corpus.texts:
        which = f" of split {split!r}" if split else ""
        raise NotFound(f"{directory} holds no labelled texts{which} (NAME.txt with NAME.yaml)")
    return corpus


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
        return path if path.is_file() else None
    for suffix in TEXT_SUFFIXES:
        candidate = label.with_suffix(suffix)
        if candidate.exists():
            return candidate
    labels = [p for p in label.parent.iterdir() if p.suffix in (".yaml", ".yml")]
    if len(texts) == 1 and len(labels) == 1:
        return texts[0]
    return None


def _published(label: Path, raw: object) -> PartialDate | None:
    if raw is None:
        return None
    try:
        return PartialDate.parse(raw)
    except ValidationError:
        raise BadInput(
            f"{label}: document.published {raw!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        ) from None


def _language(label: Path, document: dict[str, Any]) -> str:
    languages = document.get("languages")
    if isinstance(languages, list) and languages:
        return str(languages[0]).lower()
    if isinstance(languages, str) and languages:
        return languages.lower()
    prefix = label.stem.split("-", 1)[0].lower()
    return prefix if len(prefix) == 2 and prefix.isalpha() else "und"


def _labelled(
    label: Path, text_path: Path, raw: dict[str, Any], unknown: Counter[str]
) -> LabelledText:
    document = raw.get("document") or {}
    published = _published(label, document.get("published"))
    if text_path.suffix == ".txt":
        text = text_path.read_text(encoding="utf-8", errors="replace")
    else:
        page = read_html(text_path.read_bytes())
        text = page.text
        if published is None and page.published is not None:
            published = PartialDate.parse(page.published)
    claims = raw.get("claims") or []
    forbidden = raw.get("must_not") or []
    if not isinstance(claims, list) or not isinstance(forbidden, list):
        raise BadInput(f"{label}: claims and must_not must be lists")
    expected = _rows(label, claims, unknown, pattern=False)
    patterns = _rows(label, forbidden, unknown, pattern=True)
    return LabelledText(
        name=label.stem,
        text=text,
        published=published,
        expected=expected + implied_statuses(expected, patterns),
        forbidden=patterns,
        language=_language(label, document),
    )


def implied_statuses(
    expected: tuple[Expected, ...], forbidden: tuple[Expected, ...]
) -> tuple[Expected, ...]:
    """A *may* ``implemented`` status for each pair a labelled transfer moved people between.

    A text that reports people moved from X to Y states that the X–Y arrangement is carried
    out, whether or not the labeller wrote the status down; labels differ on this, so the
    status is allowed (never required). Not when the label already has a status for the pair
    or a ``must_not`` names one."""
    status = ClaimKind.ARRANGEMENT_STATUS
    pairs = {
        (e.sender, e.receiver)
        for e in expected
        if e.kind is ClaimKind.TRANSFER and e.sender and e.receiver
    }
    stated = {(e.sender, e.receiver) for e in expected if e.kind is status}
    implied: list[Expected] = []
    for sender, receiver in sorted(pairs - stated):  # type: ignore[arg-type]
        claim = Expected(status, False, sender, receiver, values=("implemented",))
        if not any(_names(pattern, claim) for pattern in forbidden):
            implied.append(claim)
    return tuple(implied)


def _names(pattern: Expected, claim: Expected) -> bool:
    """Whether a ``must_not`` pattern covers ``claim`` (the fields the pattern gives)."""
    return (
        pattern.kind is claim.kind
        and pattern.sender in (None, claim.sender)
        and pattern.receiver in (None, claim.receiver)
        and (not pattern.values or bool(set(pattern.values) & set(claim.values)))
    )


def _rows(
    label: Path, rows: list[object], unknown: Counter[str], *, pattern: bool
) -> tuple[Expected, ...]:
    known = {k.value for k in ClaimKind}
    found: list[Expected] = []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("kind"), str) and row["kind"] not in known:
            unknown[row["kind"]] += 1
            continue
        found.append(_expected(label, row, pattern=pattern))
    return tuple(found)


def _expected(label: Path, row: object, *, pattern: bool) -> Expected:
    if not isinstance(row, dict):
        raise BadInput(f"{label}: each claim must be a mapping, got {row!r}")
    try:
        kind = ClaimKind(row["kind"])
        values = row.get("value")
        values = (
            tuple(str(v) for v in values)
            if isinstance(values, list)
            else ((str(values),) if values is not None else ())
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
