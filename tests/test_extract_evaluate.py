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
from thirdcountry.extract.evaluate import (
    Evaluation,
    Expected,
    evaluate,
    load_labelled,
    matches,
    score,
)
from thirdcountry.extract.labels import load_corpus


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
    (wrong,) = evaluation.false_positives
    assert (wrong.text, wrong.claim.receiver, wrong.forbidden) == ("a", "RS", True)


def test_a_folder_with_one_text_and_one_label_pairs_them(tmp_path: Path) -> None:
    (tmp_path / "article-2025.txt").write_text("Kosovo agreed.")
    (tmp_path / "expected-claims.yaml").write_text(
        "document: {published: 2025-06-12}\nclaims: []\n"
    )
    (labelled,) = load_labelled(tmp_path)
    assert labelled.text == "Kosovo agreed."
    assert labelled.published == PartialDate.parse(dt.date(2025, 6, 12))


def test_bad_labels_are_reported_with_their_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.yaml").write_text("claims:\n  - {kind: transfer, sender: ZZ, receiver: SV}\n")
    with pytest.raises(BadInput, match=r"a\.yaml: bad claim"):
        load_labelled(tmp_path)


def _corpus_label(folder: Path, name: str, split: str, published: str, claims: str) -> None:
    (folder / "labels").mkdir(exist_ok=True)
    (folder / "labels" / f"{name}.yaml").write_text(
        f"document: {{id: {name}, published: '{published}', languages: [{name[:2]}], "
        f"split: {split}, text: ../texts/{name}.txt}}\nclaims:\n{claims}"
    )


def test_a_split_is_read_alone_and_unknown_kinds_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "en-a.txt").write_text("The men arrived.\nNine men reached Rwanda.")
    (tmp_path / "texts" / "es-b.txt").write_text("Llegaron.")
    rows = (
        "  - {kind: transfer, sender: US, receiver: RW, count: 9}\n"
        "  - {kind: rumour, sender: US, receiver: RW, count: 40}\n"  # a kind no version knows
    )
    _corpus_label(tmp_path, "en-a", "dev", "2025-08", rows)
    _corpus_label(tmp_path, "es-b", "test", "2025", "  []\n")
    _corpus_label(tmp_path, "en-c", "dev", "2025-08-02", "  []\n")  # its text is missing
    corpus = load_corpus(tmp_path / "labels", "dev")
    (labelled,) = corpus.texts
    assert labelled.name == "en-a" and labelled.language == "en"
    assert labelled.published == PartialDate.parse("2025-08")
    # The transfer, and the implemented status it allows (never requires).
    assert [(e.kind, e.must) for e in labelled.expected] == [
        (ClaimKind.TRANSFER, True),
        (ClaimKind.ARRANGEMENT_STATUS, False),
    ]
    assert corpus.unknown_kinds == {"rumour": 1} and corpus.missing_texts == ["en-c"]
    assert any("rumour" in note for note in corpus.notes())
    (test,) = load_corpus(tmp_path / "labels", "test").texts
    assert test.published == PartialDate.parse("2025") and test.language == "es"
    with pytest.raises(BadInput, match="split must be one of"):
        load_corpus(tmp_path / "labels", "train")


def test_scores_per_language_and_misses_with_their_sentence(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "en-a.txt").write_text("Talks went on.\nNine men were sent to Rwanda.")
    (tmp_path / "texts" / "es-b.txt").write_text("Nada.")
    _corpus_label(tmp_path, "en-a", "dev", "2025-08-02", "  - {kind: transfer, receiver: RW}\n")
    _corpus_label(tmp_path, "es-b", "dev", "2025-08-02", "  - {kind: transfer, receiver: UG}\n")

    def extractor(text: str, published: object = None) -> list[Claim]:
        return [transfer()] if text.startswith("Talks") else []

    evaluation = evaluate(tmp_path / "labels", extractor, split="dev")
    assert evaluation.language_overall("en").precision == 0.0
    assert evaluation.language_overall("es").recall == 0.0
    miss = next(m for m in evaluation.misses if m.text == "en-a")
    assert miss.sentence == "Nine men were sent to Rwanda."
    assert [s.correct for s in evaluation.scored] == [False]
    data = evaluation.to_dict()
    assert set(data["languages"]) == {"en", "es"}
    assert data["misses"][0]["sentence"] == "Nine men were sent to Rwanda."


def test_a_publication_date_that_is_no_date_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.yaml").write_text("document: {published: 'August 2025'}\nclaims: []\n")
    with pytest.raises(BadInput, match=r"a\.yaml: document.published 'August 2025'"):
        load_labelled(tmp_path)


def test_the_reliability_table_counts_claims_by_band_of_confidence() -> None:
    from thirdcountry.extract.evaluate import Scored, reliability

    rows = [
        Scored("a", "en", transfer(confidence=c), ok)
        for c, ok in ((0.95, True), (1.0, True), (0.9, False), (0.75, True), (0.2, False))
    ]
    bands = {f"{b.low:.1f}": (b.claims, b.correct) for b in reliability(rows)}
    assert bands == {"0.0": (1, 0), "0.5": (0, 0), "0.7": (1, 1), "0.8": (0, 0), "0.9": (3, 2)}


def test_a_labelled_transfer_allows_but_never_requires_an_implemented_status() -> None:
    from thirdcountry.extract.labels import implied_statuses

    status = ClaimKind.ARRANGEMENT_STATUS
    moved = Expected(ClaimKind.TRANSFER, sender="US", receiver="SS", count=8)
    stated = Expected(status, sender="US", receiver="SZ", values=("agreed",))
    elsewhere = Expected(ClaimKind.TRANSFER, sender="US", receiver="SZ", count=5)
    (implied,) = implied_statuses((moved, stated, elsewhere), ())
    assert (implied.kind, implied.sender, implied.receiver) == (status, "US", "SS")
    assert implied.values == ("implemented",) and not implied.must
    # A must_not naming the status wins over the implication.
    forbid = Expected(status, receiver="SS")
    assert implied_statuses((moved,), (forbid,)) == ()
    # A must_not for another kind or value does not.
    other = Expected(status, receiver="SS", values=("refused",))
    assert len(implied_statuses((moved,), (other,))) == 1


def test_an_implied_status_counts_as_correct_not_as_found(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text(
        "On July 4, the United States deported eight men to South Sudan.", encoding="utf-8"
    )
    (tmp_path / "t.yaml").write_text(
        "document: {published: 2025-07-20, languages: [en]}\n"
        "claims:\n"
        "  - {must: true, kind: transfer, sender: US, receiver: SS, count: 8}\n"
        "must_not: []\n",
        encoding="utf-8",
    )
    result = evaluate(tmp_path)
    status = result.kinds[ClaimKind.ARRANGEMENT_STATUS]
    assert status.extracted == status.correct == 1
    assert status.must == 0
