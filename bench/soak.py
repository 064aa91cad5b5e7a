"""Soak bench: `thirdcountry serve` on PostgreSQL under many clients doing what people do.

    .venv/bin/python bench/soak.py [--requests 4000] [--clients 16] [--seconds 900]
        [--warmup 600] [--claims 3000] [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test]

1. Creates a fresh PostgreSQL database (named ``thirdcountry_soak_…``, dropped at the end)
   on the server of ``--postgres`` (default: ``THIRDCOUNTRY_TEST_POSTGRES``, else the
   local test server), and fills it with ``--claims`` claims (as ``bench/web_load.py``
   does), about a quarter of them pending, plus a reviewer with an API token.
2. Starts ``thirdcountry serve`` on it, on 127.0.0.1 with a free port, as its own process.
3. ``--clients`` keep-alive clients share ``--requests`` requests (or fewer, if
   ``--seconds`` run out first), after ``--warmup`` requests of the same mix: about 80 %
   public reads (pages, the API, a /data/ file), 10 % review decisions through the
   scripted review API (accept, or reject with a note, each pending claim at most once),
   10 % problem reports (the claim's page for its form token, then the post). Every
   decision changes the public data, so the snapshot behind every page is rebuilt again
   and again. Every request is on loopback.
4. Prints, per kind of request, the count, server errors and p50/p99 latency, and the
   server's resident memory (from /proc) after start-up, after the warm-up, every tenth
   of ``--seconds`` during the run, and at the end.

The last line is ``soak: N requests, E server errors, memory growth G %``: server errors
are answers of 500 or above and failed connections; the growth is from the warm-up to the
end (the first requests build the public snapshot and fill caches once). It exits 1 unless
there were no server errors and the growth stayed under 10 %.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import make_url
from web_load import RECEIVERS, free_port, generate, server

from thirdcountry.review import accounts
from thirdcountry.store import open_store
from thirdcountry.store.tables import ClaimRow

print = partial(print, flush=True)  # progress shows up even through a pipe

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REVIEWER = "soak-reviewer"
FORM_TOKEN = re.compile(r'name="token" value="([^"]+)"')
READ_PATHS = (
    "/en/",
    "/es/",
    "/en/transfers",
    "/en/sources",
    "/api/v1/arrangements",
    "/api/v1/countries",
    "/api/v1/claims?limit=50",
    "/data/claims.csv",
)
MIX = (("read", 80), ("decision", 10), ("report", 10))


# -- the database and the server ------------------------------------------------------


@contextmanager
def fresh_database(base: str) -> Iterator[str]:
    """A new, empty database on the server of ``base``; dropped afterwards."""
    name = f"thirdcountry_soak_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@dataclass(slots=True)
class World:
    pending: list[str]
    accepted: list[str]
    token: str


def populate(url: str, claims: int) -> World:
    store = open_store(url)
    try:
        facts = generate(store, claims)
        with store.write() as session:
            accepted = list(
                session.scalars(
                    select(ClaimRow.id)
                    .where(ClaimRow.review_state == "accepted")
                    .order_by(ClaimRow.id)
                )
            )
            # More pending claims than the generator's few, so every decision has one.
            reopened = accepted[:: max(len(accepted) // (claims // 5), 1)][: claims // 5]
            session.execute(
                update(ClaimRow)
                .where(ClaimRow.id.in_(reopened))
                .values(review_state="pending", reviewer=None)
            )
            pending = list(
                session.scalars(select(ClaimRow.id).where(ClaimRow.review_state == "pending"))
            )
            accounts.create_user(session, REVIEWER, "reviewer", uuid.uuid4().hex, "soak")
        with store.write() as session:
            token = accounts.issue_token(session, REVIEWER, "soak", "soak bench")
        print(
            f"store: {facts['claims']:,} claims, {len(pending):,} pending, "
            f"{facts['documents']:,} documents"
        )
        kept = sorted(set(accepted) - set(reopened))
        return World(pending=pending, accepted=kept, token=token)
    finally:
        store.dispose()


def rss_kib(pid: int) -> int:
    """Resident memory of a process and its children, in KiB (Linux /proc)."""
    total = 0
    for child in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{child}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        total += int(found.group(1)) if found else 0
    return total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def serve(url: str, port: int, log: Any) -> AbstractContextManager[subprocess.Popen[bytes]]:
    executable = Path(sys.executable).parent / "thirdcountry"
    command = [str(executable), "serve", "--db", url, "--port", str(port)]
    return server(command, f"http://127.0.0.1:{port}/healthz", log=log)


def first_traceback(log: Path) -> str:
    """The server's first traceback, to say what a server error was."""
    text = log.read_text(encoding="utf-8", errors="replace")
    start = text.find("Traceback (most recent call last)")
    if start < 0:
        return ""
    lines = text[start:].splitlines()
    end = next((i for i, line in enumerate(lines[1:], 1) if not line.startswith(" ")), 0)
    return "\n".join(lines[: end + 1][-12:])


# -- the clients ----------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    server_errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unexpected: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, status: int, expected: tuple[int, ...]) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if status >= 500 or status < 0:
                self.server_errors[kind] += 1
            elif status not in expected:
                self.unexpected[kind] += 1
            if (status >= 500 or status not in expected) and len(self.samples) < 10:
                self.samples.append(f"{kind}: {status}")

    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())


class Clients:
    """What one client does for each kind of request; shared state behind locks."""

    def __init__(self, base: str, world: World, seed: int) -> None:
        self.base = base
        self.world = world
        self.rng = random.Random(seed)
        self.pending = iter(world.pending)
        self.pending_lock = threading.Lock()

    def next_pending(self) -> str | None:
        with self.pending_lock:
            return next(self.pending, None)

    def read(self, client: httpx.Client, tally: Tally, rng: random.Random) -> None:
        choice = rng.randrange(len(READ_PATHS) + 2)
        if choice < len(READ_PATHS):
            path = READ_PATHS[choice]
        elif choice == len(READ_PATHS):
            path = f"/en/country/{rng.choice(RECEIVERS)}"
        else:
            path = f"/en/claim/{rng.choice(self.world.accepted)}"
        timed(tally, "read", (200,), lambda: client.get(self.base + path))

    def decision(self, client: httpx.Client, tally: Tally, rng: random.Random) -> None:
        claim_id = self.next_pending()
        if claim_id is None:
            self.read(client, tally, rng)
            return
        headers = {"Authorization": f"Bearer {self.world.token}"}
        if rng.random() < 0.75:
            action, body = "accept", {"version": 1, "note": "soak"}
        else:
            action, body = "reject", {"version": 1, "note": "soak: not what the source says"}
        url = f"{self.base}/review/api/claims/{claim_id}/{action}"
        timed(tally, "decision", (200,), lambda: client.post(url, json=body, headers=headers))

    def report(self, client: httpx.Client, tally: Tally, rng: random.Random) -> None:
        claim_id = rng.choice(self.world.accepted)
        page_url = f"{self.base}/en/claim/{claim_id}"
        page = timed(tally, "report form", (200,), lambda: client.get(page_url))
        found = FORM_TOKEN.search(page.text) if page is not None else None
        if found is None:
            return
        form = {"token": found.group(1), "message": "soak: the date looks wrong", "contact": ""}
        timed(
            tally,
            "report post",
            (303,),
            lambda: client.post(f"{page_url}/report", data=form, follow_redirects=False),
        )


def timed(
    tally: Tally, kind: str, expected: tuple[int, ...], send: Callable[[], httpx.Response]
) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        response = send()
        response.read()
    except httpx.TransportError:
        tally.record(kind, time.perf_counter() - started, -1, expected)
        return None
    tally.record(kind, time.perf_counter() - started, response.status_code, expected)
    return response


def run_load(
    clients: Clients, requests: int, concurrency: int, seconds: float, tally: Tally
) -> float:
    tickets = itertools.count()
    stop_at = time.monotonic() + seconds
    kinds = [kind for kind, weight in MIX for _ in range(weight)]

    def worker(number: int) -> None:
        rng = random.Random(number)
        with httpx.Client(timeout=120) as client:
            while next(tickets) < requests and time.monotonic() < stop_at:
                getattr(clients, rng.choice(kinds))(client, tally, rng)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def sample_rss(pid: int, into: list[int], done: threading.Event, every: float) -> None:
    """The server's memory every ``every`` seconds until ``done``: a leak climbs, caches
    level off."""
    while not done.wait(every):
        into.append(rss_kib(pid))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=4000, help="in all (a report is two)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=900, help="at most")
    parser.add_argument("--warmup", type=int, default=600, help="requests before measuring")
    parser.add_argument("--claims", type=int, default=3000)
    parser.add_argument(
        "--postgres", default=os.environ.get("THIRDCOUNTRY_TEST_POSTGRES") or DEFAULT_POSTGRES
    )
    args = parser.parse_args()
    # Stopped from outside: still end the server and drop the database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with (
        tempfile.TemporaryDirectory(prefix="thirdcountry-soak-") as home,
        fresh_database(args.postgres) as url,
    ):
        os.environ["THIRDCOUNTRY_HOME"] = home
        world = populate(url, args.claims)
        port = free_port()
        log_path = Path(home) / "server.log"
        with log_path.open("wb") as log, serve(url, port, log) as process:
            base = f"http://127.0.0.1:{port}"
            booted = rss_kib(process.pid)
            # Warm-up: the same mix for a while, so that imports, the public snapshot, its
            # rebuilds and the caches have reached their working size before measuring.
            warm = Tally()
            clients = Clients(base, world, seed=1)
            run_load(clients, args.warmup, args.clients, args.seconds / 4, warm)
            warmed = rss_kib(process.pid)
            print(
                f"server rss: {booted / 1024:.1f} MiB after start, {warmed / 1024:.1f} MiB "
                f"after a warm-up of {warm.requests()} requests"
            )
            tally = Tally()
            samples: list[int] = []
            done = threading.Event()
            sampler = threading.Thread(
                target=sample_rss, args=(process.pid, samples, done, args.seconds / 10)
            )
            sampler.start()
            elapsed = run_load(clients, args.requests, args.clients, args.seconds, tally)
            done.set()
            sampler.join()
            final = rss_kib(process.pid)
            alive = process.poll() is None
        traceback = first_traceback(log_path)

    print(f"{'kind':<14} {'requests':>9} {'5xx':>5} {'other':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for kind in ("read", "decision", "report form", "report post"):
        values = tally.latencies.get(kind, [])
        print(
            f"{kind:<14} {len(values):>9} {tally.server_errors[kind]:>5} "
            f"{tally.unexpected[kind]:>6} {percentile(values, 0.5):>8.1f} "
            f"{percentile(values, 0.99):>8.1f}"
        )
    every = [v for values in tally.latencies.values() for v in values]
    total = tally.requests()
    errors = sum(tally.server_errors.values()) + sum(warm.server_errors.values())
    print(
        f"all            {total:>9} {errors:>5} {sum(tally.unexpected.values()):>6} "
        f"{percentile(every, 0.5):>8.1f} {percentile(every, 0.99):>8.1f}"
        f"   ({total / elapsed:.1f} requests/s over {elapsed:.1f} s, {args.clients} clients)"
    )
    if warm.samples or tally.samples:
        print("first unexpected answers: " + ", ".join(warm.samples + tally.samples))
    if traceback:
        print("the server's first traceback, its last lines:\n" + traceback)
    growth = (final - warmed) / warmed * 100 if warmed else 0.0
    print(
        f"server rss: {warmed / 1024:.1f} MiB warm -> {final / 1024:.1f} MiB at the end"
        f"{'' if alive else ' (the server had exited)'}"
    )
    print("server rss during the run, MiB: " + " ".join(f"{k / 1024:.0f}" for k in samples))
    print(f"soak: {total} requests, {errors} server errors, memory growth {growth:.1f} %")
    # The targets: no server error, and no more than 10 % growth once warm.
    if errors or not alive or growth >= 10:
        sys.exit(1)


if __name__ == "__main__":
    main()
