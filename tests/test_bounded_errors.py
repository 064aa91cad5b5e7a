"""Bounded parsers and messages: a YAML alias bomb is refused in one line before anything
expands it, and no error message, whoever raises it, floods a terminal, log or page."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from thirdcountry.cli import cli
from thirdcountry.domain.dataset import DatasetError
from thirdcountry.domain.errors import MAX_LINE, MAX_LINES, BadInput, bounded
from thirdcountry.store import Store
from thirdcountry.store.load import read_dataset_file
from thirdcountry.store.tables import DocumentRow

# About 1 KB standing for 5 * 10^8 strings once walked (the "billion laughs"), in a field
# the validator reads and an error message would quote.
BOMB = (
    "dataset: {name: bomb, version: '1'}\ndocuments:\n  - id: d1\n    title:\n"
    "      - &a [lol, lol, lol, lol, lol]\n"
    + "".join(f"      - &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]\n" for n in range(8))
)
MERGE = """dataset: {name: merged, version: '1'}
base: &base {outlet: CBS News, language: en}
documents:
  - {<<: *base, id: d1, url: "https://example.org/a", title: A story}
"""


def test_an_alias_bomb_is_refused_in_one_line_without_expanding_it(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(BOMB)
    assert len(BOMB) < 1500
    started = time.monotonic()
    with pytest.raises(DatasetError) as refused:
        read_dataset_file(bomb)
    assert time.monotonic() - started < 5
    message = refused.value.message
    assert "\n" not in message and len(message) < MAX_LINE
    assert message == (
        f"{bomb}: not valid here: the YAML anchor at line 5 is used again through an alias "
        "(*name); dataset files do not allow aliases, write each value out; nothing loaded"
    )


def test_the_load_command_refuses_aliases_and_stores_nothing(
    tmp_path: Path, sqlite_store: Store
) -> None:
    merged = tmp_path / "merged.yaml"
    merged.write_text(MERGE)  # a merge key is an alias too
    result = CliRunner().invoke(cli, ["load", str(merged), "--db", sqlite_store.url])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "the YAML anchor at line 2" in result.stderr
    with sqlite_store.read() as session:
        assert session.query(DocumentRow).count() == 0


def test_a_dataset_without_aliases_still_loads(tmp_path: Path) -> None:
    plain = tmp_path / "plain.yaml"
    plain.write_text(
        MERGE.replace("base: &base {outlet: CBS News, language: en}\n", "").replace(
            "<<: *base, ", "outlet: CBS News, language: en, "
        )
    )
    (document,) = read_dataset_file(plain).documents
    assert document.document.outlet == "CBS News"


def test_every_error_message_is_bounded_where_errors_are_made() -> None:
    huge = BadInput(f"value {'x' * 1_000_000!r} is not a country")
    assert len(huge.message) == MAX_LINE and str(huge) == huge.message
    assert huge.message.endswith("… (1000025 characters in all)")
    many = "\n".join(f"claim #{n}: bad" for n in range(1, 501))
    lines = bounded(many).split("\n")
    assert len(lines) == MAX_LINES + 1
    assert lines[-1] == f"… and {500 - MAX_LINES} more lines"
    assert bounded("short and sweet") == "short and sweet"
