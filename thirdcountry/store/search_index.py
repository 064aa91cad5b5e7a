"""Full-text search over what is public: countries, facilities, standing claims, sources.

The index (``search_entries``, migration 0007) holds one row per searchable thing with its
words folded (lower case, accents removed, punctuation as spaces), so that SQLite's FTS5
and PostgreSQL's ``simple`` text search match the same words.

- Countries are searched by their CLDR names in every language, the aliases of the
  extractor's gazetteer (``UK``, ``EE.UU.``, ``Esuatini``) and their code.
- Claims by their quote, value and its labels, facility, countries and numbers.
- Sources by outlet and title first, then the countries and facilities of their claims
  (so "El Salvador" finds what reports on El Salvador).
- Facilities by every spelling the gazetteer knows, and their country.

Only accepted claims that no accepted correction supersedes (standing claims) are
indexed, with the sources and facilities they make public. The index is kept in step by
the writes themselves: repository functions mark the claims and documents they touch
(:func:`mark_claims`, :func:`mark_documents`) and ``Store.write`` re-indexes them before
it commits (:func:`apply_marks`), in the same transaction. A store without an index of
:data:`INDEX_VERSION` (an upgraded one, or after the indexed words change) is rebuilt
whole, once.

A query matches things that contain every word of it; words of three letters or more
also match as a prefix ("salv" finds El Salvador), shorter ones only whole, so "UK"
finds the United Kingdom and not Ukraine.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import yaml
from sqlalchemy import ColumnElement, delete, exists, insert, select, text, true
from sqlalchemy.orm import Session, aliased

from thirdcountry.data import DATA_DIR, bundled_facilities, bundled_labels
from thirdcountry.domain.countries import all_countries, country_name, is_country
from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.labels import LANGUAGES
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.store.search_tables import SearchEntryRow
from thirdcountry.store.tables import ClaimRow, DocumentRow, MetaRow

if TYPE_CHECKING:
    from thirdcountry.store.database import Store

# Bump when what is indexed changes: every store then rebuilds its index once.
INDEX_VERSION = "1"
META_KEY = "search_index"
_MARKS = "search_index_marks"
# Past this many marked claims (a large load), one rebuild costs less than the pieces.
FULL_REBUILD_AT = 2000
MAX_TERMS = 12
MAX_QUERY = 200
PREFIX_FROM = 3  # shorter words match only whole
_CHUNK = 500


class EntryKind(StrEnum):
    COUNTRY = "country"
    FACILITY = "facility"
    CLAIM = "claim"
    SOURCE = "source"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching thing: what it is, its key, and how well it matches (higher first)."""

    kind: EntryKind
    key: str
    country: str | None
    rank: float


# -- words ----------------------------------------------------------------------------


def fold_terms(*texts: object) -> str:
    """The words of ``texts`` as the index holds them: "Côte d'Ivoire" -> "cote d ivoire"."""
    words: list[str] = []
    for item in texts:
        if item is None or item == "":
            continue
        decomposed = unicodedata.normalize("NFKD", str(item).casefold())
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        words.extend(re.findall(r"[^\W_]+", plain))
    return " ".join(words)


def query_terms(query: str) -> list[str]:
    """The words a query asks for, at most :data:`MAX_TERMS`, each once."""
    seen: dict[str, None] = {}
    for word in fold_terms(query[:MAX_QUERY]).split():
        seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


def _country_words(*codes: str | None) -> list[str]:
    return [
        country_name(code, lang)
        for code in codes
        if code and is_country(code)
        for lang in LANGUAGES
    ]


@cache
def _country_aliases() -> dict[str, tuple[str, ...]]:
    """Other names of countries from the extractor's curated gazetteer tables.

    Read from the files rather than through ``thirdcountry.extract``, which would import
    the whole extraction stack (HTML parsers) into every process that opens a store.
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found: dict[str, list[str]] = defaultdict(list)
    for lang in LANGUAGES:
        path = DATA_DIR / "gazetteer" / f"{lang}.yaml"
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) if path.exists() else {}
        for code, names in ((raw or {}).get("countries") or {}).items():
            found[str(code)].extend(str(name) for name in names or ())
    return {code: tuple(names) for code, names in found.items()}


def _facility_names(name: str) -> tuple[str, ...]:
    """Every spelling of a facility the curated table knows ("Cecot", "CECOT")."""
    known = bundled_facilities().find(name)
    return known.surface_forms if known else (name,)


def facility_key(country: str, name: str) -> str:
    """The index key of a facility: its country and folded name ("SV:cecot")."""
    return f"{country}:{fold_terms(name)}"[:160]


# -- entries --------------------------------------------------------------------------


def _entry(
    kind: EntryKind, key: str, country: str | None, title: Iterable[object], body: Iterable[object]
) -> dict[str, Any]:
    return {
        "kind": kind.value,
        "key": key,
        "country": country,
        "title": fold_terms(*title),
        "body": fold_terms(*body),
    }


def _country_entries() -> list[dict[str, Any]]:
    aliases = _country_aliases()
    return [
        _entry(
            EntryKind.COUNTRY,
            c.code,
            c.code,
            (c.name_en, c.name_es, c.code, *aliases.get(c.code, ())),
            (),
        )
        for c in all_countries()
    ]


def _claim_entry(row: Any) -> dict[str, Any]:
    labels = bundled_labels()
    value_labels = [labels.value(row.kind, row.value, lang) for lang in LANGUAGES]
    kind_labels = [labels.label("kind", row.kind, lang) for lang in LANGUAGES]
    return _entry(
        EntryKind.CLAIM,
        row.id,
        row.receiver or row.sender,
        (*value_labels, row.facility, *_country_words(row.sender, row.receiver)),
        (
            row.quote,
            *kind_labels,
            row.value,
            row.count,
            row.currency,
            None if row.amount is None else int(row.amount),
            *_country_words(*(row.nationalities or ())),
        ),
    )


def _source_entry(doc: Any, claims: Sequence[Any]) -> dict[str, Any]:
    host = urlsplit(doc.url).hostname if doc.url else None
    places: list[str | None] = []
    for claim in claims:
        places.extend(_country_words(claim.sender, claim.receiver))
        places.append(claim.facility)
    return _entry(
        EntryKind.SOURCE,
        doc.id,
        None,
        (doc.outlet, doc.title),
        (doc.author, host, *dict.fromkeys(places)),
    )


def _facility_entries(claims: Iterable[Any]) -> list[dict[str, Any]]:
    names: dict[str, tuple[str, str]] = {}
    for claim in claims:
        if claim.facility and claim.receiver:
            names.setdefault(
                facility_key(claim.receiver, claim.facility), (claim.receiver, claim.facility)
            )
    return [
        _entry(
            EntryKind.FACILITY,
            key,
            country,
            _facility_names(name),
            _country_words(country),
        )
        for key, (country, name) in names.items()
    ]


# -- reading what is public -----------------------------------------------------------


def _chunks(keys: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(keys))
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _standing(session: Session, where: ColumnElement[bool]) -> list[Any]:
    """Accepted claims matching ``where`` that no accepted claim supersedes."""
    successor = aliased(ClaimRow)
    corrected = exists().where(
        successor.supersedes == ClaimRow.id,
        successor.review_state == ReviewState.ACCEPTED.value,
    )
    columns = ClaimRow.__table__.columns
    query = select(*columns).where(
        ClaimRow.review_state == ReviewState.ACCEPTED.value, where, ~corrected
    )
    return list(session.execute(query))


def _standing_in(session: Session, column: Any, keys: Iterable[str]) -> list[Any]:
    found: list[Any] = []
    for chunk in _chunks(keys):
        found.extend(_standing(session, column.in_(chunk)))
    return found


def _documents(session: Session, ids: Iterable[str]) -> list[Any]:
    columns = [c for c in DocumentRow.__table__.columns if c.key != "text"]
    found: list[Any] = []
    for chunk in _chunks(ids):
        found.extend(session.execute(select(*columns).where(DocumentRow.id.in_(chunk))))
    return found


def _source_entries(
    session: Session, document_ids: set[str], claims: Sequence[Any]
) -> list[dict[str, Any]]:
    """Entries of the documents among ``document_ids`` that standing ``claims`` make public.

    A document is public when a standing claim cites it or one of its copies; an original
    is searched with the claims of its copies too.
    """
    docs = {row.id: row for row in _documents(session, document_ids)}
    by_document: dict[str, list[Any]] = defaultdict(list)
    cited = {claim.document_id for claim in claims if claim.document_id}
    copies = {row.id: row.source_id for row in _documents(session, cited) if row.source_id}
    for claim in claims:
        if claim.document_id:
            by_document[claim.document_id].append(claim)
            original = copies.get(claim.document_id)
            if original:
                by_document[original].append(claim)
    return [
        _source_entry(doc, by_document[key]) for key, doc in docs.items() if by_document.get(key)
    ]


def _insert(session: Session, entries: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(entries), _CHUNK):
        session.execute(insert(SearchEntryRow), list(entries[start : start + _CHUNK]))


def _delete(session: Session, kind: EntryKind, keys: Iterable[str]) -> None:
    for chunk in _chunks(keys):
        session.execute(
            delete(SearchEntryRow).where(
                SearchEntryRow.kind == kind.value, SearchEntryRow.key.in_(chunk)
            )
        )


# -- keeping the index in step --------------------------------------------------------


def mark_claims(session: Session, claim_ids: Iterable[str]) -> None:
    """Note claims whose public standing may have changed in this transaction."""
    claims, _ = session.info.setdefault(_MARKS, (set(), set()))
    claims.update(claim_ids)


def mark_documents(session: Session, document_ids: Iterable[str]) -> None:
    """Note documents whose public record may have changed in this transaction."""
    _, documents = session.info.setdefault(_MARKS, (set(), set()))
    documents.update(document_ids)


def apply_marks(session: Session) -> None:
    """Re-index what this transaction marked; ``Store.write`` calls it before committing."""
    marks = session.info.pop(_MARKS, None)
    if not marks or not (marks[0] or marks[1]):
        return
    claims, documents = marks
    if not is_current(session) or len(claims) > FULL_REBUILD_AT:
        rebuild(session)
    else:
        reindex(session, claims, documents)


def is_current(session: Session) -> bool:
    row = session.get(MetaRow, META_KEY)
    return row is not None and row.value == INDEX_VERSION


def rebuild(session: Session) -> None:
    """Index everything public from scratch."""
    session.execute(delete(SearchEntryRow))
    standing = _standing(session, true())
    cited = {claim.document_id for claim in standing if claim.document_id}
    originals = {row.source_id for row in _documents(session, cited) if row.source_id}
    _insert(session, _country_entries())
    _insert(session, [_claim_entry(claim) for claim in standing])
    _insert(session, _source_entries(session, cited | originals, standing))
    _insert(session, _facility_entries(standing))
    row = session.get(MetaRow, META_KEY)
    if row is None:
        session.add(MetaRow(key=META_KEY, value=INDEX_VERSION))
    else:
        row.value = INDEX_VERSION
    session.flush()


def reindex(session: Session, claim_ids: Iterable[str], document_ids: Iterable[str] = ()) -> None:
    """Bring the entries of these claims, their documents and facilities up to date."""
    touched = [
        row
        for chunk in _chunks(claim_ids)
        for row in session.execute(
            select(
                ClaimRow.id,
                ClaimRow.supersedes,
                ClaimRow.document_id,
                ClaimRow.receiver,
                ClaimRow.facility,
            ).where(ClaimRow.id.in_(chunk))
        )
    ]
    # A decision on a correction changes whether the claim it corrects still stands.
    affected = {row.id for row in touched} | {row.supersedes for row in touched if row.supersedes}
    _delete(session, EntryKind.CLAIM, affected)
    _insert(
        session, [_claim_entry(claim) for claim in _standing_in(session, ClaimRow.id, affected)]
    )

    rows = [
        row
        for chunk in _chunks(affected)
        for row in session.execute(
            select(ClaimRow.document_id, ClaimRow.receiver, ClaimRow.facility).where(
                ClaimRow.id.in_(chunk)
            )
        )
    ]
    documents = set(document_ids) | {row.document_id for row in rows if row.document_id}
    documents |= {row.source_id for row in _documents(session, documents) if row.source_id}
    if documents:
        copies = {
            copy
            for chunk in _chunks(documents)
            for copy in session.scalars(
                select(DocumentRow.id).where(DocumentRow.source_id.in_(chunk))
            )
        }
        _delete(session, EntryKind.SOURCE, documents)
        citing = _standing_in(session, ClaimRow.document_id, documents | copies)
        _insert(session, _source_entries(session, documents, citing))

    places = {
        facility_key(row.receiver, row.facility): row.receiver
        for row in rows
        if row.receiver and row.facility
    }
    if places:
        _delete(session, EntryKind.FACILITY, places)
        named = _standing_in(session, ClaimRow.receiver, set(places.values()))
        _insert(session, [e for e in _facility_entries(named) if e["key"] in places])
    session.flush()


# -- searching ------------------------------------------------------------------------

_SQLITE_SEARCH = text(
    "SELECT e.kind, e.key, e.country, -bm25(search_fts, 8.0, 1.0) AS rank"
    " FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid"
    " WHERE search_fts MATCH :match AND e.kind = :kind"
    " ORDER BY rank DESC, e.key LIMIT :limit"
)
_POSTGRES_SEARCH = text(
    "SELECT kind, key, country, ts_rank(vector, query) AS rank"
    " FROM search_entries, to_tsquery('simple', :match) AS query"
    " WHERE vector @@ query AND kind = :kind"
    " ORDER BY rank DESC, key LIMIT :limit"
)


def _match(dialect: str, terms: Sequence[str]) -> str:
    if dialect == "sqlite":
        return " ".join(f'"{t}"*' if len(t) >= PREFIX_FROM else f'"{t}"' for t in terms)
    return " & ".join(f"{t}:*" if len(t) >= PREFIX_FROM else t for t in terms)


def search(session: Session, query: str, *, limit: int = 50) -> dict[EntryKind, list[SearchHit]]:
    """The best ``limit`` matches of each kind for ``query``, best first."""
    terms = query_terms(query)
    if not terms:
        return {}
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        statement = _SQLITE_SEARCH
    elif dialect == "postgresql":
        statement = _POSTGRES_SEARCH
    else:
        raise BadInput(f"search needs SQLite or PostgreSQL, not {dialect}")
    match = _match(dialect, terms)
    found: dict[EntryKind, list[SearchHit]] = {}
    for kind in EntryKind:
        rows = session.execute(statement, {"match": match, "kind": kind.value, "limit": limit})
        found[kind] = [SearchHit(kind, row.key, row.country, float(row.rank)) for row in rows]
    return found


def search_store(store: Store, query: str, *, limit: int = 50) -> dict[EntryKind, list[SearchHit]]:
    """:func:`search` on ``store``, first building its index if it has none of this version."""
    with store.read() as session:
        if is_current(session):
            return search(session, query, limit=limit)
    with store.write() as session:
        if not is_current(session):
            rebuild(session)
    with store.read() as session:
        return search(session, query, limit=limit)
