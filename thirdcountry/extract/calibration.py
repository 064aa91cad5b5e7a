"""Calibrated confidence: the rules' raw score turned into how often such a claim is right.

The frames score each claim from the evidence they saw (an explicit sender, a named state, a
count); that score orders claims but is no probability. The table in
``thirdcountry/data/calibration.json`` maps it, per claim kind, to the share of claims with
that kind and score that were correct on the dev split of the real-news corpus
(``tests/realnews``): isotonic regression over the raw scores, each score's share shrunk
towards its kind's (and the kind's towards all claims') so that a handful of claims cannot
make a score certain. ``scripts/fit_calibration.py`` fits it offline; nothing is fitted at
run time, and without the table the raw scores are kept.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import BadInput

TABLE = Path(__file__).resolve().parent.parent / "data" / "calibration.json"
_FLOOR, _CEILING = 0.02, 0.99


@dataclass(frozen=True)
class Curve:
    """A monotone piecewise-linear map from raw score to calibrated confidence."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __call__(self, raw: float) -> float:
        if not self.x:
            return raw
        if raw <= self.x[0]:
            return self.y[0]
        if raw >= self.x[-1]:
            return self.y[-1]
        right = bisect.bisect_right(self.x, raw)
        x0, x1, y0, y1 = self.x[right - 1], self.x[right], self.y[right - 1], self.y[right]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0)

    def to_dict(self) -> dict[str, list[float]]:
        return {"x": list(self.x), "y": list(self.y)}


@dataclass(frozen=True)
class Calibration:
    kinds: Mapping[str, Curve]
    default: Curve
    about: Mapping[str, Any]  # when, on what and how it was fitted

    def confidence(self, kind: str, raw: float) -> float:
        curve = self.kinds.get(kind, self.default)
        return round(min(_CEILING, max(_FLOOR, curve(raw))), 2)

    def apply(self, claims: Iterable[Claim]) -> list[Claim]:
        return [
            c
            if c.confidence is None
            else replace(c, confidence=self.confidence(c.kind.value, c.confidence))
            for c in claims
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.about,
            "default": self.default.to_dict(),
            "kinds": {k: v.to_dict() for k, v in sorted(self.kinds.items())},
        }


def parse(data: Any, source: str = "calibration") -> Calibration:
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise BadInput(f"{source}: expected a mapping with 'kinds' and 'default' curves")

    def curve(raw: Any, where: str) -> Curve:
        if not isinstance(raw, dict):
            raise BadInput(f"{source}: {where} must be a mapping with x and y")
        x, y = raw.get("x"), raw.get("y")
        if not isinstance(x, list) or not isinstance(y, list) or len(x) != len(y):
            raise BadInput(f"{source}: {where} needs lists x and y of the same length")
        xs, ys = tuple(float(v) for v in x), tuple(float(v) for v in y)
        if list(xs) != sorted(xs) or list(ys) != sorted(ys):
            raise BadInput(f"{source}: {where} must rise with the raw score")
        return Curve(xs, ys)

    about = {k: v for k, v in data.items() if k not in ("kinds", "default")}
    return Calibration(
        kinds={k: curve(v, f"kinds.{k}") for k, v in data["kinds"].items()},
        default=curve(data.get("default") or {"x": [], "y": []}, "default"),
        about=about,
    )


@cache
def shipped() -> Calibration | None:
    """The table shipped with the package (None when there is none: raw scores stay)."""
    if not TABLE.exists():
        return None
    return parse(json.loads(TABLE.read_text(encoding="utf-8")), str(TABLE))


def calibrate(claims: Sequence[Claim]) -> list[Claim]:
    table = shipped()
    return list(claims) if table is None else table.apply(claims)


# --- fitting (offline; needs scikit-learn) --------------------------------------------------


def fit(
    samples: Sequence[tuple[str, float, bool]],
    *,
    strength: float = 6.0,
    about: Mapping[str, Any] | None = None,
) -> Calibration:
    """A table from ``(kind, raw score, correct)`` samples. Each raw score's share of correct
    claims is shrunk towards its kind's share (weight ``strength``), the kind's towards all
    claims', then made monotone in the raw score by weighted isotonic regression."""
    from sklearn.isotonic import IsotonicRegression  # offline only: not a runtime dependency

    if not samples:
        raise BadInput("cannot fit a calibration without scored claims")
    overall = (sum(ok for _k, _r, ok in samples) + 1) / (len(samples) + 2)

    def curve(rows: Sequence[tuple[float, bool]], prior: float) -> Curve:
        levels: dict[float, list[int]] = {}
        for raw, ok in rows:
            level = levels.setdefault(round(raw, 2), [0, 0])
            level[0] += 1
            level[1] += int(ok)
        xs = sorted(levels)
        shares = [(levels[x][1] + strength * prior) / (levels[x][0] + strength) for x in xs]
        weights = [levels[x][0] + strength for x in xs]
        model = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True)
        fitted = model.fit_transform(xs, shares, sample_weight=weights)
        return Curve(tuple(xs), tuple(round(float(v), 4) for v in fitted))

    by_kind: dict[str, list[tuple[float, bool]]] = {}
    for kind, raw, ok in samples:
        by_kind.setdefault(kind, []).append((raw, ok))
    kinds = {}
    for kind, rows in by_kind.items():
        prior = (sum(ok for _r, ok in rows) + strength * overall) / (len(rows) + strength)
        kinds[kind] = curve(rows, prior)
    default = curve([(raw, ok) for _k, raw, ok in samples], overall)
    return Calibration(kinds, default, dict(about or {}))
