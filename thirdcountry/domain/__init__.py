"""Pure types and rules. Imports nothing else of the project."""
