"""Articles for generated test archives, written for this project.

The relevant articles report third-country deportation deals in English and Spanish; the
facts (who, how many, when, where, how much) follow the project's research notes, the prose
is our own. The hard negatives look like them to a keyword search — deportations to a
person's own country, trade with "third countries", asylum backlogs — but report no deal
under which one state sends other states' nationals to a third country.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    key: str
    language: str
    headline: str
    dek: str
    published: date
    paragraphs: tuple[str, ...]
    section: str


RELEVANT: tuple[Article, ...] = (
    Article(
        key="sv-cecot-en",
        language="en",
        section="World",
        headline="U.S. flies 238 Venezuelans to El Salvador's CECOT mega-prison",
        dek="Washington will pay about $6 million for a year of detention in a third country.",
        published=date(2025, 3, 17),
        paragraphs=(
            "SAN SALVADOR — Three deportation flights from the United States landed in El "
            "Salvador over the weekend, and the 238 Venezuelan men on board were driven under "
            "heavy guard to the Terrorism Confinement Center, the maximum-security prison known "
            "as CECOT, President Nayib Bukele said on Sunday.",
            "The men, whom U.S. officials accuse of belonging to the Tren de Aragua gang, were "
            "removed under the Alien Enemies Act even as a federal judge in Washington ordered "
            "the planes to turn around. Secretary of State Marco Rubio put the number at more "
            "than 250; Bukele's government counted 238 Venezuelans, along with 23 Salvadoran "
            "gang members who were returned to their own country.",
            "Under the arrangement, the United States will pay El Salvador about $6 million to "
            "hold the Venezuelans for one year, a period Bukele said could be renewed. El "
            "Salvador had offered in February to accept deportees of any nationality, making it "
            "the first government in the region to jail another country's deportees in its own "
            "prisons.",
            "CECOT, opened in 2023 in Tecoluca, can hold about 40,000 inmates. Lawyers for "
            "several of the men said their clients had no criminal record and had been sent to "
            "a third country without a hearing. Rights groups called the transfers a violation "
            "of due process.",
            "The White House said the flights showed that its partners abroad were ready to "
            "share the burden of removals. Venezuela's government called the detentions a "
            "kidnapping of its citizens.",
        ),
    ),
    Article(
        key="sz-first-en",
        language="en",
        section="Africa",
        headline="Eswatini receives five men deported from the United States",
        dek="The deportees, from Vietnam, Jamaica, Laos, Cuba and Yemen, are held in a prison.",
        published=date(2025, 7, 17),
        paragraphs=(
            "MBABANE — A U.S. military plane carrying five men convicted of serious crimes "
            "landed in Eswatini on Wednesday, the first third-country deportation to the small "
            "southern African kingdom under a deal with Washington.",
            "The Department of Homeland Security said the men, nationals of Vietnam, Jamaica, "
            "Laos, Cuba and Yemen, had been deported to Eswatini because their home countries "
            "refused to take them back. None of them is a citizen of Eswatini.",
            "Government spokeswoman Thabile Mdluli said the five were being held in isolation "
            "at a correctional facility and would eventually be repatriated to their countries "
            "of origin, working with the International Organization for Migration. The "
            "agreement itself, signed in May, has not been published.",
            "Civil society groups in Mbabane said they had learned of the arrangement from the "
            "news and questioned why a country with limited prison space had agreed to hold "
            "other nations' deportees. Lawyers said the men had been held without charge.",
        ),
    ),
    Article(
        key="ss-juba-en",
        language="en",
        section="World",
        headline="Eight deportees land in South Sudan after weeks in a Djibouti container",
        dek="The Supreme Court cleared the way for removals to a third country.",
        published=date(2025, 7, 6),
        paragraphs=(
            "JUBA — Eight men deported by the United States arrived in South Sudan on Friday, "
            "ending a standoff that had kept them for weeks inside a converted shipping "
            "container at a U.S. military base in Djibouti.",
            "The men had criminal convictions in the United States and came from Myanmar, "
            "Cuba, Vietnam, Laos, Mexico and South Sudan, according to officials. Only one of "
            "them was South Sudanese; the others were sent to a third country with which they "
            "had no ties.",
            "The flight left Djibouti after the Supreme Court lifted a lower-court order that "
            "had required the government to give deportees a chance to argue they would face "
            "torture. South Sudan's foreign ministry said it accepted the deportees as a "
            "goodwill gesture and would hold them in custody in Juba while they were screened "
            "and then repatriated.",
            "Human rights lawyers said the men were at risk in a country on the edge of civil "
            "war and that families had not been told where they were.",
        ),
    ),
    Article(
        key="xk-fifty-en",
        language="en",
        section="Europe",
        headline="Kosovo agrees to host up to 50 people deported from the U.S.",
        dek="Prime Minister Albin Kurti said the stay would be temporary.",
        published=date(2025, 6, 12),
        paragraphs=(
            "PRISTINA — Kosovo's government has agreed to a request from Washington to "
            "temporarily take in 50 people deported from the United States who are not from "
            "Kosovo, Prime Minister Albin Kurti announced on Wednesday.",
            "The 50 third-country nationals will stay in Kosovo within a one-year period while "
            "arrangements are made to return them to their countries of origin, Kurti wrote. "
            "Kosovo may choose whom to accept from a list proposed by the United States, "
            "applying rule-of-law and public-order criteria.",
            "The cabinet decision was not published. Officials described it as a sign of "
            "gratitude to the United States, Kosovo's closest ally, which backed its "
            "independence from Serbia.",
            "Kosovo joins a growing list of countries that accept deportees of other "
            "nationalities. Panama and El Salvador already receive them, while Honduras and "
            "Costa Rica have served as stopovers.",
        ),
    ),
    Article(
        key="gh-bundase-en",
        language="en",
        section="Africa",
        headline="Lawyers say West African deportees held at Ghana military camp",
        dek="Ghana agreed to take West Africans removed by the United States.",
        published=date(2025, 9, 18),
        paragraphs=(
            "ACCRA — Eleven West Africans deported from the United States to Ghana are being "
            "held under armed guard at the Bundase military camp outside Accra, their lawyers "
            "told a court on Wednesday, contradicting the government's statement that all of "
            "them had gone home.",
            "A U.S. military plane brought 14 people to Ghana on September 6: 13 Nigerians and "
            "a Gambian, according to the government. President John Mahama said Ghana had "
            "agreed with Washington to accept West African nationals under the regional "
            "free-movement rules, making it the latest third country to receive U.S. "
            "deportees.",
            "Several of the deportees had U.S. court orders protecting them from being sent "
            "back to their own countries. Lawyers said at least six had been pushed across the "
            "border into Togo without documents.",
            "Foreign Minister Samuel Okudzeto Ablakwa said Ghana was receiving no money for the "
            "arrangement.",
        ),
    ),
    Article(
        key="rw-250-en",
        language="en",
        section="Africa",
        headline="Rwanda confirms deal to accept up to 250 migrants deported from the U.S.",
        dek="Kigali will approve each person the United States proposes.",
        published=date(2025, 8, 5),
        paragraphs=(
            "KIGALI — Rwanda has agreed to take in up to 250 migrants deported from the United "
            "States, government spokeswoman Yolande Makolo confirmed on Tuesday, after months "
            "of talks about sending third-country nationals to the East African country.",
            "The agreement was signed in Kigali in June, a government source said. Rwanda will "
            "review each person Washington proposes, and those approved will receive "
            "vocational training, health care and housing support. The United States has sent "
            "an initial list of ten people for vetting.",
            "Rwanda previously signed a deal with Britain to receive asylum seekers, but that "
            "plan was scrapped in 2024 before any deportation flight took off.",
        ),
    ),
    Article(
        key="pw-mou-en",
        language="en",
        section="Asia-Pacific",
        headline="Palau signs deal to take up to 75 third-country nationals from the U.S.",
        dek="Washington pledges a $7.5 million grant for public services.",
        published=date(2025, 12, 27),
        paragraphs=(
            "KOROR — Palau has signed a memorandum of understanding with the United States to "
            "accept up to 75 third-country nationals who have never been charged with a crime, "
            "President Surangel Whipps Jr. announced on Wednesday.",
            "Under the memorandum, signed by Minister of State Gustav Aitaro and U.S. "
            "Ambassador Joel Ehrendreich, the people sent to Palau may live and work there to "
            "help fill labour shortages. A national working group will approve each case.",
            "The United States will provide a $7.5 million grant for public services and "
            "infrastructure. Whipps had earlier opposed taking deportees, saying the island "
            "nation had no refugee system.",
        ),
    ),
    Article(
        key="sv-cecot-es",
        language="es",
        section="Internacional",
        headline="EE.UU. envía a 238 venezolanos al CECOT de El Salvador",
        dek="Washington pagará unos seis millones de dólares por un año de reclusión.",
        published=date(2025, 3, 17),
        paragraphs=(
            "SAN SALVADOR — Tres vuelos de deportación procedentes de Estados Unidos "
            "aterrizaron el fin de semana en El Salvador con 238 venezolanos, que fueron "
            "trasladados al Centro de Confinamiento del Terrorismo (CECOT), informó el "
            "presidente Nayib Bukele.",
            "Washington acusa a los deportados de pertenecer a la banda Tren de Aragua y los "
            "expulsó al amparo de la Ley de Enemigos Extranjeros, pese a la orden de un juez "
            "federal de detener los vuelos. El Salvador se convierte así en un tercer país que "
            "encarcela a deportados de otras nacionalidades.",
            "Según el acuerdo, Estados Unidos pagará unos seis millones de dólares para que "
            "los venezolanos permanezcan un año en el CECOT, plazo que Bukele dijo que podría "
            "renovarse. La cárcel de máxima seguridad, inaugurada en 2023 en Tecoluca, tiene "
            "capacidad para unos 40.000 reclusos.",
            "Abogados de varias familias denunciaron que muchos de los hombres no tenían "
            "antecedentes penales y que fueron enviados a un tercer país sin audiencia.",
        ),
    ),
    Article(
        key="cr-catem-es",
        language="es",
        section="Nacionales",
        headline="Costa Rica recibe el primer vuelo con 135 deportados desde Estados Unidos",
        dek="El país aceptó a 200 migrantes de Asia y la India como 'país puente'.",
        published=date(2025, 2, 21),
        paragraphs=(
            "SAN JOSÉ — Un avión con 135 migrantes deportados por Estados Unidos aterrizó el "
            "jueves en el aeropuerto Juan Santamaría, el primero de dos vuelos acordados entre "
            "ambos gobiernos, informaron las autoridades.",
            "Costa Rica se comprometió a recibir a 200 personas de Asia Central y la India "
            "como país puente: permanecerán unas semanas en el Centro de Atención Temporal "
            "para Migrantes (CATEM), en el cantón de Corredores, antes de ser devueltas a sus "
            "países de origen con apoyo de la Organización Internacional para las Migraciones.",
            "Entre los deportados del primer vuelo había 65 menores de edad, según fuentes "
            "oficiales. Estados Unidos cubrirá el costo de los vuelos y de la estancia.",
            "Organizaciones de derechos humanos advirtieron que Costa Rica asume el papel de "
            "tercer país seguro sin garantías claras para los solicitantes de asilo.",
        ),
    ),
    Article(
        key="pa-decapolis-es",
        language="es",
        section="Mundo",
        headline="Panamá acoge a 299 deportados de otras nacionalidades enviados por EE.UU.",
        dek="Los migrantes permanecen bajo custodia en un hotel de la capital.",
        published=date(2025, 2, 18),
        paragraphs=(
            "CIUDAD DE PANAMÁ — Panamá recibió entre el 12 y el 15 de febrero tres vuelos con "
            "299 migrantes deportados por Estados Unidos, procedentes de países de Asia, Oriente "
            "Medio y África, confirmó el Gobierno.",
            "Los deportados fueron alojados bajo custodia policial en el Hotel Decápolis, en la "
            "capital, mientras se organiza su retorno a sus países de origen. El presidente "
            "José Raúl Mulino describió a Panamá como un país puente y dijo que Washington "
            "asumirá los gastos.",
            "Quienes rechazaron el retorno voluntario fueron trasladados a la estación de "
            "recepción migratoria de San Vicente, cerca de Metetí, en Darién. Organizaciones "
            "civiles criticaron que Panamá funcione como tercer país para personas que no "
            "tienen ningún vínculo con él.",
        ),
    ),
    Article(
        key="hn-aca-es",
        language="es",
        section="Internacional",
        headline="Llegan a Honduras los primeros solicitantes de asilo enviados por EE.UU.",
        dek="Siete mexicanos fueron trasladados bajo el acuerdo de cooperación en asilo.",
        published=date(2025, 10, 11),
        paragraphs=(
            "TEGUCIGALPA — Siete ciudadanos mexicanos que pedían asilo en Estados Unidos "
            "fueron trasladados a Honduras el viernes, los primeros en aplicarse el acuerdo de "
            "cooperación en materia de asilo firmado por ambos países en marzo.",
            "El acuerdo, del tipo tercer país seguro, permite a Washington enviar a Honduras a "
            "solicitantes de asilo de otras nacionalidades para que busquen protección allí. "
            "El director de Migración había negado en junio que existiera tal pacto.",
            "Defensores de los derechos de los migrantes advirtieron que Honduras carece de "
            "un sistema de refugio capaz de atender a personas deportadas desde un tercer país.",
        ),
    ),
    Article(
        key="xk-cincuenta-es",
        language="es",
        section="Internacional",
        headline="Kosovo acepta acoger temporalmente a 50 deportados de Estados Unidos",
        dek="El primer ministro Albin Kurti anunció la decisión del Gobierno.",
        published=date(2025, 6, 12),
        paragraphs=(
            "PRÍSTINA — Kosovo aceptará de forma temporal a 50 personas deportadas por Estados "
            "Unidos que no son kosovares, anunció el primer ministro Albin Kurti tras una "
            "reunión del Gobierno.",
            "Los 50 nacionales de terceros países permanecerán en Kosovo durante un periodo "
            "de un año mientras se gestiona su retorno a sus países de origen. Kosovo podrá "
            "seleccionar a las personas de una lista propuesta por Washington.",
            "Con esta decisión, Kosovo se suma a Panamá y El Salvador, que ya reciben a "
            "deportados de otras nacionalidades, mientras Honduras y Costa Rica han servido "
            "como escala.",
        ),
    ),
    Article(
        key="gq-nueve-es",
        language="es",
        section="África",
        headline="Guinea Ecuatorial recibe a nueve deportados de terceros países desde EE.UU.",
        dek="Washington pagó 7,5 millones de dólares al Gobierno de Malabo.",
        published=date(2025, 11, 25),
        paragraphs=(
            "MALABO — Un vuelo de deportación de Estados Unidos llegó el lunes a Guinea "
            "Ecuatorial con nueve hombres de Georgia, Mauritania, Angola, Ghana y Eritrea, la "
            "primera transferencia de nacionales de terceros países al país africano.",
            "Los deportados tenían protección de los tribunales estadounidenses contra el "
            "retorno a sus países y fueron alojados en un hotel. La ley local permite "
            "retenerlos un máximo de 60 días antes de enviarlos a sus países de origen.",
            "Estados Unidos pagó 7,5 millones de dólares directamente al Gobierno ecuatoguineano "
            "con fondos de asistencia a refugiados, según una carta de la senadora Jeanne "
            "Shaheen.",
        ),
    ),
)


# Ordinary news that shares words with the relevant articles: the scan must not keep it.
HARD_NEGATIVES: tuple[Article, ...] = (
    Article(
        key="neg-home-en",
        language="en",
        section="Immigration",
        headline="Father of three deported to Honduras after routine check-in",
        dek="His family in Ohio is raising money for his legal appeal.",
        published=date(2025, 5, 2),
        paragraphs=(
            "COLUMBUS — A Honduran man who had lived in Ohio for 19 years was deported to "
            "Honduras on Tuesday after he was detained at a routine check-in with immigration "
            "officers, his wife said.",
            "The family's lawyer said he had a pending appeal and no criminal record. "
            "Neighbours gathered outside the family's home to raise money for the legal costs.",
            "Immigration and Customs Enforcement said the man had a final order of removal "
            "issued in 2012 and was returned to his country of citizenship.",
        ),
    ),
    Article(
        key="neg-backlog-en",
        language="en",
        section="Immigration",
        headline="Asylum backlog tops three million cases as courts add judges",
        dek="Waiting times in some cities now exceed five years.",
        published=date(2025, 4, 9),
        paragraphs=(
            "WASHINGTON — The number of pending cases in the nation's immigration courts has "
            "passed three million, according to new figures, as the Justice Department hires "
            "more judges to handle asylum claims and deportation hearings.",
            "Advocates said the delays leave families in limbo for years, while officials said "
            "new rules would speed up decisions. Some courts in Texas and New York now "
            "schedule hearings for 2030.",
        ),
    ),
    Article(
        key="neg-trade-en",
        language="en",
        section="Business",
        headline="Exporters shift shipments through third countries to dodge tariffs",
        dek="Customs officials are tightening rules of origin.",
        published=date(2025, 8, 14),
        paragraphs=(
            "GENEVA — Manufacturers are rerouting goods through third countries to avoid new "
            "tariffs, trade economists said, pointing to sharp rises in exports from Vietnam and "
            "Mexico of products made elsewhere.",
            "Customs agencies are tightening rules of origin and adding inspections at ports. "
            "Economists expect the shift to raise prices for consumers by the end of the year.",
        ),
    ),
    Article(
        key="neg-vuelo-es",
        language="es",
        section="Migración",
        headline="Llega un vuelo con 120 guatemaltecos deportados desde Texas",
        dek="Las autoridades migratorias atendieron a los retornados en el aeropuerto.",
        published=date(2025, 3, 3),
        paragraphs=(
            "CIUDAD DE GUATEMALA — Un vuelo con 120 guatemaltecos deportados desde Texas "
            "aterrizó el lunes en la Fuerza Aérea, donde el Instituto Guatemalteco de Migración "
            "recibió a los connacionales retornados.",
            "Entre los deportados había 14 mujeres y cinco menores acompañados. Las autoridades "
            "ofrecieron asistencia y transporte a sus comunidades de origen.",
        ),
    ),
    Article(
        key="neg-aranceles-es",
        language="es",
        section="Economía",
        headline="La UE vigila las importaciones de acero desde terceros países",
        dek="Bruselas estudia ampliar las salvaguardas comerciales.",
        published=date(2025, 9, 22),
        paragraphs=(
            "BRUSELAS — La Comisión Europea estudia reforzar las salvaguardas sobre las "
            "importaciones de acero procedentes de terceros países ante el aumento de los "
            "envíos desviados por los aranceles de Estados Unidos.",
            "La industria siderúrgica europea pide cuotas más estrictas, mientras los "
            "importadores advierten de subidas de precios en la construcción.",
        ),
    ),
)
