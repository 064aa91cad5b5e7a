"""Frames: what a sentence claims, kind by kind.

Each frame looks for its cues in a clause (``Lexicon.status``, ``roles``, ``transfer`` …),
drops cues that are negated, denied, hypothetical or in the future where that matters, and
attaches the claim to the states the clause names: receivers in the clause (or the group a
relative clause hangs on), else in the sentence, else — for kinds that often come without a
name, like roles, payments and concerns — the receiving state in focus. The sender is the one
the sentence names, else the document's usual sender.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.vocabulary import (
    ClaimKind,
    Concern,
    DatePrecision,
    Denier,
    Role,
    Status,
)
from thirdcountry.extract.engine import Candidate, Document
from thirdcountry.extract.gazetteer import Mention, MentionKind
from thirdcountry.extract.lexicon import Lexicon
from thirdcountry.extract.literals import LiteralIndex
from thirdcountry.extract.numbers import as_count, parse_digits
from thirdcountry.extract.reading import (
    Clause,
    Count,
    How,
    Ref,
    Sentence,
    Slot,
    antecedent,
    listed_after,
)
from thirdcountry.extract.totals import period_in, qualifier

_NEAR = 45  # characters before a cue searched for negation and modality

# How sure each kind of evidence makes us; lowered below for implicit states.
_BASE = {
    ClaimKind.ARRANGEMENT_STATUS: 0.75,
    ClaimKind.ROLE: 0.7,
    ClaimKind.CAPACITY: 0.75,
    ClaimKind.COMPENSATION: 0.7,
    ClaimKind.INSTRUMENT: 0.75,
    ClaimKind.TRANSFER: 0.75,
    ClaimKind.ONWARD_TRANSFER: 0.65,
    ClaimKind.FACILITY: 0.7,
    ClaimKind.DENIAL: 0.7,
    ClaimKind.CONCERN: 0.6,
    ClaimKind.PERIOD_TOTAL: 0.7,
}
_FORWARD = (Status.AGREED, Status.IMPLEMENTED, Status.NEGOTIATING, Status.REQUESTED)
_BACKWARD = (Status.SUSPENDED, Status.ENDED, Status.REFUSED, Status.DENIED)


def unreal(sentence: Sentence) -> bool:
    """A question, or a sentence that opens with a condition, claims nothing."""
    # Asked by the frames and again by the engine: answered once per sentence.
    if sentence.unreal is None:
        sentence.unreal = _unreal(sentence)
    return sentence.unreal


def _unreal(sentence: Sentence) -> bool:
    stripped = sentence.text.rstrip()
    if stripped.endswith("?"):
        return True
    opening = stripped[:40]
    return bool(sentence.search(sentence.lexicon.hypothetical, opening)) and bool(
        re.match(r"[\"'“¿¡(]*\w+\b", opening)
        and sentence.match(sentence.lexicon.hypothetical, opening.lstrip("\"'“¿¡("))
    )


def read(document: Document, sentence: Sentence, about_migration: bool) -> None:
    """Add the candidates ``sentence`` supports to ``document``.

    ``about_migration`` says whether the sentence's paragraph is about moving people; most
    frames need it, so an agreement to reopen a border crossing claims nothing.
    """
    lexicon = sentence.lexicon
    if not sentence.facilities and not sentence.has_cue:
        return
    if unreal(sentence):
        return
    # A frame finds its claims through its cues only: one whose cues cannot match in the
    # sentence finds none in any of its clauses, and is not run (nor, without any frame
    # left, are the clauses read).
    covered = sentence.covered()
    live = [
        frame
        for frame, masks, needs_migration in _frame_masks(lexicon)
        if (about_migration or not needs_migration)
        and (covered is None or any(covered & mask == mask for mask in masks))
    ]
    for clause in sentence.clauses if live else ():
        if sentence.search(lexicon.hypothetical, sentence.piece(clause.start, clause.end)):
            continue
        context = _ClauseContext(document, sentence, clause, about_migration)
        for frame in live:
            frame(context)
    _facilities(document, sentence)
    _concerns(document, sentence)


class _ClauseContext:
    def __init__(
        self, document: Document, sentence: Sentence, clause: Clause, about_migration: bool
    ) -> None:
        self.document = document
        self.sentence = sentence
        self.clause = clause
        self.text = sentence.piece(clause.start, clause.end)
        self.about_migration = about_migration
        self.inherited = antecedent(sentence, clause)
        self.listed = listed_after(sentence, clause)

    @property
    def lexicon(self) -> Lexicon:
        return self.sentence.lexicon

    def cues(self, pattern: re.Pattern[str]) -> list[tuple[int, int, re.Match[str]]]:
        # A list, not a generator: most patterns are skipped, and a generator costs more.
        if not self.sentence.may_match(pattern):
            return []  # the clause is part of the sentence: no match in one, none in the other
        offset = self.clause.start
        return [(offset + m.start(), offset + m.end(), m) for m in pattern.finditer(self.text)]

    def before(self, position: int, width: int = _NEAR) -> str:
        return self.sentence.piece(max(self.clause.start, position - width), position)

    def negated(self, start: int, end: int, *, denied: bool = False) -> bool:
        """Negated near the cue; with ``denied``, also denied earlier in the clause
        ("denied that they had agreed")."""
        window = self.before(start) + self.sentence.piece(start, end)
        if self.lexicon.negation.search(window):
            return True
        return denied and bool(self.sentence.search(self.lexicon.denial, self.before(start, 400)))

    def modal(self, start: int) -> bool:
        return bool(self.sentence.search(self.lexicon.modality, self.before(start)))

    def future(self, start: int) -> bool:
        return bool(self.lexicon.future.search(self.before(start, 40)))

    def excluded(self, *, onward: bool = False) -> set[str | None]:
        """States that cannot receive here: the sender, states known to send people (a
        deal "with Denmark" does not make Denmark a receiving state), and, unless
        ``onward``, the states people were moved on to."""
        excluded: set[str | None] = {self.sender(), *self.document.gazetteer.senders}
        if not onward:
            excluded |= self.document.onward_destinations
        return excluded

    def explicit(self, *, onward: bool = False) -> list[Ref]:
        """Receiving states named in the clause itself (with ``onward``, also the states
        people were moved on to)."""
        excluded = self.excluded(onward=onward)
        return [
            r
            for r in self.sentence.refs_in(self.clause.start, self.clause.end, Slot.RECEIVER)
            if r.code not in excluded
        ]

    def receivers(self, *, focus: bool, sentence: bool = True) -> list[Ref]:
        """The receiving states a cue in this clause is about: named in the clause or the
        group a relative clause hangs on, else (with ``sentence``) in the sentence, else a
        facility's state, else (with ``focus``) the state in focus."""
        excluded = self.excluded()
        found = self.explicit() + [r for r in self.inherited if r.code not in excluded]
        if not found:
            # "… have accepted the offer: Costa Rica, Panama and Rwanda".
            found = [r for r in self.listed if r.code not in excluded]
        if not found and sentence:
            whole = [
                r for r in self.sentence.refs if r.slot is Slot.RECEIVER and r.code not in excluded
            ]
            # One or two states, or one list of them ("eight countries have accepted the
            # offer: Costa Rica, El Salvador, …"): what the cue is about.
            if len({r.code for r in whole}) <= 2 or len({r.group for r in whole}) == 1:
                found = whole
        if not found:
            found = [_facility_ref(m) for m in self.sentence.facilities if m.code not in excluded]
        if not found and focus:
            code = self.document.focus_receiver(excluded)
            if code:
                found = [Ref(self.clause.start, self.clause.start, code, How.ANAPHORA)]
        unique: dict[str, Ref] = {}
        for ref in found:
            unique.setdefault(ref.code, ref)
        return list(unique.values())

    def sender(self) -> str | None:
        for refs in (
            self.sentence.refs_in(self.clause.start, self.clause.end, Slot.SENDER),
            [r for r in self.sentence.refs if r.slot is Slot.SENDER],
        ):
            if refs:
                return refs[0].code
        # A state known to send people, named as a party in the clause, is the sender there,
        # not the document's: "UK has signed a treaty with Rwanda" in a story on the
        # Netherlands; "the UK's abandoned Rwanda scheme".
        senders = self.document.gazetteer.senders
        named = [
            r
            for r in self.sentence.refs_in(self.clause.start, self.clause.end)
            if r.code in senders
            and r.slot in (Slot.RECEIVER, Slot.SENDER)
            and r.how is not How.ANAPHORA
        ]
        if named and self.document.sender not in {r.code for r in named}:
            return named[0].code
        return self.document.sender

    def explicit_sender(self) -> bool:
        return any(r.slot is Slot.SENDER for r in self.sentence.refs)

    def party_not_a_state(self, position: int) -> bool:
        """An organisation (the EU, IOM) acts and no sending state is named."""
        if self.explicit_sender():
            return False
        return any(self.clause.start <= m.start < position for m in self.sentence.organizations)

    def date(self, position: int, *, told: bool = True) -> PartialDate | None:
        """The date phrase nearest to ``position``, preferring the clause. Without ``told``,
        a date that says when something was said ("said on Friday") is left out."""
        dates = self.sentence.dates
        if not told:
            acts = [
                d
                for d in dates
                if not self.sentence.search(
                    self.lexicon.speech, self.sentence.piece(d.start - 30, d.start)
                )
            ]
            dates = acts or dates
        if not dates:
            return None
            return None
        inside = [d for d in dates if self.clause.start <= d.start < self.clause.end]
        pool = inside or dates
        nearest = min(pool, key=lambda d: min(abs(d.start - position), abs(d.end - position)))
        return nearest.when

    def count(self, position: int, *, partitive: bool = True, sentence: bool = True) -> int | None:
        """The number of people nearest to ``position``, leaving out caps ("up to 200")
        and, without ``partitive``, parts of a group ("six of them"); with ``sentence``, the
        one count of the sentence when the clause has none."""
        found = self.count_mention(position, partitive=partitive, sentence=sentence)
        return None if found is None else found.value

    def count_mention(
        self,
        position: int,
        *,
        partitive: bool = True,
        sentence: bool = True,
        bounds: bool = False,
    ) -> Count | None:
        """The count :meth:`count` reads, with where it is; with ``bounds``, a figure given
        as a bound ("more than 40 people") counts too."""
        pool_of = [*self.sentence.counts, *self.sentence.bounds] if bounds else self.sentence.counts
        counts = [c for c in pool_of if not self._in_cap(c) and (partitive or not c.partitive)]
        if partitive:
            # "uno de los 14": the part read with its whole is the one meant, not the whole.
            parts = [c for c in counts if c.partitive]
            counts = [
                c
                for c in counts
                if c.partitive or not any(p.start < c.start and c.end <= p.end for p in parts)
            ]
        if not counts:
            return None
        inside = [c for c in counts if self.clause.start <= c.start < self.clause.end]
        # The one count of the sentence, when it comes before this clause ("The group, 13
        # Nigerians and a Gambian, arrived"); a later clause counts something else.
        earlier = [c for c in counts if c.start < self.clause.start]
        pool = inside or (earlier if sentence and len(counts) == 1 else [])
        if not pool:
            return None
        return min(pool, key=lambda c: abs(c.start - position))

    def _in_cap(self, count: Count) -> bool:
        head = self.sentence.piece(count.start - 30, count.start)
        return bool(
            self.lexicon.capacity.search(head + self.sentence.piece(count.start, count.end))
        )

    def candidate(
        self,
        kind: ClaimKind,
        sender: str | None,
        receiver: Ref,
        penalty: float = 0.0,
        **fields: object,
    ) -> None:
        confidence = _BASE[kind] - penalty
        if receiver.how is How.ANAPHORA:
            confidence -= 0.15
        if not self.explicit_sender():
            confidence -= 0.05
        start, end = self.sentence.start, self.sentence.end
        if end - start > 500:
            start, end = self.clause.start, self.clause.end
        self.document.add(
            Candidate(
                kind=kind,
                sender=sender,
                receiver=receiver.code,
                start=start,
                end=end,
                extractor=self.sentence.rules.extractor,
                confidence=confidence,
                **fields,  # type: ignore[arg-type]
            )
        )


def _not_own_people(context: _ClauseContext, receivers: list[Ref]) -> list[Ref]:
    """Leave out a state whose own nationals are the people the clause moves ("allows 280
    Tuvaluans a year to move to Australia" is no arrangement with Tuvalu)."""
    clause = {
        m.code
        for m in context.sentence.mentions
        if m.kind is MentionKind.DEMONYM
        and context.clause.start <= m.start < context.clause.end
        and m.code in context.sentence.nationalities
    }
    return [r for r in receivers if r.code not in clause]


def _facility_ref(mention: Mention) -> Ref:
    return Ref(mention.start, mention.end, mention.code or "", How.FACILITY)


def _dated(when: PartialDate | None) -> dict[str, Any]:
    if when is None:
        return {}
    return {"date": when.value, "date_precision": when.precision.value}


# --- arrangement status ------------------------------------------------------------------


_NAMED_DEAL = re.compile(
    r"^[\s-]*(?:(?:deportation|migration|asylum|migrant)\s+)?(?:deal|scheme|agreement|pact|"
    r"treaty|accord|bill)\b",  # "the Rwanda bill": the law that carries the deal out
    re.IGNORECASE,
)
# What can be scrapped or suspended, named after its receiver: a plan too ("the Rwanda plan"),
# though a plan alone is no agreement.
_NAMED_PLAN = re.compile(
    r"^[\s-]*(?:(?:deportation|migration|asylum|migrant)\s+)?(?:deal|scheme|agreement|pact|"
    r"treaty|accord|plan|policy|programme|program)\b",
    re.IGNORECASE,
)


# One flight called off: "canceled a flight that was scheduled to …", "canceló el primer vuelo".
_ONE_FLIGHT = re.compile(
    r"^\s+(?:the|a|its|this|el|un|su|este)\s+(?:first\s+|planned\s+|primer\s+)?"
    r"(?:deportation\s+)?(?:flight|vuelo)\b(?!s)",
    re.IGNORECASE,
)
# What ends or stalls can be a plan to move people: "the stalled plan to send them to Rwanda",
# "el plan estancado para enviarlos a Ruanda".
_PLAN_TO_SEND = re.compile(
    r"^\W*(?:(?:deportation|migration|asylum|de\s+deportación|migratorio)\s+)?(?:plan|plans|"
    r"policy|scheme|plan|política)\s+(?:\w+\s+)?(?:to|para|de)\s+(?:send|deport|fly|transfer|"
    r"remove|relocate|enviar|deportar|trasladar|expulsar)\b",
    re.IGNORECASE,
)
# "el acuerdo Ruanda": Spanish names the deal first ("el plan Ruanda" too, where a plan ends).
_SPANISH_DEALS = "acuerdo|pacto|esquema|tratado|convenio"
_NAMED_DEAL_BEFORE = re.compile(
    rf"\b(?:{_SPANISH_DEALS}|(?:proyecto\s+de\s+)?ley\s+(?:de|sobre)(?:\s+el)?)\s+$", re.IGNORECASE
)
_NAMED_PLAN_BEFORE = re.compile(
    rf"\b(?:{_SPANISH_DEALS}|plan|programa|política)\s+$", re.IGNORECASE
)
# What a deal named after its receiver cannot be found without (it keeps the frame live).
_DEAL_WORD = re.compile(
    rf"\b(?:deal|scheme|agreement|pact|treaty|accord|{_SPANISH_DEALS})\b",
    re.IGNORECASE,
)


def _status(context: _ClauseContext) -> None:
    lexicon = context.lexicon
    if context.sentence.search(lexicon.own_nationals, context.text):
        return
    found: list[tuple[Status, int, str]] = []
    for status, pattern in lexicon.status.items():
        for start, end, match in context.cues(pattern):
            value = status
            if status in _FORWARD:
                if context.negated(start, end, denied=True):
                    continue
                if status in (Status.AGREED, Status.IMPLEMENTED) and context.modal(start):
                    value = Status.NEGOTIATING
            elif status in (Status.SUSPENDED, Status.ENDED) and _ONE_FLIGHT.match(
                context.sentence.piece(end, end + 30)
            ):
                continue  # "cancelled the first flight to Rwanda": the deal stands
            elif status in (Status.SUSPENDED, Status.ENDED) and not (
                context.sentence.search(lexicon.denial_object, context.sentence.text)
                or context.sentence.search(lexicon.deal_reference, context.text)
                or _names_a_deal(context)
                or _PLAN_TO_SEND.search(context.sentence.piece(end, end + 40))
            ):
                continue
            elif status is Status.REFUSED and _HOME_REFUSER.search(context.before(start, 50)):
                continue  # "their home countries refused to take them back": no arrangement
            found.append((value, start, match.group(0)))
    for start, end, match in context.cues(lexicon.first_receiver):
        if not context.negated(start, end):
            found.append((Status.IMPLEMENTED, start, match.group(0)))
    for start, end, match in context.cues(lexicon.ruled_unlawful):
        if not context.negated(start, end) and not any(f[0] is Status.SUSPENDED for f in found):
            found.append((Status.SUSPENDED, start, match.group(0)))
    if context.about_migration and not any(value in _BACKWARD for value, _s, _c in found):
        # "the UK's Rwanda scheme", "the Rwanda agreement": a deal named after its receiver
        # (agreed, unless the clause ends or suspends it: "scrapped the Rwanda scheme").
        for ref in context.explicit():
            named = _NAMED_DEAL.match(
                context.sentence.piece(ref.end, ref.end + 30)
            ) or _NAMED_DEAL_BEFORE.search(context.sentence.piece(ref.start - 30, ref.start))
            if named and not context.negated(ref.start, ref.end):
                context.candidate(
                    ClaimKind.ARRANGEMENT_STATUS,
                    context.sender(),
                    ref,
                    penalty=0.1,
                    value=Status.AGREED.value,
                )
    if any(value in _BACKWARD for value, _s, _c in found):
        # "the plan to send them to Rwanda was scrapped": the plan is not a new request.
        found = [f for f in found if f[0] not in (Status.REQUESTED, Status.NEGOTIATING)]
    for value, start, cue in found:
        _emit_status(context, value, start, cue)


def _names_a_deal(context: _ClauseContext) -> bool:
    """The clause names a deal after its receiving state ("the Rwanda plan")."""
    return bool(_named_deals(context))


def _named_deals(context: _ClauseContext) -> list[Ref]:
    """The receiving states the clause names a deal after ("the Rwanda plan")."""
    return [
        ref
        for ref in context.explicit()
        if _NAMED_PLAN.match(context.sentence.piece(ref.end, ref.end + 30))
        or _NAMED_PLAN_BEFORE.search(context.sentence.piece(ref.start - 30, ref.start))
    ]


# People refusing what is done to them, not a state denying a deal.
_PEOPLE_REFUSE = re.compile(r"^\s*(?:a\s+ser|to\s+be)\b", re.IGNORECASE)
_ORIGIN_STATES = re.compile(
    r"\b(?:(?:Estados|países)\s+de\s+origen|home\s+(?:countries|states)|countries\s+of\s+"
    r"origin)\b\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)

# The people's own states refusing them: "their home countries refused to take them back",
# "sus países de origen se negaron a recibirlos". No arrangement, and no party to one.
_HOME_REFUSER = re.compile(
    r"\b(?:(?:their|his|her)\s+(?:own\s+)?(?:(?:home\s+)?(?:countries|nations|governments)|"
    r"home\s+(?:country|nation|government)|countries\s+of\s+origin)|sus\s+(?:propios\s+)?países(?:\s+de\s+origen)?|"
    r"su\s+país\s+de\s+origen)\b\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)


def _emit_status(context: _ClauseContext, value: Status, position: int, cue: str) -> None:
    if value in (Status.AGREED, Status.IMPLEMENTED, Status.NEGOTIATING, Status.REFUSED) and (
        context.party_not_a_state(position)
    ):
        return
    sender = context.sender()
    when = context.date(position)
    published = context.document.published
    if (
        when is None
        and value in (Status.AGREED, Status.IMPLEMENTED)
        and published
        and context.sentence.search(context.lexicon.present, cue)
    ):
        # "Kosovo has agreed": news of the month it is reported in (or of its year, when
        # that is all the page says of its date).
        when = (
            published
            if published.precision is DatePrecision.YEAR
            else PartialDate.of(published.value, DatePrecision.MONTH)
        )
    # "The agreement was signed in May" with no state named is about the one in focus;
    # "…, but that plan was scrapped" is about the states of the sentence.
    whole = bool(context.sentence.search(context.lexicon.deal_reference, context.text))
    focus = value is Status.AGREED and not context.sentence.refs and whole
    receivers = context.receivers(focus=focus, sentence=whole)
    if value is Status.REQUESTED:
        receivers = _destination_group(
            context.sentence, receivers, position, position + len(cue), False
        )
    elif value is Status.REFUSED:
        receivers = _refusing_subject(context, receivers, position)
    if value in (Status.SUSPENDED, Status.ENDED):
        # "the now abandoned Rwanda deal, as South Sudan is …": what ended is the deal
        # named, not every state of the clause.
        named = {r.code for r in _named_deals(context)}
        receivers = [r for r in receivers if r.code in named] or receivers
    for receiver in _not_own_people(context, receivers):
        own = _own_date(context, receiver)
        context.candidate(
            ClaimKind.ARRANGEMENT_STATUS,
            sender,
            receiver,
            value=value.value,
            **_dated(own or when),
        )


def _own_date(context: _ClauseContext, receiver: Ref) -> PartialDate | None:
    """The date told right after a state when the clause dates each state apart: "signed
    agreements with Guatemala in July 2019 and with El Salvador and Honduras in September
    2019" (Honduras and El Salvador share theirs; a state of another group in between
    ends the search)."""
    sentence = context.sentence
    inside = [d for d in sentence.dates if context.clause.start <= d.start < context.clause.end]
    if len(inside) < 2 or receiver.how is How.ANAPHORA:
        return None
    for mention in sorted(inside, key=lambda d: d.start):
        if mention.start < receiver.end or mention.start - receiver.end > 60:
            continue
        if sentence.search(
            context.lexicon.speech, sentence.piece(mention.start - 30, mention.start)
        ):
            continue  # "…, the ministry announced Friday": when it was told
        between = [
            r
            for r in sentence.refs
            if receiver.end <= r.start < mention.start and r.group != receiver.group
        ]
        return None if between else mention.when
    return None


def _refusing_subject(context: _ClauseContext, receivers: list[Ref], position: int) -> list[Ref]:
    """The state that refuses is the subject of the verb: "turning to Kosovo after Albania
    publicly rejected a similar proposal" is Albania's refusal, not Kosovo's."""
    sentence = context.sentence
    before = [r for r in receivers if r.end <= position and r.how is not How.ANAPHORA]
    if not before:
        return receivers
    nearest = max(before, key=lambda r: r.end)
    if not _SUBJECT_GAP.match(sentence.piece(nearest.end, position)):
        return receivers
    return [r for r in receivers if r.group == nearest.group]


# Between a subject and its verb: an adverb or an auxiliary, no more.
_SUBJECT_GAP = re.compile(r"^\s*(?:[\w’'-]+\s+){0,2}$")


# --- denial --------------------------------------------------------------------------------


_AGENT = re.compile(
    r"\b(?:officials?|minister|ministry|spokes(?:man|woman|person)|president|presidency|"
    r"director|secretary|government|authorities|funcionari[oa]s?|ministr[oa]|portavoz|"
    r"vicepresident[ea]|president[ea]|director[a]?|secretari[oa]|gobierno|autoridades)\b",
    re.IGNORECASE,
)


# A state named after one of these is not the one speaking: "during Noem's visit".
_PREPOSITION = re.compile(
    r"\b(?:of|during|with|to|by|in|for|de|del|durante|con|a|por|en|para)\s+"
    r"(?:the\s+|la\s+|el\s+|los\s+|las\s+)?(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)


# What is turned down is a request: "dismissed the proposal", "rechazó la propuesta".
_PROPOSAL = re.compile(
    r"^\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|la\s+|el\s+|esa\s+|esta\s+)?(?:[\w-]+\s+)?"
    r"(?:proposals?|offers?|requests?|idea|call|demands?|propuestas?|ofertas?|petici(?:ón|ones)|"
    r"solicitud(?:es)?|idea)\b",
    re.IGNORECASE,
)
# No news of a deal is no denial of one: "no hay comunicación oficial sobre ningún acuerdo",
# "there is no information on any agreement".
_NO_NEWS = re.compile(
    r"\b(?:comunicación|información|informaciones|detalles|noticias|details|information|word|"
    r"news|clarity|claridad)\b(?:\s+\w+){0,2}\s+(?:sobre|acerca\s+de|de|on|about|of)\s+"
    r"(?:ningún|un|el|any|an?|the)?\s*$|^no\s+(?:hay|existe|there\s+is)\s+(?:\w+\s+){0,1}?"
    r"(?:comunicación|información|detalles|details|information|word|news)\b",
    re.IGNORECASE,
)


def _denial(context: _ClauseContext) -> None:
    lexicon, sentence = context.lexicon, context.sentence
    positions: list[int] = []
    denied_deals: set[int] = set()  # cues that deny a deal, not a report of one
    for start, end, _match in context.cues(lexicon.denial):
        if _PEOPLE_REFUSE.match(sentence.piece(end, end + 12)) or _ORIGIN_STATES.search(
            context.before(start, 50)
        ):
            continue  # "se niegan a ser repatriados", "sus Estados de origen se niegan"
        if _PROPOSAL.match(sentence.piece(end, end + 40)):
            continue  # "dismissed the proposal": a request refused, not a deal denied
        around = sentence.piece(start - 25, start) + " " + sentence.piece(end, end + 160)
        if lexicon.denial_object.search(around):
            positions.append(start)
            if not _REPORTS.search(sentence.piece(start, end + 40)):
                denied_deals.add(start)
    positions += [
        start
        for start, _end, _m in context.cues(lexicon.negated_deal)
        if not _NO_NEWS.search(context.before(start, 40))
        and not _NO_NEWS.match(sentence.piece(start, start + 40))
    ]
    if not positions:
        return
    position = min(positions)
    sender = context.sender()
    subjects = [
        r
        for r in sentence.refs
        if context.clause.start <= r.start < position
        and r.slot not in (Slot.NATIONALITY, Slot.GEO)
        and position - r.end <= 80
        and not _PREPOSITION.search(sentence.piece(r.start - 25, r.start))
    ]
    denier = Denier.RECEIVER
    if subjects:
        nearest = subjects[-1]
        between = sentence.piece(nearest.end, position)
        possessive = bool(re.match(r"['’]s?\s+(?:[\w-]+\s+){0,2}?" + _AGENT.pattern, between))
        if possessive or not _AGENT.search(between):
            group = [r for r in subjects if r.group == nearest.group]
            codes = {r.code for r in group}
            if sender in codes and codes - {sender}:
                denier = Denier.BOTH
            elif nearest.code == sender:
                denier = Denier.SENDER
    receivers = [r for r in subjects if r.code != sender] or context.receivers(focus=True)
    when = context.date(position)
    # A receiving state denying the deal itself to take people in also says it takes none:
    # "Libya denied having reached an agreement to receive deportees", "niega acuerdos para
    # recibir migrantes". That is a refusal as well as a denial. Denying what others said
    # ("denied media reports that it had agreed", "there is no agreement") is a denial only.
    refuses = (
        denier is Denier.RECEIVER
        and position in denied_deals
        and bool(_TAKE_IN.search(sentence.piece(position, position + 160)))
    )
    for receiver in receivers[:3]:
        context.candidate(ClaimKind.DENIAL, sender, receiver, value=denier.value, **_dated(when))
        if refuses:
            context.candidate(
                ClaimKind.ARRANGEMENT_STATUS,
                sender,
                receiver,
                penalty=0.1,
                value=Status.REFUSED.value,
                **_dated(when),
            )


_REPORTS = re.compile(
    r"\b(?:reports?|claims?|accounts?|rumou?rs?|informes?|informaciones|versiones|rumores|"
    r"reportes?|noticias)\b",
    re.IGNORECASE,
)
_TAKE_IN = re.compile(
    r"\b(?:to\s+(?:receive|accept|take\s+in|host)|para\s+(?:recibir|acoger|aceptar|albergar)|"
    r"recepción|de\s+(?:recibir|acoger|aceptar))\b",
    re.IGNORECASE,
)


# --- transfers ---------------------------------------------------------------------------------


def _transfer(context: _ClauseContext) -> None:
    lexicon, sentence, document = context.lexicon, context.sentence, context.document
    done: set[tuple[str | None, str]] = set()
    for start, end, match in context.cues(lexicon.transfer):
        if context.negated(start, end) or context.modal(start) or context.future(start):
            continue
        if _REACHED_DEAL.search(match.group(0)) and _reached_deal(sentence, start, end):
            continue  # "ha llegado a un acuerdo", "el acuerdo al que llegó": no arrival
        if _describes_people(context, start, end) or context.party_not_a_state(start):
            continue
        back = _back_to_sender(context, start, end)
        if back is not None:
            origin_code, home_ref = back
            if (origin_code, home_ref.code) not in done:
                done.add((origin_code, home_ref.code))
                context.candidate(
                    ClaimKind.ONWARD_TRANSFER,
                    origin_code,
                    home_ref,
                    count=_part_moved(context, start),
                    nationalities=tuple(sentence.nationalities),
                    **_dated(context.date(start, told=False)),
                )
            continue
        after = sentence.piece(end, min(context.clause.end, end + 60))
        # "sent to their home countries", not "flown to Eswatini after their home countries
        # refused": the home must be where the verb sends them.
        home_match = sentence.search(lexicon.home_destination, after[:70])
        home = home_match is not None and _close_after_date(sentence, end, home_match.start())
        receive = bool(sentence.search(lexicon.receive, sentence.piece(start, end)))
        explicit = _destination_group(sentence, context.explicit(onward=True), start, end, receive)
        destinations = explicit or context.receivers(focus=False)
        # "repatriated a man who had been deported to Juba": where the relative clause's
        # verb took him, not where this verb does.
        destinations = [
            d
            for d in destinations
            if not (end <= d.start and _RELATIVE_MOVE.search(sentence.piece(end, d.start)))
        ]
        arrival = bool(sentence.search(lexicon.arrival, sentence.piece(start, end)))
        count = context.count(start, partitive=False)
        relative = _RELATIVE_PASSIVE.search(sentence.piece(start - 30, start))
        if (
            count == 1
            and relative is not None
            and _ONE_PERSON_WHO.search(sentence.piece(start - 110, start - 30 + relative.start()))
        ):
            # "South Sudan repatriated a Mexican national who had been deported there": the
            # one person the main clause moves on, one of a group the first move brought.
            count = None
        if count is None and (
            sentence.search(lexicon.pronoun_subject, context.text)
            or sentence.search(lexicon.pronoun_object, sentence.piece(end, end + 40))
            or sentence.search(lexicon.pronoun_object, sentence.piece(max(0, start - 5), start))
        ):
            count = document.recent_count
        # "5,728 people between January and June": a total over a period, not one move (the
        # arrangement is still implemented).
        region = _period_region(context)
        total = context.count_mention(start, partitive=False, bounds=True) is not None and bool(
            lexicon.period.search(region)
        )
        if (
            not destinations
            and not home
            and ((count is not None and arrival) or _THERE.match(sentence.piece(end, end + 12)))
        ):
            # "landed on Friday with 8 men", "were deported there": the state in view.
            destinations = context.receivers(focus=True)
        sender = context.sender()
        for destination in destinations:
            # "Panama received 299 deported migrants": the receiving state is the subject, so
            # the move is into it, not onward from a state named before.
            origin = None if receive else _onward_origin(context, start, destination)
            if origin is None and _moves_on(context, sender):
                origin = sender  # "Ghana expelled them to Togo": a third country moves them on
            if origin is not None:
                if destination not in explicit or (origin, destination.code) in done:
                    continue
                done.add((origin, destination.code))
                context.candidate(
                    ClaimKind.ONWARD_TRANSFER,
                    origin,
                    destination,
                    count=context.count(start, sentence=False),
                    nationalities=tuple(sentence.nationalities),
                    **_dated(context.date(start, told=False) or _news_date(context, start, end)),
                )
                document.onward_destinations.add(destination.code)
                continue
            group = {d.code for d in destinations}
            if home or not _third_country_transfer(context, destination.code, group):
                # People taken to their own country: from a third country, a move onward.
                _home_from_third_country(context, start, [destination], done, named=True)
                continue
            if _internal_move(context, destination.code, start, end):
                continue
            if (sender, destination.code) in done:
                continue
            done.add((sender, destination.code))
            facility = next(
                (m.entry.facility for m in sentence.facilities if m.code == destination.code),
                None,
            )
            # Nobody says who the people are: less sure it is no return home.
            unknown = not (
                sentence.nationalities
                or document.recent_nationalities
                or document.nationalities
                or document.third_country
            )
            if total:
                if len(group) == 1:  # a total for several states together is none of theirs
                    _period_total(context, start, sender, destination, region)
            else:
                context.candidate(
                    ClaimKind.TRANSFER,
                    sender,
                    destination,
                    penalty=0.1 if unknown else 0.0,
                    count=count,
                    nationalities=tuple(sentence.nationalities),
                    facility=facility,
                    **_dated(_move_date(context, start, destination)),
                )
            if facility and _is_prison(sentence, destination.code):
                context.candidate(
                    ClaimKind.ROLE, sender, destination, penalty=0.1, value=Role.DETENTION.value
                )
            # People were moved: the arrangement is implemented (undated: the move is dated).
            context.candidate(
                ClaimKind.ARRANGEMENT_STATUS,
                sender,
                destination,
                penalty=0.15,
                value=Status.IMPLEMENTED.value,
            )
        if destinations and not total:
            _gapped_moves(context, start, sender, destinations, done)


# "four of them have been sent back to Italy", "returned to Italy": out of the third
# country, to the state that sent them there.
_BACK_TO = re.compile(r"^\s+(back\s+)?to\s+(?:the\s+)?", re.IGNORECASE)
_HE_WAS = re.compile(r"\b(?:he|she)\s+(?:was|had\s+been|has\s+been)\s+$", re.IGNORECASE)
_NEEDS_BACK = re.compile(r"^(?:sent|flown|transferred|deported|removed|shipped)$", re.IGNORECASE)


def _back_to_sender(context: _ClauseContext, start: int, end: int) -> tuple[str, Ref] | None:
    """The third country people held there were moved out of, and the document's sender
    they were moved back to, when the verb at ``start``-``end`` takes them there."""
    document, sentence = context.document, context.sentence
    home = document.sender
    verb = sentence.piece(start, end)
    if home is None or " " in verb.strip():
        return None
    if _HE_WAS.search(sentence.piece(start - 20, start)):
        return None  # "he was returned to the United States to face charges": brought to trial
    found = _BACK_TO.match(sentence.piece(end, end + 20))
    if found is None or (found.group(1) is None and _NEEDS_BACK.match(verb.strip())):
        return None
    at = end + found.end()
    ref = next(
        (r for r in sentence.refs if r.code == home and abs(r.start - at) <= 1),
        None,
    )
    if ref is None:
        return None
    # "sent from Albania back to Italy": the state named; else the one in view.
    named = [
        r.code
        for r in sentence.refs_in(context.clause.start, start)
        if r.code != home and r.code in document.established
    ]
    held = [c for c in reversed(document.focus) if c != home and c in document.established]
    origin = named[-1] if named else next(iter(held), None)
    if origin is None:
        return None
    return origin, ref


def _part_moved(context: _ClauseContext, start: int) -> int | None:
    """The people a move back counts: the part ("four of the 16") over the group."""
    parts = [
        c
        for c in context.sentence.counts
        if c.partitive and context.clause.start <= c.start < start
    ]
    if parts:
        return parts[-1].value
    return context.count(start, sentence=False)


_THERE = re.compile(r"^\s+(?:there|thither|allí|allá|ahí)\b", re.IGNORECASE)


def _move_date(context: _ClauseContext, start: int, destination: Ref) -> PartialDate | None:
    """When a move happened: a date told between its verb and where it went ("fueron
    entregados este viernes a Sudán del Sur", the nearest to the destination when the verb
    is an earlier one: "expulsados en mayo … entregados este viernes a …"), else the date
    nearest to the verb."""
    sentence = context.sentence
    between = [
        d
        for d in sentence.dates
        if start <= d.start
        and d.end <= destination.start
        and not sentence.search(context.lexicon.speech, sentence.piece(d.start - 30, d.start))
    ]
    if between:
        return max(between, key=lambda d: d.end).when
    if _RELATIVE_PASSIVE.search(sentence.piece(start - 30, start)):
        # "repatriated on Saturday a man who had been deported there in July": the move the
        # relative clause tells is dated inside it, not by the main clause's act.
        told = [d for d in sentence.dates if start <= d.start <= start + 90]
        if told:
            return min(told, key=lambda d: d.start).when
    return context.date(start, told=False)


# "a Mexican national who had been deported", "who was flown": a move told of people the
# main clause is about.
_WHO_HAD_BEEN = r"\b(?:who|whom)\s+(?:had\s+been|has\s+been|have\s+been|was|were)\s+(?:\w+ly\s+)?"
_RELATIVE_PASSIVE = re.compile(_WHO_HAD_BEEN + "$", re.IGNORECASE)
_RELATIVE_MOVE = re.compile(
    _WHO_HAD_BEEN + r"(?:deported|sent|flown|expelled|removed|transferred)\b", re.IGNORECASE
)
# "a Mexican national who …", "a man who …": one person, whom the main clause acts on.
_ONE_PERSON_WHO = re.compile(
    r"\b(?:repatriated|returned|sent|deported|handed|released|freed|expelled)\s+(?:(?:over|home|back)\s+)?"
    r"an?\s+(?:[A-Z][\w-]*\s+)?(?:national|man|woman|citizen|deportee|migrant)\s*,?\s*$",
)


# An onward move told in the present perfect or in a headline's present ("Ghana has deported
# six men to Togo", "Ghana Deports 6 to Togo", "ha deportado", "deporta a"): news of the month
# it is reported in, as a status is ("Kosovo has agreed"). Not a first move: reporting tells
# those again in the perfect long after ("the US has deported men to South Sudan").
_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have|ha|han)\s+(?:(?:now|just|already|recently|ya|recién)\s+)?(?:been\s+|sido\s+)?$",
    re.IGNORECASE,
)
_PRESENT_MOVE = re.compile(
    r"^(?:deports|sends|expels|flies|transfers|arrives?|lands?|deporta|envía|expulsa|"
    r"traslada|llegan?|aterrizan?|(?:ha|han)\s+(?:sido\s+)?\w+)\b",
    re.IGNORECASE,
)


def _news_date(context: _ClauseContext, start: int, end: int) -> PartialDate | None:
    """The publication month (or year, when that is all the page gives) for a move told as
    the news of the day; None for any other tense."""
    published = context.document.published
    sentence = context.sentence
    if published is None or not (
        _PERFECT_BEFORE.search(sentence.piece(start - 25, start))
        or _PRESENT_MOVE.match(sentence.piece(start, end))
    ):
        return None
    if published.precision is DatePrecision.YEAR:
        return published
    return PartialDate.of(published.value, DatePrecision.MONTH)


def _close_after_date(sentence: Sentence, end: int, gap: int) -> bool:
    """Whether what follows the verb at ``end`` is reached within 12 characters once a date
    phrase in between is left out: "returned on Thursday night to their country"."""
    if gap <= 12:
        return True
    covered = sum(
        min(d.end, end + gap) - max(d.start, end)
        for d in sentence.dates
        if d.start < end + gap and d.end > end
    )
    return gap - covered <= 12


def _period_region(context: _ClauseContext) -> str:
    """The clause, with the sentence's opening when a period is put first ("Since July, the
    United States has sent …", "Desde julio, …")."""
    head = context.sentence.piece(context.sentence.start, context.clause.start)
    if head and len(head) <= 60:
        return head + context.text
    return context.text


def _period_total(
    context: _ClauseContext, position: int, sender: str | None, destination: Ref, region: str
) -> None:
    """ "5,728 people between January and June": a total over the period the clause names."""
    count = context.count_mention(position, partitive=False, bounds=True)
    if count is None:
        return
    sentence = context.sentence
    period = period_in(
        region,
        context.clause.end - len(region),
        context.lexicon,
        sentence.dates,
        context.document.published,
    )
    if period is None:
        return  # half a period ("to date"): no total the contract can hold
    how = qualifier(sentence.text, count.start - sentence.start, context.lexicon)
    context.candidate(
        ClaimKind.PERIOD_TOTAL,
        sender,
        destination,
        penalty=0.05,
        count=count.value,
        nationalities=tuple(sentence.nationalities),
        count_qualifier=how.value,
        **period.fields(),
    )


_FROM_STATE = re.compile(
    r"\b(?:from|procedente\s+de|procedentes\s+de|desde|out\s+of)\s+(?:the\s+|el\s+|la\s+)?$",
    re.IGNORECASE,
)


def _home_from_third_country(
    context: _ClauseContext,
    position: int,
    targets: list[Ref],
    done: set[tuple[str | None, str]],
    *,
    named: bool = False,
    subject: str | None = None,
    in_view: bool = True,
) -> None:
    """People moved to their own countries (``targets``) out of a third country: the state
    the clause says they came from ("procedente de Honduras"), else the ``subject`` that
    sends them home, else (unless ``named`` or not ``in_view``) the receiving state in view
    that took them in. Nothing when no such state is known (an ordinary return)."""
    document, sentence = context.document, context.sentence
    sender = document.sender
    not_origin = {sender, *document.gazetteer.senders, *(t.code for t in targets)}
    origin = next(
        (
            r.code
            for r in sentence.refs
            if r.code not in not_origin
            and r.slot is not Slot.NATIONALITY
            and _FROM_STATE.search(sentence.piece(r.start - 20, r.start))
        ),
        subject,
    )
    if origin is None and not in_view:
        return
    if origin is None:
        # A named home country is reached from the third country in view only when the
        # clause says the move came after the stay there ("have since been sent home").
        if named and not sentence.search(context.lexicon.onward, context.text):
            return
        origin = document.focus_receiver(not_origin)
        if origin not in document.established:
            return
    elif origin not in document.established and not any(
        r.slot is Slot.SENDER and r.code == sender for r in sentence.refs
    ):
        return  # "deportados desde México" to Guatemala: Mexico's own deportation
    count = context.count(position, sentence=False) if len(targets) == 1 else None
    for target in targets:
        if (origin, target.code) in done:
            continue
        done.add((origin, target.code))
        per_group = count if count is not None else _demonym_count(sentence, target.code)
        context.candidate(
            ClaimKind.ONWARD_TRANSFER,
            origin,
            target,
            penalty=0.05,
            count=per_group,
            nationalities=(target.code,),
            **_dated(context.date(position, told=False)),
        )
        document.onward_destinations.add(target.code)


def _demonym_count(sentence: Sentence, code: str) -> int | None:
    """The number the sentence gives of one nationality: "13 Nigerians" → 13, and in "13
    Nigerians and one Gambian" (one count of 14 people) the Gambian is 1."""
    numbers = sentence.lexicon.numbers
    for mention in sentence.mentions:
        if mention.kind is MentionKind.DEMONYM and mention.code == code:
            head = sentence.piece(mention.start - 25, mention.start)
            figure = re.search(r"(?:^|\s)(" + numbers.pattern + r")\s+$", head, re.IGNORECASE)
            if figure:
                return as_count(numbers.parse(figure.group(1)))
            if not mention.entry.plural and _ONE.search(head):
                return 1
    return None


# Before a singular demonym: "a Gambian", "un ciudadano jamaiquino", "una mujer peruana".
# "el inmigrante gambiano", "del deportado jamaiquino": one person, named with the article.
_ONE = re.compile(
    r"(?:^|\s)(?:(?:a|an|one|un|una|uno)\s+(?:[^\W\d_]+\s+)?|(?:el|la|del|al)\s+"
    r"(?:inmigrante|migrante|deportad[oa]|hombre|mujer|ciudadan[oa]|joven|detenid[oa])\s+)$",
    re.IGNORECASE,
)


_BEFORE = re.compile(
    r"\b(?:before|until|pending|antes\s+de|hasta\s+que|hasta|en\s+espera\s+de)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _return_home(context: _ClauseContext) -> None:
    """ "have since left for their home countries", "regresaron a sus países": people in a
    third country going home are moved onward, one claim for each of their nationalities."""
    lexicon, sentence, document = context.lexicon, context.sentence, context.document
    done: set[tuple[str | None, str]] = set()
    for start, end, match in context.cues(lexicon.home_return):
        if context.negated(start, end) or context.modal(start) or context.future(start):
            continue
        if sentence.search(lexicon.future, context.before(start, 80)) or sentence.search(
            lexicon.modality, context.before(start, 80)
        ):
            continue  # "will be held there before being returned to their countries"
        if _BEFORE.search(context.before(start, 25)):
            continue  # "held for up to 60 days before being sent to their countries"
        # "varios nigerianos, a los que facilitaron el regreso a su país, y un gambiano": a
        # relative clause sends home the people named before it.
        upto = start if _RELATIVE.search(context.before(start, 60)) else None
        codes = _clause_nationalities(context, upto) or list(dict.fromkeys(sentence.nationalities))
        bare = bool(_REPATRIATION.match(match.group(0)))
        if not bare and not codes:
            codes = sorted(document.recent_nationalities)
        if bare and not codes:
            # "repatrió a un mexicano": the one person sent home, named by the demonym after
            # the verb (a singular demonym alone is not read as people). "Overseeing the
            # repatriation of the migrants" names nobody: no move told, only a process.
            codes = [
                m.code
                for m in sentence.mentions
                if m.kind is MentionKind.DEMONYM and m.code and end <= m.start <= end + 20
            ][:1]
        targets = [Ref(start, end, code, How.DEMONYM) for code in codes]
        # "repatriated" alone: the state that sends them home is its subject (or one they
        # came from); the sending state repatriating people is an ordinary return.
        subject = _repatriating_state(context, start, set(codes)) if bare else None
        # "Tras la repatriación de un ciudadano jamaiquino": nobody named sends him, and he
        # is named right after; the state in view that took him in is the one.
        unsaid = (
            bare
            and not _states_before(context, start, set(codes))
            and any(
                m.kind is MentionKind.DEMONYM and m.code in codes and end <= m.start <= end + 30
                for m in sentence.mentions
            )
        )
        if targets:
            _home_from_third_country(
                context, start, targets, done, subject=subject, in_view=not bare or unsaid
            )


_RELATIVE = re.compile(r",\s+(?:a\s+(?:los|las)\s+que|a\s+quienes)\b", re.IGNORECASE)


def _clause_nationalities(context: _ClauseContext, upto: int | None = None) -> list[str]:
    """The nationalities of the people named in the clause itself (before ``upto`` when it
    is given): in "Among the deported are Ghanaians and Senegalese, while two Moroccans
    chose to return home" only the Moroccans go home."""
    sentence, clause = context.sentence, context.clause
    named = [
        (r.start, r.code)
        for r in sentence.refs_in(clause.start, clause.end)
        if r.slot is Slot.NATIONALITY
    ] + [
        (m.start, m.code)
        for m in sentence.mentions
        if m.kind is MentionKind.DEMONYM
        and m.code in sentence.nationalities
        and clause.start <= m.start < clause.end
    ]
    if upto is not None:
        named = [(position, code) for position, code in named if position < upto]
    return list(dict.fromkeys(code for _, code in sorted(named) if code))


# "repatriated", "la repatriación de" with no home named after it.
_REPATRIATION = re.compile(r"(?:la\s+)?repatri\w*(?:\s+de|\s+of)?$", re.IGNORECASE)


def _states_before(context: _ClauseContext, position: int, homes: set[str]) -> list[Ref]:
    """The states the clause names before ``position``, other than the people's homes."""
    return [
        r
        for r in context.sentence.refs_in(context.clause.start, position)
        if r.slot is not Slot.NATIONALITY and r.code not in homes
    ]


def _repatriating_state(context: _ClauseContext, position: int, homes: set[str]) -> str | None:
    """The state named last before ``position`` in the clause, unless it sends people in
    the first place (the document's sender, a usual sender) or is their home."""
    document = context.document
    before = _states_before(context, position, homes)
    if not before:
        return None
    code = before[-1].code
    if code == document.sender or code in document.gazetteer.senders:
        return None
    return code


def _gapped_moves(
    context: _ClauseContext,
    position: int,
    sender: str | None,
    destinations: list[Ref],
    done: set[tuple[str | None, str]],
) -> None:
    """ "deported five men to Eswatini and eight more to South Sudan": a further count and
    destination joined to the move without its verb is a move of its own."""
    sentence, lexicon = context.sentence, context.lexicon
    last = max(d.end for d in destinations)
    pattern = re.compile(
        r"\b(?:and|y|e)\s+(?:a\s+)?(?P<n>" + lexicon.numbers.pattern + r")\s+(?:more\s+|más\s+|"
        r"others?\s+|otros\s+|other\s+)?(?:(?:" + lexicon.people + r")\s+)?"
        r"(?:more\s+|más\s+)?(?:to|a|al|hacia)\s+(?:the\s+|el\s+|la\s+)?$",
        re.IGNORECASE,
    )
    for ref in context.explicit():
        if ref.start <= last or (sender, ref.code) in done:
            continue
        found = pattern.search(sentence.piece(ref.start - 45, ref.start))
        if found is None:
            continue
        count = as_count(lexicon.numbers.parse(found.group("n")))
        done.add((sender, ref.code))
        context.candidate(
            ClaimKind.TRANSFER,
            sender,
            ref,
            count=count,
            **_dated(context.date(position, told=False)),
        )
        context.candidate(
            ClaimKind.ARRANGEMENT_STATUS,
            sender,
            ref,
            penalty=0.15,
            value=Status.IMPLEMENTED.value,
        )


def _reached_deal(sentence: Sentence, start: int, end: int) -> bool:
    """ "Llegar a un acuerdo" is to reach a deal: the deal word just before the verb, or
    after it with no state between ("ha llegado este viernes a un acuerdo", but "llegó a
    Ruanda como parte de un acuerdo" is an arrival)."""
    if _DEAL_NEAR.search(sentence.piece(start - 20, end)):
        return True
    deal = _DEAL_NEAR.search(sentence.piece(end, end + 45))
    if deal is None:
        return False
    return not sentence.refs_in(end, end + deal.start())


_REACHED_DEAL = re.compile(r"\blleg", re.IGNORECASE)
_DEAL_NEAR = re.compile(r"\b(?:acuerdos?|trato|pacto|consenso|entendimiento)\b", re.IGNORECASE)


_AUXILIARY = re.compile(
    r"\b(?:were|was|are|is|have|has|had|been|be|fueron|fue|han|ha|son|sido|habían|había)\b",
    re.IGNORECASE,
)


def _describes_people(context: _ClauseContext, start: int, end: int) -> bool:
    """ "immigrants deported from the U.S." names people; it reports no move in this clause."""
    lexicon, sentence = context.lexicon, context.sentence
    head = sentence.piece(start - 60, start)
    if re.search(r"\b(?:being|siendo|those|these|aquellos)\s+$", head, re.IGNORECASE):
        return True
    tail = sentence.piece(end, end + 12)
    if not lexicon.participle_tail.match(tail):
        return False
    if _names_destination(context, end):
        return False  # "five men deported by the U.S. to Eswatini": the phrase tells a move
    noun = re.search(
        r"(?:\b(?:"
        + lexicon.people
        + r"|those|these|aquellos|quienes)\b)((?:\s+[\w'’-]+){0,3})\s+$",
        head,
        re.IGNORECASE,
    )
    if noun and not _AUXILIARY.search(noun.group(1)):
        return True
    return any(
        m.entry.plural and 0 <= start - m.end <= 2
        for m in sentence.mentions
        if m.kind in (MentionKind.DEMONYM, MentionKind.REGION_PEOPLE)
    )


_TOWARDS = re.compile(
    r"(?:\bto|\ba|\bal|\bhacia|\bhasta|\ben)\s+(?:the\s+|el\s+|la\s+|los\s+)?"
    r"(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)


def _names_destination(context: _ClauseContext, end: int) -> bool:
    """A receiving state follows the participle within its phrase, after "to", "a", "al":
    "deported by the U.S. to Eswatini", "deportados por Estados Unidos a Ghana"."""
    sentence = context.sentence
    for ref in context.explicit():
        if not end < ref.start <= end + 60:
            continue
        between = sentence.piece(end, ref.start)
        if re.search(r"[,;:()—–]", between):
            continue
        if _TOWARDS.search(between):
            return True
    return False


_REACH = 80  # characters after a verb of movement where its destination is named
_ORIGIN = re.compile(r"\b(?:from|desde)\s+(?:the\s+|el\s+|la\s+)?$", re.IGNORECASE)


def _destination_group(
    sentence: Sentence, refs: list[Ref], start: int, end: int, receive: bool
) -> list[Ref]:
    """Where a move in the clause goes: the first group named after the verb ("sent to
    Ghana and Togo"), else the nearest group before it; for a verb of receiving, the group
    before it first ("Bukele received", "Panama, which received")."""
    # Inside the cue counts as after it: "asked all five countries to accept". A group
    # introduced by "from" is where people came from ("moved on from Kigali or Kampala").
    origins = {r.group for r in refs if _ORIGIN.search(sentence.piece(r.start - 15, r.start))}
    after = [r for r in refs if start <= r.start <= end + _REACH and r.group not in origins]
    before = [r for r in refs if r.end <= start and r not in after]
    first_after = [r for r in after if after and r.group == after[0].group]
    last_before = [r for r in before if before and r.group == before[-1].group]
    ordered = (last_before, first_after) if receive else (first_after, last_before)
    for group in ordered:
        if group:
            return group
    return []


def _moves_on(context: _ClauseContext, sender: str | None) -> bool:
    """The clause's sender is a third country moving on people the usual sender sent: it
    received people in this document, or the clause says who deported them first."""
    document = context.document
    if sender in (document.sender, None) or sender in document.gazetteer.senders:
        return False
    if sender in document.established:
        return True
    return any(
        r.code == document.sender and r.slot is Slot.SENDER
        for r in context.sentence.refs_in(context.clause.start, context.clause.end)
    )


def _internal_move(context: _ClauseContext, destination: str, start: int, end: int) -> bool:
    """A move inside the country that received people: by bus, to a shelter or a camp, or
    from one of its places. The words must go with the verb at ``start``–``end``: "received
    299 migrants, with 100 of them transferred to a camp" still tells the move in."""
    sentence = context.sentence
    if destination in context.document.established and sentence.search(
        context.lexicon.internal_move,
        sentence.piece(max(context.clause.start, start - 40), min(context.clause.end, end + 60)),
    ):
        return True
    for mention in context.sentence.mentions:
        if mention.code != destination or not (
            context.clause.start <= mention.start < context.clause.end
        ):
            continue
        if mention.kind in (MentionKind.FACILITY, MentionKind.PLACE) and re.search(
            r"\b(?:from|desde)\s+(?:the\s+|el\s+|la\s+)?(?:\w+\s+){0,2}$",
            context.sentence.piece(mention.start - 30, mention.start),
            re.IGNORECASE,
        ):
            return True
    return False


def _is_prison(sentence: Sentence, code: str) -> bool:
    return any(m.code == code and m.entry.facility_type == "prison" for m in sentence.facilities)


def _onward_origin(context: _ClauseContext, position: int, target: Ref) -> str | None:
    """The third country people are moved on from, when a move to ``destination`` is an
    onward one: they were held at a facility elsewhere, the clause names the third country
    before the move, or it reads "six of them", "later", "posteriormente"."""
    document, sentence = context.document, context.sentence
    sender, destination = document.sender, target.code
    for mention in sentence.facilities:
        if mention.code and mention.code not in (destination, sender):
            return mention.code
    arrival = sentence.search(context.lexicon.arrival, sentence.piece(position, position + 20))
    for ref in sentence.refs_in(context.clause.start, context.clause.end):
        if arrival or ref.code in (destination, sender) or ref.slot is Slot.NATIONALITY:
            continue
        if target.group >= 0 and ref.group == target.group:
            continue  # listed with the destination ("Panama, Costa Rica and Honduras")
        if ref.code in document.established and ref.start < position:
            return ref.code
    if sentence.search(context.lexicon.onward, context.text) and not _sender_moves(context):
        code = document.focus_receiver({sender, destination})
        if code in document.established:
            return code
    return None


def _sender_moves(context: _ClauseContext) -> bool:
    """The usual sender is the clause's actor ("A week later, the Trump administration
    deported 238 Venezuelans to …", "deportados por Washington, 103 de los cuales se niegan
    a ser repatriados"): a word such as "later" does not make its move an onward one."""
    sender = context.document.sender
    if sender is None:
        return False
    return any(
        r.code == sender and r.slot is Slot.SENDER
        for r in context.sentence.refs_in(context.clause.start, context.clause.end)
    )


def _third_country_transfer(context: _ClauseContext, destination: str, group: set[str]) -> bool:
    """Not an ordinary deportation of a country's own nationals. ``group`` holds every
    destination of the move ("returned to Bogotá and Lima")."""
    lexicon, sentence, document = context.lexicon, context.sentence, context.document
    if sentence.search(lexicon.own_nationals, context.text):
        return False
    if document.stateless:
        return True  # stripped of their citizenship: the state they came from is a third one
    destinations = group | {destination}
    if sentence.nationalities:
        return bool(set(sentence.nationalities) - destinations)
    # The people of the last sentences, or of the whole text, when the sentence does not say:
    # if they include the destination's nationals, this is presumably a return home.
    for known in (document.recent_nationalities, document.nationalities):
        if known:
            # A mixed group ("two Cubans, a Mexican, a South Sudanese") sent by a state the
            # sentence names is moved to a third country even when one of them is from there.
            # Not so for a part of the group ("120 of them were deported to Mexico").
            mixed = (
                len(known - {destination}) > 0
                and context.explicit_sender()
                and not sentence.search(lexicon.of_them, context.text)
            )
            return destination not in known or mixed
    # Nothing says who the people are: a move the text reports with its sender named is
    # read as a transfer (reporting of returns home names the people: "Venezuelans flown
    # to Caracas"); the claim is less sure than one whose people are known.
    return True


# --- roles -----------------------------------------------------------------------------------


def _roles(context: _ClauseContext) -> None:
    facility_states = [_facility_ref(m) for m in context.sentence.facilities if m.code]
    roles = context.lexicon.roles
    # "A safe third country, with the migrants then returned to their home countries": the
    # label says protection, the sentence says the stay ends in a return; the return wins.
    sentence = context.sentence
    returns = sentence.may_match(roles[Role.TEMPORARY_STAY_THEN_RETURN]) and any(
        not context.lexicon.negation.search(
            sentence.piece(sentence.start + m.start() - 40, sentence.start + m.end())
        )
        for m in roles[Role.TEMPORARY_STAY_THEN_RETURN].finditer(sentence.text)
    )
    for role, pattern in roles.items():
        for start, end, match in context.cues(pattern):
            if context.negated(start, end):
                continue
            if (
                role is Role.PROTECTION_OR_RESETTLEMENT
                and returns
                and _SAFE_LABEL.search(match.group(0))
            ):
                continue
            sender = context.sender()
            if role is Role.DETENTION and _held_at_home(context, start, end, sender):
                continue  # "detained after crossing the US border": not held where they went
            if role is Role.DETENTION and facility_states:
                receivers = facility_states  # held at CECOT: held in El Salvador
            else:
                # Without any state named, a role hangs on the state in focus.
                receivers = context.receivers(focus=not context.sentence.refs)
            if role is Role.TRANSIT_STOPOVER and _ON_THE_WAY.match(match.group(0)):
                # "to Honduras before being flown to Venezuela": the stop is the state
                # before the cue; the one after it is where they went next.
                # The clause may begin at "before": the stop is then in the one before it.
                excluded = context.excluded()
                before = [
                    r
                    for r in context.sentence.refs
                    if r.slot is Slot.RECEIVER and r.end <= start and r.code not in excluded
                ]
                receivers = [r for r in before if r.group == before[-1].group] if before else []
            for receiver in receivers:
                context.candidate(ClaimKind.ROLE, sender, receiver, value=role.value)


_ON_THE_WAY = re.compile(r"before|antes", re.IGNORECASE)
_SAFE_LABEL = re.compile(r"\bsafe|\bseguro\b|\bSTCA", re.IGNORECASE)
_IN_PLACE = re.compile(
    r"\b(?:in|at|en)\s+(?:the\s+|a\s+|an\s+|el\s+|la\s+|una?\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_CONVICTED = re.compile(r"\b(?:convicted|sentenced|tried|condenad\w+|juzgad\w+)\b", re.I)
_BORDER = re.compile(r"^[\s-]*(?:[\w-]+\s+)?(?:border|frontera)\b", re.IGNORECASE)


def _held_at_home(context: _ClauseContext, start: int, position: int, sender: str | None) -> bool:
    """The sending state is named right after a detention cue ("detained after illegally
    crossing the US border", "retenidos en una base militar estadounidense"): the people
    were held there, before any move."""
    if sender is None:
        return False
    end = min(context.clause.end, position + 60)
    sentence = context.sentence
    for mention in sentence.mentions:
        if mention.code != sender or not position <= mention.start < end:
            continue
        before = sentence.piece(start, mention.start)
        after = sentence.piece(mention.end, mention.end + 12)
        if mention.start - position > 40 or _CONVICTED.search(before):
            continue  # "prisoners convicted in Denmark": where they were tried, not held
        if _IN_PLACE.search(before) or _BORDER.match(after):
            return True
    return False


# --- capacity, money, instruments ---------------------------------------------------------


def _capacity(context: _ClauseContext) -> None:
    lexicon = context.lexicon
    for pattern in (lexicon.capacity, lexicon.capacity_units):
        for start, _end, match in context.cues(pattern):
            if lexicon.negation.search(context.before(start, 25)):
                continue
            if pattern is lexicon.capacity and not _about_people(context, start, _end):
                continue
            if _not_a_cap(context, start, _end):
                continue
            raw = next((g for g in (match.groupdict().get(k) for k in "nmkj") if g), None)
            value = lexicon.numbers.parse(raw) if raw else None
            if value is None or value != value.to_integral_value() or value <= 0:
                continue
            sender = context.sender()
            for receiver in _not_own_people(context, context.receivers(focus=True)):
                context.candidate(ClaimKind.CAPACITY, sender, receiver, count=int(value))


# A place's own size ("a facility that can accommodate up to 2,500 people", "una cárcel con
# capacidad para 40.000 presos"): what it can hold, not how many a deal lets in.
_PLACE_SIZE = re.compile(
    r"\b(?:facility|facilities|prison|jail|cent(?:re|er)|camp|tents?|building|site|cárcel|"
    r"prisión|penal|centro|campamento|instalaci(?:ón|ones)|recinto)\b[^.;]{0,60}?"
    r"\b(?:can|could|able\s+to|capacity|puede|pueden|podrá|capacidad)\b(?:\s+(?:of|for|to|de|"
    r"para))?(?:\s+(?:hold|accommodate|house|fit|albergar|alojar|recibir))?[^.;]{0,12}$",
    re.IGNORECASE,
)
# "the first country to accept 119 deportees": a move made, not a cap.
_FIRST_TO = re.compile(
    r"\b(?:first|second|third|latest|primer|segundo|tercer|último)\s+(?:country|nation|país|"
    r"nación)(?:\s+(?:to|en|que))?\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A count already reached ("as many as 60 have been detained", "había facilitado el traslado
# de hasta 170 migrantes"): an estimate of what happened, not a cap.
_DONE_AFTER = re.compile(r"^[^.;,]{0,50}?\b(?:have|has|had)\s+(?:already\s+)?been\b", re.IGNORECASE)
_DONE_BEFORE = re.compile(
    r"\b(?:había|habían|han|ha|hemos)\s+(?:[\wáéíóú]+d[oa]s?)\b[^.;]{0,40}$", re.IGNORECASE
)


def _not_a_cap(context: _ClauseContext, start: int, end: int) -> bool:
    sentence = context.sentence
    before = sentence.piece(max(context.clause.start, start - 90), start)
    if _PLACE_SIZE.search(before) or _FIRST_TO.search(sentence.piece(start - 30, start)):
        return True
    return bool(
        _DONE_AFTER.search(sentence.piece(end, end + 80))
        or _DONE_BEFORE.search(sentence.piece(start - 50, start))
    )


def _about_people(context: _ClauseContext, start: int, end: int) -> bool:
    """ "up to 250 migrants", "accept up to 250": a cap on people, not "up to 60 days"."""
    lexicon = context.lexicon
    after = context.sentence.piece(end, end + 40)
    if re.match(r"(?:\s+[\w'’-]+){0,3}?\s+(?:" + lexicon.people + r")\b", after, re.IGNORECASE):
        return True
    if re.match(r"\s*(?:[\w'’-]+\s+){0,2}?(?:" + lexicon.people + r")\b", after, re.IGNORECASE):
        return True
    return any(
        m.kind in (MentionKind.DEMONYM, MentionKind.REGION_PEOPLE) and 0 <= m.start - end <= 25
        for m in context.sentence.mentions
    )


# What a state gets in exchange that is no money: people ("a cambio de decenas de presos
# políticos", "in exchange for the release of ten Americans"); "to compensate for" a loss.
_NOT_MONEY_AFTER = re.compile(
    r"^\W*(?:(?:for|de|,)\s+)?(?:the\s+|la\s+|los\s+|las\s+|un\s+|una\s+)?(?:[\w-]+\s+){0,3}?"
    r"[\"“«]?(?:release[sd]?|freed|freeing|liberación|excarcelaci(?:ón|ones)|liberó|liberar|"
    r"prisoners|presos|prisioneros|rehenes|hostages|detainees|"
    r"ciudadanos|citizens|Americans|estadounidenses|nationals)\b|^\s+for\b(?!\s+(?:taking|"
    r"accepting|receiving|hosting|the\s+costs?))",
    re.IGNORECASE,
)
_EXCHANGE = re.compile(r"\b(?:in\s+exchange|a\s+cambio|compensat\w+)\b", re.IGNORECASE)
# Money a court orders paid ("condenó al Estado al pago de costas, daños y perjuicios"):
# damages, not a payment for taking people.
_COURT_COSTS = re.compile(
    r"\b(?:costas|daños\s+y\s+perjuicios|legal\s+costs|court\s+costs|damages)\b", re.IGNORECASE
)
# A payment asked for, or not known ("he had asked the administration to cover the costs",
# "it remains unclear which country covered the cost").
_ASKED = re.compile(
    r"\b(?:ask(?:ed|s)?|request(?:ed|s)?|demand(?:ed|s)?|unclear|unknown|pidió|piden|pide|"
    r"solicit(?:ó|a|an)|exig(?:ió|e|en)|no\s+está\s+claro|se\s+desconoce|posibles)\b",
    re.IGNORECASE,
)


def _compensation(context: _ClauseContext) -> None:
    lexicon = context.lexicon
    sentence = context.sentence
    strong = [
        cue
        for cue in (*context.cues(lexicon.payment), *context.cues(lexicon.costs))
        if not (
            _EXCHANGE.match(cue[2].group(0))
            and _NOT_MONEY_AFTER.search(sentence.piece(cue[1], cue[1] + 60))
        )
    ]
    weak = list(context.cues(lexicon.money_context))
    if not strong and not weak:
        return
    cues = strong + weak
    first = min(s for s, _e, _m in cues)
    if any(_payment_negated(context, s, e) or context.modal(s) for s, e, _m in cues):
        return
    head = sentence.piece(context.clause.start, first)
    # Asked for before any of the cues: "In exchange for accepting them, he said he had asked
    # the administration to cover the costs".
    asked = sentence.piece(context.clause.start, max(s for s, _e, _m in cues))
    if _ASKED.search(asked) or sentence.search(lexicon.modality, head):
        return  # "could potentially ... request compensation": the whole clause is unreal
    if _COURT_COSTS.search(context.text):
        return
    if context.party_not_a_state(first) or sentence.search(lexicon.per_person, sentence.text):
        return
    money = _money(context, [s for s, _e, _m in cues])
    if money is None and not strong:
        return
    sender = context.sender()
    for receiver in context.receivers(focus=True):
        if money is not None:
            amount, currency = money
            context.candidate(
                ClaimKind.COMPENSATION, sender, receiver, amount=amount, currency=currency
            )
        else:
            context.candidate(ClaimKind.COMPENSATION, sender, receiver, penalty=0.1)


def _payment_negated(context: _ClauseContext, start: int, end: int) -> bool:
    """Negated near the cue, within its own phrase: "the details of which have not been
    revealed, Washington will pay" is no negated payment."""
    window = re.split(r"[,;:()]", context.before(start))[-1] + context.sentence.piece(start, end)
    return bool(context.lexicon.negation.search(window))


# States whose own currency is written with a bare "$".
_DOLLARS = {"AU": "AUD", "NZ": "NZD", "CA": "CAD", "SG": "SGD", "HK": "HKD", "MX": "MXN"}


def _money(context: _ClauseContext, cues: list[int]) -> tuple[Decimal, str] | None:
    """The sum nearest to a payment cue, leaving out totals and estimates."""
    lexicon = context.lexicon
    best: tuple[int, Decimal, str] | None = None
    for match in lexicon.money.finditer(context.text):
        position = context.clause.start + match.start()
        if context.sentence.search(lexicon.aggregate, context.before(position, 40)):
            continue
        groups = match.groupdict()
        raw = (groups.get("amount") or groups.get("amount2") or "").rstrip(".,")
        symbol = re.sub(r"\s+", " ", (groups.get("pre") or groups.get("post") or "").lower())
        currency = lexicon.currencies.get(symbol)
        if symbol == "$" and currency == "USD":
            # A bare dollar sign is the paying state's own dollar ("Australia will pay $70m").
            currency = _DOLLARS.get(context.sender() or "", currency)
        if not raw or not currency:
            continue
        number = lexicon.numbers.parse(raw) or parse_digits(raw)
        if number is None:
            continue
        scale = re.sub(r"\s+", " ", (groups.get("scale") or groups.get("scale2") or "").lower())
        amount = (number * lexicon.scales.get(scale, 1)).normalize()
        distance = min(abs(position - cue) for cue in cues)
        if best is None or distance < best[0]:
            best = (distance, amount, currency)
    return (best[1], best[2]) if best else None


def _instruments(context: _ClauseContext) -> None:
    lexicon = context.lexicon
    if context.sentence.search(lexicon.status[Status.NEGOTIATING], context.text):
        return  # an instrument still being negotiated is not the arrangement's instrument
    for instrument, pattern in lexicon.instruments.items():
        for start, end, _match in context.cues(pattern):
            if context.negated(start, end, denied=True) or context.modal(start):
                continue
            sender = context.sender()
            for receiver in _not_own_people(context, context.receivers(focus=True)):
                context.candidate(ClaimKind.INSTRUMENT, sender, receiver, value=instrument.value)


# The clause frames in the order they run, each with the patterns it finds its cues with
# (``_ClauseContext.cues``) and whether it needs a paragraph about moving people.
_FRAMES: tuple[
    tuple[Callable[[_ClauseContext], None], Callable[[Lexicon], Iterable[re.Pattern[str]]], bool],
    ...,
] = (
    (
        _status,
        lambda lexicon: (
            *lexicon.status.values(),
            lexicon.first_receiver,
            lexicon.ruled_unlawful,
            _DEAL_WORD,
        ),
        True,
    ),
    (_denial, lambda lexicon: (lexicon.denial, lexicon.negated_deal), True),
    (_transfer, lambda lexicon: (lexicon.transfer,), True),
    (_return_home, lambda lexicon: (lexicon.home_return,), True),
    (_roles, lambda lexicon: lexicon.roles.values(), True),
    (_capacity, lambda lexicon: (lexicon.capacity, lexicon.capacity_units), True),
    (_compensation, lambda lexicon: (lexicon.payment, lexicon.costs, lexicon.money_context), True),
    (_instruments, lambda lexicon: lexicon.instruments.values(), False),
)

_FrameMasks = list[tuple[Callable[[_ClauseContext], None], tuple[int, ...], bool]]
_MASKS: dict[int, tuple[LiteralIndex, _FrameMasks]] = {}


def _frame_masks(lexicon: Lexicon) -> _FrameMasks:
    """``_FRAMES`` with the literal index's mask of each cue (0: it may always match),
    worked out once per lexicon."""
    index = lexicon.literals
    cached = _MASKS.get(id(index))
    if cached is None or cached[0] is not index:  # (an id may be reused once freed)
        frames = [
            (frame, tuple(index.masks.get(id(p), 0) for p in cues(lexicon)), needs_migration)
            for frame, cues, needs_migration in _FRAMES
        ]
        cached = _MASKS[id(index)] = (index, frames)
    return cached[1]


# --- facilities and concerns -------------------------------------------------------------------


def _facilities(document: Document, sentence: Sentence) -> None:
    senders = {r.code for r in sentence.refs if r.slot is Slot.SENDER}
    for mention in sentence.facilities:
        if not mention.code or not mention.entry.facility:
            continue
        if senders - {mention.code} and sentence.search(sentence.lexicon.migration, sentence.text):
            # "migrants deported from the United States, held at CATEM": people another state
            # sent are held at a place of the arrangement, so its state is in one.
            document.established.add(mention.code)
        document.add(
            Candidate(
                kind=ClaimKind.FACILITY,
                sender=None,
                receiver=mention.code,
                start=sentence.start,
                end=sentence.end,
                extractor=sentence.rules.extractor,
                confidence=_BASE[ClaimKind.FACILITY],
                facility=mention.entry.facility,
            )
        )


# Torture or ill-treatment named as a risk ("fears of persecution or torture", "riesgo de
# sufrir tortura", "podían correr peligro y ser víctimas de tortura"): a danger the people
# would face if sent on (a refoulement concern), not abuse reported where they are.
_RISK_BEFORE = re.compile(
    r"\b(?:persecution\s+or|persecución\s+o|risks?\s+of|fears?\s+of|in\s+danger|riesgos?\s+de|"
    r"temor\s+(?:a|de)|miedo\s+a|sufrir|peligro)\b",
    re.IGNORECASE,
)
# "the abuse of our asylum system", "el abuso del sistema": misuse of a system, not harm done
# to people.
_SYSTEM_ABUSE = re.compile(
    r"^(?:abuses?|abusos?)\s+(?:of|del?)\s+(?:the\s+|our\s+|its\s+|their\s+|this\s+|la\s+|el\s+|"
    r"nuestro\s+|su\s+)?(?:[\w'’-]+\s+){0,3}?(?:system|process|law|rules|sistema|proceso|ley)\b",
    re.IGNORECASE,
)


def _not_reported_abuse(text: str, match: re.Match[str]) -> bool:
    """An abuse cue that names a risk, or the misuse of a system, not harm to people."""
    if _RISK_BEFORE.search(text[max(0, match.start() - 45) : match.start()]):
        return True
    return bool(_SYSTEM_ABUSE.match(text[match.start() : match.start() + 80]))


def _concerns(document: Document, sentence: Sentence) -> None:
    lexicon = sentence.lexicon
    if not sentence.search(lexicon.concern_subject, sentence.text) and not sentence.facilities:
        return
    for concern, pattern in lexicon.concerns.items():
        if not sentence.search(pattern, sentence.text):
            continue
        text = sentence.text
        match = next(
            (
                m
                for m in pattern.finditer(text)
                if not lexicon.negation.search(text[max(0, m.start() - 20) : m.start()])
                and not (concern is Concern.ABUSE and _not_reported_abuse(text, m))
            ),
            None,
        )
        if match is None:
            continue
        # Receivers that never get a claim of their own are dropped when the document ends.
        codes = [m.code for m in sentence.facilities if m.code]
        codes += [r.code for r in sentence.refs if r.slot is Slot.RECEIVER]
        focus = document.focus_receiver({document.sender})
        if focus:
            codes.append(focus)
        for code in dict.fromkeys(codes):
            facility = next((m.entry.facility for m in sentence.facilities if m.code == code), None)
            document.add(
                Candidate(
                    kind=ClaimKind.CONCERN,
                    sender=None,
                    receiver=code,
                    start=sentence.start,
                    end=sentence.end,
                    extractor=sentence.rules.extractor,
                    confidence=_BASE[ClaimKind.CONCERN],
                    value=concern.value,
                    facility=facility,
                )
            )
