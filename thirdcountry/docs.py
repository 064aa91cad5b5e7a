"""Regenerate the generated documents under docs/ (``make docs``)."""

from __future__ import annotations

from pathlib import Path

from thirdcountry.cli.reference import cli_markdown
from thirdcountry.settings import settings_markdown

GENERATED = {"cli.md": cli_markdown, "settings.md": settings_markdown}


def main(folder: Path = Path("docs")) -> None:
    folder.mkdir(exist_ok=True)
    for name, render in GENERATED.items():
        (folder / name).write_text(render(), encoding="utf-8")
        print(f"wrote {folder / name}")


if __name__ == "__main__":
    main()
