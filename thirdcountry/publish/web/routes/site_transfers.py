"""The transfers page: every distinct transfer, filters, and the flow view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import Response

from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.projection import Transfer
from thirdcountry.publish.browse import country_param
from thirdcountry.publish.exports.tables import TRANSFERS, transfer_row
from thirdcountry.publish.web.deps import check_language
from thirdcountry.publish.web.site import flows
from thirdcountry.publish.web.site.downloads import FORMATS, download, wanted_format
from thirdcountry.publish.web.site.pages import FORMATTERS, page, picture
from thirdcountry.store.public import PublicTransfer

router = APIRouter()


def _day(raw: str | None, name: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadInput(f"{name}: {raw!r} is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True, slots=True)
class TransferFilter:
    sender: str | None = None
    receiver: str | None = None
    nationality: str | None = None
    start: date | None = None
    end: date | None = None

    @property
    def active(self) -> bool:
        return any((self.sender, self.receiver, self.nationality, self.start, self.end))

    def matches(self, t: Transfer) -> bool:
        """Every filter given holds; a date filter drops undated transfers."""
        if (self.sender and t.sender != self.sender) or (
            self.receiver and t.receiver != self.receiver
        ):
            return False
        if self.nationality and self.nationality not in t.nationalities:
            return False
        if self.start or self.end:
            if t.date is None:
                return False
            if self.start and t.date.end < self.start:
                return False
            if self.end and t.date.start > self.end:
                return False
        return True


def _public(transfers: list[Transfer], kind: str) -> list[PublicTransfer]:
    # The API's and the export's id of a transfer event: its earliest claim's id.
    return [PublicTransfer(min(t.claim_ids), kind, t) for t in transfers]


def _api_link(chosen: TransferFilter) -> str | None:
    """The same query in the API, when the API has every filter used (no nationality)."""
    if chosen.nationality:
        return None
    params = {
        "sender": chosen.sender,
        "receiver": chosen.receiver,
        "date_from": chosen.start.isoformat() if chosen.start else None,
        "date_to": chosen.end.isoformat() if chosen.end else None,
    }
    kept = {k: v for k, v in params.items() if v}
    return "/api/v1/transfers" + (f"?{urlencode(kept)}" if kept else "")


@router.get("/{lang}/transfers", include_in_schema=False)
def transfers(
    request: Request,
    lang: str,
    sender: str | None = None,
    receiver: str | None = None,
    nationality: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Response:
    check_language(lang)
    shown = picture(request)
    chosen = TransferFilter(
        sender=country_param(sender, "sender"),
        receiver=country_param(receiver, "receiver"),
        nationality=country_param(nationality, "nationality"),
        start=_day(start, "start"),
        end=_day(end, "end"),
    )
    everything = shown.transfers()
    rows = [t for t in everything if chosen.matches(t)]
    onward = [t for t in shown.onward_transfers() if chosen.matches(t)]
    given = {k: v for k, v in request.query_params.items() if v and k != "format"}
    wanted = wanted_format(request.query_params)
    if wanted is not None:
        events = [*_public(rows, "transfer"), *_public(onward, "onward_transfer")]
        return download(
            wanted,
            TRANSFERS,
            (transfer_row(t) for t in events),
            [t.to_dict() for t in events],
            given,
        )
    fmt = FORMATTERS[lang]
    return page(
        request,
        "site/transfers.html",
        lang,
        {
            "rows": rows,
            "onward": onward,
            "chosen": chosen,
            "filtered": chosen.active,
            "senders": fmt.sort_countries(t.sender for t in everything),
            "receivers": fmt.sort_countries(t.receiver for t in everything),
            "nationalities": fmt.sort_countries(n for t in everything for n in t.nationalities),
            "people": sum(t.count or 0 for t in rows),
            "flow": flows.layout(rows),
            "SEVERAL": flows.SEVERAL,
            "UNKNOWN": flows.UNKNOWN,
            "downloads": {
                kind: f"/{lang}/transfers?{urlencode({**given, 'format': kind})}"
                for kind in FORMATS
            },
            "api_link": _api_link(chosen),
        },
        current=shown,
    )
