"""scripts/realnews.py on a tiny corpus built in a temporary folder (no real page texts)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "realnews.py"


def _load() -> ModuleType:
    name = "realnews_script"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


realnews = _load()

TEXTS = {
    "en-sz-wire-20250716": "Five men deported from the US landed in Eswatini on Tuesday.",
    "en-neg-home-20250301": "Deportees flown home to Amritsar — 104 Indians arrived.",
}
URLS = {
    "en-sz-wire-20250716": "https://example.org/eswatini",
    "en-neg-home-20250301": "https://example.org/amritsar",
}


def write_label(root: Path, page_id: str, *, text: str, **overrides: object) -> Path:
    url = str(overrides.pop("url", URLS[page_id]))
    data = text.encode("utf-8")
    document: dict[str, object] = {
        "id": page_id,
        "url": url,
        "outlet": "Example Wire",
        "published": "2025-07-16",
        "languages": ["en"],
        "query": "deported to Eswatini",
        "rank": 1 if "sz" in page_id else 2,
        "sha256": hashlib.sha256(data).hexdigest(),
        "chars": len(text),
        "split": realnews.split_for(url),
        "text": f"../texts/{page_id}.txt",
        "negative": None,
    }
    document.update(overrides)
    negative = document["negative"] is not None
    claims = (
        []
        if negative
        else [
            {"must": True, "kind": "transfer", "sender": "US", "receiver": "SZ", "count": 5},
            {"must": False, "kind": "role", "sender": "US", "receiver": "SZ", "value": "detention"},
            {"must": True, "kind": "onward_transfer", "sender": "SZ", "receiver": "JM"},
        ]
    )
    label = {"document": document, "claims": claims, "must_not": [{"kind": "transfer"}]}
    path = root / "labels" / f"{page_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(label), encoding="utf-8")  # JSON is YAML
    return path


def write_text(root: Path, page_id: str, text: str) -> None:
    path = root / "texts" / f"{page_id}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "realnews"
    for page_id, text in TEXTS.items():
        negative = "no_third_country" if "neg" in page_id else None
        write_label(root, page_id, text=text, negative=negative)
        write_text(root, page_id, text)
    return root


def test_split_is_the_url_hash_modulo_three() -> None:
    url = "https://trt.global/afrika-english/article/931b57321901"
    expected = "test" if int(hashlib.sha256(url.encode()).hexdigest(), 16) % 3 == 0 else "dev"
    assert realnews.split_for(url) == expected
    splits = {realnews.split_for(f"https://example.org/{n}") for n in range(30)}
    assert splits == {"dev", "test"}


def test_check_passes_on_a_complete_corpus(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert realnews.main(["--root", str(corpus), "check", "--exclude", str(corpus / "none")]) == 0
    assert "2 labels, 0 texts missing, 0 mismatches" in capsys.readouterr().out


def test_check_lists_missing_and_mismatched_texts(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "texts" / "en-neg-home-20250301.txt").unlink()
    write_text(corpus, "en-sz-wire-20250716", TEXTS["en-sz-wire-20250716"] + " ")
    assert realnews.main(["--root", str(corpus), "check", "--exclude", str(corpus / "none")]) == 1
    out = capsys.readouterr().out
    assert "missing: en-neg-home-20250301" in out
    assert "mismatch: en-sz-wire-20250716: sha256" in out
    assert "has 61 characters, not 60" in out


def test_check_counts_characters_not_bytes(corpus: Path) -> None:
    # The negative's text holds an em dash: 3 bytes in UTF-8, one character.
    assert realnews.check(corpus).ok
    assert len(TEXTS["en-neg-home-20250301"].encode()) != len(TEXTS["en-neg-home-20250301"])


def test_check_refuses_a_chosen_split_and_an_excluded_url(corpus: Path) -> None:
    page_id = "en-sz-wire-20250716"
    wrong = "dev" if realnews.split_for(URLS[page_id]) == "test" else "test"
    write_label(corpus, page_id, text=TEXTS[page_id], split=wrong)
    exclude = corpus / "heldout-exclude.txt"
    exclude.write_text(f"# held out\n{URLS['en-neg-home-20250301']}\n", encoding="utf-8")
    report = realnews.check(corpus, exclude)
    assert not report.ok and not report.missing
    assert any("split is" in problem and page_id in problem for problem in report.mismatched)
    assert any("held-out exclusion list" in problem for problem in report.mismatched)


def test_check_reports_an_unreadable_label_without_a_traceback(corpus: Path) -> None:
    (corpus / "labels" / "en-bad-label-20250101.yaml").write_text("document: [", encoding="utf-8")
    report = realnews.check(corpus)
    assert report.checked == 3
    assert any("en-bad-label-20250101.yaml: cannot read the label" in p for p in report.mismatched)


def test_stats_counts_pages_claims_and_countries(corpus: Path) -> None:
    result = realnews.stats(realnews.load_labels(corpus))
    assert result.pages == 2
    assert result.languages == {"en": 2}
    assert sum(result.splits.values()) == 2
    assert result.negatives == {"no_third_country": 1}
    assert result.must_by_kind == {"transfer": 1, "onward_transfer": 1}
    assert result.may_by_kind == {"role": 1}
    # The onward transfer's countries are counted apart from sending and receiving states.
    assert result.receivers == {"SZ": 1}
    assert result.senders == {"US": 1}
    assert result.onward == {"SZ>JM": 1}
    text = realnews.format_stats(result)
    assert "negatives: 1 (no_third_country 1)" in text
    assert "  transfer: 1 / 0" in text


def test_queries_lists_each_page_by_query_and_rank(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert realnews.main(["--root", str(corpus), "queries"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"deported to Eswatini\t1\t{URLS['en-sz-wire-20250716']}\ten-sz-wire-20250716",
        f"deported to Eswatini\t2\t{URLS['en-neg-home-20250301']}\ten-neg-home-20250301",
    ]


def test_save_writes_texts_from_an_answer_even_when_ranks_moved(corpus: Path) -> None:
    for path in (corpus / "texts").iterdir():
        path.unlink()
    answer = corpus / "answer.json"
    results = [
        {"rank": 1, "url": URLS["en-neg-home-20250301"], "excerpt": TEXTS["en-neg-home-20250301"]},
        {"rank": 2, "url": URLS["en-sz-wire-20250716"], "excerpt": TEXTS["en-sz-wire-20250716"]},
    ]
    answer.write_text(json.dumps({"query": "deported to Eswatini", "results": results}))
    lines = realnews.save_answer(corpus, answer)
    assert sorted(lines) == ["en-neg-home-20250301: saved", "en-sz-wire-20250716: saved"]
    assert realnews.check(corpus).ok


def test_save_reports_a_changed_page_and_a_foreign_query(corpus: Path) -> None:
    answer = corpus / "answer.json"
    results = [{"rank": 1, "url": URLS["en-sz-wire-20250716"], "excerpt": "changed"}]
    answer.write_text(json.dumps({"query": "deported to Eswatini", "results": results}))
    lines = realnews.save_answer(corpus, answer)
    assert "en-neg-home-20250301: not in this answer" in lines
    assert any(line.startswith("en-sz-wire-20250716: saved but") for line in lines)
    answer.write_text(json.dumps({"query": "something else", "results": results}))
    assert realnews.save_answer(corpus, answer) == [
        "no label was gathered by the query 'something else'"
    ]


def test_save_refuses_a_malformed_answer(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answer = corpus / "answer.json"
    answer.write_text("{not: [json")
    assert realnews.main(["--root", str(corpus), "save", str(answer)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {answer}: cannot read the answer")


def test_output_cut_short_by_the_reader_is_not_a_traceback(corpus: Path) -> None:
    # About 200 kB of output: more than a pipe holds, so the writer meets the closed pipe.
    long_query = "deported to Eswatini " * 25
    for n in range(400):
        path = corpus / "labels" / f"en-sz-wire-{n:04d}0101.yaml"
        write_label(
            corpus,
            "en-sz-wire-20250716",
            text=TEXTS["en-sz-wire-20250716"],
            id=path.stem,
            query=long_query,
        ).rename(path)
    write_label(corpus, "en-sz-wire-20250716", text=TEXTS["en-sz-wire-20250716"])
    command = f"{sys.executable} {SCRIPT} --root {corpus} queries | head -n 1"
    done = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
