"""How fast the public pages render: median and slowest of N requests per page, in-process.

Usage: ``python bench/site_pages.py [N]``. Runs on the bundled dataset in an in-memory
SQLite store through Starlette's TestClient (no sockets), so it measures the app alone.
"""

from __future__ import annotations

import statistics
import sys
import time

from fastapi.testclient import TestClient

from thirdcountry.data import bundled_dataset
from thirdcountry.publish.web import create_app
from thirdcountry.store import open_store
from thirdcountry.store.load import load_file

PAGES = ("/en/", "/es/country/XK", "/en/transfers", "/en/sources", "/en/search?q=salvador")


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    store = open_store("sqlite://")
    load_file(store, bundled_dataset())
    with TestClient(create_app(store)) as client:
        for path in PAGES:
            client.get(path)  # warm the picture cache and the templates
            timings = []
            for _ in range(rounds):
                start = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, path
            size = len(response.content) / 1024
            print(
                f"{path:28} median {statistics.median(timings):6.1f} ms  "
                f"max {max(timings):6.1f} ms  {size:6.1f} KiB"
            )


if __name__ == "__main__":
    main()
