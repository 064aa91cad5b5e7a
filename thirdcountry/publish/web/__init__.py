"""The FastAPI application shared by the public site, the JSON API and the review pages."""

from thirdcountry.publish.web.app import create_app

__all__ = ["create_app"]
