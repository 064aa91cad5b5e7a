"""The extraction engine: from a document's text to pending, cited claims.

One pass over the document finds its usual *sending* state (the state named in sending
contexts most often: "deported from the U.S.", "the Trump administration"). A second pass
reads each sentence (``reading.py``) and runs the *frames* of ``frames.py`` over its
clauses, keeping track of the states in focus so that "the country", "the Balkan nation"
and sentences with no name at all attach to the right receiving state. Finally claims are
validated against the domain rules, duplicates merge, and vaguer copies of a claim give way
to the most specific one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial

from thirdcountry.domain.claims import Claim, validate
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.vocabulary import ClaimKind
from thirdcountry.extract.gazetteer import Gazetteer, MentionKind
from thirdcountry.extract.reading import (
    How,
    MentionIndex,
    Slot,
    Windows,
    citizens,
    excludes_nationality,
    not_from,
    read_sentence,
)
from thirdcountry.extract.rules import LanguageRules, registered
from thirdcountry.extract.segment import Span, blocks

# Kinds whose claims must hang on a state that the document shows in an arrangement.
_NEEDS_ESTABLISHED = (ClaimKind.FACILITY, ClaimKind.CONCERN, ClaimKind.ROLE)


@cache
def _gazetteer(codes: tuple[str, ...]) -> Gazetteer:
    rules = registered()
    return Gazetteer((code, rules[code].demonym_forms) for code in codes)


def gazetteer() -> Gazetteer:
    return _gazetteer(tuple(sorted(registered())))


def reset_caches() -> None:
    _gazetteer.cache_clear()


@dataclass
class Candidate:
    """A claim in the making, with where it comes from."""

    kind: ClaimKind
    sender: str | None
    receiver: str | None
    start: int
    end: int
    extractor: str
    confidence: float
    value: str | None = None
    count: int | None = None
    nationalities: tuple[str, ...] = ()
    amount: object | None = None
    currency: str | None = None
    facility: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    # A period_total's qualifier and period (never set on other kinds).
    count_qualifier: str | None = None
    period_start: dt.date | None = None
    period_start_precision: str | None = None
    period_end: dt.date | None = None
    period_end_precision: str | None = None


@dataclass
class Document:
    """What the engine knows about the document while reading it."""

    text: str
    published: PartialDate | None  # a day, or only the month or year the page gives
    gazetteer: Gazetteer
    index: MentionIndex
    sender: str | None = None
    third_country: bool = False  # the text says its subject is people moved to third countries
    stateless: bool = False  # the people were stripped of their citizenship
    focus: list[str] = field(default_factory=list)  # receiving states, most recent last
    lists: list[list[str]] = field(default_factory=list)  # recent lists of receivers
    established: set[str] = field(default_factory=set)  # receivers with a pair claim
    onward_destinations: set[str] = field(default_factory=set)
    nationalities: set[str] = field(default_factory=set)  # of people moved, anywhere in the text
    recent_count: int | None = None  # people counted in the last sentences ("the eight men")
    recent_nationalities: set[str] = field(default_factory=set)  # of the last sentences
    candidates: list[Candidate] = field(default_factory=list)

    def focus_receiver(self, excluded: Iterable[str | None] = ()) -> str | None:
        """The receiving state most recently in view, leaving out ``excluded``."""
        skip = set(excluded)
        for code in reversed(self.focus):
            if code not in skip:
                return code
        return None

    def remember(self, codes: Iterable[str]) -> None:
        for code in codes:
            if code in self.focus:
                self.focus.remove(code)
            self.focus.append(code)
        del self.focus[:-12]

    def add(self, candidate: Candidate) -> None:
        self.candidates.append(candidate)
        if candidate.receiver and candidate.kind not in _NEEDS_ESTABLISHED:
            if candidate.kind is ClaimKind.ONWARD_TRANSFER:
                if candidate.sender:
                    self.established.add(candidate.sender)
            else:
                self.established.add(candidate.receiver)


def extract(
    text: str,
    segments: Sequence[tuple[Span, LanguageRules]],
    published: PartialDate | None,
    today: dt.date,
) -> list[Claim]:
    """Claims stated in ``text``; ``segments`` are its sentences with their language."""
    from thirdcountry.extract import frames

    names = gazetteer()
    document = Document(text, published, names, MentionIndex(names.mentions(text)))
    windows = Windows(text)
    # What each sentence holds of the words the lexicon's patterns cannot match without.
    words = [
        rules.lexicon.literals.found(windows.folded[span.start : span.end])
        for span, rules in segments
    ]
    document.sender = _document_sender(document, segments, words, windows)
    languages = {r.code: r for _, r in segments}.values()
    document.third_country = any(r.lexicon.third_country.search(text) for r in languages)
    document.stateless = any(r.lexicon.stateless.search(text) for r in languages)
    paragraphs = blocks(text)
    starts = [p.start for p in paragraphs]
    about: dict[tuple[int, str], bool] = {}
    quiet = 0  # sentences since people were last counted
    for (span, rules), present in zip(segments, words, strict=True):
        has_cue = rules.lexicon.has_cue(text, span.start, span.end, present)
        if not has_cue and not document.index.between(span.start, span.end):
            quiet += 1
            if quiet > 2:
                document.recent_count, document.recent_nationalities = None, set()
            continue  # names no state and says nothing we look for
        number = max(0, bisect.bisect_right(starts, span.start) - 1)
        key = (number, rules.code)
        if key not in about:
            # A paragraph is about moving people when it or the one before says so; a line
            # of page chrome between them ("Publicidad", "ADVERTISEMENT") is not the one
            # before.
            before = number - 1
            while before > 0 and _chrome(text, paragraphs[before]):
                before -= 1
            first = paragraphs[max(0, before)] if paragraphs else span
            last = paragraphs[number] if paragraphs else span
            about[key] = bool(rules.lexicon.migration.search(text, first.start, last.end))
        sentence = read_sentence(
            text,
            span.start,
            span.end,
            rules,
            document.index,
            names,
            published,
            document.sender,
            document.focus,
            document.lists,
            has_cue=has_cue,
            words=present,
            windows=windows,
        )
        frames.read(document, sentence, about[key])
        if sentence.counts or sentence.nationalities:
            whole = [c for c in sentence.counts if not c.partitive]
            if whole:
                document.recent_count = whole[-1].value
            if sentence.nationalities:
                document.recent_nationalities = set(sentence.nationalities)
            quiet = 0
        else:
            quiet += 1
            if quiet > 2:
                document.recent_count, document.recent_nationalities = None, set()
        if frames.unreal(sentence):
            continue
        receivers = [
            r.code
            for r in sentence.refs
            if r.slot is Slot.RECEIVER
            and r.code != document.sender
            and r.how is not How.ANAPHORA
            and r.code not in document.onward_destinations
        ]
        receivers += [m.code for m in sentence.facilities if m.code]
        document.remember(receivers)
        for group in sentence.groups:
            codes = [r.code for r in group if r.slot is Slot.RECEIVER and r.code != document.sender]
            if len(codes) > 1:
                document.lists.append(codes)
                del document.lists[:-6]
    return _finish(document, today)


_CHROME_WORDS = 3  # a paragraph of fewer words, without a full stop, is a label


def _chrome(text: str, paragraph: Span) -> bool:
    """A label of the page rather than a paragraph of the story: a word or two and no
    sentence ("Publicidad", "Advertisement", "Read more")."""
    piece = text[paragraph.start : paragraph.end].strip()
    return len(piece.split()) < _CHROME_WORDS and not piece.endswith((".", "!", "?"))


_STATE_KINDS = (MentionKind.COUNTRY, MentionKind.GOVERNMENT, MentionKind.PLACE)


def _document_sender(
    document: Document,
    segments: Sequence[tuple[Span, LanguageRules]],
    words: Sequence[frozenset[str]],
    windows: Windows,
) -> str | None:
    """The state the document shows sending people: sending contexts weigh most ("deported
    from the U.S."), then names of its government, then any mention of a state known to
    send. Also collects the nationalities of the people the text speaks of."""
    scores: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    senders = set(document.gazetteer.senders)
    for (span, rules), present in zip(segments, words, strict=True):
        lexicon = rules.lexicon
        test = partial(windows.test, index=lexicon.literals, present=present)
        for mention in document.index.between(span.start, span.end):
            code = mention.code
            if code is None:
                continue
            # The words around the mention, as the sentence reader takes them before it.
            before = (max(span.start, mention.start - 55), mention.start)
            after = (mention.end, min(span.end, mention.end + 60))
            if mention.kind is MentionKind.DEMONYM:
                if excludes_nationality(document.text[max(0, mention.start - 5) : mention.start]):
                    continue  # "non-Mexican migrants": not Mexicans
                actor = test(lexicon.actor_after, *after, at_start=True) or test(
                    lexicon.actor_before, *before
                )
                if not actor and (
                    mention.entry.plural
                    or test(lexicon.people_after, *after, at_start=True)
                    or test(lexicon.people_before, *before)
                ):
                    document.nationalities.add(code)
                continue
            if mention.kind is MentionKind.PERSON:
                if code in senders:
                    scores[code] += 1
                continue
            if mention.kind not in _STATE_KINDS:
                continue
            first_seen.setdefault(code, mention.start)
            words_before = document.text[before[0] : before[1]]
            if test(lexicon.sender_before, *before) or test(
                lexicon.sender_after, *after, at_start=True
            ):
                scores[code] += 3
            elif test(lexicon.nationality_before, *before) and not not_from(words_before):
                if code in senders and not citizens(words_before):
                    # People from a state known to send people are sent by it, as the
                    # sentence reader has it ("300 prisoners from Denmark").
                    scores[code] += 1
                else:
                    document.nationalities.add(code)
            elif mention.kind is MentionKind.GOVERNMENT and code in senders:
                scores[code] += 2
            elif code in senders and not test(lexicon.geo_before, *before):
                scores[code] += 1
    if not scores:
        return None
    best = max(scores.values())
    return min((c for c, v in scores.items() if v == best), key=lambda c: first_seen.get(c, 0))


_IDENTITY = ("kind", "sender", "receiver", "value", "count", "nationalities", "amount",
             "currency", "facility", "date", "date_precision", "count_qualifier",
             "period_start", "period_end")  # fmt: skip


_MOVES = (ClaimKind.TRANSFER, ClaimKind.ONWARD_TRANSFER)
_ANOTHER = re.compile(
    r"\b(?:second|third|another|other|earlier|later|previous|next|segund[oa]|tercer[oa]?|"
    r"otr[oa]|anterior|primer[oa]?|first)\b",
    re.IGNORECASE,
)
_MERGE_GAP = 400  # characters between two reports of one move ("… landed on Saturday. It
# carried around 20 people …")


def _merge_moves(document: Document) -> list[Candidate]:
    """One move told over two neighbouring sentences becomes one claim: the date from one,
    the count from the other. A sentence speaking of another flight is left alone."""
    merged: list[Candidate] = []
    last: dict[tuple[object, ...], Candidate] = {}
    for candidate in sorted(document.candidates, key=lambda c: c.start):
        if candidate.kind not in _MOVES:
            merged.append(candidate)
            continue
        key = (candidate.kind, candidate.sender, candidate.receiver)
        previous = last.get(key)
        if (
            previous is not None
            and 0 <= candidate.start - previous.end <= _MERGE_GAP
            and _compatible(previous, candidate)
            and not _ANOTHER.search(document.text[candidate.start : candidate.end])
        ):
            combined = replace(
                previous,
                end=max(previous.end, candidate.end),
                count=previous.count if previous.count is not None else candidate.count,
                date=previous.date or candidate.date,
                date_precision=previous.date_precision or candidate.date_precision,
                facility=previous.facility or candidate.facility,
                nationalities=previous.nationalities or candidate.nationalities,
            )
            merged[merged.index(previous)] = combined
            last[key] = combined
            continue
        merged.append(candidate)
        last[key] = candidate
    return merged


def _compatible(one: Candidate, other: Candidate) -> bool:
    for name in ("count", "date", "facility"):
        a, b = getattr(one, name), getattr(other, name)
        if a is not None and b is not None and a != b:
            return False
    return True


def _finish(document: Document, today: dt.date) -> list[Claim]:
    kept: dict[tuple[object, ...], Candidate] = {}
    for candidate in _merge_moves(document):
        if candidate.kind in _NEEDS_ESTABLISHED and candidate.receiver not in document.established:
            continue
        key = tuple(getattr(candidate, name) for name in _IDENTITY)
        present = kept.get(key)
        if present is None or candidate.confidence > present.confidence:
            kept[key] = candidate
    survivors = [c for c in kept.values() if not _subsumed(c, kept.values())]
    survivors.sort(key=lambda c: (c.start, c.kind.value))
    claims: list[Claim] = []
    for candidate in survivors:
        claim = _to_claim(document.text, candidate, today)
        if claim is not None:
            claims.append(claim)
    return claims


def _subsumed(candidate: Candidate, others: Iterable[Candidate]) -> bool:
    """True when another claim says the same and more (a count, a date, a facility)."""
    for other in others:
        if other is candidate or other.kind is not candidate.kind:
            continue
        if (other.sender, other.receiver, other.value) != (
            candidate.sender,
            candidate.receiver,
            candidate.value,
        ):
            continue
        richer = False
        for name in ("count", "amount", "facility", "date", "nationalities"):
            mine, theirs = getattr(candidate, name), getattr(other, name)
            if mine in (None, ()):
                richer = richer or theirs not in (None, ())
            elif mine != theirs:
                break
        else:
            if richer:
                return True
    return False


def _to_claim(text: str, candidate: Candidate, today: dt.date) -> Claim | None:
    quote = text[candidate.start : candidate.end]
    # A quote must be printable and storable: lone surrogates from broken input are replaced.
    quote = quote.encode("utf-8", "replace").decode("utf-8")
    try:
        claim = Claim(
            kind=candidate.kind,
            sender=candidate.sender,
            receiver=candidate.receiver,
            value=candidate.value,
            count=candidate.count,
            nationalities=tuple(dict.fromkeys(candidate.nationalities)),
            amount=candidate.amount,  # type: ignore[arg-type]
            currency=candidate.currency,
            facility=candidate.facility,
            date=candidate.date,
            date_precision=candidate.date_precision,  # type: ignore[arg-type]
            count_qualifier=candidate.count_qualifier,  # type: ignore[arg-type]
            period_start=candidate.period_start,
            period_start_precision=candidate.period_start_precision,  # type: ignore[arg-type]
            period_end=candidate.period_end,
            period_end_precision=candidate.period_end_precision,  # type: ignore[arg-type]
            evidence_start=candidate.start,
            evidence_end=candidate.end,
            quote=quote,
            extractor=candidate.extractor,
            confidence=round(max(0.05, min(0.95, candidate.confidence)), 2),
        )
        return validate(claim, today=today)
    except ValidationError:
        if candidate.date is not None:
            return _to_claim(text, replace(candidate, date=None, date_precision=None), today)
        return None
