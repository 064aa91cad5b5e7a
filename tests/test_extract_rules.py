"""What the rules make of the sentences reporting is made of, one behaviour per test."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import BadInput
from thirdcountry.extract import detect_language, extract_claims
from thirdcountry.extract.rules import LanguageRules, register, registered, rules_for, unregister
from thirdcountry.extract.rules.en import LEXICON, demonym_forms

PUBLISHED = dt.date(2025, 7, 17)  # a Thursday


def claims(text: str, language: str | None = None) -> list[Claim]:
    return extract_claims(text, published=PUBLISHED, language=language)


def facts(text: str, language: str | None = None) -> set[tuple[object, ...]]:
    return {
        (c.kind.value, c.sender, c.receiver, c.value or c.count or c.facility or c.amount)
        for c in claims(text, language)
    }


def test_implicit_sender_and_numbers_in_words() -> None:
    found = claims(
        "Five men from Vietnam, Jamaica, Laos, Cuba and Yemen deported from the United States "
        "arrived in Eswatini late Tuesday."
    )
    (transfer,) = [c for c in found if c.kind.value == "transfer"]
    assert (transfer.sender, transfer.receiver, transfer.count) == ("US", "SZ", 5)
    assert transfer.when is not None and transfer.when.isoformat() == "2025-07-15"


def test_modality_is_negotiation_not_agreement() -> None:
    text = "Deportees from the U.S. could be sent to Rwanda, which is in talks with Washington."
    assert ("arrangement_status", "US", "RW", "negotiating") in facts(text)
    assert not any(c.value == "agreed" for c in claims(text))


def test_negation_and_denial() -> None:
    text = (
        "Migrants deported from the United States will not go to Libya: the Libyan "
        "government denied reaching any agreement with Washington on deportees."
    )
    found = facts(text)
    assert ("denial", "US", "LY", "receiver") in found
    assert not any(f[0] == "arrangement_status" and f[3] == "agreed" for f in found)


def test_a_list_of_receivers_shares_the_cue() -> None:
    text = (
        "Kosovo joins Panama and El Salvador among the countries that have agreed to accept "
        "migrants deported from the U.S."
    )
    receivers = {f[2] for f in facts(text) if f[:2] == ("arrangement_status", "US")}
    assert receivers == {"XK", "PA", "SV"}


def test_geography_is_not_an_arrangement() -> None:
    text = (
        "Kosovo has agreed to host migrants deported from the U.S. "
        "Kosovo shares borders with Serbia, Albania, Montenegro and North Macedonia, "
        "and Serbia does not recognize its independence."
    )
    receivers = {c.receiver for c in claims(text)}
    assert receivers == {"XK"}


def test_the_country_refers_back() -> None:
    text = (
        "Rwanda has agreed to accept migrants deported from the United States. "
        "Those approved will be helped to start a life in the country."
    )
    assert ("role", "US", "RW", "protection_or_resettlement") in facts(text)


def test_ordinary_deportation_of_nationals_is_no_transfer() -> None:
    text = (
        "Three ICE flights landed in Guatemala City on Tuesday carrying 392 Guatemalans "
        "deported from the United States."
    )
    assert claims(text) == []


def test_onward_transfer_runs_from_the_third_country() -> None:
    text = (
        "Fourteen third-country nationals deported from the United States arrived in Ghana on "
        "Sept. 5. Lawyers said six of them were later taken to Togo."
    )
    assert ("onward_transfer", "GH", "TG", 6) in facts(text)
    assert not any(c.kind.value == "transfer" and c.receiver == "TG" for c in claims(text))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Ghana took in 14 deportees flown from the United States. They have since been "
            "sent home to Nigeria and Gambia, officials in Accra said.",
            "en",
        ),
        (
            "Ghana acogió a 14 deportados llegados desde Estados Unidos. Ya fueron enviados "
            "a Nigeria y Gambia, informaron fuentes oficiales en Accra.",
            "es",
        ),
    ],
)
def test_home_countries_named_after_the_stay_are_onward_moves(text: str, language: str) -> None:
    found = claims(text, language)
    onward = {(c.sender, c.receiver) for c in found if c.kind.value == "onward_transfer"}
    assert onward == {("GH", "NG"), ("GH", "GM")}
    # The United States sent nobody to Nigeria or Gambia: no transfer, no status there.
    assert not [c for c in found if c.sender == "US" and c.receiver in ("NG", "GM")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Fourteen men deported from the United States arrived in Ghana in March. Ghana has "
            "deported six Nigerians to Togo, the ministry said.",
            "en",
        ),
        (
            "Catorce hombres deportados desde Estados Unidos llegaron a Ghana en marzo. Ghana ha "
            "deportado a seis nigerianos a Togo, informó el ministerio.",
            "es",
        ),
    ],
)
def test_an_onward_move_in_the_perfect_is_news_of_the_month(text: str, language: str) -> None:
    found = claims(text, language)
    (onward,) = [c for c in found if c.kind.value == "onward_transfer"]
    assert (onward.sender, onward.receiver, onward.count) == ("GH", "TG", 6)
    assert (str(onward.date), onward.date_precision.value) == ("2025-07-01", "month")
    # The first move keeps its own date.
    (first,) = [c for c in found if c.kind.value == "transfer"]
    assert str(first.date) == "2025-03-01"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Five men deported from the United States arrived in Eswatini in July. Of the five, "
            "only one has been reunited with his family in Jamaica, the government said.",
            "en",
        ),
        (
            "Cinco hombres deportados desde Estados Unidos llegaron a Esuatini en julio. De los "
            "cinco, solo uno se ha reunido con su familia en Jamaica, dijo el Gobierno.",
            "es",
        ),
    ],
)
def test_reunited_with_family_elsewhere_is_an_onward_move(text: str, language: str) -> None:
    found = {(c.kind.value, c.sender, c.receiver) for c in claims(text, language)}
    assert ("onward_transfer", "SZ", "JM") in found, found
    assert not any(receiver == "JM" and sender == "US" for _, sender, receiver in found), found


def test_states_listed_after_from_several_countries_such_as_are_origins() -> None:
    text = (
        "Costa Rica recibió el jueves a 80 deportados desde Estados Unidos. Las personas, "
        "procedentes de varios países de Asia, como Irán, Georgia y Armenia, fueron llevadas "
        "en autobús hasta un albergue cerca de la frontera."
    )
    found = {(c.kind.value, c.sender, c.receiver) for c in claims(text, "es")}
    assert ("transfer", "US", "CR") in found, found
    assert not any(receiver in {"IR", "GE", "AM"} for _, _, receiver in found), found


def test_one_named_national_already_sent_home_is_an_onward_move_of_one() -> None:
    text = (
        "Ghana recibió a 14 deportados desde Estados Unidos. Es el caso del inmigrante "
        "gambiano, que ya fue enviado a su natal Gambia, adonde un juez de EE.UU. había dicho "
        "que no podía ir."
    )
    found = {(c.kind.value, c.sender, c.receiver, c.count) for c in claims(text, "es")}
    assert ("onward_transfer", "GH", "GM", 1) in found, found


def test_one_of_the_group_who_has_gone_back_to_a_named_home_moved_on_alone() -> None:
    text = (
        "Ghana acogió a 14 deportados desde Estados Unidos. Al menos uno de los 14 ha regresado "
        "a Gambia, su país de origen, según su defensa."
    )
    found = {(c.kind.value, c.sender, c.receiver, c.count) for c in claims(text, "es")}
    assert ("onward_transfer", "GH", "GM", 1) in found, found
    assert ("transfer", "US", "GH", 14) in found, found


def test_people_given_the_trip_home_in_a_relative_clause_moved_on() -> None:
    text = (
        "Estados Unidos deportó a 14 personas a Ghana. El presidente ghanés anunció la llegada "
        "del grupo, con varios nigerianos, a los que han facilitado viajes en autobús de "
        "retorno a su país de origen, y con una persona de Gambia."
    )
    found = {(c.kind.value, c.sender, c.receiver) for c in claims(text, "es")}
    assert ("onward_transfer", "GH", "NG") in found, found
    assert ("onward_transfer", "GH", "GM") not in found, found


def test_capacity_compensation_and_instrument() -> None:
    text = (
        "Palau signed a memorandum of understanding with the United States to take in up to "
        "seventy-five third-country nationals; Washington will provide a $7.5 million grant."
    )
    found = facts(text)
    assert ("capacity", "US", "PW", 75) in found
    assert ("instrument", "US", "PW", "memorandum_of_understanding") in found
    (money,) = [c for c in claims(text) if c.kind.value == "compensation"]
    assert (money.amount, money.currency) == (7_500_000, "USD")


def test_facility_and_concern() -> None:
    text = (
        "In April of this year, Bukele received 238 immigrants deported from the United States "
        "and jailed them at the Terrorism Confinement Center, where detainees reported abuses."
    )
    found = facts(text)
    assert ("facility", None, "SV", "CECOT") in found
    assert ("concern", None, "SV", "abuse") in found
    assert ("role", "US", "SV", "detention") in found


def test_spanish_relative_dates_and_denial() -> None:
    text = (
        "El Gobierno de Honduras negó el pasado martes haber firmado un acuerdo de tercer país "
        "seguro con Estados Unidos para recibir a deportados de otras nacionalidades."
    )
    (denial,) = [c for c in claims(text, "es") if c.kind.value == "denial"]
    assert (denial.sender, denial.receiver, denial.value) == ("US", "HN", "receiver")
    assert denial.when is not None and denial.when.isoformat() == "2025-07-15"
    assert not any(c.kind.value == "instrument" for c in claims(text, "es"))


def test_spanish_transfer_with_nationality_and_facility() -> None:
    text = (
        "Estados Unidos deportó ayer a El Salvador a 238 venezolanos, que fueron encarcelados "
        "en el CECOT."
    )
    (transfer,) = [c for c in claims(text) if c.kind.value == "transfer"]
    assert (transfer.receiver, transfer.count, transfer.nationalities) == ("SV", 238, ("VE",))
    assert transfer.facility == "CECOT" and transfer.extractor == "rules-es/1.0"


def test_hypotheticals_and_questions_claim_nothing() -> None:
    text = (
        "If Canada agreed to accept deportees from the United States, what would change? "
        "¿Aceptará Uruguay recibir deportados de EE.UU.?"
    )
    assert claims(text) == []


def test_language_detection() -> None:
    assert detect_language("The government said the migrants would be returned.") == "en"
    assert detect_language("El Gobierno dijo que los migrantes serían devueltos.") == "es"
    assert detect_language("") == "und"
    assert detect_language("\x00\x01\x02 123 ###") == "und"
    with pytest.raises(BadInput):
        detect_language(b"bytes")  # type: ignore[arg-type]


def test_a_text_in_a_language_without_rules_gives_nothing() -> None:
    # French shares "de", "la" and "les" with Spanish; the document's language decides.
    text = (
        "Le Kosovo a accepté de recevoir cinquante migrants expulsés par les États-Unis, "
        "a annoncé le gouvernement. Ils seront hébergés temporairement avant leur retour "
        "dans leur pays d'origine. La décision a été prise à la demande de Washington, "
        "et l'opposition demande que le texte de l'accord soit publié sans tarder."
    )
    assert claims(text) == []


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(BadInput, match="no extraction rules for language 'fr'"):
        extract_claims("Le Kosovo accepte des migrants.", language="fr")


@pytest.fixture
def third_language() -> Iterator[LanguageRules]:
    # A language is a lexicon plus demonym forms: here English cues under another code.
    rules = LanguageRules("xx", "0.1", dataclasses.replace(LEXICON), demonym_forms)
    register(rules)
    yield rules
    unregister("xx")


def test_a_third_language_registers_like_the_built_ins(third_language: LanguageRules) -> None:
    assert rules_for("xx") is third_language and "xx" in registered()
    (claim,) = [
        c
        for c in claims("Kosovo has agreed to host migrants deported from the U.S.", "xx")
        if c.kind.value == "arrangement_status"
    ]
    assert claim.extractor == "rules-xx/0.1"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Four men from Cuba, Laos and Yemen were deported by the United States this week. "
            "Eswatini received them on Wednesday.",
            "en",
        ),
        (
            "Cuatro hombres de Cuba, Laos y Yemen fueron deportados por Estados Unidos esta "
            "semana. Esuatini los recibió el miércoles.",
            "es",
        ),
    ],
)
def test_a_receiving_state_takes_in_people_already_counted(text: str, language: str) -> None:
    transfers = [c for c in claims(text, language) if c.kind.value == "transfer"]
    assert [(c.sender, c.receiver, c.count) for c in transfers] == [("US", "SZ", 4)]
    assert transfers[0].when is not None and transfers[0].when.isoformat() == "2025-07-16"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The administration on Tuesday announced the third-country deportation from the "
            'United States of six "dangerous criminal aliens" to the Kingdom of Eswatini.',
            "en",
        ),
        (
            "El gobierno anunció el martes la deportación desde Estados Unidos de seis "
            "«delincuentes peligrosos» al reino de Esuatini.",
            "es",
        ),
    ],
)
def test_a_move_told_as_a_noun_with_its_count(text: str, language: str) -> None:
    transfers = [c for c in claims(text, language) if c.kind.value == "transfer"]
    assert [(c.sender, c.receiver, c.count) for c in transfers] == [("US", "SZ", 6)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A deportation of six men to Eswatini is planned for next month.", "en"),
        ("Se prevé la deportación de seis hombres a Esuatini el mes próximo.", "es"),
    ],
)
def test_a_planned_move_told_as_a_noun_is_no_transfer(text: str, language: str) -> None:
    assert not [c for c in claims(text, language) if c.kind.value == "transfer"]


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Mozambique’s small neighbour took in four US deportees in August.", "en", "MZ"),
        ("El pequeño vecino de Mozambique recibió a cuatro deportados en agosto.", "es", "MZ"),
        (
            "Under the deal, Uganda will take in asylum seekers stopped at the US-Mexico border.",
            "en",
            "MX",
        ),
        (
            "Deportees held at the naval base of Guantanamo in Cuba were flown to Honduras.",
            "en",
            "CU",
        ),
        (
            "Los deportados retenidos en la base naval de Guantánamo en Cuba llegaron a Honduras.",
            "es",
            "CU",
        ),
    ],
)
def test_a_state_named_as_a_place_is_no_party(text: str, language: str, place: str) -> None:
    assert not [c for c in claims(text, language) if place in (c.receiver, c.sender)]


def test_a_bare_be_before_the_participle_is_no_move() -> None:
    text = (
        "Under the deportation deal, Uganda prefers that Africans be the ones transferred "
        "to Uganda, the ministry said."
    )
    assert not [c for c in claims(text, "en") if c.kind.value == "transfer"]
    assert not [c for c in claims(text, "en") if c.value == "implemented"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Britain scrapped the Rwanda deportation deal last year, ministers said.", "en"),
        ("Starmer tore up the Rwanda plan for asylum seekers last year.", "en"),
        ("Britain tore up the Rwanda scheme for asylum seekers last year.", "en"),
        # Told by the one who ends it, in reported speech, and as a figure of speech.
        (
            "The British prime minister said the Rwanda policy for asylum seekers would be "
            "scrapped.",
            "en",
        ),
        (
            "El primer ministro británico afirmó que la política de Ruanda para los solicitantes "
            "de asilo se desecharía.",
            "es",
        ),
        (
            "The British prime minister said the Rwanda plan for asylum seekers was dead and "
            "buried.",
            "en",
        ),
        (
            "El primer ministro británico dijo que el plan de Ruanda para los solicitantes de "
            "asilo estaba muerto y enterrado.",
            "es",
        ),
    ],
)
def test_a_deal_named_by_its_receiving_state(text: str, language: str) -> None:
    found = {(c.sender, c.receiver, c.value) for c in claims(text, language)}
    assert ("GB", "RW", "ended") in found
    assert ("GB", "RW", "agreed") not in found  # scrapping a deal does not make it one
    assert not any(sender == "RW" for sender, _, _ in found)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The Rwanda bill is still before Parliament, and the British government hopes to "
            "fly asylum seekers out this summer.",
            "en",
        ),
        (
            "El proyecto de ley sobre Ruanda sigue en el Parlamento, y el Gobierno británico "
            "espera enviar a los solicitantes de asilo este verano.",
            "es",
        ),
    ],
)
def test_a_bill_named_by_its_receiving_state_names_the_deal(text: str, language: str) -> None:
    found = {(c.sender, c.receiver, c.value) for c in claims(text, language)}
    assert ("GB", "RW", "agreed") in found, found
    assert not any(value == "implemented" for _, _, value in found), found


def test_a_cancelled_visa_ends_no_deal() -> None:
    text = (
        "Under the deportation deal, Nauru will receive about 280 non-citizens whose visas "
        "were cancelled on character grounds."
    )
    assert not [c for c in claims(text, "en") if c.value == "ended"]


@pytest.mark.parametrize(
    "text",
    [
        "Países Bajos y Uganda han llegado este jueves a un acuerdo para la deportación de "
        "solicitantes de asilo rechazados.",
        "Países Bajos pacta con Uganda un plan de deportación de solicitantes de asilo.",
    ],
)
def test_spanish_agreements_reached_or_pacted(text: str) -> None:
    assert ("arrangement_status", "NL", "UG", "agreed") in facts(text, "es")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("They will be put on a plane and sent to Nauru under the deportation deal.", "en"),
        ("A flight scheduled to deport asylum seekers to Rwanda was cancelled.", "en"),
        (
            "Se esperaba que hasta siete personas fueran trasladadas a Ruanda bajo el plan de "
            "deportación.",
            "es",
        ),
    ],
)
def test_moves_still_to_come_are_no_transfers(text: str, language: str) -> None:
    assert not [c for c in claims(text, language) if c.kind.value == "transfer"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A 30-year-old Moroccan national was among the deportees flown to Albania by Italy.",
            "en",
        ),
        ("Un marroquí de 30 años estaba entre los deportados que Italia trasladó a Albania.", "es"),
    ],
)
def test_an_age_is_no_count(text: str, language: str) -> None:
    assert not [c for c in claims(text, language) if c.count == 30]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The Netherlands signed a deal with Uganda on rejected asylum seekers. Earlier, "
            "the UK had signed a migration treaty with Rwanda to send asylum seekers there.",
            "en",
        ),
        (
            "Países Bajos firmó un acuerdo con Uganda sobre solicitantes de asilo rechazados. "
            "Antes, el Reino Unido había firmado un tratado migratorio con Ruanda.",
            "es",
        ),
    ],
)
def test_a_sending_state_named_in_the_clause_is_its_sender(text: str, language: str) -> None:
    pairs = {(c.sender, c.receiver) for c in claims(text, language)}
    assert ("GB", "RW") in pairs and ("NL", "UG") in pairs
    assert ("NL", "RW") not in pairs


@pytest.mark.parametrize(
    "text",
    [
        "The asylum cooperative agreement between the United States and Guatemala was annulled.",
        "Britain confirmed the plan to send some asylum seekers to Kigali is to be scrapped.",
    ],
)
def test_an_annulled_agreement_or_a_scrapped_plan_is_ended(text: str) -> None:
    values = {c.value for c in claims(text, "en") if c.kind.value == "arrangement_status"}
    assert values == {"ended"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Eswatini received four deportees from the United States, among them men from "
            "Jamaica and Vietnam. One man was later sent back to Jamaica.",
            "en",
        ),
        (
            "Esuatini recibió a cuatro deportados de Estados Unidos, entre ellos hombres de "
            "Jamaica y Vietnam. Uno fue repatriado a Jamaica.",
            "es",
        ),
    ],
)
def test_sent_back_home_from_the_third_country(text: str, language: str) -> None:
    found = claims(text, language)
    onward = {(c.sender, c.receiver) for c in found if c.kind.value == "onward_transfer"}
    assert ("SZ", "JM") in onward
    assert not [c for c in found if c.sender == "US" and c.receiver == "JM"]


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        (
            "The United States deported five men to Eswatini in July. They were placed in "
            "solitary confinement there.",
            "en",
            "detention",
        ),
        (
            "Estados Unidos deportó a 14 hombres a Ghana en septiembre. Los deportados seguían "
            "detenidos en Ghana, según sus abogados.",
            "es",
            "detention",
        ),
        (
            "Estados Unidos deportó a 177 venezolanos a Honduras. El vicecanciller dijo que la "
            "operación en Honduras fue un trasbordo hacia Caracas.",
            "es",
            "transit_stopover",
        ),
        (
            "Países Bajos firmó un acuerdo con Uganda sobre solicitantes de asilo rechazados. "
            "Uganda serviría como escala para su traslado a sus respectivos países de origen.",
            "es",
            "transit_stopover",
        ),
    ],
)
def test_roles_in_the_words_real_reporting_uses(text: str, language: str, role: str) -> None:
    assert role in {c.value for c in claims(text, language) if c.kind.value == "role"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Kigali had agreed to a similar deportation agreement with the UK in 2022, but the "
            "plan fell through.",
            "en",
            {("GB", "RW", "agreed"), ("GB", "RW", "ended")},
        ),
        (
            "El gobierno de Trump ha establecido acuerdos para deportar migrantes a terceros "
            "países como Esuatini y Ghana.",
            "es",
            {("US", "SZ", "agreed"), ("US", "GH", "agreed")},
        ),
        (
            "Estados Unidos y Paraguay firmaron este jueves en Asunción el "
            "llamado Acuerdo de Tercer País Seguro.",
            "es",
            {("US", "PY", "agreed")},
        ),
    ],
)
def test_agreements_told_as_real_reporting_tells_them(
    text: str, language: str, expected: set[tuple[str, str, str]]
) -> None:
    found = {
        (c.sender, c.receiver, c.value)
        for c in claims(text, language)
        if c.kind.value == "arrangement_status"
    }
    assert found == expected


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        ("Italy sends 40 rejected asylum seekers to Albania", "en", ("IT", "AL")),
        (
            "Panamá, vecino al sur de Costa Rica, recibió a 299 migrantes asiáticos deportados "
            "por Estados Unidos.",
            "es",
            ("US", "PA"),
        ),
    ],
)
def test_headline_verbs_and_neighbours(text: str, language: str, pair: tuple[str, str]) -> None:
    moves = {(c.sender, c.receiver) for c in claims(text, language) if c.kind.value == "transfer"}
    assert moves == {pair}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Costa Rica took in 135 deportees from the United States. A week earlier, Panama "
            "received 299 deported migrants, with about 100 of them moved to a camp.",
            "en",
        ),
        (
            "Costa Rica acogió a 135 deportados de Estados Unidos. Una semana antes, Panamá "
            "recibió a 299 migrantes deportados, y luego unos 100 de ellos fueron llevados a un "
            "campamento.",
            "es",
        ),
    ],
)
def test_a_state_that_receives_people_is_no_onward_destination(text: str, language: str) -> None:
    found = claims(text, language)
    moves = {(c.kind.value, c.sender, c.receiver, c.count) for c in found}
    assert ("transfer", "US", "PA", 299) in moves
    assert not [m for m in moves if m[0] == "onward_transfer" and m[3] == 299]


def test_a_spanish_conditional_perfect_reports_no_move() -> None:
    text = (
        "Starmer afirmó que la política de deportación a Ruanda se desecharía porque sólo se "
        "habría expulsado a unos pocos solicitantes de asilo."
    )
    assert not [c for c in claims(text, "es") if c.value == "implemented"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The US deported 119 migrants to Panama. Panama said the deported migrants were "
            "detained after illegally crossing the US border.",
            "en",
        ),
        (
            "Estados Unidos deportó a ocho migrantes a Sudán del Sur. Los migrantes estaban "
            "retenidos en una base militar estadounidense en Yibutí.",
            "es",
        ),
    ],
)
def test_held_in_the_sending_state_is_no_detention_role(text: str, language: str) -> None:
    assert not [c for c in claims(text, language) if c.value == "detention"]


def test_convicted_in_the_sending_state_still_held_abroad() -> None:
    text = (
        "Denmark agreed with Kosovo on a deportation deal. Denmark is to rent 300 prison cells "
        "in Kosovo to house prisoners convicted in Denmark."
    )
    assert ("DK", "XK", "detention") in {
        (c.sender, c.receiver, c.value) for c in claims(text, "en") if c.kind.value == "role"
    }


def test_the_spanish_noun_traslado_is_no_move() -> None:
    text = (
        "Estados Unidos y Ecuador sellan un pacto que permitirá el traslado temporal de "
        "solicitantes de asilo a Ecuador."
    )
    assert not [c for c in claims(text, "es") if c.kind.value == "transfer"]
    moved = "Estados Unidos trasladó a 12 solicitantes de asilo a Ecuador."
    assert [c.count for c in claims(moved, "es") if c.kind.value == "transfer"] == [12]


@pytest.mark.parametrize(
    ("text", "pair", "count"),
    [
        (
            "Llegó el primer grupo de un total de 200 personas deportadas que Costa Rica aceptó "
            "recibir desde Estados Unidos.",
            ("US", "CR"),
            200,
        ),
        (
            "El gobierno salvadoreño habría acordado recibir a unos 300 deportados de Estados "
            "Unidos en sus cárceles.",
            ("US", "SV"),
            300,
        ),
    ],
)
def test_spanish_capacities_as_a_total_or_an_agreement(
    text: str, pair: tuple[str, str], count: int
) -> None:
    found = claims(text, "es")
    caps = {(c.sender, c.receiver, c.count) for c in found if c.kind.value == "capacity"}
    assert caps == {(*pair, count)}


@pytest.mark.parametrize(
    ("text", "language", "concern"),
    [
        (
            "The United States deported 17 people to Cameroon in January. The deportees face "
            "torture if they are sent on to their home countries.",
            "en",
            "refoulement",
        ),
        (
            "The United States deported 17 people to Cameroon in January. Authorities there are "
            "arbitrarily detaining the deportees.",
            "en",
            "due_process",
        ),
        (
            "Estados Unidos deportó a 17 personas a Camerún en enero. Los deportados enfrentan "
            "tortura si son enviados a sus países.",
            "es",
            "refoulement",
        ),
        (
            "Estados Unidos deportó a 17 personas a Camerún en enero. Los deportados sufren una "
            "detención arbitraria, según sus abogados.",
            "es",
            "due_process",
        ),
        # The risk of being sent on to the states they fled, told as a clause.
        (
            "The United States deported 17 people to Cameroon in January. Lawyers see a risk "
            "that the deportees could be sent back to their home countries.",
            "en",
            "refoulement",
        ),
        (
            "Estados Unidos deportó a 17 personas a Camerún en enero. Los abogados ven un riesgo "
            "de que los deportados puedan ser enviados a sus países de origen.",
            "es",
            "refoulement",
        ),
    ],
)
def test_concerns_in_the_words_real_reporting_uses(text: str, language: str, concern: str) -> None:
    assert concern in {c.value for c in claims(text, language) if c.kind.value == "concern"}


@pytest.mark.parametrize(
    "text",
    [
        "Llegaron a Panamá 299 migrantes deportados por Estados Unidos, 103 de los cuales se "
        "niegan a ser repatriados según el acuerdo.",
        "Es difícil devolverlos porque varios Estados de origen se niegan a recibirlos, y el "
        "acuerdo con Uganda serviría como escala.",
    ],
)
def test_people_or_home_states_refusing_are_no_denial(text: str) -> None:
    assert not [c for c in claims(text, "es") if c.kind.value == "denial"]


_CHROME_STORY = {
    "en": (
        "Eswatini agreed in June to take in migrants deported from the United States.\n\n{}\n\n"
        "The kingdom will be paid $5.1 million, officials said."
    ),
    "es": (
        "Esuatini aceptó en junio recibir a migrantes deportados por Estados Unidos.\n\n{}\n\n"
        "El reino recibirá 5,1 millones de dólares, dijeron funcionarios."
    ),
}


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Read more"), ("en", "Continue reading"), ("es", "Publicidad"), ("es", "Lea también")],
)
def test_a_page_label_between_paragraphs_does_not_part_them(language: str, label: str) -> None:
    """A paragraph is about moving people when the one before it says so; an ad label or a
    "read more" line of the page between the two is not that paragraph."""
    story = _CHROME_STORY[language]
    assert ("compensation", "US", "SZ", 5_100_000) in facts(story.format(label), language)
    # A paragraph of the story in between does part them: the payment is then unrelated.
    other = "The weather was mild." if language == "en" else "El tiempo fue templado."
    assert not [f for f in facts(story.format(other), language) if f[0] == "compensation"]


_SENT_TO_GHANA = {
    "en": "The United States deported 14 people to Ghana in September. ",
    "es": "Estados Unidos deportó a 14 personas a Ghana en septiembre. ",
}


@pytest.mark.parametrize(
    ("text", "language", "concern"),
    [
        ("Lawyers say the deportees were denied due process before the flight.", "en",
         "due_process"),
        ("Their lawyers say the men are being unlawfully detained at a military base.", "en",
         "due_process"),
        ("The detainees say their contact with the outside world has been cut to one call a "
         "month.", "en", "incommunicado"),
        ("Sus familias denuncian la falta de un debido proceso para los deportados.", "es",
         "due_process"),
        ("Los abogados afirman que los hombres están detenidos ilegalmente en una base.", "es",
         "due_process"),
        ("Los deportados siguen retenidos sin intérprete ni acceso a asesoría legal.", "es",
         "due_process"),
        ("Además, se les limitó el contacto con el exterior durante semanas.", "es",
         "incommunicado"),
        ("The men sent there are now held in a secret location, their lawyers say.", "en",
         "due_process"),
        ("Los hombres enviados allí están retenidos en un lugar secreto, según sus abogados.",
         "es", "due_process"),
    ],
)  # fmt: skip
def test_concerns_named_as_what_is_at_stake(text: str, language: str, concern: str) -> None:
    found = claims(_SENT_TO_GHANA[language] + text, language)
    assert ("GH", concern) in {(c.receiver, c.value) for c in found if c.kind.value == "concern"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Several of the deportees had won protection in the US because of fears of "
         "persecution or torture at home.", "en"),
        ("The minister said the deal would end the abuse of the country's asylum system by "
         "migrants.", "en"),
        ("Los jueces habían concluido que los deportados podían correr peligro y ser víctimas "
         "de tortura en sus países.", "es"),
        ("Las ONG dicen que los migrantes quedan expuestos al riesgo de sufrir tortura y "
         "expulsión.", "es"),
        ("El ministro dijo que el acuerdo pone fin al abuso del sistema de asilo por parte de "
         "los migrantes.", "es"),
    ],
)  # fmt: skip
def test_a_risk_of_torture_or_misuse_of_a_system_is_no_reported_abuse(
    text: str, language: str
) -> None:
    found = claims(_SENT_TO_GHANA[language] + text, language)
    assert "abuse" not in {c.value for c in found if c.kind.value == "concern"}


def _denials(text: str, language: str) -> set[tuple[str | None, str | None]]:
    return {(c.sender, c.receiver) for c in claims(text, language) if c.kind.value == "denial"}


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        ("Washington has confirmed a deportation agreement with Uganda, despite earlier denials "
         "by Kampala that such an agreement exists.", "en", ("US", "UG")),
        ("Washington confirmó un acuerdo de deportación con Uganda, pese a los desmentidos de "
         "Kampala sobre la existencia de tal acuerdo.", "es", ("US", "UG")),
        ("Uganda's foreign minister denied that his government had held talks with the "
         "Netherlands on return hubs for rejected asylum seekers.", "en", ("NL", "UG")),
        ("El canciller de Uganda negó que su gobierno haya mantenido conversaciones con Países "
         "Bajos sobre centros de retorno para solicitantes de asilo.", "es", ("NL", "UG")),
    ],
)  # fmt: skip
def test_denials_told_as_a_noun_or_of_talks(
    text: str, language: str, pair: tuple[str, str]
) -> None:
    assert pair in _denials(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Albania's prime minister dismissed the proposal, saying Albania would not join any "
         "migration deal with Britain.", "en"),
        ("El gobierno de Albania negó la petición británica de firmar un acuerdo sobre "
         "migrantes con el Reino Unido.", "es"),
        ("“There is no information on any agreement with the United States,” the party's "
         "spokeswoman said of the deportees sent to Eswatini.", "en"),
        ("«No hay comunicación oficial sobre ningún acuerdo con Estados Unidos», dijo la "
         "portavoz del partido sobre los deportados enviados a Esuatini.", "es"),
    ],
)  # fmt: skip
def test_a_request_turned_down_or_no_news_of_a_deal_is_no_denial(text: str, language: str) -> None:
    assert not _denials(text, language)


def test_a_move_told_in_a_relative_clause_is_dated_in_it() -> None:
    found = extract_claims(
        "The government of South Sudan on Monday sent home a Mexican national who had been "
        "deported to Juba by the United States in July, officials said.",
        published=dt.date(2025, 9, 10),
        language="en",
    )
    moves = [c for c in found if c.kind.value == "transfer"]
    assert moves
    assert all((c.sender, c.receiver) == ("US", "SS") for c in moves)
    # dated by the relative clause's "in July", not the main clause's "on Monday"; the one
    # man sent home is no count of the group the first move brought
    assert all(c.date is not None and c.date.isoformat().startswith("2025-07") for c in moves)
    assert all(c.count is None for c in moves)


def test_people_sent_back_to_the_sender_move_on_out_of_the_third_country() -> None:
    found = extract_claims(
        "Italy sent 20 migrants to Albania on Monday under the deal. Three of the 20 migrants "
        "have already been sent back to Italy because they were minors.",
        published=dt.date(2024, 10, 19),
        language="en",
    )
    onward = {(c.sender, c.receiver, c.count) for c in found if c.kind.value == "onward_transfer"}
    assert onward == {("AL", "IT", 3)}


def test_one_man_returned_to_the_sender_for_trial_is_no_onward_move() -> None:
    found = extract_claims(
        "The United States deported 12 men to Albania last month. He was returned to the "
        "United States in June to face charges.",
        published=dt.date(2025, 10, 20),
        language="en",
    )
    assert not [c for c in found if c.kind.value == "onward_transfer"]


def test_prison_cells_rented_abroad_are_on_topic() -> None:
    found = extract_claims(
        "Denmark to Pay Kosovo $100M to Rent Prison Cells for Its Foreign Convicts",
        published=dt.date(2021, 12, 20),
        language="en",
    )
    assert ("role", "DK", "XK", "detention") in {
        (c.kind.value, c.sender, c.receiver, c.value) for c in found
    }
