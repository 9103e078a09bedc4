"""The diplomatic event calendar's application."""
