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
        # An arrival told as a noun.
        (
            "Costa Rica's security ministry confirmed the arrival of a group of 135 migrants "
            "deported by the United States.",
            ("transfer", "US", "CR", 135),
        ),
        (
            "El Ministerio de Seguridad de Costa Rica confirmó la llegada de un grupo de 135 "
            "migrantes deportados por Estados Unidos.",
            ("transfer", "US", "CR", 135),
        ),
        # A ship docks with the people on board.
        (
            "An Italian navy ship carrying 16 migrants docked at the port of Shengjin in "
            "Albania on Tuesday.",
            ("transfer", "IT", "AL", 16),
        ),
        (
            "Un buque de Italia con 16 migrantes atracó el martes en el puerto de Shëngjin, en "
            "Albania.",
            ("transfer", "IT", "AL", 16),
        ),
        # A law used to move people tells the moves made with it.
        (
            "The White House has used the wartime law to deport migrants to El Salvador.",
            ("transfer", "US", "SV", None),
        ),
        (
            "La ley de tiempos de guerra, invocada por la Casa Blanca para deportar a migrantes "
            "a El Salvador, llega al tribunal.",
            ("transfer", "US", "SV", None),
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
        "The White House plans to use the wartime law to deport migrants to El Salvador.",
        "La Casa Blanca planea usar la ley de tiempos de guerra para deportar a migrantes a "
        "El Salvador.",
        # An arrival still awaited.
        "Officials expect the arrival of 50 migrants deported by the United States in Costa "
        "Rica next week.",
        "Se espera la llegada de 50 migrantes deportados por Estados Unidos a Costa Rica la "
        "próxima semana.",
    ],
)
def test_a_move_still_to_come_is_no_move(text: str) -> None:
    assert not moves(text), facts(text)


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
        "The United States deported three men who are citizens of Cuba and Laos to the "
        "country, Uganda.",
        "Estados Unidos deportó a tres hombres que son ciudadanos de Cuba y Laos al país Uganda.",
    ],
)
def test_a_word_for_the_country_before_its_name_refers_to_nothing_earlier(text: str) -> None:
    found = moves(text)
    assert found == {("transfer", "US", "UG", 3)}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the other deportees were most likely flown by the United States to Rwanda.",
        "Según las autoridades, los demás deportados probablemente fueron enviados por Estados "
        "Unidos a Ruanda.",
    ],
)
def test_a_guessed_move_is_no_transfer(text: str) -> None:
    assert not any(f[0] == "transfer" for f in facts(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Uganda took in 12 deportees from the United States. The group includes Kenyans and "
        "Eritreans, while three Somalis decided to return to their home country.",
        "Uganda recibió a 12 deportados de Estados Unidos. El grupo incluye a kenianos y "
        "eritreos, mientras que tres somalíes regresaron a su país.",
    ],
)
def test_only_the_people_of_the_clause_going_home_move_onward(text: str) -> None:
    onward = {(f[1], f[2], f[3]) for f in moves(text) if f[0] == "onward_transfer"}
    assert onward == {("UG", "SO", 3)}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rwanda took in seven deportees from the United States. A week later, the Trump "
        "administration deported 30 Cubans to Eswatini.",
        "Ruanda recibió a siete deportados de Estados Unidos. Una semana después, el gobierno "
        "de Trump deportó a 30 cubanos a Esuatini.",
    ],
)
def test_a_later_move_by_the_usual_sender_is_no_onward_move(text: str) -> None:
    found = moves(text)
    assert ("transfer", "US", "SZ", 30) in found, facts(text)
    assert not any(f[0] == "onward_transfer" for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan was flown from the United States to Uganda on Monday alongside 21 other "
        "deportees.",
        "El keniano fue enviado el lunes desde Estados Unidos a Uganda junto a otros 21 "
        "deportados.",
    ],
)
def test_one_person_and_n_others_are_n_plus_one(text: str) -> None:
    counts = {f[3] for f in moves(text) if f[0] == "transfer"}
    assert counts == {22}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Last year the United States wrongly deported him to his native Honduras, where he "
        "was jailed.",
        "El año pasado Estados Unidos lo deportó por error a su natal Honduras, donde fue "
        "encarcelado.",
        "The United States deported the woman to her native country, Honduras, in May.",
        "Estados Unidos deportó en mayo a la mujer a su país natal, Honduras.",
    ],
)
def test_a_deportation_to_ones_native_country_is_no_transfer(text: str) -> None:
    assert not moves(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Panama received 120 deportees from the United States last week. On Wednesday, 60 "
        "migrants were moved to a shelter in the Darien province.",
        "Panamá recibió la semana pasada a 120 deportados de Estados Unidos. El miércoles, 60 "
        "migrantes fueron trasladados a un albergue en la provincia de Darién.",
        "Panama took in 120 deportees from the United States, with 60 of them later moved to a "
        "camp in the Darien province.",
        "Panamá recibió a 120 deportados de Estados Unidos, y 60 fueron trasladados luego a un "
        "campamento en la provincia de Darién.",
    ],
)
def test_a_move_to_a_shelter_in_the_receiving_country_is_no_new_transfer(text: str) -> None:
    found = {f for f in moves(text) if f[0] == "transfer"}
    assert found == {("transfer", "US", "PA", 120)}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Honduras took in 130 Venezuelans deported by the United States on Monday. A group of "
        "130 Venezuelan migrants flew on Thursday night back home on a plane from Honduras.",
        "Honduras recibió el lunes a 130 venezolanos deportados por Estados Unidos. Un grupo de "
        "130 migrantes venezolanos regresó la noche del jueves a su país en un avión procedente "
        "de Honduras.",
    ],
)
def test_a_day_between_going_and_home_still_tells_the_way_home(text: str) -> None:
    found = moves(text)
    assert ("onward_transfer", "HN", "VE", 130) in found, facts(text)
    assert {f for f in found if f[0] == "transfer"} == {("transfer", "US", "HN", 130)}, found


@pytest.mark.parametrize(
    "text",
    [
        "Rwanda has repatriated a Bolivian man who was deported from the United States in "
        "June, the ministry said on Thursday.",
        "Uganda announced the repatriation of Ana Ruiz, a Peruvian woman deported there by the "
        "United States in May.",
        "Ruanda repatrió el jueves a un boliviano que había sido deportado por Estados Unidos "
        "en junio.",
        "Uganda anunció la repatriación de Ana Ruiz, una peruana deportada allí por Estados "
        "Unidos en mayo.",
    ],
)
def test_a_third_country_repatriating_someone_moves_them_onward(text: str) -> None:
    onward = {(f[1], f[2], f[3]) for f in moves(text) if f[0] == "onward_transfer"}
    assert onward in ({("RW", "BO", 1)}, {("UG", "PE", 1)}), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States repatriated 40 Hondurans on Monday, officials said.",
        "Estados Unidos repatrió el lunes a 40 hondureños, según las autoridades.",
        "Rwanda took in ten deportees from the United States. Rwandan officials are overseeing "
        "the repatriation of the migrants.",
        "Ruanda recibió a diez deportados de Estados Unidos. Las autoridades ruandesas supervisan "
        "la repatriación de los migrantes.",
    ],
)
def test_repatriation_by_the_sender_or_by_nobody_named_is_no_onward_move(text: str) -> None:
    assert not any(f[0] == "onward_transfer" for f in facts(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana took in 12 West Africans deported from the United States last week. The group, "
        "including 11 Liberians and one Malian, has since left for their home countries.",
        "Ghana recibió la semana pasada a 12 africanos deportados por Estados Unidos. El grupo, "
        "entre ellos 11 liberianos y un maliense, ya regresó a sus países.",
    ],
)
def test_each_nationality_going_home_keeps_its_own_number(text: str) -> None:
    onward = {(f[2], f[3]) for f in moves(text) if f[0] == "onward_transfer"}
    assert onward == {("LR", 11), ("ML", 1)}, facts(text)


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


@pytest.mark.parametrize(
    "text",
    [
        # The nationalities in apposition to the group counted first.
        "Six deportees, a Kenyan, a Yemeni and two Eritreans, landed in Rwanda from the United "
        "States on Tuesday.",
        "Seis deportados, un keniano, un yemení y dos eritreos, aterrizaron el martes en Ruanda "
        "desde Estados Unidos.",
        # The breakdown brought in by "among them", "además de", after other words.
        "Nine migrants sent from the United States, among them a Cuban and three Haitians, "
        "arrived in Ghana on Monday.",
        "Nueve migrantes enviados desde Estados Unidos, en su mayoría haitianos además de un "
        "cubano y dos jamaiquinos, llegaron el lunes a Ghana.",
    ],
)
def test_the_numbers_of_a_groups_nationalities_are_not_its_count(text: str) -> None:
    counts = {f[3] for f in moves(text) if f[0] == "transfer"}
    assert counts in ({6}, {9}), facts(text)


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


@pytest.mark.parametrize(
    "text",
    [
        "Estados Unidos ha llegado este miércoles a un acuerdo con Uganda para el traslado de "
        "solicitantes de asilo de otros países a territorio ugandés.",
        "The United States on Wednesday reached an agreement with Uganda for the transfer of "
        "asylum seekers from other countries to Ugandan territory.",
    ],
)
def test_reaching_a_deal_on_a_given_day_is_no_arrival(text: str) -> None:
    assert not moves(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Un primer grupo de seis migrantes deportados llegó a Uganda desde Estados Unidos como "
        "parte de un acuerdo.",
        "A first group of six deported migrants arrived in Uganda from the United States as "
        "part of an agreement.",
    ],
)
def test_an_arrival_under_a_deal_is_still_an_arrival(text: str) -> None:
    assert ("transfer", "US", "UG", 6) in moves(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Five of the nine men deported to Uganda from the United States in May remain in "
        "detention.",
        "Cinco de los nueve hombres deportados a Uganda desde Estados Unidos en mayo siguen "
        "detenidos.",
    ],
)
def test_a_part_of_a_group_moved_counts_the_whole_group(text: str) -> None:
    counts = {f[3] for f in moves(text) if f[0] == "transfer"}
    assert counts == {9}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "At least five men deported from the United States to Rwanda have been moved on to "
        "Burundi, their lawyers said.",
        "Al menos cinco hombres deportados desde Estados Unidos a Ruanda han sido trasladados a "
        "Burundi, dijeron sus abogados.",
    ],
)
def test_people_sent_to_a_third_country_and_moved_on_from_it(text: str) -> None:
    found = moves(text)
    assert {("transfer", "US", "RW", 5), ("onward_transfer", "RW", "BI", 5)} <= found, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rwanda took in seven deportees from the United States in June. Since the repatriation "
        "of a Bolivian national last month, another man has received his papers.",
        "Ruanda recibió a siete deportados de Estados Unidos en junio. Tras la repatriación de "
        "un ciudadano boliviano el mes pasado, otro hombre ya recibió sus papeles.",
    ],
)
def test_a_repatriation_told_without_its_actor_is_from_the_state_in_view(text: str) -> None:
    onward = {(f[1], f[2], f[3]) for f in moves(text) if f[0] == "onward_transfer"}
    assert onward == {("RW", "BO", 1)}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Uganda has begun receiving migrants deported from the United States who are not "
        "originally from Uganda, officials said.",
        "Uganda ha empezado a recibir a migrantes deportados desde Estados Unidos que no son "
        "originarios de Uganda, dijeron las autoridades.",
    ],
)
def test_a_state_that_has_started_taking_people_in_has_received_them(text: str) -> None:
    assert ("transfer", "US", "UG", None) in moves(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Uganda will start receiving migrants deported from the United States next month.",
        "Uganda empezará a recibir a migrantes deportados desde Estados Unidos el mes próximo.",
    ],
)
def test_a_state_that_will_start_taking_people_in_has_received_nobody(text: str) -> None:
    assert not any(f[0] == "transfer" for f in facts(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Forty migrants deported by the United States to Panama were taken to a camp near the "
        "border. The camp is guarded by Panamanian security forces.",
        "Cuarenta migrantes deportados por Estados Unidos a Panamá fueron llevados a un "
        "campamento. El campamento está custodiado por los cuerpos de seguridad panameños.",
    ],
)
def test_a_states_security_bodies_are_not_the_people_moved(text: str) -> None:
    assert ("transfer", "US", "PA", 40) in moves(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Eight men who were expelled from the United States in May were flown on Tuesday to "
        "Uganda.",
        "Ocho hombres que fueron expulsados de Estados Unidos en mayo fueron entregados el "
        "martes a Uganda.",
    ],
)
def test_a_move_is_dated_by_the_day_told_between_its_verb_and_where_it_went(text: str) -> None:
    (transfer,) = [
        c for c in extract_claims(text, published=PUBLISHED) if c.kind.value == "transfer"
    ]
    assert str(transfer.when) == "2025-08-19", transfer


def statuses(text: str, value: str) -> set[str]:
    return {
        c.receiver or ""
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "arrangement_status" and c.value == value
    }


@pytest.mark.parametrize(
    ("text", "receivers"),
    [
        ("The United States wants more partners for deportations. Five countries have accepted "
         "the request so far: Honduras, Panama, Kosovo, Rwanda and now Uganda.",
         {"HN", "PA", "XK", "RW", "UG"}),
        ("Estados Unidos busca más socios para sus deportaciones. Cinco países han aceptado "
         "recibir a sus deportados: Honduras, Panamá, Kosovo, Ruanda y ahora Uganda.",
         {"HN", "PA", "XK", "RW", "UG"}),
    ],
)  # fmt: skip
def test_states_listed_after_a_colon_are_the_ones_agreeing(text: str, receivers: set[str]) -> None:
    assert receivers <= statuses(text, "agreed"), facts(text)


def test_a_clause_after_a_colon_is_not_a_list() -> None:
    for text in (
        "Five countries have accepted the request: Honduras says it will host them in a camp "
        "near Panama.",
        "Cinco países han aceptado recibir deportados: Honduras dice que los alojará en un "
        "campamento cerca de Panamá.",
    ):
        assert "PA" not in statuses(text, "agreed"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Washington has reportedly reached agreements with Ghana and Honduras to accept deportees.",
        "Washington habría alcanzado acuerdos con Ghana y Honduras para recibir deportados, "
        "según la prensa.",
    ],
)
def test_a_reported_agreement_is_an_agreement(text: str) -> None:
    assert {"GH", "HN"} <= statuses(text, "agreed"), facts(text)
    assert not statuses(text, "negotiating"), facts(text)


@pytest.mark.parametrize(
    ("text", "receivers"),
    [
        ("Deportations grew all year. By June, four countries were accepting third-country "
         "deportations from the United States: Panama, Kosovo, Rwanda and Honduras.",
         {"PA", "XK", "RW", "HN"}),
        ("Las deportaciones crecieron todo el año. En junio, cuatro países aceptaban "
         "deportaciones de terceros desde Estados Unidos: Panamá, Kosovo, Ruanda y Honduras.",
         {"PA", "XK", "RW", "HN"}),
        ("Según la prensa, Ghana y Uganda han aceptado ser destinos de deportados de otras "
         "nacionalidades enviados por Estados Unidos.", {"GH", "UG"}),
    ],
)  # fmt: skip
def test_a_standing_acceptance_of_others_deportees_is_an_agreement(
    text: str, receivers: set[str]
) -> None:
    assert receivers <= statuses(text, "agreed"), facts(text)
    assert not statuses(text, "implemented") & receivers, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The government of Chad denied on Monday having signed any deal with the United States "
        "to receive deported migrants.",
        "El Gobierno de Chad negó el lunes haber firmado un acuerdo con Estados Unidos para "
        "recibir a migrantes deportados.",
    ],
)
def test_a_receiver_denying_a_deal_to_take_people_refuses_it(text: str) -> None:
    assert "TD" in statuses(text, "refused"), facts(text)
    assert ("denial", "US", "TD", None) in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "An official in Chad denied media reports that his country had agreed to receive "
        "people deported from the United States.",
        "Un funcionario de Chad negó las informaciones de que su país hubiera aceptado recibir "
        "a personas deportadas desde Estados Unidos.",
    ],
)
def test_denying_a_report_of_a_deal_is_no_refusal(text: str) -> None:
    assert not statuses(text, "refused"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # Refusal told as a noun.
        "The prime minister restated Chad's rejection of any deal with the United States that "
        "would allow the deportation of migrants to Chad.",
        "El primer ministro reiteró el rechazo de Chad a cualquier acuerdo con Estados Unidos "
        "que permita la deportación de migrantes a Chad.",
        # Unable to take them in.
        "The minister said Chad may not be able to accept migrants deported from the United "
        "States.",
        "El ministro dijo que Chad no podrá aceptar a migrantes deportados desde Estados Unidos.",
        "It will be difficult for Chad to accept migrants deported by the United States, the "
        "minister said.",
        "Será difícil para Chad aceptar a migrantes deportados por Estados Unidos, dijo el "
        "ministro.",
    ],
)
def test_a_rejection_or_an_inability_to_take_people_is_a_refusal(text: str) -> None:
    assert "TD" in statuses(text, "refused"), facts(text)
    assert not statuses(text, "agreed"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States is putting pressure on Chad to accept deported Venezuelans.",
        "Estados Unidos ejerce presión sobre Chad para que acepte a venezolanos deportados.",
    ],
)
def test_pressure_on_a_state_to_take_people_is_a_request(text: str) -> None:
    assert "TD" in statuses(text, "requested"), facts(text)
    assert not statuses(text, "agreed"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States has been deporting migrants of other nationalities to Central "
        "America. On Tuesday, Panama became the first country to accept 119 deportees from "
        "other countries.",
        "Estados Unidos ha deportado a migrantes de otras nacionalidades a Centroamérica. El "
        "martes, Panamá se convirtió en el primer país en recibir a 119 deportados de otros "
        "países.",
    ],
)
def test_the_first_country_to_accept_a_count_took_them_in(text: str) -> None:
    assert ("transfer", "US", "PA", 119) in facts(text), facts(text)
    assert ("arrangement_status", "US", "PA", None) in facts(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana has received deportees from the United States. Nine men were deported there on "
        "Tuesday.",
        "Ghana ha recibido a deportados desde Estados Unidos. Nueve hombres fueron deportados "
        "allí el martes.",
    ],
)
def test_people_sent_there_went_to_the_state_in_view(text: str) -> None:
    assert ("transfer", "US", "GH", 9) in facts(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Eight men, most of whom are not from Ghana, were deported to Ghana from the United "
        "States on Tuesday.",
        "Ocho hombres, la mayoría de los cuales no son de Ghana, fueron deportados a Ghana "
        "desde Estados Unidos el martes.",
    ],
)
def test_people_who_are_not_from_a_state_are_no_negation_of_their_move(text: str) -> None:
    assert ("transfer", "US", "GH", 8) in facts(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana agreed to take in deportees from the United States. He said a first group of 14 "
        "people had come to Ghana.",
        "Ghana aceptó recibir a deportados desde Estados Unidos. Dijo que un primer grupo de 14 "
        "personas había venido a Ghana.",
    ],
)
def test_people_who_have_come_to_a_state_arrived_there(text: str) -> None:
    assert ("transfer", "US", "GH", 14) in facts(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana took in 14 men deported from the United States this week. Most were Nigerians. "
        "Another arrived from Gambia.",
        "Ghana acogió esta semana a 14 hombres deportados desde Estados Unidos. La mayoría eran "
        "nigerianos. Otro llegó desde Gambia.",
    ],
)
def test_a_state_people_arrived_from_is_not_where_they_went(text: str) -> None:
    assert ("transfer", "US", "GH", 14) in facts(text), facts(text)
    assert not any(f[2] == "GM" for f in facts(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fourteen deportees arrived in Ghana on Tuesday after arriving from the United States "
        "on a military flight.",
        "Catorce deportados llegaron a Ghana el martes tras llegar desde Estados Unidos en un "
        "vuelo militar.",
    ],
)
def test_people_arriving_from_a_sending_state_were_sent_by_it(text: str) -> None:
    assert ("transfer", "US", "GH", 14) in facts(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Asylum seekers crossing from Canada must seek protection there. The United States has "
        "had such an agreement with Canada since 2002.",
        "Los solicitantes de asilo que cruzan desde Canadá deben pedir protección allí. Estados "
        "Unidos ha tenido un acuerdo así con Canadá desde 2002.",
        "The United States has a deportation agreement with Ghana, officials said.",
        "Estados Unidos tiene un acuerdo de deportación con Ghana, dijeron las autoridades.",
    ],
)
def test_a_state_that_has_a_deal_with_another_agreed_it(text: str) -> None:
    agreed = statuses(text, "agreed")
    assert agreed & {"CA", "GH"}, facts(text)
    found = [c for c in extract_claims(text, published=PUBLISHED) if c.receiver == "CA"]
    assert all(str(c.date) == "2002-01-01" for c in found if c.value == "agreed"), found


@pytest.mark.parametrize(
    "text",
    [
        "Norway is to rent 300 prison cells from Estonia to hold foreign prisoners awaiting "
        "deportation.",
        "Noruega alquilará 300 celdas a Estonia para alojar a presos extranjeros a la espera "
        "de su deportación.",
    ],
)
def test_renting_prison_cells_from_a_state_is_an_agreement(text: str) -> None:
    assert ("arrangement_status", "NO", "EE", None) in facts(text), facts(text)
    assert ("capacity", "NO", "EE", 300) in facts(text), facts(text)
    assert not any(f[2] == "NO" for f in facts(text)), facts(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Dozens of refugees from Ghana live in camps abroad. They were stripped of their "
            "citizenship when they fled. Last week the United States deported nine of the "
            "refugees to Ghana.",
            "en",
        ),
        (
            "Decenas de refugiados de Ghana viven en campos en el extranjero. Fueron despojados "
            "de su nacionalidad cuando huyeron. La semana pasada Estados Unidos deportó a nueve "
            "refugiados a Ghana.",
            "es",
        ),
    ],
)
def test_people_stripped_of_their_citizenship_are_sent_to_a_third_country(
    text: str, language: str
) -> None:
    found = {
        (c.kind.value, c.sender, c.receiver)
        for c in extract_claims(text, published=PUBLISHED, language=language)
    }
    assert ("transfer", "US", "GH") in found, found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Dozens of refugees from Ghana live in camps abroad. Last week the United States "
            "deported nine of the refugees to Ghana.",
            "en",
        ),
        (
            "Decenas de refugiados de Ghana viven en campos en el extranjero. La semana pasada "
            "Estados Unidos deportó a nueve refugiados a Ghana.",
            "es",
        ),
    ],
)
def test_people_sent_to_the_state_they_come_from_are_sent_home(text: str, language: str) -> None:
    found = {
        (c.kind.value, c.sender, c.receiver)
        for c in extract_claims(text, published=PUBLISHED, language=language)
    }
    assert ("transfer", "US", "GH") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Britain's highest court ruled on Thursday that the government's plan to fly asylum "
        "seekers to Rwanda was unlawful.",
        "El Tribunal Supremo del Reino Unido dictaminó el jueves que el plan del Gobierno de "
        "enviar a los solicitantes de asilo a Ruanda era ilegal.",
        "La justicia británica declaró ilegal la deportación de solicitantes de asilo a Ruanda.",
        "A British court declared the Rwanda deportation flights unlawful.",
        # The adjective before its object, and the unlawfulness as a noun.
        "The British Supreme Court on Tuesday deemed unlawful the government's plan to fly "
        "asylum seekers to Rwanda.",
        "El alto tribunal consideró este martes ilegal el plan del Gobierno británico de "
        "enviar a Ruanda a los solicitantes de asilo.",
        "A British appeals court upheld the unlawfulness of deportations to Rwanda of people "
        "arriving by boat.",
        "La justicia británica confirmó la ilegalidad de las deportaciones a Ruanda de quienes "
        "llegan en barco.",
    ],
)
def test_a_court_ruling_the_plan_unlawful_suspends_it(text: str) -> None:
    assert "RW" in statuses(text, "suspended"), facts(text)
    assert not statuses(text, "requested"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "A court ruled that the detention of the asylum seekers held in Albania was unlawful.",
        "Un tribunal determinó que la detención de los solicitantes de asilo en Albania era "
        "ilegal.",
    ],
)
def test_a_detention_ruled_unlawful_is_no_suspended_deal(text: str) -> None:
    assert not statuses(text, "suspended"), facts(text)


def roles(text: str) -> set[tuple[str, str]]:
    return {
        (c.receiver or "", c.value or "")
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "role"
    }


@pytest.mark.parametrize(
    "text",
    [
        "The new deal makes Honduras a safe third country for deportations, with the United "
        "States paying for the migrants to be eventually returned to their home countries.",
        "Honduras firmó un acuerdo para ser un tercer país seguro para los deportados de Estados "
        "Unidos, que serán luego devueltos a sus países de origen con fondos estadounidenses.",
        "Honduras aceptó recibir a deportados de otras nacionalidades desde Estados Unidos para "
        "luego trasladarlos a sus naciones de origen.",
        # The return as an infinitive: "tienen la opción de … ser repatriados a sus países".
        "Honduras agreed to receive deportees of other nationalities from the United States, "
        "who have the option to be repatriated to their home countries.",
        "Honduras aceptó recibir a deportados de otras nacionalidades desde Estados Unidos, que "
        "tienen la opción de ser repatriados a sus países de origen.",
    ],
)
def test_a_stay_that_ends_in_a_return_home(text: str) -> None:
    found = roles(text)
    assert ("HN", "temporary_stay_then_return") in found, facts(text)
    assert ("HN", "protection_or_resettlement") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Honduras signed a deal with the United States to take in asylum seekers who cannot be "
        "returned to their home countries.",
        "The deal lets people deported to Honduras from the United States claim asylum there "
        "rather than being sent back to their home countries.",
    ],
)
def test_no_return_home_is_no_stay_then_return(text: str) -> None:
    assert ("HN", "temporary_stay_then_return") not in roles(text), facts(text)


def instruments(text: str) -> set[tuple[str, str]]:
    return {
        (c.receiver or "", c.value or "")
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "instrument"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Honduras has signed an agreement with Washington to serve as a 'safe third country' for "
        "people seeking asylum in the United States.",
        "The United States last week signed a “safe third country” asylum agreement with Honduras.",
        "Honduras firmó con Estados Unidos un convenio, conocido como de «tercer país seguro», "
        "para acoger a solicitantes de asilo.",
        "Honduras suscribió un acuerdo con Estados Unidos para convertirse en un tercer país "
        "seguro para los solicitantes de asilo.",
    ],
)
def test_a_deal_that_makes_a_state_a_safe_third_country(text: str) -> None:
    assert ("HN", "safe_third_country_agreement") in instruments(text), facts(text)


@pytest.mark.parametrize(
    ("text", "receivers"),
    [
        ("Deportations are part of a series of deals that the Trump administration has signed "
         "with several countries, including Ghana, Rwanda and Uganda.", {"GH", "RW", "UG"}),
        ("Las deportaciones forman parte de una serie de acuerdos que la administración de Trump "
         "ha firmado con varios países como Ghana, Ruanda y Uganda.", {"GH", "RW", "UG"}),
        ("The new US deportation deal follows the signing of a “safe third country” asylum "
         "agreement with Paraguay last month.", {"PY"}),
        ("Los ministros se dieron la mano tras firmar un memorando de entendimiento sobre "
         "deportados entre Estados Unidos y Paraguay.", {"PY"}),
        ("US officials compared the deportation deal to a previous agreement with Paraguay.",
         {"PY"}),
        ("Las autoridades de Estados Unidos compararon el acuerdo de deportación con un "
         "acuerdo previo con Paraguay.", {"PY"}),
        # The day and the place between the verb and the deal's title.
        ("The United States and Paraguay signed in Washington on Thursday the so-called Safe "
         "Third Country Agreement.", {"PY"}),
        ("Estados Unidos y Paraguay firmaron este jueves en Washington DC el llamado Acuerdo de "
         "Tercer País Seguro.", {"PY"}),
    ],
)  # fmt: skip
def test_agreements_signed_told_around_the_deal_word(text: str, receivers: set[str]) -> None:
    assert receivers <= statuses(text, "agreed"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mexico has opted to take in migrants of other nationalities deported by the United "
        "States.",
        "México ha optado por recibir a migrantes de otras nacionalidades deportados por Estados "
        "Unidos.",
        # A concession put first ends at its comma: its "own citizens" are not the others'.
        "The minister said that, although the United States has deals with Honduras for the "
        "return of its own citizens, Mexico has opted to take in migrants of other "
        "nationalities.",
        "La ministra dijo que, aunque Estados Unidos tiene acuerdos con Honduras para el retorno "
        "de sus ciudadanos, México ha optado por recibir a migrantes de otras nacionalidades.",
    ],
)
def test_opting_to_take_people_in_is_an_agreement(text: str) -> None:
    assert "MX" in statuses(text, "agreed"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ship carried migrants to Albania under the new deal with Italy.",
        "El barco llevó migrantes a Albania bajo el nuevo acuerdo con Italia.",
    ],
)
def test_a_move_under_the_new_deal_tells_the_deal(text: str) -> None:
    assert "AL" in statuses(text, "agreed"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The centre built in Albania by Italy to hold migrants due for deportation is cutting "
        "its staff.",
        "El centro construido en Albania por Italia para alojar a los migrantes destinados a la "
        "deportación recorta su personal.",
        "Italy opened two centres in Albania for migrants rescued at sea.",
        "Italia abrió dos centros en Albania para los migrantes rescatados en el mar.",
    ],
)
def test_a_centre_one_state_built_in_another_is_their_arrangement(text: str) -> None:
    found = {(c.sender, c.receiver) for c in extract_claims(text, published=PUBLISHED)}
    assert "AL" in statuses(text, "agreed"), facts(text)
    assert ("IT", "AL") in found and not any(receiver == "IT" for _, receiver in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Dutch government is considering sending rejected asylum seekers to Uganda.",
        "El Gobierno neerlandés está considerando la posibilidad de enviar a Uganda a los "
        "solicitantes de asilo rechazados.",
        # Weighing it: "se plantea enviar", "baraja la posibilidad de".
        "The Dutch minister said the government is weighing sending to Uganda the asylum "
        "seekers whose appeals have run out.",
        "La ministra neerlandesa dijo que el Gobierno se plantea enviar a Uganda a los "
        "solicitantes de asilo que han agotado sus recursos.",
        "The Dutch government is mulling the option of sending rejected asylum seekers to Uganda.",
        "El Gobierno neerlandés baraja la opción de enviar a Uganda a los solicitantes de asilo "
        "rechazados.",
    ],
)
def test_considering_a_move_is_no_agreement(text: str) -> None:
    assert "UG" in statuses(text, "negotiating") | statuses(text, "requested"), facts(text)
    assert not statuses(text, "agreed"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Dutch government is now turning to Kosovo and Montenegro for return hubs for "
        "rejected asylum seekers after Albania flatly rejected a similar proposal.",
        "El Gobierno neerlandés busca ahora centros de retorno para solicitantes de asilo en "
        "Kosovo y Montenegro después de que Albania rechazó una propuesta similar.",
    ],
)
def test_the_state_that_refuses_is_the_subject(text: str) -> None:
    refused = statuses(text, "refused")
    assert "AL" in refused, facts(text)
    assert not refused & {"XK", "ME"}, facts(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The deportations are compared to Britain's abandoned Rwanda scheme, since Uganda "
         "is not the home country of the deported men.", "ended"),
        ("Las deportaciones se comparan con el abandonado plan Ruanda del Reino Unido, ya que "
         "Uganda no es el país de origen de los deportados.", "ended"),
        ("The idea echoes Britain's stalled plan to send asylum seekers to Rwanda.",
         "suspended"),
        ("La idea recuerda el plan estancado del Reino Unido para enviar solicitantes de asilo "
         "a Ruanda.", "suspended"),
    ],
)  # fmt: skip
def test_a_deal_named_after_its_receiver_ends_or_stalls_for_that_receiver(
    text: str, value: str
) -> None:
    assert statuses(text, value) == {"RW"}, facts(text)
    assert not statuses(text, "requested"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cameroon received nine people deported from the United States, who told lawyers they "
        "felt pressured to return to their countries of origin.",
        "Camerún recibió a nueve personas deportadas desde Estados Unidos, que dijeron a sus "
        "abogados sentirse presionadas para regresar a sus países de origen.",
        "The group was first detained in a US facility before being deported to Cameroon on a "
        "military plane.",
        "El grupo estuvo detenido en un centro de Estados Unidos antes de ser deportado a Camerún "
        "en un avión militar.",
    ],
)
def test_pressure_to_go_home_or_the_move_itself_is_no_stay_then_return(text: str) -> None:
    assert ("CM", "temporary_stay_then_return") not in roles(text), facts(text)


def dated_statuses(text: str) -> set[tuple[str, str | None]]:
    return {
        (c.receiver or "", c.date.isoformat()[:7] if c.date else None)
        for c in extract_claims(text, published=PUBLISHED)
        if c.kind.value == "arrangement_status"
    }


@pytest.mark.parametrize(
    "text",
    [
        "The United States signed deportation agreements with Panama in March 2024 and with "
        "Honduras and Belize in October 2024.",
        "Estados Unidos firmó acuerdos de deportación con Panamá en marzo de 2024 y con Honduras "
        "y Belice en octubre de 2024.",
    ],
)
def test_each_state_takes_the_date_told_with_it(text: str) -> None:
    found = dated_statuses(text)
    assert {("PA", "2024-03"), ("HN", "2024-10"), ("BZ", "2024-10")} <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "The United States and Ecuador are in the final stages of establishing an agreement that "
        "would allow Washington to send asylum seekers to the country.",
        "Estados Unidos y Ecuador están a punto de firmar un acuerdo para recibir a solicitantes "
        "de asilo deportados.",
    ],
)
def test_a_deal_still_being_finished_is_talks(text: str) -> None:
    assert "EC" in statuses(text, "negotiating"), facts(text)
    assert not statuses(text, "agreed"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Britain cancelled the first flight to deport asylum seekers to Rwanda under the plan "
        "after a last-minute court ruling.",
        "El Reino Unido canceló el primer vuelo para deportar a solicitantes de asilo a Ruanda "
        "bajo el plan tras un fallo judicial de última hora.",
    ],
)
def test_one_flight_called_off_does_not_end_the_deal(text: str) -> None:
    assert not statuses(text, "ended"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States deported 90 men to Honduras on Monday, before their onward flight to "
        "Venezuela.",
        "Estados Unidos deportó el lunes a 90 hombres a Honduras, antes de su esperado traslado "
        "a Venezuela.",
    ],
)
def test_the_state_before_the_onward_leg_is_the_stopover(text: str) -> None:
    found = roles(text)
    assert ("HN", "transit_stopover") in found, facts(text)
    assert ("VE", "transit_stopover") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Honduras agreed to take in migrants deported by the United States even if they come "
        "from other countries.",
        "Honduras accedió a recibir a migrantes deportados por Estados Unidos incluso si no son "
        "de esa nacionalidad.",
        "Honduras will once again accept migrants of other nationalities deported from the "
        "United States, its president said.",
        "Honduras volverá a recibir a migrantes de otras nacionalidades deportados desde Estados "
        "Unidos, informó su presidente.",
    ],
)
def test_a_concession_or_a_return_to_accepting_is_an_agreement(text: str) -> None:
    assert "HN" in statuses(text, "agreed"), facts(text)


def test_a_condition_still_makes_nothing() -> None:
    for text in (
        "Honduras would accept deportees from the United States if it were paid.",
        "Honduras aceptaría deportados de Estados Unidos si recibiera dinero.",
    ):
        assert not statuses(text, "agreed"), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "So far, at least three countries – Ghana, Rwanda and Uganda – have agreed to accept "
        "migrants deported from the United States.",
        "Hasta ahora, al menos tres países – Ghana, Ruanda y Uganda – han aceptado recibir a "
        "migrantes deportados desde Estados Unidos.",
    ],
)
def test_states_listed_between_dashes_are_the_ones_agreeing(text: str) -> None:
    assert {"GH", "RW", "UG"} <= statuses(text, "agreed"), facts(text)


def test_where_people_come_from_between_dashes_is_no_party() -> None:
    for text in (
        "Panama holds 299 migrants deported from the United States. Of them – from India, Nepal "
        "and Vietnam – only 171 have agreed to go back.",
        "Panamá retiene a 299 migrantes deportados desde Estados Unidos. De ellos – de India, "
        "Nepal y Vietnam – solo 171 han aceptado regresar.",
    ):
        assert not statuses(text, "agreed") & {"IN", "NP", "VN"}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States deported four men who are citizens of Cuba, Laos and Yemen to the "
        "kingdom Eswatini, where they are held in a maximum-security prison.",
        "Estados Unidos deportó a cuatro hombres que son ciudadanos de Cuba, Laos y Yemen al "
        "reino Eswatini, donde permanecen en una prisión de máxima seguridad.",
    ],
)
def test_a_title_before_a_name_is_no_reference_back(text: str) -> None:
    found = facts(text)
    assert ("transfer", "US", "SZ", 4) in found, found
    assert not {f for f in found if f[2] in ("CU", "LA", "YE")}, found


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
