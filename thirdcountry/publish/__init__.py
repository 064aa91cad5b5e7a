"""Publishing: the web app (site, API, review), exports and the static site."""
