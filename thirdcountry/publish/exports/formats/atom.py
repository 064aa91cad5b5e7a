"""Atom feeds (RFC 4287): every accepted fact, and one feed per country, in each language.

Files: ``feed.atom`` (English) and ``feed.es.atom`` (Spanish) for everything, and
``feed-CODE.atom`` / ``feed-CODE.es.atom`` per country; the site serves them under
``/data/``.

An entry is one *fact*: every standing claim asserting the same thing about the same
countries (kind, value, figures, facility, date), whatever source reported it. Its sources
are listed in the entry, a syndicated copy under its original, so ten reports of one
statement are one entry, not ten. Entry ids are ``urn:uuid:`` names derived from the id
of the fact's earliest claim, so they do not change when another source adds to it.

An entry is dated when its claims were decided: the reviewer's decision time, or for
facts accepted at curation of the bundled dataset the day of the release that accepted
them (the extractor ``curated:2026.11.28`` names it), never the time a store loaded them.
``published`` is the first decision, ``updated`` the latest. Each entry links the claim's
page on the site (``rel="alternate" type="text/html"``) and its JSON in the API.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from babel.dates import format_date, format_skeleton

from thirdcountry.data import bundled_labels
from thirdcountry.domain.claims import Claim
from thirdcountry.domain.countries import country_name
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.documents import Document
from thirdcountry.domain.labels import format_count, format_money
from thirdcountry.domain.vocabulary import ClaimKind, DatePrecision
from thirdcountry.publish.exports.registry import ExportFile, Links, register
from thirdcountry.publish.i18n import translations
from thirdcountry.store.public import PublicData

ATOM = "http://www.w3.org/2005/Atom"
AUDIT_NS = "urn:thirdcountry:audit"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/atom+xml"
LANGUAGES = ("en", "es")
ALL_FEED = "feed.atom"
NAMESPACE = uuid.UUID("6f0a3c52-3f4e-4c6e-9b8e-7d1f2a9c4b10")  # ours: entry and feed ids
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Characters XML 1.0 cannot carry; a stray one in a quote must not break the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CURATED = re.compile(r"^curated:(\d{4})\.(\d{2})\.(\d{2})")

# The feeds' own words, in each language (values and codes come from the label table).
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "all": "thirdcountry: accepted facts",
        "country": "thirdcountry: {name}",
        "subtitle": "Facts accepted into the thirdcountry dataset, newest first.",
        "up_to": "up to {people}",
        "not_reported": "number of people not reported",
        "not_stated": "amount not stated",
        "evidence": "Evidence",
        "sources": "Sources",
        "copies": "copies",
        "corrects": "Corrects claim {id}.",
        "rights": "Data licence: {licence}",
    },
    "es": {
        "all": "thirdcountry: hechos aceptados",
        "country": "thirdcountry: {name}",
        "subtitle": (
            "Hechos aceptados en el conjunto de datos de thirdcountry, los más recientes primero."
        ),
        "up_to": "hasta {people}",
        "not_reported": "número de personas no informado",
        "not_stated": "importe no indicado",
        "evidence": "Prueba",
        "sources": "Fuentes",
        "copies": "copias",
        "corrects": "Corrige la afirmación {id}.",
        "rights": "Licencia de los datos: {licence}",
    },
}


def feed_name(code: str | None = None, lang: str = "en") -> str:
    """``feed.atom``, ``feed.es.atom``, ``feed-SV.atom``, ``feed-SV.es.atom``."""
    stem = f"feed-{code}" if code else "feed"
    return f"{stem}.atom" if lang == "en" else f"{stem}.{lang}.atom"


def country_feed(code: str, lang: str = "en") -> str:
    return feed_name(code, lang)


def _text(raw: str) -> str:
    return _NOT_XML.sub("", raw)


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = _text(text)
    return element


# -- what an entry says ---------------------------------------------------------------


def _date(value: PartialDate, lang: str) -> str:
    if value.precision is DatePrecision.YEAR:
        return str(value.value.year)
    if value.precision is DatePrecision.MONTH:
        return format_skeleton("yMMMM", value.value, locale=lang)
    return format_date(value.value, "long", locale=lang)


def _people(count: int, lang: str) -> str:
    # The site's own plural message, so a feed and a page count people in the same words.
    message = translations(lang).ngettext("%(count)s person", "%(count)s people", count)
    return message % {"count": format_count(count, lang)}


def _value(claim: Claim, lang: str) -> str:
    """What the claim asserts, as the site's pages say it."""
    words, labels = _WORDS[lang], bundled_labels()
    kind = claim.kind
    if kind is ClaimKind.CAPACITY and claim.count is not None:
        return words["up_to"].format(people=_people(claim.count, lang))
    if kind is ClaimKind.COMPENSATION:
        if claim.amount is None:
            return words["not_stated"]
        return format_money(claim.amount, claim.currency, lang)
    if kind is ClaimKind.FACILITY:
        return claim.facility or ""
    if kind is ClaimKind.PERIOD_TOTAL and claim.count is not None:
        qualifier = claim.count_qualifier
        said = _people(claim.count, lang)
        if qualifier is not None and qualifier.value != "exact":
            said = f"{labels.label('count_qualifier', qualifier.value, lang)} {said}"
        return said
    if kind in (ClaimKind.TRANSFER, ClaimKind.ONWARD_TRANSFER):
        parts = [_people(claim.count, lang) if claim.count is not None else words["not_reported"]]
        if claim.nationalities:
            parts.append(", ".join(country_name(code, lang) for code in claim.nationalities))
        if claim.facility:
            parts.append(claim.facility)
        return "; ".join(parts)
    said = labels.value(kind, claim.value, lang)
    if kind is ClaimKind.CONCERN and claim.facility:
        said = f"{said} ({claim.facility})"
    return said


def claim_title(claim: Claim, lang: str = "en") -> str:
    """ "Transfer · United States → El Salvador: 238 people; Venezuela (15 March 2025)"."""
    names = [country_name(code, lang) for code in (claim.sender, claim.receiver) if code]
    kind = bundled_labels().label("kind", claim.kind.value, lang)
    title = f"{kind} · {' → '.join(names)}: {_value(claim, lang)}".rstrip(": ")
    if claim.period_from and claim.period_to:
        period = f"{_date(claim.period_from, lang)} – {_date(claim.period_to, lang)}"
        return f"{title} ({period})"
    return f"{title} ({_date(claim.when, lang)})" if claim.when else title


def _cited(source: Document, lang: str) -> str:
    when = _date(source.published_date, lang) if source.published_date else None
    title = f"“{source.title}”" if source.title else None
    return ", ".join(part for part in (source.outlet, title, when, source.url) if part)


def claim_summary(claims: Sequence[Claim], documents: dict[str, Document], lang: str = "en") -> str:
    """The fact, its evidence and its sources; a copy is listed under its original."""
    words = _WORDS[lang]
    first = claims[0]
    lines = [claim_title(first, lang) + "."]
    quote = next((c.quote for c in claims if c.quote), None)
    if quote:
        lines.append(f"{words['evidence']}: “{quote}”")
    originals: dict[str, list[Document]] = {}
    for claim in claims:
        source = documents.get(claim.document_id or "")
        if source is None:
            continue
        key = source.independent_source
        copies = originals.setdefault(key, [])
        if source.id != key and source not in copies:
            copies.append(source)
    if originals:
        lines.append(f"{words['sources']}:")
        for key, copies in originals.items():
            original = documents.get(key)
            line = f"- {_cited(original, lang)}" if original else f"- {key}"
            if copies:
                outlets = ", ".join(c.outlet or c.url or c.id for c in copies)
                line += f" ({words['copies']}: {outlets})"
            lines.append(line)
    for claim in claims:
        if claim.supersedes:
            lines.append(words["corrects"].format(id=claim.supersedes))
    return "\n".join(lines)


# -- folding claims into facts --------------------------------------------------------


def fact_key(claim: Claim) -> tuple[object, ...]:
    """What a claim asserts, whoever reported it: equal keys are one fact."""
    return (
        claim.kind.value,
        claim.sender,
        claim.receiver,
        claim.value,
        claim.count,
        tuple(sorted(claim.nationalities)),
        None if claim.amount is None else str(claim.amount),
        claim.currency,
        (claim.facility or "").casefold() or None,
        claim.when.isoformat() if claim.when else None,
    )


def decided_at(claim: Claim, data: PublicData) -> datetime:
    """When the claim was decided: review time, else its curation release, else its audit."""
    if claim.reviewed_at is not None:
        moment = claim.reviewed_at
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    curated = _CURATED.match(claim.extractor or "")
    if curated:
        year, month, day = (int(part) for part in curated.groups())
        try:
            return datetime(year, month, day, tzinfo=UTC)
        except ValueError:
            pass  # not a release date after all: fall back to the audit log
    return data.published_at.get(claim.id, data.last_modified or EPOCH)


@dataclass(frozen=True, slots=True)
class Fact:
    claims: list[Claim]  # earliest id first
    published: datetime
    updated: datetime

    @property
    def first(self) -> Claim:
        return self.claims[0]


def _coarse(claim: Claim) -> tuple[object, ...]:
    # What a syndicated copy must share with its original's claim to be the same report.
    return (claim.kind.value, claim.sender, claim.receiver, claim.value, claim.count, claim.when)


def facts(data: PublicData, claims: Iterable[Claim]) -> list[Fact]:
    """Claims folded into facts, most recently updated first.

    Claims asserting the same thing are one fact. A claim cited from a syndicated copy
    also joins its original's claim of the same kind, countries, value, count and date
    when the copy reports less detail (no nationalities, say): it is the same report.
    """
    documents = {d.id: d for d in data.documents}
    grouped: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[fact_key(claim)].append(claim)

    def original(claim: Claim) -> str | None:
        source = documents.get(claim.document_id or "")
        return source.source_id if source else None

    by_report = {
        (claim.document_id, _coarse(claim)): key
        for key, members in grouped.items()
        for claim in members
        if original(claim) is None
    }
    for key in list(grouped):
        members = grouped[key]
        targets = {by_report.get((original(c), _coarse(c))) for c in members}
        target = targets.pop() if len(targets) == 1 else None
        if target is not None and target != key and target in grouped:
            grouped[target].extend(grouped.pop(key))
    found = []
    for members in grouped.values():
        members.sort(key=lambda c: c.id)
        moments = [decided_at(c, data) for c in members]
        found.append(Fact(members, min(moments), max(moments)))
    found.sort(key=lambda f: (f.updated, f.first.id), reverse=True)
    return found


# -- the feed -------------------------------------------------------------------------


def render_feed(
    data: PublicData,
    claims: Iterable[Claim],
    *,
    title: str,
    file_name: str,
    links: Links,
    lang: str = "en",
    page: str = "",
) -> bytes:
    """One feed; ``page`` is the site page it follows, under ``/{lang}/``."""
    documents = {d.id: d for d in data.documents}
    words = _WORDS[lang]
    found = facts(data, claims)
    fallback = data.last_modified or EPOCH
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(NAMESPACE, 'feed:' + file_name)}")
    _sub(feed, "title", title)
    _sub(feed, "subtitle", words["subtitle"])
    _sub(feed, "updated", _rfc3339(found[0].updated if found else fallback))
    author = _sub(feed, "author")
    _sub(author, "name", "thirdcountry")
    _sub(feed, "link", rel="self", type=MEDIA_TYPE, href=links.data(file_name))
    _sub(feed, "link", rel="alternate", type="text/html", href=f"{links.site}{lang}/{page}")
    licence = data.dataset.get("license") or data.dataset.get("licence")
    if licence:
        _sub(feed, "rights", words["rights"].format(licence=licence))
    _sub(feed, "generator", "thirdcountry")
    if data.audit_checkpoint:
        # An extension element (RFC 4287, section 6): the review log's head, to keep.
        checkpoint = ET.SubElement(feed, f"{{{AUDIT_NS}}}checkpoint")
        checkpoint.text = data.audit_checkpoint
    for fact in found:
        claim = fact.first
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:uuid:{uuid.uuid5(NAMESPACE, 'claim:' + claim.id)}")
        _sub(entry, "title", claim_title(claim, lang))
        _sub(entry, "updated", _rfc3339(fact.updated))
        _sub(entry, "published", _rfc3339(fact.published))
        html = f"{links.site}{lang}/claim/{claim.id}"
        _sub(entry, "link", rel="alternate", type="text/html", href=html, hreflang=lang)
        _sub(
            entry,
            "link",
            rel="related",
            type="application/json",
            href=links.api(f"claims/{claim.id}"),
        )
        _sub(
            entry,
            "category",
            term=claim.kind.value,
            label=bundled_labels().label("kind", claim.kind.value, lang),
        )
        _sub(entry, "summary", claim_summary(fact.claims, documents, lang), type="text")
    ET.register_namespace("", ATOM)
    ET.register_namespace("audit", AUDIT_NS)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


class AtomExporter:
    name = "atom"
    description = (
        "feed.atom and feed.es.atom (every accepted fact, in English and Spanish) and "
        "feed-CODE.atom, feed-CODE.es.atom per country."
    )

    def file_names(self, data: PublicData) -> list[str]:
        return [
            feed_name(code, lang)
            for code in (None, *(c.code for c in data.countries))
            for lang in LANGUAGES
        ]

    def render(self, data: PublicData, links: Links) -> list[ExportFile]:
        files = []
        for lang in LANGUAGES:
            name = feed_name(None, lang)
            body = render_feed(
                data, data.claims, title=_WORDS[lang]["all"], file_name=name, links=links, lang=lang
            )
            files.append(ExportFile(name, MEDIA_TYPE, body))
        for country in data.countries:
            code = country.code
            claims = [c for c in data.claims if code in (c.sender, c.receiver)]
            for lang in LANGUAGES:
                name = feed_name(code, lang)
                title = _WORDS[lang]["country"].format(name=country_name(code, lang))
                body = render_feed(
                    data,
                    claims,
                    title=title,
                    file_name=name,
                    links=links,
                    lang=lang,
                    page=f"country/{code}",
                )
                files.append(ExportFile(name, MEDIA_TYPE, body))
        return files


register(AtomExporter())
