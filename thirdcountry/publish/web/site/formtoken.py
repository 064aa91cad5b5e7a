"""Protection of the public "report a problem" form against cross-site posts.

Two simple checks, both needed to post: the form carries a token signed with a key kept in
the store (so another site cannot forge one) that names the claim it was issued for and
expires; and a browser's ``Origin`` header, when present, must be this site. The reviewers'
forms have their own, session-bound protection; this module protects anonymous posts only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from starlette.requests import Request

from thirdcountry.domain.errors import BadInput, Forbidden

MAX_AGE_SECONDS = 24 * 3600
_SALT = "thirdcountry.problem-report"


class FormTokens:
    def __init__(self, secret: str, max_age: int = MAX_AGE_SECONDS) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt=_SALT)
        self._max_age = max_age

    def issue(self, claim_id: str) -> str:
        return self._serializer.dumps(claim_id)

    def check(self, token: str, claim_id: str) -> None:
        """Raise unless ``token`` was issued by this site for ``claim_id`` and is fresh."""
        try:
            signed_for = self._serializer.loads(token, max_age=self._max_age)
        except SignatureExpired:
            raise BadInput("the form has expired: reload the page and send it again") from None
        except BadSignature:
            raise Forbidden("the form was not issued by this site") from None
        if signed_for != claim_id:
            raise Forbidden("the form was issued for another claim")


def check_origin(request: Request) -> None:
    """Refuse a post whose browser says it comes from another site."""
    origin = request.headers.get("origin")
    if origin is None:
        return  # not sent by a browser, or a same-origin post from an older one
    if origin == "null" or urlsplit(origin).netloc != request.headers.get(
        "host", request.url.netloc
    ):
        raise Forbidden("posts from other sites are not accepted")
