"""Evidence highlighting: segments always rebuild the text and mark exactly the spans."""

from hypothesis import given
from hypothesis import strategies as st

from thirdcountry.review.highlight import excerpt, segments


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, dict[str, tuple[int, int]]]:
    text = draw(st.text(min_size=0, max_size=200))
    bound = len(text) + 5
    spans = draw(
        st.dictionaries(
            st.text(alphabet="abcdef", min_size=1, max_size=4),
            st.tuples(st.integers(-5, bound), st.integers(-5, bound)),
            max_size=5,
        )
    )
    return text, spans


@given(text_and_spans())
def test_segments_rebuild_the_text_and_mark_each_covered_character(
    case: tuple[str, dict[str, tuple[int, int]]],
) -> None:
    text, spans = case
    parts = segments(text, spans)
    assert "".join(p.text for p in parts) == text
    assert all(p.text for p in parts)
    position = 0
    for part in parts:
        for offset in range(len(part.text)):
            at = position + offset
            covering = {c for c, (s, e) in spans.items() if max(s, 0) <= at < min(e, len(text))}
            assert set(part.claims) == covering
        position += len(part.text)


def test_overlapping_spans_are_both_marked() -> None:
    parts = segments("abcdef", {"x": (1, 4), "y": (3, 5)})
    assert [(p.text, p.claims) for p in parts] == [
        ("a", ()),
        ("bc", ("x",)),
        ("d", ("x", "y")),
        ("e", ("y",)),
        ("f", ()),
    ]


@given(st.text(min_size=1, max_size=300), st.data())
def test_an_excerpt_contains_the_evidence_marked(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    parts = excerpt(text, (start, end), "c", context=20)
    marked = [p for p in parts if p.marked]
    assert [p.text for p in marked] == [text[start:end]]
    joined = "".join(p.text for p in parts).strip("…")
    assert text[start:end] in joined and joined in text


def test_an_excerpt_cuts_at_spaces_and_says_so() -> None:
    text = "one two three four five six seven eight nine ten"
    parts = excerpt(text, (text.index("five"), text.index("five") + 4), "c", context=8)
    assert "".join(p.text for p in parts) == "…four five six…"
