"""scripts/build_dataset.py imported as a module, for the dataset tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_dataset.py"


def _load() -> ModuleType:
    name = "build_dataset"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up by name while the class body is evaluated.
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


builder = _load()
