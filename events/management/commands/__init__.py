"""The events application's manage.py commands."""
