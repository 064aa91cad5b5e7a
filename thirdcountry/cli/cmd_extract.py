"""`extract` and `eval`: claims from one file, and the extractor's score on labelled texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from thirdcountry.cli.options import OutputFormat, format_option
from thirdcountry.cli.output import claim_summary, console, counted, print_json, print_table
from thirdcountry.domain.claims import Claim
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import BadInput, ThirdCountryError, ValidationError
from thirdcountry.domain.vocabulary import ClaimKind
from thirdcountry.extract import extract_claims, read_html
from thirdcountry.extract.evaluate import (
    Evaluation,
    KindScore,
    below_floors,
    evaluate,
    load_floors,
)
from thirdcountry.extract.labels import SPLITS
from thirdcountry.extract.rules import registered
from thirdcountry.ingest.binary import binary_kind
from thirdcountry.ingest.files import read_limited
from thirdcountry.ingest.model import SourceError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_SNIFF_BYTES = 8192
# Documents `extract` does not read, known by their names: said so before reading them.
_OFFICE_SUFFIXES = frozenset(
    {".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".epub"}
)
READS = "extract reads plain text (.txt) and HTML (.html, .htm) files"


def read_document(path: Path) -> tuple[str, dt.date | None]:
    """The text of a .txt or .html file, and the publication date an HTML page gives."""
    if path.suffix.lower() in _OFFICE_SUFFIXES:
        raise BadInput(f"{path}: a {path.suffix.lower()} document is not read here; {READS}")
    try:
        raw = read_limited(path)  # streamed, with ingest's limit for files
    except SourceError as exc:
        raise BadInput(f"{path}: {exc.message}") from None
    kind = binary_kind(raw)
    if kind is not None:
        raise BadInput(f"{path}: looks like binary data ({kind}), not text or HTML; {READS}")
    head = raw[:_SNIFF_BYTES]
    looks_html = path.suffix.lower() in HTML_SUFFIXES or head.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    )
    if looks_html:
        page = read_html(raw)
        return page.text, page.published
    return raw.decode("utf-8-sig", errors="replace"), None


# Where `eval --split` finds the real-news corpus's labels when no folder is given.
REALNEWS_LABELS = Path("tests") / "realnews" / "labels"


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValidationError:
        raise click.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known)"
        ) from None


def _print_claims(claims: list[Claim]) -> None:
    print_table(
        counted(len(claims), "claim", "claims"),
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


def _row(name: str, score: KindScore) -> list[object]:
    return [name, score.extracted, score.correct, score.must, score.found,
            _measure(score.precision), _measure(score.recall), _measure(score.f1)]  # fmt: skip


def _print_evaluation(evaluation: Evaluation, details: bool) -> None:
    rows = [_row(k.value, evaluation.kinds[k]) for k in ClaimKind if k in evaluation.kinds]
    rows.append(_row("overall", evaluation.overall))
    print_table(
        counted(evaluation.texts, "labelled text", "labelled texts"),
        ["kind", "extracted", "correct", "must", "found", "precision", "recall", "F1"],
        rows,
    )
    languages = sorted(evaluation.languages)
    if len(languages) > 1:
        header = ["kind"] + [f"{code} {m}" for code in languages for m in ("P", "R")]
        table = []
        for kind in [*ClaimKind, None]:
            if kind is not None and kind not in evaluation.kinds:
                continue
            cells: list[object] = [kind.value if kind else "overall"]
            for code in languages:
                by_kind = evaluation.languages[code]
                score = evaluation.language_overall(code) if kind is None else by_kind.get(kind)
                cells += [_measure(score.precision if score else None),
                          _measure(score.recall if score else None)]  # fmt: skip
            table.append(cells)
        print_table("per language", header, table)
    bands = [b for b in evaluation.reliability() if b.claims]
    if bands:
        print_table(
            "reliability (share of claims correct by confidence)",
            ["confidence", "claims", "correct", "share correct", "mean confidence"],
            (
                [
                    f"{b.low:.1f}–{b.high:.1f}",
                    b.claims,
                    b.correct,
                    _measure(b.share),
                    _measure(b.mean_confidence),
                ]
                for b in bands
            ),
        )
    for note in evaluation.notes:
        console.print(f"note: {note}", markup=False)
    if not details:
        return
    if evaluation.misses:
        console.print(f"\n[bold]misses[/bold] ({len(evaluation.misses)})")
        for miss in evaluation.misses:
            console.print(f"  {miss.text}: {miss.expected.describe()}", markup=False)
            if miss.sentence:
                console.print(f"      “{_short(miss.sentence, 160)}”", markup=False)
    if evaluation.false_positives:
        console.print(f"\n[bold]false positives[/bold] ({len(evaluation.false_positives)})")
        for wrong in evaluation.false_positives:
            claim = wrong.claim
            flag = " [must_not]" if wrong.forbidden else ""
            line = (
                f"  {wrong.text}{flag}: {claim.kind.value} {claim.sender or '?'}→"
                f"{claim.receiver} {claim_summary(claim)}"
            )
            console.print(line, markup=False)
            console.print(f"      “{_short(claim.quote or '', 160)}”", markup=False)


def register(cli: click.Group) -> None:
    languages = sorted(registered())

    @cli.command()
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option(
        "--published",
        metavar="YYYY-MM-DD",
        callback=_date,
        help="Publication date, to resolve relative dates; YYYY-MM or YYYY when only that is "
        "known [default: the page's own date for HTML, else none].",
    )
    @click.option(
        "--lang",
        type=click.Choice([*languages, "auto"]),
        default="auto",
        show_default=True,
        help="Language of the text; auto detects it per paragraph.",
    )
    @format_option
    def extract(file: Path, published: PartialDate | None, lang: str, fmt: OutputFormat) -> None:
        """Print the claims a .txt or .html FILE states, without touching a database.

        Other documents (PDF, Word, spreadsheets) are refused with an error naming the file;
        `thirdcountry ingest` reads PDF."""
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
    @click.argument(
        "directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
    )
    @click.option(
        "--split",
        type=click.Choice(SPLITS),
        help="Score only the labels of this split (document.split) [default DIRECTORY: "
        f"{REALNEWS_LABELS}].",
    )
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
    def eval_(
        directory: Path | None,
        split: str | None,
        floors: Path | None,
        details: bool,
        fmt: OutputFormat,
    ) -> None:
        """Score the extractor on DIRECTORY of labelled texts (NAME.txt with NAME.yaml, or
        labels naming their text in document.text).

        Prints precision, recall and F1 per claim kind and overall, and per language, then
        the claims it missed and the ones it got wrong, each with its sentence.
        """
        if directory is None:
            if split is None:
                raise BadInput("eval needs a DIRECTORY of labelled texts, or --split dev|test")
            directory = REALNEWS_LABELS
            if not directory.is_dir():
                raise BadInput(f"no {directory} folder here: give the labels' DIRECTORY")
        evaluation = evaluate(directory, split=split)
        if fmt is OutputFormat.json:
            print_json(evaluation.to_dict())
        else:
            _print_evaluation(evaluation, details)
        if floors is not None:
            failures = below_floors(evaluation, load_floors(floors))
            if failures:
                raise ThirdCountryError("below the quality floors: " + "; ".join(failures))
