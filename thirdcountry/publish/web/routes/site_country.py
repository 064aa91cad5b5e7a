"""Country pages: each arrangement as a card, the timeline, transfers, facilities, sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import get_country
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.documents import Document
from thirdcountry.domain.errors import NotFound, ValidationError
from thirdcountry.domain.projection import Arrangement
from thirdcountry.domain.vocabulary import ClaimKind
from thirdcountry.publish.exports.formats.atom import feed_name
from thirdcountry.publish.web.deps import check_language
from thirdcountry.publish.web.site.pages import page, picture
from thirdcountry.publish.web.site.paging import part_of
from thirdcountry.store.site_views import PublicPicture

router = APIRouter()

# Parts of the long lists: the largest country page stays well under 150 KB of HTML.
CARDS_PART = 20
TIMELINE_PART = 25
SOURCES_PART = 12


@dataclass(slots=True)
class Card:
    """One arrangement and the claims behind each of its figures."""

    arrangement: Arrangement
    evidence: dict[str, list[Claim]]
    agreement_claims: list[Claim]
    denial_claims: list[Claim]


@dataclass(slots=True)
class Report:
    """One source's claim of a fact."""

    claim: Claim
    document: Document | None


@dataclass(slots=True)
class TimelineEntry:
    """One fact, once: every source that reports it is folded under it."""

    when: PartialDate | None
    dated_by_source: bool  # the claim names no date: shown at its source's publication
    claim: Claim  # the earliest report, which the line shows
    document: Document | None
    reports: list[Report] = field(default_factory=list)

    @property
    def independent_sources(self) -> int:
        """Copies of one story count once, as everywhere else on the site."""
        return len({_source_key(r) for r in self.reports})


def _source_key(report: Report) -> str:
    document = report.document
    if document is None:
        return report.claim.id
    return document.source_id or document.id


def _fact(claim: Claim) -> tuple[object, ...]:
    """What a claim asserts, whoever reports it: equal facts fold into one timeline line."""
    content = claim.to_dict()
    for name in ("id", "document_id", "evidence_start", "evidence_end", "quote", "extractor"):
        content.pop(name, None)
    for name in ("confidence", "reviewer", "reviewed_at", "review_note", "supersedes"):
        content.pop(name, None)
    return tuple(sorted((k, str(v)) for k, v in content.items()))


@dataclass(slots=True)
class SourceEntry:
    document: Document
    claims: list[Claim] = field(default_factory=list)


def _card(shown: PublicPicture, arrangement: Arrangement) -> Card:
    pair = (arrangement.sender, arrangement.receiver)
    evidence = {kind.value: shown.pair_claims(*pair, kind) for kind in ClaimKind}
    # Facility and concern claims may name only the receiving country.
    for claim in shown.claims_of(arrangement.claim_ids):
        if claim.sender is None and claim.kind.value in ("facility", "concern"):
            evidence[claim.kind.value].append(claim)
    disputed = set(arrangement.dispute_claims)
    sides = [shown.claims[i] for i in arrangement.dispute_claims if i in shown.claims]
    agreement = [
        c
        for c in sides
        if c.kind is ClaimKind.ARRANGEMENT_STATUS
        and c.id in disputed
        and c.value in ("agreed", "implemented")
    ]
    denial = [c for c in sides if c not in agreement]
    return Card(arrangement, evidence, agreement, denial)


def _timeline(shown: PublicPicture, claims: list[Claim]) -> list[TimelineEntry]:
    entries: dict[tuple[object, ...], TimelineEntry] = {}

    def placed(report: Report) -> tuple[date, str, str]:
        published = report.document.published_date if report.document else None
        when = report.claim.when or published
        return (when.start if when else date.max, report.claim.id, "")

    reports = [Report(c, shown.documents.get(c.document_id or "")) for c in claims]
    # Earliest report first, so each fact is shown as first reported and dated.
    for report in sorted(reports, key=placed):
        claim, document = report.claim, report.document
        entry = entries.get(_fact(claim))
        if entry is None:
            when = claim.when
            by_source = (
                when is None and document is not None and document.published_date is not None
            )
            if by_source and document is not None:
                when = document.published_date
            entry = entries[_fact(claim)] = TimelineEntry(when, by_source, claim, document)
        entry.reports.append(report)
    # Chronological; undated claims of undated sources first, where they cannot mislead.
    return sorted(
        entries.values(),
        key=lambda e: (e.when.start if e.when else date.min, e.claim.kind.value, e.claim.id),
    )


def _sources(shown: PublicPicture, claims: list[Claim]) -> list[SourceEntry]:
    by_doc: dict[str, SourceEntry] = {}
    for claim in claims:
        document = shown.documents.get(claim.document_id or "")
        if document is None:
            continue
        by_doc.setdefault(document.id, SourceEntry(document)).claims.append(claim)
    return sorted(
        by_doc.values(),
        key=lambda s: (s.document.published or date.min, s.document.id),
        reverse=True,
    )


@router.get("/{lang}/country/{code}", include_in_schema=False)
def country(request: Request, lang: str, code: str) -> Response:
    check_language(lang)
    try:
        found = get_country(code)
    except ValidationError:
        raise NotFound(
            f"no country with code {code!r} (use ISO 3166-1 alpha-2; XK is Kosovo)"
        ) from None
    if found.code != code:
        return RedirectResponse(f"/{lang}/country/{found.code}", status_code=301)
    shown = picture(request)
    arrangements = shown.for_country(found.code)
    claim_ids: dict[str, None] = {}
    for arrangement in arrangements:
        claim_ids.update(dict.fromkeys(arrangement.claim_ids))
    claims = shown.claims_of(list(claim_ids))
    facilities: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.facility and claim.receiver == found.code:
            facilities.setdefault(claim.facility, []).append(claim)
    onward: dict[str, object] = {}
    for arrangement in arrangements:
        for transfer in arrangement.onward_transfers:
            onward.setdefault(transfer.claim_ids[0], transfer)
    params = dict(request.query_params)
    path = f"/{lang}/country/{found.code}"
    cards = part_of(
        [_card(shown, a) for a in arrangements],
        params,
        "cards_page",
        CARDS_PART,
        path,
        "arrangements-heading",
    )
    timeline = part_of(
        _timeline(shown, claims), params, "timeline_page", TIMELINE_PART, path, "timeline-heading"
    )
    sources = part_of(
        _sources(shown, claims), params, "sources_page", SOURCES_PART, path, "sources-heading"
    )
    return page(
        request,
        "site/country.html",
        lang,
        {
            "code": found.code,
            "cards": cards,
            "arrangements": arrangements,  # all of them, whichever part of the cards shows
            "receiving": [a for a in arrangements if a.receiver == found.code],
            "sending": [a for a in arrangements if a.sender == found.code],
            "timeline": timeline,
            "facilities": sorted(facilities.items()),
            "sources": sources,
            "onward": list(onward.values()),
            "feed_file": feed_name(found.code, lang),
            "api_claims": f"/api/v1/claims?country={found.code}",
        },
        current=shown,
    )
