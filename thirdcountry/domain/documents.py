"""Documents: the sources claims cite."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.ids import content_hash, new_id
from thirdcountry.domain.vocabulary import DatePrecision, DocumentKind

LANGUAGES = frozenset({"en", "es", "fr", "pt", "de", "it", "nl", "da", "sq", "und"})


@dataclass(frozen=True, slots=True)
class Document:
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_precision: DatePrecision | None = None
    language: str | None = None
    kind: DocumentKind = DocumentKind.NEWS
    author: str | None = None
    text: str | None = None
    content_hash: str | None = None
    source_id: str | None = None  # the original this document is a (near-)copy of
    id: str = field(default_factory=new_id)

    @property
    def published_date(self) -> PartialDate | None:
        if self.published is None:
            return None
        return PartialDate.of(self.published, self.published_precision or DatePrecision.DAY)

    @property
    def independent_source(self) -> str:
        """The id that counts as one source: copies share their original's."""
        return self.source_id or self.id

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published_date.isoformat() if self.published_date else None,
            "language": self.language,
            "kind": self.kind.value,
            "author": self.author,
            "content_hash": self.content_hash,
            "source_id": self.source_id,
        }
        if with_text:
            out["text"] = self.text
        return {k: v for k, v in out.items() if v is not None}


def validate_document(doc: Document) -> Document:
    """A normalised copy of ``doc`` or a ValidationError naming what is wrong."""
    changes: dict[str, Any] = {}
    try:
        changes["kind"] = DocumentKind(doc.kind)
    except ValueError:
        allowed = ", ".join(k.value for k in DocumentKind)
        raise ValidationError(f"document kind {doc.kind!r} is not one of: {allowed}") from None
    if doc.url is not None:
        url = doc.url.strip()
        parts = urlsplit(url)
        is_web = parts.scheme in ("http", "https") and bool(parts.netloc)
        # Sources without a web address (a seed file, a PDF from a ministry) cite a path.
        if not is_web and (parts.scheme not in ("", "file") or not parts.path):
            raise ValidationError(f"url {doc.url!r} is neither an http(s) URL nor a path", "url")
        changes["url"] = url
    if doc.language is not None:
        language = doc.language.strip().lower()
        if language not in LANGUAGES:
            raise ValidationError(
                f"language {doc.language!r} is not supported "
                f"(one of: {', '.join(sorted(LANGUAGES))})",
                "language",
            )
        changes["language"] = language
    if doc.published is not None and doc.published_precision is None:
        changes["published_precision"] = DatePrecision.DAY
    if doc.text is not None and doc.content_hash is None:
        changes["content_hash"] = content_hash(doc.text)
    if doc.url is None and doc.text is None and doc.title is None:
        raise ValidationError("a document needs a url, a title or a text")
    return replace(doc, **changes)
