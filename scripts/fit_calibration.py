"""Fit the extractor's confidence calibration on the dev split of the real-news corpus.

Runs the rules (raw scores) over every dev text of ``tests/realnews/labels`` whose text has
been gathered into ``tests/realnews/texts``, scores each claim against its labels (correct or
not, the rule of ``thirdcountry eval``), fits ``thirdcountry.extract.calibration.fit`` and
writes ``thirdcountry/data/calibration.json``. Prints the reliability table of the dev split
before and after. Needs scikit-learn (in the ``test`` extra); never run on the test split.

    .venv/bin/python scripts/fit_calibration.py [--labels tests/realnews/labels]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from thirdcountry.extract.calibration import TABLE, fit
from thirdcountry.extract.evaluate import Evaluation, reliability, score
from thirdcountry.extract.labels import load_corpus
from thirdcountry.extract.pipeline import extract_raw

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=REPO / "tests" / "realnews" / "labels")
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args()
    corpus = load_corpus(args.labels, "dev")
    evaluation = Evaluation()
    for labelled in corpus.texts:
        score(labelled, extract_raw(labelled.text, published=labelled.published), evaluation)
    samples = [
        (s.claim.kind.value, s.claim.confidence or 0.0, s.correct) for s in evaluation.scored
    ]
    table = fit(
        samples,
        about={
            "fitted": dt.date.today().isoformat(),
            "on": f"tests/realnews dev split: {len(corpus.texts)} texts, {len(samples)} claims",
            "method": "isotonic regression per kind, shares shrunk towards the kind's",
        },
    )
    args.out.write_text(json.dumps(table.to_dict(), indent=1) + "\n", encoding="utf-8")
    calibrated = [
        type(s)(s.text, s.language, table.apply([s.claim])[0], s.correct) for s in evaluation.scored
    ]
    for title, rows in (("raw", evaluation.scored), ("calibrated", calibrated)):
        print(f"dev reliability, {title} scores")
        for band in reliability(rows):
            share = "–" if band.share is None else f"{band.share:.2f}"
            print(f"  {band.low:.1f}–{band.high:.1f}: {band.claims:4d} claims, {share} correct")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
