"""Pages for generated archives: news article pages with the markup real sites carry.

Real news pages are mostly not article: a mega-menu of a hundred links, a ticker, share
buttons with inline SVG icons, ad slots between paragraphs, "read also" boxes, a grid of
related stories, reader comments, a footer of link columns, inline CSS, JSON-LD and
analytics scripts. Pages here carry all of that (about a thousand to three thousand
elements, 50–200 kB), so that reading, prefiltering and HTML-to-text cost what they cost
on a real crawl. Everything comes from one seeded random generator: archives are
reproducible.
"""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from thirdcountry.scale.testdata_articles import Article


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    host: str
    language: str


OUTLETS = (
    Outlet("The Riverside Ledger", "www.riverside-ledger.example", "en"),
    Outlet("Daily Meridian", "dailymeridian.example", "en"),
    Outlet("Harbor Times", "www.harbortimes.example", "en"),
    Outlet("Northern Courier", "news.northerncourier.example", "en"),
    Outlet("El Heraldo del Valle", "www.heraldodelvalle.example", "es"),
    Outlet("Diario La Costa", "diariolacosta.example", "es"),
    Outlet("Noticias del Sur", "www.noticiasdelsur.example", "es"),
)

NAV = {
    "en": ("Home", "World", "U.S.", "Politics", "Business", "Sports", "Weather", "Opinion"),
    "es": ("Inicio", "Nacionales", "Internacional", "Economía", "Deportes", "Tiempo", "Opinión"),
}


# Words for generated stories, by language and section. Sentences are assembled from these
# so that pages differ from each other the way real news pages do.
def _words(joined: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in joined.split("|"))


TOPICS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "en": {
        "Sports": {
            "subject": _words(
                "the Harbor City Gulls | Riverside United | the Northern Foxes | "
                "coach Dana Whitfield | striker Tomás Ibarra | the league leaders"
            ),
            "verb": _words("beat | drew with | lost to | edged past | routed | held off"),
            "object": _words(
                "their rivals | the defending champions | a depleted side | the visitors | "
                "last season's finalists"
            ),
            "tail": _words(
                "in front of a sold-out crowd | after extra time | on a rain-soaked pitch | "
                "with a late penalty | to stay top of the table"
            ),
        },
        "Weather": {
            "subject": _words(
                "a cold front | the storm system | forecasters | a heat dome | "
                "the weather service | heavy rain"
            ),
            "verb": _words(
                "will bring | warned of | is expected to bring | could cause | "
                "has issued alerts about | will ease"
            ),
            "object": _words(
                "gusty winds | flash flooding | record temperatures | icy roads | "
                "scattered thunderstorms | dense fog"
            ),
            "tail": _words(
                "through the weekend | across the valley | by Tuesday morning | "
                "along the coast | in higher elevations"
            ),
        },
        "Business": {
            "subject": _words(
                "shares of Corvel Industries | the central bank | retail sales | "
                "the regional airline | a grocery chain | mortgage rates"
            ),
            "verb": _words("rose | fell | climbed | slipped | held steady | surged"),
            "object": _words(
                "for a third quarter | after weak earnings | on strong demand | "
                "despite rising costs | ahead of the holiday season"
            ),
            "tail": _words(
                "analysts said | according to company filings | in early trading | "
                "the report showed | investors noted"
            ),
        },
        "Technology": {
            "subject": _words(
                "the startup | a chipmaker | regulators | the social network | researchers | "
                "the city's transit app"
            ),
            "verb": _words("launched | delayed | unveiled | fined | tested | upgraded"),
            "object": _words(
                "a new battery design | an update to its privacy settings | "
                "a cheaper subscription | a satellite service | its data centre"
            ),
            "tail": _words(
                "this week | after months of testing | in three markets | "
                "amid supply shortages | to mixed reviews"
            ),
        },
        "Local": {
            "subject": _words(
                "the city council | the school board | residents | the mayor | "
                "county officials | a neighbourhood group"
            ),
            "verb": _words("approved | debated | rejected | postponed | celebrated | funded"),
            "object": _words(
                "a new bike lane | the library budget | a zoning change | "
                "repairs to the bridge | a summer festival"
            ),
            "tail": _words(
                "on Monday night | after a long hearing | by a narrow vote | "
                "despite objections | for the coming year"
            ),
        },
        "Culture": {
            "subject": _words(
                "the orchestra | a first novel | the museum | a touring play | "
                "the film festival | a local painter"
            ),
            "verb": _words("opened | won | drew | announced | revived | closed"),
            "object": _words(
                "its autumn season | a national prize | record crowds | a retrospective | "
                "a new gallery wing"
            ),
            "tail": _words(
                "to warm reviews | this weekend | after renovations | with free admission | "
                "in the old town"
            ),
        },
    },
    "es": {
        "Deportes": {
            "subject": _words(
                "el Club Deportivo Norte | la selección | el entrenador Luis Paredes | "
                "el delantero Julián Soto | el líder del torneo | las campeonas"
            ),
            "verb": _words("venció a | empató con | cayó ante | goleó a | superó a | eliminó a"),
            "object": _words(
                "su rival de siempre | los vigentes campeones | un equipo mermado | "
                "los visitantes | los finalistas del año pasado"
            ),
            "tail": _words(
                "ante un estadio lleno | en la prórroga | bajo la lluvia | "
                "con un penalti en el último minuto | y sigue en lo más alto"
            ),
        },
        "Tiempo": {
            "subject": _words(
                "un frente frío | la tormenta tropical | los meteorólogos | una ola de calor | "
                "el servicio meteorológico | las lluvias"
            ),
            "verb": _words(
                "traerá | advirtió de | provocará | podría causar | anunció | dará paso a"
            ),
            "object": _words(
                "fuertes vientos | inundaciones repentinas | temperaturas récord | "
                "niebla densa | tormentas eléctricas"
            ),
            "tail": _words(
                "durante el fin de semana | en todo el valle | hasta el martes | en la costa | "
                "en las zonas altas"
            ),
        },
        "Economía": {
            "subject": _words(
                "el índice bursátil | el banco central | la facturación | "
                "la aerolínea regional | una cadena de supermercados | el café"
            ),
            "verb": _words("subió | bajó | creció | cayó | se mantuvo | repuntó"),
            "object": _words(
                "por tercer trimestre | tras malos resultados | por la demanda | "
                "pese al aumento de costos | antes de las fiestas"
            ),
            "tail": _words(
                "según los analistas | según el informe | en la apertura | "
                "indicaron los datos | señalaron los inversores"
            ),
        },
        "Tecnología": {
            "subject": _words(
                "la empresa emergente | el fabricante de chips | los reguladores | "
                "la red social | los investigadores | la aplicación de transporte"
            ),
            "verb": _words("lanzó | retrasó | presentó | multó a | probó | actualizó"),
            "object": _words(
                "una nueva batería | su política de privacidad | una suscripción más barata | "
                "un servicio satelital | su centro de datos"
            ),
            "tail": _words(
                "esta semana | tras meses de pruebas | en tres mercados | en plena escasez | "
                "con reseñas dispares"
            ),
        },
        "Cultura": {
            "subject": _words(
                "la orquesta | una primera novela | el museo | una obra de teatro | "
                "el festival de cine | una pintora local"
            ),
            "verb": _words("inauguró | ganó | atrajo | anunció | recuperó | cerró"),
            "object": _words(
                "su temporada de otoño | un premio nacional | un público récord | "
                "una retrospectiva | una nueva sala"
            ),
            "tail": _words(
                "con buenas críticas | este fin de semana | tras las obras | "
                "con entrada libre | en el casco antiguo"
            ),
        },
    },
}

# Headlines for "most read" sidebars. A few point at deportation stories, as sidebars of
# real news sites do: the keywords are on the page, the article is about something else.
SIDEBAR = {
    "en": (
        "Ten easy dinners for busy weeknights",
        "Transit fares to rise in spring",
        "Gulls sign veteran goalkeeper",
        "How to read your electricity bill",
        "Storm damage: what insurers will pay",
        "Library extends weekend hours",
    ),
    "es": (
        "Diez recetas rápidas para la semana",
        "Suben las tarifas del transporte",
        "El Atlético ficha a un portero veterano",
        "Cómo leer la factura de la luz",
        "Daños por tormenta: qué cubre el seguro",
        "La biblioteca amplía su horario",
    ),
}
SIDEBAR_DEPORTATION = {
    "en": "U.S. deports more migrants to Eswatini under third-country deal",
    "es": "EE.UU. deporta a más migrantes a un tercer país: Eswatini",
}

CSS_RULES = (
    ".nav{display:flex;gap:1rem}",
    ".card{border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.2)}",
    "@media (max-width:640px){.sidebar{display:none}}",
    ".ad-slot{min-height:250px;background:#f4f4f4}",
    "h1,h2,h3{font-family:Georgia,serif;line-height:1.2}",
)

SUBSECTIONS = {
    "en": (
        "Local",
        "Education",
        "Health",
        "Science",
        "Climate",
        "Markets",
        "Tech",
        "Travel",
        "Food",
        "Books",
        "Film",
        "Music",
        "Television",
        "Real Estate",
        "Autos",
        "Obituaries",
    ),
    "es": (
        "Local",
        "Educación",
        "Salud",
        "Ciencia",
        "Clima",
        "Mercados",
        "Tecnología",
        "Viajes",
        "Gastronomía",
        "Libros",
        "Cine",
        "Música",
        "Televisión",
        "Vivienda",
        "Motor",
        "Esquelas",
    ),
}
CHROME = {
    "en": {
        "most_read": "Most read",
        "related": "More stories",
        "read_also": "Read also",
        "comments": "Comments",
        "reply": "Reply",
        "share": "Share",
        "rights": "All rights reserved.",
        "ago": "hours ago",
        "subscribe": "Subscribe",
        "sign_in": "Sign in",
    },
    "es": {
        "most_read": "Lo más leído",
        "related": "Más noticias",
        "read_also": "Lea también",
        "comments": "Comentarios",
        "reply": "Responder",
        "share": "Compartir",
        "rights": "Todos los derechos reservados.",
        "ago": "horas",
        "subscribe": "Suscríbase",
        "sign_in": "Entrar",
    },
}
COMMENTERS = (
    "river_fan",
    "mgomez",
    "oldtimer42",
    "LaVecina",
    "kpatel",
    "sol y sombra",
    "jb_1987",
    "northside",
    "ana.m",
    "elcronista",
)
ICONS = ("facebook", "x", "whatsapp", "email", "print", "search", "menu", "user", "bell")
AD_SLOTS = ("top", "mid", "rail", "inline", "footer")


@dataclass(slots=True)
class Page:
    """One HTTP response of the archive."""

    url: str
    body: bytes
    content_type: str
    status: str = "200 OK"
    extra_headers: tuple[tuple[str, str], ...] = ()


class PageMaker:
    """Builds pages from a seeded random generator, so archives are reproducible."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.serial = 0
        # A per-outlet "vendor bundle": real sites inline the same library on every page.
        self.bundles = {o.host: self._bundle(o) for o in OUTLETS}
        # The same masthead, menu, footer and inline CSS on every page of an outlet.
        self.headers = {o.host: self._header(o) for o in OUTLETS}
        self.footers = {o.host: self._footer(o) for o in OUTLETS}
        self.styles = {
            o.host: "".join(self.rng.choice(CSS_RULES) for _ in range(self.rng.randint(40, 120)))
            for o in OUTLETS
        }

    def _bundle(self, outlet: Outlet) -> str:
        rng = self.rng
        names = ("render", "track", "lazy", "consent", "paywall", "carousel", "share")
        parts = [f"/*! {outlet.host} site bundle */"]
        for _ in range(rng.randint(60, 140)):
            fn = f"{rng.choice(names)}{rng.randint(0, 999)}"
            parts.append(
                f"function {fn}(e,t){{var n=e&&e.dataset?e.dataset.{rng.choice(names)}:null;"
                f"return n?t({rng.randint(1, 99)},n):void 0}}"
            )
        return "".join(parts)

    def _filler_script(self, size: int) -> str:
        """Inline state of the kind news sites ship: ids, ad slots, tracking config."""
        rng = self.rng
        slots: list[str] = []
        while sum(len(s) for s in slots) < size:
            slots.append(
                json.dumps(
                    {
                        "id": rng.randbytes(12).hex(),
                        "slot": f"/{rng.randint(1000, 9999)}/news/{rng.choice(AD_SLOTS)}",
                        "sizes": [[300, 250], [728, 90]],
                        "targeting": {"kw": rng.randbytes(6).hex(), "pos": rng.randint(1, 9)},
                    }
                )
            )
        return "window.__ADS__=[" + ",".join(slots) + "];"

    def _sentence(self, words: dict[str, tuple[str, ...]]) -> str:
        rng = self.rng
        text = (
            f"{rng.choice(words['subject'])} {rng.choice(words['verb'])} "
            f"{rng.choice(words['object'])} {rng.choice(words['tail'])}."
        )
        return text[0].upper() + text[1:]

    def generated_article(self, language: str, day: date) -> Article:
        rng = self.rng
        section = rng.choice(sorted(TOPICS[language]))
        words = TOPICS[language][section]
        paragraphs = tuple(
            " ".join(self._sentence(words) for _ in range(rng.randint(2, 5)))
            for _ in range(rng.randint(3, 12))
        )
        headline = self._sentence(words).rstrip(".")
        return Article(
            key=f"gen-{section.lower()}",
            language=language,
            section=section,
            headline=headline,
            dek=self._sentence(words),
            published=day,
            paragraphs=paragraphs,
        )

    def next_url(self, outlet: Outlet, article: Article) -> str:
        self.serial += 1
        slug = "-".join(
            "".join(c for c in word.lower() if c.isascii() and c.isalnum())
            for word in article.headline.split()[:8]
        ).strip("-")
        day = article.published
        return f"https://{outlet.host}/{day:%Y/%m/%d}/{slug}-{self.serial}"

    def article_page(
        self, outlet: Outlet, article: Article, *, url: str, sidebar_mention: bool = False
    ) -> Page:
        rng = self.rng
        lang = article.language
        # Some Spanish-language sites still serve windows-1252; some escape accents.
        charset = "windows-1252" if lang == "es" and rng.random() < 0.2 else "utf-8"
        entities = lang == "es" and charset == "utf-8" and rng.random() < 0.2

        def text(value: str) -> str:
            escaped = html.escape(value, quote=False)
            if entities:
                escaped = escaped.encode("ascii", "xmlcharrefreplace").decode("ascii")
            return escaped

        chrome = CHROME[lang]
        published = datetime.combine(article.published, datetime.min.time(), UTC) + timedelta(
            hours=rng.randint(5, 22), minutes=rng.randint(0, 59)
        )
        stamp = published.isoformat()
        sidebar = list(rng.sample(SIDEBAR[lang], 4))
        if sidebar_mention:
            sidebar.insert(rng.randint(0, 4), SIDEBAR_DEPORTATION[lang])
        rail = "".join(
            f'<li class="rank__item"><span class="rank__n">{n}</span>'
            f'<a href="/story/{rng.randint(10_000, 99_999)}">{text(h)}</a></li>'
            for n, h in enumerate(sidebar, start=1)
        )
        body_parts = []
        for number, paragraph in enumerate(article.paragraphs, start=1):
            body_parts.append(f'<p class="article__p">{text(paragraph)}</p>')
            if number % 3 == 0 and number < len(article.paragraphs):
                body_parts.append(self._ad(lang))
            if number == 2:
                body_parts.append(self._read_also(lang, chrome))
        jsonld = json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": article.headline,
                "datePublished": stamp,
                "author": {"@type": "Person", "name": _byline(lang, rng)[3:].strip()},
                "publisher": {"@type": "Organization", "name": outlet.name},
            },
            ensure_ascii=True,
        )
        share = "".join(
            f'<a class="share__link share__link--{name}" href="#" aria-label="{name}">'
            f"{self._icon(name)}</a>"
            for name in ICONS[:5]
        )
        page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(article.headline)} | {text(outlet.name)}</title>
<meta name="description" content="{html.escape(article.dek)}">
<meta property="og:title" content="{html.escape(article.headline)}">
<meta property="og:description" content="{html.escape(article.dek)}">
<meta property="og:site_name" content="{html.escape(outlet.name)}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:image" content="https://{outlet.host}/img/{rng.randbytes(6).hex()}.jpg">
<meta name="twitter:card" content="summary_large_image">
<meta property="article:published_time" content="{stamp}">
<meta property="article:section" content="{html.escape(article.section)}">
<link rel="canonical" href="{url}">
<link rel="preload" as="font" href="/fonts/serif.woff2" crossorigin>
<link rel="icon" href="/favicon.ico">
<style>{self.styles[outlet.host]}</style>
<script>{self.bundles[outlet.host]}</script>
<script type="application/ld+json">{jsonld}</script>
</head>
<body class="page page--article section-{html.escape(article.section.lower())}">
{self.headers[outlet.host]}
{self._ticker(lang)}
<div class="ad ad--leaderboard" id="ad-top-{rng.randbytes(4).hex()}"></div>
<main class="layout">
<article class="article">
<header class="article__header">
<span class="article__kicker">{text(article.section)}</span>
<h1 class="article__title">{text(article.headline)}</h1>
<p class="article__dek">{text(article.dek)}</p>
<div class="byline"><img class="byline__avatar" src="/img/authors/{rng.randint(1, 40)}.jpg" alt="">
<span class="byline__name">{text(_byline(lang, rng))}</span>
<time class="byline__time" datetime="{stamp}">{article.published.isoformat()}</time></div>
<div class="share" aria-label="{chrome["share"]}">{share}</div>
</header>
{self._figure(outlet)}
<div class="article__body">
{"".join(body_parts)}
</div>
</article>
<aside class="rail"><section class="rank"><h2>{text(chrome["most_read"])}</h2>
<ol class="rank__list">{rail}</ol></section>{self._ad(lang)}</aside>
</main>
<section class="related"><h2>{text(chrome["related"])}</h2>
<div class="grid">{self._cards(lang, rng.randint(16, 40))}</div></section>
{self._comments(lang) if rng.random() < 0.4 else ""}
{self.footers[outlet.host]}
<script>{self._filler_script(rng.randint(2_000, 30_000))}</script>
</body>
</html>
"""
        body = page.encode(charset, errors="xmlcharrefreplace")
        return Page(url, body, f"text/html; charset={charset}")

    # -- the parts of a page ----------------------------------------------------------

    def _icon(self, name: str) -> str:
        rng = self.rng
        path = " ".join(
            f"{rng.choice('MLCQ')}{rng.randint(0, 24)}.{rng.randint(0, 99)} "
            f"{rng.randint(0, 24)}.{rng.randint(0, 99)}"
            for _ in range(rng.randint(6, 18))
        )
        return (
            f'<svg class="icon icon--{name}" viewBox="0 0 24 24" aria-hidden="true">'
            f'<path d="{path}Z"/></svg>'
        )

    def _header(self, outlet: Outlet) -> str:
        rng = self.rng
        lang = outlet.language
        chrome = CHROME[lang]
        menus = []
        for section in NAV[lang]:
            slug = html.escape(section.lower())
            subs = "".join(
                f'<li class="menu__item"><a class="menu__link" href="/{slug}/'
                f'{html.escape(sub.lower().replace(" ", "-"))}/" data-track="nav-{slug}-{i}">'
                f"{html.escape(sub)}</a></li>"
                for i, sub in enumerate(rng.sample(SUBSECTIONS[lang], rng.randint(8, 14)))
            )
            menus.append(
                f'<li class="nav__item"><a class="nav__link" href="/{slug}/">'
                f'{html.escape(section)}</a><ul class="menu">{subs}</ul></li>'
            )
        return (
            f'<header class="masthead"><button class="masthead__menu" aria-label="menu">'
            f'{self._icon("menu")}</button><a class="masthead__logo" href="/">'
            f"{self._icon('logo')}<span>{html.escape(outlet.name)}</span></a>"
            f'<form class="search" action="/search"><input name="q" type="search">'
            f"<button>{self._icon('search')}</button></form>"
            f'<a class="btn btn--primary" href="/subscribe">{html.escape(chrome["subscribe"])}</a>'
            f'<a class="btn" href="/login">{self._icon("user")}{html.escape(chrome["sign_in"])}</a>'
            f'</header><nav class="nav" aria-label="sections"><ul class="nav__list">'
            f"{''.join(menus)}</ul></nav>"
        )

    def _footer(self, outlet: Outlet) -> str:
        rng = self.rng
        lang = outlet.language
        columns = "".join(
            f'<div class="footer__col"><h3>{html.escape(section)}</h3><ul>'
            + "".join(
                f'<li><a href="/{html.escape(section.lower())}/{i}">{html.escape(sub)}</a></li>'
                for i, sub in enumerate(rng.sample(SUBSECTIONS[lang], 10))
            )
            + "</ul></div>"
            for section in NAV[lang][:5]
        )
        social = "".join(f'<a href="#">{self._icon(name)}</a>' for name in ICONS[:4])
        rights = html.escape(CHROME[lang]["rights"])
        return (
            f'<footer class="footer"><div class="footer__cols">{columns}</div>'
            f'<div class="footer__social">{social}</div><p class="footer__legal">'
            f"© 2025 {html.escape(outlet.name)}. {rights}</p></footer>"
        )

    def _headline(self, lang: str) -> tuple[str, str]:
        section = self.rng.choice(sorted(TOPICS[lang]))
        return section, self._sentence(TOPICS[lang][section]).rstrip(".")

    def _ticker(self, lang: str) -> str:
        items = "".join(
            f'<li class="ticker__item"><a href="/live/{self.rng.randint(100, 999)}">'
            f"{html.escape(self._headline(lang)[1])}</a></li>"
            for _ in range(5)
        )
        return f'<div class="ticker"><ul class="ticker__list">{items}</ul></div>'

    def _ad(self, lang: str) -> str:
        rng = self.rng
        slot = f"/{rng.randint(1000, 9999)}/news/{rng.choice(AD_SLOTS)}"
        return (
            f'<div class="ad ad--inline" data-slot="{slot}" data-sizes="300x250,336x280">'
            f'<div id="div-gpt-ad-{rng.randbytes(6).hex()}"></div>'
            f'<span class="ad__label">{"Advertisement" if lang == "en" else "Publicidad"}'
            "</span></div>"
        )

    def _read_also(self, lang: str, chrome: dict[str, str]) -> str:
        links = "".join(
            f'<li><a href="/story/{self.rng.randint(10_000, 99_999)}">'
            f"{html.escape(self._headline(lang)[1])}</a></li>"
            for _ in range(3)
        )
        return (
            f'<aside class="read-also"><h4>{html.escape(chrome["read_also"])}</h4>'
            f"<ul>{links}</ul></aside>"
        )

    def _figure(self, outlet: Outlet) -> str:
        rng = self.rng
        image = f"https://{outlet.host}/img/{rng.randbytes(8).hex()}"
        sources = ", ".join(f"{image}-{w}.webp {w}w" for w in (320, 640, 960, 1280))
        caption = "Photo: archive" if outlet.language == "en" else "Foto: archivo"
        return (
            f'<figure class="article__figure"><picture><source type="image/webp" '
            f'srcset="{sources}"><img src="{image}-960.jpg" alt="" width="960" height="540">'
            f"</picture><figcaption>{caption}</figcaption></figure>"
        )

    def _cards(self, lang: str, count: int) -> str:
        rng = self.rng
        chrome = CHROME[lang]
        cards = []
        for _ in range(count):
            section, headline = self._headline(lang)
            link = f"/{html.escape(section.lower())}/{rng.randint(100_000, 999_999)}"
            image = f"/img/{rng.randbytes(8).hex()}"
            cards.append(
                f'<div class="card card--{rng.choice(("sm", "md", "lg"))}">'
                f'<a class="card__media" href="{link}"><picture><source type="image/webp" '
                f'srcset="{image}-320.webp 320w, {image}-640.webp 640w"><img src="{image}.jpg" '
                f'alt="{html.escape(headline)}" loading="lazy" width="320" height="180">'
                f'</picture></a><div class="card__body"><span class="card__kicker">'
                f'{html.escape(section)}</span><h3 class="card__title"><a href="{link}">'
                f'{html.escape(headline)}</a></h3><time class="card__time">'
                f"{rng.randint(1, 23)} {html.escape(chrome['ago'])}</time></div></div>"
            )
        return "".join(cards)

    def _comments(self, lang: str) -> str:
        rng = self.rng
        chrome = CHROME[lang]
        section = rng.choice(sorted(TOPICS[lang]))
        items = "".join(
            f'<li class="comment"><div class="comment__meta"><img class="avatar" '
            f'src="/img/u/{rng.randint(1, 999)}.png" alt=""><span class="comment__author">'
            f"{html.escape(rng.choice(COMMENTERS))}</span><time>{rng.randint(1, 59)} min"
            f'</time></div><p class="comment__text">'
            f"{html.escape(self._sentence(TOPICS[lang][section]))}</p>"
            f'<div class="comment__actions"><button>{html.escape(chrome["reply"])}</button>'
            f"<button>{self._icon('bell')}<span>{rng.randint(0, 99)}</span></button></div></li>"
            for _ in range(rng.randint(3, 25))
        )
        return (
            f'<section class="comments"><h2>{html.escape(chrome["comments"])}</h2>'
            f'<ol class="comments__list">{items}</ol></section>'
        )

    def side_page(self, outlet: Outlet) -> Page:
        """A record that is not an article: redirect, robots.txt, JSON, image, or a 404."""
        rng = self.rng
        self.serial += 1
        base = f"https://{outlet.host}"
        kind = rng.choice(("redirect", "robots", "json", "image", "missing"))
        if kind == "redirect":
            target = f"{base}/story/{self.serial}"
            return Page(
                f"{base}/s/{self.serial}",
                b"",
                "text/html",
                status="301 Moved Permanently",
                extra_headers=(("Location", target),),
            )
        if kind == "robots":
            return Page(f"{base}/robots.txt", b"User-agent: *\nDisallow: /admin/\n", "text/plain")
        if kind == "json":
            blob = json.dumps({"items": [rng.randbytes(8).hex() for _ in range(50)]}).encode()
            return Page(f"{base}/api/feed/{self.serial}.json", blob, "application/json")
        if kind == "image":
            return Page(
                f"{base}/img/{self.serial}.jpg",
                b"\xff\xd8\xff\xe0" + rng.randbytes(rng.randint(2_000, 30_000)),
                "image/jpeg",
            )
        return Page(
            f"{base}/missing/{self.serial}",
            b"<html><head><title>Not found</title></head><body><h1>404</h1></body></html>",
            "text/html; charset=utf-8",
            status="404 Not Found",
        )


def _byline(language: str, rng: random.Random) -> str:
    names = ("Ana Ruiz", "Sam Okafor", "Marta Gil", "Lee Chen", "Rosa Iglesias", "Tom Berg")
    return ("By " if language == "en" else "Por ") + rng.choice(names)
