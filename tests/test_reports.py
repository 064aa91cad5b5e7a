from datetime import date

import pytest

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import BadInput, Conflict, NotFound
from thirdcountry.store import Store, audit, reports
from thirdcountry.store import claims as claim_repo


def a_claim(store: Store) -> Claim:
    claim = Claim.from_dict(
        {"kind": "capacity", "sender": "US", "receiver": "XK", "count": 50},
        today=date(2026, 11, 28),
    )
    with store.write() as session:
        return claim_repo.add_claim(session, claim)


def test_reports_are_stored_listed_and_resolved_with_an_audit_entry(store: Store) -> None:
    claim = a_claim(store)
    with store.write() as session:
        report = reports.add_report(session, claim.id, "  The cap was 50 per year.  ", "me@x.org")
    with store.read() as session:
        assert [r.message for r in reports.list_reports(session)] == ["The cap was 50 per year."]
    with store.write() as session:
        reports.resolve_report(session, report.id, "ana", "checked the source")
    with store.read() as session:
        assert reports.list_reports(session) == []
        assert [e.action for e in audit.history(session, claim.id)] == ["resolve_report"]
    with pytest.raises(Conflict, match="already resolved by ana"), store.write() as session:
        reports.resolve_report(session, report.id, "ben")


@pytest.mark.parametrize(
    ("claim_id", "message", "error"),
    [("missing", "wrong", NotFound), (None, "   ", BadInput), (None, "x" * 4001, BadInput)],
)
def test_bad_reports_are_refused(
    sqlite_store: Store, claim_id: str | None, message: str, error: type[Exception]
) -> None:
    claim = a_claim(sqlite_store)
    with pytest.raises(error), sqlite_store.write() as session:
        reports.add_report(session, claim_id or claim.id, message)
