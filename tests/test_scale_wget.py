"""A WARC written by another producer: wget crawling a local site, then scanned by us."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from thirdcountry.scale.results import read_rows
from thirdcountry.scale.scan import scan
from thirdcountry.scale.testdata import RELEVANT, render_article
from thirdcountry.scale.testdata_articles import HARD_NEGATIVES


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return None


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """A small news site on 127.0.0.1: one relevant story, one with a sidebar link, one not."""
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    kosovo = next(a for a in RELEVANT if a.key == "xk-fifty-en")
    trade = next(a for a in HARD_NEGATIVES if a.key == "neg-trade-en")
    pages = {
        "kosovo.html": render_article(kosovo, url=f"{base}/kosovo.html"),
        "trade.html": render_article(trade, url=f"{base}/trade.html", sidebar_mention=True),
        "home.html": render_article(trade, url=f"{base}/home.html", seed=3),
    }
    for name, body in pages.items():
        (root / name).write_bytes(body)
    links = "".join(f'<li><a href="/{name}">{name}</a></li>' for name in pages)
    (root / "index.html").write_text(f"<html><body><ul>{links}</ul></body></html>")
    # The pages link to hundreds of made-up addresses (menus, cards): wget fetches the
    # list below, not whatever the links point at.
    (tmp_path / "urls.txt").write_text("".join(f"{base}/{n}\n" for n in ["index.html", *pages]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()
    thread.join()


def wget() -> str:
    found = shutil.which("wget")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("wget is missing in CI (the Makefile's wget target installs it)")
        pytest.skip("wget is not installed (`make test` installs it with apt when it can)")
    return found


@pytest.mark.parametrize("compressed", [True, False], ids=["gzip", "plain"])
def test_a_wget_crawl_is_scanned(site: str, tmp_path: Path, compressed: bool) -> None:
    command = [
        wget(),
        f"--input-file={tmp_path / 'urls.txt'}",
        "--no-proxy",
        "--tries=3",
        "--no-http-keep-alive",  # http.server closes after each response
        "--timeout=10",
        "--no-verbose",
        "-e",
        "robots=off",
        f"--directory-prefix={tmp_path / 'mirror'}",
        f"--warc-file={tmp_path / 'crawl'}",
    ]
    if not compressed:
        command.insert(1, "--no-warc-compression")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    subprocess.run(command, check=True, env=env, timeout=60)
    archive = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    assert archive.is_file()

    report = scan([str(archive)], tmp_path / "crawl.parquet")
    rows = list(read_rows(report.out))
    assert [row["url"] for row in rows] == [f"{site}/kosovo.html"]
    assert rows[0]["title"] == "Kosovo agrees to host up to 50 people deported from the U.S."
    assert report.stats.html == 4
    assert report.stats.false_candidates == 1
    assert report.stats.malformed == 0
