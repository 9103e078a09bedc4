"""What brings events in: the iCalendar import (ics*.py) and drafting from a press release (release*.py)."""
