"""English rules: the cues of English-language reporting on third-country arrangements."""

from __future__ import annotations

import re
from collections.abc import Iterator

from thirdcountry.domain.vocabulary import Concern, Instrument, Role, Status
from thirdcountry.extract.dates import DateWords, Shape
from thirdcountry.extract.lexicon import Lexicon, at_end, rx, words
from thirdcountry.extract.numbers import NumberWords
from thirdcountry.extract.rules import LanguageRules, register

VERSION = "1.0"

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
NUMBERS = NumberWords(
    units=_UNITS,
    hundreds={"hundred": 100},
    scales={"dozen": 12, "thousand": 1000, "million": 10**6, "billion": 10**9},
    joiners=frozenset({"and"}),
    fixed={"a dozen": 12, "half a dozen": 6, "a single": 1},
)

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted((m for m in _MONTHS if len(m) > 3), key=len, reverse=True))
# In a period ("between February and May") the short month names cannot be verbs.
_PERIOD_MONTHS = _MONTH_NAMES + "|may"
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
DATES = DateWords(
    months=_MONTHS,
    weekdays=_WEEKDAYS,
    numbers={k: v for k, v in _UNITS.items() if v <= 12},
    templates=(
        (r"\b\d{4}-\d{2}-\d{2}\b", Shape.ISO),
        (r"\bbetween\s+{month}\s+{day}\s+and\s+(?:{month2}\s+)?{day2}\b", Shape.RANGE),
        (
            r"\bfrom\s+{month}\s+{day}\s+(?:to|through|until)\s+(?:{month2}\s+)?{day2}\b",
            Shape.RANGE,
        ),
        (
            # "on July 16 this year": the day, in the year of publication.
            r"\b{month}\s+{day}(?:,?\s+{year}|\s+(?:of\s+)?this\s+year)?\b"
            r"(?!\s*(?:%|percent|people|men|migrants))",
            Shape.DATE,
        ),
        (r"\b{day}\s+{month}(?:,?\s+{year})?\b", Shape.DATE),
        (r"\b(?:the\s+)?{day}\s+of\s+{month}(?:,?\s+{year})?\b", Shape.DATE),
        (r"\b{month}\s+(?:of\s+)?this\s+year\b", Shape.THIS_YEAR_MONTH),
        (
            r"\b(?:in|since|during|by|until|from|of|early|mid|late|mid-|end\s+of)\s*-?\s*"
            r"(?:the\s+end\s+of\s+)?{month}(?:,?\s+(?:of\s+)?{year})?\b",
            Shape.MONTH,
        ),
        (r"\b{month}\s+{year}\b", Shape.MONTH),
        (r"\b(?:in|since|during|by|of|early|late|until)\s+{year}\b", Shape.YEAR),
        (r"\blast\s+{weekday}\b", Shape.PAST_WEEKDAY),
        (
            r"\b(?:on\s+|late\s+|early\s+|this\s+)?{weekday}(?:\s+(?:night|morning|evening))?\b",
            Shape.WEEKDAY,
        ),
        (r"\btoday\b", Shape.TODAY),
        (r"\byesterday\b", Shape.YESTERDAY),
        (r"\b(?:earlier\s+)?this\s+week\b", Shape.THIS_WEEK),
        (r"\blast\s+week\b", Shape.LAST_WEEK),
        (r"\b(?:earlier\s+)?this\s+month\b", Shape.THIS_MONTH),
        (r"\blast\s+month\b", Shape.LAST_MONTH),
        (r"\b(?:earlier\s+)?this\s+year\b", Shape.THIS_YEAR),
        (r"\blast\s+year\b", Shape.LAST_YEAR),
        (r"\b{n}\s+days?\s+ago\b", Shape.DAYS_AGO),
        (r"\b{n}\s+weeks?\s+ago\b", Shape.WEEKS_AGO),
        (r"\b{n}\s+months?\s+ago\b", Shape.MONTHS_AGO),
    ),
)

PEOPLE = words(
    "migrants",
    "migrant",
    "immigrants",
    "immigrant",
    "deportees",
    "deportee",
    "people",
    "persons",
    "person",
    "individuals",
    "men",
    "man",
    "women",
    "woman",
    "children",
    "minors",
    "families",
    "asylum seekers",
    "asylum-seekers",
    "asylum seeker",
    "refugees",
    "refugee",
    "detainees",
    "detainee",
    "prisoners",
    "prisoner",
    "inmates",
    "convicts",
    "criminals",
    "aliens",
    "offenders",
    "nationals",
    "national",
    "citizens",
    "foreigners",
    "non-citizens",
    "returnees",
    "passengers",
    "members",
    "deported",
    "third-country nationals",
    "foreign nationals",
    "foreign criminals",
    "gang members",
    "adults",
)
_GOVERNMENT_NOUNS = words(
    "officials",
    "official",
    "government",
    "authorities",
    "president",
    "prime minister",
    "foreign ministry",
    "foreign minister",
    "ministry",
    "minister",
    "presidency",
    "embassy",
    "spokesperson",
    "spokeswoman",
    "spokesman",
    "police",
    "migration director",
    "migration institute",
    "Migration Institute",
    "state minister",
    "cabinet",
    "parliament",
    "lawmakers",
    "senators",
    "administration",
    "leaders",
    "leader",
    "diplomats",
    "navy",
    "security ministry",
    "interior ministry",
    "immigration minister",
    "justice minister",
    # A state's courts act for it: "a British court ruled …".
    "court",
    "courts",
    "judges",
)
_SEND = (
    "~deport(?:ed|s|ing)?",
    "~expel(?:led|s|ling)?",
    "~remov(?:ed|es|ing)",
    "~sen(?:t|ds|ding)",
    "~fl(?:ew|own|ies|ying)",
    "~transferr(?:ed|ing)",
    "~transfers?",
    "~return(?:ed|s|ing)",
    "~ship(?:ped|s)",
    "~push(?:ed|es)",
    "~forc(?:ed|es)",
    "~put\\s+on\\s+a\\s+(?:plane|flight)",
    "~tak(?:en|es)",
    "~took",
    "~driv(?:en|es)",
    "~drove",
    "~moved",
    "~bus(?:s)?ed",
    "~handed\\s+over",
    "~repatriated",
    "deportation flights",
    "deportation flight",
)
SEND = words(*_SEND)
_SEND_PAST = words(
    "~deported",
    "~expelled",
    "~removed",
    "~sent",
    "~flown",
    "~flew",
    "~transferred",
    "~returned",
    "~shipped",
    "~pushed",
    "~taken",
    "~took",
    "~driven",
    "~drove",
    "~moved",
    "~bus(?:s)?ed",
    "~repatriated",
    "~handed\\s+(?:over\\s+)?to",
    "~put\\s+(?:[\\w-]+\\s+){0,3}?on\\s+(?:a\\s+|the\\s+)?(?:\\w+\\s+)?(?:plane|flight)",
)
_ACCEPT = r"(?:accept|receive|take(?:\s+in)?|host|admit|resettle|hold|house|welcome|keep)"


def demonym_forms(base: str) -> Iterator[tuple[str, bool]]:
    """An English demonym and its plural: Venezuelan → Venezuelans; Chinese stays Chinese."""
    yield base, False
    if base.endswith(("ese", "ss", "sh", "ch", "Swiss")) or base in ("Burkinabe", "Burkinabè"):
        yield base, True  # "238 Chinese" reads as people
        return
    yield base + "s", True


# "Kosovo has started accepting migrants deported from the United States": people are
# being taken in.
_STARTED_RECEIVING = (
    r"\b(?:has|have|had)\s+(?:started|begun)\s+(?:accepting|receiving|taking\s+in|"
    r"to\s+(?:accept|receive|take\s+in))\b|"
    r"\b(?:started|began)\s+(?:accepting|receiving|taking\s+in)\b"
)

# Words of a time phrase between a verb and where it goes: "on Thursday night".
_WHEN_GAP = (
    r"(?:(?:on|last|this|late|early|overnight|the|same|day|night|week|weekend|morning|"
    r"evening|afternoon|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+){0,4}?"
)

LEXICON = Lexicon(
    stopwords=frozenset(
        re.findall(
            r"\w+",
            "the of and to in a is that for on with as was by it at from his has have are "
            "were be this which or an they their said its not but been who had will would "
            "after also than more about into over there ",
        )
    ),
    numbers=NUMBERS,
    dates=DATES,
    topic=(
        "deport",
        "migrant",
        "immigra",
        "asylum",
        "refugee",
        "third country",
        "third-country",
        "expel",
        "expuls",
        "removal",
        "detainee",
        "detention",
        # Cells rented abroad for foreign convicts due for expulsion (Denmark in Kosovo).
        "prison cells",
    ),
    third_country=rx(
        r"third[- ]country|third countries|\"third\" countries|other nationalities|"
        r"not (?:its|their) (?:own )?(?:citizens|nationals)|countries other than their own|"
        r"originating from other countries|who are not (?:its|their) (?:own )?citizens|"
        r"non-?citizen|from other countries|not their own|no(?:t|n)-[A-Z][a-z]+ns?\b|"
        r"are not [A-Z][a-z]+(?:n|ese|i)\b|safe third|of other countries"
    ),
    clause_break=rx(
        r";|\s[—–]\s|(?<=[a-z]{3})\.\s+(?-i:(?=[a-z]))|:\s+(?-i:(?=[A-Z]))|,\s+and\s+that\b|"
        r",\s+(?:(?P<rel>which|who|whom|where|whose)\b|(?=(?:but|while|whereas|although|"
        r"though|saying|adding|according|even though|despite|after|before|since|as well as)\b))|"
        # A concession put first ends at its comma: "although X has deals with others, Y …".
        r"\b(?:although|though|even\s+though|whereas)\s[^,;.:]{1,160}?(?P<cut>,\s+)|"
        r"\s+(?=(?:but|whereas|although|while)\s)"
    ),
    list_joiner=rx(
        r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|as well as|plus)\s+|\s*&\s*)"
        r"(?:(?:to some extent|also|even|possibly|later|most recently)\s+)?(?:the\s+)?",
    ),
    geo_before=rx(
        r"(?:borders?(?:ing)?(?:\s+with)?|bordered\s+by|neighbou?r(?:ing|s)?(?:\s+of)?|"
        r"recogni[sz](?:e|es|ed|ing)|recognition\s+(?:of|by)|independence\s+from|located\s+in|"
        r"off\s+the\s+coast\s+of|coast\s+of|sharing\s+borders?\s+with|"
        r"(?:miles|kilometres|kilometers|km)\s+(?:\w+\s+)?of|"
        r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
        r"surrounded\s+by|part\s+of|region\s+of|dispute\s+with|"
        r"relations\s+with|war\s+with|tensions?\s+with|diplomatic\s+\w+\s+with|"
        r"visit(?:ed|ing|s)?|travel(?:led|ed)?\s+to|trip\s+to|tour\s+of|(?:went|go(?:ing)?)\s+to|"
        r"guant[aá]namo(?:\s+bay)?,?(?:\s+in)?)"
        r"\s+(?:the\s+)?$"
    ),
    geo_after=rx(
        r"^(?:[-–]\w+(?:\s+\w+)?\s+|\s+)border\b|^['’]s?\s+(?:[\w-]+\s+){0,2}?"
        r"(?:neighbou?rs?|borders?|coast)\b"
    ),
    nationality_before=rx(
        r"(?:nationals?\s+of|citizens?\s+of|natives?\s+of|(?:come|comes|came|coming|are|were|"
        r"is|was|hail(?:ing|s)?|originally|originating)\s+from|" + PEOPLE + r",?\s+from|"
        r"from\s+countries\s+(?:including|such\s+as|like)|"
        # "from nine African countries: Angola, Kenya …".
        r"from\s+(?:[\w-]+\s+){0,3}?(?:countries|nations):|"
        r"born\s+in|of\s+(?:\w+\s+)?nationality|"
        r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+from|"
        r"(?:evacuated|fled|fleeing|escaped|rescued|smuggled)\s+(?:\w+\s+)?from|"
        # Where people came from, not where they went: "another arrived from the Gambia".
        r"arriv(?:ed|es|ing|e)\s+from)"
        r"\s+(?:the\s+)?$"
    ),
    sender_before=rx(
        r"(?:deport\w*|expell?\w*|remov\w*|sent|send\w*|fl(?:own|ew|ights?)|transferr\w*|"
        r"return\w*|shipp?\w*|removals?)\s+(?:\w+\s+){0,2}?(?:from|by)\s+(?:the\s+)?$|"
        r"(?:request|behest|pressure|demand|urging|insistence)\s+(?:of|from)\s+(?:the\s+)?$"
    ),
    partner_before=rx(
        r"(?:negotiat\w*|talks|discussions|agreement|agreed|deal|accord|pact|signed|"
        r"memorandum|cooperat\w*|partnership|arrangement|contract|engagement|friendship)\s+"
        r"(?:[\w-]+\s+){0,3}?with\s+(?:the\s+)?$"
    ),
    sender_after=rx(
        r"^(?:['’]s?\s+(?:request|push|plan|deportation|campaign|policy|offer|proposal)|"
        # The state renting prison places elsewhere sends the prisoners: "Denmark is to rent",
        # "Norway and Belgium have previously rented".
        r"\s+(?:(?:is|are)\s+to\s+|(?:has|have|had)\s+(?:previously\s+|already\s+|also\s+)?)?"
        r"(?:rent|leas)(?:s|ed|ing|es|e)?\b|"
        r"\s+(?:has\s+|had\s+|have\s+)?(?:"
        # A verb makes the state the one sending; a noun after it ("the Rwanda deportation
        # deal", "the Rwanda plan") names the deal by its receiving state.
        r"deport(?!ations?\b|ees?\b)|expel|sen[dt]|"
        r"fl(?:ew|ies|y)|transferr|ship|pa(?:id|ys?)|asked|request|want|plan(?:s|ned|ning)?\s+to|"
        r"sought|seek|press|urg|approach)\w*)"
    ),
    actor_before=rx(r"(?!x)x$"),
    actor_after=rx(r"^['’]?s?\s+(?:\w+\s+)?" + _GOVERNMENT_NOUNS + r"\b"),
    people_before=rx(r"(?!x)x$"),
    people_after=rx(r"^(?:\s+[\w-]+)?\s+" + PEOPLE + r"\b"),
    anaphora=rx(
        r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:small|young|tiny|poor|impoverished|landlocked|oil-rich|"
        r"war-torn|mountainous)\s+)*(?:(?P<adj>Balkan|Central American|South American|"
        r"Latin American|Caribbean|African|West African|East African|southern African|"
        r"North African|Central African|Asian|Central Asian|European|Pacific|island|"
        r"Middle Eastern)\s+)?(?:country|nation|kingdom|republic|monarchy)\b(?!\s+of\b)",
        0,
    ),
    plural_anaphora=rx(
        r"\b(?:all|the|both|those|these)\s+(?:of\s+the\s+)?(?P<n>two|three|four|five|six|seven|"
        r"eight|nine|ten|\d{1,2})\s+(?:countries|nations|governments|states)\b"
    ),
    people=PEOPLE,
    of_them=rx(
        r"(?P<n>" + NUMBERS.pattern + r")\s+of\s+(?:them|those|the\s+(?:\w+\s+)?"
        r"(?:men|deportees|migrants|people|group|nine|eight|seven|\d+))\b"
    ),
    bare_count=rx(
        r"\bthe\s+(?:first\s+)?(?P<n>" + NUMBERS.pattern + r")\s+(?=(?:deported|sent|flown|"
        r"who|were|had|arrived|landed|expelled)\b)"
    ),
    lower_bound=rx(r"\b(?:more\s+than|over|upwards\s+of|in\s+excess\s+of)\s+$"),
    negation=rx(
        # Not who the people are: "most of whom are not from South Sudan" negates nothing.
        r"\b(?:not(?!\s+(?:originally\s+)?from\b)|n['’]t|never|no\s+longer|neither|nor|without|refus\w+|declin\w+|"
        r"rul(?:ed|es)\s+out|reluctant|unwilling|none|before\s+(?:any|a\s+single))\b|"
        r"\bno\s+(?!doubt)"
    ),
    modality=rx(
        r"\b(?:could|might|may|should|possibly|potentially|perhaps|plans?\s+to|planned\s+to|"
        r"planning\s+to|intends?\s+to|considering|consider|proposed|proposes|propose|weighing|"
        r"expected\s+to|likely\s+to|seeks?\s+to|sought\s+to|wants?\s+to|hopes?\s+to|"
        r"explor\w+|as\s+early\s+as|prepar\w+|mulling|whether|"
        # A guess is no report: "were likely sent to Togo", "probably flown to Ghana".
        r"(?:were|was|have|has|had)\s+(?:most\s+)?(?:likely|probably)|"
        r"(?:most\s+)?(?:likely|probably)\s+(?:been\s+)?(?=\w+ed\b)|"
        # A deal still being finished: "in the final stages of establishing an agreement".
        r"final\s+stages?\s+of|close\s+to\s+(?:reaching|signing|finali[sz]ing|sealing)|"
        r"on\s+the\s+verge\s+of|"
        r"scheduled\s+to|due\s+to\s+be|set\s+to\s+be)\b"
    ),
    hypothetical=rx(
        # "even if they are not its nationals" concedes; it does not make the clause unreal.
        r"(?<!even\s)\b(?:if|unless|imagine|suppose|what\s+if|in\s+principle|in\s+theory|"
        r"hypothetical\w*)\b|\?"
    ),
    own_nationals=rx(
        r"(?<!not\s)(?<!are\s)\b(?:its|their|his|her)\s+own\s+(?:citizens|nationals|people|country|countries)|"
        r"\bown\s+nationals\b|\breadmission\b|\bfellow\s+citizens\b|\btheir\s+compatriots\b|"
        r"\bnationals\s+returned\s+to\s+their\s+own|"
        # "deported to his native El Salvador", "their native country": their own country.
        r"\b(?:his|her|their)\s+native\s+(?=[A-Z]|country\b|countries\b|land\b)"
    ),
    home_destination=rx(
        r"\b(?:their|his|her)\s+(?:own\s+)?(?:home\s+)?(?:countries|country|nations?|homelands?)"
        r"(?:\s+of\s+origin)?\b|\bcountries\s+of\s+origin\b|\bhome\b"
    ),
    speech=rx(
        r"\b(?:said|says|told|announced|confirmed|stated|reported|added|declared|wrote|"
        r"posted|tweeted)\s+(?:\w+\s+){0,2}?$"
    ),
    present=rx(
        r"\b(?:has|have|is|are|will|agrees|accepts|signs|confirms|joins|joining|approves|"
        r"takes|receives|hosts|becomes|to)\b"
    ),
    future=rx(
        r"\b(?:will|would|shall|going\s+to|could|might|may|can|must)\s+(?:not\s+)?"
        r"(?:\w+\s+){0,2}?(?:be\s+|have\s+been\s+)?$|"
        # "to" before a name is a destination, not an infinitive: "deported from the US to
        # Ghana have been transferred to Togo".
        r"\bto\s+(?:not\s+)?(?:(?-i:[a-z])\w*\s+){0,2}?(?:be\s+|have\s+been\s+)?$|"
        # A bare "be" before the participle is never a move that happened: "prefers that
        # they be the ones transferred".
        r"\bbe\s+(?:the\s+(?:ones|first|last)\s+)?$"
        # "will be put on a plane and sent to Nauru": the future carries over "and".
        + r"|\b(?:will|would|shall)\s+be\s+\w+(?:\s+[\w-]+){0,4}?\s+and\s+$"
    ),
    migration=rx(
        PEOPLE + r"|\b(?:deport\w*|asylum|refuge\w*|migra\w*|removals?|third[- ]countr\w*|"
        r"expel\w*|expulsion\w*|flights?|transfers?|resettle\w*|protection|stopovers?|"
        r"[A-Z][a-z]+(?:ans|ians|ese|is)\b|"
        # Foreign convicts held abroad pending their expulsion: "to rent prison cells".
        r"foreign\s+(?:prisoners|convicts|inmates)|prison\s+cells)"
    ),
    status={
        Status.AGREED: rx(
            # A centre one state built or runs in another: "the centre built in Albania by
            # Italy to hold migrants", "Italy opened two centres in Albania".
            r"\bcent(?:re|er)s?\s+(?:[\w-]+\s+){0,2}?(?:built|opened|set\s+up|run|operated)\s+"
            r"(?:by\s+[\w.]+\s+)?in\b|"
            r"\b(?:built|opened|set\s+up)\s+(?:[\w-]+\s+){0,3}?cent(?:re|er)s?\s+(?:for\s+"
            r"[\w-]+\s+)?in\b|"
            # A choice made: "Mexico has opted to take in migrants of other nationalities".
            r"\b(?:opted|chose|chosen|opts|chooses|decided)\s+to\s+" + _ACCEPT + r"\b|"
            r"\b(?:agree[sd]?|agreeing)\s+(?:(?:on\s+)?\w+\s+)?(?:with\s+(?:the\s+)?[\w.]+(?:\s+[A-Z]\w+)?\s+)?"
            r"to\s+(?:temporarily\s+|only\s+)?(?:" + _ACCEPT + r"|act|serve|be|let|allow)|"
            r"\bagreed\s+to\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:deal|agreement|pact|"
            r"arrangement|accord)\b|"
            r"\b(?:signed|signs|sign|inked|struck|strikes|reached|sealed|concluded|clinched|"
            r"finali[sz]ed|approved|ratified|announced|entered(?:\s+into)?)\s+"
            r"(?:[\w\"“”'’$£€.,-]+\s+){0,4}?"
            r"(?:agreements?|deal|accord|pact|memorandum|mou|arrangement|treaty|declaration|"
            r"letter\s+of\s+intent|partnership)\b|"
            # Signed with the day and place between: "signed in Washington on Thursday the
            # so-called Safe Third Country Agreement".
            r"\b(?:signed|inked|sealed|ratified)\s+(?:[\w\"“”'’.,-]+\s+){5,9}?"
            r"(?:agreements?|accord|pact|memorandum|treaty)\b|"
            r"\b(?:agreement|deal|accord|pact|memorandum|arrangement)\s+(?:\w+\s+)?"
            r"(?:was\s+|were\s+|had\s+been\s+)?signed\b|"
            r"\bunder\s+(?:[\w'’-]+\s+){0,3}?(?:agreement|deal|accord|arrangement|memorandum)\b|"
            # "nine countries were accepting third-country deportations": a standing
            # acceptance of other states' people.
            r"\baccept(?:s|ed|ing)\s+(?:the\s+)?third[- ]country\s+(?:deportations|"
            r"deportees|removals)\b|"
            r"\b(?:accepted|accepts|agreed\s+to)\s+(?:the\s+|a\s+|their\s+|Washington['’]s\s+)?"
            r"(?:proposal|request|offer|deal|plan)\b|\b(?:has|have)\s+accepted\s+to\b|"
            r"\b(?:will|would|is\s+to|are\s+to|has\s+agreed\s+to|have\s+agreed\s+to|"
            r"committed\s+to|agreement\s+to|deal\s+to|willing\s+to|willingness\s+to)\s+"
            r"(?:once\s+again\s+|again\s+|\w+\s+)?(?:accept(?:ing)?|receiv(?:e|ing)|tak(?:e|ing)\s+in|host(?:ing)?|admit|"
            r"resettle|hold|house|serve\s+as|act\s+as)\b|"
            r"\bhave\s+agreed\b|\bhas\s+agreed\b|\bagreed\s+(?:with|on)\b|"
            r"\b(?:countries|nations)\s+that\s+have\s+(?:agreed|accepted)\b|"
            r"\bagrees?\s+to\s+accept\b|\bin\s+migration\s+agreements\b|"
            r"\b(?:(?:an|the|this|a)\s+)?(?:agreement|deal|arrangement|accord)\s+"
            r"(?:(?:that|which)\s+)?(?:\w+\s+){0,3}?(?:under\s+which|allow(?:s|ing)?|to\s+take|"
            r"to\s+accept|to\s+receive)\b|"
            # "similar agreements reached with Panama and Guatemala", "has a deal in place to
            # receive", "as part of a deal to", "under the terms of an agreement".
            r"\b(?:agreements?|deals?|accords?|pacts?)\s+(?:were\s+|was\s+)?(?:reached|struck|"
            r"signed|sealed|concluded)\s+with\b|"
            r"\b(?:has|have|had)\s+(?:already\s+)?(?:a|an)\s+(?:\w+\s+)?(?:deal|agreement|accord)\s+"
            r"in\s+place\b|"
            r"\b(?:as\s+part\s+of|under\s+the\s+terms\s+of)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?"
            r"(?:deal|agreement|accord|arrangement)\b|"
            r"\b(?:struck|signed|reached|sealed)\s+(?:\w+\s+){0,2}?(?:deals?|agreements?|accords?|"
            r"STCAs?)\s+with\b|"
            # "the deals that the administration has signed with …", "after signing a
            # memorandum", "the signing of an asylum agreement with Paraguay", "a previous
            # agreement with Paraguay".
            r"\b(?:agreements?|deals?|accords?|pacts?)\s+(?:that|which)\s+(?:[\w.’'-]+\s+){0,6}?"
            r"(?:has|have|had)\s+(?:signed|reached|struck|sealed|concluded)\b|"
            r"\b(?:after|since|following)\s+signing\s+(?:[\w\"“”'’$.,-]+\s+){0,4}?(?:agreements?|"
            r"deal|accord|pact|memorandum|mou)\b|"
            r"\bthe\s+signing\s+of\s+(?:[\w\"“”'’$.,-]+\s+){0,5}?(?:agreements?|deal|accord|pact|"
            r"memorandum|mou)\b|"
            r"\b(?:previous|earlier|existing|prior|similar|separate)\s+(?:[\w-]+\s+)?(?:agreements?|"
            r"deals?|accords?|pacts?)\s+with\b|"
            # A deal held: "the US has had such an agreement with Canada since 2002".
            r"\b(?:has|have)\s+(?:had\s+)?(?:such\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:deal|"
            r"agreement|accord|arrangement|pact)\s+with\b|"
            # A state renting another's prison places: "is to rent 300 prison cells from".
            r"\b(?:rent|rents|rented|renting|lease|leases|leased|leasing)\s+(?:[\w,.-]+\s+){0,3}?"
            r"(?:prison\s+cells|cells|prison\s+places|prison\s+spaces)\b"
        ),
        Status.IMPLEMENTED: rx(
            r"\b(?:has|have|had)\s+(?:already\s+)?(?:received|accepted|taken\s+in|hosted)\s+"
            r"(?:[\w-]+\s+){0,3}?(?:" + PEOPLE + r"|[A-Z][a-z]+(?:ans|ians|ese|is)|\d)|"
            r"\b(?:began|begun|started)\s+(?:receiving|accepting|taking)\b|"
            r"\balready\s+(?:accepts?|receives?|takes?|host(?:s|ed)?)\b|"
            r"\breceived\s+(?:three|two|several|\d+)\s+(?:\w+\s+){0,2}flights\b|"
            r"\b(?:received|took\s+in|accepted)\s+(?:" + NUMBERS.pattern + r")\b"
        ),
        Status.NEGOTIATING: rx(
            r"\bnegotiat\w*|\bin\s+talks\b|\btalks\s+(?:with|on|about)\b|\bin\s+discussions?\b|"
            r"\bdiscussions\s+with\b|\bproductive\s+talks\b|\bunder\s+negotiation\b|"
            r"\bexploring\b|\bconsidering\b|\bcontinue\s+to\s+negotiate\b|"
            # "weighing sending", "mulling the option of sending": as "considering".
            r"\b(?:weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?)\s+(?:the\s+(?:possibility|option|idea)\s+"
            r"of\s+)?(?:sending|deporting|transferring|accepting|receiving|hosting)\b"
        ),
        Status.REQUESTED: rx(
            r"\b(?:asked|asking|asks|pressed|pressing|pressured|pressuring|urged|urging|"
            r"approached|sought|seeking|requested|requesting|lobbied)\s+(?:\w+\s+){0,6}?to\s+"
            r"(?:accept|receive|take|host|admit)\b|"
            # "mounting pressure on African countries to accept": asked, with weight behind it.
            r"\bpressure\s+on\s+(?:[\w.’'-]+\s+){1,4}?to\s+(?:accept|receive|take|host|admit)\b|\bplann?(?:ed|ing|s)?\s+to\s+(?:send|deport|"
            r"fly|remove)\b|\b(?:could|would|will)\s+(?:fly|send|deport)\b"
        ),
        Status.REFUSED: rx(
            r"\b(?:rejected|refused|declined|rebuffed|turned\s+down|has\s+rejected)\s+(?:\w+\s+){0,3}?"
            r"(?:request|proposal|pressure|offer|demand|plan|deal|call)s?\b|"
            r"\b(?:refused|refuses|refusing|declined|declines)\s+to\s+(?:accept|receive|take|host)\b|"
            r"\b(?:cannot|can['’]t|will\s+not|won['’]t|would\s+not)\s+(?:accept|take|receive|host)"
            r"\b(?!\s+(?:\w+\s+)?(?:anyone|people|persons|those|individuals|unaccompanied|"
            r"criminals)\b)|\bsaid\s+no\b|\bruled\s+out\s+(?:hosting|accepting|taking)\b|"
            r"\brules\s+out\s+(?:hosting|accepting|taking)\b|"
            # Refusal as a noun: "its rejection of any deal allowing deportations to …".
            r"\b(?:rejection|refusal)\s+(?:of|to)\s+(?:[\w'’-]+\s+){0,8}?(?:deportations?|"
            r"agreements?|deals?|plans?|requests?|proposals?|transfers?)\b|"
            # Unable to take them: "may not be able to accept", "it will be difficult for
            # Nigeria to accept".
            r"\b(?:not\s+be\s+able|unable|not\s+in\s+a\s+position)\s+to\s+(?:accept|take\s+in|"
            r"receive|host)\b|"
            r"\b(?:difficult|impossible)\s+for\s+(?:[\w.’'-]+\s+){1,3}?to\s+(?:accept|take\s+in|"
            r"receive|host)\b"
        ),
        Status.SUSPENDED: rx(
            r"\b(?:suspend(?:ed|s)?|paus(?:ed|es)|halt(?:ed|s)|froze|frozen|blocked|stalled)\b"
        ),
        Status.ENDED: rx(
            # A cancelled visa is a person's, not a deal's: "whose visas were cancelled".
            r"\b(?:scrapp(?:ed|ing)|scraps|ended|terminat(?:ed|ing)|annull?ed|revoked|rescinded|"
            r"(?<!visas\swere\s)(?<!visa\swas\s)(?<!visas\s)(?<!visa\s)cancel+ed"
            r"(?!\s+(?:their|his|her|the)\s+visas?)|abandon(?:ed|s)|axed|"
            r"ripped\s+up|dead\s+and\s+buried|tore\s+up|withdr(?:ew|awn)\s+from|expired|"
            r"fell\s+through|collapsed)\b"
        ),
    },
    first_receiver=rx(
        r"\b(?:first|latest|second|third)\s+(?:country|nation)\s+to\s+(?:accept|receive|take)\b"
    ),
    ruled_unlawful=rx(
        r"\b(?:ruled|rules|declared|declares|found|finds|deemed|judged)\s+"
        r"(?:on\s+\w+\s+|in\s+\w+\s+|unanimously\s+)?(?:that\s+)?"
        r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:plan|policy|scheme|deal|agreement|sending|"
        r"deporting|removing|deportations?|removals?|flights?)\b(?:[\w\s'’,-]{0,60}?)\s"
        r"(?:is|was|were|are|would\s+be|to\s+be)\s+[\"“'‘]?(?:unlawful|illegal)\b|"
        r"\b(?:declared|ruled|deemed)\s+(?:\w+\s+){0,5}?(?:plan|policy|scheme|deal|"
        r"agreement|deportations?|flights?)\s+(?:unlawful|illegal)\b|"
        # The adjective before its object: "deemed unlawful on Wednesday the plan to send".
        r"\b(?:declared|ruled|deemed|found|judged)\s+(?:unlawful|illegal)\s+(?:(?:on|this)\s+\w+\s+)?"
        r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:plan|policy|scheme|deal|agreement|deportations?|"
        r"removals?|flights?)\b|"
        # "upheld the unlawfulness of deportations to Rwanda".
        r"\b(?:illegality|unlawfulness)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:plan|policy|"
        r"scheme|deal|agreement|deportations?|removals?|flights?)\b"
    ),
    denial=rx(
        r"\b(?:denied|denies|deny|denying|denials?|dismissed|rejected\s+(?:the\s+)?reports?|"
        r"rejected\s+(?:the\s+|those\s+)?(?:claims?|accounts?)|disputed|contradicted)\b"
    ),
    denial_object=rx(
        r"\b(?:agreements?|deal|accord|pact|arrangement|memorandum|signing|signed|signed\s+up|"
        r"agreed|reports?|coordination|talks|negotiations|discussions)\b|\bit\b"
    ),
    negated_deal=rx(
        r"\b(?:had|has|have)\s+not\s+(?:reached|signed|concluded|agreed)\s+(?:to\s+)?(?:any|a|an|"
        r"the)?\s*(?:\w+\s+){0,3}?(?:deal|agreement|accord|pact)\b|"
        r"\bno\s+(?:such\s+)?(?:\w+\s+){0,4}?(?:agreement|deal|accord|pact)\b(?:[\w\s,]{0,60}?)"
        r"(?:had|has|have|was|were)\s+been\s+(?:signed|reached)|"
        r"\b(?:had|has|have)\s+no\s+(?:agreement|deal|accord)\b|"
        r"\bthere\s+(?:is|was)\s+no\s+(?:\w+\s+){0,2}?(?:agreement|deal|accord)\b|"
        r"\bno\s+(?:such\s+)?(?:agreement|deal)\s+(?:had\s+been|has\s+been|was)\s+"
        r"(?:reached|signed|made)\b"
    ),
    roles={
        Role.DETENTION: rx(
            r"\b(?:detain(?:ed|s|ing)?|jail(?:ed|s|ing)?|imprison(?:ed|s|ing)?|incarcerat\w+|"
            r"locked\s+up|lock\s+up|behind\s+bars|in\s+(?:government\s+)?custody|"
            r"under\s+armed\s+guard|(?:held|kept|being\s+held|be\s+held|hold)\s+"
            r"(?:\w+\s+){0,4}?(?:in|at)\s+(?:\w+\s+){0,3}?(?:prison|jail|correctional|"
            r"maximum-security|camp|centres?|centers?|cells?|isolation|container|custody)|"
            r"maximum-security\s+(?:prison|jail)|mega-?prison|house\s+foreign\s+criminals|"
            r"prison\s+cells|solitary\s+confinement|isolat(?:ed|ion)\s+units?|"
            r"(?:held|kept)\s+(?:\w+\s+){0,2}?(?:in|at)\s+a\s+secret\s+location|incommunicado)\b"
        ),
        Role.TEMPORARY_STAY_THEN_RETURN: rx(
            r"\btemporar(?:il)?y\s+(?:host|house|hold|stay|shelter|accommodat)\w*|"
            r"\b(?:host|house|hold|keep|shelter)\s+(?:\w+\s+){0,2}?temporarily\b|"
            r"\bbefore\s+they\s+(?:are|were|can\s+be)\s+(?:deported|returned|sent|removed)\b|"
            r"\b(?:held|hosted|kept|stay)\s+temporarily\b|"
            # Not "pressured to return to their countries": a harm, not how the stay ends.
            r"(?<!pressured\sto\s)(?<!forced\sto\s)(?<!coerced\sto\s)"
            r"\b(?:safe\s+)?return\W{0,3}\s+(?:\w+\s+){0,4}?to\s+their\s+(?:home\s+)?"
            r"(?:countries|nations)|"
            # "detained in the US before being deported to Ghana" is the move there, not on.
            r"\bbefore\s+being\s+(?:sent|returned|repatriated|deported|removed)(?:\s+back)?"
            r"(?!\s+to\s+(?!their\b|his\b|her\b))"
            r"(?:\s+to\s+their)?\b|"
            r"\buntil\s+(?:they\s+(?:are|can\s+be)\s+)?(?:returned|repatriated)\b|"
            r"\bbridge\b\W{0,3}\s+for\s+their\s+return|\bon\s+the\s+way\s+home\b|"
            # "the deportees would then be returned to their home countries": the stay ends
            # in a return (from the sender, it is "returned … from", onward removal).
            # Not "cannot be returned", "rather than being returned": no return there.
            r"(?<!cannot\s)(?<!than\s)\b(?:be|been|being)\s+(?:then\s+|eventually\s+|later\s+|"
            r"subsequently\s+|"
            r"ultimately\s+)?(?:returned|repatriated|sent\s+back|flown\s+back)\s+"
            r"(?:\w+\s+){0,2}?to\s+their\s+(?:own\s+)?(?:home\s+)?(?:countries|country|nations?|"
            r"homelands?)\b(?!\s+(?:of\s+origin\s+)?from\b)"
        ),
        Role.PROTECTION_OR_RESETTLEMENT: rx(
            # A safe third country takes asylum seekers so that they seek protection there.
            r"\bsafe[\s-]+third[\s-]+country\b|\bSTCAs?\b|"
            r"\bresettle(?:d|ment)?\b|\b(?:claims?|requests?|applications?)\s+"
            r"(?:for\s+\w+\s+)?(?:will\s+be\s+|are\s+|be\s+)?(?:heard|examined|decided|processed|"
            r"assessed)\b|\bpursue\s+their\s+(?:protection|asylum)\s+claims\b|"
            r"\b(?:seek|pursue|apply\s+for|request)\s+(?:asylum|protection|refugee\s+status)\s+"
            r"(?:there|here)\b|\blive\s+and\s+work\b|\bstart\s+a\s+(?:new\s+)?life\b|"
            r"\ballowed\s+to\s+(?:settle|stay|live)\b|\bsettle\s+and\s+work\b|"
            r"\bdecide\s+whether\s+they\s+qualify\s+for\s+protection\b|"
            r"\bexamining\s+protection\s+requests\b|"
            r"\b(?:host|accept|take\s+in|receive)\s+(?:\w+\s+){0,2}?refugees\b|\bwork\s+permits?\b|\bqualify\s+for\s+protection\b"
        ),
        Role.TRANSIT_STOPOVER: rx(
            r"\bstopovers?\b|\bstop-overs?\b|\btransit\s+(?:country|point|hub|stop|centre|center)\b|"
            r"\b(?:facilitate|facilitated|facilitating)\s+the\s+transit\b|\btransshipment\b|"
            r"\bbridge(?:\s+country)?\b|\bway\s+station\b|\blayover\b|"
            # Held in one state on the way to another: "transferred to Honduras before
            # being flown to Caracas", "before their onward flight to".
            r"\bbefore\s+(?:being\s+flown|being\s+put\s+on\s+(?:a|another)\s+(?:flight|plane)|"
            r"(?:their|his|her)\s+(?:\w+\s+)?(?:flight|transfer|repatriation))\s+(?:on\s+)?to\b"
        ),
        Role.ONWARD_REMOVAL: rx(
            r"\b(?:sent\s+back|returned|repatriated|deported|expelled|removed)\s+(?:\w+\s+){0,4}?"
            r"to\s+their\s+(?:home\s+)?(?:countries|country)(?:\s+of\s+origin)?\s+from\b|"
            r"\b(?:re-?expel\w*|onward\s+(?:removal|deportation|expulsion))\b|"
            r"\breturned\s+to\s+their\s+home\s+countries\s+from\b"
        ),
    },
    transfer=rx(
        _STARTED_RECEIVING
        + r"|\b(?:"
        + _SEND_PAST
        + r")\b(?!\s+(?:by|from)\s+(?:immigration\s+)?judges)"
        r"(?!\s+(?:" + PEOPLE + r")\b)|"
        # A law or a power used to move people tells the moves made with it: "the law the White
        # House has used to deport migrants to El Salvador", "invoked by the administration to".
        r"\b(?:used|invoked|applied)\s+(?:[\w.]+\s+){0,6}?to\s+(?:deport|expel|send|remove|fly)\b|"
        r"\b(?:arrived|landed|touched\s+down|docked|flown\s+in|carried)\b|"
        # "only one has been reunited with his family in Jamaica": gone home, out of the
        # country that took him in.
        r"\breunited\s+with\s+(?:his|her|their)\s+(?:\w+\s+)?famil(?:y|ies)\b(?=\s+in\s)|"
        # "a first batch of 14 people had come to Ghana": arrived.
        r"\b(?:had|have|has)\s+(?:already\s+)?come\b(?=\s+to\s+(?-i:[A-Z]))|"
        # Headlines tell the day's news in the present: "deportees arrive in South Sudan",
        # "Italy sends 40 asylum seekers to Albania".
        r"\b(?:arrives?|lands?)\s+in\b|"
        r"\b(?:sends|deports|expels|flies|transfers)\b(?=\s+(?:another\s+|more\s+|a\s+further\s+)?"
        r"(?:" + NUMBERS.pattern + r")\b)|"
        # A move told as a noun: "the deportation from the United States of five men to …".
        r"\b(?:deportation|removal|expulsion|transfer)\b(?=\s+(?:from\s+(?:the\s+)?[\w.]+"
        r"(?:\s+[\w.]+){0,2}\s+)?of\s+(?:" + NUMBERS.pattern + r")\b)|"
        # An arrival told as a noun: "confirmed the arrival of a group of 135 migrants".
        # (An arrival awaited is none yet: "expects the arrival of".)
        r"(?<!expect\sthe\s)(?<!expects\sthe\s)(?<!expected\sthe\s)(?<!expecting\sthe\s)"
        r"(?<!await\sthe\s)(?<!awaits\sthe\s)(?<!awaiting\sthe\s)\barrival\b(?=\s+of\s+(?:(?:a|the)\s+(?:first\s+|new\s+|second\s+)?group\s+of\s+|"
        r"the\s+(?:first\s+)?)?(?:" + NUMBERS.pattern + r")\b)|"
        # "became the first country to accept 119 deportees": the first to take people in.
        r"\b(?:first|second|third|latest)\s+(?:country|nation)\s+to\s+(?:accept|receive|"
        r"take\s+in)\b(?=\s+(?:" + NUMBERS.pattern + r")\b)|"
        r"\b(?:received|receives|took\s+in|takes\s+in|welcomed|welcomes)\b(?=\s+(?:the\s+)?"
        r"(?:first\s+)?(?:" + NUMBERS.pattern + r"|three|two|several|dozens|hundreds|them|"
        r"the\s+(?:\w+\s+)?(?:men|women|deportees|group|migrants|detainees))\b)"
    ),
    arrival=rx(
        r"\b(?:had|have|has)\s+(?:already\s+)?come\b|"
        r"\b(?:arrived|landed|touched\s+down|docked|flown\s+in|received|took\s+in|carried|"
        r"arrives?|lands?|receives|takes\s+in)\b"
    ),
    receive=rx(
        r"\b(?:first|second|third|latest)\s+(?:country|nation)\s+to\s+(?:accept|receive|"
        r"take\s+in)\b|"
        r"\b(?:received|receives|took\s+in|takes\s+in|welcomed|welcomes|accepted|"
        r"has\s+taken\s+in)\b|" + _STARTED_RECEIVING
    ),
    deal_reference=rx(
        r"\b(?:that|the|this|its)\s+(?:plan|deal|agreement|scheme|arrangement|accord|pact|policy|"
        r"programme|program|partnership)\b"
    ),
    pronoun_subject=rx(
        r"^\W*(?:(?:on|late|early|after|before|in)\b[^,]{0,60},\s*)?(?:they|the\s+(?:\w+\s+)?"
        r"(?:men|women|group|deportees|migrants|detainees))\b"
    ),
    pronoun_object=rx(
        r"^\s*(?:them|the\s+(?:\w+\s+)?(?:men|women|deportees|group|migrants|detainees))\b"
    ),
    internal_move=rx(
        r"\bby\s+bus\b|\bbus(?:s)?ed\b|\bon\s+buses\b|"
        # Moved on to a shelter or a camp in the country that took them in.
        r"\b(?:transferred|moved|relocated|taken)\s+to\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:shelter|camp|migrant\s+station)\b"
    ),
    per_person=rx(
        r"\beach\s+of\s+(?:the|them)\b|\bper\s+(?:person|head|migrant)\b|\bin\s+cash\b|"
        # "giving the deportees 300 dollars each", "asylum seekers will be given $3,500".
        r"\beach(?=\s*[.;,)]|\s*$)|\b(?:" + PEOPLE + r")\s+(?:will\s+be|would\s+be|were|are|was)\s+"
        r"(?:given|offered|paid)\b"
    ),
    participle_tail=rx(r"\s+(?:by|from|of)\b"),
    onward=rx(
        r"\b(?:of\s+them|of\s+the\s+(?:\w+\s+)?(?:men|deportees|group|nine|eight|seven|\d+)|"
        r"later|then|onward|afterwards|subsequently|across\s+the\s+border|from\s+there|"
        r"(?:have|has|had)\s+since|back\s+to|repatriat\w+|reunited)\b"
    ),
    capacity=rx(
        r"\b(?:up\s+to|as\s+many\s+as|no\s+more\s+than|a\s+maximum\s+of|maximum\s+of|"
        r"a\s+cap\s+of|capped\s+at|a\s+limit\s+of|limited\s+to|at\s+most)\s+(?P<n>"
        + NUMBERS.pattern
        + r")"
    ),
    capacity_units=rx(
        r"(?P<n>" + NUMBERS.pattern + r")\s+(?:prison\s+)?(?:cells|places|beds|spaces|slots)\b|"
        r"(?P<m>" + NUMBERS.pattern + r")\s+(?:\w+\s+){0,2}?(?:people|refugees|migrants|"
        r"asylum\s+seekers|persons|deportees)\s+(?:a|per|each)\s+year\b|"
        r"\b(?:agreed|agrees|will|to)\s+(?:\w+\s+)?(?:accept|receive|host|take(?:\s+in)?|admit)"
        r"\s+(?P<k>" + NUMBERS.pattern + r")\s+(?:[\w-]+\s+){0,2}?" + PEOPLE + r"|"
        # "the 200 foreign nationals that the government has agreed to receive".
        r"\bthe\s+(?P<j>"
        + NUMBERS.pattern
        + r")\s+(?:[\w-]+\s+){0,2}?"
        + PEOPLE
        + r"\s+(?:that|who|whom)\s+(?:[\w-]+\s+){0,4}?(?:has\s+|had\s+)?agreed\s+to\s+"
        r"(?:accept|receive|host|take(?:\s+in)?|admit)\b"
    ),
    payment=rx(
        r"\b(?:paid|pay|pays|paying|payments?|grants?|fees?|in\s+exchange|lump\s+sums?|"
        r"compensat\w+)\b"
    ),
    money_context=rx(
        r"\b(?:will\s+provide|provided|worth|funds?|funded|receive\s+an?\s+upfront|"
        r"receive[sd]?|given(?!\s+that)|gets?)\b"
    ),
    costs=rx(
        r"\b(?:cover(?:s|ed|ing)?|pay(?:s|ing)?(?:\s+for)?|bear(?:s|ing)?|fund(?:s|ed|ing)?|"
        r"financ(?:e|es|ed|ing))\s+(?:all\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:costs?|expenses|"
        r"flights)\b|"
        r"\bcosts?\s+(?:will\s+be|were|are|is)\s+(?:covered|paid|borne)\b|"
        r"\bfinancial\s+(?:and\s+technical\s+)?support\b|\blump\s+sums?\b|"
        r"\bpaying\s+for\s+the\s+flights\b|\bthe\s+United\s+States\s+paying\b"
    ),
    money=rx(
        r"(?P<pre>US\$|A\$|AU\$|NZ\$|C\$|\$|£|€|USD|EUR|GBP|AUD)\s?(?P<amount>\d[\d,.]*)"
        r"(?:\s?(?P<scale>million|billion|bn|m|mn)\b)?|"
        r"(?P<amount2>\d[\d,.]*)\s?(?P<scale2>million|billion|bn|m)?\s+(?P<post>euros|dollars|"
        r"pounds|US\s+dollars|Australian\s+dollars)\b"
    ),
    aggregate=rx(
        r"\b(?:in\s+total|total\s+cost|the\s+total|overall|altogether|spent|estimated|"
        r"cost\s+of\s+the\s+policy|including\s+detention)\b"
    ),
    currencies={
        "$": "USD",
        "us$": "USD",
        "usd": "USD",
        "a$": "AUD",
        "au$": "AUD",
        "aud": "AUD",
        "nz$": "NZD",
        "c$": "CAD",
        "£": "GBP",
        "gbp": "GBP",
        "€": "EUR",
        "eur": "EUR",
        "euros": "EUR",
        "dollars": "USD",
        "us dollars": "USD",
        "pounds": "GBP",
        "australian dollars": "AUD",
    },
    scales={"million": 10**6, "m": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9},
    instruments={
        Instrument.SAFE_THIRD_COUNTRY_AGREEMENT: rx(
            r"\bsafe\W{0,2}\s*third\W{0,2}\s*country\W{0,2}\s+(?:[\w-]+\s+)?(?:agreement|deal|"
            r"pact|accord|memorandum)|\bSTCA\b|\bto\s+be\s+safe\s+third\s+countries\b|"
            # The deal makes the state one: "an agreement … to act as a 'safe third country'",
            # "the agreement declares Guatemala a “safe third country”".
            r"\b(?:agreement|deal|accord|pact)\b[^.;]{0,120}?\b(?:act|serve|be|as|declares?|"
            r"designat\w+|makes?|named)\s+(?:\w+\s+){0,2}?(?:a|an)\s+\W{0,2}safe\W{0,2}\s*"
            r"third\W{0,2}\s*country\b"
        ),
        Instrument.ASYLUM_COOPERATION_AGREEMENT: rx(
            r"\basylum\s+cooperati(?:ve|on)\s+agreements?\b|\bACAs?\b"
        ),
        Instrument.MEMORANDUM_OF_UNDERSTANDING: rx(
            r"\bmemorandum\s+of\s+understanding\b|\bMoU\b|\bMOU\b|\bsigned\s+the\s+memorandum\b"
        ),
        Instrument.UNDISCLOSED: rx(
            r"\b(?:text|terms|details)\s+(?:of\s+the\s+(?:agreement|deal)\s+)?(?:has|have|had)\s+"
            r"not\s+been\s+(?:published|made\s+public|disclosed|released)\b|"
            r"\bsecret\s+(?:deal|agreement)\b|\bundisclosed\s+(?:deal|agreement|terms)\b|"
            r"\bnot\s+been\s+made\s+public\b"
        ),
        Instrument.OTHER: rx(
            r"\bletter\s+of\s+intent\b|\bexchange\s+of\s+(?:diplomatic\s+)?notes\b|"
            r"\bpolitical\s+declaration\b|\btreaty\b|\bdiplomatic\s+notes\b"
        ),
    },
    concerns={
        Concern.ABUSE: rx(
            r"\b(?:abuses?|abused|tortur\w+|beat(?:en|ings?)|mistreat\w*|ill-treatment|"
            r"sexual\s+violence|forced\s+labou?r|solitary\s+confinement)\b"
        ),
        Concern.INCOMMUNICADO: rx(
            r"\bincommunicado\b|\bcontact\s+with\s+the\s+outside\s+world\b|"
            r"\bwithout\s+access\s+to\s+(?:counsel|lawyers?|a\s+lawyer|"
            r"their\s+lawyers)\b|\bno\s+access\s+to\s+(?:counsel|lawyers?|a\s+lawyer)\b|"
            r"\bcannot\s+speak\s+to\s+(?:a\s+)?lawyers?\b|\bnot\s+been\s+able\s+to\s+reach\s+them\b|"
            r"\bphones\s+taken\s+away\b|\bheld\s+in\s+isolation\b|\bcut\s+off\s+from\b"
        ),
        Concern.REFOULEMENT: rx(
            r"\brefoulement\b|\bprotection\s+(?:[\w.'’-]+\s+){0,5}?(?:against|from)\s+"
            r"(?:being\s+)?(?:returned|sent\s+back|removal|deportation)\b|"
            r"\bprotected\s+(?:\w+\s+){0,4}?from\s+(?:deportation|removal)\b|"
            r"\bfear\s+being\s+sent\s+home\b|\bsent\s+(?:back\s+)?to\s+(?:danger|persecution|torture)\b|"
            r"\breturned\s+to\s+danger\b|\b(?:face|faced|facing|risk\s+of)\s+(?:torture|persecution)\b|"
            r"\bpressured\s+to\s+return\b|"
            r"\brisk\s+(?:of\s+)?being\s+(?:sent\s+back|returned|deported)\b|"
            # "a risk that asylum seekers could be deported to their home countries".
            r"\b(?:risk|danger)\s+(?:that|of)\s+(?:[\w-]+\s+){0,8}?(?:be|being)\s+(?:deported|"
            r"returned|sent|removed)\s+(?:back\s+)?to\s+(?:their|the)\s+(?:own\s+)?(?:home\s+)?"
            r"(?:countries|countries\s+of\s+origin)\b"
        ),
        Concern.DUE_PROCESS: rx(
            r"\bwithout\s+(?:a\s+)?(?:trial|charges?|due\s+process|a\s+hearing|notice|written\s+"
            r"notice)\b|\bnever\s+given\s+a\s+(?:\w+\s+)?chance\b|\bno\s+chance\s+to\b|"
            r"\bless\s+than\s+a\s+day['’]s\s+notice\b|\bpunishment\s+without\s+a\s+trial\b|"
            r"\bwithout\s+charge\b|\bnever\s+told\s+where\s+they\s+were\s+going\b|"
            r"\barbitrar(?:y|ily)\s+(?:detain\w*|detention|arrest\w*)\b|"
            r"\bviolated\s+(?:his|her|a\s+court['’]s?)\s+order\b|"
            r"\bwithout\s+(?:a\s+)?judge\s+(?:hearing|examining|reviewing)\b|"
            # Due process named as what is at stake: "concerns about due process", "their
            # right to due process", "procedural fairness", "illegally detained".
            r"\bdue\s+process\b|\bprocedural\s+fairness\b|\bnatural\s+justice\b|"
            r"\b(?:illegally|unlawfully)\s+(?:detained|held|jailed)\b|"
            r"\b(?:detained|held|jailed)\s+(?:illegally|unlawfully)\b|\bunlawful\s+detention\b|"
            # Held where nobody may know: detention outside any process.
            r"\b(?:held|kept|detained)\s+(?:\w+\s+){0,2}?(?:in|at)\s+(?:a\s+|an\s+)?(?:secret|"
            r"undisclosed)\s+(?:location|site|place|facility)\b|\bsecret\s+detention\b"
        ),
        Concern.DEATH: rx(r"\b(?:died|death|deaths|killed|suicide)\b"),
    },
    concern_subject=rx(
        r"\b(?:deportees|detainees|the\s+men|the\s+women|migrants|prisoners|inmates|"
        r"(?:their|our)\s+clients|the\s+five|the\s+eight|the\s+group|the\s+nine|them|they|"
        r"people|deported|asylum\s+seekers|returnees|relatives)\b"
    ),
    home_return=rx(
        r"\b(?:left|returned|went|flown|flew|sent|repatriated|deported|travell?ed|headed)\s+"
        # The day may come between the verb and the home: "returned on Thursday night to
        # their country", "flew last week back home".
        + _WHEN_GAP
        + r"(?:back\s+)?(?:home\b|(?:to|for)\s+(?:their|his|her)\s+(?:own\s+)?(?:home\s+)?"
        r"(?:countries|country|homelands?|nations?)\b)|"
        r"\b(?:chose|opted|agreed|decided)\s+to\s+return\s+(?:home\b|to\s+(?:their|his|her)\s+"
        r"(?:own\s+)?(?:home\s+)?(?:countries|country|homelands?)\b)|"
        # Repatriating is sending home, said or not: "South Sudan has repatriated a Mexican".
        r"\brepatriat(?:ed|es|ion\s+of)\b"
    ),
    stateless=rx(
        r"\bstripped\s+of\s+(?:their|his|her)\s+(?:\w+\s+)?(?:citizenship|nationality)\b|"
        r"\b(?:were|are|was|been|left|rendered|made)\s+stateless\b|\bdenationali[sz]ed\b"
    ),
    carried_from=rx(
        r"(?:flights?|plane|aircraft|jet)\s+(?:carrying|with|transporting)\s+"
        r"(?:[\w,-]+\s+){1,5}?from\s+(?:the\s+)?$"
    ),
    period=rx(
        rf"\bbetween\s+(?:\d{{1,2}}\s+)?(?:{_PERIOD_MONTHS}|(?:19|20)\d\d)\b[^.;]{{0,20}}?\band\s+"
        rf"(?:\d{{1,2}}\s+)?(?:{_PERIOD_MONTHS}|(?:19|20)\d\d)\b|"
        rf"\bin\s+(?:{_PERIOD_MONTHS})\s+and\s+(?:{_PERIOD_MONTHS})\b|"
        rf"\bfrom\s+(?:\d{{1,2}}\s+)?(?:{_PERIOD_MONTHS})\b[^.;]{{0,12}}?\s+(?:to|through|until)\s+"
        rf"(?:\d{{1,2}}\s+)?(?:{_PERIOD_MONTHS})\b|"
        rf"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:{_PERIOD_MONTHS}|(?:19|20)\d\d|the\s+start|"
        rf"the\s+beginning|taking\s+office)\b|"
        r"\bso\s+far\s+(?:this|in)\b|\bthis\s+year\s+alone\b|\bto\s+date\b|"
        r"\b(?:in|over|during)\s+the\s+(?:first|last|past)\s+(?:\w+\s+)?(?:months|weeks|years)\b"
    ),
    at_least=at_end(
        r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|"
        r"a\s+minimum\s+of"
    ),
    about=at_end(
        r"about|around|nearly|almost|roughly|approximately|some|close\s+to|an\s+estimated|"
        r"just\s+under|just\s+over"
    ),
    this_year=rx(r"\bthis\s+year\b|\bso\s+far\s+(?:this|in)\b"),
)

RULES = register(LanguageRules("en", VERSION, LEXICON, demonym_forms))
