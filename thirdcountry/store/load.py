"""Loading dataset files into the store: all or nothing, and idempotent."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from thirdcountry.domain.dataset import Dataset, DatasetError, parse_dataset
from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.store import audit
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store.database import Store
from thirdcountry.store.tables import ClaimRow, DocumentRow, MetaRow

DATASET_META_KEY = "dataset"


try:  # libyaml's parser, when PyYAML has it, reads the full dataset several times faster
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

# Lookups by a list of keys are split so no statement exceeds a backend's parameter limit.
_CHUNK = 500


class _DatasetLoader(_SafeLoader):
    """Safe YAML that leaves dates as text, so our own parser judges them (and names them)."""


_DatasetLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class AliasRefused(ValueError):
    """A YAML dataset file that uses an alias."""


def _load_yaml(raw: str) -> Any:
    """The one document of ``raw``, refusing aliases (``*name``) before constructing it.

    A kilobyte of nested aliases stands for gigabytes once anything walks the data (the
    validator, an error message quoting a value). Datasets never need them: each fact is
    written out where it belongs. The node graph is checked as composed, where an alias
    is the same node met twice, so nothing is expanded to find one.
    """
    loader = _DatasetLoader(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _refuse_aliases(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _refuse_aliases(root: yaml.Node) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            line = node.start_mark.line + 1
            raise AliasRefused(
                f"not valid here: the YAML anchor at line {line} is used again through an "
                "alias (*name); dataset files do not allow aliases, write each value out"
            )
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


@dataclass(slots=True)
class LoadReport:
    source: str
    documents_added: int = 0
    documents_present: int = 0
    claims_added: int = 0
    claims_present: int = 0
    claims_decided: int = 0  # present and pending, now decided by this file
    rejected: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "documents": {"added": self.documents_added, "present": self.documents_present},
            "claims": {
                "added": self.claims_added,
                "present": self.claims_present,
                "decided": self.claims_decided,
            },
            "rejected": list(self.rejected),
        }


def read_dataset_file(path: Path, *, today: date | None = None) -> Dataset:
    """Read and validate a YAML or JSON dataset file."""
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(name, ["file does not exist"]) from None
    except IsADirectoryError:
        raise DatasetError(name, ["is a folder, not a dataset file"]) from None
    except UnicodeDecodeError:
        raise DatasetError(name, ["is not UTF-8 text"]) from None
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else _load_yaml(raw)
    except json.JSONDecodeError as exc:
        raise DatasetError(name, [f"not valid JSON: {exc.msg} at line {exc.lineno}"]) from None
    except AliasRefused as exc:
        raise DatasetError(name, [str(exc)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DatasetError(name, [f"not valid YAML: {problem}{where}"]) from None
    return parse_dataset(data, name, today=today)


def load_dataset(store: Store, dataset: Dataset, *, actor: str | None = None) -> LoadReport:
    """Add what the store lacks, in one transaction; report what was already there.

    A claim already stored and still pending takes the file's decision when the file has
    one (a later release of the bundled dataset accepting a fact at curation, say): it is
    reviewed through the ordinary review path, in the audit log under ``actor``. A decision
    already taken in the store is never changed by a file.
    """
    report = LoadReport(source=dataset.source)
    actor = actor or f"dataset:{dataset.meta.get('name') or Path(dataset.source).name}"
    try:
        with store.write() as session:
            stored_ids = _store_documents(session, dataset, report)
            claims = []
            for entry in dataset.claims:
                claim = entry.claim
                if entry.document is not None:
                    claim = replace(claim, document_id=stored_ids[entry.document])
                claims.append((entry, claim, claim.fingerprint()))
            # What the store already holds, asked once rather than once per claim.
            present_ids = _existing(
                session, ClaimRow.id, [c.id for e, c, _ in claims if e.explicit_id]
            )
            present_prints = _existing(session, ClaimRow.fingerprint, [f for _, _, f in claims])
            held = _hold(session, set(stored_ids.values()))
            # Stored claims still pending that this file decides.
            deciding = [
                (e, c, f) for e, c, f in claims if c.review_state is not ReviewState.PENDING
            ]
            undecided = _pending_ids(
                session,
                [c.id for e, c, _ in deciding if e.explicit_id and c.id in present_ids],
                [f for _, _, f in deciding],
            )
            for entry, claim, fingerprint in claims:
                if (entry.explicit_id and claim.id in present_ids) or (
                    fingerprint in present_prints
                ):
                    report.claims_present += 1
                    stored = undecided.get(claim.id) if entry.explicit_id else None
                    stored = stored or undecided.get(fingerprint)
                    if stored is not None and claim.review_state is not ReviewState.PENDING:
                        claim_repo.review_claim(
                            session,
                            stored,
                            claim.review_state,
                            actor,
                            note=claim.review_note,
                        )
                        report.claims_decided += 1
                    continue
                try:
                    claim_repo.add_claim(session, claim, actor=actor)
                except BadInput as exc:
                    raise DatasetError(dataset.source, [f"claim #{entry.number}: {exc}"]) from None
                present_ids.add(claim.id)
                present_prints.add(fingerprint)
                report.claims_added += 1
                if held.audit_head is None:
                    held.audit_head = session.get(MetaRow, audit.HEAD_KEY)
            if dataset.meta:
                _store_meta(session, dataset.meta)
    except IntegrityError as exc:
        raise DatasetError(dataset.source, [f"database refused the data: {exc.orig}"]) from None
    return report


def _store_documents(session: Any, dataset: Dataset, report: LoadReport) -> dict[str, str]:
    """Add the documents the store lacks; map every local id to its stored id."""
    by_url = _lookup(session, DocumentRow.url, [d.document.url for d in dataset.documents])
    by_hash = _lookup(
        session, DocumentRow.content_hash, [d.document.content_hash for d in dataset.documents]
    )
    stored_ids: dict[str, str] = {}
    # Originals first, so copies can point at them.
    for item in sorted(dataset.documents, key=lambda d: d.copy_of is not None):
        doc = item.document
        existing = by_url.get(doc.url or "") or by_hash.get(doc.content_hash or "")
        if existing is None and not doc.url and not doc.content_hash:
            found = document_repo.find_existing(session, doc)
            existing = found.id if found else None
        if existing is not None:
            stored_ids[item.local_id] = existing
            report.documents_present += 1
            continue
        if item.copy_of is not None:
            doc = replace(doc, source_id=stored_ids[item.copy_of])
        document_repo.add_document(session, doc)
        stored_ids[item.local_id] = doc.id
        for key, known in ((doc.url, by_url), (doc.content_hash, by_hash)):
            if key:
                known.setdefault(key, doc.id)
        report.documents_added += 1
    return stored_ids


@dataclass(slots=True)
class _Held:
    """Strong references that keep rows in the session's identity map while loading.

    The identity map holds rows weakly: without these, every claim would fetch its
    document, and every audit entry the audit head, from the database again.
    """

    documents: list[DocumentRow]
    audit_head: MetaRow | None


def _hold(session: Any, document_ids: set[str]) -> _Held:
    rows: list[DocumentRow] = []
    wanted = sorted(document_ids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows.extend(session.scalars(select(DocumentRow).where(DocumentRow.id.in_(chunk))))
    return _Held(rows, session.get(MetaRow, audit.HEAD_KEY))


def _chunks(keys: Iterable[str | None]) -> Iterator[list[str]]:
    """The distinct keys, sorted, in lists short enough for any backend's parameter limit."""
    wanted = sorted({k for k in keys if k})
    for start in range(0, len(wanted), _CHUNK):
        yield wanted[start : start + _CHUNK]


def _lookup(session: Any, column: Any, keys: list[str | None]) -> dict[str, str]:
    """Stored document id per value of ``column`` among ``keys`` (first stored wins)."""
    found: dict[str, str] = {}
    for chunk in _chunks(keys):
        rows = session.execute(
            select(column, DocumentRow.id).where(column.in_(chunk)).order_by(DocumentRow.created_at)
        )
        for key, doc_id in rows:
            found.setdefault(key, doc_id)
    return found


def _existing(session: Any, column: Any, keys: list[str]) -> set[str]:
    """The values among ``keys`` that ``column`` already holds."""
    found: set[str] = set()
    for chunk in _chunks(keys):
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return found


def _pending_ids(session: Any, ids: list[str], fingerprints: list[str]) -> dict[str, str]:
    """Stored pending claims, by id and by fingerprint, among the ones asked for."""
    found: dict[str, str] = {}
    for column, keys in ((ClaimRow.id, ids), (ClaimRow.fingerprint, fingerprints)):
        for chunk in _chunks(keys):
            rows = session.execute(
                select(column, ClaimRow.id).where(
                    column.in_(chunk), ClaimRow.review_state == ReviewState.PENDING.value
                )
            )
            found.update((key, claim_id) for key, claim_id in rows)
    return found


def _store_meta(session: Any, meta: dict[str, Any]) -> None:
    blob = json.dumps(meta, default=str, ensure_ascii=False)
    row = session.get(MetaRow, DATASET_META_KEY)
    if row is None:
        session.add(MetaRow(key=DATASET_META_KEY, value=blob))
    else:
        row.value = blob


def dataset_meta(store: Store) -> dict[str, Any]:
    with store.read() as session:
        row = session.get(MetaRow, DATASET_META_KEY)
        return json.loads(row.value) if row else {}


def load_file(
    store: Store, path: Path, *, actor: str | None = None, today: date | None = None
) -> LoadReport:
    return load_dataset(store, read_dataset_file(path, today=today), actor=actor)
