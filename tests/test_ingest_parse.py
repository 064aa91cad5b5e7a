"""From bytes to text and metadata: HTML, plain text, PDF, feeds; URLs and durations."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import shared_path
from tests.ingest_server import PDF_LINES, PLAIN_TEXT, make_pdf, page
from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.vocabulary import DatePrecision, DocumentKind
from thirdcountry.ingest.feeds import parse_feed
from thirdcountry.ingest.html import canonical_url, document_kind, parse_html
from thirdcountry.ingest.model import SourceError
from thirdcountry.ingest.readers import Format, parse_pdf, parse_text, sniff_format
from thirdcountry.ingest.urls import normalize_url
from thirdcountry.ingest.watch import parse_duration

BASE = "https://news.test"


def parsed(name: str, path: str):  # type: ignore[no-untyped-def]
    return parse_html(page(name, BASE), url=BASE + path, charset="utf-8")


def test_english_article_text_and_metadata() -> None:
    doc = parsed("kosovo-en.html", "/news/kosovo-agrees")
    assert doc.title == "Kosovo to take in 50 deportees from the United States"
    assert (doc.outlet, doc.author, doc.language) == ("Balkan Wire", "Mira Hoxha", "en")
    assert doc.published == date(2025, 6, 12)  # datePublished, not dateModified
    assert doc.canonical_url == "https://news.test/news/kosovo-agrees"
    assert "temporarily host 50 people deported from the United States" in doc.text
    assert "talks with Rwanda and Libya" in doc.text


@pytest.mark.parametrize(
    "noise",
    [
        "Subscribe for 1 euro",  # navigation
        "Cheap flights",  # banner advertising
        "Advertisement",  # ad label inside the article body
        "Related stories",
        "Panama moves deportees from hotel to jungle camp",  # related link
        "Talks with Serbia stall",  # inline "read more" link
        "morning briefing",  # newsletter box
        "We use cookies",
        "All rights reserved",
    ],
)
def test_boilerplate_does_not_reach_the_stored_text(noise: str) -> None:
    assert noise not in parsed("kosovo-en.html", "/news/kosovo-agrees").text


def test_spanish_article_text_and_metadata() -> None:
    doc = parsed("kosovo-es.html", "/es/kosovo-acepta")
    assert doc.title == "Kosovo recibirá de forma temporal a 50 deportados por Estados Unidos"
    assert (doc.outlet, doc.author, doc.language) == ("Diario del Istmo", "Lucía Barrios", "es")
    assert doc.published == date(2025, 6, 13)
    assert "Ruanda y Libia siguen negociando" in doc.text
    for noise in ("Publicidad", "Le puede interesar", "Lo más visto", "Compartir en WhatsApp"):
        assert noise not in doc.text


def test_metadata_from_opengraph_when_there_is_no_canonical_link() -> None:
    doc = parsed("cecot-es.html", "/es/cecot-venezolanos")
    assert (doc.outlet, doc.published, doc.language) == (
        "La Gaceta Central",
        date(2025, 3, 18),
        "es",
    )
    assert doc.canonical_url == "https://news.test/es/cecot-venezolanos"
    assert "238 ciudadanos venezolanos" in doc.text and "Lee también" not in doc.text


def test_tracking_parameters_are_dropped_from_the_canonical_url() -> None:
    doc = parsed("eswatini-en.html", "/news/eswatini-flight?utm_source=rss")
    assert doc.canonical_url == "https://news.test/news/eswatini-flight"
    assert doc.published == date(2025, 7, 17) and "Advertisement" not in doc.text


def test_a_canonical_url_on_another_site_is_not_believed() -> None:
    assert canonical_url("https://wire.test/a", "https://copy.test/b") == "https://copy.test/b"
    assert canonical_url("https://www.copy.test/a", "https://copy.test/b") == (
        "https://www.copy.test/a"
    )
    assert canonical_url("https://wire.test/a", None) == "https://wire.test/a"  # a saved page


def test_a_page_without_text_fails_clearly() -> None:
    with pytest.raises(SourceError, match="no main text") as failure:
        parse_html(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", url=BASE)
    assert not failure.value.retryable


def test_government_sites_are_recognised_by_their_host() -> None:
    assert document_kind("https://www.dhs.gov/news/x") is DocumentKind.GOVERNMENT
    assert document_kind("https://www.gob.mx/sre/prensa") is DocumentKind.GOVERNMENT
    assert document_kind("https://www.gov.uk/government/news") is DocumentKind.GOVERNMENT
    assert document_kind("https://news.test/govern") is DocumentKind.NEWS


def test_plain_text_gets_a_title_and_a_language() -> None:
    doc = parse_text(PLAIN_TEXT.encode("utf-8"))
    assert doc.title == "South Sudan receives eight men deported from the United States"
    assert doc.language == "en" and "Djibouti" in doc.text


def test_the_seed_article_reads_as_text() -> None:
    doc = parse_text(shared_path("seed", "kosovo-2025-06-12.txt").read_bytes())
    assert doc.title == "Kosovo agrees to accept immigrants deported from the U.S."
    assert doc.language == "en" and "50" in doc.text


def test_text_that_is_not_utf8_is_still_read() -> None:
    doc = parse_text("Deportación a un tercer país: el acuerdo".encode("cp1252"))
    assert doc.text == "Deportación a un tercer país: el acuerdo"


def test_pdf_text_layer_and_metadata() -> None:
    doc = parse_pdf(make_pdf(PDF_LINES, title="Press statement"))
    assert doc.title == "Press statement" and doc.author == "Ministry of Foreign Affairs"
    assert doc.published == date(2025, 6, 11) and doc.language == "en"
    assert "receive up to fifty" in doc.text


def test_a_pdf_without_text_layer_fails_clearly() -> None:
    with pytest.raises(SourceError, match=r"no text layer \(a scan\?\)"):
        parse_pdf(make_pdf([]))


def test_a_broken_pdf_fails_clearly() -> None:
    with pytest.raises(SourceError, match="could not read the PDF"):
        parse_pdf(b"%PDF-1.4\n this is not really a PDF")


@pytest.mark.parametrize(
    ("content", "media_type", "expected"),
    [
        (b"%PDF-1.7 ...", "application/octet-stream", Format.PDF),
        (b"%PDF-1.7 ...", "text/html", Format.PDF),
        (b"<?xml version='1.0'?><rss version='2.0'>", "application/xml", Format.FEED),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", None, Format.FEED),
        (b"<!DOCTYPE html><html>", None, Format.HTML),
        (b"<html><body>", "application/xhtml+xml", Format.HTML),
        (b"Plain words.", None, Format.TEXT),
        (b"Plain words.", "text/plain", Format.TEXT),
    ],
)
def test_formats_are_told_apart(content: bytes, media_type: str | None, expected: Format) -> None:
    assert sniff_format(content, media_type) is expected


def test_xml_that_is_no_feed_is_refused() -> None:
    with pytest.raises(SourceError, match="neither a web page nor a feed"):
        sniff_format(b"<?xml version='1.0'?><catalog/>", "application/xml")


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>One</title><link>/news/one?utm_source=rss</link><guid isPermaLink="false">g-1</guid>
<pubDate>Thu, 12 Jun 2025 08:00:00 GMT</pubDate></item>
<item><title>Two</title><link>https://news.test/news/two</link></item>
<item><title>Again one</title><link>https://news.test/news/one-bis</link>
<guid isPermaLink="false">g-1</guid></item>
<item><title>Mail</title><link>mailto:desk@news.test</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Mundo</title>
<entry><title>Kosovo acepta</title><id>tag:news.test,2025:es-1</id>
<link rel="alternate" href="https://news.test/es/kosovo-acepta"/>
<updated>2025-06-13T13:00:00Z</updated></entry></feed>"""


def test_rss_entries_with_guids_links_and_dates() -> None:
    feed = parse_feed(RSS, base_url="https://news.test/feed.xml")
    assert feed.title == "Desk"
    assert [(e.guid, e.link) for e in feed.entries] == [
        ("g-1", "https://news.test/news/one?utm_source=rss"),
        ("https://news.test/news/two", "https://news.test/news/two"),
    ]
    assert feed.entries[0].published == date(2025, 6, 12)


def test_atom_entries() -> None:
    feed = parse_feed(ATOM)
    assert [(e.guid, e.link, e.title) for e in feed.entries] == [
        ("tag:news.test,2025:es-1", "https://news.test/es/kosovo-acepta", "Kosovo acepta")
    ]


@given(st.binary(max_size=300))
def test_any_bytes_are_a_feed_or_a_clear_failure(content: bytes) -> None:
    try:
        feed = parse_feed(content)
    except SourceError as exc:
        assert "not an RSS or Atom feed" in exc.message
    else:
        assert all(e.link.startswith(("http://", "https://")) for e in feed.entries)


@given(st.binary(max_size=300), st.sampled_from([None, "text/html", "application/xml"]))
def test_sniffing_any_bytes_gives_a_format_or_a_clear_failure(
    content: bytes, media_type: str | None
) -> None:
    try:
        assert sniff_format(content, media_type) in set(Format)
    except SourceError as exc:
        assert exc.message.endswith(("neither a web page nor a feed", "text, PDF or feed"))


def test_urls_are_normalised_into_one_key() -> None:
    assert normalize_url("HTTPS://News.Test:443/a?utm_source=x&id=3#top") == (
        "https://news.test/a?id=3"
    )
    assert normalize_url("http://news.test") == "http://news.test/"
    assert normalize_url("http://[::1]:8080/x") == "http://[::1]:8080/x"
    assert normalize_url("https://news.test/a?b=1&a=2") == "https://news.test/a?b=1&a=2"


urls = st.builds(
    lambda host, path, query: f"https://{host}/{path}?{query}",
    st.from_regex(r"[a-z]{1,10}\.(test|org)", fullmatch=True),
    st.from_regex(r"[a-zA-Z0-9/_.-]{0,20}", fullmatch=True),
    st.from_regex(r"(utm_[a-z]+=[a-z0-9]*&)?[a-z]{1,5}=[a-z0-9]{0,5}", fullmatch=True),
)


@given(urls)
def test_normalising_twice_changes_nothing(url: str) -> None:
    once = normalize_url(url)
    assert normalize_url(once) == once and "utm_" not in once


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400)]
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15x", "0m", "m15"])
def test_bad_durations_are_named(text: str) -> None:
    with pytest.raises(BadInput, match="is not a duration"):
        parse_duration(text)


def test_a_feed_date_of_only_a_month_or_a_year_keeps_that_precision() -> None:
    items = "".join(
        f"<item><link>https://news.test/{n}</link><pubDate>{when}</pubDate></item>"
        for n, when in enumerate(("2025-08", "2025", "Tue, 12 Aug 2025 09:00:00 GMT"))
    )
    rss = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>D</title>{items}</channel></rss>'
    )
    entries = parse_feed(rss.encode()).entries
    assert [(e.published, e.published_precision) for e in entries] == [
        (date(2025, 8, 1), DatePrecision.MONTH),
        (date(2025, 1, 1), DatePrecision.YEAR),
        (date(2025, 8, 12), None),
    ]
