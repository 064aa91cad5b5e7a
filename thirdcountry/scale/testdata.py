"""Generated WARC archives for tests and benchmarks: news pages, a few of them relevant.

``write_archive`` writes a WARC file (gzipped per record, or plain) that looks like a news
crawl: a ``warcinfo`` record, then a request and a response for every page, with the odd
redirect, robots.txt, JSON feed, image and "not found" page in between. Pages are full HTML
documents (head with metadata, inline scripts and styles, navigation, the article, a "most
read" sidebar, footer), in English and Spanish, some in windows-1252 and some with HTML
entities. A configurable share of pages carry one of the relevant articles of
``testdata_articles``; the rest are generated sports, weather, business, technology,
culture and local stories plus hard negatives (ordinary immigration news, trade with "third
countries", sidebars that link to a deportation story). The returned manifest says which
URLs are relevant, so tests and benchmarks can score a scan.

Run ``python -m thirdcountry.scale.testdata OUT.warc.gz --size-mb 200 --relevant 0.005``.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

from thirdcountry.scale.testdata_articles import HARD_NEGATIVES, RELEVANT, Article


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
TOPICS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "en": {
        "Sports": {
            "subject": (
                "the Harbor City Gulls",
                "Riverside United",
                "the Northern Foxes",
                "coach Dana Whitfield",
                "striker Tomás Ibarra",
                "the league leaders",
            ),
            "verb": ("beat", "drew with", "lost to", "edged past", "routed", "held off"),
            "object": (
                "their rivals",
                "the defending champions",
                "a depleted side",
                "the visitors",
                "last season's finalists",
            ),
            "tail": (
                "in front of a sold-out crowd",
                "after extra time",
                "on a rain-soaked pitch",
                "with a late penalty",
                "to stay top of the table",
            ),
        },
        "Weather": {
            "subject": (
                "a cold front",
                "the storm system",
                "forecasters",
                "a heat dome",
                "the weather service",
                "heavy rain",
            ),
            "verb": (
                "will bring",
                "warned of",
                "is expected to bring",
                "could cause",
                "has issued alerts about",
                "will ease",
            ),
            "object": (
                "gusty winds",
                "flash flooding",
                "record temperatures",
                "icy roads",
                "scattered thunderstorms",
                "dense fog",
            ),
            "tail": (
                "through the weekend",
                "across the valley",
                "by Tuesday morning",
                "along the coast",
                "in higher elevations",
            ),
        },
        "Business": {
            "subject": (
                "shares of Corvel Industries",
                "the central bank",
                "retail sales",
                "the regional airline",
                "a grocery chain",
                "mortgage rates",
            ),
            "verb": ("rose", "fell", "climbed", "slipped", "held steady", "surged"),
            "object": (
                "for a third quarter",
                "after weak earnings",
                "on strong demand",
                "despite rising costs",
                "ahead of the holiday season",
            ),
            "tail": (
                "analysts said",
                "according to company filings",
                "in early trading",
                "the report showed",
                "investors noted",
            ),
        },
        "Technology": {
            "subject": (
                "the startup",
                "a chipmaker",
                "regulators",
                "the social network",
                "researchers",
                "the city's transit app",
            ),
            "verb": ("launched", "delayed", "unveiled", "fined", "tested", "upgraded"),
            "object": (
                "a new battery design",
                "an update to its privacy settings",
                "a cheaper subscription",
                "a satellite service",
                "its data centre",
            ),
            "tail": (
                "this week",
                "after months of testing",
                "in three markets",
                "amid supply shortages",
                "to mixed reviews",
            ),
        },
        "Local": {
            "subject": (
                "the city council",
                "the school board",
                "residents",
                "the mayor",
                "county officials",
                "a neighbourhood group",
            ),
            "verb": ("approved", "debated", "rejected", "postponed", "celebrated", "funded"),
            "object": (
                "a new bike lane",
                "the library budget",
                "a zoning change",
                "repairs to the bridge",
                "a summer festival",
            ),
            "tail": (
                "on Monday night",
                "after a long hearing",
                "by a narrow vote",
                "despite objections",
                "for the coming year",
            ),
        },
        "Culture": {
            "subject": (
                "the orchestra",
                "a first novel",
                "the museum",
                "a touring play",
                "the film festival",
                "a local painter",
            ),
            "verb": ("opened", "won", "drew", "announced", "revived", "closed"),
            "object": (
                "its autumn season",
                "a national prize",
                "record crowds",
                "a retrospective",
                "a new gallery wing",
            ),
            "tail": (
                "to warm reviews",
                "this weekend",
                "after renovations",
                "with free admission",
                "in the old town",
            ),
        },
    },
    "es": {
        "Deportes": {
            "subject": (
                "el Club Deportivo Norte",
                "la selección",
                "el entrenador Luis Paredes",
                "el delantero Julián Soto",
                "el líder del torneo",
                "las campeonas",
            ),
            "verb": ("venció a", "empató con", "cayó ante", "goleó a", "superó a", "eliminó a"),
            "object": (
                "su rival de siempre",
                "los vigentes campeones",
                "un equipo mermado",
                "los visitantes",
                "los finalistas del año pasado",
            ),
            "tail": (
                "ante un estadio lleno",
                "en la prórroga",
                "bajo la lluvia",
                "con un penalti en el último minuto",
                "y sigue en lo más alto",
            ),
        },
        "Tiempo": {
            "subject": (
                "un frente frío",
                "la tormenta tropical",
                "los meteorólogos",
                "una ola de calor",
                "el servicio meteorológico",
                "las lluvias",
            ),
            "verb": (
                "traerá",
                "advirtió de",
                "provocará",
                "podría causar",
                "anunció",
                "dará paso a",
            ),
            "object": (
                "fuertes vientos",
                "inundaciones repentinas",
                "temperaturas récord",
                "niebla densa",
                "tormentas eléctricas",
            ),
            "tail": (
                "durante el fin de semana",
                "en todo el valle",
                "hasta el martes",
                "en la costa",
                "en las zonas altas",
            ),
        },
        "Economía": {
            "subject": (
                "el índice bursátil",
                "el banco central",
                "la facturación",
                "la aerolínea regional",
                "una cadena de supermercados",
                "el café",
            ),
            "verb": ("subió", "bajó", "creció", "cayó", "se mantuvo", "repuntó"),
            "object": (
                "por tercer trimestre",
                "tras malos resultados",
                "por la demanda",
                "pese al aumento de costos",
                "antes de las fiestas",
            ),
            "tail": (
                "según los analistas",
                "según el informe",
                "en la apertura",
                "indicaron los datos",
                "señalaron los inversores",
            ),
        },
        "Tecnología": {
            "subject": (
                "la empresa emergente",
                "el fabricante de chips",
                "los reguladores",
                "la red social",
                "los investigadores",
                "la aplicación de transporte",
            ),
            "verb": ("lanzó", "retrasó", "presentó", "multó a", "probó", "actualizó"),
            "object": (
                "una nueva batería",
                "su política de privacidad",
                "una suscripción más barata",
                "un servicio satelital",
                "su centro de datos",
            ),
            "tail": (
                "esta semana",
                "tras meses de pruebas",
                "en tres mercados",
                "en plena escasez",
                "con reseñas dispares",
            ),
        },
        "Cultura": {
            "subject": (
                "la orquesta",
                "una primera novela",
                "el museo",
                "una obra de teatro",
                "el festival de cine",
                "una pintora local",
            ),
            "verb": ("inauguró", "ganó", "atrajo", "anunció", "recuperó", "cerró"),
            "object": (
                "su temporada de otoño",
                "un premio nacional",
                "un público récord",
                "una retrospectiva",
                "una nueva sala",
            ),
            "tail": (
                "con buenas críticas",
                "este fin de semana",
                "tras las obras",
                "con entrada libre",
                "en el casco antiguo",
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

AD_SLOTS = ("top", "mid", "rail")
CHROME = {
    "en": {"most_read": "Most read", "rights": "All rights reserved."},
    "es": {"most_read": "Lo más leído", "rights": "Todos los derechos reservados."},
}
FOOTER_LINKS = (
    '<li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li>'
    '<li><a href="/contact">Contact</a></li>'
)

CSS_RULES = (
    ".nav{display:flex;gap:1rem}",
    ".card{border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.2)}",
    "@media (max-width:640px){.sidebar{display:none}}",
    ".ad-slot{min-height:250px;background:#f4f4f4}",
    "h1,h2,h3{font-family:Georgia,serif;line-height:1.2}",
)


@dataclass(slots=True)
class Manifest:
    """What was written: every page's URL, and which pages carry a relevant article."""

    path: Path
    pages: int = 0
    records: int = 0
    relevant: dict[str, str] = field(default_factory=dict)  # url -> article key
    hard_negatives: dict[str, str] = field(default_factory=dict)
    sidebar_mentions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "pages": self.pages,
            "records": self.records,
            "relevant": self.relevant,
            "hard_negatives": self.hard_negatives,
            "sidebar_mentions": self.sidebar_mentions,
        }


@dataclass(slots=True)
class _Page:
    url: str
    body: bytes
    content_type: str
    status: str = "200 OK"
    extra_headers: tuple[tuple[str, str], ...] = ()


class _PageMaker:
    """Builds pages from a seeded random generator, so archives are reproducible."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.serial = 0
        # A per-outlet "vendor bundle": real sites inline the same library on every page.
        self.bundles = {o.host: self._bundle(o) for o in OUTLETS}

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
    ) -> _Page:
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

        sidebar = list(rng.sample(SIDEBAR[lang], 4))
        if sidebar_mention:
            sidebar.insert(rng.randint(0, 4), SIDEBAR_DEPORTATION[lang])
        published = datetime.combine(article.published, datetime.min.time(), UTC) + timedelta(
            hours=rng.randint(5, 22), minutes=rng.randint(0, 59)
        )
        jsonld = json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": article.headline,
                "datePublished": published.isoformat(),
                "publisher": {"@type": "Organization", "name": outlet.name},
            },
            ensure_ascii=True,
        )
        nav = "".join(f'<li><a href="/{item.lower()}/">{text(item)}</a></li>' for item in NAV[lang])
        paragraphs = "\n".join(f"<p>{text(p)}</p>" for p in article.paragraphs)
        rail = "".join(
            f'<li><a href="/story/{rng.randint(10_000, 99_999)}">{text(h)}</a></li>'
            for h in sidebar
        )
        css = "".join(rng.choice(CSS_RULES) for _ in range(rng.randint(20, 80)))
        chrome = CHROME[lang]
        stamp = f'<time datetime="{published.isoformat()}">{article.published.isoformat()}</time>'
        page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(article.headline)} | {text(outlet.name)}</title>
<meta name="description" content="{html.escape(article.dek)}">
<meta property="og:title" content="{html.escape(article.headline)}">
<meta property="og:site_name" content="{html.escape(outlet.name)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{published.isoformat()}">
<meta property="article:section" content="{html.escape(article.section)}">
<link rel="canonical" href="{url}">
<style>{css}</style>
<script>{self.bundles[outlet.host]}</script>
<script type="application/ld+json">{jsonld}</script>
</head>
<body class="article-page">
<header class="site-header"><a class="logo" href="/">{text(outlet.name)}</a>
<nav class="nav"><ul>{nav}</ul></nav></header>
<div class="ad-slot" id="ad-top"></div>
<main>
<article>
<h1>{text(article.headline)}</h1>
<p class="dek">{text(article.dek)}</p>
<p class="byline">{text(_byline(lang, rng))} · {stamp}</p>
{paragraphs}
</article>
<aside class="sidebar"><h2>{text(chrome["most_read"])}</h2><ol>{rail}</ol></aside>
</main>
<footer><p>© {article.published.year} {text(outlet.name)}. {text(chrome["rights"])}</p>
<ul>{FOOTER_LINKS}</ul></footer>
<script>{self._filler_script(rng.randint(4_000, 90_000))}</script>
</body>
</html>
"""
        body = page.encode(charset, errors="xmlcharrefreplace")
        return _Page(url, body, f"text/html; charset={charset}")

    def side_page(self, outlet: Outlet) -> _Page:
        """A record that is not an article: redirect, robots.txt, JSON, image, or a 404."""
        rng = self.rng
        self.serial += 1
        base = f"https://{outlet.host}"
        kind = rng.choice(("redirect", "robots", "json", "image", "missing"))
        if kind == "redirect":
            target = f"{base}/story/{self.serial}"
            return _Page(
                f"{base}/s/{self.serial}",
                b"",
                "text/html",
                status="301 Moved Permanently",
                extra_headers=(("Location", target),),
            )
        if kind == "robots":
            return _Page(f"{base}/robots.txt", b"User-agent: *\nDisallow: /admin/\n", "text/plain")
        if kind == "json":
            blob = json.dumps({"items": [rng.randbytes(8).hex() for _ in range(50)]}).encode()
            return _Page(f"{base}/api/feed/{self.serial}.json", blob, "application/json")
        if kind == "image":
            return _Page(
                f"{base}/img/{self.serial}.jpg",
                b"\xff\xd8\xff\xe0" + rng.randbytes(rng.randint(2_000, 30_000)),
                "image/jpeg",
            )
        return _Page(
            f"{base}/missing/{self.serial}",
            b"<html><head><title>Not found</title></head><body><h1>404</h1></body></html>",
            "text/html; charset=utf-8",
            status="404 Not Found",
        )


def render_article(
    article: Article, *, url: str, sidebar_mention: bool = False, seed: int = 0
) -> bytes:
    """One article as a full news page of an outlet of its language (for hand-built sites)."""
    maker = _PageMaker(seed)
    outlet = next(o for o in OUTLETS if o.language == article.language)
    return maker.article_page(outlet, article, url=url, sidebar_mention=sidebar_mention).body


def _byline(language: str, rng: random.Random) -> str:
    names = ("Ana Ruiz", "Sam Okafor", "Marta Gil", "Lee Chen", "Rosa Iglesias", "Tom Berg")
    return ("By " if language == "en" else "Por ") + rng.choice(names)


def _record(
    record_type: WarcRecordType,
    uri: str | None,
    content: bytes,
    content_type: str,
    when: datetime,
    rng: random.Random,
) -> bytes:
    record = WarcRecord()
    record.init_headers(record_type, f"uuid:{_uuid(rng)}".encode())
    record.record_date = when
    if uri is not None:
        record.headers.append("WARC-Target-URI", uri)
    record.headers.append("Content-Type", content_type)
    record.set_bytes_content(content)
    out = io.BytesIO()
    record.write(out, checksum_data=True)
    return out.getvalue()


def _uuid(rng: random.Random) -> str:
    raw = rng.randbytes(16).hex()
    return f"{raw[:8]}-{raw[8:12]}-4{raw[13:16]}-a{raw[17:20]}-{raw[20:]}"


def _page_records(page: _Page, when: datetime, rng: random.Random) -> Iterator[bytes]:
    host = page.url.split("/")[2]
    path = "/" + page.url.split("/", 3)[3] if page.url.count("/") >= 3 else "/"
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\n"
        "User-Agent: thirdcountry-testdata/1.0\r\nAccept: text/html,*/*\r\n\r\n"
    ).encode()
    yield _record(
        WarcRecordType.request, page.url, request, "application/http; msgtype=request", when, rng
    )
    headers = [("Content-Type", page.content_type), ("Content-Length", str(len(page.body)))]
    headers.extend(page.extra_headers)
    head = f"HTTP/1.1 {page.status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    yield _record(
        WarcRecordType.response,
        page.url,
        head.encode("latin-1") + b"\r\n" + page.body,
        "application/http; msgtype=response",
        when,
        rng,
    )


def _pages(
    maker: _PageMaker, relevant_ratio: float, manifest: Manifest, start: date
) -> Iterator[_Page]:
    """An endless stream of pages; exactly ``relevant_ratio`` of the articles are relevant."""
    rng = maker.rng
    relevant_seen = 0
    articles = 0
    while True:
        if rng.random() < 0.15:
            yield maker.side_page(rng.choice(OUTLETS))
            continue
        articles += 1
        # Plant a relevant page whenever the running share falls behind the target ratio.
        if relevant_ratio > 0 and relevant_seen < int(articles * relevant_ratio + 0.5):
            article = RELEVANT[relevant_seen % len(RELEVANT)]
            relevant_seen += 1
            outlet = rng.choice([o for o in OUTLETS if o.language == article.language])
            url = maker.next_url(outlet, article)
            manifest.relevant[url] = article.key
            yield maker.article_page(outlet, article, url=url)
            continue
        outlet = rng.choice(OUTLETS)
        if rng.random() < 0.01:
            candidates = [a for a in HARD_NEGATIVES if a.language == outlet.language]
            article = rng.choice(candidates)
            url = maker.next_url(outlet, article)
            manifest.hard_negatives[url] = article.key
        else:
            day = start + timedelta(days=rng.randint(0, 364))
            article = maker.generated_article(outlet.language, day)
            url = maker.next_url(outlet, article)
        mention = rng.random() < 0.01
        if mention:
            manifest.sidebar_mentions.append(url)
        yield maker.article_page(outlet, article, url=url, sidebar_mention=mention)


def write_archive(
    path: Path,
    *,
    pages: int | None = None,
    size_mb: float | None = None,
    relevant_ratio: float = 0.005,
    seed: int = 0,
    compress: bool | None = None,
) -> Manifest:
    """Write a WARC of ``pages`` pages (or of about ``size_mb`` MB on disk) and its manifest.

    Gzipped (one member per record, as crawlers write them) when ``compress`` is true or,
    by default, when the name ends in ``.gz``.
    """
    if (pages is None) == (size_mb is None):
        raise ValueError("give either pages or size_mb")
    if not 0 <= relevant_ratio <= 1:
        raise ValueError("relevant_ratio must be between 0 and 1")
    compress = path.name.endswith(".gz") if compress is None else compress
    maker = _PageMaker(seed)
    rng = maker.rng
    manifest = Manifest(path=path)
    limit = None if size_mb is None else int(size_mb * 1024 * 1024)
    when = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
    written = 0
    with path.open("wb") as out:

        def emit(raw: bytes) -> None:
            nonlocal written
            blob = gzip.compress(raw, compresslevel=6, mtime=0) if compress else raw
            out.write(blob)
            written += len(blob)
            manifest.records += 1

        info = b"software: thirdcountry-testdata\r\nformat: WARC File Format 1.1\r\n"
        emit(_record(WarcRecordType.warcinfo, None, info, "application/warc-fields", when, rng))
        for page in _pages(maker, relevant_ratio, manifest, date(2025, 1, 1)):
            if pages is not None and manifest.pages >= pages:
                break
            if limit is not None and written >= limit:
                break
            when += timedelta(seconds=rng.randint(1, 20))
            for raw in _page_records(page, when, rng):
                emit(raw)
            manifest.pages += 1
    return manifest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="WARC file to write (.warc.gz for gzip)")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--pages", type=int, help="number of pages")
    size.add_argument("--size-mb", type=float, help="approximate size on disk")
    parser.add_argument("--relevant", type=float, default=0.005, help="share of relevant pages")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--manifest", type=Path, help="also write the manifest as JSON here")
    args = parser.parse_args(argv)
    manifest = write_archive(
        args.out,
        pages=args.pages,
        size_mb=args.size_mb,
        relevant_ratio=args.relevant,
        seed=args.seed,
    )
    if args.manifest:
        args.manifest.write_text(json.dumps(manifest.to_dict(), indent=2), encoding="utf-8")
    print(
        f"{args.out}: {manifest.pages} pages, {manifest.records} records, "
        f"{len(manifest.relevant)} relevant"
    )


if __name__ == "__main__":
    main()
