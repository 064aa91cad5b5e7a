"""How long `thirdcountry init` takes with the full bundled dataset; prints figures.

    .venv/bin/python bench/load_dataset.py [DATABASE_URL]

Without an argument it uses a fresh SQLite file in a temporary folder; with a PostgreSQL
URL it loads into that (empty) database. Each figure is the best of three fresh runs.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import create_engine, text

from thirdcountry.cli import cli
from thirdcountry.data import bundled_dataset
from thirdcountry.store.load import read_dataset_file

RUNS = 3


def _reset(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _timed(*args: str) -> float:
    start = time.perf_counter()
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    elapsed = time.perf_counter() - start
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return elapsed


def main(url: str | None = None) -> None:
    dataset = read_dataset_file(bundled_dataset())
    print(
        f"dataset {bundled_dataset().name}: {len(dataset.documents)} documents, "
        f"{len(dataset.claims)} claims"
    )
    first, again, listing, parse = [], [], [], []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as folder:
            db = url or str(Path(folder) / "bench.sqlite3")
            if url:
                _reset(url)
            start = time.perf_counter()
            read_dataset_file(bundled_dataset())
            parse.append(time.perf_counter() - start)
            first.append(_timed("init", "--db", db))
            again.append(_timed("init", "--db", db))
            listing.append(_timed("arrangements", "--db", db, "-f", "json"))
    backend = url.split(":", 1)[0] if url else "sqlite"
    print(f"backend {backend}, best of {RUNS}:")
    print(f"  parse and validate the file  {min(parse):6.2f} s")
    print(f"  init on an empty database    {min(first):6.2f} s  (schema, documents, claims, audit)")
    print(f"  init again (nothing to add)  {min(again):6.2f} s")
    print(f"  arrangements --format json   {min(listing):6.2f} s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
