"""Tests of e-mail alerts: signing up, confirming, stopping, and the messages a real SMTP server receives."""
