"""Full-text search through the store (store/search_index.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import delete

from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.store import Store, search_index
from thirdcountry.store import claims as claim_repo
from thirdcountry.store.search_index import EntryKind, fold_terms, query_terms, search_store
from thirdcountry.store.search_tables import SearchEntryRow
from thirdcountry.store.tables import ClaimRow, MetaRow

from .site_fixtures import PENDING_FACILITY, REJECTED_FACILITY, RETRACTED_FACILITY, populate


def keys(store: Store, query: str, kind: EntryKind, limit: int = 500) -> list[str]:
    return [hit.key for hit in search_store(store, query, limit=limit).get(kind, [])]


def test_words_are_folded_and_queries_bounded() -> None:
    assert fold_terms("Côte d'Ivoire", None, 113) == "cote d ivoire 113"
    assert fold_terms("EE.UU.") == "ee uu"
    assert query_terms("UK uk  U.K.") == ["uk", "u", "k"]
    assert len(query_terms(" ".join(f"w{i}" for i in range(40)))) == search_index.MAX_TERMS


def test_countries_are_found_by_their_names_and_aliases_in_both_languages(store: Store) -> None:
    populate(store)
    uk = keys(store, "UK", EntryKind.COUNTRY)
    assert uk[0] == "GB" and "UA" not in uk
    assert "US" in keys(store, "EE.UU.", EntryKind.COUNTRY)
    assert "US" in keys(store, "Estados Unidos", EntryKind.COUNTRY)
    assert keys(store, "Esuatini", EntryKind.COUNTRY) == ["SZ"]
    assert keys(store, "Swaziland", EntryKind.COUNTRY) == ["SZ"]
    assert keys(store, "cote d'ivoire", EntryKind.COUNTRY) == ["CI"]
    # Longer words match as a prefix; "uk" above did not match "ukraine".
    assert "UA" in keys(store, "ukr", EntryKind.COUNTRY)


def test_sources_are_found_by_the_countries_and_facilities_of_their_claims(store: Store) -> None:
    populate(store)
    found = keys(store, "El Salvador", EntryKind.SOURCE)
    assert found
    with store.read() as session:
        for document_id in found:
            rows = session.query(ClaimRow).filter(ClaimRow.document_id == document_id).all()
            assert any("SV" in (row.sender, row.receiver) for row in rows), document_id
    assert keys(store, "Island Times", EntryKind.SOURCE)
    # A syndicated copy is public through its own claim, and searchable by its outlet.
    assert keys(store, "Reprint Daily", EntryKind.SOURCE)


def test_claims_are_found_by_value_labels_quote_and_facility(store: Store) -> None:
    fx = populate(store)
    assert fx.denial in keys(store, "no existe tal acuerdo", EntryKind.CLAIM)
    assert fx.flight_c in keys(store, "seven men arrived", EntryKind.CLAIM)
    # The value's label in either language, not only its code.
    assert fx.denial in keys(store, "Honduras denied", EntryKind.CLAIM) or fx.denial in keys(
        store, "Honduras desmentido", EntryKind.CLAIM
    )
    assert keys(store, "cecot", EntryKind.FACILITY) == ["SV:cecot"]


def test_only_standing_claims_are_searchable(store: Store) -> None:
    fx = populate(store)
    for hidden in (PENDING_FACILITY, REJECTED_FACILITY, RETRACTED_FACILITY):
        found = search_store(store, hidden)
        assert found[EntryKind.CLAIM] == [] and found[EntryKind.FACILITY] == [], hidden
    palau = keys(store, "Palau", EntryKind.CLAIM)
    assert fx.correction in palau and fx.corrected not in palau
    assert fx.pending not in palau and fx.retracted not in palau


def test_the_index_follows_reviews_and_corrections(store: Store) -> None:
    fx = populate(store)
    with store.write() as session:
        claim_repo.review_claim(session, fx.pending, ReviewState.ACCEPTED, "ana")
    assert fx.pending in keys(store, PENDING_FACILITY, EntryKind.CLAIM)
    assert keys(store, PENDING_FACILITY, EntryKind.FACILITY) == [
        f"PW:{fold_terms(PENDING_FACILITY)}"
    ]
    with store.write() as session:
        claim_repo.review_claim(
            session, fx.pending, ReviewState.REJECTED, "ben", note="wrong", allow_change=True
        )
    assert keys(store, PENDING_FACILITY, EntryKind.CLAIM) == []
    assert keys(store, PENDING_FACILITY, EntryKind.FACILITY) == []
    # Rejecting a correction makes the claim it corrected stand again.
    with store.write() as session:
        claim_repo.review_claim(
            session, fx.correction, ReviewState.REJECTED, "ben", allow_change=True
        )
    palau = keys(store, "Palau", EntryKind.CLAIM)
    assert fx.corrected in palau and fx.correction not in palau


def test_a_write_that_fails_leaves_the_index_as_it_was(store: Store) -> None:
    fx = populate(store)
    try:
        with store.write() as session:
            claim_repo.review_claim(session, fx.pending, ReviewState.ACCEPTED, "ana")
            raise RuntimeError("the transaction fails after the review")
    except RuntimeError:
        pass
    assert keys(store, PENDING_FACILITY, EntryKind.CLAIM) == []


def test_a_store_without_a_current_index_rebuilds_it_on_search(store: Store) -> None:
    fx = populate(store)
    with store.write() as session:
        session.execute(delete(SearchEntryRow))
        session.get(MetaRow, search_index.META_KEY).value = "0"  # type: ignore[union-attr]
    assert fx.flight_c in keys(store, "seven men arrived", EntryKind.CLAIM)
    with store.read() as session:
        assert search_index.is_current(session)


def test_queries_with_search_syntax_are_plain_words(store: Store) -> None:
    populate(store)
    for query in ('"', "palau*", "NEAR(palau)", "a & b | !c", "palau:*", "-", "OR"):
        search_store(store, query)  # no syntax error reaches the caller
    assert search_store(store, "  ") == {}
    assert "PW" in keys(store, "palau:*", EntryKind.COUNTRY)
