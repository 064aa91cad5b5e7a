"""The fuzz suite's budget and its property, shared by the ``test_fuzz_*`` modules.

Two Hypothesis profiles: ``fuzz-ci`` (the default: a few dozen inputs per reader, so the
suite runs in every test run) and ``fuzz-large`` (``make fuzz``: thousands). The
environment variable ``THIRDCOUNTRY_FUZZ_PROFILE`` picks one. Tests decorate with
``FUZZ`` and set no budget of their own.

The property every reader is held to: it returns its result or raises one project error
(``ThirdCountryError``) whose message is one bounded line; anything else is a traceback
and fails the test. What is stored is checked by the modules that store.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from thirdcountry.domain.errors import MAX_LINE, ThirdCountryError

PROFILE_ENV = "THIRDCOUNTRY_FUZZ_PROFILE"
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "fuzz-ci", max_examples=25, deadline=None, suppress_health_check=_QUIET, database=None
)
settings.register_profile(
    "fuzz-large", max_examples=2000, deadline=None, suppress_health_check=_QUIET
)
PROFILE = os.environ.get(PROFILE_ENV, "fuzz-ci")
FUZZ = settings.get_profile(PROFILE)


def assert_one_line(message: str) -> None:
    assert message.strip(), "an error without a message"
    assert "\n" not in message, f"an error of several lines: {message[:200]!r}"
    assert len(message) <= MAX_LINE, f"an error of {len(message)} characters"


def assert_clear_failure(error: ThirdCountryError) -> None:
    assert_one_line(error.message)
