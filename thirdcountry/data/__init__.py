"""Bundled, curated data: the datasets, the facilities table, map geometry."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from thirdcountry.domain.facilities import FacilityTable, parse_facilities
from thirdcountry.domain.labels import LabelTable, parse_labels

DATA_DIR = Path(__file__).parent
STARTER_DATASET = DATA_DIR / "starter.yaml"
FULL_DATASET = DATA_DIR / "dataset.yaml"
FACILITIES = DATA_DIR / "facilities.yaml"
LABELS = DATA_DIR / "labels.yaml"


def bundled_dataset() -> Path:
    """The dataset `thirdcountry init` loads: the full one when present, else the starter."""
    return FULL_DATASET if FULL_DATASET.exists() else STARTER_DATASET


@cache
def bundled_facilities() -> FacilityTable:
    """The curated facilities table (``data/facilities.yaml``), parsed once."""
    return load_facilities(FACILITIES)


def load_facilities(path: Path) -> FacilityTable:
    """A facilities table from a YAML file; FacilitiesError lists every problem."""
    return parse_facilities(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


@cache
def bundled_labels() -> LabelTable:
    """How every code reads to people, in every language (``data/labels.yaml``)."""
    return parse_labels(yaml.safe_load(LABELS.read_text(encoding="utf-8")), str(LABELS))
