"""What a language gives the extraction engine: its cues as regular expressions.

A language's rules module (``extract/rules/en.py``, ``es.py`` …) builds one
:class:`Lexicon`; the engine (``extract/engine.py``) does the rest the same way for every
language. Patterns are compiled case-insensitively unless noted. Patterns named ``*_before``
are matched against the text just before a country mention and should end with ``$``;
``*_after`` patterns are matched at the start of the text just after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cached_property

from thirdcountry.domain.vocabulary import Concern, Instrument, Role, Status
from thirdcountry.extract.dates import DateWords
from thirdcountry.extract.literals import LiteralIndex
from thirdcountry.extract.numbers import NumberWords
from thirdcountry.extract.starts import guarded


def words(*items: str) -> str:
    """An alternation of literal words and phrases, longest first, as a non-capturing group.

    A phrase may carry its own regex syntax after a ``~`` prefix (``"~agree(?:s|d)?"``).
    """
    parts: list[str] = []
    for item in sorted(set(items), key=len, reverse=True):
        parts.append(item[1:] if item.startswith("~") else re.escape(item).replace(r"\ ", r"\s+"))
    return "(?:" + "|".join(parts) + ")"


def rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    # Behind a test of its first characters: the same matches, found sooner (``starts.py``).
    return guarded(re.compile(pattern, flags))


def at_end(pattern: str) -> re.Pattern[str]:
    """Words that must end the text before a figure ("more than ", "al menos los ")."""
    return re.compile(rf"\b(?:{pattern})\s+(?:a\s+|the\s+|los\s+|las\s+)?$", re.IGNORECASE)


_NAMED_DEAL = re.compile(
    r"\b[A-Z][\w-]+\s+(?:deal|scheme|agreement|pact|plan|policy|bill)\b|"
    r"\b(?:acuerdo|pacto|plan|ley\s+(?:de|sobre))\s+(?:con\s+)?[A-Z][\w-]+\b"
)


@dataclass(frozen=True)
class Lexicon:
    """Every cue the engine looks for, for one language."""

    # --- the language -------------------------------------------------------------------
    stopwords: frozenset[str]  # frequent words, to tell the language of a paragraph
    numbers: NumberWords
    dates: DateWords
    # The topic, as the stems and phrases a text must hold one of to state any claim
    # ("deport", "asylum", "third country"); a space in a phrase stands for any whitespace.
    # ``relevance`` is built from them, and the scan's byte prefilter spells them on bytes,
    # so both always agree.
    topic: tuple[str, ...]
    third_country: re.Pattern[str]  # "third country", "of other nationalities" …
    # --- sentence structure ---------------------------------------------------------------
    # Where a clause ends; group "rel" marks a relative clause, group "cut" the break when the
    # match also holds the words that announce it.
    clause_break: re.Pattern[str]
    list_joiner: re.Pattern[str]  # fullmatch on the gap between two list items
    # --- what a mention of a state is doing -------------------------------------------------
    geo_before: re.Pattern[str]  # "sharing borders with ", "independence from "
    nationality_before: re.Pattern[str]  # "nationals of ", "migrants from "
    sender_before: re.Pattern[str]  # "deported from the ", "at the request of "
    sender_after: re.Pattern[str]  # "'s request", " deported"
    partner_before: re.Pattern[str]  # "negotiate with the ", "agreement with ": a sending
    # state when the state is one known to send, else simply the other party
    actor_before: re.Pattern[str]  # "el Gobierno de ", "el presidente " (demonym after)
    actor_after: re.Pattern[str]  # " officials", "'s government", " authorities"
    people_before: re.Pattern[str]  # "migrantes " (Spanish demonym after the noun)
    people_after: re.Pattern[str]  # " migrants", " nationals" (English demonym before)
    anaphora: re.Pattern[str]  # "the Balkan nation": group "adj" may name a region
    plural_anaphora: re.Pattern[str]  # "all five countries": group "n"
    # --- people and numbers --------------------------------------------------------------
    people: str  # regex source: nouns for people moved ("migrants", "deportados")
    of_them: re.Pattern[str]  # "{n} of them": group "n"
    bare_count: re.Pattern[str]  # a count with its noun left out: "los 299 que llegaron"
    lower_bound: re.Pattern[str]  # just before a number: "more than", "más de" (not a count)
    # --- polarity --------------------------------------------------------------------------
    negation: re.Pattern[str]
    modality: re.Pattern[str]  # could, may, plans to, podría …
    hypothetical: re.Pattern[str]  # if, imagine, whether, si … (the whole clause is unreal)
    own_nationals: re.Pattern[str]  # "its own citizens", "sus connacionales"
    home_destination: re.Pattern[str]  # "their countries of origin" after a send verb
    speech: re.Pattern[str]  # just before a date: "said on Friday" dates the telling, not the act
    present: re.Pattern[str]  # present or perfect tense of the cue ("has agreed", "acepta")
    future: re.Pattern[str]  # just before a cue: "will be", "serán" (a move not yet made)
    # --- frames -------------------------------------------------------------------------------
    migration: re.Pattern[str]  # the sentence is about moving people
    status: dict[Status, re.Pattern[str]]
    first_receiver: re.Pattern[str]  # "the first country to accept": implemented
    # A court rules the plan or the move unlawful ("ruled that sending them to Rwanda is
    # unlawful", "declaró ilegal la expulsión a Ruanda"): suspended, deal word or not.
    ruled_unlawful: re.Pattern[str]
    denial: re.Pattern[str]  # "denied", "negó"
    denial_object: re.Pattern[str]  # what is denied must be a deal: "agreement", "acuerdo"
    negated_deal: re.Pattern[str]  # "had not reached any deal", "no existe ningún acuerdo"
    roles: dict[Role, re.Pattern[str]]
    transfer: re.Pattern[str]  # people moved: "deported … to", "llegaron a"
    arrival: re.Pattern[str]  # "landed", "llegaron": a move whose destination may go unsaid
    receive: re.Pattern[str]  # "received", "recibió": the receiving state is the subject
    deal_reference: re.Pattern[str]  # "that plan", "el acuerdo": the deal already in view
    pronoun_subject: re.Pattern[str]  # "they", "the men", "ellos": people already counted
    pronoun_object: re.Pattern[str]  # "received them", "los recibió": people already counted
    internal_move: re.Pattern[str]  # "by bus": a move inside the receiving country
    per_person: re.Pattern[str]  # "each of the men", "por persona": money to people, not states
    participle_tail: re.Pattern[str]  # after a send verb: "by", "from", "por", "desde"
    onward: re.Pattern[str]  # "of them", "later", "posteriormente": a move out of a third country
    capacity: re.Pattern[str]  # "up to {n}": group "n"
    capacity_units: re.Pattern[str]  # "{n} prison cells", "{n} refugees a year": group "n"
    payment: re.Pattern[str]  # paid, grant, in exchange, pagará: money changes hands
    money_context: re.Pattern[str]  # worth, provide, recibirá: a payment only with a figure
    costs: re.Pattern[str]  # "will cover the costs": payment without a figure
    money: re.Pattern[str]  # groups "pre" (symbol/code), "amount", "scale", "post" (word)
    aggregate: re.Pattern[str]  # "in total", "the total cost": not a payment to one state
    currencies: dict[str, str]  # lower-case symbol, code or word → ISO 4217
    scales: dict[str, int]  # lower-case "million", "m", "millones" → multiplier
    instruments: dict[Instrument, re.Pattern[str]]
    concerns: dict[Concern, re.Pattern[str]]
    concern_subject: re.Pattern[str]  # the people harmed: deportees, detainees, "the men"
    extra_people: tuple[str, ...] = field(default_factory=tuple)
    # Just before a state: "a flight carrying 15 people from the " — the flight's origin when
    # the state is one known to send people, else the people's nationality.
    carried_from: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!x)x"))
    # People going back to their own countries: "have since left for their home countries",
    # "regresaron a sus países" (out of a third country, an onward move).
    home_return: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!x)x"))
    # The people moved hold no citizenship of the state they came from: "who were stripped
    # of their citizenship", "despojados de su nacionalidad". Sent there, they are sent to a
    # third country, not home.
    stateless: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!x)x"))
    # A span of time a figure adds up over: "between January and June", "since July",
    # "en lo que va de año". A move counted over it is a total, not one transfer.
    period: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!x)x"))
    # A total's figure: "more than", "al menos" (at least) and "about", "unos" (about), as
    # the end of the text before it; "so far this year", "en lo que va del año" in a period.
    at_least: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!x)x"))
    about: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!x)x"))
    this_year: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!x)x"))
    # After a state, words that make it a place, not a party: "'s neighbour", "-Mexico border".
    geo_after: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!x)x"))
    # Words the relevance pattern matches that are not the topic: Spanish sport ("deportes",
    # in every Spanish site's menu). Extraction still reads them; the scan's byte prefilter
    # does not take them as the topic, or it would parse nearly every page of the language.
    # A word ending "-" is a stem ("deportiv-": deportivo, deportiva…), the others whole words.
    not_topic: tuple[str, ...] = ()

    @cached_property
    def relevance(self) -> re.Pattern[str]:
        """The topic: deportation, migrants, asylum … (see ``topic``)."""
        return rx(words(*self.topic))

    @cached_property
    def count_pattern(self) -> re.Pattern[str]:
        """A number of people: "238 immigrants", "five men", "seven vetted migrants".

        Words in between are adjectives, never another number or "of": "two of the nine
        people" counts nine. Plural demonyms ("13 Nigerians") are found through the gazetteer.
        """
        number = self.numbers.pattern
        # A quoted label counts too: five "criminal illegal aliens", cinco «delincuentes».
        quote = '["“«]?'
        between = rf"(?:\s+{quote}(?!(?:of|de|del|las|los|the)\b)(?!{number})[\w'’-]+){{0,3}}?"
        link = rf"(?:{self.numbers.link})?" if self.numbers.link else ""
        return rx(rf"(?P<n>{number}){link}{between}\s+{quote}(?:{self.people})\b")

    @cached_property
    def any_cue(self) -> re.Pattern[str]:
        """All frame cues in one pattern: a first test for a sentence."""
        return re.compile("|".join(f"(?:{s})" for s in self._cue_sources()), re.IGNORECASE)

    def _cue_sources(self) -> list[str]:
        return [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in self.cue_alternatives()]

    @cached_property
    def _cue_parts(self) -> tuple[re.Pattern[str], ...]:
        """The alternatives of ``any_cue``, each compiled alone, as ``any_cue`` reads them."""
        return tuple(re.compile(source, re.IGNORECASE) for source in self._cue_sources())

    @cached_property
    def literals(self) -> LiteralIndex:
        """The words that the lexicon's patterns (every field, the count pattern, the date
        test, the parts of ``any_cue``, the date templates) cannot match without (see
        ``literals.py``)."""
        patterns: list[re.Pattern[str]] = []
        for item in fields(self):
            value = getattr(self, item.name)
            values = value.values() if isinstance(value, dict) else (value,)
            patterns += [v for v in values if isinstance(v, re.Pattern)]
        dates = [pattern for pattern, _shape in self.dates.compiled]
        derived = (self.relevance, self.count_pattern, self.any_date, *self._cue_parts)
        return LiteralIndex([*patterns, *derived, *dates])

    def has_cue(self, text: str, start: int, end: int, present: frozenset[str]) -> bool:
        """``any_cue.search(text, start, end)``, running only the alternatives whose words
        are ``present`` in ``text[start:end]``: a match of the alternation is a match of one
        of its alternatives at the same place, so the answer is the same."""
        covered = self.literals.covered(present)
        for part, mask in self._gated_cue_parts:
            # The literal test inlined: it runs for every part of every sentence.
            if covered & mask == mask and part.search(text, start, end):
                return True
        return False

    @cached_property
    def _gated_cue_parts(self) -> tuple[tuple[re.Pattern[str], int], ...]:
        """Each part of ``any_cue`` with the mask of what it cannot match without."""
        masks = self.literals.masks
        return tuple((part, masks.get(id(part), 0)) for part in self._cue_parts)

    @cached_property
    def any_date(self) -> re.Pattern[str]:
        """Digits or a month, weekday or relative-date word: a date may be there."""
        names = [*self.dates.months, *self.dates.weekdays]
        alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return rx(
            rf"\d|\b(?:{alternation})\b|\b(?:ago|today|yesterday|last|this|hoy|ayer|"
            rf"pasad[oa]|este|esta|hace)\b"
        )

    def cue_alternatives(self) -> Iterable[re.Pattern[str]]:
        """Every frame pattern: a sentence matching none of them yields no claim."""
        yield from self.status.values()
        yield from self.roles.values()
        yield from self.instruments.values()
        yield from self.concerns.values()
        yield from (
            # A deal named after its receiver ("the Rwanda scheme") is a status cue of its own.
            _NAMED_DEAL,
            self.first_receiver,
            self.ruled_unlawful,
            self.denial,
            self.negated_deal,
            self.transfer,
            self.home_return,
            self.capacity,
            self.capacity_units,
            self.payment,
            self.money_context,
            self.costs,
        )
