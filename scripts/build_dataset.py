"""Regenerate the bundled dataset (thirdcountry/data/dataset.yaml) from the research reference.

    python scripts/build_dataset.py [REFERENCE] [--out FILE] [--curation FILE]
                                    [--version YYYY.MM.DD[.N]] [--note TEXT] [--check]
                                    [--strict] [--research FILE]... [--no-research]

REFERENCE defaults to ../shared/reference/arrangements.yaml next to the repository; the
project's own research files (scripts/research/*.yaml) are merged into it first
(scripts/research_merge.py). Each
fact of the reference becomes one claim per source that reports it; each distinct source
URL becomes one document. What cannot be read off a fact's own fields (contradictions,
court rulings, onward destinations, reclassified facts, syndicated copies, languages) is
decided in scripts/dataset_curation.yaml. The rules are described in docs/dataset.md.

Nothing is dropped silently: the report printed at the end lists every fact that became no
claim and why, every date moved to its source's publication, every duplicate merged and
every source left without claims. ``--strict`` fails when a fact needs a curated decision
that is missing, a curation entry matches nothing, or an ``accept`` decides a fact the
reference does not mark uncertain; ``--check`` rebuilds with the current file's version
and fails if the file is not what the reference and curation produce.
The output is validated exactly as ``thirdcountry load`` does before it replaces the file.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from thirdcountry.data import FULL_DATASET, bundled_facilities
from thirdcountry.domain.countries import normalize_code
from thirdcountry.domain.dataset import Dataset, DatasetError
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import NotFound, ValidationError
from thirdcountry.domain.facilities import FacilityTable
from thirdcountry.domain.projection import Arrangement, SourceInfo, project
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.store.load import read_dataset_file

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference" / "arrangements.yaml"
DEFAULT_CURATION = Path(__file__).resolve().parent / "dataset_curation.yaml"
DATASET_NAME = "thirdcountry"
# A dataset version: the build date, with `.N` for a further release on the same day.
VERSION = re.compile(r"\d{4}\.\d{2}\.\d{2}(?:\.[1-9]\d*)?")

# Fact kinds that never state something a claim can carry, with the reason reported.
NO_CLAIM_KINDS = {
    "context": "background, not a claim about the arrangement",
    "observation": "an absence of reports; no claim kind states that nothing happened",
    "condition": "terms of who may be sent; not a field of the contract",
    "trend": "a trend statement, not an event",
    "borderline": "a note on how to classify the case",
    "statement": "a statement of intent or position, not a change of the arrangement",
    "term": "a term of the deal (duration); not a field of the contract",
    "vetting": "a step in vetting individuals, not a transfer",
    "plan": "a plan or expectation, not an event",
    "transfer_planned": "a planned flight that did not take place",
}
# Fact kinds that map to claims only case by case: each needs a curated decision (an
# onward move of people of a single nationality does not: they went home).
CURATED_KINDS = frozenset(
    {"contradiction", "court", "history", "key_date", "protection", "dispute", "onward"}
)
# The fields a claim asserts, in the contract's order (docs/claims.md).
CONTENT_FIELDS: tuple[str, ...] = ("kind", "sender", "receiver", "value", "count")
CONTENT_FIELDS += ("nationalities", "amount", "currency", "facility", "date")
# A period total's own fields; they join a claim's identity only when present, so adding
# them leaves every other claim's id as it was.
PERIOD_FIELDS: tuple[str, ...] = ("count_qualifier", "period_start", "period_end")


def _load_research_merge() -> ModuleType:
    """scripts/research_merge.py, next to this file, whether run as a script or imported."""
    name = "research_merge"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent / "research_merge.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


research_merge = _load_research_merge()


class CurationError(Exception):
    """The curation file is malformed or ambiguous; the message names the entry."""


@dataclass(slots=True)
class Source:
    url: str
    outlet: str
    published: str | None


@dataclass(slots=True)
class Template:
    """The claim one fact makes, before it is attributed to each of its sources."""

    fields: dict[str, Any]
    pending: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    per_source: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(slots=True)
class Report:
    arrangements: int = 0
    facts: int = 0
    mapped: int = 0  # facts that made at least one claim
    skipped: list[tuple[str, str]] = field(default_factory=list)
    needs_curation: list[str] = field(default_factory=list)
    unmatched_curation: list[str] = field(default_factory=list)
    accepted_at_curation: list[str] = field(default_factory=list)  # uncertain facts accepted
    stale_accepts: list[str] = field(default_factory=list)  # `accept` on a certain fact
    moved_dates: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    unused_sources: list[str] = field(default_factory=list)
    copies: int = 0
    documents: int = 0
    accepted: int = 0
    pending: int = 0
    added: int = 0
    withdrawn: int = 0
    restated: int = 0  # claims kept by id whose review state changed
    # (arrangement, reference status, projected status) where they differ
    status_differences: list[tuple[str, str, str | None]] = field(default_factory=list)
    if_accepted: list[tuple[str, str, str | None]] = field(default_factory=list)
    research: list[str] = field(default_factory=list)  # what the research merge did
    # arrangements only the research has: the status it supports, and where they differ
    researched_status: dict[str, str] = field(default_factory=dict)
    research_differences: list[tuple[str, str, str | None]] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """What ``--strict`` refuses: decisions missing or curation gone stale."""
        return (
            [f"needs a curated decision: {ref}" for ref in self.needs_curation]
            + [f"curation entry matches no fact: {entry}" for entry in self.unmatched_curation]
            + [
                f"curation entry accepts a fact the reference does not mark uncertain: {ref}"
                for ref in self.stale_accepts
            ]
        )

    def lines(self) -> list[str]:
        out = list(self.research)
        out += [
            f"{self.arrangements} arrangements, {self.facts} facts -> {self.documents} documents "
            f"({self.copies} marked as copies), {self.accepted + self.pending} claims "
            f"({self.accepted} accepted, {self.pending} pending review)",
            f"{len(self.skipped)} facts made no claim:",
        ]
        out += [f"  {ref}: {reason}" for ref, reason in self.skipped]
        out.append(f"{len(self.moved_dates)} claim dates moved to their source's publication:")
        out += [f"  {line}" for line in self.moved_dates]
        out.append(f"{len(self.duplicates)} duplicate claims merged (same source, same content):")
        out += [f"  {line}" for line in self.duplicates]
        out.append(f"{len(self.unused_sources)} sources left out (all their facts made no claim):")
        out += [f"  {line}" for line in self.unused_sources]
        accepted = len(self.accepted_at_curation)
        out.append(f"{accepted} uncertain fact{'' if accepted == 1 else 's'} accepted at curation:")
        out += [f"  {ref}" for ref in self.accepted_at_curation]
        if self.added or self.withdrawn or self.restated:
            out.append(
                f"against the previous file: {self.added} claims added, {self.withdrawn} withdrawn"
                f", {self.restated} changed review state"
            )
        if self.status_differences or self.if_accepted:
            compared = self.arrangements - len(self.researched_status)
            matching = compared - len(self.status_differences)
            out.append(
                f"projected status equals the reference's for {matching}/{compared}; differences:"
            )
            out += [f"  {a}: reference {r}, projected {p}" for a, r, p in self.status_differences]
            out.append(f"  with every pending claim accepted: {len(self.if_accepted)} differ")
            out += [f"  {a}: reference {r}, projected {p}" for a, r, p in self.if_accepted]
        if self.researched_status:
            out.append(
                f"arrangements only the research has: {len(self.researched_status)}, "
                f"{len(self.research_differences)} projected otherwise than researched:"
            )
            out += [f"  {a}: research {r}, projected {p}" for a, r, p in self.research_differences]
        out += [f"WARNING {p}" for p in self.problems]
        return out


# -- curation --------------------------------------------------------------------------


@dataclass(slots=True)
class FactRule:
    arrangement: str
    kind: str
    value: Any
    has_value: bool
    what: str | None
    skip: str | None
    pending: str | None
    accept: str | None
    as_fields: dict[str, Any]
    sources: dict[str, dict[str, Any]]
    note: str | None
    used: int = 0

    def matches(self, arrangement: str, fact: Mapping[str, Any]) -> bool:
        if arrangement != self.arrangement or fact.get("kind") != self.kind:
            return False
        if self.has_value and str(fact.get("value")) != str(self.value):
            return False
        return self.what is None or str(fact.get("what", "")).startswith(self.what)

    def describe(self) -> str:
        value = f" {self.value!r}" if self.has_value else ""
        return f"{self.arrangement} {self.kind}{value}"


@dataclass(slots=True)
class Curation:
    languages: list[tuple[str, str]]
    kinds: list[tuple[str, str, str]]  # (field, substring, kind)
    copies: dict[str, str]
    overrides: dict[str, dict[str, Any]]
    rules: list[FactRule]

    def rule_for(self, arrangement: str, fact: Mapping[str, Any]) -> FactRule | None:
        found = [r for r in self.rules if r.matches(arrangement, fact)]
        if len(found) > 1:
            raise CurationError(
                f"{arrangement} {fact.get('kind')} {fact.get('value')!r}: matched by "
                f"{len(found)} curation entries; add `what` to tell them apart"
            )
        if found:
            found[0].used += 1
            return found[0]
        return None

    def language(self, url: str) -> str:
        return next((lang for part, lang in self.languages if part in url), "en")

    def document_kind(self, url: str, outlet: str) -> str:
        for where, part, kind in self.kinds:
            if part in (url if where == "url" else outlet):
                return kind
        return "news"


def load_curation(path: Path) -> Curation:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    docs = data.get("documents") or {}
    rules = []
    for number, entry in enumerate(data.get("facts") or [], start=1):
        match = entry.get("match") or {}
        if not match.get("arrangement") or not match.get("kind"):
            raise CurationError(f"facts entry #{number}: match needs arrangement and kind")
        actions = [
            key for key in ("skip", "pending", "accept", "as", "sources", "note") if key in entry
        ]
        if not actions:
            raise CurationError(f"facts entry #{number} ({match}): says nothing to do")
        if "skip" in entry and len(actions) > 1:
            raise CurationError(f"facts entry #{number} ({match}): skip goes alone")
        if "accept" in entry and "pending" in entry:
            raise CurationError(
                f"facts entry #{number} ({match}): accept and pending contradict each other"
            )
        if "accept" in entry and not str(entry["accept"] or "").strip():
            raise CurationError(f"facts entry #{number} ({match}): accept needs a reason")
        rules.append(
            FactRule(
                arrangement=str(match["arrangement"]),
                kind=str(match["kind"]),
                value=match.get("value"),
                has_value="value" in match,
                what=match.get("what"),
                skip=entry.get("skip"),
                pending=entry.get("pending"),
                accept=entry.get("accept"),
                as_fields=dict(entry.get("as") or {}),
                sources={str(k): dict(v) for k, v in (entry.get("sources") or {}).items()},
                note=entry.get("note"),
            )
        )
    kinds = []
    for item in docs.get("kinds") or []:
        where = "url" if "url" in item else "outlet"
        kinds.append((where, str(item[where]), str(item["kind"])))
    return Curation(
        languages=[(str(i["url"]), str(i["language"])) for i in docs.get("languages") or []],
        kinds=kinds,
        copies={str(i["url"]): str(i["copy_of"]) for i in docs.get("copies") or []},
        overrides={str(k): dict(v) for k, v in (docs.get("override") or {}).items()},
        rules=rules,
    )


# -- facts to claim templates ----------------------------------------------------------


def _onward_home(fact: Mapping[str, Any]) -> bool:
    """An onward move of people of one nationality: they went home, no decision needed."""
    return fact.get("kind") == "onward" and len(fact.get("nationalities") or []) == 1


def fact_ref(arrangement: str, index: int, fact: Mapping[str, Any]) -> str:
    return f"{arrangement}[{index}] {fact.get('kind')} {fact.get('value')!r}"


def _country(raw: Any) -> str:
    """An alpha-2 code from a reference `by` field such as ``LY (GNU)``."""
    return normalize_code(str(raw).split()[0])


def _denier(by: Any, sender: str, receiver: str) -> str:
    code = _country(by)
    if code == receiver:
        return "receiver"
    if code == sender:
        return "sender"
    raise ValidationError(f"denial by {by!r} is neither {sender} nor {receiver}")


def template_for(
    arrangement: Mapping[str, Any],
    fact: Mapping[str, Any],
    rule: FactRule | None,
    facilities: FacilityTable,
) -> Template | str:
    """The claim a fact makes, or the reason it makes none."""
    sender, receiver = str(arrangement["sender"]), str(arrangement["receiver"])
    fact_kind = str(fact["kind"])
    overlay = dict(rule.as_fields) if rule else {}
    claim_kind = overlay.pop("kind", None)
    notes: list[str] = []
    base: dict[str, Any] = {"sender": sender, "receiver": receiver, "date": fact.get("date")}

    if claim_kind is None:
        if fact_kind == "status":
            claim_kind = "arrangement_status"
        elif fact_kind in ("role", "instrument", "compensation", "transfer", "facility"):
            claim_kind = fact_kind
        elif fact_kind == "cap":
            claim_kind = "capacity"
        elif fact_kind == "onward":
            claim_kind = "onward_transfer"
        elif fact_kind == research_merge.PERIOD_TOTAL:
            claim_kind = fact_kind
        elif fact_kind == "refusal":
            if not fact.get("by"):
                return "a refusal without a refusing government needs a curated decision"
            claim_kind, overlay = "arrangement_status", {"value": "refused", **overlay}
        elif fact_kind == "denial":
            if fact.get("scope"):
                return f"denies one instrument, not the arrangement ({fact['scope']})"
            if str(fact.get("value", "")).startswith("refused"):
                claim_kind, overlay = "arrangement_status", {"value": "refused", **overlay}
            else:
                claim_kind = "denial"
                overlay = {"value": _denier(fact.get("by"), sender, receiver), **overlay}
                if " " in str(fact.get("by")):
                    notes.append(f"denied by {fact['by']}")
        else:
            return f"fact kind {fact_kind!r} has no claim equivalent"

    fields: dict[str, Any] = {"kind": claim_kind, **base}
    if claim_kind in ("arrangement_status", "role", "instrument", "concern"):
        fields["value"] = fact.get("value")
    elif claim_kind == "capacity":
        if fact.get("count") is None:
            return "no figure given; a capacity claim needs a count"
        fields["count"] = fact["count"]
    elif claim_kind == "compensation":
        if fact.get("amount") is not None:
            fields["amount"], fields["currency"] = fact["amount"], fact.get("currency")
        elif fact.get("amount_range"):
            low, high = fact["amount_range"]
            notes.append(f"reported as a range, {fact.get('currency', '')} {low:,}-{high:,}")
    elif claim_kind == "period_total":
        # A cumulative figure: its qualifier and period come with a research fact, or from
        # a curated reading of a reference fact (`as`).
        fields["count"] = fact.get("count")
        fields["nationalities"] = list(fact.get("nationalities") or [])
        fields.update((f, fact[f]) for f in PERIOD_FIELDS if fact.get(f) is not None)
        if "period_end" in fields:
            fields.pop("date", None)  # a total is dated by its period, never by a day
    elif claim_kind in ("transfer", "onward_transfer"):
        fields["count"] = fact.get("count")
        fields["nationalities"] = list(fact.get("nationalities") or [])
        if fact.get("facility"):
            fields["facility"] = facilities.canonical(str(fact["facility"]))
        if claim_kind == "onward_transfer":
            fields["sender"] = receiver
            nationalities = fields["nationalities"]
            fields["receiver"] = nationalities[0] if len(nationalities) == 1 else None
    elif claim_kind == "facility":
        fields["facility"] = overlay.pop("facility", None) or fact.get("value")
    fields.update(overlay)
    if claim_kind == "onward_transfer" and not fields.get("receiver"):
        return "onward destination is not one named country; needs a curated receiver"
    if fields.get("facility"):
        fields["facility"] = facilities.canonical(str(fields["facility"]))

    template = Template(fields={k: v for k, v in fields.items() if v not in (None, [])})
    template.notes = notes
    if fact.get("uncertain"):
        doubt = str(fact.get("reason") or "marked uncertain in the reference")
        if rule is not None and rule.accept:
            # A curated decision on this fact: its claims are accepted, and the note keeps
            # the reference's doubt beside the decision so a reader sees both.
            decision = " ".join(str(rule.accept).split())
            template.notes.insert(0, f"{doubt}; accepted at curation: {decision}")
        else:
            template.pending.append(doubt)
    if rule is not None:
        if rule.pending:
            template.pending.append(" ".join(str(rule.pending).split()))
        if rule.note:
            template.notes.append(" ".join(str(rule.note).split()))
        template.per_source = rule.sources
    return template


# -- ids and documents -----------------------------------------------------------------


def _content(fields: Mapping[str, Any]) -> list[str]:
    """What a claim asserts, field by field: its identity beside its source's URL."""
    out = [json.dumps(fields.get(f), sort_keys=True) for f in CONTENT_FIELDS]
    return out + [json.dumps(fields[f], sort_keys=True) for f in PERIOD_FIELDS if f in fields]


def stable_id(key: str, when: date) -> str:
    """A UUIDv7 that depends only on ``key``: time part from ``when``, the rest a hash.

    Loading the file again, or a later version with the same claim, finds the same id.
    """
    digest = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:10], "big")
    millis = int(datetime(when.year, when.month, when.day, tzinfo=UTC).timestamp() * 1000)
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((digest >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= digest & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def document_id(url: str) -> str:
    return "s" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]


def _published(raw: Any) -> PartialDate | None:
    return PartialDate.parse(str(raw)) if raw is not None else None


# -- the build -------------------------------------------------------------------------


@dataclass(slots=True)
class Build:
    dataset: dict[str, Any]
    report: Report
    sections: list[tuple[str, list[dict[str, Any]]]]


@dataclass(slots=True)
class Draft:
    """One claim of one source while the build runs; several facts may state it."""

    ref: str  # the first fact that made it
    url: str
    published: PartialDate | None
    fields: dict[str, Any]
    doubts: list[str]  # why it is pending; empty when some fact states it without doubt
    notes: list[str]

    def merge(self, template: Template, notes: list[str]) -> None:
        # A fact without doubt, or whose doubt a curated `accept` settled, accepts the claim
        # (its note keeps that doubt); a doubtful fact never re-opens an accepted claim.
        if not template.pending:
            self.doubts = []
        elif self.doubts:
            self.doubts += [d for d in template.pending if d not in self.doubts]
        self.notes += [n for n in notes if n not in self.notes]

    def finish(self, previous: Mapping[str, Any], extractor: str) -> dict[str, Any]:
        key = "|".join([self.url, *_content(self.fields)])
        when = self.published or PartialDate.parse(self.fields.get("date") or "2000")
        claim_id = stable_id(key, when.start)
        earlier = previous.get(claim_id)
        out: dict[str, Any] = {"id": claim_id, "document": document_id(self.url)}
        out.update((f, self.fields[f]) for f in CONTENT_FIELDS + PERIOD_FIELDS if f in self.fields)
        out["review_state"] = "pending" if self.doubts else "accepted"
        out["extractor"] = str(earlier["extractor"]) if earlier else extractor
        if self.doubts or self.notes:
            out["review_note"] = "; ".join(self.doubts + self.notes)
        return out


def build(
    reference: list[Mapping[str, Any]],
    curation: Curation,
    *,
    version: str,
    previous: Mapping[str, Any] | None = None,
    note: str | None = None,
    reference_label: str = "shared/reference/arrangements.yaml",
    reference_sha256: str | None = None,
) -> Build:
    facilities = bundled_facilities()
    report = Report(arrangements=len(reference))
    sources: dict[str, Source] = {}
    drafts: dict[tuple[Any, ...], Draft] = {}
    grouped: list[tuple[str, list[Draft]]] = []

    for arrangement in reference:
        arrangement_id = str(arrangement["id"])
        section: list[Draft] = []
        for index, fact in enumerate(arrangement.get("facts") or []):
            report.facts += 1
            ref = fact_ref(arrangement_id, index, fact)
            fact_sources = [
                Source(str(s["url"]), str(s["outlet"]), s.get("published"))
                for s in fact.get("sources") or []
            ]
            for src in fact_sources:
                sources.setdefault(src.url, src)
            made = _decide(arrangement, fact, ref, curation, facilities, report)
            if made is None:
                continue
            report.mapped += 1
            for src in fact_sources:
                fields, moved = _attribute(made, src, ref, report)
                key = (src.url, *_content(fields))
                if key in drafts:
                    report.duplicates.append(f"{ref} from {src.outlet}: same as {drafts[key].ref}")
                    drafts[key].merge(made, made.notes + moved)
                    continue
                published = _published(src.published)
                doubts = list(made.pending)
                drafts[key] = Draft(ref, src.url, published, fields, doubts, made.notes + moved)
                section.append(drafts[key])
        grouped.append((f"{arrangement_id} {arrangement.get('receiver_name', '')}", section))

    report.unmatched_curation = [r.describe() for r in curation.rules if r.used == 0]
    for rule in curation.rules:
        if rule.accept and rule.used > 1:
            raise CurationError(
                f"{rule.describe()}: accept matches {rule.used} facts; it decides one fact, "
                "add `value` or `what` to name it"
            )
    previous_claims = {str(c["id"]): c for c in (previous or {}).get("claims") or [] if c.get("id")}
    extractor = f"curated:{version}"
    sections = [
        (title, [draft.finish(previous_claims, extractor) for draft in section])
        for title, section in grouped
    ]
    documents = _documents(sources, {d.url for d in drafts.values()}, curation, report)
    claims = [c for _, section in sections for c in section]
    report.accepted = sum(c["review_state"] == "accepted" for c in claims)
    report.pending = len(claims) - report.accepted
    if previous_claims:
        ids = {c["id"] for c in claims}
        report.added = len(ids - set(previous_claims))
        report.withdrawn = len(set(previous_claims) - ids)
        report.restated = sum(
            c["id"] in previous_claims
            and previous_claims[c["id"]].get("review_state") != c["review_state"]
            for c in claims
        )
    meta = _meta(version, report, previous, note, reference_label, reference_sha256)
    dataset = {"dataset": meta, "documents": documents, "claims": claims}
    return Build(dataset, report, sections)


def _decide(
    arrangement: Mapping[str, Any],
    fact: Mapping[str, Any],
    ref: str,
    curation: Curation,
    facilities: FacilityTable,
    report: Report,
) -> Template | None:
    """The claim template of a fact, or None after reporting why it makes no claim."""
    rule = curation.rule_for(str(arrangement["id"]), fact)
    kind = str(fact.get("kind"))
    if rule is not None and rule.skip:
        report.skipped.append((ref, " ".join(str(rule.skip).split())))
        return None
    if rule is None and kind in NO_CLAIM_KINDS:
        report.skipped.append((ref, NO_CLAIM_KINDS[kind]))
        return None
    if rule is None and kind in CURATED_KINDS and not _onward_home(fact):
        report.needs_curation.append(ref)
        report.skipped.append((ref, "no curated decision yet"))
        return None
    made = template_for(arrangement, fact, rule, facilities)
    if isinstance(made, str):
        report.skipped.append((ref, made))
        return None
    if rule is not None and rule.accept:
        if fact.get("uncertain"):
            report.accepted_at_curation.append(ref)
        else:
            report.stale_accepts.append(ref)
    return made


def _attribute(
    template: Template, src: Source, ref: str, report: Report
) -> tuple[dict[str, Any], list[str]]:
    """The template as one source states it, never dated after the source appeared.

    Returns the claim fields and the notes explaining any date that had to move.
    """
    claim = dict(template.fields)
    claim.update(template.per_source.get(src.url, {}))
    claim = {k: v for k, v in claim.items() if v not in (None, [])}
    notes: list[str] = []
    published = _published(src.published)
    if claim.get("date") is not None and published is not None:
        when = PartialDate.parse(str(claim["date"]))
        if when.start > published.end:
            claim["date"] = published.isoformat()
            notes.append(
                f"dated at this source's publication: the reference dates the fact {when}, "
                "after this source appeared"
            )
            report.moved_dates.append(f"{ref} from {src.outlet}: {when} -> {published}")
    for name in ("date", "period_start", "period_end"):
        if claim.get(name) is not None:
            claim[name] = str(claim[name])
    return claim, notes


def _documents(
    sources: Mapping[str, Source], used: set[str], curation: Curation, report: Report
) -> list[dict[str, Any]]:
    ids: dict[str, str] = {}
    for url in sources:
        local = document_id(url)
        if local in ids.values():
            raise CurationError(f"document id {local} is shared by two URLs; lengthen the hash")
        ids[url] = local
    for url, src in sources.items():
        if url not in used:
            report.unused_sources.append(f"{src.outlet} ({src.published}): {url}")
    documents = []
    for url in sorted(used, key=lambda u: (str(sources[u].published or ""), u)):
        src = sources[url]
        override = curation.overrides.get(url, {})
        doc: dict[str, Any] = {
            "id": ids[url],
            "url": url,
            "outlet": override.get("outlet", src.outlet),
            "published": str(src.published) if src.published is not None else None,
            "language": curation.language(url),
            "kind": curation.document_kind(url, src.outlet),
            "title": override.get("title"),
        }
        original = curation.copies.get(url)
        if original is not None:
            if original not in used:
                report.unused_sources.append(
                    f"(copy_of dropped: the original of {url} carries no claim)"
                )
            else:
                doc["copy_of"] = ids[original]
                report.copies += 1
        documents.append({k: v for k, v in doc.items() if v is not None})
    report.documents = len(documents)
    return documents


_AGAINST = re.compile(
    r" Against [^:]+: \d+ claims added, \d+ withdrawn(?:, \d+ changed review state)?\."
)


def _meta(
    version: str,
    report: Report,
    previous: Mapping[str, Any] | None,
    note: str | None,
    reference_label: str,
    reference_sha256: str | None,
) -> dict[str, Any]:
    summary = (
        f"Converted from the research reference: {report.arrangements} arrangements, "
        f"{report.documents} documents, {report.accepted + report.pending} claims "
        f"({report.accepted} accepted, {report.pending} pending review)."
    )
    before = ((previous or {}).get("dataset") or {}).get("version")
    changelog = ((previous or {}).get("dataset") or {}).get("changelog") or []
    same = next((str(e["changes"]) for e in changelog if str(e.get("version")) == version), "")
    if before is not None and str(before) != version:
        summary += f" Against {before}: {report.added} claims added, {report.withdrawn} withdrawn"
        summary += f", {report.restated} changed review state." if report.restated else "."
    else:
        # Rebuilding a version: the file replaced is the same version, so the comparison
        # with the version before stays as first written, and so does the note.
        kept = _AGAINST.search(same)
        summary += kept.group(0) if kept else ""
        if note is None and same.startswith(summary):
            note = same[len(summary) :].strip() or None
    if note:
        summary += " " + note
    earlier = [entry for entry in changelog if str(entry.get("version")) != version]
    source = reference_label + (f" (sha256 {reference_sha256[:16]})" if reference_sha256 else "")
    return {
        "name": DATASET_NAME,
        "version": version,
        "title": "Third-country deportation and transfer arrangements, with their sources",
        "license": "CC-BY-4.0",
        "source": source,
        "changelog": [{"version": version, "changes": summary}, *earlier],
    }


# -- checking the result against the reference -------------------------------------


def project_dataset(dataset: Dataset, *, accept_pending: bool = False) -> list[Arrangement]:
    """The projection of a parsed dataset file, without a database.

    ``accept_pending`` projects as if a reviewer had accepted every pending claim.
    """
    infos = {
        d.local_id: SourceInfo(d.copy_of or d.local_id, d.document.published_date)
        for d in dataset.documents
    }
    claims = []
    for entry in dataset.claims:
        claim = replace(entry.claim, document_id=entry.document)
        if accept_pending and claim.review_state is ReviewState.PENDING:
            claim = replace(claim, review_state=ReviewState.ACCEPTED)
        claims.append(claim)
    return project(claims, infos)


def status_differences(
    reference: list[Mapping[str, Any]], arrangements: list[Arrangement]
) -> list[tuple[str, str, str | None]]:
    """(arrangement id, reference status, projected status) wherever the two differ."""
    projected = {a.key: a.status for a in arrangements}
    return [
        (str(r["id"]), str(r["status"]), projected.get(str(r["id"])))
        for r in reference
        if projected.get(str(r["id"])) != r["status"]
    ]


# -- writing ---------------------------------------------------------------------------


def _flow(item: Mapping[str, Any]) -> str:
    return yaml.safe_dump(
        dict(item), default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6
    ).strip()


def render(result: Build) -> str:
    """The dataset as YAML: one document or claim per line, claims grouped by arrangement."""
    lines = [
        "# The bundled dataset: every known third-country arrangement, one claim per source.",
        "# GENERATED by scripts/build_dataset.py from the research reference and",
        "# scripts/dataset_curation.yaml. Do not edit by hand: change the curation (or the",
        "# reference) and re-run. Rules: docs/dataset.md.",
    ]
    meta = yaml.safe_dump(
        {"dataset": result.dataset["dataset"]},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    lines.append(meta.rstrip())
    lines.append("documents:")
    lines += [f"  - {_flow(doc)}" for doc in result.dataset["documents"]]
    lines.append("claims:")
    for title, section in result.sections:
        if section:
            lines.append(f"  # {title.strip()}")
            lines += [f"  - {_flow(claim)}" for claim in section]
    return "\n".join(lines) + "\n"


def write_validated(text: str, out: Path) -> None:
    """Replace ``out`` only with text the loader accepts; a bad build leaves it untouched."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = out.with_name(f".{out.name}.new")
    staged.write_text(text, encoding="utf-8")
    try:
        read_dataset_file(staged)
    except DatasetError:
        staged.unlink()
        raise
    staged.replace(out)


def _read_previous(out: Path) -> dict[str, Any] | None:
    if not out.exists():
        return None
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def run(
    reference_path: Path,
    out: Path,
    curation_path: Path,
    *,
    version: str | None = None,
    note: str | None = None,
    check: bool = False,
    strict: bool = False,
    research: list[Path] | None = None,
) -> tuple[Build, bool]:
    """Build (and, unless checking, write) the dataset; return it and whether it is current.

    ``research`` lists the project's research files merged into the reference
    (scripts/research_merge.py); the command line passes every ``scripts/research/*.yaml``.
    """
    raw = reference_path.read_bytes()
    reference = yaml.safe_load(raw)
    if not isinstance(reference, list):
        raise CurationError(f"{reference_path}: expected a list of arrangements")
    merged = research_merge.merge(reference, research or [])
    previous = _read_previous(out)
    current = ((previous or {}).get("dataset") or {}).get("version")
    if version is None:
        version = default_version(str(current) if current else None, check=check)
    if not VERSION.fullmatch(version):
        raise CurationError(f"version {version!r}: expected YYYY.MM.DD, or YYYY.MM.DD.N")
    label = _label(reference_path)
    sha = hashlib.sha256(raw)
    if merged.files:
        label += "".join(f" + scripts/research/{name}" for name in merged.files)
        sha.update(str(merged.sha256).encode("ascii"))
    result = build(
        merged.arrangements,
        load_curation(curation_path),
        version=version,
        previous=previous,
        note=note,
        reference_label=label,
        reference_sha256=sha.hexdigest(),
    )
    result.report.research = merged.lines()
    result.report.researched_status = dict(merged.researched_status)
    if strict and result.report.problems:
        raise CurationError("\n".join(result.report.problems))
    text = render(result)
    if check:
        return result, out.exists() and out.read_text(encoding="utf-8") == text
    write_validated(text, out)
    _compare_statuses(reference, read_dataset_file(out), result.report)
    return result, True


def _compare_statuses(reference: list[Any], dataset: Dataset, report: Report) -> None:
    for accept_pending, into in ((False, report.status_differences), (True, report.if_accepted)):
        found = status_differences(
            reference, project_dataset(dataset, accept_pending=accept_pending)
        )
        into.extend(found)
    researched = [{"id": k, "status": v} for k, v in report.researched_status.items()]
    report.research_differences = status_differences(researched, project_dataset(dataset))


def default_version(current: str | None, *, check: bool, today: date | None = None) -> str:
    """The version to build when none is given.

    Checking compares with the current file's version. Otherwise today's date, unless the
    current file is already from today (``YYYY.MM.DD`` or a later release of that day,
    ``YYYY.MM.DD.N``): a same-day re-run rebuilds that version. A second release on one day
    is asked for explicitly, ``--version YYYY.MM.DD.1``.
    """
    day = (today or date.today()).strftime("%Y.%m.%d")
    if current and (check or current == day or current.startswith(day + ".")):
        return current
    return day


def _label(path: Path) -> str:
    """How the changelog names the reference: its last three path parts, not this machine's."""
    return "/".join(path.resolve().parts[-3:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", nargs="?", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=FULL_DATASET)
    parser.add_argument("--curation", type=Path, default=DEFAULT_CURATION)
    parser.add_argument(
        "--version",
        help="dataset version (default: today, YYYY.MM.DD; a same-day re-run rebuilds the "
        "current version; a second release on one day: YYYY.MM.DD.1)",
    )
    parser.add_argument("--note", help="a sentence added to this version's changelog entry")
    parser.add_argument(
        "--research",
        action="append",
        type=Path,
        help="a research file to merge into the reference (repeatable; default: every "
        "scripts/research/*.yaml)",
    )
    parser.add_argument("--no-research", action="store_true", help="build from the reference alone")
    parser.add_argument("--check", action="store_true", help="fail if the file is not current")
    parser.add_argument("--strict", action="store_true", help="fail on missing decisions")
    args = parser.parse_args(argv)
    research = [] if args.no_research else args.research or research_merge.research_files()
    try:
        result, current = run(
            args.reference,
            args.out,
            args.curation,
            version=args.version,
            note=args.note,
            check=args.check,
            strict=args.strict,
            research=research,
        )
    except (CurationError, DatasetError, NotFound, ValidationError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(result.report.lines()))
    if args.check and not current:
        print(f"error: {args.out} is not current; run scripts/build_dataset.py", file=sys.stderr)
        return 1
    if not args.check:
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
