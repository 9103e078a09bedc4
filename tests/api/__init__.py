"""Tests of events/api/."""
