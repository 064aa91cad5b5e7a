"""Helpers of the public site's pages: formatting, the world map, the flow view, forms."""
