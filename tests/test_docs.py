"""Documentation that is tested: generated references are current, everything is named."""

from pathlib import Path

from thirdcountry.cli import cli
from thirdcountry.cli.reference import cli_markdown
from thirdcountry.domain.vocabulary import VALUES_BY_KIND, ClaimKind
from thirdcountry.settings import SETTINGS, settings_markdown

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


def test_cli_reference_is_current() -> None:
    assert (DOCS / "cli.md").read_text() == cli_markdown(), "run `make docs`"


def test_settings_reference_is_current() -> None:
    assert (DOCS / "settings.md").read_text() == settings_markdown(), "run `make docs`"


def test_every_command_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text()
    missing = [name for name in cli.commands if f"thirdcountry {name}" not in readme]
    assert not missing, f"README lacks: {missing}"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text()
    assert all(f"`{s.env}`" in text for s in SETTINGS)


def test_every_claim_kind_and_value_is_documented() -> None:
    text = (DOCS / "claims.md").read_text()
    for kind in ClaimKind:
        assert f"`{kind.value}`" in text, kind
        for value in VALUES_BY_KIND.get(kind, ()):
            assert f"`{value.value}`" in text, value
