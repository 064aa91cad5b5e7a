"""scale stage (see DESIGN.md)."""
