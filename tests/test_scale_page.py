"""Candidate pages: text, title, outlet and date from the HTML bytes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from thirdcountry.scale.page import parse_page, parse_page_if
from thirdcountry.scale.pipeline import SpanProgress, _Readings, stable_uuid7
from thirdcountry.scale.progress import ProgressTally, ScanProgress

ARTICLE = (
    "<html><head>{head}</head><body><nav><a href='/'>Portada</a><a href='/deportes/'>"
    "Deportes</a></nav><article><h1>Panamá acoge a 299 deportados</h1>{body}"
    "<p>Los deportados fueron alojados en un hotel de la capital mientras se organiza su "
    "retorno a sus países de origen, según el Gobierno panameño.</p>"
    "<p>Organizaciones civiles criticaron que Panamá funcione como tercer país.</p>"
    "</article><aside><ul><li>Receta de la semana</li></ul></aside></body></html>"
)


def page(head: str = "", body: str = "") -> str:
    return ARTICLE.format(head=head, body=body)


def test_the_text_is_the_article_not_the_navigation() -> None:
    parsed = parse_page(page().encode(), charset="utf-8", url="https://www.diario.example/a")
    assert "tercer país" in parsed.text
    assert "Receta" not in parsed.text
    assert parsed.outlet == "diario.example"


def test_a_page_whose_text_is_not_wanted_gives_nothing() -> None:
    seen: list[str] = []

    def wanted(text: str) -> None:
        seen.append(text)

    payload = page().encode()
    assert parse_page_if(payload, charset="utf-8", url="https://d.example/", wanted=wanted) is None
    assert seen == [parse_page(payload, charset="utf-8", url="https://d.example/").text]


def test_a_wanted_page_comes_with_its_metadata_and_the_verdict() -> None:
    head = (
        '<meta property="og:title" content="Panamá acoge">'
        '<meta property="og:site_name" content="Diario">'
    )
    payload = page(head).encode()
    parsed = parse_page_if(payload, charset="utf-8", url="https://d.example/", wanted=len)
    assert parsed is not None
    found, verdict = parsed
    assert found == parse_page(payload, charset="utf-8", url="https://d.example/")
    assert (found.title, found.outlet, verdict) == ("Panamá acoge", "Diario", len(found.text))


def test_windows_1252_is_read_from_the_meta_charset() -> None:
    markup = page(head='<meta charset="windows-1252">').encode("cp1252")
    parsed = parse_page(markup, charset=None, url="https://diario.example/a")
    assert "Panamá" in parsed.text and "tercer país" in parsed.text


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            '<meta property="article:published_time" content="2025-02-18T10:00:00Z">',
            "",
            date(2025, 2, 18),
        ),
        ('<meta name="date" content="2025-02-19">', "", date(2025, 2, 19)),
        ("", '<time datetime="2025-02-20T08:00">20 feb</time>', date(2025, 2, 20)),
        (
            '<script type="application/ld+json">{"datePublished": "2025-02-21T09:00"}</script>',
            "",
            date(2025, 2, 21),
        ),
        ('<meta name="date" content="yesterday">', "", None),
    ],
)
def test_the_publication_date_comes_from_the_markup(
    head: str, body: str, expected: date | None
) -> None:
    parsed = parse_page(page(head, body).encode(), charset="utf-8", url="https://d.example/")
    assert parsed.published == expected


def test_title_and_outlet_prefer_open_graph() -> None:
    head = (
        '<title>Panamá acoge | Diario</title><meta property="og:title" content="Panamá acoge">'
        '<meta property="og:site_name" content="Diario La Costa">'
    )
    parsed = parse_page(page(head).encode(), charset="utf-8", url="https://d.example/")
    assert (parsed.title, parsed.outlet) == ("Panamá acoge", "Diario La Costa")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([None, "utf-8", "latin-1", "bogus"]))
def test_any_bytes_parse_to_some_text(payload: bytes, charset: str | None) -> None:
    parsed = parse_page(payload, charset=charset, url="https://d.example/")
    assert isinstance(parsed.text, str)


@given(st.datetimes(timezones=st.none() | st.timezones()), st.text(max_size=20))
def test_stable_ids_are_uuid7_and_repeat(moment: object, seed: str) -> None:
    first = stable_uuid7(moment, seed)  # type: ignore[arg-type]
    assert first == stable_uuid7(moment, seed)  # type: ignore[arg-type]
    assert first[14] == "7" and first[19] in "89ab"
    assert first != stable_uuid7(moment, seed + "x")  # type: ignore[arg-type]


def test_stable_ids_carry_the_capture_time_in_milliseconds() -> None:
    moment = datetime(2025, 3, 16, 12, 30, 5, 123999, tzinfo=UTC)
    millis = int(stable_uuid7(moment, "r").replace("-", "")[:12], 16)
    assert millis == 1742128205123  # whole milliseconds, never rounded up
    naive = moment.replace(tzinfo=None)
    assert stable_uuid7(naive, "r") == stable_uuid7(moment, "r")  # naive is UTC


def test_the_progress_bar_shows_records_speed_relevant_pages_and_time_left() -> None:
    screen = StringIO()
    console = Console(file=screen, force_terminal=True, width=200)
    with ScanProgress(console) as bar:
        bar.plan([(0, "/data/a.warc.gz", 10_000_000), (1, "https://x.test/b.warc.gz", 0)])
        bar(SpanProgress(0, "/data/a.warc.gz", 5_000, 4_000_000, 10_000_000, 3))
    shown = screen.getvalue()
    assert "a.warc.gz" in shown and "all files" in shown and "0/2 files" in shown
    assert "5,000 records" in shown and "MB/s" in shown and "3 relevant" in shown
    assert "left" in shown


def test_readings_are_kept_by_text_date_and_language(monkeypatch: pytest.MonkeyPatch) -> None:
    import thirdcountry.scale.pipeline as pipeline

    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(
        pipeline, "extract_claims", lambda text, **kw: calls.append((text, kw)) or []
    )
    readings = _Readings(limit=2)
    text = "The United States deported five men to Eswatini."
    readings.read("h1", text, date(2025, 7, 16), "en")
    readings.read("h1", text, date(2025, 7, 16), "en")
    assert len(calls) == 1  # the copy is not read again
    readings.read("h1", text, date(2025, 7, 17), "en")  # "yesterday" means another day
    readings.read("h1", text, date(2025, 7, 16), "fr")  # no French rules: read unguided
    assert len(calls) == 3
    assert calls[-1][1]["language"] is None
    assert len(readings.claims) <= 2  # bounded: cleared when full


def test_time_left_counts_remote_files_whose_size_is_not_known_yet() -> None:
    now = [100.0]
    tally = ProgressTally(clock=lambda: now[0])
    tally.plan([(0, "a", 0), (1, "b", 0), (2, "c", 0)])
    now[0] += 1
    tally.update(SpanProgress(0, "a", 10, 20_000_000, 40_000_000, 1))
    now[0] += 1  # 20 MB in 2 s: 10 MB/s
    figures = tally.overall()
    assert figures["expected_mb"] == 120.0  # three files of the one size known so far
    assert figures["mb_per_second"] == 10.0 and figures["eta_seconds"] == 10.0
    assert tally.file_figures(0)["eta_seconds"] == 1.0  # 20 MB left at 20 MB/s
    tally.update(SpanProgress(1, "b", 0, 0, 0, 0, done=True, failed=True))
    assert tally.overall()["expected_mb"] == 80.0  # a failed file is not waited for


def test_pages_made_elsewhere_are_mixed_into_a_generated_archive(tmp_path: Path) -> None:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    from thirdcountry.scale.testdata import RELEVANT, write_archive
    from thirdcountry.scale.testdata_pages import OUTLETS, PageMaker

    maker = PageMaker(3)
    outlet = next(o for o in OUTLETS if o.language == "en")
    mine = [
        maker.article_page(outlet, RELEVANT[0], url=f"https://mine.example/{n}") for n in range(3)
    ]
    manifest = write_archive(tmp_path / "m.warc.gz", pages=40, relevant_ratio=0, mixed_in=mine)
    with (tmp_path / "m.warc.gz").open("rb") as f:
        records = ArchiveIterator(f, record_types=WarcRecordType.response)
        urls = [record.headers.get("WARC-Target-URI") for record in records]
    positions = [i for i, url in enumerate(urls) if url and url.startswith("https://mine.")]
    assert len(positions) == 3 and positions[0] > 0 and positions[-1] < len(urls) - 1
    assert manifest.pages == 40 and not manifest.relevant


def test_every_page_made_elsewhere_is_written_however_many_there_are(tmp_path: Path) -> None:
    """Many pages made elsewhere for the archive's size (the real-news bench mixes 300 into
    10,000): the last of them is written, not dropped once the count is reached."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    from thirdcountry.scale.testdata import RELEVANT, write_archive
    from thirdcountry.scale.testdata_pages import OUTLETS, PageMaker

    maker = PageMaker(3)
    outlet = next(o for o in OUTLETS if o.language == "en")
    for pages, count in ((12, 5), (40, 12), (9, 9)):
        mine = [
            maker.article_page(outlet, RELEVANT[0], url=f"https://mine.example/{n}")
            for n in range(count)
        ]
        path = tmp_path / f"m{pages}-{count}.warc.gz"
        manifest = write_archive(path, pages=pages, relevant_ratio=0, mixed_in=mine)
        with path.open("rb") as f:
            records = ArchiveIterator(f, record_types=WarcRecordType.response)
            urls = [str(record.headers.get("WARC-Target-URI")) for record in records]
        assert [u for u in urls if u.startswith("https://mine.")] == [m.url for m in mine]
        # Each comes after one generated page at least: more pages when there are not
        # enough of those.
        expected = pages if pages - count >= count else 2 * count
        assert manifest.pages == len(urls) == expected, (pages, count)
