"""The built-in export formats, one module each; importing a module registers it."""
