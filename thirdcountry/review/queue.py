"""What reviewers look at: the queue of pending claims grouped by document (each with its
evidence inside the document's text), the open problem reports with the claims they
concern, and the open conflicts with their sources side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.documents import Document
from thirdcountry.domain.errors import NotFound
from thirdcountry.domain.projection import ProjectionRules
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.review.conflicts import ClaimConflict, detect_conflicts
from thirdcountry.review.highlight import Segment, excerpt, segments
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store import reports as report_repo
from thirdcountry.store import review_records
from thirdcountry.store.reports import ProblemReport
from thirdcountry.store.review_records import Resolution
from thirdcountry.store.tables import ClaimRow, DocumentRow
from thirdcountry.store.views import decided_claims


@dataclass(slots=True)
class ClaimCard:
    """A claim as a reviewer sees it: content, the version they act on, its evidence."""

    claim: Claim
    version: int
    excerpt: list[Segment]
    reports: list[ProblemReport] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "claim": self.claim.to_dict(),
            "version": self.version,
            "reports": [_report_dict(r) for r in self.reports],
        }


@dataclass(slots=True)
class DocumentGroup:
    document: Document | None
    claims: list[ClaimCard]
    text: list[Segment]  # the whole text with every claim's evidence marked

    @property
    def anchor(self) -> str:
        return f"doc-{self.document.id}" if self.document else "doc-none"

    def to_dict(self) -> dict[str, object]:
        return {
            "document": self.document.to_dict() if self.document else None,
            "claims": [card.to_dict() for card in self.claims],
        }


@dataclass(slots=True)
class ReportCard:
    report: ProblemReport
    card: ClaimCard
    document: Document | None

    def to_dict(self) -> dict[str, object]:
        return {**_report_dict(self.report), **self.card.to_dict()}


@dataclass(slots=True)
class Queue:
    groups: list[DocumentGroup]
    reports: list[ReportCard]
    pending_claims: int
    pending_documents: int
    page: int
    pages: int

    def to_dict(self) -> dict[str, object]:
        return {
            "pending_claims": self.pending_claims,
            "pending_documents": self.pending_documents,
            "page": self.page,
            "pages": self.pages,
            "documents": [g.to_dict() for g in self.groups],
            "reports": [r.to_dict() for r in self.reports],
        }


def _report_dict(report: ProblemReport) -> dict[str, object]:
    return {
        "report": report.id,
        "message": report.message,
        "contact": report.contact,
        "created_at": report.created_at.isoformat(),
        "status": report.status,
    }


def _card(row: ClaimRow, document: Document | None) -> ClaimCard:
    claim = claim_repo.to_domain(row)
    shown: list[Segment] = []
    if document and document.text and claim.evidence_start is not None:
        shown = excerpt(document.text, (claim.evidence_start, claim.evidence_end or 0), claim.id)
    return ClaimCard(claim, row.version, shown)


def _pending_filter(country: str | None) -> list[Any]:
    successor = aliased(ClaimRow)
    # A pending claim someone already corrected waits for nobody.
    corrected = exists().where(
        and_(successor.supersedes == ClaimRow.id, successor.review_state != "rejected")
    )
    conditions: list[Any] = [ClaimRow.review_state == ReviewState.PENDING.value, ~corrected]
    if country:
        conditions.append(or_(ClaimRow.sender == country, ClaimRow.receiver == country))
    return conditions


def _documents(session: Session, ids: set[str]) -> dict[str, Document]:
    if not ids:
        return {}
    rows = session.scalars(select(DocumentRow).where(DocumentRow.id.in_(ids)))
    return {row.id: document_repo.to_domain(row) for row in rows}


def build_queue(
    session: Session, *, country: str | None = None, page: int = 1, per_page: int = 10
) -> Queue:
    """Pending claims grouped by document, ``per_page`` documents a page: the document with
    the most confident claim first (the extractor's calibrated confidence; claims without
    one last), then the oldest; inside a document, the most confident claim first."""
    conditions = _pending_filter(country)
    # One row per document, so only the shown page's claims are loaded however long the
    # queue is.
    per_document = session.execute(
        select(ClaimRow.document_id, func.min(ClaimRow.id), func.count())
        .where(*conditions)
        .group_by(ClaimRow.document_id)
        .order_by(func.coalesce(func.max(ClaimRow.confidence), -1.0).desc(), func.min(ClaimRow.id))
    ).all()
    pages = max(1, -(-len(per_document) // per_page))
    page = min(max(1, page), pages)
    wanted = [doc_id for doc_id, _, _ in per_document[(page - 1) * per_page : page * per_page]]
    in_page: ColumnElement[bool] = ClaimRow.document_id.in_([d for d in wanted if d])
    if None in wanted:
        in_page = or_(in_page, ClaimRow.document_id.is_(None))
    grouped: dict[str | None, list[ClaimRow]] = {doc_id: [] for doc_id in wanted}
    ordered = (func.coalesce(ClaimRow.confidence, -1.0).desc(), ClaimRow.id)
    for row in session.scalars(select(ClaimRow).where(*conditions, in_page).order_by(*ordered)):
        grouped[row.document_id].append(row)
    shown = list(grouped.items())
    documents = _documents(session, {doc_id for doc_id, _ in shown if doc_id})
    open_reports = report_repo.list_reports(session, status="open")
    reports_by_claim: dict[str, list[ProblemReport]] = {}
    for report in open_reports:
        reports_by_claim.setdefault(report.claim_id, []).append(report)

    groups = []
    for doc_id, doc_rows in shown:
        document = documents.get(doc_id) if doc_id else None
        cards = [_card(row, document) for row in doc_rows]
        for card in cards:
            card.reports = reports_by_claim.get(card.claim.id, [])
        groups.append(DocumentGroup(document, cards, _full_text(document, cards)))
    return Queue(
        groups=groups,
        reports=_report_cards(session, open_reports),
        pending_claims=sum(count for _, _, count in per_document),
        pending_documents=len(per_document),
        page=page,
        pages=pages,
    )


def _full_text(document: Document | None, cards: Sequence[ClaimCard]) -> list[Segment]:
    if document is None or not document.text:
        return []
    spans: dict[str, tuple[int, int]] = {}
    for card in cards:
        start, end = card.claim.evidence_start, card.claim.evidence_end
        if start is not None and end is not None:
            spans[card.claim.id] = (start, end)
    return segments(document.text, spans)


def _report_cards(session: Session, reports: list[ProblemReport]) -> list[ReportCard]:
    if not reports:
        return []
    rows = {
        row.id: row
        for row in session.scalars(
            select(ClaimRow).where(ClaimRow.id.in_({r.claim_id for r in reports}))
        )
    }
    documents = _documents(session, {row.document_id for row in rows.values() if row.document_id})
    cards = []
    for report in reports:
        row = rows[report.claim_id]
        document = documents.get(row.document_id) if row.document_id else None
        cards.append(ReportCard(report, _card(row, document), document))
    return cards


def claim_card(session: Session, claim_id: str) -> tuple[ClaimCard, Document | None]:
    """One claim with its version and evidence, for pages about a single claim."""
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise NotFound(f"no claim with id {claim_id!r}")
    document = document_repo.get_document(session, row.document_id) if row.document_id else None
    return _card(row, document), document


# -- conflicts --------------------------------------------------------------------------


@dataclass(slots=True)
class ConflictCard:
    conflict: ClaimConflict
    claims: list[tuple[ClaimCard, Document | None]]

    def to_dict(self) -> dict[str, object]:
        return {
            **self.conflict.to_dict(),
            "claims": [
                {**card.to_dict(), "document": doc.to_dict() if doc else None}
                for card, doc in self.claims
            ],
        }


def current_conflicts(
    session: Session, rules: ProjectionRules | None = None
) -> list[ClaimConflict]:
    return detect_conflicts(decided_claims(session), document_repo.source_infos(session), rules)


def conflict_board(
    session: Session, rules: ProjectionRules | None = None
) -> tuple[list[ConflictCard], list[Resolution]]:
    """Open conflicts with their claims and sources, and the resolutions recorded so far."""
    resolved = review_records.list_resolutions(session)
    done = {r.conflict_key for r in resolved}
    open_cards = []
    for conflict in current_conflicts(session, rules):
        if conflict.key in done:
            continue
        rows = {
            row.id: row
            for row in session.scalars(select(ClaimRow).where(ClaimRow.id.in_(conflict.claim_ids)))
        }
        documents = _documents(
            session, {row.document_id for row in rows.values() if row.document_id}
        )
        claims = []
        for claim_id in conflict.claim_ids:
            row = rows[claim_id]
            document = documents.get(row.document_id) if row.document_id else None
            claims.append((_card(row, document), document))
        open_cards.append(ConflictCard(conflict, claims))
    return open_cards, resolved
