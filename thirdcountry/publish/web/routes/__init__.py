"""Route modules; each defines ``router`` and is included by the app factory."""
