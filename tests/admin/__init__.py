"""Tests of events/admin/."""
