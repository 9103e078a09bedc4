"""What the drafting tests ask of a release: its proposals, each as (dates, type's slug, whether unticked)."""

import datetime as dt

from events.importers.release import propose


def proposals(text: str, published: str) -> list[tuple[str, str, bool]]:
    return [
        (p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=dt.date.fromisoformat(published))
    ]
