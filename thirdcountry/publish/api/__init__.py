"""The read-only JSON API under /api/v1/: a FastAPI application (``app.create_api``) that
the web app mounts. ``resources`` builds its bodies without HTTP, for the static site too."""
