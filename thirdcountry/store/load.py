"""Loading dataset files into the store: all or nothing, and idempotent."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.exc import IntegrityError

from thirdcountry.domain.dataset import Dataset, DatasetError, parse_dataset
from thirdcountry.domain.errors import BadInput
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store.database import Store
from thirdcountry.store.tables import ClaimRow, MetaRow

DATASET_META_KEY = "dataset"


class _DatasetLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so our own parser judges them (and names them)."""


_DatasetLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(slots=True)
class LoadReport:
    source: str
    documents_added: int = 0
    documents_present: int = 0
    claims_added: int = 0
    claims_present: int = 0
    rejected: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "documents": {"added": self.documents_added, "present": self.documents_present},
            "claims": {"added": self.claims_added, "present": self.claims_present},
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
        data = (
            json.loads(raw)
            if path.suffix.lower() == ".json"
            else yaml.load(raw, Loader=_DatasetLoader)
        )
    except json.JSONDecodeError as exc:
        raise DatasetError(name, [f"not valid JSON: {exc.msg} at line {exc.lineno}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DatasetError(name, [f"not valid YAML: {problem}{where}"]) from None
    return parse_dataset(data, name, today=today)


def load_dataset(store: Store, dataset: Dataset, *, actor: str | None = None) -> LoadReport:
    """Add what the store lacks, in one transaction; report what was already there."""
    report = LoadReport(source=dataset.source)
    actor = actor or f"dataset:{dataset.meta.get('name') or Path(dataset.source).name}"
    try:
        with store.write() as session:
            stored_ids: dict[str, str] = {}
            # Originals first, so copies can point at them.
            ordered = sorted(dataset.documents, key=lambda d: d.copy_of is not None)
            for item in ordered:
                existing = document_repo.find_existing(session, item.document)
                if existing is not None:
                    stored_ids[item.local_id] = existing.id
                    report.documents_present += 1
                    continue
                doc = item.document
                if item.copy_of is not None:
                    doc = replace(doc, source_id=stored_ids[item.copy_of])
                document_repo.add_document(session, doc)
                stored_ids[item.local_id] = doc.id
                report.documents_added += 1
            for entry in dataset.claims:
                claim = entry.claim
                if entry.document is not None:
                    claim = replace(claim, document_id=stored_ids[entry.document])
                if entry.explicit_id and session.get(ClaimRow, claim.id) is not None:
                    report.claims_present += 1
                    continue
                if claim_repo.find_by_fingerprint(session, claim.fingerprint()) is not None:
                    report.claims_present += 1
                    continue
                try:
                    claim_repo.add_claim(session, claim, actor=actor)
                except BadInput as exc:
                    raise DatasetError(dataset.source, [f"claim #{entry.number}: {exc}"]) from None
                report.claims_added += 1
            if dataset.meta:
                _store_meta(session, dataset.meta)
    except IntegrityError as exc:
        raise DatasetError(dataset.source, [f"database refused the data: {exc.orig}"]) from None
    return report


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
