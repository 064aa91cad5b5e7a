"""Repository functions for documents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from thirdcountry.domain.documents import Document
from thirdcountry.domain.errors import NotFound
from thirdcountry.domain.projection import SourceInfo
from thirdcountry.domain.vocabulary import DatePrecision, DocumentKind
from thirdcountry.store import search_index
from thirdcountry.store.tables import DocumentRow


def to_domain(row: DocumentRow) -> Document:
    return Document(
        id=row.id,
        url=row.url,
        outlet=row.outlet,
        title=row.title,
        published=row.published,
        published_precision=DatePrecision(row.published_precision)
        if row.published_precision
        else None,
        language=row.language,
        kind=DocumentKind(row.kind),
        author=row.author,
        text=row.text,
        content_hash=row.content_hash,
        source_id=row.source_id,
    )


def to_row(doc: Document) -> DocumentRow:
    return DocumentRow(
        id=doc.id,
        url=doc.url,
        outlet=doc.outlet,
        title=doc.title,
        published=doc.published,
        published_precision=doc.published_precision.value if doc.published_precision else None,
        language=doc.language,
        kind=doc.kind.value,
        author=doc.author,
        text=doc.text,
        content_hash=doc.content_hash,
        source_id=doc.source_id,
        created_at=datetime.now(UTC),
    )


def add_document(session: Session, doc: Document) -> Document:
    session.add(to_row(doc))
    session.flush()
    # A copy of a public original can change the original's entry; a new document is
    # public only once a standing claim cites it, which marks it again.
    search_index.mark_documents(session, [doc.id])
    return doc


def get_document(session: Session, document_id: str) -> Document:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFound(f"no document with id {document_id!r}")
    return to_domain(row)


def find_existing(session: Session, doc: Document) -> Document | None:
    """The stored document that is the same source as ``doc``: same URL, else same text."""
    if doc.url:
        row = session.scalars(select(DocumentRow).where(DocumentRow.url == doc.url)).first()
        if row is not None:
            return to_domain(row)
    if doc.content_hash:
        row = session.scalars(
            select(DocumentRow).where(DocumentRow.content_hash == doc.content_hash)
        ).first()
        if row is not None:
            return to_domain(row)
    if not doc.url and not doc.content_hash and doc.title:
        row = session.scalars(
            select(DocumentRow).where(
                DocumentRow.title == doc.title,
                DocumentRow.outlet == doc.outlet,
                DocumentRow.published == doc.published,
            )
        ).first()
        if row is not None:
            return to_domain(row)
    return None


def list_documents(session: Session, *, limit: int | None = None) -> list[Document]:
    query = select(DocumentRow).order_by(DocumentRow.published.desc(), DocumentRow.id)
    if limit is not None:
        query = query.limit(limit)
    return [to_domain(row) for row in session.scalars(query)]


def source_infos(
    session: Session, document_ids: Sequence[str] | None = None
) -> dict[str, SourceInfo]:
    """What projection needs of each document: its independent-source key and date."""
    query = select(
        DocumentRow.id,
        DocumentRow.source_id,
        DocumentRow.published,
        DocumentRow.published_precision,
    )
    if document_ids is not None:
        query = query.where(DocumentRow.id.in_(list(document_ids)))
    infos = {}
    for doc_id, source_id, published, precision in session.execute(query):
        doc = Document(
            id=doc_id,
            title="-",
            published=published,
            published_precision=DatePrecision(precision) if precision else None,
        )
        infos[doc_id] = SourceInfo(source_key=source_id or doc_id, published=doc.published_date)
    return infos
