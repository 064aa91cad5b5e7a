"""Frames: what a sentence claims, kind by kind.

Each frame looks for its cues in a clause (``Lexicon.status``, ``roles``, ``transfer`` …),
drops cues that are negated, hypothetical or in the future where that matters, and attaches
the claim to the states the clause names: receivers in the clause (or the group a relative
clause hangs on), else in the sentence, else — for kinds that often come without a name, like
roles, payments and concerns — the receiving state in focus. The sender is the one the
sentence names, else the document's usual sender.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.vocabulary import ClaimKind, DatePrecision, Denier, Role, Status
from thirdcountry.extract.engine import Candidate, Document
from thirdcountry.extract.numbers import parse_digits
from thirdcountry.extract.reading import Clause, How, Ref, Sentence, Slot, antecedent

if TYPE_CHECKING:
    from collections.abc import Iterable

_NEAR = 45  # characters before a cue searched for negation and modality

# How sure each kind of evidence makes us; adjusted for implicit states below.
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
}
_FORWARD = (Status.AGREED, Status.IMPLEMENTED, Status.NEGOTIATING, Status.REQUESTED)


def read(document: Document, sentence: Sentence) -> None:
    """Add the candidates ``sentence`` supports to ``document``."""
    lexicon = sentence.lexicon
    if not any(p.search(sentence.text) for p in lexicon.cue_alternatives()) and not (
        sentence.facilities
    ):
        return
    unreal = bool(lexicon.hypothetical.search(sentence.text)) and _all_unreal(sentence)
    if unreal:
        return
    about_migration = bool(lexicon.migration.search(sentence.text))
    for clause in sentence.clauses:
        if lexicon.hypothetical.search(sentence.piece(clause.start, clause.end)):
            continue
        context = _ClauseContext(document, sentence, clause, about_migration)
        _status(context)
        _denial(context)
        _transfer(context)
        if about_migration:
            _roles(context)
            _capacity(context)
            _compensation(context)
            _instruments(context)
    _facilities(document, sentence, about_migration)
    _concerns(document, sentence)


def _all_unreal(sentence: Sentence) -> bool:
    """A question, or a sentence that opens with a condition, claims nothing."""
    stripped = sentence.text.rstrip()
    if stripped.endswith("?"):
        return True
    return bool(
        re.match(r"[\"'“¿¡(]*(?:if|imagine|suppose|what if|si|imagina|supongamos)\b",
                 stripped, re.IGNORECASE)
    )


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

    @property
    def lexicon(self):  # type: ignore[no-untyped-def]
        return self.sentence.lexicon

    def cues(self, pattern: re.Pattern[str]) -> Iterable[tuple[int, int, re.Match[str]]]:
        for match in pattern.finditer(self.text):
            yield self.clause.start + match.start(), self.clause.start + match.end(), match

    def before(self, position: int, width: int = _NEAR) -> str:
        return self.sentence.piece(max(self.clause.start, position - width), position)

    def negated(self, start: int, end: int) -> bool:
        window = self.before(start) + self.sentence.piece(start, end)
        return bool(self.lexicon.negation.search(window))

    def modal(self, start: int, end: int) -> bool:
        window = self.before(start) + self.sentence.piece(start, end)
        return bool(self.lexicon.modality.search(window))

    def future(self, start: int) -> bool:
        return bool(self.lexicon.future.search(self.before(start, 40)))

    def receivers(self, *, focus: bool, exclude: Iterable[str] = ()) -> list[Ref]:
        """The receiving states a cue in this clause is about, nearest evidence first."""
        sender = self.sender()
        excluded = {sender, *exclude}
        clause = [
            r
            for r in self.sentence.refs_in(self.clause.start, self.clause.end, Slot.RECEIVER)
            if r.code not in excluded
        ]
        found = clause + [r for r in self.inherited if r.code not in excluded]
        if not found:
            whole = [
                r
                for r in self.sentence.refs
                if r.slot is Slot.RECEIVER and r.code not in excluded
            ]
            if len({r.code for r in whole}) <= 2:
                found = whole
        if not found:
            found = [
                _facility_ref(m)
                for m in self.sentence.facilities
                if m.code and m.code not in excluded
            ]
        if not found and focus:
            for code in reversed(self.document.focus):
                if code not in excluded:
                    found = [Ref(self.clause.start, self.clause.start, code, How.ANAPHORA)]
                    break
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
        return self.document.sender

    def explicit_sender(self) -> bool:
        return any(r.slot is Slot.SENDER for r in self.sentence.refs)

    def party_not_a_state(self, position: int) -> bool:
        """An organisation (the EU, IOM) is the acting party and no state is named as sender."""
        if self.explicit_sender():
            return False
        return any(
            self.clause.start <= m.start < position for m in self.sentence.organizations
        )

    def date(self, position: int) -> PartialDate | None:
        """The date phrase nearest to ``position``, preferring the clause."""
        dates = self.sentence.dates
        if not dates:
            return None
        inside = [d for d in dates if self.clause.start <= d.start < self.clause.end]
        pool = inside or dates
        nearest = min(pool, key=lambda d: min(abs(d.start - position), abs(d.end - position)))
        return nearest.when

    def count(self, position: int) -> int | None:
        counts = self.sentence.counts
        if not counts:
            return None
        inside = [c for c in counts if self.clause.start <= c.start < self.clause.end]
        pool = inside or (counts if len(counts) == 1 else [])
        if not pool:
            return None
        return min(pool, key=lambda c: abs(c.start - position)).value

    def candidate(self, kind: ClaimKind, sender: str | None, receiver: Ref, **fields: object) -> None:
        confidence = _BASE[kind]
        if receiver.how is How.ANAPHORA:
            confidence -= 0.15
        if not self.explicit_sender():
            confidence -= 0.05
        start, end = self.sentence.start, self.sentence.end
        if end - start > 500:
            start, end = self.clause.start, self.clause.end
        candidate = Candidate(
            kind=kind,
            sender=sender,
            receiver=receiver.code,
            start=start,
            end=end,
            extractor=self.sentence.rules.extractor,
            confidence=confidence - float(fields.pop("penalty", 0.0)),  # type: ignore[arg-type]
            **fields,  # type: ignore[arg-type]
        )
        self.document.add(candidate)


def _facility_ref(mention) -> Ref:  # type: ignore[no-untyped-def]
    return Ref(mention.start, mention.end, mention.code, How.FACILITY)


def _dated(when: PartialDate | None) -> dict[str, object]:
    if when is None:
        return {}
    return {"date": when.value, "date_precision": when.precision.value}


# --- arrangement status ------------------------------------------------------------------


def _status(context: _ClauseContext) -> None:
    lexicon = context.lexicon
    if not context.about_migration:
        return
    for status, pattern in lexicon.status.items():
        for start, end, match in context.cues(pattern):
            value = status
            if status in _FORWARD:
                if context.negated(start, end):
                    continue
                if status in (Status.AGREED, Status.IMPLEMENTED) and context.modal(start, end):
                    value = Status.NEGOTIATING
            elif status in (Status.SUSPENDED, Status.ENDED) and not (
                lexicon.denial_object.search(context.sentence.text)
            ):
                continue
            _emit_status(context, value, start, match.group(0))
    for start, end, match in context.cues(lexicon.first_receiver):
        if not context.negated(start, end):
            _emit_status(context, Status.IMPLEMENTED, start, match.group(0))


def _emit_status(context: _ClauseContext, value: Status, position: int, cue: str) -> None:
    if value in (Status.AGREED, Status.IMPLEMENTED, Status.NEGOTIATING, Status.REFUSED) and (
        context.party_not_a_state(position)
    ):
        return
    sender = context.sender()
    when = context.date(position)
    if when is None and value in (Status.AGREED, Status.IMPLEMENTED) and (
        context.lexicon.present.search(cue) and context.document.published
    ):
        when = PartialDate.of(context.document.published, DatePrecision.MONTH)
    for receiver in context.receivers(focus=False):
        context.candidate(
            ClaimKind.ARRANGEMENT_STATUS, sender, receiver, value=value.value, **_dated(when)
        )


# --- denial --------------------------------------------------------------------------------


def _denial(context: _ClauseContext) -> None:
    lexicon = context.lexicon
    positions: list[int] = []
    for start, _end, _match in context.cues(lexicon.denial):
        after = context.sentence.piece(start, context.sentence.end)
        if lexicon.denial_object.search(after[:160]):
            positions.append(start)
    positions += [start for start, _end, _m in context.cues(lexicon.negated_deal)]
    if not positions:
        return
    position = min(positions)
    sender = context.sender()
    subjects = [
        r
        for r in context.sentence.refs
        if context.clause.start <= r.start < position and r.slot is not Slot.NATIONALITY
        and r.slot is not Slot.GEO
    ]
    codes = {r.code for r in subjects}
    if sender in codes and codes - {sender}:
        denier = Denier.BOTH
    elif subjects and codes == {sender}:
        denier = Denier.SENDER
    else:
        denier = Denier.RECEIVER
    receivers = [r for r in subjects if r.code != sender] or context.receivers(focus=True)
    when = context.date(position)
    for receiver in receivers[:3]:
        context.candidate(
            ClaimKind.DENIAL, sender, receiver, value=denier.value, **_dated(when)
        )


# --- transfers ---------------------------------------------------------------------------------


def _transfer(context: _ClauseContext) -> None:
    lexicon = context.lexicon
    document = context.document
    sentence = context.sentence
    done: set[tuple[str | None, str]] = set()
    for start, end, _match in context.cues(lexicon.transfer):
        if context.negated(start, end) or context.modal(start, end) or context.future(start):
            continue
        if _describes_people(context, start, end):
            continue
        after = sentence.piece(end, min(context.clause.end, end + 60))
        home = lexicon.home_destination.search(after[:40])
        count = context.count(start)
        destinations = context.receivers(focus=False)
        if not destinations and not home and count is not None:
            destinations = context.receivers(focus=True)
        origin = _onward_origin(context, start, destinations)
        for destination in destinations:
            if origin is not None and origin != destination.code:
                key = (origin, destination.code)
                if key in done:
                    continue
                done.add(key)
                context.candidate(
                    ClaimKind.ONWARD_TRANSFER,
                    origin,
                    destination,
                    count=count,
                    nationalities=tuple(sentence.nationalities),
                    **_dated(context.date(start)),
                )
                continue
            if home or not _third_country_transfer(context, destination.code):
                continue
            sender = context.sender()
            key = (sender, destination.code)
            if key in done:
                continue
            done.add(key)
            facility = next(
                (m.entry.facility for m in sentence.facilities if m.code == destination.code),
                None,
            )
            context.candidate(
                ClaimKind.TRANSFER,
                sender,
                destination,
                count=count,
                nationalities=tuple(sentence.nationalities),
                facility=facility,
                **_dated(context.date(start)),
            )
            if facility and _is_prison(sentence, destination.code):
                context.candidate(
                    ClaimKind.ROLE, sender, destination, value=Role.DETENTION.value, penalty=0.1
                )
    del document  # the document is reached through the context


def _describes_people(context: _ClauseContext, start: int, end: int) -> bool:
    """ "immigrants deported from the U.S." names people; it reports no move in this clause."""
    lexicon, sentence = context.lexicon, context.sentence
    head = sentence.piece(start - 40, start)
    tail = sentence.piece(end, end + 12)
    if not lexicon.participle_tail.match(tail):
        return False
    if re.search(r"(?:" + lexicon.people + r")\s+$", head, re.IGNORECASE):
        return True
    return any(
        m.entry.plural and 0 <= start - m.end <= 2
        for m in sentence.mentions
        if m.kind.value in ("demonym", "region_people")
    )


def _is_prison(sentence: Sentence, code: str) -> bool:
    return any(m.code == code and m.entry.facility_type == "prison" for m in sentence.facilities)


def _onward_origin(context: _ClauseContext, position: int, destinations: list[Ref]) -> str | None:
    """The third country people are moved on from, when this is an onward move."""
    document, sentence = context.document, context.sentence
    targets = {d.code for d in destinations}
    sender = document.sender
    for ref in sentence.refs_in(context.clause.start, context.clause.end):
        if ref.code in targets or ref.code == sender:
            continue
        if ref.code in document.established and ref.start < position:
            return ref.code
    for mention in sentence.facilities:
        if mention.code and mention.code not in targets and mention.code in document.established:
            return mention.code
    if context.lexicon.onward.search(context.text):
        for code in reversed(document.focus):
            if code in document.established and code not in targets and code != sender:
                return code
            break
    return None


def _third_country_transfer(context: _ClauseContext, destination: str) -> bool:
    """Not an ordinary deportation of a country's own nationals."""
    lexicon, sentence, document = context.lexicon, context.sentence, context.document
    if lexicon.own_nationals.search(context.text):
        return False
    nationalities = set(sentence.nationalities)
    if nationalities:
        return bool(nationalities - {destination}) or False
    return document.third_country or destination in document.established


# --- roles -----------------------------------------------------------------------------------


def _roles(context: _ClauseContext) -> None:
    for role, pattern in context.lexicon.roles.items():
        for start, end, _match in context.cues(pattern):
            if context.negated(start, end) or context.modal(start, end):
                continue
            sender = context.sender()
            # Without any state named, a role hangs on the state in focus.
            focus = not context.sentence.refs
            for receiver in context.receivers(focus=focus):
                context.candidate(ClaimKind.ROLE, sender, receiver, value=role.value)


# --- capacity, money, instruments ---------------------------------------------------------


def _capacity(context: _ClauseContext) -> None:
    lexicon = context.lexicon
    for pattern in (lexicon.capacity, lexicon.capacity_units):
        for start, end, match in context.cues(pattern):
            if context.negated(start, end):
                continue
            raw = next((g for g in (match.groupdict().get(k) for k in "nmk") if g), None)
            value = lexicon.numbers.parse(raw) if raw else None
            if value is None or value != value.to_integral_value() or value <= 0:
                continue
            sender = context.sender()
            for receiver in context.receivers(focus=True):
                context.candidate(ClaimKind.CAPACITY, sender, receiver, count=int(value))


def _compensation(context: _ClauseContext) -> None:
    lexicon = context.lexicon
    payments = list(context.cues(lexicon.payment))
    costs = list(context.cues(lexicon.costs))
    if not payments and not costs:
        return
    first = min(s for s, _e, _m in payments + costs)
    if any(context.negated(s, e) for s, e, _m in payments + costs) or (
        context.party_not_a_state(first)
    ):
        return
    sender = context.sender()
    money = None
    if payments and not lexicon.aggregate.search(context.text):
        money = _money(context)
    for receiver in context.receivers(focus=True):
        if money is not None:
            amount, currency = money
            context.candidate(
                ClaimKind.COMPENSATION, sender, receiver, amount=amount, currency=currency
            )
        else:
            context.candidate(ClaimKind.COMPENSATION, sender, receiver, penalty=0.1)


def _money(context: _ClauseContext) -> tuple[Decimal, str] | None:
    lexicon = context.lexicon
    for match in lexicon.money.finditer(context.text):
        groups = match.groupdict()
        raw = groups.get("amount") or groups.get("amount2")
        symbol = (groups.get("pre") or groups.get("post") or "").lower()
        symbol = re.sub(r"\s+", " ", symbol)
        currency = lexicon.currencies.get(symbol)
        if not raw or not currency:
            continue
        number = lexicon.numbers.parse(raw.rstrip(".,")) or parse_digits(raw.rstrip(".,"))
        if number is None:
            continue
        scale = (groups.get("scale") or groups.get("scale2") or "").lower()
        multiplier = lexicon.scales.get(re.sub(r"\s+", " ", scale), 1)
        return (number * multiplier).normalize(), currency
    return None


def _instruments(context: _ClauseContext) -> None:
    for instrument, pattern in context.lexicon.instruments.items():
        for start, end, _match in context.cues(pattern):
            if context.negated(start, end) or context.modal(start, end):
                continue
            sender = context.sender()
            for receiver in context.receivers(focus=True):
                context.candidate(ClaimKind.INSTRUMENT, sender, receiver, value=instrument.value)


# --- facilities and concerns -------------------------------------------------------------------


def _facilities(document: Document, sentence: Sentence, about_migration: bool) -> None:
    if not about_migration:
        return
    for mention in sentence.facilities:
        if not mention.code or not mention.entry.facility:
            continue
        ref = _facility_ref(mention)
        document.add(
            Candidate(
                kind=ClaimKind.FACILITY,
                sender=None,
                receiver=ref.code,
                start=sentence.start,
                end=sentence.end,
                extractor=sentence.rules.extractor,
                confidence=_BASE[ClaimKind.FACILITY],
                facility=mention.entry.facility,
            )
        )


def _concerns(document: Document, sentence: Sentence) -> None:
    lexicon = sentence.lexicon
    if not lexicon.concern_subject.search(sentence.text) and not sentence.facilities:
        return
    for concern, pattern in lexicon.concerns.items():
        match = pattern.search(sentence.text)
        if match is None:
            continue
        receivers = [
            r.code
            for r in sentence.refs
            if r.slot is Slot.RECEIVER and r.code != document.sender
        ]
        receivers += [m.code for m in sentence.facilities if m.code]
        if not receivers and document.focus:
            receivers = [document.focus[-1]]
        for code in dict.fromkeys(receivers):
            facility = next(
                (m.entry.facility for m in sentence.facilities if m.code == code), None
            )
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
