"""Forms real reporting uses, each in English and Spanish (sentences written for these tests).

Each case is a short text, the claims it must give (kind, sender, receiver, count) and the
claims it must not give. The texts mirror the shapes found in real news pages; none is
copied from one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thirdcountry.extract import extract_claims

PUBLISHED = dt.date(2025, 8, 22)  # a Friday


def facts(
    text: str, published: dt.date = PUBLISHED
) -> set[tuple[str, str | None, str, int | None]]:
    return {
        (c.kind.value, c.sender, c.receiver or "", c.count)
        for c in extract_claims(text, published=published)
    }


def moves(text: str) -> set[tuple[str, str | None, str, int | None]]:
    return {f for f in facts(text) if f[0] in ("transfer", "onward_transfer")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Active voice, sender as subject.
        (
            "The United States deported six men to Uganda on Tuesday, officials said.",
            ("transfer", "US", "UG", 6),
        ),
        (
            "Estados Unidos deportó el martes a seis hombres a Uganda, según las autoridades.",
            ("transfer", "US", "UG", 6),
        ),
        # People deported from the sender arrive in the receiver.
        (
            "Eleven men deported from the United States arrived in Ghana on Wednesday.",
            ("transfer", "US", "GH", 11),
        ),
        (
            "Once hombres deportados desde Estados Unidos llegaron el miércoles a Ghana.",
            ("transfer", "US", "GH", 11),
        ),
        # A flight carrying people from the sender lands in the receiver.
        (
            "A deportation flight carrying 21 people from the United States landed in Rwanda.",
            ("transfer", "US", "RW", 21),
        ),
        (
            "Un vuelo con 21 personas deportadas por el Departamento de Seguridad Nacional "
            "aterrizó el lunes en Ruanda.",
            ("transfer", "US", "RW", 21),
        ),
        # The receiver as subject, in the past and in a headline's present.
        (
            "Eswatini received ten deportees from the United States on Monday.",
            ("transfer", "US", "SZ", 10),
        ),
        ("Ruanda recibe a seis deportados por Estados Unidos.", ("transfer", "US", "RW", 6)),
        (
            "US deportees arrive in South Sudan as eight men land in Juba.",
            ("transfer", "US", "SS", 8),
        ),
        # Nationalities listed between the verb and the destination.
        (
            "The United States deported four men, from Cuba, Laos and Yemen, to Eswatini.",
            ("transfer", "US", "SZ", 4),
        ),
        (
            "Estados Unidos deportó a cuatro hombres de Cuba, Laos y Yemen al reino de Esuatini.",
            ("transfer", "US", "SZ", 4),
        ),
    ],
)
def test_one_sentence_transfers(text: str, expected: tuple[str, str, str, int]) -> None:
    assert expected in moves(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Four men deported from the United States were flown to Eswatini after their home "
        "countries refused to take them back. They come from Cuba, Laos and Yemen.",
        "Cuatro hombres deportados por Estados Unidos fueron enviados a Esuatini después de "
        "que sus países de origen se negaran a recibirlos. Son de Cuba, Laos y Yemen.",
    ],
)
def test_home_countries_that_refused_their_people_are_no_party(text: str) -> None:
    found = facts(text)
    assert ("transfer", "US", "SZ", 4) in found, found
    for code in ("CU", "LA", "YE"):
        assert not any(f[2] == code for f in found), found  # no status, no onward move
    assert not any(f[0] == "onward_transfer" for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Twelve people deported from the United States landed in Costa Rica on Monday.",
        "Doce personas deportadas desde Estados Unidos aterrizaron el lunes en Costa Rica.",
        "The United States deports migrants to Panama. A flight carrying 40 migrants from India "
        "and Nepal landed in Panama on Friday.",
        "Estados Unidos deporta migrantes a Panamá. Un avión con 40 migrantes de India y Nepal "
        "aterrizó el viernes en Panamá.",
    ],
)
def test_where_people_were_sent_from_is_not_their_nationality(text: str) -> None:
    found = extract_claims(text, published=PUBLISHED)
    assert found, text
    assert all("US" not in c.nationalities for c in found)
    assert not any(c.sender in ("IN", "NP") or c.receiver in ("IN", "NP") for c in found)


@pytest.mark.parametrize(
    "text",
    [
        "Between January and June, 5,728 people were deported from the United States to Mexico.",
        "Entre enero y junio, 5.728 personas fueron deportadas de Estados Unidos a México.",
        "Since July, 1,200 migrants have been sent from the United States to Costa Rica.",
        "Desde febrero, 1.200 migrantes han sido enviados desde Estados Unidos a Costa Rica.",
    ],
)
def test_a_total_over_a_period_is_not_one_transfer(text: str) -> None:
    assert not moves(text), facts(text)


def test_a_move_across_the_year_boundary_is_dated_in_the_right_year() -> None:
    for text in (
        "On January 22, the United States deported nine Cuban men to Eswatini.",
        "El 22 de enero, Estados Unidos deportó a nueve cubanos a Esuatini.",
    ):
        (transfer,) = [
            c
            for c in extract_claims(text, published=dt.date(2026, 2, 4))
            if c.kind.value == "transfer"
        ]
        assert str(transfer.when) == "2026-01-22"


@pytest.mark.parametrize(
    ("text", "receivers"),
    [
        (
            "Honduras is the latest country to take deportees from the United States, after "
            "similar agreements reached with Panama and Costa Rica.",
            {"PA", "CR"},
        ),
        (
            "Honduras es el último país en recibir deportados de Estados Unidos, que ya había "
            "firmado acuerdos con Panamá y Costa Rica.",
            {"PA", "CR"},
        ),
        (
            "Kosovo already has a deal in place to take in 300 prisoners from Denmark awaiting "
            "deportation.",
            {"XK"},
        ),
        (
            "Kosovo ya tiene un acuerdo para recibir a 300 presos de Dinamarca a la espera de su "
            "deportación.",
            {"XK"},
        ),
        (
            "Nine migrants reached Rwanda from the United States as part of a deal to receive "
            "deportees.",
            {"RW"},
        ),
        (
            "Nueve migrantes llegaron a Ruanda desde Estados Unidos como parte de un acuerdo para "
            "recibir deportados.",
            {"RW"},
        ),
        ("Uganda cerró un trato con Estados Unidos para recibir migrantes deportados.", {"UG"}),
        ("Paraguay accede a acoger a 30 migrantes deportados por Estados Unidos.", {"PY"}),
    ],
)
def test_agreements_told_in_passing(text: str, receivers: set[str]) -> None:
    found = {
        c.receiver
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "arrangement_status" and c.value == "agreed"
    }
    assert receivers <= found, facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle phrase that names where people were sent tells the move.
        ("Six men deported by the United States to Ghana were placed in a military camp.",
         ("transfer", "US", "GH", 6)),
        ("Seis hombres deportados por Estados Unidos a Ghana fueron internados en un campamento "
         "militar.", ("transfer", "US", "GH", 6)),
        # A mixed group, one of whom is from the destination, named by the sender.
        ("Rwanda received seven people deported by the United States, among them a Cuban. "
         "The group also includes a Rwandan and two Laotians.", ("transfer", "US", "RW", 7)),
        ("Ruanda recibió a siete personas deportadas por Estados Unidos, entre ellas un "
         "cubano. El grupo incluye además a un ruandés y dos laosianos.",
         ("transfer", "US", "RW", 7)),
    ],
)  # fmt: skip
def test_moves_told_in_a_phrase_or_of_a_mixed_group(
    text: str, expected: tuple[str, str, str, int]
) -> None:
    assert expected in moves(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Most of those arrested were from Mexico, Guatemala and Honduras. Immigration officials "
        "said 90 of them had already been deported from the United States to Mexico.",
        "La mayoría de los detenidos eran de México, Guatemala y Honduras. Las autoridades "
        "dijeron que 90 de ellos ya habían sido deportados de Estados Unidos a México.",
    ],
)
def test_part_of_a_group_sent_to_its_own_country_is_no_transfer(text: str) -> None:
    assert not moves(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana took in 14 West Africans deported from the United States last week. The group, "
        "twelve Nigerians and two Liberians, has since left for their home countries.",
        "Ghana recibió la semana pasada a 14 africanos deportados por Estados Unidos. El grupo, "
        "doce nigerianos y dos liberianos, ya regresó a sus países.",
    ],
)
def test_going_home_from_a_third_country_is_an_onward_move(text: str) -> None:
    onward = {(f[1], f[2]) for f in moves(text) if f[0] == "onward_transfer"}
    assert onward == {("GH", "NG"), ("GH", "LR")}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana took in 14 West Africans deported from the United States last week. The group, "
        "twelve Nigerians and two Liberians, will be held for a month before being returned to "
        "their home countries.",
        "Ghana recibió la semana pasada a 14 africanos deportados por Estados Unidos. El grupo, "
        "doce nigerianos y dos liberianos, permanecerá un mes antes de ser enviado a sus países.",
        "Un vuelo con 42 guatemaltecos deportados desde México llegó a Guatemala. Estados Unidos "
        "envió además a 30 hondureños a Costa Rica.",
    ],
)
def test_a_return_still_to_come_or_from_the_sender_itself_is_no_onward_move(text: str) -> None:
    assert not any(f[0] == "onward_transfer" for f in facts(text)), facts(text)


@pytest.mark.parametrize(
    ("text", "receiver"),
    [
        ("The United States signed a safe third country agreement with Paraguay on Thursday, "
         "under which asylum seekers may be sent there.", "PY"),
        ("Estados Unidos y Paraguay firmaron el jueves un acuerdo de tercer país seguro para "
         "el envío de solicitantes de asilo.", "PY"),
    ],
)  # fmt: skip
def test_a_safe_third_country_offers_protection(text: str, receiver: str) -> None:
    roles = {
        (c.receiver, c.value)
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "role"
    }
    assert (receiver, "protection_or_resettlement") in roles, facts(text)


def test_a_move_joined_without_its_verb_is_a_move_of_its_own() -> None:
    for text in (
        "In July, the United States deported five men to Eswatini and eight more to South Sudan.",
        "En julio, Estados Unidos deportó a cinco hombres a Esuatini y a ocho a Sudán del Sur.",
    ):
        found = moves(text)
        assert {("transfer", "US", "SZ", 5), ("transfer", "US", "SS", 8)} <= found, found


def test_a_count_of_part_of_the_group_is_not_the_group() -> None:
    for text in (
        "The United States deported 120 migrants, including 40 children, to Costa Rica.",
        "Estados Unidos deportó a 120 migrantes, entre ellos 40 niños, a Costa Rica.",
    ):
        counts = {f[3] for f in moves(text)}
        assert counts == {120}, facts(text)


def test_a_bare_dollar_sign_is_the_paying_states_dollar() -> None:
    for text in (
        "Australia will pay Nauru $70 million a year under the deal to resettle deportees.",
        "Australia pagará a Nauru $70 millones al año por el acuerdo para reasentar deportados.",
    ):
        paid = {
            (c.sender, c.receiver, c.currency)
            for c in extract_claims(text, published=PUBLISHED)
            if c.kind.value == "compensation"
        }
        assert paid == {("AU", "NR", "AUD")}, facts(text)


@pytest.mark.parametrize(
    ("text", "receivers"),
    [
        ("Critics of the UK's Rwanda scheme say it cost millions before a single asylum seeker "
         "was deported.", {"RW"}),
        ("Los críticos del acuerdo Ruanda del Reino Unido dicen que costó millones sin que "
         "ningún solicitante de asilo haya sido deportado.", {"RW"}),
    ],
)  # fmt: skip
def test_deals_named_after_their_receiver(text: str, receivers: set[str]) -> None:
    found = {
        c.receiver
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "arrangement_status" and c.value == "agreed"
    }
    assert receivers <= found, facts(text)


def test_an_agreement_to_take_a_number_of_people_is_a_capacity() -> None:
    for text in (
        "Kosovo agreed to host 50 people deported from the United States.",
        "Kosovo accedió a una petición de Estados Unidos para acoger inicialmente a 50 deportados.",
    ):
        caps = {
            (c.receiver, c.count)
            for c in extract_claims(text, published=PUBLISHED)
            if c.kind.value == "capacity"
        }
        assert ("XK", 50) in caps, facts(text)


def test_reaching_a_deal_is_no_arrival() -> None:
    for text in (
        "Uganda ha llegado a un acuerdo con Estados Unidos para recibir migrantes deportados.",
        "No está claro qué obtendrá Paraguay del acuerdo al que llegó con Estados Unidos sobre "
        "los migrantes deportados.",
        "Uganda has reached an agreement with the United States to receive deported migrants.",
    ):
        assert not moves(text), facts(text)


def _paid(text: str) -> set[tuple[str | None, str | None, object]]:
    return {
        (c.sender, c.receiver, c.amount)
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "compensation"
    }


@pytest.mark.parametrize(
    "text",
    [
        # Something given in exchange that is no money: people set free.
        "The United States deported 252 Venezuelans to El Salvador in March. They were flown "
        "home in exchange for the release of ten Americans.",
        "Estados Unidos deportó a 252 venezolanos a El Salvador en marzo. Fueron repatriados a "
        "cambio de decenas de presos políticos.",
        "Estados Unidos deportó a 252 venezolanos a El Salvador en marzo. Fueron repatriados a "
        "cambio de decenas de “presos políticos”.",
        "Estados Unidos deportó a 252 venezolanos a El Salvador en marzo. Esto a cambio de la "
        "excarcelación de diez estadounidenses.",
        # Asked for before the cue, or only possible.
        "The United States deported 20 people to Equatorial Guinea in May. In exchange for "
        "accepting them, the minister said he had asked Washington to cover the housing costs.",
        "Estados Unidos deportó a 20 personas a Ruanda en mayo. Hubo críticas por posibles "
        "negociaciones de ayuda financiera a cambio de acoger a los deportados.",
        # Money handed to the people, not to a state.
        "The United States deported 20 people to Uganda in May. The deportees were given $300 "
        "each.",
        "Estados Unidos deportó a 20 personas a Uganda en mayo. A los deportados se les entregaron "
        "300 dólares para el viaje.",
        # A payment asked for, or only possible, somewhere in the clause.
        "The United States deported 20 people to Mexico in May. Mexico could potentially limit "
        "the programme to some nationalities or request compensation.",
        "Estados Unidos deportó a 20 personas a Guinea Ecuatorial en mayo. El ministro pidió a "
        "Washington cubrir los costos de alojamiento de los deportados.",
        # Costs and damages a court orders paid.
        "The United States deported 20 people to Costa Rica in February. The court ordered the "
        "state to pay damages and legal costs.",
        "Estados Unidos deportó a 20 personas a Costa Rica en febrero. La Sala condenó al Estado "
        "al pago de costas, daños y perjuicios.",
    ],
)
def test_money_that_is_no_payment_for_taking_people(text: str) -> None:
    assert not _paid(text), facts(text)


def test_a_negation_in_another_phrase_leaves_the_payment() -> None:
    for text in (
        "Under the deal, whose details have not been made public, Washington will pay El "
        "Salvador $6 million a year to hold the deportees.",
        "Según el acuerdo, cuyos detalles no se han revelado, Washington pagará a El Salvador "
        "6 millones de dólares al año por los deportados.",
    ):
        assert ("US", "SV", 6000000) in _paid(text), facts(text)


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("Migrants deported from the United States are being kept at the Decápolis Hotel, "
         "officials said.", ("PA", "Decapolis Hotel")),
        ("Los migrantes deportados desde Estados Unidos permanecen en el CATEM desde febrero, "
         "según las autoridades.", ("CR", "CATEM")),
    ],
)  # fmt: skip
def test_people_another_state_sent_held_at_a_facility(text: str, facility: tuple[str, str]) -> None:
    found = {
        (c.receiver, c.facility)
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "facility"
    }
    assert facility in found, facts(text)


@pytest.mark.parametrize(
    ("text", "receiver"),
    [
        ("To its critics, the UK's Rwanda scheme for asylum seekers seems a waste.", "RW"),
        ("Los críticos dicen que el acuerdo Ruanda del Reino Unido para solicitantes de asilo "
         "resultó caro.", "RW"),
    ],
)  # fmt: skip
def test_a_deal_named_after_its_receiver_is_read_without_another_cue(
    text: str, receiver: str
) -> None:
    found = {
        (c.receiver, c.value)
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "arrangement_status"
    }
    assert (receiver, "agreed") in found, facts(text)


def _caps(text: str) -> set[tuple[str | None, int | None]]:
    return {
        (c.receiver, c.count)
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "capacity"
    }


@pytest.mark.parametrize(
    ("text", "not_a_cap"),
    [
        # A place's own size.
        ("The United States sent 238 men to CECOT, a detention facility that can hold up to "
         "40,000 people.", 40000),
        ("Estados Unidos envió a 238 migrantes al CECOT, la mayor cárcel de América, con "
         "capacidad para hasta 40.000 reos.", 40000),
        # The first country to take people in: a move made.
        ("Panama became the first country to accept 119 deportees from the United States.",
         119),
        ("Panamá fue el primer país que aceptó recibir a 119 deportados de Estados Unidos.",
         119),
        # A count already reached.
        ("As many as 60 migrants deported by the United States to Bhutan have been detained "
         "there.", 60),
        ("Honduras dijo que había facilitado el traslado de hasta 170 migrantes de Estados "
         "Unidos a Venezuela.", 170),
    ],
)  # fmt: skip
def test_a_size_or_a_count_reached_is_no_capacity(text: str, not_a_cap: int) -> None:
    assert not_a_cap not in {count for _receiver, count in _caps(text)}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Palau, a country east of the Philippines, has agreed to accept up to 75 deportees from "
        "the United States.",
        "Palaos, un país al este de Filipinas, aceptó recibir hasta 75 deportados de Estados "
        "Unidos.",
    ],
)
def test_a_state_named_to_place_another_is_no_party(text: str) -> None:
    assert _caps(text) == {("PW", 75)}, facts(text)


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("Italy sent 16 migrants to Albania, to the centres in Schengjin and Gjiader.",
         {("AL", "Shengjin"), ("AL", "Gjader")}),
        ("Australia flew 20 refugees from the Manus Island centre in Papua New Guinea to "
         "Nauru.", {("PG", "Manus Island Regional Processing Centre")}),
        ("Estados Unidos deportó a 200 migrantes a Costa Rica, alojados en un Centro Temporal "
         "de Atención a Migrantes.", {("CR", "CATEM")}),
        ("Estados Unidos deportó a cinco hombres a Esuatini, recluidos en el Complejo "
         "Penitenciario de Matsapha.", {("SZ", "Matsapha Correctional Centre")}),
        ("Estados Unidos deportó a 14 migrantes a Ghana, detenidos en el campamento Bundase.",
         {("GH", "Bundase military camp")}),
    ],
)  # fmt: skip
def test_facilities_under_the_spellings_reporting_uses(
    text: str, facility: set[tuple[str, str]]
) -> None:
    found = {
        (c.receiver, c.facility)
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "facility"
    }
    assert facility <= found, facts(text)
