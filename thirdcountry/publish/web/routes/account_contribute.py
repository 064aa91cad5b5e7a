"""Contributors' page: hand in a source (a URL or a file) and propose claims."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import Response

from thirdcountry.domain.errors import BadInput, Conflict, NotFound, ThirdCountryError
from thirdcountry.domain.vocabulary import ClaimKind, DocumentKind
from thirdcountry.publish.web import auth
from thirdcountry.review import contribute
from thirdcountry.review.fields import EDITABLE
from thirdcountry.review.permissions import Action
from thirdcountry.store import review_records
from thirdcountry.store.accounts import User

router = APIRouter(route_class=auth.PageRoute)
CSRF = [Depends(auth.check_csrf)]


def _page(
    request: Request,
    user: User,
    *,
    refused: ThirdCountryError | None = None,
    values: dict[str, Any] | None = None,
) -> Response:
    with auth.store_of(request).read() as session:
        submissions = review_records.list_submissions(session, submitted_by=user.name)[:20]
        proposed = contribute.proposals_of(session, user.name)
    context = {
        "submissions": submissions,
        "proposed": proposed,
        "claim_kinds": [k.value for k in ClaimKind],
        "source_kinds": [k.value for k in DocumentKind],
        "values": values or {"document": request.query_params.get("document", "")},
    }
    return auth.page(request, "review_contribute.html", context, refused=refused)


@router.get("/contribute", include_in_schema=False)
def contribute_page(
    request: Request, user: Annotated[User, Depends(auth.requires(Action.SUBMIT_SOURCE))]
) -> Response:
    return _page(request, user)


@router.post("/contribute/source", include_in_schema=False, dependencies=CSRF)
async def submit_source(
    request: Request, user: Annotated[User, Depends(auth.requires(Action.SUBMIT_SOURCE))]
) -> Response:
    form = await request.form()
    meta = contribute.SourceMeta(
        title=str(form.get("title", "")),
        outlet=str(form.get("outlet", "")),
        kind=str(form.get("kind", "news") or "news"),
        language=str(form.get("language", "")),
        published=str(form.get("published", "")),
        note=str(form.get("note", "")),
    )
    url = str(form.get("url", "")).strip()
    upload = form.get("file")
    limit = auth.config(request).upload_max_bytes
    content = None
    if isinstance(upload, UploadFile) and upload.filename:
        # One byte past the limit is enough to refuse; never hold a huge upload in memory.
        content = await upload.read(limit + 1)

    def run() -> Response:
        try:
            with auth.store_of(request).write() as session:
                if content is not None and isinstance(upload, UploadFile):
                    done = contribute.submit_file(
                        session,
                        user.name,
                        upload.filename or "",
                        upload.content_type,
                        content,
                        meta,
                        max_bytes=limit,
                    )
                elif url:
                    done = contribute.submit_url(session, user.name, url, meta)
                else:
                    raise BadInput("give a URL or choose a file")
        except (BadInput, Conflict) as error:
            return _page(request, user, refused=error)
        flash = "known" if done.known else "submitted"
        return auth.redirect(
            request, auth.with_flash("/contribute", done=flash, document=done.document.id)
        )

    return await run_in_threadpool(run)


@router.post("/contribute/claim", include_in_schema=False, dependencies=CSRF)
async def propose_claim(
    request: Request, user: Annotated[User, Depends(auth.requires(Action.PROPOSE_CLAIM))]
) -> Response:
    form = await request.form()
    values = {name: str(form.get(name, "")) for name in EDITABLE if name in form}
    document_id = str(form.get("document", "")).strip() or None

    def run() -> Response:
        try:
            with auth.store_of(request).write() as session:
                contribute.propose_claim(session, user.name, document_id, values)
        except (BadInput, Conflict, NotFound) as error:
            shown = {**values, "document": document_id or ""}
            return _page(request, user, refused=error, values=shown)
        return auth.redirect(request, "/contribute?done=proposed")

    return await run_in_threadpool(run)
