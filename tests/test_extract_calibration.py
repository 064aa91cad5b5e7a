"""Calibrated confidence: the shipped table, how it maps raw scores, and how it is fitted."""

from __future__ import annotations

import datetime as dt

import pytest

from thirdcountry.domain.errors import BadInput
from thirdcountry.extract import extract_claims
from thirdcountry.extract.calibration import Curve, fit, parse, shipped
from thirdcountry.extract.pipeline import extract_raw

TEXT = (
    "The United States deported seven Cuban men to Eswatini on Friday, officials said. "
    "They are held at the Matsapha Correctional Centre."
)


def test_a_curve_interpolates_and_holds_its_ends() -> None:
    curve = Curve((0.5, 0.7), (0.2, 0.6))
    assert curve(0.6) == pytest.approx(0.4)
    assert (curve(0.1), curve(0.9)) == (0.2, 0.6)
    assert Curve((), ())(0.33) == 0.33


def test_extracted_claims_carry_the_shipped_calibration() -> None:
    table = shipped()
    assert table is not None and table.kinds
    raw = extract_raw(TEXT, published=dt.date(2025, 8, 22))
    calibrated = extract_claims(TEXT, published=dt.date(2025, 8, 22))
    assert [c.kind for c in raw] == [c.kind for c in calibrated] and raw
    for before, after in zip(raw, calibrated, strict=True):
        assert after.confidence == table.confidence(before.kind.value, before.confidence or 0)
        assert 0 < (after.confidence or 0) < 1


def test_fitting_shrinks_small_samples_and_stays_monotone() -> None:
    samples = [("transfer", 0.8, True)] * 30 + [("transfer", 0.6, False)] * 30
    samples += [("facility", 0.7, True)] * 2
    table = fit(samples, strength=6.0)
    transfer = table.kinds["transfer"]
    assert transfer(0.6) < 0.3 < 0.8 < transfer(0.8) < 1.0
    # Two right facility claims are not certainty: shrunk towards all claims' share.
    assert 0.5 < table.confidence("facility", 0.7) < 0.9
    assert list(transfer.y) == sorted(transfer.y)
    assert parse(table.to_dict()).kinds["transfer"] == transfer
    with pytest.raises(BadInput, match="without scored claims"):
        fit([])


@pytest.mark.parametrize(
    "data",
    [None, {"kinds": []}, {"kinds": {"transfer": {"x": [0.1, 0.2], "y": [0.9]}}},
     {"kinds": {"transfer": {"x": [0.1, 0.2], "y": [0.9, 0.1]}}}],
)  # fmt: skip
def test_a_bad_table_is_refused_with_what_is_wrong(data: object) -> None:
    with pytest.raises(BadInput, match="calibration"):
        parse(data)
