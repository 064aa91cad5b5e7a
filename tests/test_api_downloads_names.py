"""Download names are safe header values whatever the filters hold."""

from thirdcountry.publish.exports.registry import attachment


def test_a_filter_outside_latin1_or_with_quotes_makes_an_ascii_name() -> None:
    header = attachment('claims-outlet-Ā"x"-kind-capacity', "csv")["Content-Disposition"]
    header.encode("latin-1")  # what the server must send
    assert header == 'attachment; filename="claims-outlet-x-kind-capacity.csv"'


def test_an_empty_name_still_names_the_file() -> None:
    assert attachment("Ā", "json") == {
        "Content-Disposition": 'attachment; filename="download.json"'
    }
