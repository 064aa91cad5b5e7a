"""Loading a scan result into the store: its pages as documents, their claims as pending.

One transaction per file: it loads whole or not at all. Importing the same file again adds
nothing: a page already stored (same URL or same text, ``find_existing``) is reused, and a
claim already stored (same id, or same content at the same place) is skipped. When the
stored copy of a page has a different text (it came in earlier by another route), each
claim is re-anchored on its quote in the stored text, or reported and left out if the
quote is not there — evidence offsets must point into the text they cite.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.documents import LANGUAGES, Document, validate_document
from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.vocabulary import DocumentKind
from thirdcountry.scale.results import read_rows
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store.database import Store
from thirdcountry.store.load import LoadReport

_REVIEW_FIELDS = ("reviewer", "reviewed_at", "review_note")


def _document(row: dict[str, Any], where: str) -> Document:
    language = row.get("language")
    try:
        return validate_document(
            Document(
                id=row["id"],
                url=row["url"],
                outlet=row.get("outlet"),
                title=row.get("title"),
                published=row.get("published"),
                language=language if language in LANGUAGES else "und",
                kind=DocumentKind.NEWS,
                text=row.get("text"),
                content_hash=row.get("content_hash"),
            )
        )
    except BadInput as exc:
        raise BadInput(f"{where}: {exc}") from None


def _claim(data: dict[str, Any], document_id: str, where: str) -> Claim:
    fields = {k: v for k, v in data.items() if v is not None and k not in _REVIEW_FIELDS}
    fields["document_id"] = document_id
    fields["review_state"] = "pending"
    try:
        return Claim.from_dict(fields)
    except BadInput as exc:
        raise BadInput(f"{where}: {exc}") from None


def _reanchor(claim: Claim, text: str | None) -> Claim | None:
    """The claim with its evidence moved onto the same quote in ``text``, if it is there."""
    if claim.quote is None or text is None:
        return None
    start = text.find(claim.quote)
    if start < 0:
        return None
    return replace(claim, evidence_start=start, evidence_end=start + len(claim.quote))


def import_result(store: Store, path: Path) -> LoadReport:
    """Load the result file ``path`` into ``store``; report what was added and present."""
    report = LoadReport(source=str(path))
    try:
        with store.write() as session:
            for number, row in enumerate(read_rows(path), start=1):
                where = f"{path}: row {number} ({row.get('url')})"
                doc = _document(row, where)
                existing = document_repo.find_existing(session, doc)
                if existing is None:
                    document_repo.add_document(session, doc)
                    report.documents_added += 1
                    stored = doc
                else:
                    report.documents_present += 1
                    stored = existing
                same_text = stored.content_hash == doc.content_hash
                fresh: list[Claim] = []
                for data in row.get("claims") or ():
                    claim = _claim(data, stored.id, where)
                    if not same_text:
                        moved = _reanchor(claim, stored.text)
                        if moved is None:
                            report.rejected.append(
                                f"{where}: claim {claim.id}: its quote is not in the stored "
                                f"text of document {stored.id}"
                            )
                            continue
                        claim = moved
                    fresh.append(claim)
                # One lookup and one flush per page; a claim already stored (same content,
                # so same id: ids come from the archive) is counted as present.
                added = claim_repo.add_pending_claims(session, fresh)
                report.claims_added += added
                report.claims_present += len(fresh) - added
    except IntegrityError as exc:
        raise BadInput(f"{path}: the database refused the data: {exc.orig}") from None
    return report
