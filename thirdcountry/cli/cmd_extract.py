"""`extract` and `eval`: claims from one file, and the extractor's score on labelled texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from thirdcountry.cli.options import OutputFormat, format_option
from thirdcountry.cli.output import claim_summary, console, print_json, print_table
from thirdcountry.domain.claims import Claim
from thirdcountry.domain.errors import BadInput, ThirdCountryError
from thirdcountry.domain.vocabulary import ClaimKind
from thirdcountry.extract import extract_claims, read_html
from thirdcountry.extract.evaluate import Evaluation, below_floors, evaluate, load_floors
from thirdcountry.extract.rules import registered
from thirdcountry.ingest.binary import binary_kind
from thirdcountry.ingest.files import read_limited
from thirdcountry.ingest.model import SourceError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_SNIFF_BYTES = 8192


def read_document(path: Path) -> tuple[str, dt.date | None]:
    """The text of a .txt or .html file, and the publication date an HTML page gives."""
    try:
        raw = read_limited(path)  # streamed, with ingest's limit for files
    except SourceError as exc:
        raise BadInput(f"{path}: {exc.message}") from None
    kind = binary_kind(raw)
    if kind is not None:
        raise BadInput(f"{path}: looks like binary data ({kind}), not text or HTML")
    head = raw[:_SNIFF_BYTES]
    looks_html = path.suffix.lower() in HTML_SUFFIXES or head.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    )
    if looks_html:
        page = read_html(raw)
        return page.text, page.published
    return raw.decode("utf-8-sig", errors="replace"), None


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _print_claims(claims: list[Claim]) -> None:
    print_table(
        f"{len(claims)} claims",
        ["kind", "sender", "receiver", "what", "date", "conf.", "evidence"],
        (
            [
                c.kind.value,
                c.sender,
                c.receiver,
                claim_summary(c),
                c.when.isoformat() if c.when else None,
                f"{c.confidence:.2f}" if c.confidence is not None else None,
                _short(c.quote or ""),
            ]
            for c in claims
        ),
    )


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _measure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _print_evaluation(evaluation: Evaluation, details: bool) -> None:
    rows = []
    for kind in ClaimKind:
        score = evaluation.kinds.get(kind)
        if score is None:
            continue
        rows.append(
            [kind.value, score.extracted, score.correct, score.must, score.found,
             _measure(score.precision), _measure(score.recall), _measure(score.f1)]
        )  # fmt: skip
    total = evaluation.overall
    rows.append(
        ["overall", total.extracted, total.correct, total.must, total.found,
         _measure(total.precision), _measure(total.recall), _measure(total.f1)]
    )  # fmt: skip
    print_table(
        f"{evaluation.texts} labelled texts",
        ["kind", "extracted", "correct", "must", "found", "precision", "recall", "F1"],
        rows,
    )
    if not details:
        return
    if evaluation.misses:
        console.print(f"\n[bold]misses[/bold] ({len(evaluation.misses)})")
        for name, expected in evaluation.misses:
            console.print(f"  {name}: {expected.describe()}", markup=False)
    if evaluation.false_positives:
        console.print(f"\n[bold]false positives[/bold] ({len(evaluation.false_positives)})")
        for name, claim, forbidden in evaluation.false_positives:
            flag = " [must_not]" if forbidden else ""
            line = (
                f"  {name}{flag}: {claim.kind.value} {claim.sender or '?'}→{claim.receiver} "
                f"{claim_summary(claim)} — “{_short(claim.quote or '', 70)}”"
            )
            console.print(line, markup=False)


def register(cli: click.Group) -> None:
    languages = sorted(registered())

    @cli.command()
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option(
        "--published",
        metavar="YYYY-MM-DD",
        callback=_date,
        help="Publication date, to resolve relative dates [default: the page's own date "
        "for HTML, else none].",
    )
    @click.option(
        "--lang",
        type=click.Choice([*languages, "auto"]),
        default="auto",
        show_default=True,
        help="Language of the text; auto detects it per paragraph.",
    )
    @format_option
    def extract(file: Path, published: dt.date | None, lang: str, fmt: OutputFormat) -> None:
        """Print the claims a .txt or .html FILE states, without touching a database."""
        text, page_date = read_document(file)
        claims = extract_claims(
            text,
            published=published or page_date,
            language=None if lang == "auto" else lang,
        )
        if fmt is OutputFormat.json:
            print_json([c.to_dict() for c in claims])
        else:
            _print_claims(claims)

    @cli.command(name="eval")
    @click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
    @click.option(
        "--floors",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="JSON file of quality floors; fail (exit 1) when a measure drops below one.",
    )
    @click.option(
        "--details/--no-details",
        default=True,
        show_default=True,
        help="List misses and false positives after the scores.",
    )
    @format_option
    def eval_(directory: Path, floors: Path | None, details: bool, fmt: OutputFormat) -> None:
        """Score the extractor on DIRECTORY of labelled texts (NAME.txt with NAME.yaml).

        Prints precision, recall and F1 per claim kind and overall, then the claims it
        missed and the ones it got wrong.
        """
        evaluation = evaluate(directory)
        if fmt is OutputFormat.json:
            print_json(evaluation.to_dict())
        else:
            _print_evaluation(evaluation, details)
        if floors is not None:
            failures = below_floors(evaluation, load_floors(floors))
            if failures:
                raise ThirdCountryError("below the quality floors: " + "; ".join(failures))
