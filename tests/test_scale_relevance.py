"""The byte prefilter and the decision on text: what counts as third-country deportation news."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thirdcountry.scale.relevance import (
    CONCEPT_TERMS,
    FACILITY_TERMS,
    is_candidate,
    judge,
    mentions_deportation,
    story_bytes,
    tells_story,
)


def page(body: str, *, encoding: str = "utf-8") -> bytes:
    return f"<html><body><p>{body}</p></body></html>".encode(encoding)


@pytest.mark.parametrize(
    "word", ["deported", "Deportation", "deportees", "deportados", "deportación", "deportó"]
)
def test_deportation_words_pass_the_first_stage(word: str) -> None:
    assert mentions_deportation(page(f"Ayer {word} a tres hombres"))


@pytest.mark.parametrize("word", ["Deportes", "deporte", "deportivo", "deportistas", "report"])
def test_sport_and_reporting_do_not_pass_the_first_stage(word: str) -> None:
    assert not mentions_deportation(page(f"Sección de {word} del diario"))


def _deportation_word_at(payload: bytes, at: int) -> bool:
    """The rule the first stage implements, spelled out: a word starting ``deport`` or
    ``Deport`` that does not go on as ``deporte`` + another letter (deportes; deported and
    deportee do count), ``deportiv…`` or ``deportist…``."""
    if payload[at : at + 6] not in (b"deport", b"Deport"):
        return False
    rest = payload[at + 6 : at + 9]
    if rest[:1] == b"e" and len(rest) > 1 and rest[1:2] not in (b"d", b"e"):
        return False
    return not rest.startswith((b"iv", b"ist"))


PIECES = st.sampled_from(
    [
        *(b"deport", b"Deport", b"DEPORT", b"eport", b"es", b"e", b"ed", b"ee", b"iv", b"ist"),
        *(b"is", b"i", b"s", b"x", b" ", b"d", b"D", b"r", b"\n", b"\xc3\xb3"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=16))
def test_the_first_stage_follows_the_rule_exactly(pieces: list[bytes]) -> None:
    """Counting sporting words away must never change the answer, wherever the words
    fall, however they repeat, and at the very end of the payload."""
    payload = b"".join(pieces)
    expected = any(_deportation_word_at(payload, at) for at in range(len(payload)))
    assert mentions_deportation(payload) is expected


def test_a_sports_section_does_not_hide_a_deportation_word() -> None:
    menu = b'<a href="/deportes/">Deportes</a> <a href="/deportivo">Deportivo</a> ' * 40
    assert not mentions_deportation(menu)
    assert mentions_deportation(menu + b"<p>deportados</p>" + menu)
    assert mentions_deportation(menu + b"Deported")
    assert mentions_deportation(b"el deporte")  # nothing follows "deporte": the rule lets it be


def test_deportation_in_windows_1252_and_entities_passes() -> None:
    assert mentions_deportation(page("lo deportó ayer", encoding="cp1252"))
    assert mentions_deportation(b"<p>lo deport&oacute; ayer</p>")


@pytest.mark.parametrize(
    "body",
    [
        "fueron deportados a un tercer país",
        "fueron deportados a un TERCER PAÍS",
        "fueron deportados a un tercer pa&iacute;s",
        "fueron deportados a un tercer pa&#237;s",
        "fueron deportados a un tercer pa&#xed;s",
        "deported to a third-country prison",
        "deportees held at CECOT",
    ],
)
def test_candidates_need_deportation_and_a_third_country_term(body: str) -> None:
    assert is_candidate(page(body))
    assert is_candidate(page(html.unescape(body), encoding="cp1252"))


@pytest.mark.parametrize(
    "body",
    [
        "deported to Honduras after a routine check-in",  # own country: no third-country term
        "exports rerouted through third countries",  # third countries, no deportation
        "la sección de Deportes y el tercer país del torneo",
    ],
)
def test_pages_without_both_sides_are_not_candidates(body: str) -> None:
    assert not is_candidate(page(body))


def test_judge_keeps_the_terms_that_decided() -> None:
    verdict = judge("Washington deported five men to Eswatini, a third country for them.")
    assert verdict.relevant
    assert verdict.terms == ("deported", "third country")


def test_judge_needs_whole_words() -> None:
    assert not judge("The deported men were held in a Cecotti warehouse.").relevant


def test_judge_rejects_sport() -> None:
    assert not judge("El club deportivo jugó en un tercer país.").relevant


WORDS = st.sampled_from(
    ["deported", "Deportados", "deportó", "deportes", "news", "the", "y", "report", "asylum"]
    + [s for spellings in (*CONCEPT_TERMS.values(), *FACILITY_TERMS.values()) for s in spellings]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12), st.sampled_from(["utf-8", "cp1252", "entities"]))
def test_the_prefilter_never_loses_a_page_the_decision_keeps(
    words: list[str], encoding: str
) -> None:
    """Recall: whatever the text decision accepts, the byte prefilter let through.

    (Deportation words written only in capitals, DEPORTADOS, are the known exception: the
    prefilter's single pass looks for ``eport``.)
    """
    text = " ".join(words)
    if encoding == "entities":
        markup = html.escape(text).encode("ascii", "xmlcharrefreplace")
    else:
        try:
            markup = html.escape(text).encode(encoding)
        except UnicodeEncodeError:
            markup = html.escape(text).encode("ascii", "xmlcharrefreplace")
    if judge(text).relevant:
        assert is_candidate(b"<p>" + markup + b"</p>")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048), st.binary(max_size=2048))
def test_a_relevant_phrase_is_found_in_any_surrounding_bytes(before: bytes, after: bytes) -> None:
    assert is_candidate(before + b" deported to a third country " + after)


STORY = "<p>The men were deported to a third country.</p>"


@pytest.mark.parametrize(
    "wrapper",
    [
        '<aside class="rail"><ol><li><a href="/x">{}</a></li></ol></aside>',
        '<NAV aria-label="sections">{}</NAV>',
        "<footer><p>{}</p></footer>",
        "<script>var headline = '{}';</script>",
        "<style>/* {} */</style>",
        "<noscript>{}</noscript>",
    ],
)
def test_words_only_in_boilerplate_elements_tell_no_story(wrapper: str) -> None:
    markup = f"<html><body><article><p>Weather.</p></article>{wrapper.format(STORY)}</body></html>"
    assert is_candidate(markup.encode())  # the byte prefilter lets it through …
    assert not tells_story(markup.encode())  # … and the markup check turns it away


def test_both_kinds_of_word_must_be_outside_boilerplate() -> None:
    concept_in_aside = (
        "<article><p>Five men were deported on Tuesday.</p></article>"
        "<aside><a href='/y'>Talks on a third country deal</a></aside>"
    )
    assert not tells_story(concept_in_aside.encode())
    assert tells_story(f"<article>{STORY}</article><aside>Weather</aside>".encode())


def test_unclosed_boilerplate_is_kept() -> None:
    """Where an element never closes, its end is unknown: the rest of the page is kept."""
    assert tells_story(f"<aside><p>Most read</p>{STORY}".encode())
    # A nested aside keeps what follows the first closing tag: more text, never less.
    nested = f"<aside><aside>Related</aside>{STORY}</aside>"
    assert tells_story(nested.encode())
    story = story_bytes(b"<nav>menu</nav><p>body</p>")
    assert b"menu" not in story
    assert b"<p>body</p>" in story


def test_a_word_that_starts_like_a_tag_is_not_one() -> None:
    assert tells_story(f"<navigation-bar>{STORY}</navigation-bar>".encode())
    assert tells_story(f"<p>Scripted: </p>{STORY}<footnote>1</footnote>".encode())


BOILERPLATE = st.sampled_from(
    [
        "<aside>Most read: deported to a third country</aside>",
        "<nav><a href='/s'>Deportes</a> <a href='/w'>World</a></nav>",
        "<script>if (a < b) { x = '</p>'; }</script>",
        "<style>p{margin:0}</style>",
        "<footer>© News</footer>",
        "<div class='ad'>Advertisement</div>",
        "<p>Weather in Madrid</p>",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(BOILERPLATE, max_size=6), st.lists(BOILERPLATE, max_size=6))
def test_a_story_outside_boilerplate_is_always_kept(before: list[str], after: list[str]) -> None:
    """Recall: whatever boilerplate surrounds it, a story in the page's own text stays."""
    markup = "".join(before) + f"<article>{STORY}</article>" + "".join(after)
    assert tells_story(markup.encode())
