"""`serve`: the web site, API and review pages over one database."""

from __future__ import annotations

import click

from thirdcountry.cli.options import db_option, store_for
from thirdcountry.cli.output import console


def register(cli: click.Group) -> None:
    @cli.command()
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
    @click.option(
        "--port",
        default=8000,
        show_default=True,
        type=click.IntRange(1, 65535),
        help="Port to listen on.",
    )
    @db_option
    def serve(host: str, port: int, db: str | None) -> None:
        """Serve the public site, the JSON API and the review pages."""
        import uvicorn

        from thirdcountry.publish.web import create_app
        from thirdcountry.publish.web.server import uvicorn_config

        store = store_for(db)
        console.print(f"serving {store.display_url()} at http://{host}:{port}/")
        uvicorn.Server(uvicorn_config(create_app(store), host=host, port=port)).run()
