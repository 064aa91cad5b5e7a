"""`extract` and `ingest` read local files streamed, with one size limit for both: a file
that never ends (/dev/zero) or is too big is a one-line error naming it and the limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from thirdcountry.cli import cli
from thirdcountry.ingest import files
from thirdcountry.ingest.pipeline import Outcome, Pipeline
from thirdcountry.store import Store

LIMIT = 100_000


@pytest.fixture(autouse=True)
def _small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", LIMIT)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_extract_stops_reading_a_file_that_never_ends() -> None:
    result = CliRunner().invoke(cli, ["extract", "/dev/zero"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: /dev/zero: too big: more than {LIMIT} bytes, the limit for files\n"
    )


def test_extract_and_ingest_refuse_a_file_over_the_same_limit(
    tmp_path: Path, sqlite_store: Store
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Kosovo agrees to host fifty people. " * (LIMIT // 30))
    assert big.stat().st_size > LIMIT
    extracted = CliRunner().invoke(cli, ["extract", str(big)])
    assert extracted.exit_code == 1
    assert f"{big}: too big: more than {LIMIT} bytes" in extracted.stderr
    pipeline = Pipeline(sqlite_store, fetch=lambda *_a, **_k: None, extract=None)  # type: ignore[arg-type,return-value]
    (result,) = pipeline.run([str(big)]).results
    assert result.outcome is Outcome.FAILED
    assert result.reason == f"too big: more than {LIMIT} bytes, the limit for files"


def test_a_file_at_the_limit_is_read_whole(tmp_path: Path) -> None:
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"a" * LIMIT)
    assert files.read_limited(exact) == b"a" * LIMIT
