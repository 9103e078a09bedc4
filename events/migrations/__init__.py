"""Schema and data migrations of the events application."""
