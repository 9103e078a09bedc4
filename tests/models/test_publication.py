"""Who sees an event when: "public at a time" defined once, for the database and in Python
(events/models/publication.py)."""

import datetime as dt

import pytest
from django.db.models import Q
from django.utils import timezone

from events.models import Event, public_at, public_condition
from events.models.publication import matches

from ..factories import EventFactory

pytestmark = pytest.mark.django_db


def test_public_and_public_at_agree_on_drafts_embargoes_and_their_ends(now):
    events = {
        "draft": EventFactory(is_published=False),
        "draft with an embargo time": EventFactory(is_published=False, publish_at=now - dt.timedelta(days=1)),
        "published": EventFactory(publish_at=None),
        "embargo ended": EventFactory(publish_at=now - dt.timedelta(minutes=1)),
        "embargo ends now": EventFactory(publish_at=now),
        "embargoed": EventFactory(publish_at=now + dt.timedelta(minutes=1)),
    }

    in_sql = {name for name, event in events.items() if event in Event.objects.public(now)}
    in_python = {name for name, event in events.items() if public_at(event.is_published, event.publish_at, now)}

    assert in_sql == in_python == {"published", "embargo ended", "embargo ends now"}


def test_embargoed_keeps_published_events_not_yet_public(now):
    embargoed = EventFactory(publish_at=now + dt.timedelta(minutes=1))
    EventFactory(publish_at=now)
    EventFactory(publish_at=None)
    EventFactory(is_published=False, publish_at=now + dt.timedelta(days=1))

    assert list(Event.objects.embargoed(now)) == [embargoed]


def test_is_embargoed_is_published_but_not_yet_public():
    soon = timezone.now() + dt.timedelta(days=1)
    embargoed = EventFactory(publish_at=soon)
    draft = EventFactory(is_published=False)
    public = EventFactory(publish_at=timezone.now() - dt.timedelta(days=1))

    assert [(event.is_public, event.is_embargoed) for event in (embargoed, draft, public)] == [
        (False, True),
        (False, False),
        (True, False),
    ]


def test_was_public_is_the_publication_as_last_read_from_the_database():
    event = Event.objects.get(pk=EventFactory(is_published=True).pk)

    event.is_published = False

    assert (event.was_public, event.is_public, event.stored("is_published")) == (True, False, True)


def test_matches_takes_a_comparison_with_no_value_as_not_true(now):
    assert (
        matches(public_condition(now), {"is_published": True, "publish_at": None}),
        matches(Q(publish_at__lte=now), {"publish_at": None}),
        matches(Q(publish_at__gt=now), {"publish_at": None}),
    ) == (True, False, False)


def test_matches_refuses_a_negated_condition(now):
    with pytest.raises(ValueError, match="Only AND and OR of lookups"):
        matches(~Q(publish_at__lte=now), {"publish_at": now})
