"""Bundled, curated data: the starter dataset, gazetteer tables, map geometry."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent
STARTER_DATASET = DATA_DIR / "starter.yaml"


def bundled_dataset() -> Path:
    """The dataset `thirdcountry init` loads: the full one when present, else the starter."""
    full = DATA_DIR / "dataset.yaml"
    return full if full.exists() else STARTER_DATASET
