"""PNG screenshots of the public site: home, /es/country/XK, claims, and a 390 px home page.

Usage: ``python scripts/screenshots.py --out screenshots [--db URL]`` (``make screenshots``).
Without ``--db`` the pages come from a fresh temporary database loaded with the bundled
dataset. The site is served on 127.0.0.1 by uvicorn in a thread and photographed by the
system Chromium (``/usr/bin/chromium``) through Playwright; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from thirdcountry.data import bundled_dataset
from thirdcountry.publish.web import create_app
from thirdcountry.publish.web.testing import LocalServer, launch_chromium
from thirdcountry.store import open_store
from thirdcountry.store.load import load_file

# (file, path, viewport width or None for --width): the phone-sized home page is 390 px.
PAGES: tuple[tuple[str, str, int | None], ...] = (
    ("home-en.png", "/en/", None),
    ("country-XK-es.png", "/es/country/XK", None),
    ("claims-en.png", "/en/claims", None),
    ("home-en-390.png", "/en/", 390),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--db", help="database URL (default: a fresh one with bundled data)")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        if args.db:
            store = open_store(args.db)
        else:
            store = open_store(str(Path(scratch) / "screenshots.sqlite3"))
            load_file(store, bundled_dataset())
        try:
            args.out.mkdir(parents=True, exist_ok=True)
            with LocalServer(create_app(store)) as server, sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                for name, path, width in PAGES:
                    page = browser.new_page(viewport={"width": width or args.width, "height": 900})
                    page.goto(f"{server.url}{path}")
                    target = args.out / name
                    page.screenshot(path=str(target), full_page=True)
                    page.close()
                    print(target)
                browser.close()
        finally:
            store.dispose()


if __name__ == "__main__":
    main()
