"""The matching rule of the evaluation and how labelled folders are read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.vocabulary import ClaimKind, DatePrecision
from thirdcountry.extract.evaluate import Evaluation, Expected, load_labelled, matches, score


def transfer(**fields: object) -> Claim:
    return Claim(kind=ClaimKind.TRANSFER, sender="US", receiver="SV", **fields)  # type: ignore[arg-type]


APRIL = PartialDate.parse("2025-04")
EXPECTED = Expected(ClaimKind.TRANSFER, sender="US", receiver="SV", count=238, date=APRIL)


def test_found_needs_every_labelled_field() -> None:
    exact = transfer(count=238, date=dt.date(2025, 4, 16), date_precision=DatePrecision.DAY)
    assert matches(exact, EXPECTED, lenient=False)
    assert not matches(transfer(count=238), EXPECTED, lenient=False)
    assert not matches(
        transfer(count=238, date=dt.date(2025, 1, 1), date_precision=DatePrecision.YEAR),
        EXPECTED,
        lenient=False,
    )


def test_correct_allows_a_vaguer_claim_but_not_a_wrong_one() -> None:
    assert matches(transfer(), EXPECTED, lenient=True)
    assert matches(
        transfer(date=dt.date(2025, 1, 1), date_precision=DatePrecision.YEAR),
        EXPECTED,
        lenient=True,
    )
    assert not matches(transfer(count=250), EXPECTED, lenient=True)
    assert not matches(
        transfer(date=dt.date(2025, 3, 16), date_precision=DatePrecision.DAY),
        EXPECTED,
        lenient=True,
    )
    assert not matches(
        Claim(kind=ClaimKind.TRANSFER, sender="SV", receiver="US"), EXPECTED, lenient=True
    )


def test_values_facilities_and_money() -> None:
    status = Expected(
        ClaimKind.ARRANGEMENT_STATUS, sender="US", receiver="PA", values=("agreed", "implemented")
    )
    assert matches(
        Claim(kind=ClaimKind.ARRANGEMENT_STATUS, sender="US", receiver="PA", value="implemented"),
        status,
        lenient=False,
    )
    facility = Expected(
        ClaimKind.FACILITY, receiver="SV", facility="Centro de Confinamiento del Terrorismo"
    )
    assert matches(
        Claim(kind=ClaimKind.FACILITY, receiver="SV", facility="CECOT"), facility, lenient=False
    )
    money = Expected(
        ClaimKind.COMPENSATION, sender="US", receiver="PW", amount=Decimal(7500000), currency="USD"
    )
    paid = Claim(
        kind=ClaimKind.COMPENSATION,
        sender="US",
        receiver="PW",
        amount=Decimal("7.5E+6"),
        currency="USD",
    )
    assert matches(paid, money, lenient=False)


def test_score_counts_must_claims_and_flags_forbidden_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "a.yaml").write_text(
        "document: {published: 2025-06-12}\n"
        "claims:\n  - {must: true, kind: transfer, sender: US, receiver: SV, count: 238}\n"
        "  - {must: false, kind: role, sender: US, receiver: SV, value: detention}\n"
        "must_not:\n  - {kind: arrangement_status, receiver: RS}\n"
    )
    (labelled,) = load_labelled(tmp_path)
    evaluation = Evaluation()
    claims = [
        transfer(count=238),
        Claim(kind=ClaimKind.ROLE, sender="US", receiver="SV", value="detention"),
        Claim(kind=ClaimKind.ARRANGEMENT_STATUS, sender="US", receiver="RS", value="agreed"),
    ]
    score(labelled, claims, evaluation)
    assert (evaluation.overall.precision, evaluation.overall.recall) == (2 / 3, 1.0)
    ((name, claim, forbidden),) = evaluation.false_positives
    assert (name, claim.receiver, forbidden) == ("a", "RS", True)


def test_a_folder_with_one_text_and_one_label_pairs_them(tmp_path: Path) -> None:
    (tmp_path / "article-2025.txt").write_text("Kosovo agreed.")
    (tmp_path / "expected-claims.yaml").write_text(
        "document: {published: 2025-06-12}\nclaims: []\n"
    )
    (labelled,) = load_labelled(tmp_path)
    assert labelled.text == "Kosovo agreed." and labelled.published == dt.date(2025, 6, 12)


def test_bad_labels_are_reported_with_their_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.yaml").write_text("claims:\n  - {kind: transfer, sender: ZZ, receiver: SV}\n")
    with pytest.raises(BadInput, match=r"a\.yaml: bad claim"):
        load_labelled(tmp_path)
