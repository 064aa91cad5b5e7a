"""Evidence inside the document text: cut a text into segments, marking which claims'
evidence spans cover each one, so a template can wrap them in ``<mark>`` without ever
writing HTML itself (the template escapes every segment)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    claims: tuple[str, ...] = ()  # claims whose evidence covers this text, in span order

    @property
    def marked(self) -> bool:
        return bool(self.claims)


def _clamp(span: tuple[int, int], length: int) -> tuple[int, int] | None:
    start, end = max(0, span[0]), min(length, span[1])
    return (start, end) if start < end else None


def segments(text: str, spans: Mapping[str, tuple[int, int]]) -> list[Segment]:
    """The whole ``text`` as consecutive segments; overlapping spans are handled.

    Spans outside the text are clipped; empty ones are ignored.
    """
    valid = {
        claim: clamped
        for claim, span in spans.items()
        if (clamped := _clamp(span, len(text))) is not None
    }
    cuts = sorted({0, len(text), *(s for s, _ in valid.values()), *(e for _, e in valid.values())})
    ordered = sorted(valid.items(), key=lambda item: (item[1], item[0]))
    out: list[Segment] = []
    for start, end in pairwise(cuts):
        if start == end:
            continue
        covering = tuple(claim for claim, (s, e) in ordered if s <= start and end <= e)
        out.append(Segment(text[start:end], covering))
    return out


def excerpt(text: str, span: tuple[int, int], claim_id: str, context: int = 240) -> list[Segment]:
    """The evidence with about ``context`` characters either side, cut at spaces."""
    clamped = _clamp(span, len(text))
    if clamped is None:
        return []
    start, end = clamped
    left = max(0, start - context)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(text), end + context)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    out = [
        Segment(("…" if left > 0 else "") + text[left:start]),
        Segment(text[start:end], (claim_id,)),
        Segment(text[end:right] + ("…" if right < len(text) else "")),
    ]
    return [segment for segment in out if segment.text]
