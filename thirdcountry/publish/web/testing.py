"""Running the web app for a real browser: a loopback server thread and Debian's Chromium.

Used by the browser tests and ``scripts/screenshots.py``. Playwright always drives the
system Chromium (never a browser it downloads), with the flags that keep it off the
network on a machine without one.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from thirdcountry.publish.web.server import uvicorn_config

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def launch_chromium(playwright: Any) -> Any:
    """Playwright's Chromium handle on the system browser."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LocalServer:
    """An ASGI app served by uvicorn on 127.0.0.1 in a daemon thread, as a context manager."""

    def __init__(self, app: Any, *, start_timeout: float = 20.0) -> None:
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn_config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.start_timeout = start_timeout

    def __enter__(self) -> LocalServer:
        self.thread.start()
        deadline = time.monotonic() + self.start_timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the local server on port {self.port} did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


# Runs before any page script, through the DevTools protocol (so the page's own policy does
# not block it), and turns every violation event into a console error.
CSP_PROBE = (
    "document.addEventListener('securitypolicyviolation', function (e) {"
    " console.error('CSP violation: ' + e.violatedDirective + ' blocked '"
    " + (e.blockedURI || 'inline') + ' on ' + document.location.pathname); });"
)


def is_csp_violation(text: str) -> bool:
    return text.startswith("CSP violation:") or "Content Security Policy" in text


def watch_csp(context: Any, found: list[str]) -> None:
    """Collect into ``found`` every Content-Security-Policy violation in the pages of a
    Playwright browser context: Chromium's own console report and the violation event."""
    context.add_init_script(CSP_PROBE)
    context.on(
        "console",
        lambda message: (
            found.append(message.text)
            if message.type == "error" and is_csp_violation(message.text)
            else None
        ),
    )
