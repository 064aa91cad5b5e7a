"""Read models: the projected picture, assembled from the store for the CLI and the web."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import get_country
from thirdcountry.domain.documents import Document
from thirdcountry.domain.projection import Arrangement, ProjectionRules, project
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store.tables import ClaimRow, DocumentRow


def decided_claims(session: Session) -> list[Claim]:
    """Accepted claims plus the rejected ones (which can cancel a correction)."""
    rows = session.scalars(
        select(ClaimRow).where(ClaimRow.review_state != ReviewState.PENDING.value)
    )
    return [claim_repo.to_domain(row) for row in rows]


def arrangements(session: Session, rules: ProjectionRules | None = None) -> list[Arrangement]:
    # Pending claims go in too: projection counts them and lists arrangements that rest on
    # pending claims alone; only accepted claims shape the picture.
    claims = [claim_repo.to_domain(row) for row in session.scalars(select(ClaimRow))]
    return project(claims, document_repo.source_infos(session), rules)


@dataclass(slots=True)
class CountryView:
    code: str
    arrangements: list[Arrangement]
    claims: list[Claim]
    documents: list[Document]

    def to_dict(self) -> dict[str, Any]:
        country = get_country(self.code)
        return {
            "code": self.code,
            "name": {"en": country.name_en, "es": country.name_es},
            "arrangements": [a.to_dict() for a in self.arrangements],
            "claims": [c.to_dict() for c in self.claims],
            "sources": [d.to_dict() for d in self.documents],
        }


def country_view(session: Session, code: str, rules: ProjectionRules | None = None) -> CountryView:
    """One country's arrangements (as sender or receiver), accepted claims and sources."""
    code = get_country(code).code
    picture = [a for a in arrangements(session, rules) if code in (a.sender, a.receiver)]
    wanted = {claim_id for a in picture for claim_id in a.claim_ids}
    claims = [
        claim_repo.to_domain(row)
        for row in session.scalars(select(ClaimRow).where(ClaimRow.id.in_(wanted)))
    ]
    claims.sort(key=lambda c: (c.date.isoformat() if c.date else "", c.id))
    doc_ids = {c.document_id for c in claims if c.document_id}
    documents = [
        document_repo.to_domain(row)
        for row in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(doc_ids)))
    ]
    documents.sort(key=lambda d: (str(d.published or ""), d.id), reverse=True)
    return CountryView(code, picture, claims, documents)
