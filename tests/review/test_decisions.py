"""Reviewers' decisions on both backends: accept, reject, correct, bulk, reports,
conflicts, and two reviewers racing on one claim."""

import threading

import pytest

from thirdcountry.domain.errors import BadInput, Conflict, NotFound
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.review import decisions
from thirdcountry.review.queue import build_queue, conflict_board, current_conflicts
from thirdcountry.store import Store, audit, reports
from thirdcountry.store import claims as claim_repo
from thirdcountry.store.views import arrangements

from .conftest import add_claim, add_document, seed


def state(store: Store, claim_id: str) -> tuple[ReviewState, str | None]:
    with store.read() as session:
        claim = claim_repo.get_claim(session, claim_id)
    return claim.review_state, claim.reviewer


def test_two_reviewers_racing_on_one_claim_one_decision_stands(store: Store) -> None:
    s = seed(store)
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def decide(reviewer: str, accept: bool) -> None:
        start.wait()
        try:
            with store.write() as session:
                if accept:
                    decisions.accept(session, reviewer, s.pending.id, version=1)
                else:
                    decisions.reject(session, reviewer, s.pending.id, note="no", version=1)
            outcomes[reviewer] = "decided"
        except Conflict as refused:
            outcomes[reviewer] = refused.message

    threads = [
        threading.Thread(target=decide, args=("ana", True)),
        threading.Thread(target=decide, args=("ben", False)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    winners = [who for who, outcome in outcomes.items() if outcome == "decided"]
    assert len(winners) == 1, outcomes
    loser = "ben" if winners == ["ana"] else "ana"
    decided, reviewer = state(store, s.pending.id)
    assert reviewer == winners[0]
    assert decided is (ReviewState.ACCEPTED if reviewer == "ana" else ReviewState.REJECTED)
    assert outcomes[loser].startswith(
        f"claim {s.pending.id} was already {decided.value} by {reviewer} at "
    )
    with store.read() as session:
        assert len(audit.history(session, s.pending.id)) == 1
        assert audit.verify_chain(session).ok


def test_a_stale_version_is_refused_even_for_a_pending_claim(store: Store) -> None:
    s = seed(store)
    with pytest.raises(Conflict), store.write() as session:
        decisions.accept(session, "ana", s.pending.id, version=7)
    assert state(store, s.pending.id) == (ReviewState.PENDING, None)


def test_rejecting_needs_a_note(store: Store) -> None:
    s = seed(store)
    with pytest.raises(BadInput, match="needs a note"), store.write() as session:
        decisions.reject(session, "ana", s.pending.id, note="  ")


def test_correcting_a_pending_claim_supersedes_it_and_clears_it_from_the_queue(
    store: Store,
) -> None:
    s = seed(store)
    with store.write() as session:
        fixed = decisions.correct(
            session,
            "ana",
            s.pending.id,
            {"count": "40", "quote": "up to 50 people"},
            version=1,
            note="the cap is 40 per the ministry",
        )
    assert fixed.supersedes == s.pending.id and fixed.count == 40
    assert fixed.review_state is ReviewState.ACCEPTED and fixed.extractor == "person:ana"
    assert s.doc.text is not None
    assert s.doc.text[fixed.evidence_start : fixed.evidence_end] == "up to 50 people"  # type: ignore[misc]
    assert state(store, s.pending.id) == (ReviewState.REJECTED, "ana")
    with store.read() as session:
        queued = [c.claim.id for g in build_queue(session).groups for c in g.claims]
        kosovo = next(a for a in arrangements(session) if a.receiver == "XK")
        actions = [e.action for e in audit.history(session, s.pending.id)]
    assert queued == [s.other.id]
    assert kosovo.capacity == 40
    assert actions == ["correct", "rejected"]


def test_a_correction_that_changes_nothing_or_misquotes_is_refused(store: Store) -> None:
    s = seed(store)
    with pytest.raises(BadInput, match="changes nothing"), store.write() as session:
        decisions.correct(session, "ana", s.pending.id, {"count": "50"})
    with pytest.raises(BadInput, match="not in the document"), store.write() as session:
        decisions.correct(session, "ana", s.pending.id, {"quote": "never said"})


def test_correcting_an_accepted_claim_keeps_it_superseded(store: Store) -> None:
    s = seed(store)
    with store.write() as session:
        decisions.accept(session, "ana", s.pending.id)
    with pytest.raises(Conflict, match="already accepted by ana"), store.write() as session:
        decisions.correct(session, "ben", s.pending.id, {"count": "45"}, version=1)
    with store.write() as session:
        decisions.correct(session, "ben", s.pending.id, {"count": "45"}, version=2)
    assert state(store, s.pending.id) == (ReviewState.ACCEPTED, "ana")
    with store.read() as session:
        assert next(a for a in arrangements(session) if a.receiver == "XK").capacity == 45


def test_bulk_accept_takes_what_the_reviewer_saw_and_reports_the_rest(store: Store) -> None:
    s = seed(store)
    late = add_claim(store, s.doc, kind="role", value="temporary_stay_then_return", count=None)
    with store.write() as session:
        decisions.reject(session, "ben", s.other.id, note="a plan, not an agreement")
    with store.write() as session:
        result = decisions.bulk_accept(
            session, "ana", s.doc.id, versions={s.pending.id: 1, s.other.id: 1}
        )
    assert result.accepted == [s.pending.id]
    assert result.skipped == [
        f"claim {s.other.id} was already rejected by ben at "
        + result.skipped[0].rsplit(" at ", 1)[1]
    ]
    assert state(store, late.id) == (ReviewState.PENDING, None), "arrived after the page was shown"
    with store.write() as session:
        assert decisions.bulk_accept(session, "ana", s.doc.id).accepted == [late.id]


def test_bulk_accept_refuses_claims_of_another_document(store: Store) -> None:
    s = seed(store)
    elsewhere = add_claim(
        store, add_document(store, "Another text.", "https://b.example/x"), count=7
    )
    with pytest.raises(BadInput, match="is not from document"), store.write() as session:
        decisions.bulk_accept(session, "ana", s.doc.id, versions={elsewhere.id: 1})


def test_resolving_a_report_can_withdraw_the_claim(store: Store) -> None:
    s = seed(store)
    with store.write() as session:
        decisions.accept(session, "ana", s.pending.id)
        report = reports.add_report(
            session, s.pending.id, "The article says 50 in total, not per year."
        )
    with store.read() as session:
        queue = build_queue(session)
    assert [r.report.id for r in queue.reports] == [report.id]
    assert queue.reports[0].card.version == 2
    with store.write() as session:
        decisions.resolve_report(
            session, "ben", report.id, note="withdrawn", withdraw=True, version=2
        )
    assert state(store, s.pending.id) == (ReviewState.REJECTED, "ben")
    with store.read() as session:
        assert build_queue(session).reports == []
        actions = [e.action for e in audit.history(session, s.pending.id)]
    assert actions == ["accept", "rejected", "resolve_report"]


def test_resolving_a_report_needs_a_note(store: Store) -> None:
    s = seed(store)
    with store.write() as session:
        report = reports.add_report(session, s.pending.id, "wrong")
    with pytest.raises(BadInput), store.write() as session:
        decisions.resolve_report(session, "ana", report.id, note="")
    with pytest.raises(NotFound), store.write() as session:
        decisions.resolve_report(session, "ana", 999, note="x", withdraw=True)


def _disagreeing_caps(store: Store) -> tuple[str, str]:
    s = seed(store)
    other_doc = add_document(store, "Kosovo will host 75 people.", "https://b.example/75")
    seventy_five = add_claim(store, other_doc, quote="75 people", count=75)
    with store.write() as session:
        decisions.accept(session, "ana", s.pending.id)
        decisions.accept(session, "ana", seventy_five.id)
    return s.pending.id, seventy_five.id


def test_conflicts_are_found_and_a_keep_resolution_withdraws_the_others(store: Store) -> None:
    fifty, seventy_five = _disagreeing_caps(store)
    with store.read() as session:
        open_conflicts, resolved = conflict_board(session)
    assert [c.conflict.kind.value for c in open_conflicts] == ["capacity"]
    assert {card.claim.id for card, _ in open_conflicts[0].claims} == {fifty, seventy_five}
    assert resolved == []
    key = open_conflicts[0].conflict.key
    with store.write() as session:
        resolution = decisions.resolve_conflict(
            session, "ana", key, outcome="keep", keep=[fifty], note="75 was a misprint"
        )
    assert resolution.kept == (fifty,)
    assert state(store, seventy_five) == (ReviewState.REJECTED, "ana")
    with store.read() as session:
        assert current_conflicts(session) == []
        assert conflict_board(session)[1][0].resolved_by == "ana"
        assert [e.action for e in audit.history(session, seventy_five)][-2:] == [
            "rejected",
            "resolve_conflict",
        ]
    with pytest.raises(Conflict, match="already resolved by ana"), store.write() as session:
        decisions.resolve_conflict(session, "ben", key, outcome="all_stand", note="both")


def test_an_all_stand_resolution_changes_nothing_but_the_record(store: Store) -> None:
    fifty, seventy_five = _disagreeing_caps(store)
    with store.read() as session:
        key = current_conflicts(session)[0].key
    with store.write() as session:
        decisions.resolve_conflict(
            session, "ana", key, outcome="all_stand", note="cap raised later"
        )
    assert state(store, fifty)[0] is state(store, seventy_five)[0] is ReviewState.ACCEPTED
    with store.read() as session:
        open_conflicts, resolved = conflict_board(session)
    assert open_conflicts == [] and [r.outcome for r in resolved] == ["all_stand"]


@pytest.mark.parametrize(
    ("outcome", "keep", "message"),
    [
        ("both", [], "outcome 'both' is not one of"),
        ("keep", [], "keep some of the claims but not all"),
        ("keep", ["stranger"], "not in this conflict"),
    ],
)
def test_bad_resolutions_are_refused(
    store: Store, outcome: str, keep: list[str], message: str
) -> None:
    _disagreeing_caps(store)
    with store.read() as session:
        key = current_conflicts(session)[0].key
    with pytest.raises(BadInput, match=message), store.write() as session:
        decisions.resolve_conflict(session, "ana", key, outcome=outcome, keep=keep, note="x")


def test_a_conflict_whose_claims_changed_is_not_found(store: Store) -> None:
    _disagreeing_caps(store)
    with pytest.raises(NotFound, match="no open conflict"), store.write() as session:
        decisions.resolve_conflict(session, "ana", "0" * 64, outcome="all_stand", note="x")


def test_the_queue_pages_by_document_oldest_first(store: Store) -> None:
    s = seed(store)
    later = [
        add_claim(store, add_document(store, f"Text {n}.", f"https://p.example/{n}"), count=n)
        for n in (1, 2)
    ]
    undocumented = add_claim(store, None, count=3, receiver="SZ")
    with store.read() as session:
        first = build_queue(session, per_page=2)
        last = build_queue(session, page=9, per_page=2)
    assert (first.pending_claims, first.pending_documents, first.pages) == (5, 4, 2)
    assert [g.document.id if g.document else None for g in first.groups] == [
        s.doc.id,
        later[0].document_id,
    ]
    assert [len(g.claims) for g in first.groups] == [2, 1]
    assert last.page == 2
    assert [[c.claim.id for c in g.claims] for g in last.groups] == [
        [later[1].id],
        [undocumented.id],
    ]


def test_the_queue_shows_the_most_confident_claims_first(store: Store) -> None:
    old = add_document(store, "Old text.", "https://p.example/old")
    new = add_document(store, "New text.", "https://p.example/new")
    unsure = add_claim(store, old, count=1, confidence=0.4)
    sure = add_claim(store, new, count=2, confidence=0.95)
    middling = add_claim(store, new, count=3, confidence=0.7)
    bare = add_claim(store, old, count=4)  # no confidence: after those that have one
    with store.read() as session:
        queue = build_queue(session)
    assert [[c.claim.id for c in g.claims] for g in queue.groups] == [
        [sure.id, middling.id],
        [unsure.id, bare.id],
    ]
