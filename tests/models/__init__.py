"""Tests of events/models/."""
