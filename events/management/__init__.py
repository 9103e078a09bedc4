"""Management commands of the events application."""
