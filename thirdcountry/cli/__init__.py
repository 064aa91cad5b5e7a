"""The `thirdcountry` command. Each subcommand is a thin call into one stage.

Commands live in the modules of this package named ``cmd_*.py``; each defines
``register(cli)``. Adding a command is adding a module, never editing a list.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import IO, Any

import click

from thirdcountry import __version__
from thirdcountry.domain.errors import ThirdCountryError


class CommandFailed(click.ClickException):
    """A project error as the CLI reports it: ``error: …`` on stderr and its exit code."""

    def __init__(self, error: ThirdCountryError) -> None:
        super().__init__(error.message)
        self.exit_code = error.exit_code  # type: ignore[misc]

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True, file=file)


class ThirdCountryGroup(click.Group):
    """Renders every ThirdCountryError in one place, for every subcommand."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ThirdCountryError as error:
            raise CommandFailed(error) from None


@click.group(
    cls=ThirdCountryGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="thirdcountry")
def cli() -> None:
    """Track third-country deportation and transfer arrangements, claim by cited claim."""


def _register_commands() -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("cmd_"):
            importlib.import_module(f"{__name__}.{module.name}").register(cli)


_register_commands()


def main() -> None:
    cli(prog_name="thirdcountry")
