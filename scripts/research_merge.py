"""Merge the project's own research files into the research reference before a build.

The reference (``../shared/reference/arrangements.yaml``) is read-only to this project;
newer facts live in ``scripts/research/*.yaml``, in the reference's own format. Merging:

- a research fact with the kind, value and date of a fact the reference already has for the
  same arrangement is the same fact: its sources are added to that fact, except a URL the
  fact already cites (same-URL sources are never counted twice);
- any other research fact is appended to its arrangement's facts;
- an arrangement the reference lacks is added; it must say the ``status`` its research
  supports, which the build report compares with the projection;
- ``totals`` (cumulative figures over a period) become facts of kind ``period_total``.

Bad input (a research file that is not a list, an arrangement or fact without what it
needs, a total with no period, a period ending before it starts, a qualifier outside
``exact|at_least|about``) raises ValidationError naming the file and the entry; nothing of
that file is merged.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import ValidationError

DEFAULT_RESEARCH_DIR = Path(__file__).resolve().parent / "research"
QUALIFIERS = ("exact", "at_least", "about")
PERIOD_TOTAL = "period_total"


@dataclass(slots=True)
class Merged:
    """The reference with the research merged in, and what the merge did."""

    arrangements: list[dict[str, Any]]
    files: list[str] = field(default_factory=list)
    appended: int = 0  # research facts added as new facts
    sources_added: int = 0  # sources added to facts the reference already had
    duplicate_sources: int = 0  # sources left out: the fact already cites that URL
    new_arrangements: list[str] = field(default_factory=list)
    researched_status: dict[str, str] = field(default_factory=dict)
    totals: int = 0
    sha256: str | None = None

    def lines(self) -> list[str]:
        if not self.files:
            return []
        out = [
            f"research merged from {', '.join(self.files)}: {self.appended} facts added, "
            f"{self.sources_added} sources added to reference facts "
            f"({self.duplicate_sources} already cited, left out), "
            f"{len(self.new_arrangements)} arrangements added"
            + (f" ({', '.join(self.new_arrangements)})" if self.new_arrangements else ""),
        ]
        if self.totals:
            out.append(f"{self.totals} period totals added as {PERIOD_TOTAL} facts")
        return out


def research_files(directory: Path = DEFAULT_RESEARCH_DIR) -> list[Path]:
    """The research files a build merges, in name order (older batches first)."""
    return sorted(directory.glob("*.yaml")) if directory.is_dir() else []


def load_research(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data is None:
        return []
    if not isinstance(data, list):
        raise ValidationError(f"{path.name}: expected a list of arrangements")
    for number, arrangement in enumerate(data, start=1):
        _check_arrangement(path.name, number, arrangement)
    return data


def merge(reference: list[Mapping[str, Any]], paths: Iterable[Path]) -> Merged:
    """The reference with every research file merged in; the reference is not modified."""
    merged = Merged(arrangements=[copy.deepcopy(dict(a)) for a in reference])
    by_id = {str(a["id"]): a for a in merged.arrangements}
    known_ids = set(by_id)
    digest = hashlib.sha256()
    for path in paths:
        raw = path.read_bytes()
        batch = load_research(path)
        digest.update(raw)
        merged.files.append(path.name)
        for entry in batch:
            key = str(entry["id"])
            target = by_id.get(key)
            if target is None:
                target = {k: copy.deepcopy(v) for k, v in entry.items() if k != "totals"}
                target["facts"] = []
                by_id[key] = target
                merged.arrangements.append(target)
                merged.new_arrangements.append(key)
            if key not in known_ids and entry.get("status"):
                merged.researched_status[key] = str(entry["status"])
            for fact in entry.get("facts") or []:
                _merge_fact(target, fact, merged)
            for total in entry.get("totals") or []:
                merged.totals += 1
                target.setdefault("facts", []).append(total_fact(total))
    merged.sha256 = digest.hexdigest() if merged.files else None
    return merged


def fact_key(fact: Mapping[str, Any]) -> tuple[str, str, str]:
    """What makes two facts the same fact: kind, value and date."""
    return (str(fact.get("kind")), str(fact.get("value")), str(fact.get("date")))


def _merge_fact(arrangement: dict[str, Any], fact: Mapping[str, Any], merged: Merged) -> None:
    facts: list[dict[str, Any]] = arrangement.setdefault("facts", [])
    same = next((f for f in facts if fact_key(f) == fact_key(fact)), None)
    if same is None:
        new = copy.deepcopy(dict(fact))
        new["sources"] = _unique_sources(new.get("sources") or [], set(), merged)
        facts.append(new)
        merged.appended += 1
        return
    cited = {str(s["url"]) for s in same.get("sources") or []}
    added = _unique_sources(fact.get("sources") or [], cited, merged)
    same.setdefault("sources", []).extend(added)
    merged.sources_added += len(added)


def _unique_sources(
    sources: Iterable[Mapping[str, Any]], cited: set[str], merged: Merged
) -> list[dict[str, Any]]:
    out = []
    for source in sources:
        url = str(source["url"])
        if url in cited:
            merged.duplicate_sources += 1
            continue
        cited.add(url)
        out.append(dict(source))
    return out


def total_fact(total: Mapping[str, Any]) -> dict[str, Any]:
    """A research total as a fact of kind ``period_total``, dated at the period's end."""
    fact = {
        "kind": PERIOD_TOTAL,
        "what": total.get("what") or describe(total),
        "value": f"{total['qualifier']} {total['count']}",
        "date": str(total["period_end"]),
        "count": int(total["count"]),
        "count_qualifier": str(total["qualifier"]),
        "period_start": str(total["period_start"]),
        "period_end": str(total["period_end"]),
        "sources": [dict(s) for s in total["sources"]],
    }
    if total.get("uncertain"):
        fact["uncertain"] = True
        fact["reason"] = total.get("reason") or "marked uncertain in the research file"
    return fact


def describe(total: Mapping[str, Any]) -> str:
    words = {"exact": "", "at_least": "at least ", "about": "about "}
    qualifier = words.get(str(total.get("qualifier")), "")
    return (
        f"{qualifier}{total.get('count')} people, {total.get('period_start')} to "
        f"{total.get('period_end')}"
    )


# -- checks ------------------------------------------------------------------------------


def _check_arrangement(file: str, number: int, arrangement: Any) -> None:
    if not isinstance(arrangement, Mapping):
        raise ValidationError(f"{file}: arrangement #{number} is not a mapping")
    missing = [k for k in ("id", "sender", "receiver") if not arrangement.get(k)]
    if missing:
        raise ValidationError(f"{file}: arrangement #{number} lacks {', '.join(missing)}")
    where = f"{file}: {arrangement['id']}"
    for index, fact in enumerate(arrangement.get("facts") or [], start=1):
        if not isinstance(fact, Mapping) or not fact.get("kind"):
            raise ValidationError(f"{where} fact #{index}: needs a kind")
        _check_sources(f"{where} fact #{index}", fact.get("sources"))
    for index, total in enumerate(arrangement.get("totals") or [], start=1):
        check_total(f"{where} total #{index}", total)


def _check_sources(where: str, sources: Any) -> None:
    if not sources or not isinstance(sources, list):
        raise ValidationError(f"{where}: needs at least one source")
    for source in sources:
        if not isinstance(source, Mapping) or not source.get("url") or not source.get("outlet"):
            raise ValidationError(f"{where}: every source needs a url and an outlet")


def check_total(where: str, total: Any) -> None:
    """A total names a count, a qualifier from the vocabulary and a period that runs forward."""
    if not isinstance(total, Mapping):
        raise ValidationError(f"{where}: a total is a mapping")
    count = total.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise ValidationError(f"{where}: count must be a whole number of people, got {count!r}")
    if total.get("qualifier") not in QUALIFIERS:
        raise ValidationError(
            f"{where}: qualifier {total.get('qualifier')!r} is not one of {', '.join(QUALIFIERS)}"
        )
    if not total.get("period_start") or not total.get("period_end"):
        raise ValidationError(f"{where}: a total needs a period (period_start and period_end)")
    start = PartialDate.parse(str(total["period_start"]))
    end = PartialDate.parse(str(total["period_end"]))
    if end.end < start.start:
        raise ValidationError(f"{where}: the period ends ({end}) before it starts ({start})")
    _check_sources(where, total.get("sources"))
