"""The byte prefilter follows extraction: it lets through every page the extractor could
read a claim from, however the page spells it, and the markup check keeps the story."""

from __future__ import annotations

import datetime as dt
import html
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thirdcountry.extract import extract_claims
from thirdcountry.extract.rules import registered
from thirdcountry.scale.relevance import (
    is_candidate,
    may_state_claims,
    relevance_terms,
    story_bytes,
    tells_story,
)
from thirdcountry.scale.vocabulary import (
    _not_sport,
    name_words,
    spellings,
    vocabulary,
)

DEVSET = Path(__file__).parent / "devset"
ISSUE_STORY = (
    "Esuatini recibe a cinco deportados desde Estados Unidos. Los cinco hombres, trasladados "
    "por el Departamento de Seguridad Nacional, permanecerán en una prisión de máxima "
    "seguridad hasta que puedan ser enviados a sus países."
)


def page(body: str, *, encoding: str = "utf-8") -> bytes:
    return (
        "<html><head><title>Noticias</title></head><body>"
        "<nav><a href='/deportes'>Deportes</a></nav>"
        f"<article>{body}</article><footer>© Diario</footer></body></html>"
    ).encode(encoding)


def paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())


def spelled(text: str, how: str) -> bytes:
    """The page of ``text`` as a site may serve it."""
    if how == "capitals":
        return page(paragraphs(text.upper()))
    if how == "title case":  # headline style: "Deportados A Esuatini Desde Estados Unidos"
        return page(paragraphs(text.title()))
    if how == "cp1252":
        return page(paragraphs(text), encoding="cp1252") if _fits(text, "cp1252") else b""
    if how == "numeric entities":
        return page(paragraphs(text)).decode().encode("ascii", "xmlcharrefreplace")
    if how == "named entities":
        named = "".join(
            f"&{html.entities.codepoint2name[ord(c)]};"
            if not c.isascii() and ord(c) in html.entities.codepoint2name
            else c
            for c in paragraphs(text)
        )
        return page(named).decode().encode("ascii", "xmlcharrefreplace")
    return page(paragraphs(text))


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


SPELLINGS = ["utf-8", "cp1252", "numeric entities", "named entities", "capitals", "title case"]


def test_the_story_of_the_issue_is_a_candidate_in_every_spelling() -> None:
    for how in SPELLINGS:
        payload = spelled(ISSUE_STORY, how)
        assert is_candidate(payload), how
        assert tells_story(payload), how
    assert is_candidate(page("<p>LOS DEPORTADOS LLEGARON A ESUATINI DESDE ESTADOS UNIDOS</p>"))


def test_the_vocabulary_is_the_extractors_own() -> None:
    """Generated from the registered rules and the gazetteer, not copied: every string the
    relevance patterns need is in it, and every name the gazetteer matches."""
    words = vocabulary()
    everything = {s for strings in words.strings.values() for s in strings}
    for rules in registered().values():
        assert {term.lower() for term in rules.lexicon.topic} <= words.topic
    names = words.strings[words.name]
    assert names == frozenset(name_words())
    for name in ("eswatini", "esuatini", "sudán", "ghana", "salvadoran", "cecot", "venezolanos"):
        assert name in names, name
    assert {"deport", "traslad", "asylum", "third country", "tercer país"} <= words.topic
    assert everything  # the cue words


def test_each_word_is_spelled_as_pages_spell_it() -> None:
    forms = spellings("país")
    assert {"país".encode(), "PAÍS".encode(), "país".encode("cp1252")} <= forms
    assert {b"pa&iacute;s", b"pa&#237;s", b"pa&#xed;s", b"PA&Iacute;S"} <= forms


@pytest.mark.parametrize(
    "body",
    [
        "<p>El Real Madrid ganó el partido y es líder de la liga.</p>",
        "<p>Lluvias y tormentas el fin de semana en Madrid y Valencia.</p>",
        "<p>Shares rose on Tuesday as the central bank held rates.</p>",
    ],
)
def test_pages_without_a_word_of_the_topic_are_not_candidates(body: str) -> None:
    assert not is_candidate(page(body))


def test_words_only_in_boilerplate_tell_no_story() -> None:
    story = paragraphs(ISSUE_STORY)
    for wrapper in ("<aside>{}</aside>", "<NAV>{}</NAV>", "<footer>{}</footer>"):
        markup = f"<html><body><article><p>Weather.</p></article>{wrapper.format(story)}"
        assert is_candidate(markup.encode())  # the byte prefilter lets it through …
        assert not tells_story(markup.encode())  # … and the markup check turns it away
    assert tells_story(f"<aside><p>Most read</p>{story}".encode())  # never closed: kept
    assert tells_story(f"<navigation-bar>{story}</navigation-bar>".encode())
    cut = story_bytes(b"<nav>menu</nav><p>body</p>")
    assert b"menu" not in cut and b"<p>body</p>" in cut


def test_the_terms_kept_say_why() -> None:
    terms = relevance_terms("Five men were deported to Eswatini, a third country for them.")
    assert terms == ("deported", "third country")
    assert may_state_claims(ISSUE_STORY)
    assert not may_state_claims("El Real Madrid ganó el partido.")


# -- the property: whatever the extractor reads a claim from, the prefilter passes --------


@cache
def devset_paragraphs() -> list[tuple[str, dt.date | None]]:
    found: list[tuple[str, dt.date | None]] = []
    for path in sorted(DEVSET.glob("*.txt")):
        labels = path.with_suffix(".yaml").read_text(encoding="utf-8")
        date = re.search(r"published:\s*(\d{4}-\d{2}-\d{2})", labels)
        published = dt.date.fromisoformat(date.group(1)) if date else None
        found.extend(
            (p, published) for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()
        )
    return found


SENDERS = ["Estados Unidos", "the United States", "Washington", "EE.UU.", "the UK", "Italia"]
RECEIVERS = ["Eswatini", "Esuatini", "South Sudan", "Sudán del Sur", "Ghana", "Rwanda", "Albania"]
FORMS = [
    "{sender} deported {n} men to {receiver} on Tuesday.",
    "{receiver} agreed to receive deportees from {sender}, officials said.",
    "{receiver} recibió a {n} deportados desde {sender} el martes.",
    "{n} migrantes fueron trasladados de {sender} a {receiver}.",
    "{sender} will pay {receiver} $5 million to take in migrants of other nationalities.",
    "{sender} firmó un acuerdo con {receiver} para enviar migrantes de terceros países.",
]


@st.composite
def texts(draw: st.DrawFn) -> tuple[str, dt.date | None]:
    if draw(st.booleans()):
        pieces = draw(st.lists(st.sampled_from(devset_paragraphs()), min_size=1, max_size=3))
        return "\n\n".join(p for p, _ in pieces), pieces[0][1]
    form = draw(st.sampled_from(FORMS))
    text = form.format(
        sender=draw(st.sampled_from(SENDERS)),
        receiver=draw(st.sampled_from(RECEIVERS)),
        n=draw(st.sampled_from(["five", "cinco", "12", "299"])),
    )
    return text, dt.date(2025, 7, 17)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.sampled_from(SPELLINGS))
def test_every_text_with_a_claim_passes_the_prefilter(
    drawn: tuple[str, dt.date | None], how: str
) -> None:
    text, published = drawn
    if not extract_claims(text, published=published):
        return  # the property is about texts the extractor reads a claim from
    payload = spelled(text, how)
    if not payload:
        return  # a text windows-1252 cannot spell
    assert is_candidate(payload)
    assert tells_story(payload)


def test_the_property_has_texts_with_claims_to_test() -> None:
    """The property above is not vacuous: the development set is full of claims."""
    with_claims = [p for p, d in devset_paragraphs() if extract_claims(p, published=d)]
    assert len(with_claims) >= 40
    for text in with_claims:
        for how in SPELLINGS:
            payload = spelled(text, how)
            assert not payload or (is_candidate(payload) and tells_story(payload)), (how, text)


def test_only_what_can_be_main_text_is_searched() -> None:
    """The head and the content of scripts and styles are never main text; an element
    that never closes, or a tag that only starts like one, keeps the rest."""
    story = paragraphs(ISSUE_STORY)
    assert not is_candidate(f"<html><head><title>{ISSUE_STORY}</title></head><body>x".encode())
    assert not is_candidate(f"<body><script>var s = '{story}';</script><p>x</p>".encode())
    assert not is_candidate(f"<BODY><SCRIPT>var s = '{story}';</SCRIPT>".encode())
    assert is_candidate(f"<body><script>var s = 1;</script>{story}".encode())
    assert is_candidate(f"<body><script>var s = '{story}'".encode())  # never closed
    assert is_candidate(f"<body><scripture>{story}</scripture><script>x</script>".encode())
    assert is_candidate(f"<html><p>no body tag</p>{story}".encode())


# -- the same on real reporting, where its texts are gathered (tests/realnews/README.md) --

REALNEWS = Path(__file__).parent / "realnews"


def _label_date(raw: object) -> dt.date | None:
    """A label's ``published`` (a date, or YYYY-MM / YYYY: the first day of it)."""
    if isinstance(raw, dt.date):
        return raw
    parts = [int(p) for p in str(raw or "").split("-")[:3] if p.isdigit()]
    return dt.date(*parts, *[1] * (3 - len(parts))) if parts else None


@cache
def realnews_texts() -> list[tuple[str, str, dt.date | None]]:
    """(id, text, published) of every labelled real-news page whose text is present."""
    found = []
    for label in sorted((REALNEWS / "labels").glob("*.yaml")):
        text = REALNEWS / "texts" / f"{label.stem}.txt"
        if text.is_file():
            document = (yaml.safe_load(label.read_text(encoding="utf-8")) or {}).get("document")
            published = _label_date((document or {}).get("published"))
            found.append((label.stem, text.read_text(encoding="utf-8"), published))
    return found


def test_every_real_news_text_with_a_claim_passes_the_prefilter() -> None:
    """Real pages' words, not the development set's: each text the extractor reads a claim
    from is a candidate, and tells its story, in every spelling."""
    texts = realnews_texts()
    if not texts:
        pytest.skip(f"no real-news texts under {REALNEWS / 'texts'} (they are not committed)")
    turned_away = []
    read = 0
    for id_, text, published in texts:
        if not extract_claims(text, published=published):
            continue
        read += 1
        for how in SPELLINGS:
            payload = spelled(text, how)
            if payload and not (is_candidate(payload) and tells_story(payload)):
                turned_away.append((id_, how))
    assert read, "no real-news text with a claim"
    assert not turned_away, turned_away[:20]


def test_sport_words_come_from_the_spanish_lexicon() -> None:
    assert "deportes" in registered()["es"].lexicon.not_topic
    topic = vocabulary().has_topic
    for page_ in (
        b"<a>Deportes</a> deporte DEPORTES deportivo Deportista",
        b"deportiva",
        b"Deportivas.",
        b"deportes",
    ):
        assert not topic(page_), page_
    for page_ in (
        b"deportes deportados",
        b"Deporte Deported",
        "DEPORTES DEPORTÓ".encode(),
        "deportación".encode("cp1252"),
        b"deport",
        b"deportee",  # "deporte" with a letter after it is another word
        b"deportestrella",
        b"deportis",
        b"DEPORTING",
    ):
        assert topic(page_), page_


def test_a_declared_word_must_be_of_the_stem_and_plain_letters() -> None:
    with pytest.raises(ValueError, match="futbol"):
        _not_sport(["futbol"])
    with pytest.raises(ValueError, match="not a letter"):
        _not_sport(["deporté"])


def test_without_a_declared_word_every_deport_is_the_topic() -> None:
    import hyperscan

    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(expressions=[_not_sport([])], flags=hyperscan.HS_FLAG_CASELESS)
    hits: list[int] = []
    database.scan(b"deportes", match_event_handler=lambda *args: hits.append(args[0]))
    assert hits


@pytest.mark.parametrize(
    "payload",
    [
        b"third country",
        b"Third-Country",
        b"THIRD&nbsp;COUNTRY",
        b"a third <em>country</em>",
        b"third\n  country",
        "un tercer\u00a0país".encode(),
        "TERCEROS PAÍSES".encode("cp1252"),
        b"tercer pa&iacute;s",
        b"terceros pa&#xed;ses",
    ],
)
def test_a_topic_phrase_is_found_however_the_page_spaces_it(payload: bytes) -> None:
    assert vocabulary().has_topic(payload)


@pytest.mark.parametrize(
    "payload", [b"for a third quarter", b"the third time", b"tercer partido", b"country music"]
)
def test_a_word_of_a_phrase_alone_is_not_the_topic(payload: bytes) -> None:
    assert not vocabulary().has_topic(payload)
