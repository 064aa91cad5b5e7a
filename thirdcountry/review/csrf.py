"""CSRF tokens: synchronizer tokens signed with itsdangerous.

A token is the signature of the visitor's *binding* — the hash of their session once
logged in, a random pre-session value before (so the login form is protected too). A
page from another site can neither read the token nor forge a signature for a binding it
does not know, so a form it submits is refused.
"""

from __future__ import annotations

import hmac
import secrets

from itsdangerous import BadSignature, URLSafeTimedSerializer

from thirdcountry.store import Store
from thirdcountry.store.kept_secrets import kept_secret

SECRET_META_KEY = "signing_secret"
_SALT = "thirdcountry-csrf"


def signing_secret(store: Store, configured: str | None = None) -> str:
    """The configured secret, else one generated on first use and kept in the database,
    so every worker and every restart signs alike."""
    if configured:
        return configured
    return kept_secret(store, SECRET_META_KEY, lambda: secrets.token_urlsafe(48))


class CsrfSigner:
    def __init__(self, secret: str, max_age_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt=_SALT)
        self._max_age = max_age_seconds

    def issue(self, binding: str) -> str:
        return self._serializer.dumps(binding)

    def check(self, token: str | None, binding: str | None) -> bool:
        if not token or not binding:
            return False
        try:
            signed = self._serializer.loads(token, max_age=self._max_age)
        except BadSignature:  # also covers expired signatures
            return False
        return isinstance(signed, str) and hmac.compare_digest(signed, binding)
