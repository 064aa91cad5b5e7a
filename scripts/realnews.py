"""Check, summarise and gather again the real-news corpus (tests/realnews, issue 13).

The corpus commits one label file per page (``labels/<id>.yaml``: provenance and claims);
the page texts are third-party and git-ignored (``texts/<id>.txt``), so every checkout has
to gather them again from the stored pages the labels point to (see tests/realnews/README.md).

    python scripts/realnews.py check             # texts, hashes, lengths, splits; 1 on a fault
    python scripts/realnews.py stats             # pages, splits, negatives, claims, countries
    python scripts/realnews.py queries           # query, rank, url, id of every page
    python scripts/realnews.py save ANSWER.json  # write the texts one saved search answer holds

Every command takes ``--root DIR`` (default: tests/realnews next to this script).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "tests" / "realnews"
SPLITS = ("dev", "test")
# Fields every provenance block must carry (docs: tests/realnews/README.md).
REQUIRED = ("id", "url", "outlet", "published", "languages", "query", "rank", "sha256", "chars")
# onward_transfer names the third country that moved people on (sender) and where they went
# (receiver): neither is a sending or receiving state of an arrangement, so they count apart.
ONWARD = "onward_transfer"


class CorpusError(Exception):
    """A label or answer file that cannot be read; the message names the file and the fault."""


def split_for(url: str) -> str:
    """The split of a page, fixed once by its URL: a third of pages go to test."""
    return "test" if int(hashlib.sha256(url.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def text_digest(data: bytes) -> tuple[str, int]:
    """sha256 (hex) of a text file's bytes and its length in characters."""
    return hashlib.sha256(data).hexdigest(), len(data.decode("utf-8"))


@dataclass(frozen=True)
class Label:
    """One page's label file."""

    path: Path
    document: dict[str, Any]
    claims: list[dict[str, Any]]
    must_not: list[dict[str, Any]]

    @property
    def id(self) -> str:
        return str(self.document.get("id", self.path.stem))

    @property
    def url(self) -> str:
        return str(self.document.get("url", ""))

    @property
    def text_path(self) -> Path:
        relative = self.document.get("text") or f"../texts/{self.path.stem}.txt"
        return (self.path.parent / str(relative)).resolve()

    @property
    def language(self) -> str:
        languages = self.document.get("languages") or ["?"]
        return str(languages[0])


def read_mapping(path: Path, what: str) -> dict[str, Any]:
    """A YAML (or JSON, which is YAML) file holding a mapping; ``what`` names it in errors."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: cannot read the {what}: {exc}") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: the {what} is not a mapping")
    return data


def read_label(path: Path) -> Label:
    data = read_mapping(path, "label")
    if not isinstance(data.get("document"), dict):
        raise CorpusError(f"{path}: a label needs a 'document' mapping")
    claims = data.get("claims") or []
    must_not = data.get("must_not") or []
    if not isinstance(claims, list) or not isinstance(must_not, list):
        raise CorpusError(f"{path}: 'claims' and 'must_not' must be lists")
    return Label(path, data["document"], claims, must_not)


def label_paths(root: Path) -> list[Path]:
    return sorted((root / "labels").glob("*.yaml"))


def load_labels(root: Path) -> list[Label]:
    return [read_label(path) for path in label_paths(root)]


@dataclass
class Report:
    """What ``check`` found: texts missing, and labels whose facts do not hold."""

    checked: int = 0
    missing: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.mismatched


def label_problems(label: Label, excluded: frozenset[str]) -> list[str]:
    """Faults in a label's provenance that need no text: fields, id, split, exclusion."""
    document = label.document
    problems = [f"{label.path.name}: no '{name}'" for name in REQUIRED if name not in document]
    if document.get("id") is not None and document["id"] != label.path.stem:
        problems.append(f"{label.path.name}: id {document['id']!r} is not the file name")
    if label.url:
        expected = split_for(label.url)
        if document.get("split") != expected:
            problems.append(
                f"{label.id}: split is {document.get('split')!r}, the URL gives {expected!r}"
            )
        if label.url in excluded:
            problems.append(f"{label.id}: {label.url} is in the held-out exclusion list")
    if document.get("negative") and label.claims:
        problems.append(f"{label.id}: a negative page ({document['negative']}) carries claims")
    return problems


def text_problems(label: Label) -> list[str]:
    data = label.text_path.read_bytes()
    sha256, chars = text_digest(data)
    problems = []
    if sha256 != label.document.get("sha256"):
        problems.append(f"{label.id}: sha256 of {label.text_path.name} is {sha256}")
    if chars != label.document.get("chars"):
        problems.append(
            f"{label.id}: {label.text_path.name} has {chars} characters, not "
            f"{label.document.get('chars')}"
        )
    return problems


def read_exclusions(path: Path | None) -> frozenset[str]:
    if path is None or not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def find_exclusions(root: Path) -> Path | None:
    """The held-out list, ``shared/heldout-exclude.txt`` in the nearest folder above the repo."""
    for folder in root.resolve().parents:
        candidate = folder / "shared" / "heldout-exclude.txt"
        if candidate.is_file():
            return candidate
    return None


def check(root: Path, exclude_file: Path | None = None) -> Report:
    """Verify every label against its text: present, same sha256 and length, right split."""
    excluded = read_exclusions(exclude_file)
    report = Report()
    for path in label_paths(root):
        report.checked += 1
        try:
            label = read_label(path)
        except CorpusError as exc:
            report.mismatched.append(str(exc))
            continue
        report.mismatched.extend(label_problems(label, excluded))
        if not label.text_path.is_file():
            report.missing.append(label.id)
            continue
        try:
            report.mismatched.extend(text_problems(label))
        except UnicodeDecodeError:
            report.mismatched.append(f"{label.id}: {label.text_path.name} is not UTF-8")
    return report


@dataclass
class Stats:
    """Counts over the corpus, for the README and the lead's report."""

    pages: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    splits: Counter[str] = field(default_factory=Counter)
    negatives: Counter[str] = field(default_factory=Counter)
    must_by_kind: Counter[str] = field(default_factory=Counter)
    may_by_kind: Counter[str] = field(default_factory=Counter)
    receivers: Counter[str] = field(default_factory=Counter)
    senders: Counter[str] = field(default_factory=Counter)
    onward: Counter[str] = field(default_factory=Counter)


def stats(labels: Iterable[Label]) -> Stats:
    """Countries count pages (a page naming a country twice counts it once)."""
    result = Stats()
    for label in labels:
        result.pages += 1
        result.languages[label.language] += 1
        result.splits[str(label.document.get("split"))] += 1
        if label.document.get("negative"):
            result.negatives[str(label.document["negative"])] += 1
        receivers: set[str] = set()
        senders: set[str] = set()
        onward: set[str] = set()
        for claim in label.claims:
            kind = str(claim.get("kind"))
            counter = result.must_by_kind if claim.get("must", True) else result.may_by_kind
            counter[kind] += 1
            if kind == ONWARD:
                onward.add(f"{claim.get('sender')}>{claim.get('receiver')}")
                continue
            if claim.get("receiver"):
                receivers.add(str(claim["receiver"]))
            if claim.get("sender"):
                senders.add(str(claim["sender"]))
        result.receivers.update(receivers)
        result.senders.update(senders)
        result.onward.update(onward)
    return result


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{key} {value}" for key, value in sorted(counter.items())) or "-"


def format_stats(result: Stats) -> str:
    kinds = sorted(set(result.must_by_kind) | set(result.may_by_kind))
    rows = [
        f"pages: {result.pages}",
        f"languages: {_counts(result.languages)}",
        f"splits: {_counts(result.splits)}",
        f"negatives: {sum(result.negatives.values())} ({_counts(result.negatives)})",
        "claims per kind (must / may):",
        *(f"  {kind}: {result.must_by_kind[kind]} / {result.may_by_kind[kind]}" for kind in kinds),
        f"receivers ({len(result.receivers)}): {_counts(result.receivers)}",
        f"senders ({len(result.senders)}): {_counts(result.senders)}",
        f"onward transfers ({len(result.onward)}): {_counts(result.onward)}",
    ]
    return "\n".join(rows)


def query_rows(labels: Iterable[Label]) -> list[tuple[str, int, str, str]]:
    """(query, rank, url, id) for every page, grouped by query so each is looked up once."""
    rows = [
        (str(lb.document.get("query", "")), int(lb.document.get("rank", 0)), lb.url, lb.id)
        for lb in labels
    ]
    return sorted(rows)


def read_answer(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The query and results of one saved ``pages`` search answer (the tool's JSON)."""
    data = read_mapping(path, "answer")
    if not isinstance(data.get("results"), list):
        raise CorpusError(f"{path}: an answer needs 'query' and a 'results' list")
    results = [r for r in data["results"] if isinstance(r, dict) and "excerpt" in r]
    return str(data.get("query", "")), results


def save_answer(root: Path, answer: Path) -> list[str]:
    """Write the text of every label gathered by this answer's query; say what was done.

    A page is taken at its recorded rank when the URL there matches, otherwise wherever the
    answer lists its URL (the ranking may have moved). The written text is then checked
    against the recorded hash, so a changed page is reported rather than silently kept.
    """
    query, results = read_answer(answer)
    by_rank = {int(r.get("rank", 0)): r for r in results}
    by_url = {str(r.get("url")): r for r in results}
    lines = []
    for label in load_labels(root):
        if label.document.get("query") != query:
            continue
        result = by_rank.get(int(label.document.get("rank", 0)))
        if result is None or result.get("url") != label.url:
            result = by_url.get(label.url)
        if result is None:
            lines.append(f"{label.id}: not in this answer")
            continue
        label.text_path.parent.mkdir(parents=True, exist_ok=True)
        label.text_path.write_bytes(str(result["excerpt"]).encode("utf-8"))
        problems = text_problems(label)
        lines.append(f"{label.id}: saved" + (f" but {'; '.join(problems)}" if problems else ""))
    if not lines:
        lines.append(f"no label was gathered by the query {query!r}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the corpus folder")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="verify texts, hashes and splits")
    check_parser.add_argument(
        "--exclude",
        type=Path,
        help="held-out URL list (default: the nearest shared/heldout-exclude.txt above)",
    )
    commands.add_parser("stats", help="counts over the corpus")
    commands.add_parser("queries", help="query, rank, url and id of every page (tab-separated)")
    save_parser = commands.add_parser("save", help="write texts from a saved search answer")
    save_parser.add_argument("answer", type=Path, help="the JSON answer of one pages search")
    args = parser.parse_args(argv)
    root: Path = args.root
    try:
        if args.command == "check":
            exclude = args.exclude or find_exclusions(root)
            if exclude is None:
                print("note: no shared/heldout-exclude.txt found above the corpus; not checked")
            report = check(root, exclude)
            for text_id in report.missing:
                print(f"missing: {text_id}")
            for problem in report.mismatched:
                print(f"mismatch: {problem}")
            print(
                f"{report.checked} labels, {len(report.missing)} texts missing, "
                f"{len(report.mismatched)} mismatches"
            )
            return 0 if report.ok else 1
        if args.command == "stats":
            print(format_stats(stats(load_labels(root))))
        elif args.command == "queries":
            for query, rank, url, label_id in query_rows(load_labels(root)):
                print(f"{query}\t{rank}\t{url}\t{label_id}")
        else:
            for line in save_answer(root, args.answer):
                print(line)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def run() -> int:
    """``main`` for the command line: a reader that stops early (``| head``) is not an error."""
    try:
        return main()
    except BrokenPipeError:
        # Point stdout at nothing so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(run())
