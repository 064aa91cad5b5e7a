"""Security headers on every response: pages, the API, /data/ files, static files and
errors; no-store for signed-in visitors; HSTS over HTTPS only; templates that need no
``unsafe-inline``."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from thirdcountry.publish.web import create_app

from .conftest import Seeded, login

TEMPLATES = Path(__file__).parents[2] / "thirdcountry" / "publish" / "web" / "templates"
PUBLIC_PATHS = (
    "/en/",
    "/es/country/XK",
    "/api/v1/arrangements",
    "/data/claims.csv",
    "/static/site.css",
    "/en/claim/no-such-claim",
    "/login",
)


def directives(response: object) -> dict[str, str]:
    policy = response.headers["content-security-policy"]  # type: ignore[attr-defined]
    parts = (p.strip().split(" ", 1) for p in policy.split(";") if p.strip())
    return {p[0]: p[1] if len(p) > 1 else "" for p in parts}


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_response_carries_the_headers(seeded: Seeded, path: str) -> None:
    with TestClient(create_app(seeded.store)) as client:
        response = client.get(path, follow_redirects=False)
    policy = directives(response)
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert policy["frame-ancestors"] == "'none'" and policy["script-src"] == "'self'"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert "strict-transport-security" not in response.headers, "plain http"


def test_a_signed_in_visitor_gets_no_store_everywhere(seeded: Seeded) -> None:
    with TestClient(create_app(seeded.store)) as client:
        assert "no-store" not in client.get("/en/").headers.get("cache-control", "")
        login(client, "reviewer")
        for path in ("/en/", "/review", "/data/claims.csv", "/api/v1/arrangements"):
            assert client.get(path).headers["cache-control"] == "no-store", path


def test_review_and_account_pages_are_never_stored(seeded: Seeded) -> None:
    with TestClient(create_app(seeded.store)) as client:
        for path in ("/login", "/review", "/admin/users", "/contribute"):
            response = client.get(path, follow_redirects=False)
            assert response.headers["cache-control"] == "no-store", path
        answer = client.get("/review/api/me", headers={"Authorization": "Bearer not-a-token"})
    assert answer.status_code == 401 and answer.headers["cache-control"] == "no-store"


def test_hsts_only_over_https(seeded: Seeded) -> None:
    with TestClient(create_app(seeded.store), base_url="https://tracker.example") as client:
        assert client.get("/en/").headers["strict-transport-security"].startswith("max-age=")
    with TestClient(create_app(seeded.store), client=("127.0.0.1", 5000)) as client:
        forged = client.get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in forged.headers


def test_the_api_documentation_allows_only_its_own_inline_script(seeded: Seeded) -> None:
    with TestClient(create_app(seeded.store)) as client:
        response = client.get("/api/v1/docs")
    policy = directives(response)
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert policy["frame-ancestors"] == "'none'"
    scripts = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    assert scripts
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy["script-src"]


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_templates_need_no_inline_script_or_style(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert not re.search(r"<style\b", text), "inline <style>"
    assert not re.search(r"\sstyle=", text), "style attribute"
    assert not re.search(r"\son[a-z]+\s*=", text), "event handler attribute"
    assert "javascript:" not in text
