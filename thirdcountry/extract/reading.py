"""Reading one sentence: which states it names and in what role, how many people, when.

The reader turns gazetteer mentions into *references* to states, groups references written
as lists ("Panama, El Salvador, and to some extent Honduras and Costa Rica"), and gives each
group a *slot* from the words around it: the sending state ("deported from the U.S."), a
nationality ("nationals of Vietnam"), geography that is no arrangement ("sharing borders
with Serbia"), or a possible receiving state. It also finds counts of people, dates and
clause boundaries. The frames of ``engine.py`` then decide which claims the sentence makes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from thirdcountry.domain.dates import PartialDate
from thirdcountry.extract.dates import DateMention, find_dates
from thirdcountry.extract.gazetteer import Entry, Gazetteer, Mention, MentionKind
from thirdcountry.extract.lexicon import Lexicon
from thirdcountry.extract.literals import LiteralIndex, fold
from thirdcountry.extract.numbers import as_count
from thirdcountry.extract.reverse import ends_with
from thirdcountry.extract.rules import LanguageRules

_WINDOW = 55  # characters of context read around a mention (cues sit right before it)

# "MBABANE, Eswatini —", "ACCRA, Sept 12 (Reuters) -", "Pristina, 13 jun (EFE).-": where the
# reporter files from, not a party to anything.
_DATELINE = re.compile(
    r"^[\"“]?[A-ZÁÉÍÓÚÑ][\w'’.]*(?:[ /-][A-ZÁÉÍÓÚÑ][\w'’.]*){0,3}"
    r"(?:,\s*[^—–()\n]{1,40}?)?\s*(?:\([^)]{1,30}\)\s*)?(?:—|–|\.-|-\s|\(|:\s)"
)


class Slot(StrEnum):
    SENDER = "sender"
    RECEIVER = "receiver"
    NATIONALITY = "nationality"
    GEO = "geo"


class How(StrEnum):
    NAME = "name"
    GOVERNMENT = "government"
    PLACE = "place"
    PERSON = "person"
    DEMONYM = "demonym"  # "Honduran officials", "el canciller ghanés"
    FACILITY = "facility"
    ANAPHORA = "anaphora"  # "the Balkan nation", "all five countries"


@dataclass(slots=True)
class Ref:
    """A reference to a state inside a sentence (absolute offsets)."""

    start: int
    end: int
    code: str
    how: How
    slot: Slot = Slot.RECEIVER
    group: int = -1


@dataclass(frozen=True, slots=True)
class Count:
    start: int
    end: int
    value: int
    partitive: bool = False  # "six of them": part of a group counted before
    bounded: bool = False  # "more than 100 people": a bound, read only as a total's figure


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    relative: bool  # "…, which received 299 deportees": its subject is the group before


@dataclass
class Sentence:
    start: int
    end: int
    text: str  # the sentence itself (text[start:end])
    rules: LanguageRules
    mentions: list[Mention]
    refs: list[Ref] = field(default_factory=list)
    groups: list[list[Ref]] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    bounds: list[Count] = field(default_factory=list)  # "more than 40 people": totals only
    dates: list[DateMention] = field(default_factory=list)
    facilities: list[Mention] = field(default_factory=list)
    organizations: list[Mention] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    has_cue: bool = False  # some frame pattern of the lexicon matches somewhere in it
    # The strings of the lexicon's literal index found in it (None: not looked for), so
    # that patterns that cannot match in it are not run (``search``, ``match``).
    words: frozenset[str] | None = None
    windows: Windows | None = None  # the document's tests of the words around mentions
    unreal: bool | None = None  # a question or a condition (``frames.unreal``; None: not asked)
    # What ``words`` covers of the literal index's sets (see ``LiteralIndex.covered``).
    _covered: int | None = field(default=None, repr=False)
    _masks: dict[int, int] = field(default_factory=dict, repr=False)  # the index's, once known

    @property
    def lexicon(self) -> Lexicon:
        return self.rules.lexicon

    def local(self, position: int) -> int:
        return position - self.start

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False when ``pattern`` cannot match anywhere in the sentence."""
        # Few lookups: this runs for every pattern of every clause.
        covered = self._covered
        if covered is None and (covered := self.covered()) is None:
            return True
        mask = self._masks.get(id(pattern))
        return mask is None or covered & mask == mask

    def covered(self) -> int | None:
        """The bits of the literal index's sets that the sentence's words cover (None: not
        looked for, anything may match): see ``LiteralIndex.covered``."""
        if self._covered is None and self.words is not None:
            literals = self.rules.lexicon.literals
            self._masks = literals.masks
            self._covered = literals.covered(self.words)
        return self._covered

    def search(self, pattern: re.Pattern[str], part: str) -> re.Match[str] | None:
        """``pattern.search(part)`` for a piece of the sentence's text."""
        return pattern.search(part) if self._may_match_piece(pattern, part) else None

    def match(self, pattern: re.Pattern[str], part: str) -> re.Match[str] | None:
        """``pattern.match(part)`` for a piece of the sentence's text."""
        return pattern.match(part) if self._may_match_piece(pattern, part) else None

    def _may_match_piece(self, pattern: re.Pattern[str], part: str) -> bool:
        # The index's test on the sentence, else the short strings' test on the piece.
        if not self.may_match(pattern):
            return False
        index = self.rules.lexicon.literals
        return id(pattern) not in index.short or index.may_match_short(pattern, fold(part))

    def piece(self, start: int, end: int) -> str:
        return self.text[max(0, start - self.start) : max(0, end - self.start)]

    def occurs(
        self, pattern: re.Pattern[str], start: int, end: int, *, at_start: bool = False
    ) -> bool:
        """Whether ``pattern`` matches ``piece(start, end)`` (``search``; ``match`` with
        ``at_start``)."""
        # The piece's offsets in the document, as ``piece`` clamps them to the sentence.
        low = max(start, self.start)
        high = min(self.end, max(end, self.start))
        if self.windows is None or self.words is None:
            part = self.text[low - self.start : high - self.start]
            return bool(pattern.match(part) if at_start else pattern.search(part))
        index = self.rules.lexicon.literals
        return self.windows.test(pattern, low, high, index, self.words, at_start=at_start)

    def refs_in(self, start: int, end: int, slot: Slot | None = None) -> list[Ref]:
        return [r for r in self.refs if start <= r.start < end and (slot is None or r.slot is slot)]


class Windows:
    """Patterns tested on the words around the mentions of one document, each test once.

    Finding the document's sender and reading a sentence ask the same questions ("is this
    state named after 'deported from'?") of the same few dozen characters; each answer is
    kept. Before a pattern runs on such a piece, the piece itself must hold a string of each
    set the pattern cannot match without (``literals.py``), which is far more selective than
    the whole sentence holding one.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)  # ``fold`` keeps offsets: one character for one
        self.reversed = text[::-1]  # for patterns anchored at the end (``reverse.py``)
        self._answers: dict[tuple[int, int, int, bool], bool] = {}

    def test(
        self,
        pattern: re.Pattern[str],
        start: int,
        end: int,
        index: LiteralIndex,
        present: frozenset[str],
        *,
        at_start: bool = False,
    ) -> bool:
        """Whether ``pattern`` matches ``text[start:end]`` (``search``; ``match`` with
        ``at_start``). ``present``: what ``index`` found in the sentence holding the piece."""
        key = (id(pattern), start, end, at_start)
        answer = self._answers.get(key)
        if answer is None:
            backwards = None if at_start else index.backwards.get(id(pattern))
            if backwards is not None:
                # Anchored at the end: one match attempt, cheaper than the literal tests.
                size = len(self.text)
                answer = ends_with(backwards, self.reversed[size - end : size - start])
            else:
                folded = self.folded[start:end]
                if index.may_match_in(pattern, present, folded) and index.may_match_short(
                    pattern, folded
                ):
                    # A slice, not pos/endpos: "^" and look-behinds must see where it starts.
                    part = self.text[start:end]
                    answer = bool(pattern.match(part) if at_start else pattern.search(part))
                else:
                    answer = False
            self._answers[key] = answer
        return answer


class MentionIndex:
    """All gazetteer mentions of a document, looked up by span."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self._mentions = list(mentions)
        self._starts = [m.start for m in self._mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return [m for m in self._mentions[low:high] if m.end <= end]


def read_sentence(
    text: str,
    start: int,
    end: int,
    rules: LanguageRules,
    index: MentionIndex,
    gazetteer: Gazetteer,
    published: PartialDate | None,
    sender: str | None,
    focus: Sequence[str],
    last_lists: Sequence[list[str]],
    *,
    details: bool = True,
    has_cue: bool | None = None,
    words: frozenset[str] | None = None,
    windows: Windows | None = None,
) -> Sentence:
    """Everything the frames need to know about ``text[start:end]`` (``has_cue``: whether
    a frame cue is in it, when the caller already knows; ``words``: what the lexicon's
    literal index finds in it, when the caller has looked; ``windows``: the document's
    tests of the words around mentions)."""
    lexicon = rules.lexicon
    sentence = Sentence(start, end, text[start:end], rules, index.between(start, end))
    sentence.words = words
    sentence.windows = windows
    people_demonyms: list[Mention] = []
    for mention in sentence.mentions:
        kind = mention.kind
        if kind is MentionKind.FACILITY:
            sentence.facilities.append(mention)
        elif kind is MentionKind.ORGANIZATION:
            sentence.organizations.append(mention)
        elif kind is MentionKind.DEMONYM and mention.code:
            if excludes_nationality(sentence.piece(mention.start - 5, mention.start)):
                continue  # "non-Mexican migrants", "migrantes no mexicanos": anyone but them
            use = _demonym_use(sentence, mention)
            if use == "people":
                people_demonyms.append(mention)
                sentence.nationalities.append(mention.code)
            elif use == "actor":
                sentence.refs.append(Ref(mention.start, mention.end, mention.code, How.DEMONYM))
        elif kind in _HOW and mention.code:
            sentence.refs.append(Ref(mention.start, mention.end, mention.code, _HOW[kind]))
    _add_anaphora(sentence, gazetteer, focus, last_lists, sender)
    sentence.refs.sort(key=lambda r: r.start)
    _group_and_slot(sentence, sender, gazetteer.senders)
    dateline = _DATELINE.match(sentence.text)
    filed = sentence.start  # where the dateline ends
    if dateline and dateline.end() < 60:
        filed = sentence.start + dateline.end()
        for ref in sentence.refs:
            if ref.start < filed:
                ref.slot = Slot.GEO
    for group in sentence.groups:
        if group and group[0].slot is Slot.NATIONALITY:
            sentence.nationalities.extend(r.code for r in group)
    if details:
        every = _counts(sentence, people_demonyms)
        sentence.counts = [c for c in every if not c.bounded]
        sentence.bounds = [c for c in every if c.bounded]
        sentence.has_cue = (
            has_cue if has_cue is not None else bool(lexicon.any_cue.search(sentence.text))
        )
        if not sentence.has_cue and not sentence.facilities:
            # Only the frames read dates and clauses, and they skip such a sentence (no cue,
            # no facility): a third of the sentences read, spared two costly passes.
            return sentence
        if sentence.search(lexicon.any_date, sentence.text):
            sentence.dates = [
                d
                for d in find_dates(text, start, end, lexicon.dates, published, sentence.may_match)
                if d.start >= filed
            ]
        sentence.clauses = _clauses(sentence)
    return sentence


_HOW = {
    MentionKind.COUNTRY: How.NAME,
    MentionKind.GOVERNMENT: How.GOVERNMENT,
    MentionKind.PLACE: How.PLACE,
    MentionKind.PERSON: How.PERSON,
}


def _demonym_use(sentence: Sentence, mention: Mention) -> str | None:
    """Whether a demonym names people moved ("Venezuelans", "migrantes venezolanos"), a
    government ("Honduran officials", "el canciller ghanés"), or neither."""
    lexicon = sentence.lexicon
    before = (mention.start - _WINDOW, mention.start)
    after = (mention.end, mention.end + _WINDOW)
    if sentence.occurs(lexicon.actor_after, *after, at_start=True) or sentence.occurs(
        lexicon.actor_before, *before
    ):
        return "actor"
    if mention.entry.plural or sentence.occurs(lexicon.people_after, *after, at_start=True):
        return "people"
    if sentence.occurs(lexicon.people_before, *before):
        return "people"
    # "among them a Mexican", "entre ellos un mexicano": one of the people counted.
    if _AMONG.search(sentence.piece(*before)):
        return "people"
    # "13 Nigerians and a Gambian": a singular demonym listed after people counted.
    listed = re.search(
        r"\b(?:and|y|e)\s+(?:a|an|one|un|una)\s+$", sentence.piece(*before), re.IGNORECASE
    )
    if listed and any(
        m.kind is MentionKind.DEMONYM and m.entry.plural and 0 < mention.start - m.end < 30
        for m in sentence.mentions
    ):
        return "people"
    return None


_AMONG = re.compile(
    r"\b(?:among\s+(?:them|whom)|including|entre\s+(?:ell[oa]s|los\s+que|quienes)|"
    r"incluyendo|incluid[oa]s?|as\s+well\s+as|plus|además\s+de)\s+"
    r"(?:(?:a|an|one|two|un|una|uno|dos)\s+)?$",
    re.IGNORECASE,
)


_STATE_NAMES = (MentionKind.COUNTRY, MentionKind.GOVERNMENT)
_APPOSED = re.compile(r"\s*(?:of|de|del|,)?\s*", re.IGNORECASE)


def _add_anaphora(
    sentence: Sentence,
    gazetteer: Gazetteer,
    focus: Sequence[str],
    last_lists: Sequence[list[str]],
    sender: str | None = None,
) -> None:
    lexicon = sentence.lexicon
    taken = [(m.start, m.end) for m in sentence.mentions if m.kind is not MentionKind.BLOCKED]

    def free(start: int, end: int) -> bool:
        return not any(start < b and a < end for a, b in taken)

    for match in _each(sentence, lexicon.anaphora):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if not free(start, end):
            continue
        if any(
            m.kind in _STATE_NAMES and _APPOSED.fullmatch(sentence.piece(end, m.start))
            for m in sentence.mentions
            if end <= m.start <= end + 5
        ):
            continue  # "al reino Eswatini", "the Balkan nation of Kosovo": the name follows
        region = None
        groups = match.groupdict()
        adjective = groups.get("adj") or groups.get("adj2")
        if adjective:
            region = gazetteer.region_adjectives.get(adjective.casefold())
        # The state named earlier in the same sentence comes first, then the focus.
        earlier = [r.code for r in sentence.refs if r.end <= start and r.how is not How.ANAPHORA]
        for code in [*reversed(earlier), *reversed(focus)]:
            if code != sender and (region is None or code in region):
                sentence.refs.append(Ref(start, end, code, How.ANAPHORA))
                break
    for match in _each(sentence, lexicon.plural_anaphora):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if not free(start, end):
            continue
        value = lexicon.numbers.parse(match.group("n"))
        size = as_count(value)
        for codes in reversed(last_lists):
            if size is not None and len(codes) == size:
                for code in codes:
                    sentence.refs.append(Ref(start, end, code, How.ANAPHORA))
                break


def _group_and_slot(sentence: Sentence, sender: str | None, senders: Sequence[str]) -> None:
    """Join references written as a list, then read each group's role from its context."""
    lexicon = sentence.lexicon
    # Region names ("Central Asia") have no code but still join a list.
    members: list[tuple[int, int, Ref | None]] = [(r.start, r.end, r) for r in sentence.refs]
    members += [(m.start, m.end, None) for m in sentence.mentions if m.kind is MentionKind.BLOCKED]
    members.sort(key=lambda m: (m[0], m[1]))
    groups: list[list[tuple[int, int, Ref | None]]] = []
    for member in members:
        if groups:
            previous = groups[-1][-1]
            gap = sentence.piece(previous[1], member[0])
            same_anaphor = (
                previous[2] is not None and member[2] is not None and (previous[0] == member[0])
            )
            if same_anaphor or (member[0] >= previous[1] and lexicon.list_joiner.fullmatch(gap)):
                groups[-1].append(member)
                continue
        groups.append([member])
    for number, group in enumerate(groups):
        refs = [m[2] for m in group if m[2] is not None]
        if not refs:
            continue
        before = (group[0][0] - _WINDOW, group[0][0])
        after = (group[-1][1], group[-1][1] + _WINDOW)
        slot = Slot.RECEIVER
        partner = False
        if sentence.occurs(lexicon.geo_before, *before) or sentence.occurs(
            lexicon.geo_after, *after, at_start=True
        ):
            slot = Slot.GEO
        elif sentence.occurs(lexicon.sender_before, *before) or (
            len(refs) == 1 and sentence.occurs(lexicon.sender_after, *after, at_start=True)
        ):
            slot = Slot.SENDER  # before nationality: "deportados de EE.UU." is a sender
        elif sentence.occurs(lexicon.carried_from, *before):
            known = all(r.code in senders for r in refs)
            slot = Slot.SENDER if known else Slot.NATIONALITY
        elif sentence.occurs(lexicon.nationality_before, *before):
            slot = Slot.NATIONALITY
            if not_from(sentence.piece(*before)):
                # "who are not originally from Kosovo", "que no son originarios de Kosovo":
                # anyone but its nationals, so the state is no nationality of theirs.
                slot = Slot.GEO
            # "300 prisoners from Denmark", "migrantes de Estados Unidos": people coming from
            # a state known to send people are sent by it, unless the text says they are its
            # citizens ("nationals of", "ciudadanos de").
            if all(r.code in senders for r in refs) and not _CITIZENS.search(
                sentence.piece(*before)
            ):
                slot = Slot.SENDER
        elif sentence.occurs(lexicon.partner_before, *before):
            partner = True
        for ref in refs:
            ref.group = number
            ref.slot = slot
            if slot is Slot.RECEIVER and (
                ref.code == sender
                or (partner and ref.code in senders)
                or (ref.how is How.GOVERNMENT and ref.code in senders and sender is None)
            ):
                ref.slot = Slot.SENDER
        sentence.groups.append(refs)


_NOT_FROM = re.compile(
    r"\b(?:not|no|ni)\s+(?:(?:son|es|eran|era|are|is|were|was)\s+)?(?:originally\s+|"
    r"originari[oa]s\s+|oriund[oa]s\s+|nativ[oa]s\s+|natives?\s+|citizens?\s+|"
    r"ciudadan[oa]s\s+|nationals?\s+)?(?:from|of|de|del)\s+(?:the\s+|el\s+|la\s+)?$",
    re.IGNORECASE,
)


_CITIZENS = re.compile(
    r"\b(?:nationals?|citizens?|natives?|born|nationality|ciudadan[oa]s?|nacionales|"
    r"nativ[oa]s|nacid[oa]s|nacionalidad|oriund[oa]s|naturales)\b\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)


_INCLUDING = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|incluid[oa]s|incluyendo|"
    r"entre\s+ell[oa]s|de\s+los\s+cuales|de\s+las\s+cuales)\s+(?:at\s+least\s+|al\s+menos\s+|"
    r"about\s+|some\s+|unos\s+|unas\s+)?$",
    re.IGNORECASE,
)


# "alongside 39 other foreign nationals", "junto a otros 39 migrantes" ("#" marks the number).
_WITH_OTHERS = re.compile(
    r"\b(?:alongside|along\s+with|together\s+with)\s+#\s+others?\b|"
    r"\bjunto\s+(?:a|con)\s+(?:otros|otras)\s+#",
    re.IGNORECASE,
)


_AGE = re.compile(r"[-\s]?(?:years?[-\s]old|yr[-\s]old|años\b)", re.IGNORECASE)
_NOT_OF = re.compile(r"(?:\bnon[-\s]?|\bno\s+)$", re.IGNORECASE)


def not_from(before: str) -> bool:
    """Whether the text before a state denies that people come from it: "who are not
    originally from", "que no son originarios de"."""
    return bool(_NOT_FROM.search(before))


def citizens(before: str) -> bool:
    """The words before a state say the people are its citizens ("nationals of")."""
    return bool(_CITIZENS.search(before))


def excludes_nationality(before: str) -> bool:
    """Whether the text just before a demonym makes it everyone else: "non-", "no "."""
    return bool(_NOT_OF.search(before))


def _counts(sentence: Sentence, people_demonyms: list[Mention]) -> list[Count]:
    """Numbers of people: "238 immigrants", "five men", "13 Nigerians and a Gambian"."""
    lexicon = sentence.lexicon
    found: list[Count] = []

    def add(start: int, end: int, raw: str, partitive: bool = False) -> None:
        head = sentence.text[max(0, start - 25) : start]
        # "more than 100 people" bounds a number, it does not give one (but a total can be
        # stated as a bound: "more than 5,000 so far this year").
        bounded = bool(sentence.search(lexicon.lower_bound, head))
        if _AGE.match(sentence.text, start + len(raw)):
            return  # "a 30-year-old Moroccan", "un hombre de 24 años": an age, not people
        # "135 migrants, including 65 minors": part of the group counted before.
        partitive = partitive or bool(_INCLUDING.search(head))
        value = as_count(lexicon.numbers.parse(raw))
        if value is not None and _WITH_OTHERS.search(
            head + "#" + sentence.text[start + len(raw) : start + len(raw) + 8]
        ):
            value += 1  # "alongside 39 other migrants": the one told of and the 39
        if value is not None and not any(c.start <= sentence.start + start < c.end for c in found):
            found.append(
                Count(sentence.start + start, sentence.start + end, value, partitive, bounded)
            )

    for match in _each(sentence, lexicon.of_them):
        add(match.start(), match.end(), match.group("n"), partitive=True)
        # "Seven of the eight men", "once de los catorce deportados": the whole group is
        # counted too, after the part.
        whole = re.search(
            r"\b(?:of\s+the|de\s+l[oa]s)\s+(" + lexicon.numbers.pattern + r")\b",
            match.group(0),
            re.IGNORECASE,
        )
        value = as_count(lexicon.numbers.parse(whole.group(1))) if whole else None
        if whole and value is not None:
            found.append(
                Count(
                    sentence.start + match.start() + whole.start(1),
                    sentence.start + match.end(),
                    value,
                )
            )
    for match in _each(sentence, lexicon.bare_count):
        raw = next((g for g in match.groups() if g), None)
        if raw:
            add(match.start(), match.end(), raw)
    for match in _each(sentence, lexicon.count_pattern):
        add(match.start(), match.end(), match.group("n"))
    number = lexicon.numbers.regex
    for demonym in people_demonyms:
        head = sentence.piece(demonym.start - 40, demonym.start)
        offset = demonym.start - sentence.start - len(head)
        last = _last(number, head)
        if last and len(head) - last.end() <= 12:
            add(offset + last.start(), demonym.end - sentence.start, last.group(0))
        elif not demonym.entry.plural and not _AMONG.search(head):
            article = re.search(r"\b(?:a|an|one|un|una|uno)\s+$", head, re.IGNORECASE)
            if article:
                local = offset + article.start()
                value = 1
                if not any(c.start <= sentence.start + local < c.end for c in found):
                    found.append(Count(sentence.start + local, demonym.end, value))
    region_people = [m for m in sentence.mentions if m.kind is MentionKind.REGION_PEOPLE]
    for people in region_people:
        head = sentence.piece(people.start - 30, people.start)
        last = _last(lexicon.numbers.regex, head)
        if last and len(head.rstrip()) == last.end():
            offset = people.start - sentence.start - len(head)
            add(offset + last.start(), people.end - sentence.start, last.group(0))
    found.sort(key=lambda c: c.start)
    return _breakdowns(sentence, _sum_pairs(sentence, found), people_demonyms)


# A list of nationalities that breaks a group down: "a Tanzanian, a Sudanese and two
# Somalis", "en su mayoría nigerianos -además de un gambiano y un ghanés-". Each demonym
# is masked as "§" before the pattern runs.
_BREAK_LEAD = (
    r"(?:including|among\s+them|among\s+whom|of\s+whom|such\s+as|mostly|mainly|"
    r"as\s+well\s+as|plus|incluid[oa]s|incluyendo|entre\s+ell[oa]s|de\s+los\s+cuales|"
    r"de\s+las\s+cuales|además\s+de|en\s+su\s+mayoría|sobre\s+todo)"
)
_BREAK_SEP = r"\s*(?:,|;|\band\b|\by\b|\be\b|\bor\b|\bo\b|-|—|–|\(|\))?\s*"


def _breakdowns(
    sentence: Sentence, counts: list[Count], people_demonyms: list[Mention]
) -> list[Count]:
    """ "Four deportees, a Tanzanian, a Sudanese and two Somalis, have arrived", "ocho
    migrantes, entre ellos un mexicano y dos cubanos": the numbers of the nationalities are
    parts of the group counted first, not the number moved."""
    ends = {m.end for m in people_demonyms}
    demonyms = [m for m in sentence.mentions if m.kind is MentionKind.DEMONYM]
    if len(counts) < 2 or not ends:
        return counts
    number = sentence.lexicon.numbers.pattern
    item = rf"(?:(?:a|an|one|un|una|uno|{number})\s+)?§"
    after_lead = re.compile(
        rf"\b{_BREAK_LEAD}\s+(?:{item}{_BREAK_SEP}|{_BREAK_LEAD}\s+)*$", re.IGNORECASE
    )
    apposed = re.compile(rf"^\s*[,(—–-]\s*(?:{item}{_BREAK_SEP}|{_BREAK_LEAD}\s+)*$", re.IGNORECASE)

    def masked(start: int, end: int) -> str:
        # The demonyms between ``start`` and ``end`` as "§", the rest as written.
        pieces, position = [], start
        for mention in demonyms:
            if start <= mention.start and mention.end <= end:
                pieces += [sentence.piece(position, mention.start), "§"]
                position = mention.end
        return "".join([*pieces, sentence.piece(position, end)])

    out: list[Count] = []
    for count in counts:
        whole = [c for c in out if not c.partitive and not c.bounded]
        if whole and not count.partitive and count.end in ends:
            previous = whole[-1]
            head = masked(max(previous.end, count.start - 150), count.start)
            gap = masked(previous.end, count.start)
            if after_lead.search(head) or apposed.search(gap):
                count = Count(count.start, count.end, count.value, True, count.bounded)
        out.append(count)
    return out


def _sum_pairs(sentence: Sentence, counts: list[Count]) -> list[Count]:
    """ "five women and four men" is nine people."""
    joined: list[Count] = []
    for count in counts:
        if joined:
            gap = sentence.piece(joined[-1].end, count.start)
            if re.fullmatch(r"\s+(?:and|y|e)\s+", gap):
                previous = joined.pop()
                joined.append(Count(previous.start, count.end, previous.value + count.value))
                continue
        joined.append(count)
    return joined


def _each(sentence: Sentence, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` over the sentence, unless it cannot match there."""
    return pattern.finditer(sentence.text) if sentence.may_match(pattern) else iter(())


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 (the last match is the result)
        pass
    return found


def _clauses(sentence: Sentence) -> list[Clause]:
    clauses: list[Clause] = []
    position, relative = 0, False
    for match in sentence.lexicon.clause_break.finditer(sentence.text):
        # A break may be told by the words before it: group "cut" is then the break itself
        # ("aunque …, " ends at its comma; the words before the comma stay in the clause).
        start, end = match.span("cut") if match.groupdict().get("cut") else match.span()
        if start > position:
            clauses.append(Clause(sentence.start + position, sentence.start + start, relative))
        position = end
        relative = bool(match.groupdict().get("rel"))
    if position < len(sentence.text):
        clauses.append(Clause(sentence.start + position, sentence.end, relative))
    return clauses


def antecedent(sentence: Sentence, clause: Clause) -> list[Ref]:
    """The group a relative clause hangs on: the last group of receivers before it."""
    if not clause.relative:
        return []
    before = [r for r in sentence.refs if r.end <= clause.start and r.slot is Slot.RECEIVER]
    if not before:
        return []
    last_group = before[-1].group
    return [r for r in before if r.group == last_group]


def listed_after(sentence: Sentence, clause: Clause) -> list[Ref]:
    """The states a clause ending in a colon announces ("eight countries have accepted the
    offer: Costa Rica, Panama and Rwanda"), or that a list set off by dashes just before it
    names ("three countries – South Sudan, Rwanda and Eswatini – have agreed"). The other
    clause must be only a list of receivers: a list is the subject or object of the clause
    beside it, a clause with words of its own is not."""
    following = [c for c in sentence.clauses if c.start >= clause.end]
    if following and sentence.piece(clause.end, clause.end + 3).startswith(":"):
        return _only_a_list(sentence, following[0])
    preceding = [c for c in sentence.clauses if c.end <= clause.start]
    if preceding and re.search(r"[—–]", sentence.piece(preceding[-1].end, clause.start)):
        return _only_a_list(sentence, preceding[-1])
    return []


def _only_a_list(sentence: Sentence, clause: Clause) -> list[Ref]:
    listed = [r for r in sentence.refs if clause.start <= r.start < clause.end]
    receivers = [r for r in listed if r.slot is Slot.RECEIVER]
    if len(receivers) < 2 or len(listed) != len(receivers):
        return []
    # Only a list: a few joining words between the names ("and now South Sudan"), not a
    # clause with its own verb and object.
    edges = [clause.start, *[e for r in receivers for e in (r.start, r.end)], clause.end]
    gaps = [sentence.piece(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    if any(len(gap.split()) > 2 for gap in gaps):
        return []
    if gaps[0].strip():
        return []  # "– from India, China … –" says where people come from, not who acts
    return receivers


__all__ = [
    "Clause",
    "Count",
    "Entry",
    "How",
    "MentionIndex",
    "Ref",
    "Sentence",
    "Slot",
    "Windows",
    "antecedent",
    "listed_after",
    "read_sentence",
]
