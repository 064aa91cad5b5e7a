"""How fast does `thirdcountry scan` go, next to reading the archive and a naive pipeline?

Generates a news archive of at least 200 MB (gzipped WARC, 0.5% relevant HTML pages) in a
temporary folder, then measures, in one run:

  (a) the floor: FastWARC iterating over every record and reading its payload;
  (b) our scan (local engine: prefilter, candidates parsed, claims, Parquet written);
  (c) a naive pipeline: trafilatura on every HTML record — timed on a sample of records
      and extrapolated to the whole archive (the output says so);

and prints MB/s for each, the ratio a→b (target ≥ 0.6), the speed-up b/c (target ≥ 20),
what the candidates cost step by step, peak memory (whole archive vs a quarter of it:
memory must not grow with the input), the Dask speed-up from one worker to two, how the
prefilter and HTML-to-text alternatives compare, and how many planted pages were found.

(a) and (b) are single-threaded, so they are timed in CPU seconds of this process — the
machine is shared with other work, and CPU time is what the code costs — as the best of
``--repeat`` interleaved runs; the wall-clock best is printed alongside. The Dask
comparison is wall-clock (it uses several processes).

    .venv/bin/python bench/scan_speed.py [--size-mb 210] [--repeat 3] [--sample 200]

The last line is exactly ``scan/read ratio: X.XX; speed-up vs naive: Y.Y``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick
import trafilatura
from fastwarc.warc import ArchiveIterator, WarcRecordType
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from thirdcountry.extract import detect_language, extract_claims
from thirdcountry.scale.engines import EngineOptions, open_engine
from thirdcountry.scale.page import decode, parse_page, parse_page_if
from thirdcountry.scale.pipeline import HTML_TYPES, ScanOptions
from thirdcountry.scale.relevance import is_candidate, may_state_claims, tells_story
from thirdcountry.scale.results import read_rows
from thirdcountry.scale.scan import scan
from thirdcountry.scale.testdata import write_archive
from thirdcountry.scale.vocabulary import vocabulary
from thirdcountry.scale.warc import RecordStream, Span, plan_spans

MB = 1e6


def html_records(path: Path) -> Any:
    """(payload, charset) of every 2xx HTML response, as the scan selects them."""
    for record in ArchiveIterator(str(path), record_types=WarcRecordType.response):
        if record.http_content_type in HTML_TYPES:
            status = record.http_headers.status_code
            if status is not None and 200 <= status < 300:
                yield record.reader.read(), record.http_charset


def read_floor(path: Path) -> int:
    """(a): every record, every payload read. Returns the number of records."""
    count = 0
    for record in ArchiveIterator(str(path)):
        record.reader.read()
        count += 1
    return count


def our_scan(path: Path, out: Path) -> Any:
    return scan([str(path)], out, split_bytes=0)


def prefilter_only(path: Path) -> int:
    """(b′): what the scan does to every record, without analysing the candidates."""
    candidates = 0
    stream = RecordStream(Span(0, str(path), 0, None))
    for record in stream:
        if record.record_type != WarcRecordType.response or not record.is_http:
            continue
        if record.http_content_type not in HTML_TYPES:
            continue
        status = record.http_headers.status_code
        if status is None or not 200 <= status < 300:
            continue
        payload = stream.read(record, ScanOptions().max_payload)
        if payload is not None and is_candidate(payload):
            candidates += 1
    return candidates


@dataclass
class Timing:
    cpu: float = float("inf")
    wall: float = float("inf")


def best_of(repeat: int, runs: dict[str, Callable[[], Any]]) -> dict[str, Timing]:
    """Interleaved runs; the best CPU time and the best wall-clock time of each."""
    best = {name: Timing() for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            cpu, wall = time.process_time(), time.perf_counter()
            run()
            best[name].cpu = min(best[name].cpu, time.process_time() - cpu)
            best[name].wall = min(best[name].wall, time.perf_counter() - wall)
    return best


def naive_per_record(path: Path, sample: int) -> tuple[float, int]:
    """Seconds trafilatura takes per HTML record, over the first ``sample`` records."""
    spent = 0.0
    done = 0
    for payload, _charset in html_records(path):
        started = time.process_time()
        trafilatura.extract(payload)
        spent += time.process_time() - started
        done += 1
        if done >= sample:
            break
    return spent / done, done


def _regex_and_automaton() -> tuple[re.Pattern[bytes], Any]:
    """The alternatives to our first stage: its words, in one regex or one automaton."""
    words = sorted({w.encode("utf-8") for s in vocabulary().strings.values() for w in s})
    pattern = re.compile(b"|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word.decode("latin-1"), word)
    automaton.make_automaton()
    return pattern, automaton


def compare_prefilters(path: Path, limit_mb: float) -> dict[str, float]:
    """MB/s of our two-stage prefilter against a bytes regex and a full Aho-Corasick pass."""
    pattern, automaton = _regex_and_automaton()
    methods: dict[str, Callable[[bytes], object]] = {
        "ours (Hyperscan: the relevance words, then every word on hits)": is_candidate,
        "one compiled bytes regex": lambda p: pattern.search(p.lower()),
        "pyahocorasick on every page": lambda p: next(
            automaton.iter(p.lower().decode("latin-1")), None
        ),
    }
    spent = dict.fromkeys(methods, 0.0)
    size = 0
    for payload, _charset in html_records(path):
        for name, method in methods.items():
            started = time.process_time()
            method(payload)
            spent[name] += time.process_time() - started
        size += len(payload)
        if size >= limit_mb * MB:
            break
    return {name: size / MB / seconds for name, seconds in spent.items()}


@dataclass
class CandidateCosts:
    candidates: int
    parsed: int  # candidates the markup check let through
    relevant: int
    distinct: int  # relevant pages with a text of their own (the rest are syndicated copies)
    markup_ms: float  # the markup check, per candidate
    resiliparse_ms: float  # parse + main text, per candidate
    trafilatura_ms: float  # the same pages through trafilatura, per candidate
    page_ms: float  # as the scan does it: main text and decision, metadata if kept
    language_ms: float  # per relevant page
    claims_ms: float  # per relevant page


def _per_page_ms(pages: list[Any], step: Callable[[Any], object]) -> float:
    started = time.process_time()
    for page in pages:
        step(page)
    return (time.process_time() - started) * 1000 / max(len(pages), 1)


def _kept(text: str) -> bool | None:
    return True if may_state_claims(text) else None


def analyse_candidates(path: Path) -> CandidateCosts:
    """What each step of candidate analysis costs, and Resiliparse against trafilatura."""
    candidates = [(p, c) for p, c in html_records(path) if is_candidate(p)]
    parsed = [(p, c) for p, c in candidates if tells_story(p)]
    pages = [parse_page(p, charset=c, url="https://x.example/") for p, c in parsed]
    relevant = [
        page.text
        for page in pages
        if may_state_claims(page.text)
        and extract_claims(page.text, language=detect_language(page.text))
    ]
    return CandidateCosts(
        candidates=len(candidates),
        parsed=len(parsed),
        relevant=len(relevant),
        distinct=len(set(relevant)),
        markup_ms=_per_page_ms(candidates, lambda pc: tells_story(pc[0])),
        resiliparse_ms=_per_page_ms(
            candidates,
            lambda pc: extract_plain_text(HTMLTree.parse(decode(*pc)), main_content=True),
        ),
        trafilatura_ms=_per_page_ms(candidates, lambda pc: trafilatura.extract(pc[0])),
        page_ms=_per_page_ms(
            parsed,
            lambda pc: parse_page_if(pc[0], charset=pc[1], url="https://x.example/", wanted=_kept),
        ),
        language_ms=_per_page_ms(relevant, detect_language),
        claims_ms=_per_page_ms(
            [(text, detect_language(text)) for text in relevant],
            lambda tl: extract_claims(tl[0], language=tl[1]),
        ),
    )


def _peak_child(path: str, stop: int | None, queue: Any) -> None:
    from thirdcountry.extract import detect_language, extract_claims
    from thirdcountry.scale.pipeline import scan_span

    text = "The United States deported five men to Eswatini, a third country."
    extract_claims(text, language=detect_language(text))
    is_candidate(text.encode())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scan_span(Span(0, path, 0, stop), ScanOptions())
    queue.put((before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def peak_memory_mb(path: Path, stop: int | None) -> tuple[float, float]:
    """Peak resident memory of a fresh process before and after scanning ``path``."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_peak_child, args=(str(path), stop, queue))
    child.start()
    before, after = queue.get()
    child.join()
    return before, after


def _warm_worker() -> None:
    """Imports, keyword automata and language model loaded before the clock starts."""
    from thirdcountry.extract import detect_language as language
    from thirdcountry.extract import extract_claims as claims
    from thirdcountry.scale.relevance import is_candidate as prefilter

    text = "The United States deported five men to Eswatini, a third country, in July 2025."
    prefilter(text.encode())
    claims(text, language=language(text))


def dask_seconds(path: Path, workers: int, split_mb: int, repeat: int) -> float:
    """Best wall-clock time of ``repeat`` scans on a warmed-up local cluster."""
    spans = plan_spans([str(path)], split_bytes=split_mb * 1024 * 1024)
    best = float("inf")
    with open_engine("dask", EngineOptions(workers=workers)) as runner:
        runner.client.run(_warm_worker)  # type: ignore[attr-defined]
        for _ in range(repeat):
            started = time.perf_counter()
            for _result in runner.run(spans, ScanOptions(), None):
                pass
            best = min(best, time.perf_counter() - started)
    return best


def rate(seconds: float, size: int) -> str:
    return f"{seconds:7.2f} s {size / MB / seconds:8.1f} MB/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=210, help="archive size (MiB)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs of (a), (b)")
    parser.add_argument("--sample", type=int, default=200, help="HTML records for (c)")
    parser.add_argument("--split-mb", type=int, default=32, help="span size for Dask")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="scan-bench-") as tmp:
        folder = Path(tmp)
        archive = folder / "news.warc.gz"
        started = time.perf_counter()
        manifest = write_archive(archive, size_mb=args.size_mb, relevant_ratio=0.005, seed=11)
        size = archive.stat().st_size
        html_pages = sum(1 for _ in html_records(archive))
        print(
            f"archive: {size / MB:,.1f} MB gzipped, {manifest.records:,} records, "
            f"{html_pages:,} HTML pages, {len(manifest.relevant)} relevant "
            f"({len(manifest.relevant) / html_pages:.2%}), generated in "
            f"{time.perf_counter() - started:.0f} s"
        )

        # Dask first: Resiliparse objects made on this thread must not be freed later by
        # the Dask client's event-loop thread (PyO3 refuses that).
        one = dask_seconds(archive, 1, args.split_mb, args.repeat)
        two = dask_seconds(archive, 2, args.split_mb, args.repeat)
        spans = len(plan_spans([str(archive)], split_bytes=args.split_mb * 1024 * 1024))

        out = folder / "result.parquet"
        report = our_scan(archive, out)  # warms up: automata, language model, rules
        best = best_of(
            args.repeat,
            {
                "read": lambda: read_floor(archive),
                "scan": lambda: our_scan(archive, out),
                "prefilter": lambda: prefilter_only(archive),
            },
        )
        per_record, sampled = naive_per_record(archive, args.sample)
        naive = best["read"].cpu + per_record * html_pages
        read, ours, bare = best["read"], best["scan"], best["prefilter"]
        ratio = read.cpu / ours.cpu
        speedup = naive / ours.cpu
        print("times are CPU seconds of this process (the machine is shared; best of")
        print(f"{args.repeat} interleaved runs), wall-clock best in brackets")
        print(
            f"(a) read: FastWARC, every record, every payload {rate(read.cpu, size)}"
            f"  [{read.wall:.2f} s wall]"
        )
        print(
            f"(b) our scan: local engine, claims, Parquet     {rate(ours.cpu, size)}"
            f"  [{ours.wall:.2f} s wall]"
        )
        print(
            f"    (b′) of which reading + prefilter only        {rate(bare.cpu, size)}"
            f"  [{bare.wall:.2f} s wall]"
        )
        print(
            f"(c) naive: trafilatura on every HTML record     {rate(naive, size)}"
            f"  [extrapolated: trafilatura timed on {sampled} of {html_pages:,} HTML records,"
            f" {per_record * 1000:.1f} ms each, plus the read time]"
        )
        print(
            f"ratio a→b (scan MB/s ÷ read MB/s): {ratio:.2f} (target ≥ 0.6); "
            f"a→b′ without candidate analysis: {read.cpu / bare.cpu:.2f}"
        )
        print(f"speed-up b vs c: {speedup:.1f}× (target ≥ 20×)")

        costs = analyse_candidates(archive)
        print(
            f"candidate analysis: {costs.candidates} candidates × {costs.markup_ms:.2f} ms "
            f"(markup check), {costs.parsed} parsed × {costs.page_ms:.2f} ms "
            f"(HTML→text, decision, metadata of those kept), {costs.distinct} distinct texts "
            f"of the {costs.relevant} relevant pages × ({costs.language_ms:.2f} ms language + "
            f"{costs.claims_ms:.2f} ms claims; a syndicated copy's are read once)"
        )
        print(
            f"HTML→text on the candidates: Resiliparse {costs.resiliparse_ms:.2f} ms/page, "
            f"trafilatura {costs.trafilatura_ms:.2f} ms/page"
        )
        for name, mbs in compare_prefilters(archive, limit_mb=300).items():
            print(f"prefilter {name}: {mbs:,.0f} MB/s of HTML (CPU)")

        base, quarter = peak_memory_mb(archive, size // 4)
        _base, whole = peak_memory_mb(archive, None)
        print(
            f"peak memory (RSS of a fresh scanning process): {whole:.0f} MB for the whole "
            f"archive, {quarter:.0f} MB for its first quarter, {base:.0f} MB before scanning"
        )
        print(
            f"dask (wall-clock, best of {args.repeat}): 1 worker {rate(one, size)}, 2 workers "
            f"{rate(two, size)}, speed-up {one / two:.2f}× ({spans} spans of {args.split_mb} MB; "
            f"{multiprocessing.cpu_count()} CPUs, shared)"
        )

        rows = list(read_rows(out))
        found = {row["url"] for row in rows}
        planted = set(manifest.relevant)
        stats = report.stats
        print(
            f"relevance: {len(found & planted)}/{len(planted)} planted pages found, "
            f"{len(found - planted)} kept that were not planted; {stats.candidates} prefilter "
            f"candidates, {stats.false_candidates} false candidates ({stats.boilerplate} turned "
            f"away on markup, {stats.false_candidates - stats.boilerplate} on text; "
            f"{len(manifest.sidebar_mentions)} pages planted with a sidebar link); "
            f"{stats.claims} claims; {stats.malformed} malformed records"
        )
        sys.stdout.flush()
        print(f"scan/read ratio: {ratio:.2f}; speed-up vs naive: {speedup:.1f}")


if __name__ == "__main__":
    main()
