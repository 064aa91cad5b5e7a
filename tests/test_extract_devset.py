"""The quality gate: the labelled texts are scored and must stay above their floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from thirdcountry.extract.evaluate import below_floors, evaluate, load_floors

TESTS = Path(__file__).resolve().parent


@pytest.mark.parametrize("folder", ["devset", "holdout", "forms"])
def test_extraction_stays_above_its_floors(folder: str) -> None:
    directory = TESTS / folder
    evaluation = evaluate(directory)
    failures = below_floors(evaluation, load_floors(directory / "floors.json"))
    assert not failures, "\n".join(
        failures + [f"missed {n}: {e.describe()}" for n, e in evaluation.misses]
    )


def test_the_devset_is_big_enough_and_bilingual() -> None:
    texts = sorted((TESTS / "devset").glob("*.txt"))
    assert len(texts) >= 30
    assert {p.name[:3] for p in texts} == {"en-", "es-"}
    assert all(p.with_suffix(".yaml").exists() for p in texts)
