"""The HTTP server's configuration, one place for ``serve`` and the loopback test server."""

from __future__ import annotations

from typing import Any

import uvicorn


def uvicorn_config(app: Any, *, host: str, port: int, log_level: str = "info") -> uvicorn.Config:
    """uvicorn settings for the app.

    ``proxy_headers=False``: uvicorn would otherwise believe X-Forwarded-For and
    X-Forwarded-Proto from any loopback client (its ``forwarded_allow_ips`` default), so a
    local user could pose as any address and as HTTPS. The app decides that itself, from
    the ``trust_forwarded`` and ``trusted_proxies`` settings (``web.forwarded``).
    """
    return uvicorn.Config(
        app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False
    )
