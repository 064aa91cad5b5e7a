"""The speed-ups that read CPython's private regex internals change nothing but speed.

``sre_internals`` loads and checks ``re._parser`` and friends once; without them (a Python
whose internals changed, or ``THIRDCOUNTRY_PLAIN_REGEX=1``) every pattern runs as written.
The claims must be the same either way: a subprocess extracts the texts written for the
rules (and the real-news texts, where gathered) without the speed-ups, and its answers are
compared with this process's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from thirdcountry.extract import extract_claims, sre_internals

TESTS = Path(__file__).parent
# The texts written for the rules, and the real-news texts where they are gathered.
FOLDERS = (TESTS / "devset", TESTS / "forms", TESTS / "holdout", TESTS / "realnews" / "texts")

_EXTRACT_ALL = """
import json, sys
from pathlib import Path
from thirdcountry.extract import extract_claims, sre_internals
assert not sre_internals.AVAILABLE, "the variable did not switch the speed-ups off"
out = {}
for name in sys.argv[1:]:
    text = Path(name).read_text(encoding="utf-8")
    out[name] = [c.fingerprint() for c in extract_claims(text, published="2025-07-17")]
print(json.dumps(out))
"""


_SAY_AVAILABLE = "from thirdcountry.extract import sre_internals as s; print(s.AVAILABLE)"


def _texts() -> list[Path]:
    return sorted(path for folder in FOLDERS if folder.is_dir() for path in folder.glob("*.txt"))


def test_the_internals_are_used_on_the_pythons_the_project_supports() -> None:
    if sys.version_info >= (3, 15):
        pytest.skip("a Python newer than those checked: the speed-ups may stand aside")
    assert sre_internals.AVAILABLE, "re._parser changed: extraction runs without its speed-ups"


def test_without_the_internals_every_text_gives_the_same_claims() -> None:
    texts = _texts()
    assert len(texts) > 60
    env = {**os.environ, sre_internals.PLAIN_REGEX_VARIABLE: "1"}
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACT_ALL, *map(str, texts)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    )
    plain = json.loads(done.stdout)
    for path in texts:
        text = path.read_text(encoding="utf-8")
        fast = [c.fingerprint() for c in extract_claims(text, published="2025-07-17")]
        assert plain[str(path)] == fast, path.name


def test_the_variable_at_zero_keeps_the_speed_ups() -> None:
    env = {**os.environ, sre_internals.PLAIN_REGEX_VARIABLE: "0"}
    done = subprocess.run(
        [sys.executable, "-c", _SAY_AVAILABLE],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert done.stdout.strip() == str(sre_internals.AVAILABLE)


def test_a_parser_whose_tree_has_another_shape_is_not_used() -> None:
    import re._constants as constants  # the check itself reads them, as the module does

    class Flattening:
        """A parser that reads "a(bc|de)" as something the walkers do not expect."""

        @staticmethod
        def parse(_source: str, _flags: int) -> list[tuple[object, object]]:
            return [(constants.LITERAL, ord("a")), (constants.IN, [])]

    assert sre_internals._as_expected(sre_internals.parser, sre_internals.constants)
    assert not sre_internals._as_expected(Flattening, constants)
    assert not sre_internals._as_expected(sre_internals.parser, object())
