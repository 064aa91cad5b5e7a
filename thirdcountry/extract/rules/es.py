"""Reglas en español: las señales de la prensa en español sobre acuerdos con terceros países."""

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
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiún": 21,
    "veintiuna": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23, "veintitres": 23,
    "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintiseis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
    "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}  # fmt: skip
NUMBERS = NumberWords(
    units={k: v for k, v in _UNITS.items() if k not in ("un", "una")},
    scales={"docenas": 12, "mil": 1000, "millón": 10**6, "millon": 10**6, "millones": 10**6},
    joiners=frozenset({"y"}),
    fixed={"una decena": 10, "una docena": 12, "media docena": 6, "un centenar": 100},
    # Not "un centenar de", "una decena de": round figures, "about a hundred", no count.
    link=r"(?:(?<=docena)|(?<=docenas))\s+de",
)

_MONTHS = {
    "enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4, "abr": 4,
    "mayo": 5, "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "ago": 8,
    "septiembre": 9, "setiembre": 9, "sep": 9, "sept": 9, "octubre": 10, "oct": 10,
    "noviembre": 11, "nov": 11, "diciembre": 12, "dic": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted((m for m in _MONTHS if len(m) > 3), key=len, reverse=True))
_WEEKDAYS = {
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
}  # fmt: skip
DATES = DateWords(
    months=_MONTHS,
    weekdays=_WEEKDAYS,
    numbers={k: v for k, v in _UNITS.items() if v <= 12},
    templates=(
        (r"\b\d{4}-\d{2}-\d{2}\b", Shape.ISO),
        (
            r"\bentre\s+el\s+{day}\s+y\s+el\s+{day2}\s+de\s+{month}(?:\s+(?:de|del)\s+{year})?\b",
            Shape.RANGE,
        ),
        (r"\bdel\s+{day}\s+al\s+{day2}\s+de\s+{month}(?:\s+(?:de|del)\s+{year})?\b", Shape.RANGE),
        # "el 16 de julio de este año": the day, in the year of publication.
        (
            r"\b{day}\s+(?:de\s+)?{month}(?:\s*(?:de|del|,)?\s*{year}|\s+(?:de|del)\s+"
            r"(?:este|el\s+presente)\s+año)?\b",
            Shape.DATE,
        ),
        (r"\b{month}\s+(?:de\s+)?este\s+año\b", Shape.THIS_YEAR_MONTH),
        (
            r"\b(?:en|desde|durante|hasta|de|a\s+(?:principios|mediados|finales|fines)\s+de|"
            r"principios\s+de|finales\s+de|mediados\s+de)\s+{month}(?:\s+(?:de|del)\s+{year})?\b",
            Shape.MONTH,
        ),
        (r"\b{month}\s+de\s+{year}\b", Shape.MONTH),
        (r"\b(?:en|desde|durante|hasta|de)\s+{year}\b", Shape.YEAR),
        (r"\b(?:el\s+)?pasado\s+{weekday}\b", Shape.PAST_WEEKDAY),
        (r"\b(?:el\s+)?{weekday}\s+pasado\b", Shape.PAST_WEEKDAY),
        (
            r"\b(?:este|el|del|desde\s+el)\s+{weekday}(?:\s+(?:por\s+la\s+(?:noche|mañana|tarde)))?\b",
            Shape.WEEKDAY,
        ),
        (r"\bhoy\b", Shape.TODAY),
        (r"\bayer\b", Shape.YESTERDAY),
        (r"\besta\s+semana\b", Shape.THIS_WEEK),
        (r"\bla\s+semana\s+pasada\b|\bla\s+pasada\s+semana\b", Shape.LAST_WEEK),
        (r"\beste\s+mes\b|\bprincipios\s+de\s+este\s+mes\b", Shape.THIS_MONTH),
        (r"\bel\s+mes\s+pasado\b|\bel\s+pasado\s+mes\b", Shape.LAST_MONTH),
        (r"\beste\s+año\b|\bel\s+presente\s+año\b", Shape.THIS_YEAR),
        (r"\bel\s+año\s+pasado\b|\bel\s+pasado\s+año\b", Shape.LAST_YEAR),
        (r"\bhace\s+{n}\s+días\b", Shape.DAYS_AGO),
        (r"\bhace\s+{n}\s+semanas\b", Shape.WEEKS_AGO),
        (r"\bhace\s+{n}\s+meses\b", Shape.MONTHS_AGO),
    ),
)

PEOPLE = words(
    "migrantes",
    "migrante",
    "inmigrantes",
    "deportados",
    "deportadas",
    "deportado",
    "personas",
    "persona",
    "individuos",
    "hombres",
    "hombre",
    "mujeres",
    "mujer",
    "niños",
    "menores",
    "menores de edad",
    "familias",
    "solicitantes de asilo",
    "solicitantes",
    "refugiados",
    "detenidos",
    "presos",
    "reos",
    "reclusos",
    "internos",
    "extranjeros",
    "extranjero",
    "ciudadanos",
    "ciudadano",
    "ciudadana",
    "refugiado",
    "solicitante",
    "preso",
    "detenido",
    "nacionales",
    "connacionales",
    "retornados",
    "pasajeros",
    "miembros",
    "expulsados",
    "trasladados",
    "adultos",
    "criminales",
    "delincuentes",
)
_GOVERNMENT_NOUNS = words(
    "gobierno",
    "autoridades",
    "presidente",
    "presidenta",
    "primer ministro",
    "primera ministra",
    "canciller",
    "cancillería",
    "ministro",
    "ministra",
    "ministerio",
    "vicepresidente",
    "vicepresidenta",
    "embajada",
    "embajador",
    "portavoz",
    "director",
    "directora",
    "funcionarios",
    "parlamento",
    "congreso",
    "ejecutivo",
    "mandatario",
    "mandataria",
    "policía",
    "ejército",
    "fuerza aérea",
    "cárcel",
    "prisión",
    "penal",
    "territorio",
    "suelo",
    "aerolínea",
    "estado",
    # "los estamentos de seguridad panameños", "las fuerzas panameñas": the state's bodies.
    "seguridad",
    "fuerzas",
    "agentes",
    # A state's courts act for it: "la justicia británica declaró ilegal …".
    "justicia",
    "tribunal",
    "tribunales",
    "jueces",
)
_PARTICIPLE = (
    r"(?:deportad|expulsad|enviad|trasladad|devuelt|llevad|repatriad|retornad|abandonad|"
    r"llegad|ingresad)[oa]s?"
)
_FIRST_TO_RECEIVE = r"\b(?:primer|segundo|tercer|último)\s+país\s+en\s+(?:recibir|aceptar|acoger)\b"
_SEND_PAST = words(
    # A participle reports a move when an auxiliary or a destination goes with it;
    # "cuarenta deportados más" only names people.
    r"~(?:fue|fueron|sido|han|había|habían|ha|son|siendo)\s+" + _PARTICIPLE,
    "~" + _PARTICIPLE + r"(?=\s+(?:a|al|hacia|hasta)\s)",
    # "deportados por Estados Unidos a Ghana": the phrase names where they were sent.
    "~" + _PARTICIPLE + r"(?=\s+(?:por|desde|de)\s+(?:[\w.]+\s+){1,4}?(?:a|al|hacia|hasta)\s)",
    # Un traslado contado como sustantivo: "la deportación desde Estados Unidos de cinco
    # migrantes a Esuatini".
    r"~(?:deportación|expulsión|traslado|envío)(?=\s+(?:desde\s+(?:[\w.]+\s+){1,3}?)?de\s+(?:"
    + NUMBERS.pattern
    + r")\b)",
    # An arrival told as a noun: "confirmó la llegada de un grupo de 135 migrantes", "la
    # llegada de los primeros siete deportados".
    # An arrival awaited is none yet: "se espera la llegada de", "se prevé la llegada de".
    r"~(?<!espera\sla\s)(?<!esperan\sla\s)(?<!esperaba\sla\s)(?<!prevé\sla\s)"
    r"(?<!aguarda\sla\s)(?<!aguardan\sla\s)llegada(?=\s+de\s+(?:(?:un|el)\s+(?:primer\s+|nuevo\s+|segundo\s+)?grupo\s+(?:de|con)\s+|"
    r"(?:los|las)\s+(?:primer[oa]s\s+)?)?(?:" + NUMBERS.pattern + r")\b)",
    "~deport[oó]",
    r"~lleg(?:ó|aron)(?!\s+a\s+(?:un|el|ningún)\s+acuerdo)",
    # "un primer grupo de 14 personas había venido a Ghana": llegaron.
    r"~(?:ha|han|había|habían)\s+venido(?=\s+a\s+(?-i:[A-Z]))",
    # Quien regresa a un Estado nombrado se movió allí: "uno de ellos ha regresado a Gambia".
    r"~(?:(?:ha|han|había|habían)\s+regresado|regres(?:ó|aron))(?=\s+a\s+(?-i:[A-Z]))",
    "~deportaron",
    "~expuls[oó]",
    "~expulsaron",
    "~envi[oó]",
    "~enviaron",
    # "trasladó" (a move); "traslado" without the accent is the noun ("el traslado de …").
    "~trasladó",
    "~trasladaron",
    "~aterriz[oó]",
    # A ship docks: "el buque ha atracado en el puerto de …", "atracó en".
    r"~(?:ha|han)\s+atracado",
    "~atrac[oó]",
    "~atracaron",
    "~aterrizaron",
    "~arrib[oó]",
    "~arribaron",
    "~ingresad[oa]s?",
    "~recibi[oó]",
    "~recibieron",
    # Titulares en presente: "Ruanda recibe a seis deportados", "llegan a Sudán del Sur".
    r"~recib(?:e|en)(?=\s+a\s+(?:los\s+|las\s+)?(?:primer[oa]s?\s+)?\w+\s+(?:deportad|migrant|expulsad|hombres|personas))",
    r"~lleg(?:a|an)(?=\s+a\s)",
    r"~aterriz(?:a|an)(?=\s+en\s)",
    "~acogi[oó]",
    "~ha\\s+recibido",
    "~han\\s+recibido",
    "~ha\\s+acogido",
    "~entreg[oó]",
    # A law or a power used to move people tells the moves made with it: "la ley empleada
    # por la Casa Blanca para deportar a migrantes a El Salvador", "ha usado la ley para
    # enviar a …".
    r"~(?:(?:usad|utilizad|emplead|invocad|aplicad)[oa]s?|(?:ha|han|había|habían)\s+"
    r"(?:usado|utilizado|empleado|invocado|aplicado))\s+(?:[\w.]+\s+){0,6}?para\s+"
    r"(?:deportar|expulsar|enviar|trasladar)",
)
_ACCEPT = r"(?:recibir|aceptar|acoger|albergar|alojar|admitir|reasentar|hospedar)"


def demonym_forms(base: str) -> Iterator[tuple[str, bool]]:
    """Un gentilicio en masculino singular y sus formas: venezolano → venezolanos,
    venezolana, venezolanas; ghanés → ghaneses, ghanesa; marroquí → marroquíes."""
    yield base, False
    stem, last = base[:-1], base[-1:]
    if last == "o":
        yield stem + "os", True
        yield stem + "a", False
        yield stem + "as", True
    elif base.endswith(("és", "án", "ín", "ón", "ís")):
        plain = base[:-2] + {"é": "e", "á": "a", "í": "i", "ó": "o"}[base[-2]] + base[-1]
        yield plain + "es", True
        yield plain + "a", False
        yield plain + "as", True
    elif last in ("í", "ú"):
        yield base + "es", True
        yield base + "s", True
    elif last in ("e", "a"):
        yield base + "s", True
    elif last == "l":
        yield base + "es", True
        yield base + "a", False
        yield base + "as", True
    else:
        yield base + "es", True


# "Kosovo ha comenzado a aceptar a migrantes deportados": people are being taken in.
_STARTED_RECEIVING = (
    r"\b(?:ha|han|había|habían)\s+(?:comenzado|empezado)\s+a\s+(?:recibir|aceptar|acoger)\b|"
    r"\b(?:comenzó|empezó|comenzaron|empezaron)\s+a\s+(?:recibir|aceptar|acoger)\b"
)

# Words of a time phrase between a verb and where it goes: "la noche de este jueves".
_WHEN_GAP = (
    r"(?:(?:este|esta|el|la|los|las|ayer|hoy|anoche|noche|mañana|tarde|madrugada|de|del|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|pasad[oa]|mismo|\d{1,2})\s+){0,6}?"
)

LEXICON = Lexicon(
    stopwords=frozenset(
        re.findall(
            r"\w+",
            "de la que el en y los del se las por un para con una su al lo como más pero sus "
            "le ya o fue este ha sí porque esta son entre está cuando muy sin sobre también "
            "me hasta hay donde han quien desde todo nos durante estados todos uno les ni "
            "contra otros ese eso había ante ellos esto antes algunos qué unos yo otro otras "
            "otra él tanto esa estos mucho quienes nada muchos cual sea poco ella estar haber "
            "estas ",
        )
    ),
    numbers=NUMBERS,
    dates=DATES,
    topic=(
        "deport",
        "migra",
        "asilo",
        "refugi",
        "tercer país",
        "tercer pais",
        "terceros país",
        "terceros pais",
        "expuls",
        "traslad",
        "extranjer",
        "retornad",
    ),
    not_topic=("deporte", "deportes", "deportiv-", "deportist-"),
    third_country=rx(
        r"tercer(?:os)?\s+pa[ií]s(?:es)?|otras\s+nacionalidades|no\s+son\s+sus\s+ciudadanos|"
        r"de\s+otros\s+pa[ií]ses|no\s+pueden\s+ser\s+devueltos|pa[ií]s(?:es)?\s+puente|"
        r"que\s+no\s+son\s+(?:sus\s+)?(?:nacionales|ciudadanos)"
    ),
    clause_break=rx(
        r";|\s[—–]\s|(?<=[a-záéíóúñ]{3})\.\s+(?-i:(?=[a-záéíóú]))|:\s+(?-i:(?=[A-ZÁÉÍÓÚÑ]))|"
        r",\s+y\s+que\b|"
        r",\s+(?:(?P<rel>que|quien|quienes|el\s+cual|la\s+cual|los\s+cuales|las\s+cuales|donde|"
        r"cuyo|cuya)\b|(?=(?:pero|mientras|aunque|sino|según|tras|después|pese|aun\s+cuando|"
        r"además|sin\s+embargo)\b))|"
        # A concession put first ends at its comma: "aunque X firmó acuerdos con otros, Y …".
        r"\b(?:aunque|si\s+bien|pese\s+a\s+que|a\s+pesar\s+de\s+que)\s[^,;.:]{1,160}?(?P<cut>,\s+)|"
        r"\s+(?=(?:pero|aunque|mientras\s+que|sino\s+que)\s)"
    ),
    list_joiner=rx(
        r"\s*(?:,\s*(?:(?:y|e|o|u)\s+)?|\s+(?:y|e|o|u|así\s+como|además\s+de)\s+)"
        r"(?:(?:también|incluso|en\s+menor\s+medida)\s+)?(?:(?:el|la|los|las)\s+)?"
    ),
    geo_before=rx(
        r"(?:frontera(?:s)?\s+(?:con|de)|limita\s+con|"
        r"vecin[oa]s?(?:\s+(?:al|del)\s+(?:norte|sur|este|oeste)\s+de|\s+de)?|"
        r"(?:al|en\s+el)\s+(?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste)\s+de|"
        r"reconoc\w+|reconocimiento\s+(?:de|por)|independencia\s+de|situad[oa]\s+en|"
        r"ubicad[oa]\s+en|litigio\s+(?:territorial\s+)?con|disputa\s+con|"
        r"relaciones\s+(?:diplomáticas\s+)?con|rompió\s+relaciones\s+con|guerra\s+con|"
        r"visit(?:ó|a|aron|ar)\s+(?:antes\s+)?|viajar\s+a|viajó\s+a|gira\s+por|"
        r"previsto\s+viajar\s+a|costa\s+de|huyen\s+de(?:l)?|guant[aá]namo,?(?:\s+en)?)"
        r"\s+(?:el\s+|la\s+|los\s+)?$"
    ),
    geo_after=rx(r"^(?:[-–]\w+(?:\s+\w+)?\s+|\s+)fronteriz\w*\b"),
    nationality_before=rx(
        r"(?:nacionales\s+de|ciudadanos\s+de|originari[oa]s\s+de|procedentes\s+de|"
        r"provenientes\s+de|oriund[oa]s\s+de|naturales\s+de|nacid[oa]s\s+en|"
        r"de\s+nacionalidad|"
        # "de nueve países africanos: Angola, Kenia …".
        r"(?:de|desde)\s+(?:[\w-]+\s+){0,2}?(?:países|naciones)(?:\s+[\w-]+)?:|"
        # "originarios de varios países de Asia, como Irán, Georgia …".
        r"(?:originari[oa]s|procedentes|provenientes|oriund[oa]s|naturales)\s+de\s+"
        r"(?:[\w-]+\s+){0,2}?(?:países|naciones)(?:\s+[\w-]+){0,4}?,?\s+(?:como|entre\s+ell[oa]s)|"
        + PEOPLE
        + r"\s+(?:\w+\s+)?de|incluid[oa]s|"
        r"(?:\d+|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+de|"
        r"(?:evacuad[oa]s|huyen|huyeron|rescatad[oa]s)\s+(?:\w+\s+)?de|"
        # De dónde vinieron, no adónde fueron: "otro llegó desde Gambia".
        r"(?:lleg(?:ó|aron|ad[oa]s?|an?)|arrib(?:ó|aron))\s+(?:desde|de))"
        r"\s+(?:el\s+|la\s+|los\s+|las\s+)?$"
    ),
    sender_before=rx(
        r"(?:(?:deportad|expulsad|enviad|trasladad|devuelt|retornad|remitid)[oa]s?|deportados|"
        r"vuelos?|deportaciones|traslados)\s+(?:\w+\s+){0,2}?(?:por|de|desde)\s+"
        r"(?:el\s+|la\s+|los\s+)?$|"
        r"(?:petición|solicitud|pedido|presión|instancias|exigencia)\s+de\s+(?:el\s+|la\s+)?$|"
        r"corren\s+por\s+cuenta\s+de\s+$"
    ),
    partner_before=rx(
        r"(?:(?:negoci\w*|conversaciones|diálogo|acuerdo|acord\w+|pacto|convenio|firm\w+|"
        r"memorando|cooperación|asociación|arreglo|canje|relación|alianza)\s+(?:[\w-]+\s+){0,3}?"
        r"con|entre)\s+(?:el\s+|la\s+)?$"
    ),
    sender_after=rx(
        r"^\s+(?:ha\s+|había\s+|habría\s+)?(?:deport|expuls|envi|traslad|pag|pidi|solicit|"
        r"presion|quier|plane|alquil|arrend)\w*"
    ),
    actor_before=rx(r"(?:^|\s)(?:el|la|los|las)?\s*" + _GOVERNMENT_NOUNS + r"(?:\s+[\w-]+)?\s+$"),
    actor_after=rx(r"(?!x)x"),
    people_before=rx(r"(?:" + PEOPLE + r")(?:\s+[\w-]+)?\s+$"),
    people_after=rx(r"(?!x)x"),
    anaphora=rx(
        r"\b(?:[Ee]l|[Ee]ste|[Dd]icho|al|del)\s+(?:(?:pequeño|joven|empobrecido)\s+)?"
        r"(?:país|reino|estado\s+insular)(?:\s+(?P<adj>balcánico|centroamericano|sudamericano|"
        r"suramericano|latinoamericano|caribeño|africano|asiático|centroasiático|europeo|"
        r"insular|norteafricano))?\b(?!\s+(?:de|del)\s+(?:origen|[A-ZÁÉÍÓÚ]))|"
        r"\b[Ll]a\s+(?:pequeña\s+)?nación(?:\s+(?P<adj2>balcánica|centroamericana|sudamericana|"
        r"caribeña|africana|asiática|insular))?\b(?!\s+(?:de|del)\s+[A-ZÁÉÍÓÚ])",
        0,
    ),
    plural_anaphora=rx(
        r"\b(?:los|estos|esos|ambos)\s+(?P<n>dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|"
        r"\d{1,2})\s+(?:países|gobiernos|estados)\b"
    ),
    people=PEOPLE,
    of_them=rx(
        r"(?P<n>" + NUMBERS.pattern + r"|uno|una)\s+de\s+(?:ellos|ellas|los\s+"
        r"(?:\w+\s+)?(?:deportados|migrantes|hombres|\d+))\b"
    ),
    bare_count=rx(
        r"\b(?:los|las)\s+(?:primer[oa]s\s+)?(?P<n>" + NUMBERS.pattern + r")\s+(?=(?:que|"
        r"deportad|enviad|expulsad|trasladad|llegad)\w*\b)|"
        r"\b(?:los|las)\s+primer[oa]s\s+(?P<m>" + NUMBERS.pattern + r")\b"
    ),
    lower_bound=rx(r"\b(?:más\s+de|por\s+encima\s+de|superior\s+a)\s+$"),
    negation=rx(
        # No quiénes son: "la mayoría de los cuales no son de Sudán del Sur" no niega nada.
        r"\b(?:no(?!\s+(?:son|eran|es|era)\s+(?:originari[oa]s\s+)?(?:de|del)\b)|nunca|jamás|ni|tampoco|sin|neg[oó]|negaron|rechaz\w+|ningún|ninguna|"
        r"ninguno|nadie|nada)\b"
    ),
    modality=rx(
        r"\b(?:podría|podrían|podrá|podrán|puede|pueden|posible|posiblemente|eventual\w*|"
        r"planea\w*|prevé|previsto|pretende\w*|estudia|estudian|evalúa|evalúan|considera\w*|"
        r"propuest\w*|propone\w*|busca\w*|quiere\w*|se\s+habla\s+de|se\s+esperaba|se\s+esperan?|"
        r"estaba\s+previsto|programad[oa]s?\s+para|"
        # Una conjetura no es una noticia: "probablemente fueron enviados a Togo".
        r"probablemente|"
        # Un acuerdo aún por cerrar: "en la fase final de", "a punto de firmar".
        r"(?:fase|etapa)s?\s+finale?s?\s+de|a\s+punto\s+de|ultima(?:n|ndo)?|"
        r"cerca\s+de\s+(?:alcanzar|cerrar|firmar|sellar))\b"
    ),
    # "incluso si no son de esa nacionalidad" concede; no hace irreal la cláusula.
    hypothetical=rx(
        r"(?<!incluso\s)(?<!aun\s)(?<!aún\s)\b(?:si|imagin\w+|supongamos|en\s+teoría|"
        r"hipot\w+)\b|[¿?]"
    ),
    own_nationals=rx(
        r"(?<!no\sson\s)\b(?:sus\s+(?:propios\s+)?(?:ciudadanos|nacionales|connacionales)|connacionales|"
        r"readmisión)|"
        # "deportado a su natal El Salvador", "a su país natal": the person's own country.
        r"\bsu\s+(?:país\s+|tierra\s+)?natal\b"
    ),
    home_destination=rx(
        r"\b(?:sus\s+(?:propios\s+)?(?:países|naciones)(?:\s+de\s+(?:origen|procedencia))?|"
        r"su\s+país(?:\s+de\s+origen)?|su\s+tierra)\b"
    ),
    speech=rx(
        r"\b(?:dijo|dice|afirmó|aseguró|anunció|informó|confirmó|declaró|señaló|explicó|"
        r"indicó|precisó|reconoció|denunció|escribió|publicó)\s+(?:\w+\s+){0,2}?$"
    ),
    present=rx(
        r"\b(?:acepta|aceptará|recibirá|acogerá|ha|han|firma|aprueba|aprobó|acuerda|"
        r"se\s+suma|confirma)\b"
    ),
    future=rx(
        r"\b(?:será|serán|sería|serían|va\s+a|van\s+a|vamos\s+a|podrá|podrán|podría|podrían|"
        r"pueden|puede|deberán|para)\s+(?:\w+\s+){0,2}?$|"
        # Un subjuntivo no cuenta lo ocurrido: "se esperaba que fueran trasladadas".
        r"\b(?:fueran|fuesen|sean|hayan\s+sido)\s+$|"
        # Un condicional compuesto supone, no cuenta: "sólo se habría expulsado al 1 %".
        r"\b(?:habría|habrían)\s+(?:sido\s+)?$"
    ),
    migration=rx(
        PEOPLE + r"|\b(?:deport\w*|asilo|refugi\w*|migra\w*|tercer(?:os)?\s+pa[ií]s\w*|"
        r"expuls\w*|vuelos?|traslados?|reasenta\w*|protección|puente|tránsito|"
        r"[a-záéíóúñ]+(?:anos|eños|eses|ianos|inos|íes|enses|itas)\b)"
    ),
    status={
        Status.AGREED: rx(
            # Un centro que un Estado levantó o gestiona en otro: "el centro creado en Albania
            # por Italia para trasladar allí a", "Italia abrió dos centros en Albania".
            r"\bcentros?\s+(?:[\w-]+\s+){0,2}?(?:cread|construid|abiert|instalad|habilitad|"
            r"levantad|gestionad|administrad)[oa]s?\s+(?:por\s+[\w.]+\s+)?en\b|"
            r"\b(?:constru(?:yó|yeron)|abri(?:ó|eron)|cre(?:ó|aron)|instal(?:ó|aron)|"
            r"habilit(?:ó|aron)|levant(?:ó|aron))\s+(?:en\s+[\w.]+\s+)?(?:[\w-]+\s+){0,2}?"
            r"centros?\s+(?:para\s+[\w-]+\s+)?en\b|"
            r"\b(?:acept[aóo]|aceptará|aceptaron|acord[óo]|acordaron|acuerda|hemos\s+acordado|"
            r"aprob[óo]|aprueba|se\s+comprometió\s+a|se\s+compromete\s+a|decidió|"
            r"accedió\s+a)\s+(?:(?:[\w.]+\s+){0,3})?" + _ACCEPT + r"|"
            r"\b(?:lleg(?:ó|aron|a|an)|(?:ha|han|había|habían)\s+llegado)\s+(?:[\w]+\s+){0,2}?"
            r"a\s+un\s+(?:principio\s+de\s+)?acuerdo\b|"
            # A choice made: "México ha optado por recibir a migrantes de otras nacionalidades".
            r"\b(?:(?:ha|han|había|habían)\s+optado|opt(?:ó|aron)|opta|optan)\s+por\s+"
            + _ACCEPT
            + r"\b|"
            r"\bpact(?:a|an|ó|aron)\s+con\b|"
            r"\b(?:acuerdo|arreglo|pacto|convenio)\s+(?:[\w-]+\s+){0,2}?para\s+"
            r"(?:recibir|acoger|aceptar)\b|"
            r"\b(?:recibirá|acogerá|aceptará|albergará|podrá\s+recibir)\b|"
            r"\bvolverá\s+a\s+" + _ACCEPT + r"\b|"
            r"\b(?:firm(?:ó|aron|an|a|ado)|suscrib(?:ió|ieron|en)|sell(?:ó|aron)|alcanz(?:ó|aron)|"
            r"concret(?:ó|aron)|formaliz(?:ó|aron|ado)|ratific(?:ó|aron)|aprob(?:ó|aron)|acuerdan|"
            r"establec(?:ió|ieron|ido)|cerr(?:ó|aron|ado)|"
            r"se\s+formalizó)\s+(?:[\w.-]+\s+){0,8}?(?:acuerdos?|pacto|convenio|memorando|"
            r"memorándum|carta\s+de\s+intención|arreglo|tratado|mecanismo)\b|"
            r"\b(?:acuerdan|acordaron|pactaron)\b|"
            r"\b(?:acept(?:ó|a|aron)|aceptado)\s+(?:la\s+|el\s+)?(?:propuesta|petición|solicitud|"
            r"oferta)\b|\bse\s+suma\s+a\b|\baceptó\s+convertirse\b|\bacepta\s+que\b|"
            r"\b(?:anunció|anuncia)\s+un\s+acuerdo\b|"
            r"\b(?:acuerdo|pacto|convenio|memorando)\s+(?:[\w-]+\s+){0,2}?(?:se\s+)?"
            r"(?:firm(?:ó|aron)|firmado|suscrito|firmaron)\b|"
            r"\b(?:han|ha)\s+aceptado\s+(?:ser|servir|convertirse|funcionar|" + _ACCEPT + r")|"
            # "nueve países aceptaban deportaciones de terceros": a standing acceptance.
            r"\bacept(?:a|an|aba|aban|ó|aron)\s+(?:las\s+|los\s+|a\s+(?:los\s+)?)?"
            r"(?:deportaciones|expulsiones|deportados)\s+de\s+(?:terceros|otr[oa]s)\b"
            r"|\bal\s+amparo\s+del?\s+(?:acuerdo|pacto|convenio)\b|"
            r"\bbajo\s+(?:el|este)\s+(?:(?:nuevo|actual|mismo|polémico|controvertido)\s+)?"
            r"(?:acuerdo|pacto|convenio)\b|"
            # "bajo un acuerdo de deportación con", "como parte de un acuerdo para recibir",
            # "cerró un trato con", "ya tiene un acuerdo para", "accede a acoger".
            r"\b(?:bajo|como\s+parte\s+de|en\s+el\s+marco\s+de)\s+(?:un|el|del|este)\s+"
            r"(?:acuerdo|pacto|convenio|trato)\b|"
            r"\b(?:cerr(?:ó|aron)|sell(?:ó|aron)|firm(?:ó|aron))\s+un\s+(?:trato|acuerdo|pacto)\b|"
            r"\b(?:tiene|tienen)\s+(?:ya\s+)?un\s+(?:acuerdo|pacto|convenio)\s+para\b|"
            r"\bacced(?:e|en|ió|ieron)\s+a\s+" + _ACCEPT + r"|"
            # The reporting conditional ("habría firmado") tells a reported deal, as
            # "reportedly signed" does, not a hypothetical one.
            r"\b(?:ha|han|había|habían|habría|habrían)\s+(?:firmado|sellado|suscrito|alcanzado|"
            r"cerrado)\s+(?:\w+\s+){0,3}?(?:acuerdos?|unos|STCA|pactos?|convenios?)\b|"
            # "los acuerdos que la administración ha firmado con …", "tras firmar un
            # memorando", "la firma de un acuerdo con", "un acuerdo previo con Paraguay".
            r"\b(?:acuerdos?|pactos?|convenios?)\s+que\s+(?:[\w.]+\s+){0,6}?(?:ha|han|había|"
            r"habían)\s+(?:firmado|alcanzado|sellado|suscrito|cerrado)\b|"
            r"\b(?:tras|después\s+de|luego\s+de|al)\s+(?:firmar|suscribir|sellar)\s+"
            r"(?:[\w.«»\"“”]+\s+){0,4}?(?:acuerdos?|pacto|convenio|memorando|memorándum)\b|"
            r"\bla\s+firma\s+(?:del?\s+)?(?:[\w.«»\"“”]+\s+){0,5}?(?:acuerdos?|pacto|convenio|"
            r"memorando|memorándum)\b|"
            r"\b(?:acuerdos?|pactos?|convenios?)\s+(?:similar(?:es)?|previos?|anterior(?:es)?|"
            r"vigentes?|existentes?)\s+con\b|"
            # Un acuerdo vigente: "Estados Unidos ha tenido un acuerdo así con Canadá desde 2002".
            r"\b(?:tiene|tienen|ha\s+tenido|han\s+tenido|mantiene|mantienen)\s+(?:un|una)\s+"
            r"(?:[\w-]+\s+){0,3}?(?:acuerdo|pacto|convenio|arreglo)\s+(?:[\w-]+\s+){0,3}?con\b|"
            # Un Estado alquila plazas de prisión de otro: "alquilará 300 celdas a Kosovo".
            r"\b(?:alquil|arrend)(?:a|an|ará|arán|ó|aron|ado|ar)\s+(?:[\w,.-]+\s+){0,3}?"
            r"(?:celdas|plazas\s+(?:de\s+)?(?:prisión|cárcel|penitenciarias))\b"
        ),
        Status.IMPLEMENTED: rx(
            r"\b(?:ya\s+)?(?:ha|han|había|habían)\s+(?:ya\s+)?(?:recibido|acogido|aceptado)\b"
            r"(?!\s+(?:recibir|aceptar|acoger|la\s+propuesta|la\s+petición|ser|servir|"
            r"convertirse|funcionar))|"
            r"\b(?:comenzó|empezó|comenzaron|empezaron|(?:ha|han)\s+(?:comenzado|empezado))\s+a\s+"
            r"(?:recibir|aceptar|acoger)\b|"
            r"\bya\s+(?:recibe|acoge|acepta|reciben)\b|\bfuncionaron\s+como\b|"
            r"\b(?:recibió|acogió|ha\s+recibido)\s+(?:en\s+\w+\s+)?(?:a\s+)?(?:"
            + NUMBERS.pattern
            + r")\b"
        ),
        Status.NEGOTIATING: rx(
            r"\bnegoci(?:a|an|ando|aciones|ación|ar|ado)\b|\bconversaciones\b|"
            r"\ben\s+diálogo\b|\bdiálogos?\s+con\b|\bpláticas\b|\bexploran?\b|"
            r"\bestudian?\s+(?:la\s+)?(?:posibilidad|propuesta)\b|"
            # "está considerando la posibilidad de enviar", "ha considerado aceptar", as
            # "considering" in English.
            r"\bconsider(?:a|an|ando|ado|aba|aban)\s+(?:la\s+(?:posibilidad|opción)\s+de\s+)?"
            r"(?:enviar|deportar|trasladar|aceptar|recibir|acoger)\b|"
            # "se plantea enviar", "baraja la posibilidad de acoger": weighing it, as
            # "considering".
            r"\b(?:se\s+)?(?:plante(?:a|an|aba|aban|ó)|baraj(?:a|an|aba|aban|ó|ando))\s+"
            r"(?:la\s+(?:posibilidad|opción|idea)\s+de\s+)?"
            r"(?:enviar|deportar|trasladar|aceptar|recibir|acoger)\b"
        ),
        Status.REQUESTED: rx(
            r"\b(?:pidió|pide|pidieron|solicitó|solicita|presion(?:ó|a|aron)|insta|instó)\s+"
            r"(?:\w+\s+){0,6}?(?:que\s+)?(?:recib|acept|acog)\w*|"
            r"\b(?:a\s+)?(?:petición|solicitud|pedido)\s+de\s+(?:acoger|recibir|aceptar)\b|"
            # "presiona a los países africanos para que acepten": pedido, con peso detrás.
            r"\bpresi(?:ón|ones)\s+(?:sobre|a)\s+(?:[\w.’'-]+\s+){1,4}?para\s+que\s+"
            r"(?:recib|acept|acoj)\w*|"
            r"\b(?:planea|planeaba|pretende|prevé)\s+(?:enviar|deportar|trasladar)\b"
        ),
        Status.REFUSED: rx(
            r"\b(?:rechaz(?:ó|a|aron|ado)|declin(?:ó|aron))\s+(?:\w+\s+){0,2}?(?:la\s+|el\s+)?"
            r"(?:petición|solicitud|propuesta|presión|pedido|oferta|plan)\b|"
            r"\bse\s+neg(?:ó|aron|a|aba|aban|an)\s+a\s+(?:recibir|aceptar|acoger)(?:l[oa]s?)?\b|"
            r"\bno\s+(?:recibirá|aceptará|acogerá|recibiría|aceptaría)\s+(?:a\s+)?"
            r"(?:deportados|migrantes)\b|"
            # El rechazo como sustantivo: "su rechazo a cualquier acuerdo que permita …".
            r"\b(?:rechazo|negativa)\s+(?:a|de)\s+(?:[\w'’-]+\s+){0,8}?(?:deportaci(?:ón|ones)|"
            r"acuerdos?|pactos?|planes|plan|petici(?:ón|ones)|solicitud(?:es)?|propuestas?|"
            r"traslados?)\b|"
            # No poder recibirlos: "no podrá aceptar", "será difícil para Nigeria aceptar".
            r"\bno\s+(?:podrá|podría|puede|pueden|está\s+en\s+condiciones\s+de|"
            r"estará\s+en\s+condiciones\s+de)\s+(?:aceptar|recibir|acoger)\b|"
            r"\b(?:difícil|imposible)\s+(?:para\s+(?:[\w.’'-]+\s+){1,3}?)?(?:aceptar|recibir|"
            r"acoger)\b"
        ),
        Status.SUSPENDED: rx(
            r"\b(?:suspend(?:ió|ieron|ido|idas|idos|e)|paraliz(?:ó|ado)|congel(?:ó|ado)|"
            r"bloque(?:ó|ado)|fren(?:ó|ado)|estancad[oa]|se\s+estancó)\b"
        ),
        Status.ENDED: rx(
            r"\b(?:puso\s+fin|pusieron\s+fin|cancel(?:ó|aron|ado)|termin(?:ó|aron)\s+con|"
            r"anul(?:ó|aron|ado)|derog(?:ó|aron|ado)|abandon(?:ó|aron|ad[oa])|dio\s+por\s+terminado|"
            r"rompi(?:ó|eron)\s+el\s+acuerdo|"
            # "la política se desecharía" (told by the one who ends it, as "would be scrapped"),
            # "el plan estaba muerto y enterrado".
            r"desech(?:ó|aron|ad[oa]s?|ará|arán|aría|arían)|muert[oa]\s+y\s+enterrad[oa])\b"
        ),
    },
    first_receiver=rx(
        r"\b(?:primer|último|segundo)\s+país\s+(?:\w+\s+){0,2}?en\s+(?:recibir|aceptar|acoger|"
        r"firmar)\b"
    ),
    ruled_unlawful=rx(
        r"\b(?:dictamin(?:ó|a|aron|ado)|determin(?:ó|a|aron)|declar(?:ó|a|aron|ado)|"
        r"resolvi(?:ó|eron)|consider(?:ó|a|aron)|fall(?:ó|a))\s+"
        r"(?:(?:este|el|ayer|hoy)\s+(?:\w+\s+){0,3}?)?(?:que\s+)?(?:el\s+|la\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:plan|política|acuerdo|programa|deportar|enviar|expulsar|"
        r"trasladar|deportaci(?:ón|ones)|expulsi(?:ón|ones)|traslados?|vuelos?)\b"
        r"(?:[\w\s,-]{0,120}?)\s(?:es|era|son|eran|sería|serían|resulta|resultaba)\s+"
        r"[«\"“']?ilegal(?:es)?\b|"
        # The adjective before its object, the day between: "declaró ilegal el plan",
        # "consideró este miércoles ilegal el plan del Gobierno".
        r"\b(?:declar|consider|dictamin|calific|juzg)(?:ó|a|aron|ado)\s+"
        r"(?:(?:este|el|ayer|hoy)\s+(?:\w+\s+){0,2}?)?ilegal(?:es)?\s+"
        r"(?:el\s+|la\s+|los\s+|las\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:plan|política|acuerdo|programa|deportaci(?:ón|ones)|expulsi(?:ón|ones)|traslados?|"
        r"vuelos?)\b|"
        # "confirmó la ilegalidad de las deportaciones a Ruanda".
        r"\bilegalidad\s+del?\s+(?:(?:las|los)\s+)?(?:[\w-]+\s+){0,2}?(?:plan|política|acuerdo|"
        r"programa|deportaci(?:ón|ones)|expulsi(?:ón|ones)|traslados|vuelos)\b"
    ),
    denial=rx(
        r"\b(?:neg(?:ó|aron|ado|ando)|desminti(?:ó|eron)|desmiente|desmienten|niega|niegan|"
        r"desmentidos?|negativas?\s+(?:de|del|por\s+parte\s+de)|"
        r"negado|rechazó\s+"
        r"(?:esas\s+|las\s+)?(?:informaciones|versiones))\b"
    ),
    denial_object=rx(
        r"\b(?:acuerdos?|pacto|convenio|arreglo|memorando|firmado|firma|firmar|plan|programa|"
        r"traslados|vuelos|política|conversaciones|negociaciones|diálogos?)\b|\blo\b"
    ),
    negated_deal=rx(
        r"\bno\s+(?:hay|existe|existía|había)\s+(?:ningún|un|tal)?\s*(?:\w+\s+){0,2}?"
        r"(?:acuerdo|pacto|convenio)\b|"
        r"\bno\s+(?:ha|había|hemos|han)\s+firmado\s+(?:ningún\s+|un\s+)?(?:acuerdo|pacto|convenio)\b|"
        r"\bningún\s+acuerdo\b"
    ),
    roles={
        Role.DETENTION: rx(
            r"\b(?:encarcel\w+|encerr\w+|recluid[oa]s|reclusos|presos|ingresad[oa]s\s+en\s+"
            r"(?:el\s+)?penal|detenid[oa]s\s+en|retenid[oa]s\s+en|privad[oa]s\s+de\s+(?:su\s+)?"
            r"libertad|confin\w+|megacárcel|cárcel\s+de\s+máxima\s+seguridad|"
            r"prisión\s+de\s+máxima\s+seguridad|permanecerán\s+en\s+el\s+cecot|"
            r"(?:siguen|seguían|permanecen|continúan)\s+detenid[oa]s|bajo\s+custodia|"
            r"incomunicad[oa]s|aislamiento)\b"
        ),
        Role.TEMPORARY_STAY_THEN_RETURN: rx(
            r"\b(?:acoger|recibir|albergar)\s+temporalmente\b|\btemporalmente\b|"
            r"\bde\s+forma\s+temporal\b|\bestancia\s+(?:era\s+)?temporal\b|"
            r"\b(?:regreso|retorno|repatriación)\s+(?:seguro\s+)?a\s+sus\s+(?:respectivos\s+)?"
            r"(?:países|naciones)\b|"
            r"\btraslado\s+(?:\w+\s+){0,4}?a\s+sus\s+(?:respectivos\s+)?países\b|"
            r"\bpara\s+luego\s+enviarlos\s+a\s+sus\s+países\b|\bmientras\s+(?:\w+\s+){0,4}?"
            r"(?:facilitan|gestionan|tramitan)\s+su\s+(?:regreso|retorno)\b|"
            r"\bcosto\s+de\s+su\s+retorno\b|\bluego\s+(?:\w+\s+){0,2}?(?:trasladad|enviad|devuelt|"
            r"repatriad)\w*\s+a\s+sus\s+países\b|"
            # "serán posteriormente retornados a sus países de origen", "para luego
            # trasladarlos a sus naciones de origen", "para su repatriación".
            r"\b(?:serán|serían|sean|fueran|ser)\s+(?:\w+\s+)?(?:retornad|devuelt|repatriad|trasladad|"
            r"enviad)[oa]s\s+(?:\w+\s+){0,2}?a\s+sus\s+(?:respectivos\s+)?(?:países|naciones)\b|"
            r"\bpara\s+(?:luego\s+|después\s+|posteriormente\s+)?(?:trasladarlos|enviarlos|"
            r"devolverlos|retornarlos|repatriarlos)\s+a\s+sus\s+(?:respectivos\s+)?"
            r"(?:países|naciones)\b|\bpara\s+su\s+(?:posterior\s+)?repatriación\b"
        ),
        Role.PROTECTION_OR_RESETTLEMENT: rx(
            # Un tercer país seguro recibe a solicitantes de asilo para que pidan protección allí.
            r"\btercer\s+pa[ií]s\s+seguro\b|\bSTCA\b|"
            r"\breasenta\w+|\b(?:solicitar|pedir|tramitar|tramiten|tramita)\s+(?:su\s+)?"
            r"(?:pedido\s+de\s+)?(?:asilo|refugio|protección)\b|\bprotección\s+internacional\b|"
            r"\bsolicitudes\s+(?:de\s+protección|de\s+asilo)?\s*(?:serán|se\s+resuelven|"
            r"sean)\b|\bsolicitudes\s+serán\s+analizadas\b|\bvivir\s+y\s+trabajar\b|"
            r"\bintegrarse\b|\bquedarse\s+a\s+vivir\b|"
            r"\b(?:acoger|recibir|albergar)\s+(?:a\s+)?refugiados\b"
        ),
        Role.TRANSIT_STOPOVER: rx(
            r"\bpa[ií]s(?:es)?\s+(?:\"|“|«)?puente\b|\bpuente\b|\bescalas?\s+técnicas?\b|"
            r"\bpa[ií]s(?:es)?\s+de\s+tránsito\b|\bestación\s+de\s+paso\b|"
            r"\bcentro\s+de\s+tránsito\b|\bparada\s+temporal\b|\btra(?:n)?sbordo\b|"
            r"\bcomo\s+(?:primera\s+)?escala\b|"
            # Retenidos en un Estado camino de otro: "a Honduras, antes de su esperado
            # traslado a Venezuela", "antes de ser trasladados en avión a".
            r"\bantes\s+de\s+(?:su\s+(?:\w+\s+)?(?:traslado|vuelo|repatriación)|ser\s+"
            r"(?:trasladad|enviad|llevad)[oa]s\s+(?:en\s+avión\s+)?)\s*a\b"
        ),
        Role.ONWARD_REMOVAL: rx(
            r"\b(?:trasladad[oa]s|enviad[oa]s|expulsad[oa]s|devuelt[oa]s)\s+posteriormente\b|"
            r"\bposteriormente\s+(?:\w+\s+){0,2}?(?:trasladad|enviad|expulsad)\w*\s+a\s+sus\b|"
            r"\breexpuls\w+"
        ),
    },
    transfer=rx(
        # "solo uno se ha reunido con su familia en Jamaica": volvió, salió del país que lo
        # acogió.
        r"\b(?:reunido|reencontrado|reunió|reencontró)\s+con\s+sus?\s+familia(?:s|res)?\b"
        r"(?=\s+en\s)|"
        r"\b(?:"
        + _SEND_PAST
        + r")\b|"
        + _STARTED_RECEIVING
        + r"|"
        + _FIRST_TO_RECEIVE
        # "el primer país en recibir a 119 deportados": el primero en acogerlos.
        + r"(?=\s+(?:a\s+)?(?:"
        + NUMBERS.pattern
        + r")\b)"
    ),
    arrival=rx(
        r"\b(?:ha|han|había|habían)\s+venido\b|"
        r"\b(?:llegaron|lleg[oó]|aterriz[oó]|aterrizaron|arrib[oó]|arribaron|llegad[oa]s|"
        r"recibi[oó]|recibieron|acogi[oó]|recibe|reciben|llega|llegan|aterriza|aterrizan)\b"
    ),
    receive=rx(
        _FIRST_TO_RECEIVE + r"|"
        r"\b(?:recibi[oó]|recibieron|acogi[oó]|acogieron|ha\s+recibido|han\s+recibido|"
        r"recibe|reciben)\b|" + _STARTED_RECEIVING
    ),
    deal_reference=rx(
        r"\b(?:ese|el|este|dicho|aquel)\s+(?:plan|acuerdo|pacto|convenio|programa|arreglo|"
        r"mecanismo|esquema)\b"
    ),
    pronoun_subject=rx(
        r"^\W*(?:(?:el|la|tras|después)\b[^,]{0,60},\s*)?(?:ellos|ellas|los\s+(?:\w+\s+)?"
        r"(?:hombres|migrantes|deportados|detenidos)|el\s+grupo)\b"
    ),
    # Spanish puts the object pronoun before the verb ("los recibió"), the noun after it.
    pronoun_object=rx(
        r"\b(?:los|las)\s+$|^\s*a\s+(?:los|las)\s+(?:\w+\s+)?(?:hombres|mujeres|migrantes|"
        r"deportados|detenidos)\b"
    ),
    internal_move=rx(
        r"\ben\s+(?:autob[uú]s|bus|buses|autobuses)\b|"
        # Moved on to a shelter or a camp in the country that took them in.
        r"\b(?:trasladad[oa]s?|reubicad[oa]s?|llevad[oa]s?)\s+(?:a|al|hacia)\s+(?:un\s+|una\s+|la\s+)?"
        r"(?:albergue|campamento|refugio|estación\s+(?:temporal|migratoria))\b"
    ),
    per_person=rx(
        r"\bcada\s+uno\b|\bpor\s+(?:persona|cabeza|migrante)\b|\ben\s+efectivo\b|"
        # "a los solicitantes de asilo se les darán 3.500 dólares": dinero a las personas.
        r"\b(?:" + PEOPLE + r")\s+(?:recibirán|recibieron|recibían)\s+(?:un\s+)?(?:billete|pasaje|"
        r"\d)|\ba\s+(?:cada\s+)?(?:los\s+|las\s+)?(?:" + PEOPLE + r")\s+se\s+les\s+(?:dio|dieron|"
        r"darán|dará|entregó|entregaron|entregará|entregarán|ofreció|ofrecieron|ofrecerán|pagó|"
        r"pagará)\b"
    ),
    participle_tail=rx(r"\s+(?:por|de|desde)\b"),
    onward=rx(
        # "uno de los 14": one of the people moved before.
        r"\b(?:(?<=\bun[oa]\s)de\s+(?:los|las)\s+\d+|de\s+ellos|de\s+ellas|posteriormente|luego|después|más\s+tarde|desde\s+entonces|"
        r"ya\s+(?:fue|fueron|ha\s+sido|han\s+sido)|de\s+regreso|repatriad[oa]s?|repatri(?:ó|aron)|"
        r"reunido|reencontrado|reunió|reencontró|hacia\s+"
        r"(?:la\s+)?frontera)\b"
    ),
    capacity=rx(
        r"\b(?:hasta|un\s+máximo\s+de|máximo\s+de|no\s+más\s+de|un\s+tope\s+de|"
        r"un\s+límite\s+de|como\s+máximo)\s+(?:a\s+)?(?P<n>" + NUMBERS.pattern + r")"
    ),
    capacity_units=rx(
        r"(?P<n>" + NUMBERS.pattern + r")\s+(?:celdas|plazas|camas|cupos)\b|"
        r"(?P<m>" + NUMBERS.pattern + r")\s+(?:\w+\s+){0,2}?(?:personas|refugiados|migrantes|"
        r"solicitantes\s+de\s+asilo|deportados)\s+(?:al|por)\s+año\b|"
        r"\b(?:los|las|total\s+de)\s+(?P<k>" + NUMBERS.pattern + r")\s+(?:\w+\s+){0,2}?"
        r"que\s+(?:el\s+)?"
        r"(?:\w+\s+){0,2}?(?:aceptó|acordó|se\s+comprometió\s+a)\s+" + _ACCEPT + r"|"
        # "acordó acoger a 50 deportados", "accedió a una petición … para acoger a 50".
        r"\b(?:acord[oó]|acordado|acept[oó]|accedi[oó]\s+a|acced(?:e|en)\s+a|se\s+comprometi[oó]\s+a|"
        r"ofreci[oó]|aceptar[aá])\s+(?:[\w.]+\s+){0,8}?" + _ACCEPT + r"\s+(?:inicialmente\s+|"
        r"temporalmente\s+)?(?:a\s+)?(?:unos\s+|unas\s+)?(?P<j>" + NUMBERS.pattern + r")\s+"
        r"(?:[\w-]+\s+){0,2}?(?:" + PEOPLE + r")"
    ),
    payment=rx(
        r"\b(?:pag(?:ó|ará|a|an|aron|o|os)|pago|pagos|a\s+cambio|tarifa|subvención|donación|"
        r"compensación)\b"
    ),
    money_context=rx(r"\b(?:recibió|recibirá|recibe|contempla|fondos|aporta\w*|entreg\w+)\b"),
    costs=rx(
        r"\bcorr(?:en|erán|ían|ieron)\s+por\s+cuenta\s+de\b|"
        r"\b(?:cubrirá|cubre|cubrir|cubiertos|cubierto|costea\w*|financia\w*|sufraga\w*)\s+"
        r"(?:\w+\s+){0,2}?(?:costos?|costes?|gastos?)\b|"
        r"\b(?:costos?|costes?|gastos?)\s+(?:\w+\s+){0,4}?(?:eran|son|serán|corren|correrán|fueron)\s+"
        r"(?:cubiertos|pagados|por\s+cuenta)\b|\bcorren\s+por\s+cuenta\s+de\b|"
        r"\bpago\s+de\s+Washington\b|\bapoyo\s+financiero\b"
    ),
    money=rx(
        r"(?P<pre>US\$|USD|EUR|€|\$|£)\s?(?P<amount>\d[\d,.]*)(?:\s?(?P<scale>millones|"
        r"mil\s+millones|millón|M)\b)?|"
        r"(?P<amount2>\d[\d,.]*|" + NUMBERS.pattern + r")\s+(?P<scale2>mil\s+millones|millones|"
        r"millón)?\s*(?:de\s+)?(?P<post>dólares|euros|libras(?:\s+esterlinas)?|"
        r"dólares\s+australianos)\b"
    ),
    aggregate=rx(r"\b(?:en\s+total|el\s+total|costo\s+total|gastó|gastado|en\s+conjunto)\b"),
    currencies={
        "$": "USD",
        "us$": "USD",
        "usd": "USD",
        "€": "EUR",
        "eur": "EUR",
        "£": "GBP",
        "dólares": "USD",
        "euros": "EUR",
        "libras": "GBP",
        "libras esterlinas": "GBP",
        "dólares australianos": "AUD",
    },
    scales={"millones": 10**6, "millón": 10**6, "m": 10**6, "mil millones": 10**9},
    instruments={
        Instrument.SAFE_THIRD_COUNTRY_AGREEMENT: rx(
            r"\b(?:acuerdo|pacto|convenio|memorando)\s+(?:\w+\s+){0,2}?de\s+(?:\"|“|«)?tercer\s+"
            r"país\s+seguro\b|\bpacto\s+de\s+este\s+tipo\b|"
            # El acuerdo hace del Estado uno: "este convenio, conocido como de «tercer país
            # seguro»", "un acuerdo para convertirse en un tercer país seguro".
            r"\b(?:acuerdo|pacto|convenio)\b[^.;]{0,120}?\b(?:como|en\s+un|ser\s+un|de)\s+"
            r"(?:de\s+)?[\"“«']?tercer\s+país\s+seguro\b"
        ),
        Instrument.ASYLUM_COOPERATION_AGREEMENT: rx(
            r"\bacuerdo\s+de\s+cooperación\s+(?:en\s+materia\s+)?de\s+asilo\b|\bACA\b"
        ),
        Instrument.MEMORANDUM_OF_UNDERSTANDING: rx(r"\bmemor[aá]nd(?:o|um)\s+de\s+entendimiento\b"),
        Instrument.UNDISCLOSED: rx(
            r"\bno\s+(?:ha|han)\s+hecho\s+público\s+el\s+texto\b|\btexto\s+no\s+(?:ha\s+sido|fue)\s+"
            r"publicado\b|\bacuerdo\s+secreto\b|\btérminos\s+no\s+(?:han\s+sido\s+)?(?:revelados|"
            r"divulgados)\b"
        ),
        Instrument.OTHER: rx(
            r"\bcarta\s+de\s+intención\b|\bcanje\s+de\s+notas\b|\bintercambio\s+de\s+notas\b|"
            r"\bnotas\s+diplomáticas\b|\bdeclaración\s+política\b|\btratado\b|"
            r"\bmarco\s+de\s+entendimiento\b"
        ),
    },
    concerns={
        Concern.ABUSE: rx(
            r"\b(?:abusos?|tortur\w+|maltrat\w+|golpiz\w+|golpead[oa]s|vejaciones|"
            r"violencia\s+sexual|hacinamiento)\b"
        ),
        Concern.INCOMMUNICADO: rx(
            r"\bincomunicad[oa]s\b|\bsin\s+(?:poder\s+comunicarse|comunicación|acceso\s+"
            r"(?:regular\s+)?a\s+(?:sus\s+)?(?:abogados|teléfonos|familias))\b|"
            r"\baislamiento\s+total\b|\bsin\s+poder\s+comunicarse\b|"
            r"\bcontacto\s+con\s+el\s+(?:mundo\s+)?exterior\b"
        ),
        Concern.REFOULEMENT: rx(
            r"\bdevolución\b|\bno\s+devolución\b|\briesgo\s+de\s+ser\s+devuelt[oa]s\b|"
            # "en peligro de ser deportados a sus países de origen", "el riesgo de que sean
            # devueltos a sus países": sent on to the states they fled.
            r"\b(?:riesgo|peligro)\s+de\s+(?:que\s+(?:[\w-]+\s+){0,8}?)?(?:ser|sean|fueran)\s+"
            r"(?:deportad|devuelt|expulsad|retornad|enviad)[oa]s\s+(?:de\s+nuevo\s+)?a\s+sus\s+"
            r"(?:propios\s+)?(?:países|naciones)\b|\bprotección\s+(?:\w+\s+){0,4}?contra\s+la\s+"
            r"devolución\b|\bdevueltas?\s+a\s+países\s+donde\s+su\s+vida\b|"
            r"\b(?:riesgo\s+de|enfrentan|podrían\s+sufrir|correr\s+peligro\s+y\s+ser\s+víctimas\s+de)\s+"
            r"(?:la\s+)?(?:tortura|persecución)\b"
        ),
        Concern.DUE_PROCESS: rx(
            r"\bsin\s+(?:juicio|cargos|debido\s+proceso)\b|\bno\s+tuvieron\s+oportunidad\s+de\s+"
            r"defenderse\b|\bprivad[oa]s\s+de\s+su\s+libertad\s+de\s+forma\s+ilegítima\b|"
            r"\bfalta\s+de\s+asesoría\s+legal\b|\bno\s+recibieron\s+información\b|"
            r"\binconstitucional\b|\bsin\s+que\s+un\s+juez\b|\bsin\s+(?:una\s+)?audiencia\b|"
            r"\bdetenci(?:ón|ones)\s+arbitrari[ao]s?\b|\barbitrariamente\b|"
            r"\bsin\s+(?:formular\s+cargos|acceso\s+(?:legal|a\s+(?:un\s+)?abogad[oa]s?))\b|"
            # El debido proceso como lo que está en juego ("la falta de un debido proceso"),
            # detenidos ilegalmente, sin acceso a asesoría legal, sin que se les informara.
            r"\bdebido\s+proceso\b|"
            r"\b(?:detenid|retenid|recluid|encarcelad)[oa]s?\s+(?:de\s+forma\s+|de\s+manera\s+)?"
            r"ilegal(?:mente)?\b|\bilegalmente\s+(?:detenid|retenid|recluid)[oa]s?\b|"
            r"\bdetenci(?:ón|ones)\s+ilegal(?:es)?\b|"
            r"\bsin\s+(?:[\wáéíóúñ]+\s+){0,3}?(?:ni\s+)?acceso\s+a\s+(?:asesoría|asistencia|"
            r"defensa)\s+(?:legal|jurídica)\b|\bno\s+se\s+les\s+inform(?:ó|aba)\b|"
            # Retenidos donde nadie puede saberlo: una detención fuera de todo proceso.
            r"\b(?:detenid|retenid|recluid)[oa]s?\s+(?:\w+\s+){0,2}?en\s+(?:un\s+|una\s+)?"
            r"(?:lugar|sitio|centro|instalación)\s+(?:secret[oa]|no\s+revelad[oa]|desconocid[oa])\b|"
            r"\bdetención\s+secreta\b"
        ),
        Concern.DEATH: rx(r"\b(?:muri[óe]|murieron|falleci\w+|muerte)\b"),
    },
    concern_subject=rx(
        r"\b(?:deportados|detenidos|migrantes|presos|reos|reclusos|venezolanos|extranjeros|"
        r"personas|familias|ellos|ellas|hombres|los\s+deportados|sus\s+clientes|"
        # "se les quitaron sus documentos": the people, as "them" is in English.
        r"se\s+les)\b"
    ),
    home_return=rx(
        r"\b(?:regres(?:ó|aron)|retorn(?:ó|aron)|volvi(?:ó|eron)|(?:fue|fueron)\s+repatriad[oa]s?|"
        r"partieron|viajaron|salieron)\s+" + _WHEN_GAP + r"(?:hacia\s+|a\s+|para\s+)?"
        # The day may come between the verb and the home: "retornó la noche de este jueves a
        # su país", "regresaron el viernes a casa".
        r"(?:sus?\s+(?:propios?\s+|respectivos?\s+)?(?:países|país|naciones|hogares)"
        r"(?:\s+de\s+origen)?|su\s+tierra|(?<=a\s)casa)\b|"
        # El Gobierno les dio el viaje de vuelta: "les facilitó pasajes de regreso a su país".
        r"\b(?:facilit|proporcion)(?:ó|aron|ado)\s+(?:[\w-]+\s+){0,4}?(?:de\s+)?(?:retorno|regreso)"
        r"\s+a\s+sus?\s+(?:propios?\s+|respectivos?\s+)?(?:países|país)\b|"
        # Repatriar es enviar a casa, se diga o no: "Sudán del Sur repatrió a un mexicano".
        r"\brepatri(?:ó|aron)\b|\bla\s+repatriación\s+de\b"
    ),
    stateless=rx(
        r"\b(?:despojad[oa]s?|privad[oa]s?)\s+de\s+(?:su\s+)?(?:nacionalidad|ciudadanía)\b|"
        r"\b(?:son|eran|quedaron|quedan|fueron|dejad[oa]s?)\s+(?:como\s+)?apátridas\b|"
        r"\bdesnacionalizad[oa]s\b"
    ),
    carried_from=rx(
        r"(?:vuelos?|avi[oó]n|aeronave)\s+(?:con|que\s+llevaba|que\s+transportaba)\s+"
        r"(?:[\w,-]+\s+){1,5}?(?:desde|de)\s+(?:el\s+|la\s+|los\s+)?$"
    ),
    period=rx(
        rf"\bentre\s+(?:el\s+)?(?:\d{{1,2}}\s+de\s+)?(?:{_MONTH_NAMES}|(?:19|20)\d\d)\b[^.;]{{0,20}}?"
        rf"\by\s+(?:el\s+)?(?:\d{{1,2}}\s+de\s+)?(?:{_MONTH_NAMES}|(?:19|20)\d\d)\b|"
        rf"\ben\s+(?:{_MONTH_NAMES})\s+y\s+(?:{_MONTH_NAMES})\b|"
        rf"\bde(?:sde)?\s+(?:el\s+)?(?:\d{{1,2}}\s+de\s+)?(?:{_MONTH_NAMES})\b[^.;]{{0,12}}?\s+"
        rf"(?:a|al|hasta)\s+(?:el\s+)?(?:\d{{1,2}}\s+de\s+)?(?:{_MONTH_NAMES})\b|"
        rf"\bdesde\s+(?:(?:principios|inicios|finales|mediados)\s+de\s+)?(?:{_MONTH_NAMES}|"
        rf"(?:19|20)\d\d|el\s+inicio|el\s+comienzo|que\s+asumió)\b|"
        r"\ben\s+lo\s+que\s+va\s+de(?:l)?\b|\bhasta\s+la\s+fecha\b|\bsolo\s+este\s+año\b|"
        r"\ben\s+los\s+(?:primeros|últimos)\s+(?:\w+\s+)?(?:meses|semanas|años)\b"
    ),
    at_least=at_end(r"más\s+de|al\s+menos|por\s+lo\s+menos|como\s+mínimo|superior\s+a"),
    about=at_end(
        r"unos|unas|cerca\s+de|alrededor\s+de|casi|aproximadamente|aproximadamente\s+unos|"
        r"en\s+torno\s+a"
    ),
    this_year=rx(r"\blo\s+que\s+va\s+de(?:l)?\b|\beste\s+año\b"),
)

RULES = register(LanguageRules("es", VERSION, LEXICON, demonym_forms))
