"""publish stage (see DESIGN.md)."""
