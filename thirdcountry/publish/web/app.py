"""Application factory: one FastAPI app, routers discovered from ``routes/``.

Each module in ``publish/web/routes/`` defines ``router`` (an APIRouter); adding pages or
endpoints is adding a module. The store lives on ``app.state.store``; handlers get it with
the ``get_store`` dependency and read through ``thirdcountry.store``.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from thirdcountry import __version__
from thirdcountry.publish.api.app import create_api
from thirdcountry.publish.web import routes
from thirdcountry.publish.web.compression import HtmlGzip
from thirdcountry.publish.web.errors import install_error_handlers
from thirdcountry.publish.web.forwarded import ForwardedHeaders, ProxyTrust
from thirdcountry.publish.web.security_headers import SecurityHeaders
from thirdcountry.settings import load_settings
from thirdcountry.store import Store, open_store

STATIC = Path(__file__).parent / "static"


def create_app(store: Store | str) -> FastAPI:
    """The web app over ``store`` (a Store or a database URL)."""
    if isinstance(store, str):
        store = open_store(store)
    app = FastAPI(
        title="thirdcountry",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.store = store
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Mounted before the page routes so that no language catch-all can shadow it.
    app.mount("/api/v1", create_api(store), name="api")
    install_error_handlers(app)
    for module in sorted(pkgutil.iter_modules(routes.__path__), key=lambda m: m.name):
        loaded = importlib.import_module(f"{routes.__name__}.{module.name}")
        app.include_router(loaded.router)
    # Innermost: it sees each page's own headers and leaves API and file bodies alone.
    app.add_middleware(HtmlGzip)
    app.add_middleware(SecurityHeaders)
    # Outermost, so that everything inside sees the client and scheme it settles on.
    app.add_middleware(ForwardedHeaders, trust=ProxyTrust.from_settings(load_settings()))
    return app
