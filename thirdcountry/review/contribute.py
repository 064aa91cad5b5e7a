"""What contributors hand in: sources (a URL or a file) and proposed claims.

A submitted source becomes a document record at once, so claims can cite it; turning a
web page or a PDF into text is the ingestion stage's job, which picks submissions up from
``source_submissions``. A plain-text upload already is text and is stored as such. A
proposed claim is an ordinary pending claim whose extractor is ``person:<name>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from thirdcountry.domain.claims import Claim, validate
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.documents import Document, validate_document
from thirdcountry.domain.errors import BadInput, Conflict
from thirdcountry.domain.vocabulary import ClaimKind, DocumentKind
from thirdcountry.review.fields import parse_fields
from thirdcountry.store import audit, review_records
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store.review_records import Submission
from thirdcountry.store.tables import ClaimRow

TEXT_TYPES = ("text/plain", "text/markdown")
TEXT_SUFFIXES = (".txt", ".md", ".text")


@dataclass(frozen=True, slots=True)
class SourceMeta:
    """What a contributor may say about a source besides its address or its bytes."""

    title: str | None = None
    outlet: str | None = None
    kind: str = DocumentKind.NEWS.value
    language: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Submitted:
    document: Document
    submission: Submission | None  # None: the source was already known
    known: bool


def _clean(raw: str | None, limit: int = 500) -> str | None:
    cleaned = (raw or "").strip()
    return cleaned[:limit] or None


def _kind(raw: str) -> DocumentKind:
    try:
        return DocumentKind(raw)
    except ValueError:
        allowed = ", ".join(k.value for k in DocumentKind)
        raise BadInput(f"source kind {raw!r} is not one of: {allowed}") from None


def _document(meta: SourceMeta, **fields: Any) -> Document:
    published: date | None = None
    precision = None
    if _clean(meta.published):
        when = PartialDate.parse(_clean(meta.published))
        published, precision = when.value, when.precision
    return validate_document(
        Document(
            title=_clean(meta.title),
            outlet=_clean(meta.outlet, 200),
            kind=_kind(meta.kind),
            language=_clean(meta.language, 8),
            published=published,
            published_precision=precision,
            **fields,
        )
    )


def _record(
    session: Session, actor: str, doc: Document, meta: SourceMeta, **stored: Any
) -> Submitted:
    existing = document_repo.find_existing(session, doc)
    if existing is not None:
        return Submitted(existing, None, True)
    document_repo.add_document(session, doc)
    submission = review_records.add_submission(
        session, document_id=doc.id, submitted_by=actor, note=_clean(meta.note, 4000), **stored
    )
    audit.append(
        session,
        actor=actor,
        action="submit_source",
        after={
            "document": doc.id,
            "submission": submission.id,
            "url": doc.url,
            "filename": stored.get("filename"),
        },
        note=submission.note,
    )
    return Submitted(doc, submission, False)


def submit_url(session: Session, actor: str, url: str, meta: SourceMeta) -> Submitted:
    """Record a web source by its address; the document waits for ingestion."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadInput(f"source URL {url!r} must be an http:// or https:// address")
    doc = _document(meta, url=url)
    return _record(session, actor, doc, meta, url=url)


def submit_file(
    session: Session,
    actor: str,
    filename: str,
    content_type: str | None,
    content: bytes,
    meta: SourceMeta,
    *,
    max_bytes: int,
) -> Submitted:
    """Record an uploaded file. Plain text becomes the document's text; other files are
    kept as they are for the ingestion stage."""
    filename = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()[:200]
    if not filename:
        raise BadInput("the upload has no file name")
    if not content:
        raise BadInput(f"file {filename} is empty")
    if len(content) > max_bytes:
        raise BadInput(f"file {filename} is larger than the limit of {max_bytes} bytes")
    content_type = (content_type or "application/octet-stream").split(";")[0].strip().lower()
    is_text = content_type in TEXT_TYPES or filename.lower().endswith(TEXT_SUFFIXES)
    text = None
    if is_text:
        try:
            text = content.decode("utf-8").replace("\r\n", "\n")
        except UnicodeDecodeError:
            raise BadInput(f"file {filename} is not UTF-8 text") from None
    with_title = meta if _clean(meta.title) else replace(meta, title=filename)
    doc = _document(with_title, text=text)
    return _record(
        session,
        actor,
        doc,
        with_title,
        filename=filename,
        content_type=content_type,
        content=None if is_text else content,
    )


def propose_claim(
    session: Session, actor: str, document_id: str | None, fields: Mapping[str, Any]
) -> Claim:
    """Store a contributor's claim as pending, with its quote located in the document."""
    values = parse_fields(fields)
    kind = values.pop("kind", None)
    if kind not in set(ClaimKind):
        raise BadInput(f"kind {kind!r} is not one of: {', '.join(k.value for k in ClaimKind)}")
    quote = values.pop("quote", None)
    evidence: dict[str, Any] = {}
    if document_id:
        text = document_repo.get_document(session, document_id).text
        if quote and text:
            start = text.find(quote)
            if start == -1:
                raise BadInput("the quote is not in the document's text; copy it exactly")
            evidence = {"evidence_start": start, "evidence_end": start + len(quote)}
    elif quote:
        raise BadInput("a quote needs the document it comes from")
    claim = validate(
        Claim(
            kind=ClaimKind(kind),
            document_id=document_id or None,
            quote=quote,
            extractor=f"person:{actor}",
            **evidence,
            **values,
        )
    )
    duplicate = claim_repo.find_by_fingerprint(session, claim.fingerprint())
    if duplicate is not None:
        raise Conflict(f"the same claim is already stored as {duplicate.id}")
    claim_repo.add_claim(session, claim)
    audit.append(session, actor=actor, action="propose", claim_id=claim.id, after=claim.to_dict())
    return claim


def proposals_of(session: Session, actor: str, limit: int = 20) -> list[Claim]:
    """The claims ``actor`` proposed, newest first (corrections by reviewers excluded)."""
    rows = session.scalars(
        select(ClaimRow)
        .where(ClaimRow.extractor == f"person:{actor}", ClaimRow.supersedes.is_(None))
        .order_by(ClaimRow.id.desc())
        .limit(limit)
    )
    return [claim_repo.to_domain(row) for row in rows]
