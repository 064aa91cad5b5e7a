"""`build-site`: the public site as static files any host can serve, from any sub-path.

The pages are whatever the web app serves: they are rendered through the app itself (an
in-process ASGI client, no socket), starting from ``/en/`` and ``/es/`` and following
every internal link, so a page added to the app is in the static site without telling
this module. Next to the pages go the export files (``data/``) and a JSON copy of the
read API (``api/v1/``). Every internal link is then rewritten to a relative path to the
written file, so the folder works from ``https://host/any/sub/path/`` and from disk.
"""

from __future__ import annotations

import hashlib
import html
import mimetypes
import posixpath
import re
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from fastapi import FastAPI
from fastapi.testclient import TestClient

from thirdcountry.domain.errors import BadInput
from thirdcountry.publish.api.static_copy import api_copy, copy_path
from thirdcountry.publish.exports import Links, exporters, render_formats
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store
from thirdcountry.store.public import public_cache

START_PAGES = ("/en/", "/es/")
HOST = "testserver"
MARKER = ".thirdcountry-site"
# Pages for reviewers and accounts are not public; a static site has no use for them.
PRIVATE_PREFIXES = ("/review", "/login", "/logout", "/account", "/admin")
# Marks what only the live site can answer (the claims browser's filters): a static copy
# neither crawls it nor keeps it as a link.
LIVE_ONLY = "data-live-only"
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)""")


@dataclass(slots=True)
class Fetched:
    url: str  # path and query, as the app was asked
    status: int
    content_type: str = ""
    body: bytes = b""
    location: str | None = None  # where a redirect points


@dataclass(slots=True)
class SiteReport:
    out: Path
    pages: int = 0
    assets: int = 0
    data_files: int = 0
    api_files: int = 0
    broken: list[tuple[str, str, int]] = field(default_factory=list)  # (page, link, status)

    def to_dict(self) -> dict[str, object]:
        return {
            "out": str(self.out),
            "pages": self.pages,
            "assets": self.assets,
            "data_files": self.data_files,
            "api_files": self.api_files,
            "broken_links": [
                {"page": page, "link": link, "status": status} for page, link, status in self.broken
            ],
        }


# -- crawling -------------------------------------------------------------------------


def internal_url(link: str, base: str) -> str | None:
    """``link`` (found on the page at ``base``) as path?query, or None if not ours."""
    link = link.strip()
    if not link or link.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(urljoin(f"http://{HOST}{base}", link))
    if parts.scheme not in ("http", "https") or parts.netloc != HOST:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _links_in_html(body: bytes) -> list[str]:
    try:
        document = lxml.html.document_fromstring(body)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for element, attribute, link, _ in document.iterlinks():
        if element.tag == "form" or attribute == "action":
            continue  # forms post; a static site cannot answer them
        if element.get(LIVE_ONLY) is not None:
            continue  # a filter of the live site: every choice would be another page
        found.append(link)
    for element in document.iter():
        srcset = element.get("srcset") if isinstance(element.tag, str) else None
        if srcset:
            found += [part.strip().split()[0] for part in srcset.split(",") if part.strip()]
    return found


def _links_in_css(body: bytes) -> list[str]:
    return [m.group(2) for m in _CSS_URL.finditer(body.decode("utf-8", "replace"))]


def _crawlable(url: str) -> bool:
    path = urlsplit(url).path
    return not path.startswith(PRIVATE_PREFIXES)


def crawl(
    client: TestClient,
    start: Iterable[str],
    known: Callable[[str], str | None],
    *,
    max_pages: int = 50_000,
) -> tuple[dict[str, Fetched], list[tuple[str, str]]]:
    """Fetch every internal URL reachable from ``start`` that ``known`` does not place.

    Returns what was fetched by URL, and every (page, link) pair seen (for rewriting and
    for reporting broken links).
    """
    fetched: dict[str, Fetched] = {}
    edges: list[tuple[str, str]] = []
    queue = deque(start)
    seen = set(queue)
    while queue and len(fetched) < max_pages:
        url = queue.popleft()
        response = client.get(url, follow_redirects=False)
        item = Fetched(
            url,
            response.status_code,
            response.headers.get("content-type", "").split(";")[0].strip(),
            response.content,
            response.headers.get("location"),
        )
        fetched[url] = item
        links: list[str] = []
        if item.status == 200 and item.content_type == "text/html":
            links = _links_in_html(item.body)
        elif item.status == 200 and item.content_type == "text/css":
            links = _links_in_css(item.body)
        elif item.location:
            links = [item.location]
        for link in links:
            target = internal_url(link, url)
            if target is None:
                continue
            edges.append((url, target))
            if target not in seen and known(target) is None and _crawlable(target):
                seen.add(target)
                queue.append(target)
    return fetched, edges


# -- file names -----------------------------------------------------------------------


def _query_suffix(query: str) -> str:
    readable = re.sub(r"[^A-Za-z0-9=_.-]+", "-", query)[:60].strip("-")
    return f"--{readable}-{hashlib.sha1(query.encode()).hexdigest()[:8]}"


def output_name(url: str, content_type: str) -> str | None:
    """Where the response for ``url`` is written, relative to the site root."""
    parts = urlsplit(url)
    path = posixpath.normpath(parts.path) + ("/" if parts.path.endswith("/") else "")
    if path.startswith("//") or ".." in path.split("/"):
        return None
    path = path.lstrip("/")
    suffix = _query_suffix(parts.query) if parts.query else ""
    if content_type == "text/html":
        if path == "" or path.endswith("/"):
            stem, extension = f"{path}index", ".html"
        elif path.endswith((".html", ".htm")):
            stem, extension = posixpath.splitext(path)
        else:
            stem, extension = f"{path}/index", ".html"
    else:
        stem, extension = posixpath.splitext(path.rstrip("/"))
        if not extension:
            extension = (
                ".json"
                if "json" in content_type
                else (mimetypes.guess_extension(content_type) or ".bin")
            )
    return f"{stem}{suffix}{extension}" if stem else None


# -- rewriting ------------------------------------------------------------------------


def relative(target: str, page: str) -> str:
    """The relative link from the written file ``page`` to the written file ``target``."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _drop_private_links(document: Any, page_url: str) -> None:
    """A static copy has no accounts: links and forms to login or review pages go."""
    for element in document.xpath("//a[@href] | //form[@action]"):
        raw = element.get("href") if element.tag == "a" else element.get("action")
        target = internal_url(raw, page_url)
        if target is not None and not _crawlable(target):
            element.drop_tree()
    for element in document.xpath(f"//*[@{LIVE_ONLY}]"):
        # Filters answered by the live site only: a link keeps its words, a form goes.
        if element.tag == "a":
            element.drop_tag()
        else:
            element.drop_tree()
    for nav in document.xpath("//nav[contains(concat(' ', @class, ' '), ' account ')]"):
        if not nav.xpath(".//a | .//form"):
            nav.drop_tree()


def rewrite_html(
    body: bytes, page_url: str, page_file: str, place: Callable[[str], str | None]
) -> bytes:
    document = lxml.html.document_fromstring(body)
    _drop_private_links(document, page_url)

    def link(raw: str) -> str:
        target = internal_url(raw, page_url)
        if target is None:
            return raw
        written = place(target)
        if written is None:
            return raw
        fragment = urlsplit(raw).fragment
        return relative(written, page_file) + (f"#{fragment}" if fragment else "")

    document.rewrite_links(link, resolve_base_href=False)
    for element in document.iter():
        srcset = element.get("srcset") if isinstance(element.tag, str) else None
        if srcset:
            candidates = []
            for part in srcset.split(","):
                pieces = part.strip().split(None, 1)
                if pieces:
                    candidates.append(" ".join([link(pieces[0]), *pieces[1:]]))
            element.set("srcset", ", ".join(candidates))
    rendered: bytes = lxml.html.tostring(
        document, doctype="<!DOCTYPE html>", encoding="utf-8", method="html"
    )
    return rendered


def rewrite_css(
    body: bytes, css_url: str, css_file: str, place: Callable[[str], str | None]
) -> bytes:
    def swap(match: re.Match[str]) -> str:
        target = internal_url(match.group(2), css_url)
        written = place(target) if target else None
        return f"url({relative(written, css_file)})" if written else match.group(0)

    return _CSS_URL.sub(swap, body.decode("utf-8", "replace")).encode("utf-8")


# -- the build ------------------------------------------------------------------------


def _root_page(languages: list[str], data_files: list[str], has_api: bool) -> bytes:
    """The site root: static hosts cannot negotiate the language, so it offers both."""
    names = {"en": "English", "es": "Español"}
    refresh = (
        f'<meta http-equiv="refresh" content="0; url={languages[0]}/index.html">'
        if languages
        else ""
    )
    items = "".join(
        f'<li><a href="{lang}/index.html" hreflang="{lang}">{names.get(lang, lang)}</a></li>'
        for lang in languages
    )
    files = "".join(
        f'<li><a href="data/{html.escape(name)}">{html.escape(name)}</a></li>'
        for name in data_files
    )
    api = '<p><a href="api/v1/index.json">JSON API (static copy)</a></p>' if has_api else ""
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>thirdcountry</title>{refresh}</head><body><h1>thirdcountry</h1>"
        f"<ul>{items}</ul><h2>Open data</h2><ul>{files}</ul>{api}</body></html>\n"
    )
    return page.encode("utf-8")


def _prepare(out: Path) -> Path:
    """A fresh folder next to ``out`` to build in; ``out`` must be empty or a former build."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise BadInput(
            f"{out} exists and is not an earlier build-site output; name a new or empty folder"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` with the finished build, so no reader sees half a site."""
    if out.exists():
        old = out.with_name(f".{out.name}-old")
        if old.exists():
            shutil.rmtree(old)
        out.rename(old)
        staging.rename(out)
        shutil.rmtree(old)
    else:
        staging.rename(out)


def build_site(
    store: Store,
    out: Path,
    *,
    start: Iterable[str] = START_PAGES,
    app: FastAPI | None = None,
) -> SiteReport:
    """Write the pages, the exports and the API copy to ``out``; report broken links.

    ``app`` is the web app to render (by default ``create_app(store)``).
    """
    staging = _prepare(out)
    try:
        report = _build(store, staging, list(start), app or create_app(store))
        _swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report.out = out
    return report


def _build(store: Store, root: Path, start: list[str], app: FastAPI) -> SiteReport:
    report = SiteReport(root)
    data = public_cache(store).current()
    exports = render_formats(data, list(exporters()), Links(site="../", api_suffix=".json"))
    data_names = {f"/data/{item.name}": f"data/{item.name}" for item in exports}
    with TestClient(app, base_url=f"http://{HOST}", raise_server_exceptions=False) as client:
        api_files = api_copy(data, client.get("/api/v1/openapi.json").json())

        def known(url: str) -> str | None:
            if url == "/":
                return "index.html"
            if "?" in url:
                return None
            return data_names.get(url) or copy_path(url, api_files)

        fetched, edges = crawl(client, start, known)

    # Where every fetched URL is written; a redirect stands for where it leads.
    placed: dict[str, str] = {}
    for url, item in fetched.items():
        if item.status == 200:
            name = output_name(url, item.content_type)
            if name is not None:
                placed[url] = name

    def place(url: str) -> str | None:
        for _ in range(10):  # follow redirects, never in a loop
            if url in placed:
                return placed[url]
            found = known(url)
            if found is not None:
                return found
            item = fetched.get(url)
            if item is None or item.location is None:
                return None
            target = internal_url(item.location, url)
            if target is None:
                return None
            url = target
        return None

    for page, link in edges:
        if not _crawlable(link):
            continue  # dropped from the copy by rewrite_html: a static site has no accounts
        if place(link) is None:
            status = fetched[link].status if link in fetched else 0
            report.broken.append((page, link, status))

    for url, name in placed.items():
        item = fetched[url]
        body = item.body
        if item.content_type == "text/html":
            body = rewrite_html(body, url, name, place)
            report.pages += 1
        elif item.content_type == "text/css":
            body = rewrite_css(body, url, name, place)
            report.assets += 1
        else:
            report.assets += 1
        _write(root, name, body)
    for exported in exports:
        _write(root, f"data/{exported.name}", exported.content)
    report.data_files = len(exports)
    for name, body in api_files.items():
        _write(root, name, body)
    report.api_files = len(api_files)
    languages = [p.strip("/") for p in start if fetched.get(p) and fetched[p].status == 200]
    _write(root, "index.html", _root_page(languages, [f.name for f in exports], bool(api_files)))
    _write(root, ".nojekyll", b"")  # GitHub Pages: serve files as they are
    _write(root, MARKER, b"built by thirdcountry build-site\n")
    return report


def _write(root: Path, name: str, body: bytes) -> None:
    target = root.joinpath(*name.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
