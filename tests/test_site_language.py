"""Readers see words, in their language: a crawl of the public site on the bundled dataset.

Every page reachable from the home page of each language (a few of each kind of page) is
fetched through the app. Only the text a reader sees counts: no attributes, no scripts, and
nothing inside an element marked with another language (a quote or a title kept as
published, which must carry ``lang``). On ``/es/`` pages no sentence of the English catalog
may show; on any page no raw code (``arrangement_status``, ``transit_stopover``…) may.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import yaml
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from thirdcountry.data import FULL_DATASET
from thirdcountry.domain.labels import LANGUAGES
from thirdcountry.publish.i18n import catalog_files
from thirdcountry.publish.web import create_app
from thirdcountry.publish.web.site.formatting import Formatter
from thirdcountry.store import Store
from thirdcountry.store.load import load_file

PER_KIND = 3  # pages of each kind (first two path segments) the crawl opens
HIDDEN = {"script", "style", "template", "code", "pre", "kbd", "samp", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "path", "rect", "circle", "line", "use"}  # fmt: skip
# A code: lower-case words joined by underscores, not part of a URL, address or file name.
RAW_CODE = re.compile(r"(?<![\w./@:-])[a-z]+(?:_[a-z0-9]+)+(?![\w./@-])")


class VisibleText(HTMLParser):
    """Text runs of a page with the language each is in (the nearest ``lang``)."""

    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("", page_lang, False)]
        self.runs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _tag, lang, hidden = self.stack[-1]
        named = dict(attrs).get("lang")
        if tag in VOID:
            return
        hidden = hidden or tag in HIDDEN or "hidden" in dict(attrs)
        self.stack.append((tag, named or lang, hidden))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        _tag, lang, hidden = self.stack[-1]
        text = " ".join(data.split())
        if text and not hidden:
            self.runs.append((lang, text))


def visible_runs(html: str, lang: str) -> list[tuple[str, str]]:
    parser = VisibleText(lang)
    parser.feed(html)
    return parser.runs


def english_phrases() -> list[str]:
    """Sentences of the English catalog that Spanish says differently, as literal pieces."""
    english: dict[str, str] = {}
    spanish: dict[str, str] = {}
    for lang, into in (("en", english), ("es", spanish)):
        for path in catalog_files(lang):
            with path.open("rb") as handle:
                for m in read_po(handle):
                    if m.id and isinstance(m.id, str) and isinstance(m.string, str):
                        into[m.id] = m.string
    phrases = set()
    for msgid, text in english.items():
        if spanish.get(msgid, text) == text:
            continue  # the same in both (a name, "API")
        for piece in re.split(r"%\(\w+\)[sd]|%[sd]", text):
            piece = piece.strip(" .,:;()")
            if len(piece.split()) >= 3:
                phrases.add(piece)
    return sorted(phrases)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = Store(str(tmp_path_factory.mktemp("language") / "site.sqlite3"))
    store.migrate()
    load_file(store, FULL_DATASET)
    with TestClient(create_app(store)) as test_client:
        yield test_client
    store.dispose()


def crawl(client: TestClient, lang: str) -> dict[str, str]:
    """Path → HTML of the pages reachable from /{lang}/, at most PER_KIND of each kind."""
    queue, seen, kinds, pages = [f"/{lang}/"], {f"/{lang}/"}, {}, {}
    while queue:
        path = queue.pop(0)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.headers["content-type"]:
            continue
        pages[path] = response.text
        for href in re.findall(r'href="([^"]+)"', response.text):
            target = urldefrag(urljoin(path, href.replace("&amp;", "&"))).url
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith(f"/{lang}/") or target in seen:
                continue
            kind = "/".join(parts.path.split("/")[:3]) + ("?" if parts.query else "")
            if kinds.get(kind, 0) >= PER_KIND:
                continue
            kinds[kind] = kinds.get(kind, 0) + 1
            seen.add(target)
            queue.append(target)
    return pages


@pytest.fixture(scope="module")
def pages(client: TestClient) -> dict[str, dict[str, str]]:
    return {lang: crawl(client, lang) for lang in LANGUAGES}


def test_the_crawl_reaches_every_kind_of_page(pages: dict[str, dict[str, str]]) -> None:
    for lang in LANGUAGES:
        kinds = {"/".join(p.split("?")[0].split("/")[:3]) for p in pages[lang]}
        for kind in ("country", "claim", "claims", "transfers", "sources", "data", "changes"):
            assert f"/{lang}/{kind}" in kinds, (lang, kind)


def test_no_spanish_page_shows_english(pages: dict[str, dict[str, str]]) -> None:
    phrases = english_phrases()
    assert len(phrases) > 50, "the catalog was not read"
    found = []
    for path, html in pages["es"].items():
        for lang, text in visible_runs(html, "es"):
            if lang != "es":
                continue
            found += [(path, phrase) for phrase in phrases if phrase in text]
    assert found == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_shows_a_raw_code(pages: dict[str, dict[str, str]], lang: str) -> None:
    found = [
        (path, code)
        for path, html in pages[lang].items()
        for _lang, text in visible_runs(html, lang)
        for code in RAW_CODE.findall(text)
    ]
    assert found == []


def test_the_checks_see_english_codes_and_ignore_attributes_and_marked_quotes() -> None:
    html = (
        '<p title="arrangement_status">Estado: <b>transit_stopover</b></p>'
        '<blockquote lang="en">the first flight landed</blockquote><code>a_b</code>'
        "<p>Ningún traslado. The first flight landed</p>"
    )
    runs = visible_runs(html, "es")
    assert ("en", "the first flight landed") in runs
    assert [c for _l, t in runs for c in RAW_CODE.findall(t)] == ["transit_stopover"]
    assert [t for lang, t in runs if lang == "es" and "The first flight" in t]
    assert RAW_CODE.findall("see https://x.example/a_b or file_name.csv") == []


def english_notes() -> set[str]:
    """The dataset's English prose: curators' notes on outlets and the release notes."""
    data = yaml.safe_load(FULL_DATASET.read_text(encoding="utf-8"))
    notes = {Formatter.outlet(d.get("outlet") or "")[1] for d in data["documents"]}
    notes |= {" ".join(r["changes"].split()) for r in data["dataset"].get("changelog") or []}
    # English words, not a place name alone ("Costa Rica", "Rwanda").
    return {n for n in notes if re.search(r"\b[a-z]{3,}\b", n) and len(n) >= 6}


def test_spanish_pages_mark_the_datasets_english_notes(pages: dict[str, dict[str, str]]) -> None:
    notes = english_notes()
    assert len(notes) > 20
    shown_marked = shown_unmarked = 0
    for html in pages["es"].values():
        for lang, text in visible_runs(html, "es"):
            hits = [n for n in notes if n in text]
            shown_marked += bool(hits) and lang == "en"
            shown_unmarked += bool(hits) and lang != "en"
    assert shown_marked > 0, "the crawl saw no note at all"
    assert shown_unmarked == 0


ONE_IN_PLURAL = re.compile(
    r"(?<![\d.,])1 (?:\w+ )?(?:traslados|personas|afirmaciones|fuentes|transfers|people"
    r"|claims|sources|reports)\b"
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_counts_one_in_the_plural(pages: dict[str, dict[str, str]], lang: str) -> None:
    found = [
        (path, text)
        for path, html in pages[lang].items()
        for _lang, text in visible_runs(html, lang)
        if ONE_IN_PLURAL.search(text)
    ]
    assert found == []
    assert ONE_IN_PLURAL.search("en 1 traslados distintos")
    assert not ONE_IN_PLURAL.search("21 traslados") and not ONE_IN_PLURAL.search("1 traslado")
