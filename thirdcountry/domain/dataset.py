"""The dataset file format: a set of documents and the claims they support.

```yaml
dataset: {name: starter, version: "2025.06.12", changelog: [...]}   # optional
documents:
  - {id: d1, url: "https://…", outlet: "CBS News", published: 2025-06-12, language: en,
     title: "…", kind: news, copy_of: d0}
claims:
  - {document: d1, kind: transfer, sender: US, receiver: SV, count: 238, date: 2025-04,
     facility: CECOT, review_state: accepted}
```

Document ``id``s are local to the file. ``copy_of`` marks a syndicated copy of another
document of the file (one source, several copies). Parsing collects every problem, one
line each naming the item, so a file is fixed in one pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from thirdcountry.domain.claims import CONTRACT_FIELDS, Claim
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.documents import Document, validate_document
from thirdcountry.domain.errors import BadInput, ValidationError
from thirdcountry.domain.vocabulary import DocumentKind

DOCUMENT_FIELDS = frozenset(
    {"id", "url", "outlet", "title", "published", "language", "kind", "author", "text", "copy_of"}
)
CLAIM_FIELDS = frozenset(CONTRACT_FIELDS) - {"document_id"} | {"document"}


class DatasetError(BadInput):
    """A dataset file with problems; ``problems`` holds one line per problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        if len(problems) == 1:  # one problem, one line
            super().__init__(f"{source}: {problems[0]}; nothing loaded")
            return
        lines = [f"{source}: {p}" for p in problems]
        super().__init__(f"{source}: {len(problems)} problems, nothing loaded\n" + "\n".join(lines))


@dataclass(frozen=True, slots=True)
class DatasetDocument:
    local_id: str
    document: Document
    copy_of: str | None


@dataclass(frozen=True, slots=True)
class DatasetClaim:
    number: int
    document: str | None  # local document id
    claim: Claim
    explicit_id: bool


@dataclass(slots=True)
class Dataset:
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
    documents: list[DatasetDocument] = field(default_factory=list)
    claims: list[DatasetClaim] = field(default_factory=list)


def parse_dataset(data: Any, source: str, *, today: date | None = None) -> Dataset:
    """Validate a loaded YAML/JSON structure; raise DatasetError listing every problem."""
    problems: list[str] = []
    if not isinstance(data, Mapping):
        raise DatasetError(source, ["top level must be a mapping with documents and claims"])
    unknown = set(data) - {"dataset", "documents", "claims"}
    if unknown:
        problems.append(f"unknown top-level key(s): {', '.join(sorted(map(str, unknown)))}")
    dataset = Dataset(source=source)
    meta = data.get("dataset") or {}
    if not isinstance(meta, Mapping):
        problems.append("dataset: must be a mapping (name, version, changelog…)")
    else:
        dataset.meta = dict(meta)

    documents = data.get("documents") or []
    claims = data.get("claims") or []
    if not isinstance(documents, list):
        problems.append("documents: must be a list")
        documents = []
    if not isinstance(claims, list):
        problems.append("claims: must be a list")
        claims = []

    local_ids: set[str] = set()
    for number, item in enumerate(documents, start=1):
        where = f"document #{number}"
        try:
            parsed = _parse_document(item, where)
        except ValidationError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if parsed.local_id in local_ids:
            problems.append(f"{where}: id {parsed.local_id!r} is used twice")
            continue
        local_ids.add(parsed.local_id)
        dataset.documents.append(parsed)
    for parsed in dataset.documents:
        if parsed.copy_of is not None and parsed.copy_of not in local_ids:
            problems.append(
                f"document {parsed.local_id!r}: copy_of names a missing document {parsed.copy_of!r}"
            )

    published = {d.local_id: d.document.published_date for d in dataset.documents}
    for number, item in enumerate(claims, start=1):
        where = f"claim #{number}"
        parsed_or_problems = _parse_claim_fully(item, number, today)
        if isinstance(parsed_or_problems, list):
            problems += [f"{where}: {problem}" for problem in parsed_or_problems]
            continue
        parsed_claim = parsed_or_problems
        if parsed_claim.document is not None and parsed_claim.document not in local_ids:
            problems.append(f"{where}: document {parsed_claim.document!r} is not in this file")
            continue
        problem = _date_after_publication(parsed_claim, published)
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        dataset.claims.append(parsed_claim)
    if problems:
        raise DatasetError(source, problems)
    return dataset


def _date_after_publication(
    item: DatasetClaim, published: Mapping[str, PartialDate | None]
) -> str | None:
    """A claim cannot report something dated after its own source was published."""
    pub = published.get(item.document or "")
    if pub is None:
        return None
    # A total's period cannot end after the report that counts it.
    for name, when in (("date", item.claim.when), ("period_end", item.claim.period_to)):
        if when is not None and when.start > pub.end:
            return f"{name} {when} is after its document's publication ({pub})"
    return None


def _parse_document(item: Any, where: str) -> DatasetDocument:
    if not isinstance(item, Mapping):
        raise ValidationError("must be a mapping")
    unknown = set(item) - DOCUMENT_FIELDS
    if unknown:
        raise ValidationError(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    local_id = item.get("id")
    if local_id is None or str(local_id).strip() == "":
        raise ValidationError("needs an id (claims refer to it)")
    published = None
    if item.get("published") is not None:
        try:
            published = PartialDate.parse(item["published"])
        except ValidationError as exc:
            raise ValidationError(f"published: {exc}", "published") from None
    try:
        kind = DocumentKind(item.get("kind") or DocumentKind.NEWS.value)
    except ValueError:
        allowed = ", ".join(k.value for k in DocumentKind)
        raise ValidationError(f"kind {item.get('kind')!r} is not one of: {allowed}") from None
    text = item.get("text")
    if text is not None and not isinstance(text, str):
        raise ValidationError(f"text must be a string, got {type(text).__name__}", "text")
    doc = Document(
        url=_text(item.get("url")),
        outlet=_text(item.get("outlet")),
        title=_text(item.get("title")),
        published=published.value if published else None,
        published_precision=published.precision if published else None,
        language=_text(item.get("language")),
        kind=kind,
        author=_text(item.get("author")),
        text=text,
    )
    copy_of = item.get("copy_of")
    return DatasetDocument(str(local_id), validate_document(doc), str(copy_of) if copy_of else None)


def _text(raw: Any) -> str | None:
    if raw is None:
        return None
    return str(raw).strip() or None


# More problems than this in one claim are not worth listing one by one.
_MAX_PROBLEMS = 12
# Valid stand-ins for a faulty state, so that the check can look past it (never stored:
# a claim with a problem is not loaded).
_STAND_INS = {"sender": "AQ", "receiver": "BV"}


def _parse_claim_fully(item: Any, number: int, today: date | None) -> DatasetClaim | list[str]:
    """The claim, or every problem it has, not only the first: each field a check names is
    set aside and the claim checked again, so a claim with four faults gets four lines."""
    problems: list[str] = []
    set_aside: set[str] = set()
    remaining = dict(item) if isinstance(item, Mapping) else item
    while len(problems) < _MAX_PROBLEMS:
        try:
            parsed = _parse_claim(remaining, number, today)
        except ValidationError as exc:
            field = exc.field
            if field in set_aside:
                break  # "needs a count" once the faulty count is set aside: said already
            problems.append(str(exc))
            if field is not None:
                set_aside.add(field)
            if not isinstance(remaining, dict) or field is None or field not in remaining:
                break  # a fault of the whole claim: nothing to set aside and look past
            remaining = {k: v for k, v in remaining.items() if k != field}
            if field in _STAND_INS:
                remaining[field] = _STAND_INS[field]  # a pair kind needs both states
            continue
        return problems if problems else parsed
    return problems


def _parse_claim(item: Any, number: int, today: date | None) -> DatasetClaim:
    if not isinstance(item, Mapping):
        raise ValidationError("must be a mapping")
    unknown = set(item) - CLAIM_FIELDS
    if unknown:
        raise ValidationError(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    fields = {k: v for k, v in item.items() if k != "document"}
    if "nationalities" in fields and fields["nationalities"] is not None:
        if not isinstance(fields["nationalities"], list):
            raise ValidationError("nationalities must be a list of country codes")
        fields["nationalities"] = tuple(fields["nationalities"])
    if "id" in fields:
        fields["id"] = str(fields["id"])
    claim = Claim.from_dict(fields, today=today)
    document = item.get("document")
    return DatasetClaim(
        number, str(document) if document is not None else None, claim, "id" in item
    )
