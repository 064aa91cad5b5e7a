"""`thirdcountry extract` and `thirdcountry eval` end to end through Click's runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from thirdcountry.cli import cli

DEVSET = Path(__file__).resolve().parent / "devset"
ARTICLE = DEVSET / "en-07-palau-mou.txt"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_extract_text_as_json() -> None:
    result = run("extract", str(ARTICLE), "--published", "2026-01-05", "--format", "json")
    assert result.exit_code == 0, result.output
    claims = json.loads(result.output)
    assert {"kind": "capacity", "count": 75}.items() <= next(
        c for c in claims if c["kind"] == "capacity"
    ).items()
    text = ARTICLE.read_text(encoding="utf-8")
    for claim in claims:
        assert text[claim["evidence_start"] : claim["evidence_end"]] == claim["quote"]
        assert claim["review_state"] == "pending" and "document_id" not in claim


def test_extract_html_takes_the_page_date(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE.read_text().split("\n\n"))
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Palau deal</title><meta property="article:published_time" '
        f'content="2026-01-05"></head><body><nav>Home</nav><article>{body}</article></body></html>'
    )
    result = run("extract", str(page), "--format", "json")
    assert result.exit_code == 0, result.output
    assert any(c["kind"] == "instrument" for c in json.loads(result.output))


@pytest.mark.parametrize("name", ["report.pdf", "memo.docx", "notes.ODT"])
def test_extract_names_the_file_types_it_reads(tmp_path: Path, name: str) -> None:
    # Even a document whose bytes look like text: its name says it is not read here.
    document = tmp_path / name
    document.write_text("The United States deported five men to Eswatini.", encoding="utf-8")
    result = run("extract", str(document))
    assert result.exit_code == 1
    assert name in result.output and "is not read here" in result.output
    assert "extract reads plain text (.txt) and HTML (.html, .htm) files" in result.output
    assert "claims" not in result.output


def test_extract_table_and_language_option() -> None:
    result = run("extract", str(DEVSET / "es-13-paraguay-firma.txt"), "--lang", "es")
    assert result.exit_code == 0 and "PY" in result.output


def test_extract_refuses_binary_and_bad_dates(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01\xff" * 100)
    result = run("extract", str(junk))
    assert result.exit_code == 1 and "looks like binary data" in result.output
    assert "extract reads plain text (.txt) and HTML" in result.output
    bad_date = run("extract", str(ARTICLE), "--published", "yesterday")
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output
    assert run("extract", str(tmp_path / "missing.txt")).exit_code == 2


def test_extract_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("extract", str(empty), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_eval_prints_scores_misses_and_false_positives(tmp_path: Path) -> None:
    for name in ("en-12-panama-darien", "en-16-germany-afghanistan"):
        for suffix in (".txt", ".yaml"):
            shutil.copy(DEVSET / f"{name}{suffix}", tmp_path)
    result = run("eval", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "precision" in result.output
    data = json.loads(run("eval", str(tmp_path), "--format", "json").output)
    assert data["texts"] == 2 and set(data["kinds"]) <= {
        "arrangement_status", "role", "transfer", "facility", "concern", "compensation",
        "instrument", "capacity", "onward_transfer", "denial",
    }  # fmt: skip
    assert {"misses", "false_positives", "overall"} <= set(data)


def test_eval_fails_below_its_floors(tmp_path: Path) -> None:
    for suffix in (".txt", ".yaml"):
        shutil.copy(DEVSET / f"en-07-palau-mou{suffix}", tmp_path)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"overall": {"precision": 1.01}}))
    result = run("eval", str(tmp_path), "--floors", str(floors), "--no-details")
    assert result.exit_code == 1 and "below the quality floors" in result.output
    floors.write_text(json.dumps({"overall": {"precision": 0.5, "recall": 0.5}}))
    assert run("eval", str(tmp_path), "--floors", str(floors)).exit_code == 0


def test_eval_of_a_folder_without_labels(tmp_path: Path) -> None:
    result = run("eval", str(tmp_path))
    assert result.exit_code == 1 and "no labelled texts" in result.output


def test_extract_takes_a_month_or_a_year_as_the_publication_date(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "On January 22 the United States deported nine Cuban men to Eswatini.\n"
        "They landed the next morning, officials said."
    )
    for published, expected in (("2026-02", "2026-01-22"), ("2026", "2026-01-22")):
        result = run("extract", str(article), "--published", published, "--format", "json")
        assert result.exit_code == 0, result.output
        transfers = [c for c in json.loads(result.output) if c["kind"] == "transfer"]
        assert [c["date"] for c in transfers] == [expected], result.output
    bad = run("extract", str(article), "--published", "2026-13")
    assert bad.exit_code == 2 and "YYYY-MM" in bad.output


def test_eval_of_one_split_per_language(tmp_path: Path, monkeypatch: object) -> None:
    labels, texts = (
        tmp_path / "tests" / "realnews" / "labels",
        tmp_path / "tests" / "realnews" / "texts",
    )
    labels.mkdir(parents=True)
    texts.mkdir()
    for name, split, line in (
        ("en-sz-a", "dev", "Nine Cuban men deported from the United States arrived in Eswatini."),
        ("es-sz-b", "dev", "Nueve cubanos deportados por Estados Unidos llegaron a Esuatini."),
        ("en-sz-c", "test", "Five Cuban men deported from the United States reached Eswatini."),
    ):
        (texts / f"{name}.txt").write_text(line)
        (labels / f"{name}.yaml").write_text(
            f"document: {{published: 2025-08, split: {split}, text: ../texts/{name}.txt}}\n"
            "claims:\n  - {kind: transfer, sender: US, receiver: SZ}\n"
            "  - {kind: rumour, sender: US, receiver: SZ, count: 40}\n"
        )
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    result = run("eval", "--split", "dev", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["texts"] == 2 and set(data["languages"]) == {"en", "es"}
    assert any("rumour" in note for note in data["notes"])
    table = run("eval", "--split", "dev")
    assert "per language" in table.output and "rumour" in table.output
    assert run("eval").exit_code == 1
