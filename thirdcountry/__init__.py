"""thirdcountry: an evidence-first tracker of third-country deportation arrangements."""

__version__ = "0.1.0"
