"""Generate docs/cli.md from the commands themselves, so the reference cannot drift.

Run ``python -m thirdcountry.cli.reference > docs/cli.md`` (``make docs`` does it).
"""

from __future__ import annotations

import click

from thirdcountry.cli import cli


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found.extend(_walk(command.commands[name], [*path, name]))
    return found


def _param_line(param: click.Parameter) -> str:
    if isinstance(param, click.Argument):
        return f"- `{param.human_readable_name}` (argument)"
    assert isinstance(param, click.Option)
    names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
    choices = ""
    if isinstance(param.type, click.Choice):
        choices = " One of: " + ", ".join(f"`{c}`" for c in param.type.choices) + "."
    return f"- {names}: {param.help or ''}{choices}".rstrip()


def cli_markdown() -> str:
    root = cli
    lines = [
        "# Command-line reference",
        "",
        "Generated from the commands (`make docs`); a test fails when it is out of date.",
        "",
    ]
    for path, command in _walk(root, ["thirdcountry"]):
        if len(path) == 1:
            continue
        lines += [f"## `{' '.join(path)}`", "", (command.help or "").strip(), ""]
        params = [p for p in command.params if p.name not in ("help", "version")]
        if params:
            lines += [_param_line(p) for p in params]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(cli_markdown(), end="")
