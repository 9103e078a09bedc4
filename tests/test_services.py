"""events/services.py: the admin's, the API's and the bulk writes, with the publish permission's rule."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from events import freshness, services
from events.importers.ics import import_calendar
from events.models import Event, EventType, Source

from .factories import EventFactory, EventTypeFactory, VenueFactory
from .writes import draft, ics_event, release

pytestmark = pytest.mark.django_db


# The admin's writes and the bulk ones ------------------------------------------------------------------------------


def test_an_editor_may_not_save_a_published_event_and_nothing_is_saved(django_user_model):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    event = EventFactory(is_published=True)
    event.title_en = "Changed"

    with pytest.raises(PermissionDenied):
        services.save_checked(editor, event)

    assert Event.objects.get(pk=event.pk).title_en != "Changed"


def test_run_on_each_counts_the_changed_events_and_says_why_each_refused_one_was_refused(django_user_model):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    draft_event = EventFactory(is_published=False, title_en="Draft")
    published = EventFactory(is_published=True, title_en="Public")
    cancelled = EventFactory(is_published=False, title_en="Called off", status=Event.Status.CANCELLED)

    done, refusals = services.run_on_each(editor, Event.objects.order_by("pk"), services.cancel_event, check=True)

    assert done == 1
    assert refusals == ["Public: Only a publisher may publish events or change published ones; save it as a draft."]
    assert [event.status for event in Event.objects.filter(pk__in=[draft_event.pk, cancelled.pk])] == [
        Event.Status.CANCELLED,
        Event.Status.CANCELLED,
    ]
    assert Event.objects.get(pk=published.pk).status == Event.Status.CONFIRMED


@pytest.mark.parametrize(("published", "public_change"), [(True, True), (False, False)])
def test_announcing_a_venue_change_counts_it_as_public_only_when_a_public_event_is_there(published, public_change):
    venue = VenueFactory()
    event = EventFactory(venue=venue, is_published=published)
    before = freshness.current()

    count = services.announce_venue_change(venue)

    after = freshness.current()
    assert count == 1
    assert (after.number > before.number, after.edits > before.edits) == (public_change, True)
    assert Event.objects.get(pk=event.pk).sequence == event.sequence + 1


def test_save_venue_announces_only_a_change_subscribers_see():
    venue = VenueFactory()
    EventFactory(venue=venue)

    venue.address_en = "Spiridonovka 17"
    address = services.save_venue(venue, ["address_en"])
    venue.city_en = "Moskva"
    city = services.save_venue(venue, ["city_en"])

    assert (address, city) == (None, 1)


def test_an_import_of_drafts_only_touches_the_data_version_and_a_published_one_bumps_it():
    EventTypeFactory(slug="visit")
    before = freshness.current()

    import_calendar(ics_event())
    drafts = freshness.current()
    import_calendar(ics_event(UID="partner-2"), publish=True)
    published = freshness.current()

    assert (drafts.number, drafts.edits > before.edits) == (before.number, True)
    assert published.number > drafts.number


def test_drafts_the_model_refuses_save_nothing_and_say_which_draft_was_refused():
    good = draft()
    bad = draft(dates=(dt.date(2027, 11, 14), dt.date(2027, 11, 14), Event.Precision.DAY), title="x" * 301)

    with pytest.raises(services.DraftsRefused) as refused:
        services.save_drafts(release(), [good, bad])

    assert list(refused.value.errors) == [1]
    assert (Event.objects.count(), Source.objects.count()) == (0, 0)


def test_drafts_are_saved_unpublished_with_the_release_as_their_source_in_its_language():
    EventType.objects.filter(slug="visit").delete()
    visit = EventTypeFactory(slug="visit")

    [saved] = services.save_drafts(release(language="ru", title="Комментарий"), [draft(event_type=visit)])

    assert (saved.is_published, saved.source.title_en, saved.source.title_ru, saved.title_ru) == (
        False,
        "Комментарий",
        "Комментарий",
        "Consultations",
    )
