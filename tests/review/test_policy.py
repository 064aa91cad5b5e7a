"""Auto-accept policies: which claims a rule vouches for, recorded as policy decisions."""

from pathlib import Path

import pytest

from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.review import decisions, policy
from thirdcountry.store import Store, audit, reports
from thirdcountry.store import claims as claim_repo
from thirdcountry.store.tables import DocumentRow

from .conftest import add_claim, add_document

RULES = {
    "rules": [
        {"name": "gov-high", "min_confidence": 0.9, "source_kinds": ["government"]},
        {
            "name": "status-news",
            "min_confidence": 0.95,
            "claim_kinds": ["arrangement_status"],
            "extractors": ["rules-en"],
        },
    ]
}


def test_rules_accept_only_what_they_vouch_for(sqlite_store: Store) -> None:
    store = sqlite_store
    news = add_document(store)
    gov = add_document(store, "Ministry statement.", "https://gov.example/statement")
    with store.write() as session:
        row = session.get(DocumentRow, gov.id)
        assert row is not None
        row.kind = "government"
    sure_gov = add_claim(store, gov, count=50, confidence=0.93, extractor="rules-en/1")
    unsure_gov = add_claim(store, gov, count=51, confidence=0.5, extractor="rules-en/1")
    status_news = add_claim(
        store,
        news,
        kind="arrangement_status",
        value="agreed",
        count=None,
        confidence=0.97,
        extractor="rules-en/1",
    )
    capacity_news = add_claim(store, news, count=52, confidence=0.99, extractor="rules-en/1")
    by_person = add_claim(store, gov, count=53, confidence=1.0, extractor="person:ana")
    unrated = add_claim(store, gov, count=54)
    reported = add_claim(store, gov, count=55, confidence=0.99, extractor="rules-en/1")
    with store.write() as session:
        reports.add_report(session, reported.id, "This number is from another deal.")

    rules = policy.parse_rules(RULES)
    dry = policy.auto_accept(store, rules, dry_run=True)
    assert [c for c, _ in dry.accepted] == [sure_gov.id, status_news.id]
    with store.read() as session:
        assert claim_repo.get_claim(session, sure_gov.id).review_state is ReviewState.PENDING

    done = policy.auto_accept(store, rules)
    assert dict(done.accepted) == {
        sure_gov.id: "rule gov-high: confidence 0.93 ≥ 0.90, government source",
        status_news.id: "rule status-news: confidence 0.97 ≥ 0.95, extractor rules-en/1",
    }
    assert done.considered == 7
    with store.read() as session:
        decided = claim_repo.get_claim(session, sure_gov.id)
        entry = audit.history(session, sure_gov.id)[0]
        untouched = [
            claim_repo.get_claim(session, c.id).review_state
            for c in (unsure_gov, capacity_news, by_person, unrated, reported)
        ]
    assert decided.reviewer == "policy:gov-high" and entry.actor == "policy:gov-high"
    assert entry.note == "rule gov-high: confidence 0.93 ≥ 0.90, government source"
    assert set(untouched) == {ReviewState.PENDING}


def test_a_decision_taken_meanwhile_stands(sqlite_store: Store) -> None:
    claim = add_claim(sqlite_store, add_document(sqlite_store), confidence=0.99, extractor="x")
    rules = policy.parse_rules({"rules": [{"name": "any", "min_confidence": 0.5}]})
    considered, found = policy.candidates(sqlite_store, rules)
    assert considered == 1 and [c.claim_id for c in found] == [claim.id]
    with sqlite_store.write() as session:
        decisions.reject(session, "ana", claim.id, note="wrong country")
    report = policy.AutoAcceptReport(considered=considered)
    policy.apply(sqlite_store, found, report)
    assert report.accepted == []
    assert report.skipped[0].startswith(f"claim {claim.id} was already rejected by ana at")
    with sqlite_store.read() as session:
        assert claim_repo.get_claim(session, claim.id).reviewer == "ana"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "non-empty list under 'rules'"),
        ({"rules": [{"name": "X Y", "min_confidence": 0.9}]}, "name 'X Y'"),
        ({"rules": [{"name": "a", "min_confidence": 2}]}, "at most 1"),
        ({"rules": [{"name": "a", "min_confidence": "high"}]}, "must be a number"),
        (
            {"rules": [{"name": "a", "min_confidence": 0.9, "source_kinds": ["blog"]}]},
            "source_kinds",
        ),
        ({"rules": [{"name": "a", "min_confidence": 0.9, "colour": "red"}]}, "unknown key"),
        (
            {"rules": [{"name": "a", "min_confidence": 0.9}, {"name": "a", "min_confidence": 0.8}]},
            "unique",
        ),
    ],
)
def test_bad_rules_are_refused_with_the_reason(data: object, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        policy.parse_rules(data)


def test_rules_load_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - {name: gov, min_confidence: 0.9, source_kinds: [government]}\n")
    assert [r.actor for r in policy.load_rules(path)] == ["policy:gov"]
    with pytest.raises(BadInput, match="does not exist"):
        policy.load_rules(tmp_path / "missing.yaml")
