"""Web load benchmark: our site and API against Datasette over the same data.

    .venv/bin/python bench/web_load.py [--claims 50000] [--requests 2000] [--concurrency 8]

1. Generates a store of ``--claims`` claims (default 50,000: mostly accepted, some pending
   and rejected) in ~5,000 documents over ~240 sender/receiver pairs, in a temporary
   folder, and exports its public SQLite copy (``thirdcountry.db``).
2. Starts ``thirdcountry serve`` on the store and ``datasette serve`` on the store file and
   on the public copy, both on 127.0.0.1 with free ports, each as its own process with its
   default (production) command.
3. Sends a bounded number of requests per URL from a thread pool of keep-alive clients and
   prints requests per second and p50/p99 latency: our home page, a country page and
   ``/api/v1/arrangements``; Datasette's ``arrangements`` table as JSON (the same list: the
   first 100 arrangements, without the column of claim ids, which our list leaves to each
   arrangement's own URL). The same comparison for the first 100 accepted claims (our
   ``/api/v1/claims`` against Datasette's ``claims`` table of the store, filtered on
   ``review_state``) is printed as well.

The last line is ``throughput vs datasette: X.XX``: our requests per second on
``/api/v1/arrangements`` divided by Datasette's on the same list.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert

from thirdcountry.publish.exports import Links, render_formats, write_files
from thirdcountry.store import Store, open_store
from thirdcountry.store.public import public_cache
from thirdcountry.store.tables import ClaimRow, DocumentRow

print = partial(print, flush=True)  # progress shows up even through a pipe

SENDERS = ["US", "GB", "IT", "DK", "AU", "DE", "NL", "SE"]
RECEIVERS = [
    "SV", "HN", "CR", "PA", "GT", "MX", "XK", "RW", "UG", "GH", "SS", "SZ", "LY", "AL",
    "TN", "EG", "MR", "NR", "PG", "KH", "UZ", "BT", "CV", "BZ", "PY", "EC", "DO", "MA",
    "GE", "MD",
]  # fmt: skip
FACILITIES = ["Centre A", "Centre B", "Camp C", "Prison D", "Hotel E"]
STATUSES = ["requested", "negotiating", "agreed", "implemented", "suspended", "ended"]
KINDS = [
    ("arrangement_status", 15),
    ("role", 10),
    ("capacity", 5),
    ("compensation", 3),
    ("instrument", 5),
    ("transfer", 38),
    ("onward_transfer", 2),
    ("facility", 7),
    ("concern", 10),
    ("denial", 5),
]
ROLES = [
    "detention",
    "temporary_stay_then_return",
    "protection_or_resettlement",
    "transit_stopover",
]
INSTRUMENTS = ["memorandum_of_understanding", "undisclosed", "other"]
ARRANGEMENTS = "ours: /api/v1/arrangements"
THEIR_ARRANGEMENTS = "datasette: arrangements.json, 100, no ids"
CLAIMS = "ours: /api/v1/claims"
THEIR_CLAIMS = "datasette: claims.json accepted, 100"
CONCERNS = ["abuse", "incommunicado", "refoulement", "due_process"]


# -- the data -------------------------------------------------------------------------


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def generate(store: Store, claims: int, seed: int = 7) -> dict[str, int]:
    """Bulk-insert a realistic store (bypassing review: this is a fixture, not a workflow)."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    documents = max(claims // 10, 1)
    doc_rows, published = [], []
    for n in range(documents):
        day = _day(rng, date(2019, 1, 1), date(2025, 12, 31))
        copy_of = doc_rows[rng.randrange(n)]["id"] if n > 10 and rng.random() < 0.1 else None
        doc_rows.append(
            {
                "id": f"doc-{n:06d}",
                "url": f"https://news{n % 97}.example.org/story/{n}",
                "outlet": f"Outlet {n % 97}",
                "title": f"Story {n}",
                "published": day,
                "published_precision": "day",
                "language": rng.choice(["en", "es"]),
                "kind": rng.choice(["news", "news", "news", "government", "ngo"]),
                "source_id": copy_of,
                "created_at": now,
            }
        )
        published.append(day)
    pairs = [(s, r) for s in SENDERS for r in RECEIVERS if s != r]
    kinds = [k for k, weight in KINDS for _ in range(weight)]
    claim_rows = []
    states = {"accepted": 0, "pending": 0, "rejected": 0}
    for n in range(claims):
        kind = rng.choice(kinds)
        sender, receiver = rng.choice(pairs)
        doc = rng.randrange(documents)
        state = rng.choices(["accepted", "pending", "rejected"], [90, 7, 3])[0]
        states[state] += 1
        row = {
            "id": f"{n:08d}-0000-7000-8000-{hashlib.sha1(str(n).encode()).hexdigest()[:12]}",
            "kind": kind,
            "sender": sender,
            "receiver": receiver,
            "value": None,
            "count": None,
            "nationalities": [],
            "amount": None,
            "currency": None,
            "facility": None,
            "date": None,
            "date_precision": None,
            "document_id": doc_rows[doc]["id"],
            "extractor": "bench",
            "review_state": state,
            "reviewer": "bench" if state != "pending" else None,
            "fingerprint": hashlib.sha256(f"claim {n}".encode()).hexdigest(),
            "created_at": now,
            "version": 1,
        }
        if rng.random() < 0.8:
            row["date"] = _day(rng, published[doc] - timedelta(days=200), published[doc])
            row["date_precision"] = rng.choice(["day", "day", "month"])
            if row["date_precision"] == "month":
                row["date"] = row["date"].replace(day=1)
        if kind == "arrangement_status":
            row["value"] = rng.choice(STATUSES)
        elif kind == "role":
            row["value"] = rng.choice(ROLES)
        elif kind == "capacity":
            row["count"] = rng.choice([50, 100, 200, 300, 1000])
        elif kind == "compensation":
            row["amount"], row["currency"] = rng.choice([1, 5, 6, 15]) * 1_000_000, "USD"
        elif kind == "instrument":
            row["value"] = rng.choice(INSTRUMENTS)
        elif kind in ("transfer", "onward_transfer"):
            row["count"] = rng.randrange(1, 300)
            row["nationalities"] = rng.sample(RECEIVERS, 2)
            row["facility"] = rng.choice(FACILITIES)
            if kind == "onward_transfer":
                row["sender"], row["receiver"] = (
                    receiver,
                    rng.choice([c for c in RECEIVERS if c != receiver]),
                )
        elif kind == "facility":
            row["sender"], row["facility"] = None, rng.choice(FACILITIES)
        elif kind == "concern":
            row["sender"], row["value"] = None, rng.choice(CONCERNS)
        elif kind == "denial":
            row["value"] = rng.choice(["receiver", "sender"])
        claim_rows.append(row)
    with store.write() as session:
        for start in range(0, len(doc_rows), 5000):
            session.execute(insert(DocumentRow), doc_rows[start : start + 5000])
        for start in range(0, len(claim_rows), 5000):
            session.execute(insert(ClaimRow), claim_rows[start : start + 5000])
    return {"documents": documents, "claims": claims, "pairs": len(pairs), **states}


# -- servers --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server(
    command: list[str], ready: str, env: dict[str, str] | None = None, log: Any = None
) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server process until the block ends; wait until ``ready`` answers. Its output
    goes to ``log`` (an open file), else nowhere."""
    output = log if log is not None else subprocess.DEVNULL
    process = subprocess.Popen(command, stdout=output, stderr=output, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(ready, timeout=2).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {' '.join(command)}")
            time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


# -- load -----------------------------------------------------------------------------


@dataclass(slots=True)
class Result:
    label: str
    url: str
    status: int
    requests: int
    seconds: float
    latencies: list[float]
    errors: int
    size: int  # bytes of one response body as sent

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    def line(self) -> str:
        return (
            f"{self.label:<42} {self.status:>4} {self.rate:>9.1f} "
            f"{self.percentile(0.50):>8.2f} {self.percentile(0.99):>8.2f} {self.size:>9,}"
        )


def load(label: str, url: str, requests: int, concurrency: int, seconds: float) -> Result:
    """``requests`` GETs of ``url`` from ``concurrency`` keep-alive clients, or fewer if
    ``seconds`` run out first (a slow server is measured on what it managed)."""
    tickets = itertools.count()
    stop_at = time.monotonic() + seconds
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()

    # httpx asks for gzip like a browser; "(identity)" rows measure uncompressed bodies.
    headers = {"accept-encoding": "identity"} if label.endswith("(identity)") else {}

    def worker() -> None:
        mine, codes = [], []
        with httpx.Client(timeout=60, headers=headers) as client:
            while next(tickets) < requests and time.monotonic() < stop_at:
                started = time.perf_counter()
                response = client.get(url)
                response.read()
                mine.append(time.perf_counter() - started)
                codes.append(response.status_code)
        with lock:
            latencies.extend(mine)
            statuses.extend(codes)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    status = statistics.mode(statuses)
    errors = sum(1 for code in statuses if code >= 500)
    with httpx.Client(timeout=60, headers=headers) as client, client.stream("GET", url) as response:
        size = sum(len(chunk) for chunk in response.iter_raw())
    return Result(label, url, status, len(latencies), seconds, latencies, errors, size)


def first_ok(base: str, paths: list[str]) -> tuple[str, int]:
    for path in paths:
        status = httpx.get(base + path, timeout=120).status_code
        if status == 200:
            return path, status
    return paths[0], httpx.get(base + paths[0], timeout=120).status_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=2000, help="per URL")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20, help="at most, per URL")
    args = parser.parse_args()
    # Stopped from outside: still run the cleanup that ends both servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with tempfile.TemporaryDirectory(prefix="thirdcountry-bench-") as folder:
        root = Path(folder)
        db = root / "store.sqlite3"
        store = open_store(str(db))
        started = time.perf_counter()
        facts = generate(store, args.claims)
        print(
            f"store: {facts['claims']:,} claims ({facts['accepted']:,} accepted, "
            f"{facts['pending']:,} pending, {facts['rejected']:,} rejected) in "
            f"{facts['documents']:,} documents over {facts['pairs']} pairs; "
            f"generated in {time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        data = public_cache(store).current()
        print(
            f"public snapshot: {len(data.arrangements)} arrangements, {len(data.claims):,} "
            f"claims, {len(data.transfers):,} transfers; built in "
            f"{time.perf_counter() - started:.2f} s (once per data version)"
        )
        public = root / "thirdcountry.db"
        write_files(render_formats(data, ["sqlite"], Links()), root)
        store.dispose()

        python = sys.executable
        ours_port, theirs_port = free_port(), free_port()
        ours = f"http://127.0.0.1:{ours_port}"
        theirs = f"http://127.0.0.1:{theirs_port}"
        env = {"THIRDCOUNTRY_HOME": str(root / "home"), "PATH": "/usr/bin:/bin"}
        ours_command = [
            python, "-c", "from thirdcountry.cli import main; main()",
            "serve", "--db", str(db), "--port", str(ours_port),
        ]  # fmt: skip
        theirs_command = [
            python, "-c", "from datasette.cli import cli; cli()", "serve",
            "-i", str(db), "-i", str(public), "--port", str(theirs_port),
            # Its best configuration for this: no facet suggestions computed per request.
            "--setting", "suggest_facets", "off",
        ]  # fmt: skip
        with (
            server(ours_command, f"{ours}/healthz", env),
            server(theirs_command, f"{theirs}/-/versions.json"),
        ):
            started = time.perf_counter()
            httpx.get(f"{ours}/api/v1/arrangements", timeout=120)
            print(f"first API request (builds the snapshot): {time.perf_counter() - started:.2f} s")
            home, home_status = first_ok(ours, ["/en/"])
            country, _ = first_ok(
                ours, ["/en/countries/SV", "/en/country/SV", "/api/v1/countries/SV"]
            )
            absent = "" if home_status == 200 else " (absent here: 404 page)"
            urls = [
                (f"ours: home{absent}", ours + home),
                (f"ours: country page {country}", ours + country),
                (ARRANGEMENTS, f"{ours}/api/v1/arrangements"),
                (f"{ARRANGEMENTS} (identity)", f"{ours}/api/v1/arrangements"),
                (
                    THEIR_ARRANGEMENTS,
                    f"{theirs}/thirdcountry/arrangements.json?_size=100&_nocol=claims",
                ),
                (CLAIMS, f"{ours}/api/v1/claims"),
                (THEIR_CLAIMS, f"{theirs}/store/claims.json?review_state=accepted&_size=100"),
            ]
            for _, url in urls:  # warm both servers' caches and connections
                for _ in range(3):
                    httpx.get(url, timeout=120)
            print(f"{'url':<42} {'code':>4} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'bytes':>9}")
            results = []
            for label, url in urls:
                result = load(label, url, args.requests, args.concurrency, args.seconds)
                results.append(result)
                print(result.line() + (f"  {result.errors} server errors" if result.errors else ""))
    by_label = {r.label: r for r in results}
    claims_ratio = by_label[CLAIMS].rate / by_label[THEIR_CLAIMS].rate
    print(f"claims list vs datasette: {claims_ratio:.2f}")
    ratio = by_label[ARRANGEMENTS].rate / by_label[THEIR_ARRANGEMENTS].rate
    print(f"throughput vs datasette: {ratio:.2f}")


if __name__ == "__main__":
    main()
