"""Atom feeds (RFC 4287): every accepted change, and one feed per country.

An entry is a claim that became public (accepted on review, loaded as accepted, or a
correction), dated when it was accepted. Entry ids are ``urn:uuid:`` names derived from
the claim id, so they never change; links point at the claim in the API.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import country_name
from thirdcountry.domain.documents import Document
from thirdcountry.domain.totals import stated_count
from thirdcountry.publish.exports.registry import ExportFile, Links, register
from thirdcountry.store.public import PublicData

ATOM = "http://www.w3.org/2005/Atom"
AUDIT_NS = "urn:thirdcountry:audit"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/atom+xml"
ALL_FEED = "feed.atom"
NAMESPACE = uuid.UUID("6f0a3c52-3f4e-4c6e-9b8e-7d1f2a9c4b10")  # ours: entry and feed ids
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Characters XML 1.0 cannot carry; a stray one in a quote must not break the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def country_feed(code: str) -> str:
    return f"feed-{code}.atom"


def _text(raw: str) -> str:
    return _NOT_XML.sub("", raw)


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = _text(text)
    return element


def claim_title(claim: Claim) -> str:
    where = country_name(claim.receiver or "", "en") if claim.receiver else ""
    if claim.sender:
        where = f"{country_name(claim.sender, 'en')} → {where}"
    what = [claim.kind.value.replace("_", " ")]
    if claim.value:
        what.append(claim.value.replace("_", " "))
    if claim.count is not None:
        what.append(f"{stated_count(claim.count, claim.count_qualifier)} people")
    if claim.amount is not None:
        what.append(f"{claim.amount} {claim.currency or ''}".strip())
    if claim.facility:
        what.append(f"at {claim.facility}")
    when = f" ({claim.when.isoformat()})" if claim.when else ""
    if claim.period_from and claim.period_to:
        when = f" ({claim.period_from.isoformat()} to {claim.period_to.isoformat()})"
    return f"{where}: {', '.join(what)}{when}"


def claim_summary(claim: Claim, source: Document | None) -> str:
    lines = [claim_title(claim) + "."]
    if claim.nationalities:
        lines.append("Nationalities: " + ", ".join(claim.nationalities) + ".")
    if claim.quote:
        lines.append(f"Evidence: “{claim.quote}”")
    if source is not None:
        cited = ", ".join(
            part
            for part in (
                source.outlet,
                f"“{source.title}”" if source.title else None,
                source.published_date.isoformat() if source.published_date else None,
                source.url,
            )
            if part
        )
        lines.append(f"Source: {cited}.")
    if claim.supersedes:
        lines.append(f"Corrects claim {claim.supersedes}.")
    return "\n".join(lines)


def render_feed(
    data: PublicData, claims: Iterable[Claim], *, title: str, file_name: str, links: Links
) -> bytes:
    documents = {d.id: d for d in data.documents}
    fallback = data.last_modified or EPOCH
    dated = sorted(
        ((data.published_at.get(c.id, fallback), c) for c in claims),
        key=lambda pair: (pair[0], pair[1].id),
        reverse=True,
    )
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "en"})
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(NAMESPACE, 'feed:' + file_name)}")
    _sub(feed, "title", title)
    _sub(feed, "subtitle", "Claims accepted into the thirdcountry dataset, newest first.")
    _sub(feed, "updated", _rfc3339(dated[0][0] if dated else fallback))
    author = _sub(feed, "author")
    _sub(author, "name", "thirdcountry")
    _sub(feed, "link", rel="self", type=MEDIA_TYPE, href=links.data(file_name))
    _sub(feed, "link", rel="alternate", type="text/html", href=links.site)
    licence = data.dataset.get("license") or data.dataset.get("licence")
    if licence:
        _sub(feed, "rights", f"Data licence: {licence}")
    _sub(feed, "generator", "thirdcountry")
    if data.audit_checkpoint:
        # An extension element (RFC 4287, section 6): the review log's head, to keep.
        checkpoint = ET.SubElement(feed, f"{{{AUDIT_NS}}}checkpoint")
        checkpoint.text = data.audit_checkpoint
    for moment, claim in dated:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:uuid:{uuid.uuid5(NAMESPACE, 'claim:' + claim.id)}")
        _sub(entry, "title", claim_title(claim))
        _sub(entry, "updated", _rfc3339(moment))
        _sub(entry, "published", _rfc3339(moment))
        _sub(
            entry,
            "link",
            rel="alternate",
            type="application/json",
            href=links.api(f"claims/{claim.id}"),
        )
        _sub(entry, "category", term=claim.kind.value)
        source = documents.get(claim.document_id or "")
        _sub(entry, "summary", claim_summary(claim, source), type="text")
    ET.register_namespace("", ATOM)
    ET.register_namespace("audit", AUDIT_NS)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


class AtomExporter:
    name = "atom"
    description = f"{ALL_FEED} (every accepted change) and feed-CODE.atom per country."

    def file_names(self, data: PublicData) -> list[str]:
        return [ALL_FEED, *(country_feed(c.code) for c in data.countries)]

    def render(self, data: PublicData, links: Links) -> list[ExportFile]:
        files = [
            ExportFile(
                ALL_FEED,
                MEDIA_TYPE,
                render_feed(
                    data,
                    data.claims,
                    title="thirdcountry: accepted changes",
                    file_name=ALL_FEED,
                    links=links,
                ),
            )
        ]
        for country in data.countries:
            code = country.code
            name = country_feed(code)
            claims = [c for c in data.claims if code in (c.sender, c.receiver)]
            title = f"thirdcountry: {country.name_en} ({code})"
            body = render_feed(data, claims, title=title, file_name=name, links=links)
            files.append(ExportFile(name, MEDIA_TYPE, body))
        return files


register(AtomExporter())
