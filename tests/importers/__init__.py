"""Tests of events/importers/."""
